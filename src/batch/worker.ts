/**
 * The extraction worker: one per thread (or child process) of the batch pool. It loads the extractor once, then
 * runs tasks one at a time and answers each with the serialized output or a serialized FdrError (serveTasks).
 */
import { extractFile } from '../extract.js';
import { useLeanPdfjs } from '../sources/pdf/document.js';
import { provideStdin } from '../sources/stdin.js';
import { serveTasks } from './protocol.js';
import { renderOutput } from './render-output.js';
import { type ExtractTask, type ExtractTaskResult, extractOptionsOf } from './task.js';

// This process only extracts: pdf.js need not load its rendering-only native canvas library.
useLeanPdfjs();

await serveTasks<ExtractTask, ExtractTaskResult>(
  'src/batch/worker.ts',
  async (task, { log }) => {
    if (task.stdin) provideStdin(task.stdin); // "-": the bytes the parent read from its standard input
    const doc = await extractFile(task.input, { ...extractOptionsOf(task.extract), ...(task.extract.verbose ? { log } : {}) });
    const text = await renderOutput(doc, task.output, { input: task.input, password: task.extract.password });
    return { text, kind: doc.kind, pages: doc.source.pages ?? null };
  },
  (task) => task.input,
);
