// The one place document producers get their tools from: each roadmap producer already knows how to install
// what it needs (apt-get when missing, as root), so the document renderers reuse those.
export { ensureInstalled as ensureLibreOffice, convert as sofficeToPdf, fixPdf as fixLibreOfficePdf, spawnP } from '../libreoffice.mjs';
export { ensureInstalled as ensureReportLab } from '../reportlab.mjs';
export { ensureInstalled as ensureChromium } from '../chromium.mjs';

export const PYTHON = '/usr/bin/python3';
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** /CreationDate and /ModDate fixed (same byte length, so the xref offsets stay valid). */
export function fixPdfDates(buf) {
  const s = buf.toString('latin1').replace(/\/(CreationDate|ModDate) \(D:\d{14}/g, (m, k) => `/${k} (D:20240101000000`);
  return Buffer.from(s, 'latin1');
}
