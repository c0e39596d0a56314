import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { FdrError } from '../errors/index.js';
import type { SourceFormat, SourceInfo } from '../model/index.js';
import { STDIN_ARG, STDIN_NAME, readStdin } from './stdin.js';

/** An input file read into memory, with what we know of its format. */
export interface LoadedFile {
  path: string;
  bytes: Uint8Array;
  info: SourceInfo;
  /** Decoded text for text, markdown and json inputs. */
  text?: string;
}

const PDF_MAGIC = '%PDF-';

function looksLikePdf(bytes: Uint8Array): boolean {
  // The header may be preceded by junk within the first KiB (the PDF spec tolerates it).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes(PDF_MAGIC);
}

/** Markdown made by a converter: TAB-separated table rows, HTML inside cells, **bold**, # headings. */
export function looksLikeMarkdown(text: string): boolean {
  const sample = text.slice(0, 200_000);
  const tabRows = (sample.match(/^[^\t\n]*\t[^\t\n]*\t[^\t\n]*\t/gm) ?? []).length;
  const bold = (sample.match(/\*\*[^*\n]+\*\*/g) ?? []).length;
  const headings = (sample.match(/^#{1,6} \S/gm) ?? []).length;
  const html = (sample.match(/<\/?(?:p|ul|li|br)\b/g) ?? []).length;
  return tabRows >= 2 || html >= 3 || bold + headings >= 3;
}

function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.05;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Reads an input file and decides its format from its bytes (not its name): PDF by its header, JSON when it
 * parses as an fdr document, markdown or plain text otherwise. A ".pdf" that is not a PDF is an error.
 */
export async function loadFile(given: string, options: { forceFormat?: SourceFormat } = {}): Promise<LoadedFile> {
  if (given === STDIN_ARG) return classify(STDIN_NAME, await readStdin(), options);
  const path = given;
  let bytes: Uint8Array;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new FdrError('FILE_NOT_FOUND', 'is a directory, not a file', { file: path });
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    if (e instanceof FdrError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? String(e)})`;
    throw new FdrError('FILE_NOT_FOUND', why, { file: path, hint: 'check the path' });
  }
  return classify(path, bytes, options);
}

/** The format of an input's bytes (its name only breaks ties: ".pdf", ".json", ".md"). */
function classify(path: string, bytes: Uint8Array, options: { forceFormat?: SourceFormat }): LoadedFile {
  if (bytes.length === 0) throw new FdrError('EMPTY_FILE', 'file is empty', { file: path, hint: 'nothing to extract' });
  const info = (format: SourceFormat): SourceInfo => ({ file: basename(path), sha256: sha256(bytes), format });

  const ext = extname(path).toLowerCase();
  if (options.forceFormat === 'pdf' || looksLikePdf(bytes)) {
    if (!looksLikePdf(bytes))
      throw new FdrError('NOT_PDF', 'not a PDF file (no %PDF- header)', { file: path, hint: 'pass the original PDF, or a text/markdown dump' });
    return { path, bytes, info: info('pdf') };
  }
  if (ext === '.pdf')
    throw new FdrError('NOT_PDF', 'not a PDF file (no %PDF- header)', { file: path, hint: 'the file has a .pdf name but other content' });
  if (isBinary(bytes))
    throw new FdrError('UNSUPPORTED_FORMAT', 'binary file that is neither a PDF nor text', { file: path, hint: 'fdr reads PDF, text, markdown and fdr JSON' });
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const trimmed = text.trim();
  if (options.forceFormat === 'json' || ((ext === '.json' || trimmed.startsWith('{')) && trimmed.endsWith('}'))) {
    return { path, bytes, info: info('json'), text };
  }
  const format: SourceFormat = options.forceFormat ?? (ext === '.md' || ext === '.markdown' || looksLikeMarkdown(text) ? 'markdown' : 'text');
  return { path, bytes, info: info(format), text };
}
