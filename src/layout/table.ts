/**
 * Roadmap tables on top of the table layer (./tables/): the header row found by its words (Actions /
 * Financement / Indicateur / Commentaires and their variants), the table under it read by `readTableAt`, its
 * columns named from the header (roadmap columns become row cells, others `extra` by label), and what a table
 * ending a page tells the next one (`tableHint`) so that a page going on without the header is read with the
 * same columns (`findContinuation`).
 */
import { type ColumnName, type HeaderMatch, headerMatch } from '../documents/roadmap/table-header.js';
import type { TextItem } from '../sources/page-model.js';
import { type Box, centerX, median, overlap, unionBox } from './geometry.js';
import { joinWrappedLines } from '../text/normalize.js';
import { groupRows, type Line, lineOf, splitAtGaps } from './lines.js';
import { type ColumnSource, findContinuation, readTableAt } from './tables/anchored.js';
import { columnTextStart } from './tables/text-start.js';
import type { PageContext } from './tables/types.js';

export { cellText, linePitch } from './cell-text.js';

export type { ColumnName } from '../documents/roadmap/table-header.js';
export type { ColumnSource } from './tables/anchored.js';

/** A header cell: one of the roadmap columns (column set), or another column of the table (column undefined). */
export interface HeaderCell {
  column: ColumnName | undefined;
  /** The header names its column by its exact word ("Actions"), not by a variant ("Actions à mener"). */
  exact: boolean;
  line: Line;
}

export interface HeaderRow extends Box {
  cells: HeaderCell[];
  items: TextItem[];
}

export interface Column {
  /** undefined for a header cell that is not one of the four roadmap columns (its text is reported, not read). */
  name: ColumnName | undefined;
  label: string;
  /** The header named the column by its exact word (false: by a variant wording, or no header). */
  exact?: boolean;
  x0: number;
  x1: number;
}

export interface Cell {
  text: string;
  box: Box | undefined;
  lines: Line[];
}

export interface TableRow extends Box {
  cells: Partial<Record<ColumnName, Cell>>;
  /** Text of columns that are not roadmap columns, by header label. */
  extra: { label: string; text: string; box: Box }[];
  /** The row is not closed by a rule at the bottom of a ruled table: it goes on over the page break. */
  openBottom: boolean;
}

export interface Table extends Box {
  header: HeaderRow;
  columns: Column[];
  rows: TableRow[];
  /** How the columns were found: from vertical rules, from the header's shading, or from whitespace gutters. */
  columnSource: ColumnSource;
  /** Rows come from horizontal rules (true) or from shading or vertical gaps in the text (false). */
  ruled: boolean;
  /** Items inside the table that went into the header or a cell. */
  used: Set<TextItem>;
  /** Items inside the table's box that went into neither. */
  unassigned: TextItem[];
  /** Type size of the body text. */
  fontSize: number;
  /** The paragraph space its cells showed, a share of the type size (rows from whitespace only). */
  paragraphShare?: number;
}

/** A header cell may carry a plural mark "(s)" or a qualifier ("Indicateurs de suivi", "Modalités de financement"). */
export function headerCellColumn(text: string): ColumnName | undefined {
  return headerCellMatch(text)?.column;
}

/** headerMatch folds typography on every call; the header search asks again for the same segments. */
const matchCache = new Map<string, HeaderMatch | undefined>();

function headerCellMatch(text: string): HeaderMatch | undefined {
  // Cheap test first: a header cell is short.
  if (text.length > 60) return undefined;
  if (matchCache.has(text)) return matchCache.get(text);
  if (matchCache.size >= 1024) matchCache.clear();
  const match = headerMatch(text);
  matchCache.set(text, match);
  return match;
}

/** Two or more roadmap column words in one run of text, the cheap test before trying to cut it. */
const TWO_HEADER_WORDS = /(?:action|financ|indicat|comment|observ)[\s\S]*(?:action|financ|indicat|comment|observ)/i;

