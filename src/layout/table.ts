import { type ColumnName, type HeaderMatch, headerMatch } from '../documents/roadmap/table-header.js';
import type { FilledRect, Ruling, TextItem } from '../sources/page-model.js';
import { type Box, centerX, centerY, maxOf, median, mergeIntervals, overlap, unionBox } from './geometry.js';
import { joinWrappedLines } from '../text/normalize.js';
import { cellText, linePitchRatio, measureColumn } from './cell-text.js';
import { groupRows, type Line, lineOf, splitAtGaps } from './lines.js';

export { cellText, linePitch } from './cell-text.js';

export type { ColumnName } from '../documents/roadmap/table-header.js';

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
  columnSource: 'rulings' | 'shading' | 'gutters';
  /** Rows come from horizontal rules (true) or from vertical gaps in the text (false). */
  ruled: boolean;
  /** Items inside the table that went into the header or a cell. */
  used: Set<TextItem>;
}

/** A header cell may carry a plural mark "(s)" or a qualifier ("Indicateurs de suivi", "Modalités de financement"). */
export function headerCellColumn(text: string): ColumnName | undefined {
  return headerCellMatch(text)?.column;
}

function headerCellMatch(text: string): HeaderMatch | undefined {
  // Cheap test first: a header cell is short.
  return text.length > 60 ? undefined : headerMatch(text);
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
  let consumedUntil = -1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (r <= consumedUntil || row.length > 80) continue; // a header band holds a few words
    const coarse = splitAtGaps(row, 0.8).map(lineOf);
    const single = namedCount(coarse) >= 3 ? coarse : fineHeaderSegments(row);
    // A header cell wrapping onto a second line ("Modalités de / financement") names its column only whole.
    const candidate = namedCount(single) >= 4 ? undefined : stackedHeaderCells(rows, r);
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
    const others = segments.filter((l) => !named.has(l) && isOtherHeaderCell(l.text));
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
  const parts = splitAtGaps(row, 0.3);
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
 * a line's distance, their segments gathered into cells by horizontal overlap, each cell's lines joined.
 */
function stackedHeaderCells(rows: readonly TextItem[][], start: number): { cells: Line[]; last: number } | undefined {
  const band: Line[] = [];
  let last = start;
  for (let r = start; r < rows.length && r < start + 4; r++) {
    const row = rows[r]!;
    if (row.length > 80) break;
    const segments = splitAtGaps(row, 0.8).map(lineOf);
    if (segments.some((l) => l.text.split(/\s+/).length > 4)) break; // a body line, not a header cell
    if (band.length) {
      const above = band[band.length - 1]!;
      const top = Math.min(...segments.map((l) => l.y0));
      if (top - Math.max(...band.map((l) => l.y0)) > 1.7 * above.fontSize) break;
    }
    band.push(...segments);
    last = r;
  }
  if (last === start) return undefined;
  // Cells: segments whose horizontal extents overlap, left to right.
  const clusters: Line[][] = [];
  for (const l of [...band].sort((a, b) => a.x0 - b.x0)) {
    const cluster = clusters.find((c) => c.some((o) => overlap(o.x0, o.x1, l.x0, l.x1) > 0 || Math.abs(centerX(o) - centerX(l)) < 0.5 * l.fontSize));
    if (cluster) cluster.push(l);
    else clusters.push([l]);
  }
  const cells = clusters.map((c) => {
    const lines = c.sort((a, b) => a.y0 - b.y0);
    const text = joinWrappedLines(lines.map((l) => l.text)).replace(/\n/g, ' ');
    return { ...unionBox(lines)!, text, items: lines.flatMap((l) => l.items), fontSize: lines[0]!.fontSize, bold: lines.every((l) => l.bold) };
  });
  return namedCount(cells) >= 3 ? { cells, last } : undefined;
}

/** Context a table is read in: the page's rules and shapes, and where it must stop. */
export interface TableContext {
  items: readonly TextItem[];
  horizontal: readonly Ruling[];
  vertical: readonly Ruling[];
  rects: readonly FilledRect[];
  /** The table cannot extend below this y (next table's title, footer zone). */
  limit: number;
}

const isShading = (r: FilledRect) => r.fill !== null && r.fill !== '#ffffff';

/**
 * Shaded bands across a table: filled rectangles with the same top and bottom (a row painted cell by cell)
 * that together cover most of the table's width.
 */
function rowBands(rects: readonly FilledRect[], left: number, right: number, top: number, bottom: number): { y0: number; y1: number }[] {
  const groups = new Map<string, FilledRect[]>();
  for (const r of rects) {
    if (!isShading(r) || r.y0 < top || r.y1 > bottom || overlap(r.x0, r.x1, left, right) <= 0) continue;
    const key = `${Math.round(r.y0 * 2)}:${Math.round(r.y1 * 2)}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const bands: { y0: number; y1: number }[] = [];
  for (const group of groups.values()) {
    const covered = mergeIntervals(group.map((r) => [Math.max(r.x0, left), Math.min(r.x1, right)] as [number, number]), 1.5).reduce((n, [a, b]) => n + b - a, 0);
    if (covered >= 0.8 * (right - left)) bands.push({ y0: group[0]!.y0, y1: group[0]!.y1 });
  }
  return bands.sort((a, b) => a.y0 - b.y0);
}

/** Column edges from vertical rules crossing the header band: [left, b1, ..., right] or undefined. */
function boundsFromRulings(header: HeaderRow, vertical: readonly Ruling[]): { bounds: number[]; bottom: number; top: number } | undefined {
  const cy = centerY(header);
  const crossing = vertical.filter((v) => v.y0 <= cy && v.y1 >= cy).sort((a, b) => a.x0 - b.x0);
  if (crossing.length < 2) return undefined;
  const cells = header.cells;
  const nearest = crossing.filter((v) => v.x0 <= cells[0]!.line.x0 + 1).pop();
  const right = crossing.find((v) => v.x0 >= cells[cells.length - 1]!.line.x1 - 1);
  if (!nearest || !right) return undefined;
  // The table may open with a column without header (a chantier title beside its rows): its rules run the
  // table's height like the nearest one's. The leftmost such rule, within a third of the table, is the edge.
  const width = right.x0 - nearest.x0;
  const left =
    crossing.find((v) => v.x0 < nearest.x0 - 2 && nearest.x0 - v.x0 <= width / 3 && Math.abs(v.y0 - nearest.y0) <= 3 && Math.abs(v.y1 - nearest.y1) <= 3) ??
    nearest;
  // Every rule between the outer ones is a column edge (rules closer than a few points are one double rule).
  const bounds = [left.x0];
  for (const v of crossing) if (v.x0 > left.x0 + 2 && v.x0 < right.x0 - 2 && v.x0 - bounds[bounds.length - 1]! > 2) bounds.push(v.x0);
  bounds.push(right.x0);
  // Each header cell must have a column of its own.
  const owner = cells.map((c) => bounds.findIndex((b, k) => k + 1 < bounds.length && centerX(c.line) >= b && centerX(c.line) < bounds[k + 1]!));
  if (owner.some((o) => o < 0) || new Set(owner).size !== owner.length) return undefined;
  const edges = crossing.filter((v) => v.x0 >= left.x0 - 0.5 && v.x0 <= right.x0 + 0.5);
  return { bounds, bottom: Math.max(...edges.map((v) => v.y1)), top: Math.min(...edges.map((v) => v.y0)) };
}

/** Column edges from the shaded header cells (one filled rectangle per header cell). */
function boundsFromShading(header: HeaderRow, rects: readonly FilledRect[]): number[] | undefined {
  const cy = centerY(header);
  const h = header.y1 - header.y0;
  const candidates = rects.filter((r) => isShading(r) && r.y0 <= cy && r.y1 >= cy && r.y1 - r.y0 <= 6 * h + 20);
  const owned: FilledRect[] = [];
  for (const cell of header.cells) {
    const x = centerX(cell.line);
    const rect = candidates
      .filter((r) => r.x0 <= x && r.x1 >= x)
      .sort((a, b) => a.x1 - a.x0 - (b.x1 - b.x0))[0];
    if (!rect || owned.includes(rect)) return undefined;
    owned.push(rect);
  }
  const bounds = [owned[0]!.x0];
  for (let i = 0; i + 1 < owned.length; i++) bounds.push((owned[i]!.x1 + owned[i + 1]!.x0) / 2);
  bounds.push(owned[owned.length - 1]!.x1);
  // A shaded header cell without text just left of the first one: a column without header (chantier beside).
  const before = candidates.find((r) => !owned.includes(r) && r.x1 <= owned[0]!.x0 + 1 && owned[0]!.x0 - r.x1 <= 2 && Math.abs(r.y0 - owned[0]!.y0) <= 2);
  if (before) bounds.unshift(before.x0);
  return bounds;
}

/** Bottom of the header's shading (the shaded cells under its text). */
function headerShadingBottom(header: HeaderRow, rects: readonly FilledRect[]): number | undefined {
  const cy = centerY(header);
  const shaded = rects.filter((r) => isShading(r) && r.y0 <= cy && r.y1 >= cy && r.y1 - r.y0 <= 6 * (header.y1 - header.y0) + 20);
  return shaded.length ? Math.max(...shaded.map((r) => r.y1)) : undefined;
}

/**
 * Column edges from whitespace: between two header cells, the edge is in the last gap of the text coverage
 * before the next header's text (left-aligned and centred headers both work); the table's outer edges are
 * where the coverage stops for a gap wider than a few characters.
 */
function boundsFromGutters(header: HeaderRow, body: readonly TextItem[], size: number): number[] {
  const cells = header.cells;
  const runs = mergeIntervals([...body, ...header.items].map((i) => [i.x0, i.x1] as [number, number]), 0.5);
  const bounds: number[] = [];
  const wide = Math.max(3 * size, 20);
  // Left edge: extend left from the first header through runs separated by narrow gaps.
  let left = cells[0]!.line.x0;
  for (let i = runs.length - 1; i >= 0; i--) {
    const [a, b] = runs[i]!;
    if (a >= left) continue;
    if (b >= left - wide) left = Math.min(left, a);
    else break;
  }
  bounds.push(left - 1);
  // A gutter left of the first header cell, inside the table's text: a column without header before it (a
  // chantier title set beside the chantier's rows). Its edge is the middle of the last such gutter.
  let leading: number | undefined;
  for (let k = 0; k + 1 < runs.length; k++) {
    const gapStart = runs[k]![1];
    const gapEnd = runs[k + 1]![0];
    if (gapStart >= left && gapEnd <= cells[0]!.line.x0 + 0.5 && gapEnd - gapStart >= 0.8 * size) leading = (gapStart + gapEnd) / 2;
  }
  if (leading !== undefined) bounds.push(leading);
  for (let i = 0; i + 1 < cells.length; i++) {
    const from = cells[i]!.line.x0;
    const to = cells[i + 1]!.line.x0;
    let edge = to - 1;
    // Gaps between consecutive runs lying between the two header starts; take the last one ending by `to`.
    for (let k = 0; k + 1 < runs.length; k++) {
      const gapStart = runs[k]![1];
      const gapEnd = runs[k + 1]![0];
      if (gapStart >= from && gapEnd <= to + 1 && gapEnd - gapStart >= 1) edge = (gapStart + gapEnd) / 2;
    }
    bounds.push(edge);
  }
  // Right edge: from the last header, follow runs until a wide gap.
  let right = cells[cells.length - 1]!.line.x1;
  for (const [a, b] of runs) {
    if (b <= right) continue;
    if (a <= right + wide) right = Math.max(right, b);
    else break;
  }
  bounds.push(right + 1);
  return bounds;
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

function columnOf(bounds: readonly number[], x: number): number {
  if (x < bounds[0]! - 2 || x >= bounds[bounds.length - 1]!) return -1;
  let k = 0;
  while (k + 1 < bounds.length - 1 && x >= bounds[k + 1]!) k++;
  return k;
}

/** Columns carried over from the table on the previous page, for a page that goes on without a header row. */
export interface FixedColumns {
  bounds: number[];
  columns: Column[];
  source: Table['columnSource'];
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
  source: Table['columnSource'];
  ruled: boolean;
}

export function tableHint(table: Table): TableHint {
  const textStarts = table.columns.map((c) => {
    let start: number | undefined;
    for (const row of table.rows) {
      const box = c.name ? row.cells[c.name]?.box : undefined;
      if (box && (start === undefined || box.x0 < start)) start = box.x0;
    }
    return start;
  });
  // A column without text on this page gets the others' padding.
  const paddings = textStarts.flatMap((s, k) => (s === undefined ? [] : [s - table.columns[k]!.x0]));
  const padding = paddings.length ? median(paddings) : undefined;
  const filled = textStarts.map((s, k) => s ?? (padding === undefined ? undefined : table.columns[k]!.x0 + padding));
  const bounds = [...table.columns.map((c) => c.x0), table.columns[table.columns.length - 1]?.x1 ?? table.x1];
  // A continuation page is found from vertical rules only when the table has them.
  return { bounds, columns: table.columns.map((c) => ({ ...c })), textStarts: filled, source: table.columnSource, ruled: table.ruled && table.columnSource === 'rulings' };
}

/**
 * A table going on from the previous page without its header row: found from vertical rules at the carried-over
 * column edges (ruled tables), or from text starting at the carried-over text edges of at least two columns,
 * the first among them. Returns the pseudo header (an empty band at the table's top) and the fixed columns.
 */
export function findHeaderlessTable(
  items: readonly TextItem[],
  vertical: readonly Ruling[],
  hint: TableHint,
  limit: number,
): { header: HeaderRow; fixed: FixedColumns } | undefined {
  const left = hint.bounds[0]!;
  const right = hint.bounds[hint.bounds.length - 1]!;
  const pseudo = (top: number): HeaderRow => ({ x0: left, y0: top, x1: right, y1: top, cells: [], items: [] });
  if (hint.ruled) {
    const atEdges = vertical.filter((v) => v.y0 < limit && hint.bounds.some((b) => Math.abs(v.x0 - b) <= 2));
    const edges = new Set(atEdges.map((v) => hint.bounds.findIndex((b) => Math.abs(v.x0 - b) <= 2)));
    if (edges.size < Math.min(3, hint.bounds.length)) return undefined;
    const top = Math.min(...atEdges.map((v) => v.y0));
    const bottom = maxOf(atEdges, (v) => v.y1);
    return { header: pseudo(top), fixed: { bounds: hint.bounds, columns: hint.columns, source: hint.source, ruledBottom: bottom } };
  }
  const aligned = new Map<number, TextItem[]>();
  for (const i of items) {
    if (i.y0 >= limit) continue;
    const k = hint.textStarts.findIndex((s) => s !== undefined && Math.abs(i.x0 - s) <= 1.5);
    if (k < 0) continue;
    const list = aligned.get(k);
    if (list) list.push(i);
    else aligned.set(k, [i]);
  }
  const first = hint.columns.findIndex((c) => c.name === 'action');
  if (aligned.size < 2 || !aligned.has(first)) return undefined;
  const top = Math.min(...[...aligned.values()].flat().map((i) => i.y0)) - 0.5;
  return { header: pseudo(top), fixed: { bounds: hint.bounds, columns: hint.columns, source: hint.source } };
}

/**
 * A header cell that wraps ("MODALITÉS DE / FINANCEMENT", "Indicateurs de / suivi") is read whole: each column's
 * label becomes all the header band's text inside it, and a column that did not name a roadmap column on its
 * first line may name one now (a roadmap column is never named twice).
 */
function relabelWrappedHeaders(columns: Column[], bandItems: readonly TextItem[]): void {
  const named = new Set(columns.map((c) => c.name).filter(Boolean));
  for (const column of columns) {
    const inside = bandItems.filter((i) => centerX(i) >= column.x0 && centerX(i) < column.x1);
    if (!inside.length) continue;
    const text = joinWrappedLines(groupRows(inside).map((row) => lineOf(row).text)).replace(/\n/g, ' ');
    if (text === column.label) continue;
    const match = headerMatch(text);
    if (!column.name && match && !named.has(match.column)) {
      column.name = match.column;
      column.exact = match.exact;
      named.add(match.column);
    }
    if (column.name || !match) column.label = text;
  }
}

/**
 * Reads the table under a header row: columns (rules, shading, or gutters), rows (horizontal rules, or
 * vertical gaps in the text with the first column opening each row), cells. Items are only taken, never
 * moved: the caller reports those left over.
 */
export function readTable(header: HeaderRow, context: TableContext, fixed?: FixedColumns): Table {
  const headerItems = new Set(header.items);
  const headerSize = median(header.items.map((i) => i.fontSize)) || median(context.items.map((i) => i.fontSize)) || 9;
  const ruled = fixed
    ? fixed.ruledBottom !== undefined
      ? { bounds: fixed.bounds, bottom: fixed.ruledBottom, top: header.y0 }
      : undefined
    : boundsFromRulings(header, context.vertical);
  let bounds: number[];
  let columnSource: Table['columnSource'];
  let bottom = context.limit;
  // Take the whole band of the header row: header cells may wrap or hold unrecognised words.
  const headerBandItems = header.cells.length
    ? context.items.filter((i) => !headerItems.has(i) && centerY(i) >= header.y0 - 1 && centerY(i) <= header.y1 + 1)
    : [];

  const candidatesBelow = (left: number, right: number) =>
    context.items.filter((i) => !headerItems.has(i) && i.y0 >= header.y1 - 1 && centerY(i) < bottom && i.x0 >= left - 2 && i.x0 < right);

  if (fixed) {
    bounds = fixed.bounds;
    columnSource = fixed.source;
    if (ruled) bottom = Math.min(bottom, ruled.bottom + 1);
  } else if (ruled) {
    bounds = ruled.bounds;
    columnSource = 'rulings';
    bottom = Math.min(bottom, ruled.bottom + 1);
  } else {
    const shaded = boundsFromShading(header, context.rects);
    if (shaded) {
      bounds = shaded;
      columnSource = 'shading';
    } else {
      const below = context.items.filter((i) => !headerItems.has(i) && i.y0 >= header.y1 - 1 && centerY(i) < bottom);
      bounds = boundsFromGutters(header, below, headerSize);
      columnSource = 'gutters';
    }
  }
  const left = bounds[0]!;
  const right = bounds[bounds.length - 1]!;
  const columns: Column[] = fixed ? fixed.columns.map((c) => ({ ...c })) : [];
  if (!fixed)
    for (let k = 0; k + 1 < bounds.length; k++) {
      const cell = header.cells.find((c) => centerX(c.line) >= bounds[k]! && centerX(c.line) < bounds[k + 1]!);
      columns.push({ name: cell?.column, label: cell?.line.text ?? '', exact: cell?.exact ?? false, x0: bounds[k]!, x1: bounds[k + 1]! });
    }

  // A header cell may wrap onto more lines: under rules or shading, the header row goes down to its bottom
  // rule or to the end of the shading.
  const shadingBottom = columnSource === 'shading' && !fixed ? headerShadingBottom(header, context.rects) : undefined;
  const firstRule = ruled && !fixed
    ? context.horizontal.filter((h) => h.y0 > header.y1 - 1 && overlap(h.x0, h.x1, left, right) >= 0.3 * (right - left)).sort((a, b) => a.y0 - b.y0)[0]?.y0
    : undefined;
  const headerBottom = firstRule ?? shadingBottom;
  if (headerBottom !== undefined)
    for (const i of context.items)
      if (!headerItems.has(i) && centerY(i) > header.y1 && centerY(i) < headerBottom && i.x0 >= left - 2 && i.x0 < right) headerBandItems.push(i);
  const inHeaderBand = new Set(headerBandItems);
  if (!fixed && headerBandItems.length) relabelWrappedHeaders(columns, [...header.items, ...headerBandItems]);
  const body = candidatesBelow(left, right).filter((i) => !inHeaderBand.has(i));
  const used = new Set<TextItem>(header.items);
  for (const i of headerBandItems) if (i.x0 >= left - 2 && i.x0 < right) used.add(i);
  const bodySize = median(body.map((i) => i.fontSize)) || headerSize;

  // Rows: y ranges.
  type Span = { y0: number; y1: number; open: boolean };
  let spans: Span[] = [];
  const hRules = context.horizontal
    .filter((h) => overlap(h.x0, h.x1, left, right) >= 0.3 * (right - left) && h.y0 >= header.y1 - 2 && h.y0 <= bottom + 1.5)
    .map((h) => h.y0)
    .sort((a, b) => a - b);
  // Without vertical rules, rules across (nearly) the table's whole width still separate its rows (booktabs,
  // Word "horizontal borders only"), as soon as one of them cuts through the body.
  const wideRules = ruled
    ? []
    : context.horizontal
        .filter((h) => overlap(h.x0, h.x1, left, right) >= 0.8 * (right - left) && h.y0 >= header.y1 - 2 && h.y0 <= bottom + 1.5)
        .map((h) => h.y0)
        .sort((a, b) => a - b);
  const cutsBody = wideRules.filter((y) => body.some((i) => i.y1 < y) && body.some((i) => i.y0 > y)).length;
  const rowRules = ruled ? [...hRules] : cutsBody >= 1 ? wideRules : [];
  // Row shading (zebra stripes, a shaded chantier row) across the table's width: its edges are row edges too.
  const bands = ruled || cutsBody ? [] : rowBands(context.rects, left, right, header.y1 - 2, bottom + 1.5).flatMap((b) => [b.y0, b.y1]);
  const cutsByBands = bands.filter((y) => body.some((i) => i.y1 < y) && body.some((i) => i.y0 > y)).length;
  if (cutsByBands >= 1) rowRules.push(...bands.filter((y) => y > header.y1 + 0.5));
  rowRules.sort((a, b) => a - b);
  // Rows cut by rules say so for a page break too (an open last row); shading only cuts rows.
  const isRuled = rowRules.length > 0 && (ruled !== undefined || cutsBody >= 1);
  if (isRuled || (rowRules.length > 0 && cutsByBands >= 1)) {
    const ys: number[] = [];
    for (const y of rowRules) if (!ys.length || y - ys[ys.length - 1]! > 1.5) ys.push(y);
    if (ys[0]! > header.y1 + 2 * bodySize) ys.unshift(header.y1);
    for (let k = 0; k + 1 < ys.length; k++) spans.push({ y0: ys[k]!, y1: ys[k + 1]!, open: false });
    const last = ys[ys.length - 1]!;
    const below = body.filter((i) => centerY(i) > last);
    // Text under the last rule is a row going on over the page break; without vertical rules to say where the
    // table ends, only when it runs down to the bottom of the table's area.
    const runsToBottom = below.length > 0 && Math.max(...below.map((i) => i.y1)) >= bottom - 3 * bodySize;
    // Under shading or rules without vertical ones, text right under the last edge is one more row.
    const adjacent = below.length > 0 && Math.min(...below.map((i) => i.y0)) - last <= 1.5 * bodySize;
    if (bottom - last > 2 && below.length && (ruled !== undefined || runsToBottom || adjacent))
      spans.push({ y0: last, y1: bottom, open: isRuled && (ruled !== undefined || runsToBottom) });
  } else {
    // Rows are runs of text separated by gaps clearly wider than a paragraph gap.
    const rowGap = 0.75 * bodySize;
    const runs = mergeIntervals(body.map((i) => [i.y0, i.y1] as [number, number]), rowGap);
    const firstColumn = columns.findIndex((c) => c.name === 'action');
    // Tops of the first column's text, sorted: a run opens a row when one of them is at its top.
    const firstTops = body.filter((i) => columnOf(bounds, i.x0 + 1) === firstColumn).map((i) => i.y0).sort((p, q) => p - q);
    const hasTopIn = (from: number, to: number) => {
      let lo = 0;
      let hi = firstTops.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (firstTops[mid]! < from) lo = mid + 1;
        else hi = mid;
      }
      return lo < firstTops.length && firstTops[lo]! <= to;
    };
    for (const [a, b] of runs) {
      const opensRow = firstColumn < 0 || hasTopIn(a - 0.5, a + 0.6 * bodySize);
      const previous = spans[spans.length - 1];
      // A run with nothing in the first column continues the row above (a cell with wide paragraph spacing).
      if (!opensRow && previous) previous.y1 = b;
      else spans.push({ y0: a - 0.5, y1: b + 0.5, open: false });
    }
    // Split the runs' edges halfway through the gaps, so every item falls in exactly one span.
    for (let k = 0; k + 1 < spans.length; k++) {
      const mid = (spans[k]!.y1 + spans[k + 1]!.y0) / 2;
      spans[k]!.y1 = mid;
      spans[k + 1]!.y0 = mid;
    }
  }

  // Cells.
  const byRow: TextItem[][] = spans.map(() => []);
  const spanIndex = (y: number) => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = spans[mid]!;
      if (y < s.y0) hi = mid - 1;
      else if (y >= s.y1) lo = mid + 1;
      else return mid;
    }
    return -1;
  };
  for (const item of body) {
    const r = spanIndex(centerY(item));
    if (r >= 0) byRow[r]!.push(item);
  }
  const cellLines: { row: number; col: number; lines: Line[] }[] = [];
  spans.forEach((_, r) => {
    const perColumn: TextItem[][] = columns.map(() => []);
    for (const item of byRow[r]!) {
      const c = columnOf(bounds, item.x0 + 1);
      if (c >= 0) {
        perColumn[c]!.push(item);
        used.add(item);
      }
    }
    perColumn.forEach((items, c) => {
      if (items.length) cellLines.push({ row: r, col: c, lines: groupRows(items).map(lineOf).filter((l) => l.text) });
    });
  });
  const ratio = linePitchRatio(cellLines.map((c) => c.lines));
  // Gutter edges lie mid-gap, not at a cell's border: only rules and shading give a column's true width.
  const measures = columns.map((column, k) => measureColumn(cellLines.filter((c) => c.col === k).map((c) => c.lines), column, columnSource !== 'gutters'));
  const rows: TableRow[] = spans.map((s) => ({ x0: left, y0: s.y0, x1: right, y1: s.y1, cells: {}, extra: [], openBottom: s.open }));
  for (const { row, col, lines } of cellLines) {
    const box = unionBox(lines);
    if (!box) continue;
    // The pitch scales with the cell's own font size (a producer may shrink the text of a narrow column).
    const size = median(lines.map((l) => l.fontSize)) || bodySize;
    const text = cellText(lines, ratio ? ratio.pitch * size : 1.2 * size, measures[col], ratio ? ratio.jitter * size : 0);
    const column = columns[col]!;
    const target = rows[row]!;
    if (column.name) target.cells[column.name] = { text, box, lines };
    else target.extra.push({ label: column.label, text, box });
  }
  const kept = rows.filter((r) => Object.keys(r.cells).length > 0 || r.extra.length > 0);
  // Row boxes: the union of their cells (the rules' span for ruled rows keeps their width).
  for (const row of kept) {
    const box = unionBox([...Object.values(row.cells).map((c) => c!.box!), ...row.extra.map((e) => e.box)]);
    if (box && !isRuled) Object.assign(row, { x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1 });
  }
  const tableBottom = isRuled ? bottom : Math.max(header.y1, ...kept.map((r) => r.y1));
  return {
    x0: left,
    y0: Math.min(header.y0, ruled?.top ?? header.y0),
    x1: right,
    y1: tableBottom,
    header,
    columns,
    rows: kept,
    columnSource,
    ruled: isRuled,
    used,
  };
}
