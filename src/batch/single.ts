import { writeFileAtomic } from '../export/write.js';
import type { LoadedFile } from '../sources/load.js';
import { PageReader, type PageReaderOptions } from './page-reader.js';
import { type ExtractTask, extractOptionsOf } from './task.js';

export interface SinglePdfOptions extends PageReaderOptions {
  extract: ExtractTask['extract'];
  output: ExtractTask['output'];
  /** The output file, or undefined for stdout. */
  target?: string;
  force: boolean;
  protectedInputs: readonly string[];
}

/**
 * The single-file path of `fdr extract` for a PDF: no worker process holding a second copy of everything. The
 * pages are read in a page reader (a worker thread by default: it starts at once and loads pdf.js while this
 * thread loads the layout code, then reads page n+1 while this thread lays out page n), under --timeout and
 * --max-memory; layout, the document readers, validation and the output run here. Throws the FdrError of any
 * failure, for the caller to print as one line.
 */
export async function extractSinglePdf(file: LoadedFile, options: SinglePdfOptions): Promise<{ pages: number | null }> {
  const reader = new PageReader(options);
  try {
    // Imported once the reader is loading pdf.js, so that both load at the same time (on two cores).
    const { extractLoadedFile } = await import('../extract.js');
    const { renderOutput } = await import('./render-output.js');
    const doc = await extractLoadedFile(file, {
      ...extractOptionsOf(options.extract),
      readPages: reader.read,
      ...(options.log ? { log: (m: string) => options.log!(`${file.path}: ${m}`) } : {}),
    });
    const text = await renderOutput(doc, options.output, { input: file.path, password: options.extract.password });
    if (options.target !== undefined) await writeFileAtomic(options.target, text, { force: options.force, inputs: options.protectedInputs });
    else process.stdout.write(text);
    return { pages: doc.source.pages ?? null };
  } finally {
    await reader.close();
  }
}
