import type { PageReading } from '../documents/index.js';

/**
 * Runs `work` with a page reader for the PDFs among `inputs` (src/batch/page-reader.ts: pages read in a worker
 * thread under the default time and memory limits, laid out here), or with none when no input is a PDF.
 */
export async function withPageReader<T>(inputs: readonly string[], work: (readPages: PageReading | undefined) => Promise<T>): Promise<T> {
  const { anyPdf, DEFAULT_READER, PageReader } = await import('../batch/page-reader.js');
  const reader = anyPdf(inputs) ? new PageReader(DEFAULT_READER) : undefined;
  try {
    return await work(reader?.read);
  } finally {
    await reader?.close();
  }
}
