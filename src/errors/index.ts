/**
 * One error taxonomy for everything a user can get wrong or a file can do to us.
 * Each user-facing error has a stable code, a documented exit code and a one-line message
 * naming the file and what to do. Anything else that escapes is a bug ("please report").
 */
export const ERROR_CATALOG = {
  USAGE: { exit: 2, summary: 'bad command line (unknown flag, missing argument, bad value)' },
  FILE_NOT_FOUND: { exit: 3, summary: 'input file or folder does not exist or cannot be read' },
  EMPTY_FILE: { exit: 4, summary: 'input file is empty' },
  NOT_PDF: { exit: 5, summary: 'file claims to be a PDF (or was passed as one) but is not a PDF' },
  UNSUPPORTED_FORMAT: { exit: 5, summary: 'input is neither PDF, text, markdown nor fdr JSON' },
  CORRUPT_PDF: { exit: 6, summary: 'PDF is truncated or damaged beyond what pdf.js can repair' },
  ENCRYPTED_PDF: { exit: 7, summary: 'PDF is encrypted: pass --password, or the password given is wrong' },
  NO_TEXT_LAYER: { exit: 8, summary: 'PDF has no text layer (scanned/image-only): run OCR first' },
  UNKNOWN_DOCUMENT: { exit: 9, summary: 'document is none of the kinds fdr reads (roadmap, restitution, events)' },
  NO_ROADMAP_TABLE: { exit: 9, summary: 'document was read as a roadmap but contains no roadmap table' },
  OUTPUT_EXISTS: { exit: 10, summary: 'output file exists: pass --force to overwrite' },
  OUTPUT_IS_INPUT: { exit: 10, summary: 'output path is one of the inputs: refusing to overwrite it' },
  OUTPUT_WRITE_FAILED: { exit: 10, summary: 'output could not be written' },
  LIMIT_EXCEEDED: { exit: 11, summary: 'document exceeds a safety limit (pages, text items per page)' },
  TIMEOUT: { exit: 11, summary: 'extraction took longer than --timeout' },
  BATCH_PARTIAL: { exit: 12, summary: 'batch finished but some files failed (listed at the end)' },
  INTERRUPTED: { exit: 130, summary: 'interrupted by SIGINT/SIGTERM; no partial output left' },
  INTERNAL: { exit: 70, summary: 'a bug in fdr: please report it with the input file' },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export class FdrError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { file?: string; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FdrError';
    this.code = code;
    this.file = options.file;
    this.hint = options.hint;
  }

  get exitCode(): number {
    return ERROR_CATALOG[this.code].exit;
  }

  /** The one line printed on stderr: "fdr: <file>: <message> (<hint>) [CODE]". */
  oneLine(): string {
    const where = this.file ? `${this.file}: ` : '';
    const hint = this.hint ? ` — ${this.hint}` : '';
    return `fdr: ${where}${this.message}${hint} [${this.code}]`.replace(/\s*\n\s*/g, ' ');
  }
}

export function isFdrError(e: unknown): e is FdrError {
  return e instanceof FdrError;
}

/** Wraps anything thrown into an FdrError; unknown errors are INTERNAL (a bug). */
export function toFdrError(e: unknown, file?: string): FdrError {
  if (e instanceof FdrError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new FdrError('INTERNAL', `unexpected error: ${message}`, {
    file,
    hint: 'this is a bug in fdr, please report it with the input file (rerun with --verbose for the stack)',
    cause: e,
  });
}
