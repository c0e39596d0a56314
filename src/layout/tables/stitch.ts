/**
 * Tables cut by a page break: the last table of a page and the first of the next are one table when the first
 * runs to the bottom of its page, the second starts at the top of its own, and their columns agree (same
 * number, same edges within an em or 2% of the page width) or the second repeats the first's header rows.
 */
import { normText } from './text.js';
import { tableRows } from './grid.js';
import type { DocumentTable, PageContext, PageTable } from './types.js';

/** What stitching needs to know of a table's page besides the table. */
export interface TablePlace {
  /** Nothing but running footers or notes below the table on its page. */
  endsPage: boolean;
  /** Nothing but running heads or a caption above the table on its page. */
  startsPage: boolean;
  pageWidth: number;
  fontSize: number;
}

/** A printed line as stitching sees it: where it is, and its text without digits (page numbers change). */
export interface PageLine {
  y0: number;
  y1: number;
  x0: number;
  x1: number;
  key: string;
  fontSize: number;
}

/** The lines of a page, for telling running heads and footers (the same line on the page before or after). */
export function pageLines(context: PageContext): PageLine[] {
  return context.bands.map((band) => ({
    y0: Math.min(...band.map((s) => s.y0)),
    y1: Math.max(...band.map((s) => s.y1)),
    x0: Math.min(...band.map((s) => s.x0)),
    x1: Math.max(...band.map((s) => s.x1)),
    key: normText(band.map((s) => s.text).join(' ')).replace(/\d+/g, '#'),
    fontSize: Math.max(...band.map((s) => s.fontSize)),
  }));
}

/** "(suite)", "(continued)", "(cont'd)" at the end of a title: the same title going on. */
const CONTINUED = /(?:suite|continued|contd|cont|fortsetzung|continuación|continua|vervolg)$/;

/**
 * Is `line` on the other page too: at the same height (`sameHeight`: a running head or footer), or anywhere
 * (a section title repeated over its continuation, perhaps marked "(suite)")?
 */
function repeated(line: PageLine, other: readonly PageLine[] | undefined, sameHeight: boolean): boolean {
  if (!other) return false;
  const key = line.key.replace(CONTINUED, '');
  return other.some((l) => (l.key === line.key || (key.length > 0 && l.key === key)) && (!sameHeight || Math.abs(l.y0 - line.y0) <= 2));
}

/**
 * Is the table the last thing on its page, and the first? Lines below (above) it say no, unless they are
 * running footers (heads): the same text at the same height on the page before or after. Notes in smaller
 * type than the body under a table do not count either.
 */
export function placeOf(
  table: PageTable,
  lines: readonly PageLine[],
  neighbours: { previous?: readonly PageLine[]; next?: readonly PageLine[] },
  others: readonly PageTable[],
  measures: { fontSize: number; pageWidth: number },
): TablePlace {
  const inOther = (l: PageLine) => others.some((t) => t !== table && l.y0 >= t.box.y0 - 1 && l.y1 <= t.box.y1 + 1);
  const inTable = (l: PageLine) => l.y0 >= table.box.y0 - 1 && l.y1 <= table.box.y1 + 1;
  const free = lines.filter((l) => !inTable(l) && !inOther(l));
  // Below: what the next page repeats is a running footer. Above: what the previous page also has is a running
  // head, or the same section title going on (a new title above says a new table starts).
  const below = free.some((l) => l.y0 > table.box.y1 && l.fontSize >= 0.9 * measures.fontSize && !repeated(l, neighbours.next, true));
  const above = free.some((l) => l.y1 < table.box.y0 && !repeated(l, neighbours.previous, false));
  return { endsPage: !below, startsPage: !above, pageWidth: measures.pageWidth, fontSize: measures.fontSize };
}

