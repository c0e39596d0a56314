/**
 * The extraction worker: one per thread (or child process) of the batch pool. It loads the extractor once, then runs tasks one at
 * a time and answers each with the serialized output or a serialized FdrError. It never writes to the real
 * stdout: console output from libraries is sent back as diagnostics, shown with --verbose only.
 */
import { extractFile } from '../extract.js';
import { useLeanPdfjs } from '../sources/pdf/document.js';
import { connectToPool, routeLibraryOutput, serializeError, type FromWorker } from './protocol.js';
import { renderOutput } from './render-output.js';
import type { ExtractTask, ExtractTaskResult } from './task.js';

const port = await connectToPool('src/batch/worker.ts');

// This process only extracts: pdf.js need not load its rendering-only native canvas library.
useLeanPdfjs();

let currentTask: number | undefined;
const post = (message: FromWorker<ExtractTaskResult>) => port.postMessage(message);
routeLibraryOutput((message) => {
  if (currentTask !== undefined) post({ type: 'log', id: currentTask, message });
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
    const text = await renderOutput(doc, task.output);
    post({ type: 'done', id, result: { text, kind: doc.kind, pages: doc.source.pages ?? null } });
  } catch (e) {
    post({ type: 'failed', id, error: serializeError(e, task.input) });
  } finally {
    currentTask = undefined;
  }
}

port.on('message', (message) => {
  if (message.type === 'task') void runTask(message.id, message.task as ExtractTask);
});
post({ type: 'ready' });
