/** The generic table layer: every table of a page, whichever way it is drawn. Pure functions. */
import type { PageModel } from '../../sources/page-model.js';
import type { Box } from '../geometry.js';
import { pageContext } from './context.js';
import { headerRowCount } from './header.js';
import { hybridFinder } from './hybrid.js';
import { judge } from './quality.js';
import { ruledFinder } from './ruled.js';
import { streamFinder } from './stream.js';
import { type PageLine, pageLines, placeOf, stitch, type TablePlace } from './stitch.js';
import type { DocumentTable, PageContext, PageTable, TableFinder } from './types.js';

/** The finders, surest first: each later one reads only text no earlier table took. */
export const FINDERS: readonly TableFinder[] = [ruledFinder, hybridFinder, streamFinder];

function area(b: Box): number {
  return Math.max(0, b.x1 - b.x0) * Math.max(0, b.y1 - b.y0);
}

function overlapShare(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  if (w <= 0 || h <= 0) return 0;
  return (w * h) / Math.max(1e-6, Math.min(area(a), area(b)));
}

/** Candidates judged; the surest kept, then others where they do not overlap a kept one. */
export function selectTables(candidates: readonly PageTable[], taken: readonly Box[] = []): PageTable[] {
  const judged = candidates
    .map((t) => ({ t, v: judge(t) }))
    .filter((x) => !x.v.rejected)
    .sort((a, b) => b.v.confidence - a.v.confidence);
  const kept: PageTable[] = [];
  for (const { t, v } of judged) {
    if ([...taken, ...kept.map((k) => k.box)].some((b) => overlapShare(b, t.box) > 0.2)) continue;
    t.quality.confidence = Math.round(v.confidence * 100) / 100;
    t.headerRows = headerRowCount(t);
    kept.push(t);
  }
  return kept;
}

/** Every table on a page, top to bottom. */
export function findPageTables(page: PageModel, context: PageContext = pageContext(page)): PageTable[] {
  const kept: PageTable[] = [];
  for (const finder of FINDERS) kept.push(...selectTables(finder.find(context, kept.map((t) => t.box)), kept.map((t) => t.box)));
  return kept.sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
}

/** What to read: pages by number (all when absent). */
export interface TableReadOptions {
  pages?: (page: number) => boolean;
}

/**
 * Tables of a document, page by page: feed pages in order with `add` (each page may be dropped by the caller
 * afterwards; only its tables are kept), then `finish` links tables cut by page breaks.
 */
export class DocumentTableReader {
  private readonly pages: { tables: PageTable[]; lines: PageLine[]; fontSize: number; width: number }[] = [];

  constructor(private readonly options: TableReadOptions = {}) {}

  /**
   * Reads one page and returns the tables kept for it (before stitching). Pages must come in order. `reread`, when
   * given, sees the tables the finders found with the page's context and returns the ones to keep in their place:
   * a table read again under a header row found later (see readTableAt), tables the finders missed. The returned
   * list is a copy: what the reader keeps changes only through `reread`.
   */
  add(page: PageModel, reread?: (found: readonly PageTable[], context: PageContext) => PageTable[]): PageTable[] {
    if (this.options.pages && !this.options.pages(page.number)) return [];
    const context = pageContext(page);
    const found = findPageTables(page, context);
    const tables = reread ? reread(found, context) : found;
    this.pages[page.number] = { tables, lines: pageLines(context), fontSize: context.fontSize, width: page.width };
    return [...tables];
  }

  /** All tables in document order, continuations over page breaks linked. */
  finish(): DocumentTable[] {
    const placed: (PageTable & { place: TablePlace })[] = [];
    this.pages.forEach((p, n) => {
      if (!p) return;
      const neighbours = { previous: this.pages[n - 1]?.lines, next: this.pages[n + 1]?.lines };
      for (const t of p.tables) placed.push({ ...t, place: placeOf(t, p.lines, neighbours, p.tables, { fontSize: p.fontSize, pageWidth: p.width }) });
    });
    return stitch(placed);
  }
}

/** Every table of a document's pages, continuations linked (see stitch). */
export function findDocumentTables(pages: Iterable<PageModel>, options: TableReadOptions = {}): DocumentTable[] {
  const reader = new DocumentTableReader(options);
  for (const page of pages) reader.add(page);
  return reader.finish();
}

export { tableRows } from './grid.js';
export { readTableAt, findContinuation, type Anchor, type AnchoredTable, type CarriedTable, type ColumnSource, type GivenColumns } from './anchored.js';
export { stitchedTables, type StitchedTable } from './stitch.js';
export { headerRowCount } from './header.js';
export { judge } from './quality.js';
export { pageContext } from './context.js';
export type * from './types.js';