/**
 * Header cells set in narrow columns can come out glued into one text item ("FINANCEMENTSINDICATEUR(S)"): the
 * PDF reader joins runs closer than its space threshold, and two cells' padding may be closer than that. Such
 * an item is cut where the second cell's word begins (a capital after a letter or a bracket, or after one space), when
 * both parts name roadmap columns, its width shared by the characters on each side. Other items are kept.
 */
export function splitGluedHeaderCells(items: readonly TextItem[]): TextItem[] {
  const out: TextItem[] = [];
  for (const item of items) {
    const text = item.text;
    // A fuzzy match of the whole ("Modalités de financement Indicateur(s)" reads as a financement header) is
    // no reason to keep it whole: the cut below needs both parts to name different columns.
    if (text.length > 60 || !TWO_HEADER_WORDS.test(text) || headerCellMatch(text)?.exact) {
      out.push(item);
      continue;
    }
    let cut = -1;
    let spaced = false;
    for (let k = 1; k < text.length && cut < 0; k++) {
      // The reader may also have put a space between the two cells (their gap just over its threshold).
      const space = text[k - 1] === ' ' && k >= 2;
      if (!/[\p{L})]/u.test(text[space ? k - 2 : k - 1]!) || !/\p{Lu}/u.test(text[k]!)) continue;
      const a = headerCellMatch(text.slice(0, k).trimEnd());
      const b = headerCellMatch(text.slice(k));
      if (a && b && a.column !== b.column) [cut, spaced] = [k, space];
    }
    if (cut < 0) {
      out.push(item);
      continue;
    }
    // The two cells' paddings lie somewhere around the cut: it is kept as a gap wider than the finest cut of
    // a header row (fineHeaderSegments), so the parts stay two cells.
    const x = item.x0 + ((item.x1 - item.x0) * cut) / text.length;
    const half = 0.2 * item.fontSize;
    out.push({ ...item, text: text.slice(0, spaced ? cut - 1 : cut), x1: x - half }, { ...item, text: text.slice(cut), x0: x + half });
  }
  return out;
}

/** Could this segment of a header row be the header of another column ("Pilote(s)", "Échéance")? */
function isOtherHeaderCell(text: string): boolean {
  return text.length <= 40 && text.split(/\s+/).length <= 4 && !/prioritaire/i.test(text) && /\p{L}/u.test(text);
}

/**
 * Header rows of roadmap tables on a page: bands of text whose separate cells (runs split at gaps) name at
 * least three distinct roadmap columns, "Actions" among them. Short cells between them, or next to them no
 * farther than the widest gap between named cells, are the headers of other columns ("Pilote(s)"). Works
 * from positions only: the header may be drawn anywhere in the content stream.
 */
