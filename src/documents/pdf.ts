import { classifyPages } from '../layout/classify.js';
import { compactLayout, analysePage, type PageLayout } from '../layout/page-layout.js';
import { readingLinesToText } from '../layout/reading-order.js';
import { pageTableHint, type TableHint } from '../layout/table.js';
import { FdrError } from '../errors/index.js';
import type { ExtractedDocument } from '../model/index.js';
import type { LoadedFile } from '../sources/load.js';
import type { PageModel } from '../sources/page-model.js';
import { parsePageSpec } from '../sources/page-spec.js';
import { resolveLineEndHyphens } from '../text/hyphens.js';
import { joinWrappedLines } from '../text/normalize.js';
import { type ExtractOptions, chooseKind } from './index.js';
import { markOcr, type OcrPageWords } from './ocr-provenance.js';
import { assembleRoadmap } from './roadmap/assemble.js';
import { requireRows } from './roadmap/index.js';
import { readPdfRoadmap } from './roadmap/pdf-reader.js';
import { readDocumentStructure, StructureCollector } from '../layout/structure/index.js';
import { parseRestitutionStructure } from './restitution/structure-reader.js';
import { parseRestitutionText } from './restitution/index.js';
import { EventsTableCollector, eventsStructureClues, readPdfEvents } from './events/pdf-reader.js';

/** The reading-order text of laid-out pages: one page after the other, separated by "\f". */
export function layoutsToText(layouts: readonly Pick<PageLayout, 'reading'>[]): string {
  return layouts.map((l) => `${readingLinesToText(l.reading)}\n`).join('\f');
}

/**
 * PDF input: pages are read one at a time (pdf.js releases each before the next) and laid out; only the
 * compact layouts are kept. The reading-order text decides the kind; roadmaps are rebuilt from the tables,
 * other kinds (restitution, events) from the page structure and the tables of the pages without roadmap tables.
 */
export async function extractPdf(file: LoadedFile, options: ExtractOptions): Promise<ExtractedDocument> {
  const readPages = options.readPages ?? (await import('../sources/pdf/index.js')).readPdfPages;
  const layouts: PageLayout[] = [];
  const debugPages: PageModel[] = [];
  let hint: TableHint | undefined;
  let paragraphShare: number | undefined;
  const seenAtTop = new Set<string>();
  // Page structure (headings, lists, columns, figure grids) for the readers of brochures; pages of roadmap
  // tables are read by the table layer and skip it.
  const structure = new StructureCollector();
  // Tables of the pages that hold no roadmap table, for the kinds read from the page's structure (events).
  const otherTables = new EventsTableCollector();
  // --pages: pages outside the list are skipped as they arrive (whichever reader reads them).
  const selected = options.pages === undefined ? undefined : parsePageSpec(options.pages);
  const ocrPages = new Map<number, OcrPageWords>();
  const summary = await readPages(
    file.bytes,
    { file: file.path, password: options.password, maxPages: options.maxPages, maxItemsPerPage: options.maxItemsPerPage, ocr: options.ocr, pages: options.pages, log: options.log },
    (page) => {
      if (selected && !selected(page.number)) return;
      if (page.ocr) ocrPages.set(page.number, { facts: page.ocr, items: page.items.map(({ x0, y0, x1, y1, text, confidence }) => ({ x0, y0, x1, y1, text, confidence })) });
      const layout = analysePage(page, hint, seenAtTop, paragraphShare);
      for (const key of layout.topLines) seenAtTop.add(key);
      // Pages without roadmap tables are read by their structure and tables (brochures, announcements).
      if (!layout.tables.length) {
        otherTables.add(page);
        structure.add(page);
      }
      // A table ending a page tells the next page its columns, in case it goes on without a header row.
      hint = pageTableHint(layout.tables, hint);
      // The paragraph space the document's tables show, for a later table showing none (one row on its page).
      for (const t of layout.tables) if (t.paragraphShare !== undefined) paragraphShare = t.paragraphShare;
      if (options.debugDir) {
        debugPages.push(page);
        layouts.push(layout);
      } else layouts.push(compactLayout(layout));
    },
  );
  if (selected && !layouts.length)
    throw new FdrError('USAGE', `--pages selects none of the ${summary.pages} pages of this PDF`, { file: file.path, hint: `pick pages between 1 and ${summary.pages}` });
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
  const tables = roadmapTables >= 2 ? [] : otherTables.finish();
  const kind = autoKind && roadmapTables >= 2 ? 'roadmap' : chooseKind(text, options, file.path, eventsStructureClues(layouts, tables));
  // Line-end hyphens are settled with every word the pages show, not only those the document keeps.
  const seen = layouts.flatMap((l) => [
    joinWrappedLines(l.reading.filter((r) => !r.text.includes('\t')).map((r) => r.text)),
    ...l.reading.filter((r) => r.text.includes('\t')).flatMap((r) => r.text.split('\t')), // table rows: cell by cell
  ]);
  let doc: ExtractedDocument;
  if (kind === 'roadmap') {
    const reading = readPdfRoadmap(layouts);
    requireRows(reading, file.path);
    doc = resolveLineEndHyphens(assembleRoadmap(reading, info), seen);
  } else if (kind === 'restitution') {
    // The structure reader leans on type size, weight and markers; on pages read by OCR these are estimates, and
    // the reading-order text (which the text parser reads) is the surer evidence.
    const mostlyOcr = ocrPages.size * 2 > layouts.length;
    doc = resolveLineEndHyphens(
      mostlyOcr ? parseRestitutionText(text, info) : parseRestitutionStructure(readDocumentStructure(structure), info),
      seen,
    );
  } else if (kind === 'events') {
    doc = resolveLineEndHyphens(readPdfEvents(layouts, tables, info), seen);
  } else {
    throw new FdrError('UNKNOWN_DOCUMENT', `no reader for kind "${String(kind)}" yet`, { file: file.path });
  }
  // A document read in part says so in itself, not only on the command line that made it.
  if (options.pages !== undefined)
    doc.warnings.push({ code: 'pages-selected', message: `only pages ${options.pages} of ${summary.pages} were read (--pages)` });
  return markOcr(doc, ocrPages);
}
