/**
 * The `fdr tables` worker: one per child process (or thread) of the pool, like the extraction worker. It reads
 * one PDF's tables per task and answers with the JSON document, or a serialized FdrError. Library output on
 * the console goes back as diagnostics (shown with --verbose), never to the real stdout.
 */
import { parentPort } from 'node:worker_threads';
import { serializeError, type FromWorker, type ToWorker } from '../batch/protocol.js';
import { useLeanPdfjs } from '../sources/pdf/document.js';
import { extractTables } from '../tables.js';

/** What the worker is asked (plain data: it crosses the process boundary). */
export interface TablesTask {
  input: string;
  password?: string;
  pages?: string;
  debugDir?: string;
  maxPages?: number;
  maxItemsPerPage?: number;
  ocr?: 'auto' | 'off' | 'force';
  verbose: boolean;
}

export interface TablesTaskResult {
  /** The TablesDocument as compact JSON. */
  json: string;
  pages: number;
  tables: number;
}

const port = parentPort ?? (process.send ? { postMessage: (m: unknown) => process.send!(m), on: (event: 'message', f: (m: ToWorker<TablesTask>) => void) => process.on(event, f) } : undefined);
if (!port) throw new Error('src/cli/tables-worker.ts runs as a worker thread or a forked child process only');
if (!parentPort) process.on('disconnect', () => process.exit(0));

useLeanPdfjs();

let currentTask: number | undefined;
const post = (message: FromWorker<TablesTaskResult>) => port.postMessage(message);
const logToParent = (...args: unknown[]) => {
  if (currentTask !== undefined) post({ type: 'log', id: currentTask, message: args.map(String).join(' ') });
};
console.log = console.info = console.warn = console.error = console.debug = logToParent;
// pdf.js may leave an internal promise rejected on a damaged file (see src/batch/worker.ts): noted, not fatal.
process.on('unhandledRejection', (reason) => logToParent(`ignored an unhandled rejection inside a library: ${reason instanceof Error ? reason.message : String(reason)}`));

async function runTask(id: number, task: TablesTask): Promise<void> {
  currentTask = id;
  try {
    const doc = await extractTables(task.input, {
      password: task.password,
      pages: task.pages,
      debugDir: task.debugDir,
      maxPages: task.maxPages,
      maxItemsPerPage: task.maxItemsPerPage,
      ocr: task.ocr,
      log: task.verbose ? (message) => post({ type: 'log', id, message }) : undefined,
    });
    post({ type: 'done', id, result: { json: JSON.stringify(doc), pages: doc.source.pages, tables: doc.tables.length } });
  } catch (e) {
    post({ type: 'failed', id, error: serializeError(e, task.input) });
  } finally {
    currentTask = undefined;
  }
}

port.on('message', (message: ToWorker<TablesTask>) => {
  if (message.type === 'task') void runTask(message.id, message.task);
});
post({ type: 'ready' });
