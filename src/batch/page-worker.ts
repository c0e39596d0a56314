/**
 * The page reader: a worker (a thread of the CLI process, or a child process) that reads one PDF at a time —
 * pdf.js and fdr's own object reader, the code a hostile file can make loop or balloon — and streams each page
 * model to the process that lays the pages out, as soon as it is read. Its pool kills it past --timeout or
 * --max-memory. pdf.js is loaded once, before the worker says it is ready.
 */
import { loadPdfjs, type PdfReadSummary, readPdfPages, useLeanPdfjs } from '../sources/pdf/document.js';
import { serveTasks } from './protocol.js';
import type { PageTask } from './task.js';

useLeanPdfjs();
await loadPdfjs();

await serveTasks<PageTask, PdfReadSummary>(
  'src/batch/page-worker.ts',
  (task, { log, event }) =>
    readPdfPages(
      task.bytes,
      { file: task.file, password: task.password, maxPages: task.maxPages, maxItemsPerPage: task.maxItemsPerPage, ocr: task.ocr, pages: task.pages, ...(task.verbose ? { log } : {}) },
      event,
    ),
  (task) => task.file,
);
