/**
 * The page reader: a worker (a thread of the CLI process, or a child process) that reads one PDF at a time —
 * pdf.js and fdr's own object reader, the code a hostile file can make loop or balloon — and streams each page
 * model to the process that lays the pages out, as soon as it is read. Its pool kills it past --timeout or
 * --max-memory. pdf.js is loaded once, before the worker says it is ready.
 */
import { loadPdfjs, readPdfPages, useLeanPdfjs } from '../sources/pdf/document.js';
import type { PdfReadSummary } from '../sources/pdf/document.js';
import { connectToPool, routeLibraryOutput, serializeError, type FromWorker } from './protocol.js';
import type { PageTask } from './task.js';

const port = await connectToPool('src/batch/page-worker.ts');
useLeanPdfjs();

let currentTask: number | undefined;
const post = (message: FromWorker<PdfReadSummary>) => port.postMessage(message);
routeLibraryOutput((message) => {
  if (currentTask !== undefined) post({ type: 'log', id: currentTask, message });
});

async function runTask(id: number, task: PageTask): Promise<void> {
  currentTask = id;
  try {
    const summary = await readPdfPages(
      task.bytes,
      {
        file: task.file,
        password: task.password,
        maxPages: task.maxPages,
        maxItemsPerPage: task.maxItemsPerPage,
        log: task.verbose ? (message) => post({ type: 'log', id, message }) : undefined,
      },
      (page) => post({ type: 'event', id, event: page }),
    );
    post({ type: 'done', id, result: summary });
  } catch (e) {
    post({ type: 'failed', id, error: serializeError(e, task.file) });
  } finally {
    currentTask = undefined;
  }
}

await loadPdfjs();
port.on('message', (message) => {
  if (message.type === 'task') void runTask(message.id, message.task as PageTask);
});
post({ type: 'ready' });
