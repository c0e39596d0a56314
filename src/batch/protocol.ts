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

/** Messages from a worker: `ready` once its modules are loaded, then per task `log`* and one `done` or `failed`. */
export type FromWorker<R> =
  | { type: 'ready' }
  | { type: 'log'; id: number; message: string }
  | { type: 'done'; id: number; result: R }
  | { type: 'failed'; id: number; error: SerializedError };
