/**
 * The extraction worker: one per thread (or child process) of the batch pool. It loads the extractor once, then runs tasks one at
 * a time and answers each with the serialized output or a serialized FdrError. It never writes to the real
 * stdout: console output from libraries is sent back as diagnostics, shown with --verbose only.
 */
import { parentPort } from 'node:worker_threads';
import { formatSummary } from '../cli/summary.js';
import { toJson } from '../export/json.js';
import { extractFile } from '../extract.js';
import { useLeanPdfjs } from '../sources/pdf/document.js';
import { serializeError, type FromWorker, type ToWorker } from './protocol.js';
import type { ExtractTask, ExtractTaskResult } from './task.js';

/** The channel to the pool: a worker thread's port, or a child process's IPC channel (process isolation). */
const port = parentPort ?? (process.send ? { postMessage: (m: unknown) => process.send!(m), on: (event: 'message', f: (m: ToWorker<ExtractTask>) => void) => process.on(event, f) } : undefined);
if (!port) throw new Error('src/batch/worker.ts runs as a worker thread or a forked child process only');
// A child process whose parent went away (killed, Ctrl-C) has nothing left to do.
if (!parentPort) process.on('disconnect', () => process.exit(0));

// This process only extracts: pdf.js need not load its rendering-only native canvas library.
useLeanPdfjs();

let currentTask: number | undefined;
const post = (message: FromWorker<ExtractTaskResult>) => port.postMessage(message);
const logToParent = (...args: unknown[]) => {
  if (currentTask !== undefined) post({ type: 'log', id: currentTask, message: args.map(String).join(' ') });
};
// pdf.js and friends may print warnings: keep them off the data stream on stdout.
console.log = console.info = console.warn = console.error = console.debug = logToParent;
// pdf.js leaves some internal promises unawaited (an XRefEntryException while it prefetches objects of a damaged
// PDF, found by the fuzzer): they are not the task's own promise, which still settles (or times out) by itself.
// Node's default would kill the worker and fail a task that was going fine. Note them (--verbose) and go on.
process.on('unhandledRejection', (reason) => {
  const what = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  logToParent(`ignored an unhandled rejection inside a library: ${what}`);
});

async function runTask(id: number, task: ExtractTask): Promise<void> {
  currentTask = id;
  try {
    const log = task.extract.verbose ? (message: string) => post({ type: 'log', id, message }) : undefined;
    const doc = await extractFile(task.input, {
      kind: task.extract.kind,
      password: task.extract.password,
      debugDir: task.extract.debugDir,
      maxPages: task.extract.maxPages,
      maxItemsPerPage: task.extract.maxItemsPerPage,
      log,
    });
    const { mode, format, csv } = task.output;
    const text =
      mode === 'summary'
        ? formatSummary(doc)
        : mode === 'document'
          ? JSON.stringify(doc)
          : format === 'json' || format === 'jsonl'
            ? toJson(doc, format)
            : (await import('../export/index.js')).serialize(doc, format, csv); // YAML and CSV writers load on demand
    post({ type: 'done', id, result: { text, kind: doc.kind, pages: doc.source.pages ?? null } });
  } catch (e) {
    post({ type: 'failed', id, error: serializeError(e, task.input) });
  } finally {
    currentTask = undefined;
  }
}

port.on('message', (message: ToWorker<ExtractTask>) => {
  if (message.type === 'task') void runTask(message.id, message.task);
});
post({ type: 'ready' });
