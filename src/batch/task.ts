import type { ExtractOptions } from '../documents/index.js';
import type { CsvOptions, OutputFormat } from '../export/index.js';
import type { DocumentKind } from '../model/index.js';

/** What a worker is asked to do with one input file (plain data: it crosses the thread boundary). */
export interface ExtractTask {
  input: string;
  /** The bytes of standard input when `input` is "-" (a worker has no standard input of its own). */
  stdin?: Uint8Array;
  extract: {
    kind: 'auto' | DocumentKind;
    password?: string;
    /** PDF pages to read ("1-3,7"). */
    pages?: string;
    debugDir?: string;
    maxPages?: number;
    maxItemsPerPage?: number;
    /** PDF: OCR of pages without a text layer (auto), none (off), every page (force). */
    ocr?: 'auto' | 'off' | 'force';
    /** Send diagnostics back as log messages (--verbose). */
    verbose: boolean;
  };
  /**
   * `serialized`: the output file's content in `format`; `document`: the validated document as compact JSON,
   * for outputs that combine several documents (a JSON array or one CSV table); `summary`: the terminal summary.
   */
  output: { mode: 'serialized' | 'document' | 'summary'; format: OutputFormat; csv: CsvOptions; thumbnails?: boolean };
}

export interface ExtractTaskResult {
  text: string;
  kind: DocumentKind;
  /** Pages of a PDF input; null for text and markdown. */
  pages: number | null;
}

/** What the page reader is asked to do: read one PDF's pages and stream them back (see page-worker.ts). */
export interface PageTask {
  bytes: Uint8Array;
  /** The file's name, for error messages. */
  file: string;
  password?: string;
  maxPages?: number;
  maxItemsPerPage?: number;
  /** Send diagnostics back as log messages (--verbose). */
  verbose: boolean;
  /** OCR of pages without a text layer (auto), none (off), every page (force). */
  ocr?: 'auto' | 'off' | 'force';
  /** `--pages`: pages outside the list are not OCR'd. */
  pages?: string;
}

/** The extraction options a task carries, as extractFile takes them (diagnostics aside). */
export function extractOptionsOf(extract: ExtractTask['extract']): ExtractOptions {
  return {
    kind: extract.kind,
    ...(extract.password === undefined ? {} : { password: extract.password }),
    ...(extract.pages === undefined ? {} : { pages: extract.pages }),
    ...(extract.debugDir === undefined ? {} : { debugDir: extract.debugDir }),
    ...(extract.maxPages === undefined ? {} : { maxPages: extract.maxPages }),
    ...(extract.maxItemsPerPage === undefined ? {} : { maxItemsPerPage: extract.maxItemsPerPage }),
    ...(extract.ocr === undefined ? {} : { ocr: extract.ocr }),
  };
}
