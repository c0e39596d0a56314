import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { PageReading } from '../documents/index.js';
import type { PdfReadOptions } from '../sources/pdf/document.js';

/** The reading options the command passes for every PDF (extractPdf's, from its ExtractOptions). */
export type CommandReadOptions = Pick<PdfReadOptions, 'ocr' | 'pages'>;

/**
 * Runs `work` with a page reader for the PDFs among `inputs` (src/batch/page-reader.ts: pages read in a worker
 * thread under the default time and memory limits, laid out here), or with none when no input is a PDF. The
 * first PDF is read at once (prefetched, with the options the command will read it with), while this thread
 * loads the code that will take its pages.
 */
export async function withPageReader<T>(
  inputs: readonly string[],
  readOptions: CommandReadOptions,
  work: (readPages: PageReading | undefined) => Promise<T>,
): Promise<T> {
  const { DEFAULT_READER, PageReader, discardPrestartedPageReader, isPdfFile } = await import('../batch/page-reader.js');
  const firstPdf = inputs.find(isPdfFile);
  if (firstPdf === undefined) discardPrestartedPageReader();
  const reader = firstPdf === undefined ? undefined : new PageReader(DEFAULT_READER);
  if (reader && firstPdf !== undefined) prefetch(reader, firstPdf, readOptions);
  try {
    return await work(reader?.read);
  } finally {
    // Not awaited: the worker stops while this thread goes on with the diff, the check or the comparison.
    void reader?.close();
  }
}

/** Starts reading `path` the way loadFile and extractPdf will ask for it (a file that cannot be read is left to them). */
function prefetch(reader: import('../batch/page-reader.js').PageReader, path: string, readOptions: CommandReadOptions): void {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch {
    return;
  }
  reader.prefetch(bytes, { file: path, ...readOptions });
}