export function findHeaderRows(items: readonly TextItem[]): HeaderRow[] {
  const headers: HeaderRow[] = [];
  const rows = groupRows(items);
  // Each row is cut at its gaps once: the stacked-header search looks at the rows below each row again.
  const coarse: Line[][] = [];
  const coarseOf = (r: number) => (coarse[r] ??= splitAtGaps(rows[r]!, 0.8, true).map(lineOf));
  let consumedUntil = -1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (r <= consumedUntil || row.length > 80) continue; // a header band holds a few words
    const coarseNamed = namedCount(coarseOf(r));
    let single = coarseNamed >= 3 ? coarseOf(r) : fineHeaderSegments(row);
    // Three names in coarse cells may hide a fourth glued to its neighbour across a narrow gutter.
    if (coarseNamed === 3) {
      const fine = fineHeaderSegments(row);
      if (namedCount(fine) > coarseNamed) single = fine;
    }
    // A header cell wrapping onto a second line ("Modalités de / financement") names its column only whole.
    const candidate = namedCount(single) >= 4 ? undefined : stackedHeaderCells(rows, r, coarseOf);
    const stacked = candidate && namedCount(candidate.cells) > namedCount(single) ? candidate : undefined;
    const segments = stacked?.cells ?? single;
    if (stacked) consumedUntil = stacked.last;
    const cells: HeaderCell[] = [];
    const seen = new Set<ColumnName>();
    for (const line of segments) {
      const match = headerCellMatch(line.text);
      if (!match || seen.has(match.column)) continue;
      seen.add(match.column);
      cells.push({ column: match.column, exact: match.exact, line });
    }
    if (cells.length < 3 || !seen.has('action')) continue;
    const named = new Set(cells.map((c) => c.line));
    const first = cells[0]!.line;
    const last = cells[cells.length - 1]!.line;
    let widestGap = 0;
    for (let k = 1; k < cells.length; k++) widestGap = Math.max(widestGap, cells[k]!.line.x0 - cells[k - 1]!.line.x1);
    // A second cell naming a column already named ("Action" of a side tab "Action prioritaire #3" set level
    // with the header) is not the header of another column.
    const others = segments.filter((l) => !named.has(l) && isOtherHeaderCell(l.text) && !headerCellMatch(l.text));
    // Take neighbours outwards, one at a time, while each is close to the header already taken.
    let from = first.x0;
    let to = last.x1;
    for (const l of [...others].sort((a, b) => b.x1 - a.x1)) if (l.x1 <= first.x0 && from - l.x1 <= 1.5 * widestGap) from = l.x0;
    for (const l of [...others].sort((a, b) => a.x0 - b.x0)) if (l.x0 >= last.x1 && l.x0 - to <= 1.5 * widestGap) to = l.x1;
    for (const l of others) if (l.x0 >= from - 0.5 && l.x1 <= to + 0.5) cells.push({ column: undefined, exact: false, line: l });
    cells.sort((a, b) => a.line.x0 - b.line.x0);
    const box = unionBox(cells.map((c) => c.line))!;
    headers.push({ ...box, cells, items: cells.flatMap((c) => c.line.items) });
  }
  return headers;
}

/**
 * Header cells of a table with narrow gutters (less than a word gap and a half between columns): split at
 * every gap wider than a third of the font size, then words that go on a header in lower case ("à mener",
 * "de suivi", "d’évaluation", "/ Observations") are put back with the cell before them.
 */
