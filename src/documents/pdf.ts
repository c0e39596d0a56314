import { classifyPages } from '../layout/classify.js';
import { compactLayout, analysePage, type PageLayout } from '../layout/page-layout.js';
import { readingLinesToText } from '../layout/reading-order.js';
import { tableHint, type TableHint } from '../layout/table.js';
import { FdrError } from '../errors/index.js';
import type { ExtractedDocument } from '../model/index.js';
import type { LoadedFile } from '../sources/load.js';
import type { PageModel } from '../sources/page-model.js';
import { resolveLineEndHyphens } from '../text/hyphens.js';
import { joinWrappedLines } from '../text/normalize.js';
import { type ExtractOptions, chooseKind, TEXT_PARSERS } from './index.js';
import { markOcr, type OcrPageWords } from './ocr-provenance.js';
import { assembleRoadmap } from './roadmap/assemble.js';
import { requireRows } from './roadmap/index.js';
import { readPdfRoadmap } from './roadmap/pdf-reader.js';

/** The reading-order text of laid-out pages: one page after the other, separated by "\f". */
export function layoutsToText(layouts: readonly Pick<PageLayout, 'reading'>[]): string {
  return layouts.map((l) => `${readingLinesToText(l.reading)}\n`).join('\f');
}

/**
 * PDF input: pages are read one at a time (pdf.js releases each before the next) and laid out; only the
 * compact layouts are kept. The reading-order text decides the kind; roadmaps are rebuilt from the tables,
 * other kinds go to their text parser with that text.
 */
export async function extractPdf(file: LoadedFile, options: ExtractOptions): Promise<ExtractedDocument> {
  const readPages = options.readPages ?? (await import('../sources/pdf/index.js')).readPdfPages;
  const layouts: PageLayout[] = [];
  const debugPages: PageModel[] = [];
  let hint: TableHint | undefined;
  const seenAtTop = new Set<string>();
  const ocrPages = new Map<number, OcrPageWords>();
  const summary = await readPages(
    file.bytes,
    { file: file.path, password: options.password, maxPages: options.maxPages, maxItemsPerPage: options.maxItemsPerPage, ocr: options.ocr, log: options.log },
    (page) => {
      if (page.ocr) ocrPages.set(page.number, { facts: page.ocr, items: page.items.map(({ x0, y0, x1, y1, text, confidence }) => ({ x0, y0, x1, y1, text, confidence })) });
      const layout = analysePage(page, hint, seenAtTop);
      for (const key of layout.topLines) seenAtTop.add(key);
      // A table ending a page tells the next page its columns, in case it goes on without a header row.
      const last = layout.tables[layout.tables.length - 1];
      hint = last ? tableHint(last) : undefined;
      if (options.debugDir) {
        debugPages.push(page);
        layouts.push(layout);
      } else layouts.push(compactLayout(layout));
    },
  );
  classifyPages(layouts);
  if (options.log) {
    const kinds = new Map<string, number>();
    for (const l of layouts) kinds.set(l.kind, (kinds.get(l.kind) ?? 0) + 1);
    const tables = layouts.reduce((n, l) => n + l.tables.length, 0);
    options.log(`page classes: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}; ${tables} table(s)`);
  }
  if (options.debugDir) {
    const { writeDebugOverlays } = await import('../layout/debug-svg.js');
    await writeDebugOverlays(options.debugDir, debugPages, layouts);
    options.log?.(`wrote ${layouts.length} page overlays to ${options.debugDir}`);
  }
  const info = { ...file.info, pages: summary.pages };
  if (summary.pagesWithoutText.length && summary.pagesWithoutText.length < summary.pages)
    options.log?.(`pages without text (images?): ${summary.pagesWithoutText.join(', ')}`);
  const text = layoutsToText(layouts);
  // Tables headed by the roadmap columns on several pages are a roadmap whatever its wording around them.
  const roadmapTables = layouts.reduce((n, l) => n + l.tables.filter((t) => t.header.cells.length > 0).length, 0);
  const autoKind = !options.kind || options.kind === 'auto';
  if (autoKind && roadmapTables >= 2) options.log?.(`detected kind: roadmap (${roadmapTables} tables headed Actions / Financement / Indicateur / Commentaires)`);
  const kind = autoKind && roadmapTables >= 2 ? 'roadmap' : chooseKind(text, options, file.path);
  // Line-end hyphens are settled with every word the pages show, not only those the document keeps.
  const seen = layouts.flatMap((l) => [
    joinWrappedLines(l.reading.filter((r) => !r.text.includes('\t')).map((r) => r.text)),
    ...l.reading.filter((r) => r.text.includes('\t')).flatMap((r) => r.text.split('\t')), // table rows: cell by cell
  ]);
  if (kind === 'roadmap') {
    const reading = readPdfRoadmap(layouts);
    requireRows(reading, file.path);
    return markOcr(resolveLineEndHyphens(assembleRoadmap(reading, info), seen), ocrPages);
  }
  const parser = TEXT_PARSERS[kind];
  if (!parser) throw new FdrError('UNKNOWN_DOCUMENT', `no reader for kind "${kind}" yet`, { file: file.path });
  return markOcr(resolveLineEndHyphens(parser(text, { ...file, info, text }), seen), ocrPages);
}
