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
 * pages are read in a page reader (a worker thread by default: usually started before the command line was
 * even parsed, see prestartPageReader; it loads pdf.js while this thread loads the layout code, then reads page
 * n+1 while this thread lays out page n), under --timeout and --max-memory; layout, the document readers,
 * validation and the output run here. Throws the FdrError of any failure, for the caller to print as one line.
 */
export async function extractSinglePdf(file: LoadedFile, options: SinglePdfOptions): Promise<{ pages: number | null }> {
  const reader = new PageReader(options);
  let closing: Promise<void> | undefined;
  try {
    const log = options.log ? (m: string) => options.log!(`${file.path}: ${m}`) : undefined;
    const extract = extractOptionsOf(options.extract);
    // The reading starts now, the worker taking the file as soon as pdf.js is loaded, whatever this thread is
    // still loading; extractPdf asks for the same file with the same options below and takes the pages read so far.
    reader.prefetch(file.bytes, {
      file: file.path,
      password: extract.password,
      maxPages: extract.maxPages,
      maxItemsPerPage: extract.maxItemsPerPage,
      ocr: extract.ocr,
      pages: extract.pages,
      log,
    });
    const { extractLoadedFile } = await import('../extract.js');
    const { renderOutput } = await import('./render-output.js');
    const doc = await extractLoadedFile(
      file,
      {
        ...extract,
        // The worker is stopped as soon as the one reading is over, while this thread builds the document.
        readPages: (...args) => reader.read(...args).finally(() => void (closing = reader.close())),
        ...(log ? { log } : {}),
      },
      { once: true },
    );
    const text = await renderOutput(doc, options.output, { input: file.path, password: options.extract.password });
    if (options.target !== undefined) await writeFileAtomic(options.target, text, { force: options.force, inputs: options.protectedInputs });
    else process.stdout.write(text);
    return { pages: doc.source.pages ?? null };
  } finally {
    await (closing ?? reader.close());
  }
}
