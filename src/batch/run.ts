import { existsSync, realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { FdrError, toFdrError } from '../errors/index.js';
import type { CsvOptions, OutputFormat } from '../export/index.js';
import { writeFileAtomic } from '../export/write.js';
import { type Isolation, WorkerPool, helperThreadsFor } from './pool.js';
import type { ProgressBar } from './progress.js';
import type { ExtractTask, ExtractTaskResult } from './task.js';

/** One input of a batch: a file to extract, or an argument that already failed (missing file, empty folder). */
export interface BatchItem {
  input: string;
  error?: FdrError;
  /** Input "-": the bytes read from standard input. */
  stdin?: Uint8Array;
}

/**
 * Where the outputs go. `stdout` streams one document after another in INPUT order (`jsonl`: one JSON per line;
 * `yaml`: documents separated by `---`; `--summary`: one summary per input); `stdout-combined` prints one JSON
 * array or one CSV table of all documents at the end; `files` writes each output to its own path as soon as it
 * is ready (atomically); `documents` hands the validated documents back in the report (`-f xlsx` makes one
 * workbook of them).
 */
export type Destination = { kind: 'stdout' } | { kind: 'stdout-combined' } | { kind: 'files'; paths: readonly string[] } | { kind: 'documents' };

export interface BatchOptions {
  jobs: number;
  isolation: Isolation;
  timeoutMs: number;
  maxMemoryMb: number;
  extract: ExtractTask['extract'];
  format: OutputFormat;
  csv: CsvOptions;
  /** HTML report: page thumbnails with each action's box. */
  thumbnails?: boolean;
  summary: boolean;
  destination: Destination;
  force: boolean;
  /** Every input, so that no output ever replaces one. */
  protectedInputs: readonly string[];
  /** Per-input folder for --debug overlays when there are several inputs. */
  debugDirs?: readonly string[];
  progress?: ProgressBar;
  /** Diagnostics (--verbose): worker logs and stray library output. */
  log?: (line: string) => void;
  /** The worker module; the built dist/batch/worker.js by default. */
  workerScript?: URL;
}

export interface ItemOutcome {
  input: string;
  ok: boolean;
  error?: FdrError;
  pages: number | null;
  ms: number;
  output?: string;
}

export interface BatchReport {
  outcomes: ItemOutcome[];
  seconds: number;
  /** With destination `documents`: each input's document (parsed JSON), undefined where it failed. */
  documents?: unknown[];
}

/** The compiled worker beside this module; from the TypeScript sources (tests), the one in dist/. */
export function defaultWorkerScript(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('../../dist/batch/worker.js', import.meta.url) : new URL('./worker.js', import.meta.url);
}

/**
 * Extracts every item in a pool of workers (child processes or threads), each under the time and memory limits, and routes each result
 * to its destination. One item's failure never stops the others; the report lists every outcome in input order.
 */
export async function runBatch(items: readonly BatchItem[], options: BatchOptions): Promise<BatchReport> {
  const startedAt = performance.now();
  const { destination, progress } = options;
  const outcomes: (ItemOutcome | undefined)[] = items.map(() => undefined);
  const pending: (string | undefined)[] = items.map(() => undefined);
  const combined: unknown[] = [];
  let nextToPrint = 0;
  let done = 0;
  let failed = 0;
  let pages = 0;

  const mode: ExtractTask['output']['mode'] = options.summary ? 'summary' : destination.kind === 'stdout-combined' || destination.kind === 'documents' ? 'document' : 'serialized';

  /** Prints the stdout outputs that are ready, in input order. */
  const flushInOrder = () => {
    while (nextToPrint < items.length && outcomes[nextToPrint]) {
      const text = pending[nextToPrint];
      if (text !== undefined) {
        const separator = options.summary && nextToPrint > 0 ? '\n' : options.format === 'yaml' && nextToPrint > 0 ? '---\n' : '';
        const heading = options.summary && items.length > 1 ? `== ${items[nextToPrint]!.input}\n` : '';
        process.stdout.write(separator + heading + text);
        pending[nextToPrint] = undefined;
      }
      nextToPrint++;
    }
  };

  const settle = (i: number, outcome: ItemOutcome) => {
    outcomes[i] = outcome;
    done++;
    if (!outcome.ok) failed++;
    pages += outcome.pages ?? 0;
    progress?.update({ done, failed, pages });
    if (destination.kind === 'stdout') flushInOrder();
  };

  const size = Math.max(1, Math.min(options.jobs, items.filter((x) => !x.error).length));
  const pool = new WorkerPool<ExtractTask, ExtractTaskResult>({
    size,
    ...(options.isolation === 'process' ? { helperThreads: helperThreadsFor(size, availableParallelism()) } : {}),
    script: options.workerScript ?? defaultWorkerScript(),
    isolation: options.isolation,
    timeoutMs: options.timeoutMs,
    maxMemoryMb: options.maxMemoryMb,
    onOutput: options.log && ((text) => options.log!(text.replace(/\n$/, ''))),
  });

  const one = async (item: BatchItem, i: number): Promise<void> => {
    const target = destination.kind === 'files' ? destination.paths[i] : undefined;
    if (item.error) return settle(i, { input: item.input, ok: false, error: item.error, pages: null, ms: 0 });
    // Refuse before spending time on an extraction whose output could not be written anyway.
    if (target !== undefined) {
      const refusal = checkTarget(target, options);
      if (refusal) return settle(i, { input: item.input, ok: false, error: refusal, pages: null, ms: 0 });
    }
    const task: ExtractTask = {
      input: item.input,
      ...(item.stdin ? { stdin: item.stdin } : {}),
      extract: { ...options.extract, ...(options.debugDirs?.[i] ? { debugDir: options.debugDirs[i] } : {}) },
      output: { mode, format: options.format, csv: options.csv, ...(options.thumbnails ? { thumbnails: true } : {}) },
    };
    const log = options.log && ((m: string) => options.log!(`${item.input}: ${m}`));
    const result = await pool.run(task, { file: item.input, onLog: log });
    if (!result.ok) return settle(i, { input: item.input, ok: false, error: result.error, pages: null, ms: result.ms });
    const { text, pages: itemPages } = result.result;
    try {
      if (target !== undefined) await writeFileAtomic(target, text, { force: options.force, inputs: options.protectedInputs });
      else if (mode === 'document') combined[i] = JSON.parse(text);
      else pending[i] = text;
    } catch (e) {
      return settle(i, { input: item.input, ok: false, error: toFdrError(e, target), pages: itemPages, ms: result.ms });
    }
    settle(i, { input: item.input, ok: true, pages: itemPages, ms: result.ms, ...(target === undefined ? {} : { output: target }) });
  };

  try {
    await Promise.all(items.map(one));
  } finally {
    await pool.close();
    progress?.stop();
  }

  if (destination.kind === 'stdout-combined') {
    const docs = combined.filter((d) => d !== undefined);
    if (docs.length) {
      if (options.format === 'csv') {
        const { toCsv } = await import('../export/index.js');
        process.stdout.write(toCsv(docs as Parameters<typeof toCsv>[0], options.csv));
      } else {
        const { withSchemaHeader } = await import('../export/json.js');
        process.stdout.write(`${JSON.stringify(docs.map((d) => withSchemaHeader(d as Parameters<typeof withSchemaHeader>[0])), null, 2)}\n`);
      }
    }
  }
  return {
    outcomes: outcomes.map((o) => o!),
    seconds: (performance.now() - startedAt) / 1000,
    ...(destination.kind === 'documents' ? { documents: items.map((_, i) => combined[i]) } : {}),
  };
}

/** Why an output path may not be written (an input, an existing file without --force, no such folder), checked up front. */
export function checkTarget(target: string, options: { force: boolean; protectedInputs: readonly string[] }): FdrError | undefined {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  if (options.protectedInputs.some((input) => real(input) === real(target)))
    return new FdrError('OUTPUT_IS_INPUT', 'output path is an input file', { file: target, hint: 'choose another -o' });
  if (!options.force && existsSync(target))
    return new FdrError('OUTPUT_EXISTS', 'output file already exists', { file: target, hint: 'pass --force to overwrite it' });
  if (!existsSync(dirname(target)))
    return new FdrError('OUTPUT_WRITE_FAILED', 'the folder of the output file does not exist', { file: target, hint: 'create it first, or end -o with / to have it created' });
  return undefined;
}
