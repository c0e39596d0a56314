import { closeSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { FdrError } from '../errors/index.js';
import type { PageReading } from '../documents/index.js';
import type { PageModel } from '../sources/page-model.js';
import type { PdfReadSummary } from '../sources/pdf/document.js';
import { type Isolation, WorkerPool, helperThreadsFor } from './pool.js';
import type { PageTask } from './task.js';

export interface PageReaderOptions {
  /** `thread` (default for one file): a worker thread of this process; `process`: a child process. */
  isolation: Isolation;
  timeoutMs: number;
  maxMemoryMb: number;
  /** Diagnostics (--verbose): stray library output. */
  log?: (line: string) => void;
}

/** --max-memory and --timeout when not given (and for the commands without those options: diff, compare, check). */
export const DEFAULT_MAX_MEMORY_MB = 1024;
export const DEFAULT_TIMEOUT_MS = 300_000;
export const DEFAULT_READER: PageReaderOptions = { isolation: 'thread', timeoutMs: DEFAULT_TIMEOUT_MS, maxMemoryMb: DEFAULT_MAX_MEMORY_MB };

/** Whether any of these files starts like a PDF (its first KiB holds "%PDF-"): only then is a page reader worth starting. */
export function anyPdf(paths: readonly string[]): boolean {
  const head = Buffer.alloc(1024);
  return paths.some((path) => {
    try {
      const fd = openSync(path, 'r');
      try {
        return head.toString('latin1', 0, readSync(fd, head, 0, head.length, 0)).includes('%PDF-');
      } finally {
        closeSync(fd);
      }
    } catch {
      return false; // missing or unreadable: its own error comes when it is read
    }
  });
}

/** The page worker beside this module; from the TypeScript sources (tests), the one in dist/. */
function pageWorkerScript(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('../../dist/batch/page-worker.js', import.meta.url) : new URL('./page-worker.js', import.meta.url);
}

/**
 * How the CLI reads the PDF of a single input (and the PDFs of diff, compare, check): the pages are read in a
 * worker started at once (it loads pdf.js while this thread loads the layout code), under the time and memory
 * limits, and each page is laid out here as soon as it arrives, while the worker reads the next one. A hostile
 * file can hang or balloon only inside the worker, which the limits stop with their one-line errors.
 */
export class PageReader {
  private readonly pool: WorkerPool<PageTask, PdfReadSummary>;

  constructor(options: PageReaderOptions) {
    this.pool = new WorkerPool<PageTask, PdfReadSummary>({
      size: 1,
      script: pageWorkerScript(),
      isolation: options.isolation,
      ...(options.isolation === 'process' ? { helperThreads: helperThreadsFor(2, availableParallelism()) } : {}),
      timeoutMs: options.timeoutMs,
      maxMemoryMb: options.maxMemoryMb,
      onOutput: options.log && ((text) => options.log!(text.replace(/\n$/, ''))),
    });
    this.pool.prestart();
  }

  /** readPdfPages, the reading done in the worker; `onPage` runs here, in page order. */
  readonly read: PageReading = async (bytes, options, onPage) => {
    let failure: { error: unknown } | undefined;
    let pending: Promise<void> = Promise.resolve();
    const outcome = await this.pool.run(
      {
        bytes,
        file: options.file,
        verbose: Boolean(options.log),
        ...(options.password === undefined ? {} : { password: options.password }),
        ...(options.maxPages === undefined ? {} : { maxPages: options.maxPages }),
        ...(options.maxItemsPerPage === undefined ? {} : { maxItemsPerPage: options.maxItemsPerPage }),
        ...(options.ocr === undefined ? {} : { ocr: options.ocr }),
        ...(options.pages === undefined ? {} : { pages: options.pages }),
      },
      {
        file: options.file,
        onLog: options.log,
        onEvent: (page) => {
          if (failure) return;
          // A page is laid out while the worker reads the next; an asynchronous onPage keeps the page order.
          pending = pending.then(() => onPage(page as PageModel)).catch((error: unknown) => void (failure ??= { error }));
        },
      },
    );
    await pending;
    if (failure) throw failure.error;
    if (!outcome.ok) throw outcome.error instanceof FdrError ? outcome.error : new FdrError('INTERNAL', String(outcome.error));
    return outcome.result;
  };

  /** Stops the worker. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