function fineHeaderSegments(row: readonly TextItem[]): Line[] {
  const parts = splitAtGaps(row, 0.3, true);
  const merged: TextItem[][] = [];
  for (const part of parts) {
    const text = lineOf(part).text;
    const previous = merged[merged.length - 1];
    if (previous && /^[\p{Ll}/(&]/u.test(text) && part[0]!.x0 - Math.max(...previous.map((i) => i.x1)) < part[0]!.fontSize) previous.push(...part);
    else merged.push([...part]);
  }
  return merged.map(lineOf);
}

function namedCount(segments: readonly Line[]): number {
  const names = new Set(segments.map((l) => headerCellMatch(l.text)?.column).filter(Boolean));
  return names.has('action') ? names.size : 0;
}

/**
 * A header whose cells wrap over two or three lines ("MODALITÉS DE / FINANCEMENT", "INDICA-/TEURS DE SUIVI"), or
 * whose one-line cells are centred beside wrapped ones: the short rows from `start` that follow each other at
 * a line's distance, their segments gathered into cells by horizontal overlap, each cell's lines joined. The
 * band stops where it names the most columns (the first body line may follow at the header's own pitch).
 */
function stackedHeaderCells(rows: readonly TextItem[][], start: number, segmentsOf: (r: number) => Line[]): { cells: Line[]; last: number } | undefined {
  const band: Line[][] = [];
  let best: { cells: Line[]; last: number; named: number } | undefined;
  for (let r = start; r < rows.length && r < start + 4; r++) {
    const row = rows[r]!;
    if (row.length > 80) break;
    const segments = segmentsOf(r);
    if (segments.some((l) => l.text.split(/\s+/).length > 4)) break; // a body line, not a header cell
    if (band.length) {
      const above = band[band.length - 1]!;
      const top = Math.min(...segments.map((l) => l.y0));
      // Measured in the smaller type: a title's last line set larger above the header is not one of its lines.
      const size = Math.min(above[0]!.fontSize, segments[0]!.fontSize);
      if (top - Math.max(...above.map((l) => l.y0)) > 1.7 * size) break;
      // A header's wrapped lines share the sizes of its cells (each cell may be set to fit): a line in none of
      // the sizes of the line above is a title ending right over the header, not a header cell.
      const sizes = above.map((l) => l.fontSize);
      const [lo, hi] = [Math.min(...sizes) / 1.15, Math.max(...sizes) * 1.15];
      if (!segments.some((l) => l.fontSize >= lo && l.fontSize <= hi)) break;
    }
    band.push(segments);
    if (band.length < 2) continue;
    const cells = bandCells(band);
    const named = namedCount(cells);
    if (named >= 3 && (!best || named > best.named) && opensNamedCell(band[0]!, cells)) best = { cells, last: r, named };
  }
  return best && { cells: best.cells, last: best.last };
}

/**
 * The band's first line takes part in a header cell: one that names a roadmap column, one wrapped over
 * several of the band's lines ("PARTE" / "NAIRE" / "S"), or one set like the named cells (size and weight).
 * A line of other text alone above a one-line header (the last line of a wrapped chantier title set close over
 * the table, larger or bolder) would otherwise be stacked onto the header as a cell of its own.
 */
function opensNamedCell(first: readonly Line[], cells: readonly Line[]): boolean {
  const items = new Set(first.flatMap((l) => l.items));
  const named = cells.filter((c) => headerCellMatch(c.text) !== undefined);
  const likeNamed = (l: Line) => named.some((c) => Math.abs(c.fontSize - l.fontSize) <= 0.5 && c.bold === l.bold);
  return cells.some(
    (c) => c.items.some((i) => items.has(i)) && (named.includes(c) || c.items.some((i) => !items.has(i)) || first.some((l) => l.items.some((i) => c.items.includes(i)) && likeNamed(l))),
  );
}

/**
 * Cells of a stacked header band: each line's segments first cut where a segment of the line below starts at
 * one of their words (a cell wrapped flush left under a narrow gutter: "Finance- Indicateurs" over "ment(s)"
 * and "d’évaluation"), then gathered by horizontal overlap, left to right, their lines joined.
 */
function bandCells(band: readonly Line[][]): Line[] {
  const refined = band.map((segments, k) => {
    // Cells start flush left on every line they wrap onto: a word starting where a segment of the line below
    // or above starts opens a cell ("Pi-" over "finance- lote" glued across a narrow gutter).
    const near = [...(band[k + 1] ?? []), ...(band[k - 1] ?? [])];
    if (!near.length) return segments;
    return segments.flatMap((segment) => {
      const items = [...segment.items].sort((a, b) => a.x0 - b.x0);
      const parts: TextItem[][] = [[]];
      items.forEach((item, i) => {
        const tol = 0.1 * item.fontSize;
        if (i > 0 && item.x0 > items[i - 1]!.x1 && near.some((l) => Math.abs(l.x0 - item.x0) <= tol)) parts.push([]);
        parts[parts.length - 1]!.push(item);
      });
      return parts.length > 1 ? parts.map(lineOf) : [segment];
    });
  });
  const clusters: Line[][] = [];
  for (const l of refined.flat().sort((a, b) => a.x0 - b.x0)) {
    const cluster = clusters.find((c) => c.some((o) => overlap(o.x0, o.x1, l.x0, l.x1) > 0 || Math.abs(centerX(o) - centerX(l)) < 0.5 * l.fontSize));
    if (cluster) cluster.push(l);
    else clusters.push([l]);
  }
  return clusters.map((c) => {
    const lines = c.sort((a, b) => a.y0 - b.y0);
    const text = joinWrappedLines(lines.map((l) => l.text)).replace(/\n/g, ' ');
    return { ...unionBox(lines)!, text, items: lines.flatMap((l) => l.items), fontSize: lines[0]!.fontSize, bold: lines.every((l) => l.bold) };
  });
}

/** "Chantier :", "CHANTIER :", "Chantier n°2 :", "Chantier 2 –" opening a chantier title. */
export const CHANTIER_LABEL = /^\s*chantier(?:\s*n\s*[°o]\s*\d+|\s+\d+)?\s*[:.–—-]\s*/i;
/** The label alone on its line (the title follows on the next). */
export const CHANTIER_LABEL_ONLY = /^\s*chantier(?:\s*n\s*[°o]\s*\d+|\s+\d+)?\s*[:.–—-]?\s*$/i;

/** A chantier title without its label and without "(suite)": "Chantier n°2 : Soutenir les aidants" → "Soutenir les aidants". */
export function stripChantierLabel(text: string): string {
  return text.replace(CHANTIER_LABEL, '').replace(CHANTIER_LABEL_ONLY, '').trim();
}

/** A page-level line that closes a table above it: a "Chantier :" title set larger or bolder than cell text. */
export function isTitleLine(line: Line, bodySize: number): boolean {
  return CHANTIER_LABEL.test(line.text) && (line.bold || line.fontSize > bodySize + 0.5);
}


/** Columns carried over from the table on the previous page, for a page that goes on without a header row. */
export interface FixedColumns {
  bounds: number[];
  columns: Column[];
  source: ColumnSource;
  /** Bottom of the vertical rules found at the carried-over edges, when the table is ruled. */
  ruledBottom?: number;
}

/**
 * What a table tells the next page: its columns, and where text starts in each (cell padding), so that a
 * page going on without repeating the header row can still be read as the same table.
 */
export interface TableHint {
  bounds: number[];
  columns: Column[];
  /** Left edge of the text of each column, where it had any. */
  textStarts: (number | undefined)[];
  source: ColumnSource;
  ruled: boolean;
  fontSize: number;
  /**
   * The header row, when the table ended its page with no row under it and its columns were only guessed from
   * the gaps between header cells: the next page's text says where the columns really are.
   */
  header?: HeaderRow;
}

export function tableHint(table: Table, previous?: TableHint): TableHint {
  const textStarts = table.columns.map((c) => {
    const name = c.name;
    // A column without a roadmap name (a chantier beside the rows, other columns) by its cells' boxes.
    if (!name) return columnTextStart(table.rows.flatMap((row) => row.extra.filter((e) => e.label === c.label).map((e) => ({ x0: e.box.x0, text: e.text }))));
    // A cell read without its lines counts by its box.
    return columnTextStart(
      table.rows.flatMap((row) => {
        const cell = row.cells[name];
        return !cell?.box ? [] : cell.lines.length ? cell.lines : [{ x0: cell.box.x0, text: '' }];
      }),
    );
  });
  const bounds = [...table.columns.map((c) => c.x0), table.columns[table.columns.length - 1]?.x1 ?? table.x1];
  // A table going on from the page before with the same columns: a column without text on this page keeps the
  // text start measured there (paddings differ from column to column when the edges lie mid-gutter).
  const carried = previous && previous.bounds.length === bounds.length && previous.bounds.every((b, k) => Math.abs(b - bounds[k]!) <= 0.5) ? previous.textStarts : undefined;
  // A column without text on this page gets the others' padding.
  const paddings = textStarts.flatMap((s, k) => (s === undefined ? [] : [s - table.columns[k]!.x0]));
  const padding = paddings.length ? median(paddings) : undefined;
  // A header ending its page with no row under it: its cells' text starts (left-aligned headers start where
  // their cells' text does).
  const headerStart = (k: number) => table.header.cells.find((c) => c.line.x0 >= table.columns[k]!.x0 - 0.5 && c.line.x0 < table.columns[k]!.x1)?.line.x0;
  const filled = textStarts.map((s, k) => s ?? carried?.[k] ?? (padding === undefined ? headerStart(k) : table.columns[k]!.x0 + padding));
  // A continuation page is found from vertical rules only when the table has them.
  const headerOnly = !table.rows.length && table.columnSource === 'gutters';
  return {
    bounds,
    columns: table.columns.map((c) => ({ ...c })),
    textStarts: filled,
    source: table.columnSource,
    ruled: table.ruled && table.columnSource === 'rules',
    fontSize: table.fontSize,
    ...(headerOnly ? { header: table.header } : {}),
  };
}

/** A header row moved down by dy (its box, cells and items): a header from the page before set over this page's text. */
function shiftHeader(header: HeaderRow, dy: number): HeaderRow {
  const items = new Map(header.items.map((i) => [i, { ...i, y0: i.y0 + dy, y1: i.y1 + dy }]));
  const moved = (i: TextItem) => items.get(i) ?? { ...i, y0: i.y0 + dy, y1: i.y1 + dy };
  return {
    ...header,
    y0: header.y0 + dy,
    y1: header.y1 + dy,
    items: [...items.values()],
    cells: header.cells.map((c) => ({ ...c, line: { ...c.line, y0: c.line.y0 + dy, y1: c.line.y1 + dy, items: c.line.items.map(moved) } })),
  };
}

/**
 * What a page's tables tell the next page: the last table's hint, unless an earlier table of the page under the
 * same header (same columns, the same header cells at the same places) shows text in more columns: the last
 * table may hold a single row with only its action on the page, whose gutters and text starts say little of
 * the other columns.
 */
export function pageTableHint(tables: readonly Table[], previous?: TableHint): TableHint | undefined {
  const last = tables[tables.length - 1];
  if (!last) return undefined;
  const filled = (t: Table) => t.columns.filter((c) => t.rows.some((r) => (c.name ? r.cells[c.name]?.text.trim() : r.extra.some((e) => e.label === c.label && e.text.trim())))).length;
  const sameHeader = (t: Table) =>
    t.columns.length === last.columns.length &&
    t.columns.every((c, k) => c.name === last.columns[k]!.name && c.label === last.columns[k]!.label) &&
    t.header.cells.length === last.header.cells.length &&
    t.header.cells.every((c, k) => Math.abs(c.line.x0 - last.header.cells[k]!.line.x0) <= 0.1 * last.fontSize);
  const richer = tables.filter((t) => t !== last && sameHeader(t) && filled(t) > filled(last)).pop();
  return tableHint(richer ?? last, previous);
}

/**
 * A roadmap table going on from the previous page without its header row (see findContinuation): the pseudo
 * header (an empty band at the table's top) and the carried-over columns, names included.
 */
export function findHeaderlessTable(context: PageContext, hint: TableHint, limit: number): { header: HeaderRow; fixed?: FixedColumns } | undefined {
  const key = hint.columns.findIndex((c) => c.name === 'action');
  const found = findContinuation(context, { xs: hint.bounds, textStarts: hint.textStarts, key, ruled: hint.ruled, source: hint.source, fontSize: hint.fontSize }, limit);
  if (!found) return undefined;
  // A header left alone at the bottom of the page before had only its own cells to guess gutters from (a
  // column without header, such as a chantier beside the rows, not at all): it is read again over this page's
  // text, right above it, and the columns found as under any header.
  if (hint.header) return { header: shiftHeader(hint.header, found.header.y0 - hint.header.y1) };
  const header: HeaderRow = { ...found.header, cells: [], items: [] };
  return { header, fixed: { bounds: hint.bounds, columns: hint.columns, source: hint.source, ruledBottom: found.columns?.ruledBottom } };
}

/**
 * A header cell that wraps ("MODALITÉS DE / FINANCEMENT", "Indicateurs de / suivi") is read whole: each column's
 * label becomes the header row's whole text over it, and a column that did not name a roadmap column on its
 * first line may name one now (a roadmap column is never named twice).
 */
function relabelWrappedHeaders(columns: Column[], texts: readonly (string | undefined)[]): void {
  const named = new Set(columns.map((c) => c.name).filter(Boolean));
  columns.forEach((column, k) => {
    const text = texts[k];
    if (text === undefined || text === column.label) return;
    const match = headerMatch(text);
    if (!column.name && match && !named.has(match.column)) {
      column.name = match.column;
      column.exact = match.exact;
      named.add(match.column);
    }
    if (column.name || !match) column.label = text;
  });
}

/**
 * Under vertical rules each column's header text is known exactly (header cells set close together may have
 * been read as one line across two columns): when the ruled cells name roadmap columns, each once, and at
 * least as many as the header's lines did, the columns take those names.
 */
function renameFromRuledCells(columns: Column[], texts: readonly (string | undefined)[]): void {
  const matches = texts.map((t) => (t === undefined ? undefined : headerMatch(t)));
  const named = matches.flatMap((m) => (m ? [m.column] : []));
  if (new Set(named).size !== named.length || named.length < columns.filter((c) => c.name).length) return;
  if (matches.every((m, k) => m?.column === columns[k]!.name)) return;
  columns.forEach((column, k) => {
    const m = matches[k];
    column.name = m?.column;
    column.exact = m?.exact ?? false;
    column.label = texts[k] ?? column.label;
  });
}

/**
 * Reads the roadmap table under a header row with the table layer (readTableAt: columns from rules, shading or
 * gutters; rows from rules, shaded bands or gaps with the Actions column opening each row), then names its
 * columns from the header's words: roadmap columns become row cells, other columns `extra` by header label.
 */
export function readTable(header: HeaderRow, context: PageContext, limit: number, fixed?: FixedColumns, paragraphShare?: number): Table {
  const read = readTableAt(context, {
    header: { x0: header.x0, y0: header.y0, x1: header.x1, y1: header.y1 },
    cells: header.cells.map((c) => c.line),
    items: header.items,
    limit,
    key: header.cells.findIndex((c) => c.column === 'action'),
    joinable: header.cells.map((c) => c.column === undefined),
    ...(paragraphShare === undefined ? {} : { paragraphShare }),
    ...(fixed
      ? {
          columns: {
            xs: fixed.bounds,
            source: fixed.source,
            key: fixed.columns.findIndex((c) => c.name === 'action'),
            headed: fixed.columns.map((c) => c.name !== undefined || c.label.trim() !== ''),
            ...(fixed.ruledBottom !== undefined ? { ruledBottom: fixed.ruledBottom } : {}),
          },
        }
      : {}),
  });
  const { xs } = read;
  const columns: Column[] = fixed
    ? fixed.columns.map((c) => ({ ...c }))
    : read.columnCells.map((k, c) => {
        const cell = k === undefined ? undefined : header.cells[k];
        return { name: cell?.column, label: cell?.line.text ?? '', exact: cell?.exact ?? false, x0: xs[c]!, x1: xs[c + 1]! };
      });
  const offset = read.headerRows;
  const texts = columns.map((_, k) => read.cells.find((c) => c.row === 0 && c.col === k && c.items.length > 0)?.text);
  if (!fixed && read.headerRows && read.columnSource === 'rules') renameFromRuledCells(columns, texts);
  if (read.headerWrapped) relabelWrappedHeaders(columns, texts);
  const spans = read.ys.length - 1 - offset;
  const all: TableRow[] = [];
  for (let r = 0; r < spans; r++)
    all.push({ x0: xs[0]!, y0: read.ys[r + offset]!, x1: xs[xs.length - 1]!, y1: read.ys[r + offset + 1]!, cells: {}, extra: [], openBottom: read.openBottom && r === spans - 1 });
  for (const cell of read.cells) {
    if (cell.row < offset || !cell.box) continue;
    const row = all[cell.row - offset]!;
    const column = columns[cell.col]!;
    if (column.name) row.cells[column.name] = { text: cell.text, box: cell.box, lines: cell.lines ?? [] };
    else row.extra.push({ label: column.label, text: cell.text, box: cell.box });
  }
  const rows: TableRow[] = [];
  for (const row of all) {
    if (!Object.keys(row.cells).length && !row.extra.length) continue;
    // Row boxes: the union of their cells (the rules' span for ruled rows keeps their width).
    if (!read.rowsFromRules) Object.assign(row, unionBox([...Object.values(row.cells).map((c) => c!.box!), ...row.extra.map((e) => e.box)]));
    rows.push(row);
  }
  return {
    ...read.box,
    header,
    columns,
    rows,
    columnSource: fixed ? fixed.source : read.columnSource,
    ruled: read.rowsFromRules,
    used: read.used,
    unassigned: read.unassigned,
    fontSize: read.fontSize,
    ...(read.paragraphShare === undefined ? {} : { paragraphShare: read.paragraphShare }),
  };
}
