import { closeSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { FdrError } from '../errors/index.js';
import type { PageReading } from '../documents/index.js';
import type { PageModel } from '../sources/page-model.js';
import type { PdfReadOptions, PdfReadSummary } from '../sources/pdf/document.js';
import { type Isolation, type Outcome, type PoolOptions, WorkerPool, helperThreadsFor } from './pool.js';
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

/** Whether this file starts like a PDF (its first KiB holds "%PDF-"); false for a missing or unreadable one. */
export function isPdfFile(path: string): boolean {
  const head = Buffer.alloc(1024);
  try {
    const fd = openSync(path, 'r');
    try {
      return head.toString('latin1', 0, readSync(fd, head, 0, head.length, 0)).includes('%PDF-');
    } finally {
      closeSync(fd);
    }
  } catch {
    return false; // missing, unreadable or a folder: its own error comes when it is read
  }
}

/** Whether any of these files is a PDF: only then is a page reader worth starting. */
export function anyPdf(paths: readonly string[]): boolean {
  return paths.some(isPdfFile);
}

/** The page worker beside this module; from the TypeScript sources (tests), the one in dist/. */
function pageWorkerScript(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('../../dist/batch/page-worker.js', import.meta.url) : new URL('./page-worker.js', import.meta.url);
}

/** A pool of one page worker; `output` receives the worker's stray output, and may be set after the start. */
interface ReaderPool {
  pool: WorkerPool<PageTask, PdfReadSummary>;
  /** The options the pool was made with; its timeout is read at each task's start, so it can be set later. */
  poolOptions: PoolOptions;
  maxMemoryMb: number;
  output: { log?: ((line: string) => void) | undefined };
}

function startPool(options: PageReaderOptions, referenced = true): ReaderPool {
  const output: ReaderPool['output'] = { log: options.log };
  const poolOptions: PoolOptions = {
    size: 1,
    script: pageWorkerScript(),
    isolation: options.isolation,
    ...(options.isolation === 'process' ? { helperThreads: helperThreadsFor(2, availableParallelism()) } : {}),
    timeoutMs: options.timeoutMs,
    maxMemoryMb: options.maxMemoryMb,
    onOutput: (text) => output.log?.(text.replace(/\n$/, '')),
  };
  const pool = new WorkerPool<PageTask, PdfReadSummary>(poolOptions);
  pool.setReferenced(referenced);
  pool.prestart();
  return { pool, poolOptions, maxMemoryMb: options.maxMemoryMb, output };
}

/** A page reader started before the command line was parsed (prestartPageReader), until a PageReader adopts it. */
let prestarted: ReaderPool | undefined;

/**
 * Starts a page reader with the default options now, before the CLI has loaded the rest of fdr, so that the
 * worker loads pdf.js while this thread loads commander and the command's modules (~30 ms earlier than when the
 * command gets to it, on the critical path of a single PDF). The next PageReader whose options it fits adopts
 * it; one that does not fit, or a command that reads no PDF, discards it (discardPrestartedPageReader). Until
 * adopted it does not keep the process alive.
 */
export function prestartPageReader(): void {
  if (prestarted) return;
  prestarted = startPool(DEFAULT_READER, false);
}

/** Stops the prestarted page reader, if any: the command turned out to need none (or another kind). */
export function discardPrestartedPageReader(): void {
  const unused = prestarted;
  prestarted = undefined;
  void unused?.pool.close();
}

/** The prestarted pool when it was made with these options (the timeout and the output are set afterwards). */
function adoptPrestarted(options: PageReaderOptions): ReaderPool | undefined {
  const candidate = prestarted;
  if (!candidate) return undefined;
  prestarted = undefined;
  if (options.isolation !== 'thread' || options.maxMemoryMb !== candidate.maxMemoryMb) {
    void candidate.pool.close();
    return undefined;
  }
  candidate.poolOptions.timeoutMs = options.timeoutMs;
  candidate.output.log = options.log;
  candidate.pool.setReferenced(true);
  return candidate;
}

type ReadEvent = { page: PageModel } | { log: string };

/** The PageTask fields that change what a reading gives; a prefetched reading serves only the same ones. */
const TASK_FIELDS = ['file', 'password', 'maxPages', 'maxItemsPerPage', 'ocr', 'pages', 'verbose'] as const;

function pageTask(bytes: Uint8Array, options: PdfReadOptions): PageTask {
  return {
    bytes,
    file: options.file,
    verbose: Boolean(options.log),
    ...(options.password === undefined ? {} : { password: options.password }),
    ...(options.maxPages === undefined ? {} : { maxPages: options.maxPages }),
    ...(options.maxItemsPerPage === undefined ? {} : { maxItemsPerPage: options.maxItemsPerPage }),
    ...(options.ocr === undefined ? {} : { ocr: options.ocr }),
    ...(options.pages === undefined ? {} : { pages: options.pages }),
  };
}

/**
 * One PDF being read in the worker. What the worker streams (pages, diagnostics) is held until a consumer
 * attaches, then handed to it in the order it came: a reading can start before the layout code that takes its
 * pages has even loaded.
 */
class Reading {
  readonly task: PageTask;
  private readonly outcome: Promise<Outcome<PdfReadSummary>>;
  private readonly held: ReadEvent[] = [];
  private consumer: { onPage: (page: PageModel) => void | Promise<void>; log?: ((message: string) => void) | undefined } | undefined;
  private failure: { error: unknown } | undefined;
  private pending: Promise<void> = Promise.resolve();

  constructor(pool: WorkerPool<PageTask, PdfReadSummary>, bytes: Uint8Array, options: PdfReadOptions) {
    this.task = pageTask(bytes, options);
    this.outcome = pool.run(this.task, {
      file: options.file,
      onLog: (message) => this.take({ log: message }),
      onEvent: (page) => this.take({ page: page as PageModel }),
    });
  }

  /** Whether this reading gives what `readPages(bytes, options)` asks for. */
  serves(bytes: Uint8Array, options: PdfReadOptions): boolean {
    const wanted = pageTask(bytes, options);
    return TASK_FIELDS.every((field) => wanted[field] === this.task[field]) && (bytes === this.task.bytes || Buffer.from(bytes).equals(Buffer.from(this.task.bytes)));
  }

  /** Hands every page to `onPage` (in page order, one after the other) and returns the summary, or throws. */
  async consume(onPage: (page: PageModel) => void | Promise<void>, log: ((message: string) => void) | undefined): Promise<PdfReadSummary> {
    this.consumer = { onPage, log };
    for (const event of this.held.splice(0)) this.deliver(event);
    const outcome = await this.outcome;
    await this.pending;
    if (this.failure) throw this.failure.error;
    if (!outcome.ok) throw outcome.error instanceof FdrError ? outcome.error : new FdrError('INTERNAL', String(outcome.error));
    return outcome.result;
  }

  private take(event: ReadEvent): void {
    if (this.consumer) this.deliver(event);
    else this.held.push(event);
  }

  private deliver(event: ReadEvent): void {
    const consumer = this.consumer!;
    if ('log' in event) return consumer.log?.(event.log);
    if (this.failure) return;
    // A page is laid out while the worker reads the next; an asynchronous onPage keeps the page order.
    this.pending = this.pending.then(() => consumer.onPage(event.page)).catch((error: unknown) => void (this.failure ??= { error }));
  }
}

/**
 * How the CLI reads the PDF of a single input (and the PDFs of diff, compare, check): the pages are read in a
 * worker started at once (it loads pdf.js while this thread loads the layout code), under the time and memory
 * limits, and each page is laid out here as soon as it arrives, while the worker reads the next one. A hostile
 * file can hang or balloon only inside the worker, which the limits stop with their one-line errors.
 */
export class PageReader {
  private readonly pool: WorkerPool<PageTask, PdfReadSummary>;
  private prefetched: Reading | undefined;

  constructor(options: PageReaderOptions) {
    this.pool = (adoptPrestarted(options) ?? startPool(options)).pool;
  }

  /**
   * Starts reading a PDF now, before anything asks for its pages (the layout code may still be loading): the
   * next `read` of the same bytes with the same options takes this reading over, pages already read included.
   */
  prefetch(bytes: Uint8Array, options: PdfReadOptions): void {
    this.prefetched ??= new Reading(this.pool, bytes, options);
  }

  /** readPdfPages, the reading done in the worker; `onPage` runs here, in page order. */
  readonly read: PageReading = (bytes, options, onPage) => {
    let reading = this.prefetched;
    if (reading?.serves(bytes, options)) this.prefetched = undefined;
    else reading = new Reading(this.pool, bytes, options);
    return reading.consume(onPage, options.log);
  };

  /** Stops the worker. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