/** Do the first `n` rows of `b` repeat the first `n` rows of `a` (text compared without case, spaces, punctuation)? */
export function repeatsRows(a: PageTable, b: PageTable, n: number): boolean {
  if (n < 1 || b.ys.length - 1 <= n) return false;
  const ra = tableRows(a);
  const rb = tableRows(b);
  for (let r = 0; r < n; r++) {
    const x = (ra[r] ?? []).map(normText).join('|');
    const y = (rb[r] ?? []).map(normText).join('|');
    if (!x || x !== y) return false;
  }
  return true;
}

function sameColumns(a: PageTable, b: PageTable, place: TablePlace): boolean {
  if (a.xs.length !== b.xs.length) return false;
  const tolerance = Math.max(place.fontSize, 0.02 * place.pageWidth);
  return a.xs.every((x, i) => Math.abs(x - b.xs[i]!) <= tolerance);
}

/**
 * Links tables continued over page breaks, in document order (tables sorted by page, then top to bottom).
 * A continuation that repeats the header gets the same number of header rows and `repeatsHeader`.
 */
export function stitch(tables: readonly (PageTable & { place: TablePlace })[]): DocumentTable[] {
  const out: DocumentTable[] = tables.map(({ place: _place, ...t }) => ({ ...t }));
  for (let i = 0; i + 1 < tables.length; i++) {
    const a = tables[i]!;
    const b = tables[i + 1]!;
    if (b.page !== a.page + 1 || !a.place.endsPage || !b.place.startsPage) continue;
    // The table on the first page is the last one on it, the next one the first on its page.
    if (tables.some((t, k) => k !== i && t.page === a.page && t.box.y0 > a.box.y1)) continue;
    const header = out[i]!.headerRows;
    const repeated = header > 0 && repeatsRows(a, b, header);
    if (!repeated && !sameColumns(a, b, a.place)) continue;
    out[i]!.continuedBy = i + 1;
    out[i + 1]!.continues = i;
    if (repeated) {
      out[i + 1]!.repeatsHeader = true;
      out[i + 1]!.headerRows = header;
    } else if (out[i + 1]!.headerRows === 0) out[i + 1]!.repeatsHeader = false;
  }
  return out;
}

/** A logical table: the parts of one table over several pages, read as one grid. */
export interface StitchedTable {
  /** Indices of the parts in the document's table list. */
  parts: number[];
  pages: number[];
  headerRows: number;
  rows: string[][];
  /** A row cut by a page break was joined back (the part below opened without text in its first column). */
  joinedRows: number;
}

/**
 * Joins continued tables into logical tables: rows one after the other, a repeated header dropped, and a row
 * cut by the page break joined back when the continuation opens with a row whose first cell is empty and
 * which is not a header (its cells are appended to the last row's).
 */
export function stitchedTables(tables: readonly DocumentTable[]): StitchedTable[] {
  const out: StitchedTable[] = [];
  tables.forEach((t, i) => {
    if (t.continues !== undefined) return;
    const group: StitchedTable = { parts: [i], pages: [t.page], headerRows: t.headerRows, rows: tableRows(t), joinedRows: 0 };
    let k = t.continuedBy;
    while (k !== undefined) {
      const part = tables[k]!;
      let rows = tableRows(part);
      if (part.repeatsHeader) rows = rows.slice(part.headerRows);
      const last = group.rows[group.rows.length - 1];
      const first = rows[0];
      if (!part.repeatsHeader && part.headerRows === 0 && last && first && !first[0]?.trim() && first.length === last.length && t.flavor !== 'ruled') {
        group.rows[group.rows.length - 1] = last.map((cell, c) => [cell, first[c] ?? ''].filter((s) => s.trim()).join('\n'));
        rows = rows.slice(1);
        group.joinedRows++;
      }
      const width = Math.max(group.rows[0]?.length ?? 0, rows[0]?.length ?? 0);
      group.rows.push(...rows.map((r) => [...r, ...Array<string>(Math.max(0, width - r.length)).fill('')]));
      group.parts.push(k);
      group.pages.push(part.page);
      k = part.continuedBy;
    }
    out.push(group);
  });
  return out;
}
