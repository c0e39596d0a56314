import { ERROR_CATALOG, type ErrorCode, FdrError, toFdrError } from '../errors/index.js';

/** An FdrError as it crosses the worker boundary (structured clone keeps plain data only). */
export interface SerializedError {
  code: ErrorCode;
  message: string;
  hint?: string;
  file?: string;
  /** Stack of the original error, shown with --verbose. */
  stack?: string;
}

export function serializeError(e: unknown, file?: string): SerializedError {
  const err = toFdrError(e, file);
  const cause = err.cause instanceof Error ? err.cause : err;
  return {
    code: err.code,
    message: err.message,
    ...(err.hint === undefined ? {} : { hint: err.hint }),
    ...((err.file ?? file) === undefined ? {} : { file: err.file ?? file }),
    ...(cause.stack === undefined ? {} : { stack: cause.stack }),
  };
}

export function deserializeError(s: SerializedError): FdrError {
  const code: ErrorCode = s.code in ERROR_CATALOG ? s.code : 'INTERNAL';
  const cause = new Error(s.message);
  cause.stack = s.stack ?? `${s.code}: ${s.message}`;
  return new FdrError(code, s.message, { file: s.file, hint: s.hint, cause });
}

/** Messages from the main thread to a worker. */
export type ToWorker<T> = { type: 'task'; id: number; task: T };

/**
 * Messages from a worker: `ready` once its modules are loaded, then per task `log`* and `event`* (partial results
 * streamed as they come, e.g. the pages of a PDF) and one `done` or `failed`.
 */
export type FromWorker<R> =
  | { type: 'ready' }
  | { type: 'log'; id: number; message: string }
  | { type: 'event'; id: number; event: unknown }
  | { type: 'done'; id: number; result: R }
  | { type: 'failed'; id: number; error: SerializedError };

/** What a worker script talks through: its thread's port, or its child process's IPC channel. */
export interface WorkerPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: ToWorker<unknown>) => void): void;
}

/**
 * The channel to the pool from inside a worker script: a worker thread's port, or a forked child's IPC channel
 * (process isolation). A child process whose parent went away (killed, Ctrl-C) has nothing left to do and exits.
 */
export async function connectToPool(script: string): Promise<WorkerPort> {
  const { parentPort } = await import('node:worker_threads');
  if (parentPort) return parentPort as unknown as WorkerPort;
  if (!process.send) throw new Error(`${script} runs as a worker thread or a forked child process only`);
  process.on('disconnect', () => process.exit(0));
  return { postMessage: (m) => process.send!(m), on: (event, listener) => void process.on(event, listener as (m: unknown) => void) };
}

/**
 * The body of a worker script: connects to the pool, keeps library output (pdf.js warnings) off the real stdout
 * that may be carrying data (sent back as diagnostics, shown with --verbose), then runs each task it is sent,
 * one at a time, answering with `run`'s result or the serialized error, and says it is ready.
 *
 * pdf.js leaves some internal promises unawaited (an XRefEntryException while it prefetches objects of a damaged
 * PDF, found by the fuzzer): they are not the task's own promise, which still settles (or times out) by itself,
 * and Node's default would kill a worker whose task was going fine: they are noted and ignored.
 */
export async function serveTasks<T, R>(
  script: string,
  run: (task: T, context: { log: (message: string) => void; event: (event: unknown) => void }) => Promise<R>,
  fileOf: (task: T) => string,
): Promise<void> {
  const port = await connectToPool(script);
  const post = (message: FromWorker<R>) => port.postMessage(message);
  let current: number | undefined;
  const log = (message: string) => {
    if (current !== undefined) post({ type: 'log', id: current, message });
  };
  console.log = console.info = console.warn = console.error = console.debug = (...args: unknown[]) => log(args.map(String).join(' '));
  process.on('unhandledRejection', (reason) => {
    const what = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
    log(`ignored an unhandled rejection inside a library: ${what}`);
  });
  port.on('message', (message) => {
    if (message.type !== 'task') return;
    const { id } = message;
    const task = message.task as T;
    current = id;
    void run(task, { log: (m) => post({ type: 'log', id, message: m }), event: (event) => post({ type: 'event', id, event }) })
      .then(
        (result) => post({ type: 'done', id, result }),
        (e: unknown) => post({ type: 'failed', id, error: serializeError(e, fileOf(task)) }),
      )
      .finally(() => (current = undefined));
  });
  post({ type: 'ready' });
}
