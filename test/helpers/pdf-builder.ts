/**
 * Builds small PDFs byte by byte for the reader tests: pages with hand-written content streams and resources,
 * written with a classic cross-reference table or a cross-reference stream, optionally followed by an
 * incremental update. Text uses Helvetica (a standard font: no font program needed).
 */
import { deflateSync } from 'node:zlib';

export interface BuiltPage {
  content: string;
  /** Extra resource entries in PDF syntax, e.g. "/XObject << /Fm1 5 0 R >>" (object numbers from `extraObjects`). */
  resources?: string;
  /** Compress the content stream with FlateDecode (default true). */
  compress?: boolean;
}

export interface BuildOptions {
  pages: BuiltPage[];
  /** Further objects, numbered from `firstExtraObject(pages.length)` in order: full "<< … >>" or "<< … >> stream" bodies. */
  extraObjects?: string[];
  xref?: 'table' | 'stream';
  /** Page index → new content, written as an incremental update (a second body, xref section and /Prev). */
  update?: Map<number, string>;
}

/** Object numbering: 1 catalog, 2 pages, 3 font, then per page (page, content), then the extra objects. */
export const firstExtraObject = (pageCount: number) => 4 + 2 * pageCount;

const enc = new TextEncoder();

function streamObject(body: string, compress: boolean): Uint8Array {
  const data = compress ? deflateSync(Buffer.from(body, 'latin1')) : Buffer.from(body, 'latin1');
  return concat([enc.encode(`<< /Length ${data.length}${compress ? ' /Filter /FlateDecode' : ''} >>\nstream\n`), data, enc.encode('\nendstream')]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

class Writer {
  parts: Uint8Array[] = [];
  length = 0;
  offsets = new Map<number, number>();
  write(bytes: Uint8Array | string): void {
    const b = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
    this.parts.push(b);
    this.length += b.length;
  }
  object(num: number, body: Uint8Array | string): void {
    this.offsets.set(num, this.length);
    this.write(`${num} 0 obj\n`);
    this.write(body);
    this.write('\nendobj\n');
  }
}

export function buildPdf(options: BuildOptions): Uint8Array {
  const { pages } = options;
  const w = new Writer();
  w.write('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  const pageNum = (i: number) => 4 + 2 * i;
  w.object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  w.object(2, `<< /Type /Pages /Count ${pages.length} /Kids [${pages.map((_, i) => `${pageNum(i)} 0 R`).join(' ')}] /MediaBox [0 0 595 842] >>`);
  w.object(3, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  pages.forEach((p, i) => {
    w.object(pageNum(i), `<< /Type /Page /Parent 2 0 R /Contents ${pageNum(i) + 1} 0 R /Resources << /Font << /F1 3 0 R >> ${p.resources ?? ''} >> >>`);
    w.object(pageNum(i) + 1, streamObject(p.content, p.compress ?? true));
  });
  const extra = options.extraObjects ?? [];
  extra.forEach((body, k) => {
    const m = /^([\s\S]*?>>)\s*stream\n([\s\S]*)$/.exec(body);
    // "<< dict >> stream\nDATA": the builder adds /Length and compresses nothing (forms stay readable in tests).
    if (m) {
      const data = Buffer.from(m[2]!, 'latin1');
      w.object(firstExtraObject(pages.length) + k, concat([enc.encode(`${m[1]!.replace(/>>$/, ` /Length ${data.length} >>`)}\nstream\n`), data, enc.encode('\nendstream')]));
    } else w.object(firstExtraObject(pages.length) + k, body);
  });
  const size = firstExtraObject(pages.length) + extra.length;
  const xrefAt = writeXref(w, size, [...w.offsets.keys()], options.xref ?? 'table', undefined);

  if (options.update) {
    const changed: number[] = [];
    for (const [index, content] of options.update) {
      w.object(pageNum(index) + 1, streamObject(content, true));
      changed.push(pageNum(index) + 1);
    }
    writeXref(w, size, changed, 'table', xrefAt);
  }
  return concat(w.parts);
}

/** Writes a cross-reference section for `nums` (and its trailer) and returns its offset. */
function writeXref(w: Writer, size: number, nums: number[], kind: 'table' | 'stream', prev: number | undefined): number {
  const at = w.length;
  const sorted = [...new Set(nums)].sort((a, b) => a - b);
  if (kind === 'table') {
    let out = 'xref\n0 1\n0000000000 65535 f \n';
    for (const n of sorted) out += `${n} 1\n${String(w.offsets.get(n)).padStart(10, '0')} 00000 n \n`;
    out += `trailer\n<< /Size ${size} /Root 1 0 R${prev === undefined ? '' : ` /Prev ${prev}`} >>\nstartxref\n${at}\n%%EOF\n`;
    w.write(out);
    return at;
  }
  // A cross-reference stream with a PNG "Up" predictor, as Acrobat and qpdf write them.
  const num = size;
  const rows = [0, ...sorted, num].map((n) => (n === 0 ? [0, 0, 0, 0, 0xff] : [1, ...be(n === num ? at : w.offsets.get(n)!, 3), 0]));
  const columns = 5;
  const raw: number[] = [];
  let prevRow = new Array(columns).fill(0);
  for (const row of rows) {
    raw.push(2, ...row.map((v, i) => (v - prevRow[i]) & 0xff));
    prevRow = row;
  }
  const data = deflateSync(Buffer.from(raw));
  const index = [0, 1, ...sorted.flatMap((n) => [n, 1]), num, 1];
  w.offsets.set(num, at);
  w.write(`${num} 0 obj\n<< /Type /XRef /Size ${num + 1} /Root 1 0 R /W [1 3 1] /Index [${index.join(' ')}] /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns ${columns} >> /Length ${data.length} >>\nstream\n`);
  w.write(data);
  w.write(`\nendstream\nendobj\nstartxref\n${at}\n%%EOF\n`);
  return at;
}

/** Big-endian bytes of `v` on `width` bytes. */
function be(v: number, width: number): number[] {
  return Array.from({ length: width }, (_, i) => (v >> (8 * (width - 1 - i))) & 0xff);
}
