/**
 * `fdr tables` as a library: every table of a PDF, whatever way it is drawn.
 *
 *   import { extractTables } from 'feuille-de-route';
 *   const doc = await extractTables('report.pdf', { pages: '2-5' });   // { source, tables, stitched }
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FdrError } from './errors/index.js';
import type { TablesDocument } from './export/tables.js';
import type { PageModel } from './sources/page-model.js';
import { parsePageSpec } from './sources/page-spec.js';

export interface TablesOptions {
  password?: string;
  /** Pages to read: "1,3-5,9-" or a predicate on 1-based page numbers (default: all). */
  pages?: string | ((page: number) => boolean);
  maxPages?: number;
  maxItemsPerPage?: number;
  /** OCR of pages without a text layer (`auto`, default), never (`off`), or of every page (`force`). */
  ocr?: 'auto' | 'off' | 'force';
  /** Write one SVG overlay per page read into this folder. */
  debugDir?: string;
  log?: (message: string) => void;
}

/** Page lists ("2,4-6,10-") are read as for `fdr extract --pages`. */
export { parsePageSpec };

/** Reads a PDF's tables (see src/layout/tables). PDF input only; typed errors as for `fdr extract`. */
export async function extractTables(path: string, options: TablesOptions = {}): Promise<TablesDocument> {
  // Loaded here, not at the top: the CLI's main process imports this module for parsePageSpec only.
  const [{ loadFile }, { DocumentTableReader }, { tablesDocument }] = await Promise.all([
    import('./sources/load.js'),
    import('./layout/tables/index.js'),
    import('./export/tables.js'),
  ]);
  const file = await loadFile(path);
  if (file.info.format !== 'pdf')
    throw new FdrError('UNSUPPORTED_FORMAT', 'fdr tables reads PDF files only', { file: path, hint: 'tables are found from positions on the page, which a text dump has lost' });
  const pages = typeof options.pages === 'string' ? parsePageSpec(options.pages) : options.pages;
  const reader = new DocumentTableReader(pages ? { pages } : {});
  const kept: PageModel[] = [];
  const { readPdfPages } = await import('./sources/pdf/index.js');
  const summary = await readPdfPages(
    file.bytes,
    { file: path, password: options.password, maxPages: options.maxPages, maxItemsPerPage: options.maxItemsPerPage, ocr: options.ocr, log: options.log },
    (page) => {
      reader.add(page);
      if (options.debugDir && (!pages || pages(page.number))) kept.push(page);
    },
  );
  const tables = reader.finish();
  options.log?.(`${tables.length} table(s): ${tables.map((t) => `p${t.page} ${t.flavor} ${t.ys.length - 1}×${t.xs.length - 1}`).join(', ')}`);
  if (options.debugDir) {
    const { renderTablesSvg } = await import('./layout/tables/debug.js');
    try {
      await mkdir(options.debugDir, { recursive: true });
      for (const page of kept) await writeFile(join(options.debugDir, `page-${String(page.number).padStart(3, '0')}.svg`), renderTablesSvg(page, tables));
    } catch (e) {
      throw new FdrError('OUTPUT_WRITE_FAILED', `cannot write debug overlays into ${options.debugDir}: ${(e as Error).message}`, { hint: 'check --debug DIR', cause: e });
    }
  }
  // Cell text marks the hyphens met at line ends (see joinWrappedLines): settled from the whole document's words.
  const { resolveLineEndHyphens } = await import('./text/hyphens.js');
  return resolveLineEndHyphens(tablesDocument(tables, { file: file.info.file, sha256: file.info.sha256, pages: summary.pages }));
}
