// Word renderer of document blocks: a .docx written by python-docx (./word_docx.py, Debian python3-docx run
// with /usr/bin/python3), printed to PDF by LibreOffice headless. Deterministic PDF metadata (fixLibreOfficePdf).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureLibreOffice, fixLibreOfficePdf, PYTHON, sofficeToPdf, spawnP } from './install.mjs';

const BUILDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'word_docx.py');

export const ensureInstalled = ensureLibreOffice;

/** Renders blocks to outPdf (and the .docx to opts.docx when given). */
export async function renderBlocks(blocks, outPdf, opts = {}) {
  await ensureLibreOffice();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fdr-doc-word-'));
  try {
    const base = path.basename(outPdf).replace(/\.pdf$/i, '');
    const job = path.join(tmp, 'job.json');
    const docx = path.join(tmp, `${base}.docx`);
    fs.writeFileSync(job, JSON.stringify({ blocks, style: opts.style ?? {} }));
    await spawnP(PYTHON, [BUILDER, job, docx]);
    await sofficeToPdf(docx, tmp);
    const pdf = path.join(tmp, `${base}.pdf`);
    if (!fs.existsSync(pdf)) throw new Error(`soffice wrote no PDF for ${docx}`);
    fs.mkdirSync(path.dirname(path.resolve(outPdf)), { recursive: true });
    fs.writeFileSync(outPdf, fixLibreOfficePdf(fs.readFileSync(pdf)));
    if (opts.docx) fs.copyFileSync(docx, opts.docx);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
