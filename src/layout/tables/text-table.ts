/**
 * Reading a region as a table from its text: columns from whitespace gutters, rows from printed lines with
 * wrapped lines kept in their row, horizontal rules inside the region as row breaks. Shared by the hybrid
 * (rules give the region) and stream (whitespace gives it) finders.
 */
import type { TextItem } from '../../sources/page-model.js';
import { median } from '../geometry.js';
import { groupRows } from '../lines.js';
import { buildTable, intervalOf } from './grid.js';
import { CELL_GAP, SEGMENT_GAP } from './context.js';
import { columnGutters, regionBands, rowStarts, stripsOf, textLines } from './text-grid.js';
import type { Flavor, PageContext, PageTable, Rule } from './types.js';

export interface TextTableOptions {
  flavor: Flavor;
  guesses?: string[];
  /** Horizontal rules across the region: a row never runs over one. */
  rules?: readonly Rule[];
  /** Column edges already known (from a previous page, or from rules): used instead of the gutters. */
  columns?: readonly number[];
  /** Outer box when the region is drawn (rules), else the text's own extent is used. */
  top?: number;
  bottom?: number;
}

/** The column edges of a block of text: its left and right ends and the middle of every gutter. */
export function textColumns(items: readonly TextItem[], fontSize: number): number[] {
  let left = Infinity;
  let right = -Infinity;
  for (const i of items) {
    left = Math.min(left, i.x0);
    right = Math.max(right, i.x1);
  }
  // Gaps narrower than a column gap between phrases must have the cells beside them lined up on them.
  const gutters = columnGutters(regionBands(items, CELL_GAP), 0.3 * fontSize, { alignedBelow: SEGMENT_GAP * fontSize });
  return [left - 0.5, ...gutters.map((g) => g.at), right + 0.5];
}

/**
 * Text in the first or last column set in another type size than all the rest, in a few rows only: a side
 * tab, a margin note or a page number beside the table, not a column of it. Returns the items without it.
 */
export function withoutMarginColumns(items: readonly TextItem[], xs: readonly number[]): readonly TextItem[] {
  const cols = xs.length - 1;
  if (cols < 3) return items;
  const columnOf = (i: TextItem) => intervalOf(xs, (i.x0 + i.x1) / 2);
  const rows = groupRows(items).length;
  let kept = items;
  for (const c of [0, cols - 1]) {
    const inColumn = kept.filter((i) => columnOf(i) === c);
    if (!inColumn.length) continue;
    // The type size of the rest of the table (its cells, not the header: the median of every other column).
    const body = median(kept.filter((i) => columnOf(i) !== c).map((i) => i.fontSize));
    const sameSize = inColumn.some((i) => Math.abs(i.fontSize - body) <= 0.05 * body);
    if (sameSize) continue;
    // Set apart: in few of the rows, or beyond the widest gap between columns.
    const rest = kept.filter((i) => columnOf(i) !== c);
    const gap = c === 0 ? Math.min(...rest.map((i) => i.x0)) - Math.max(...inColumn.map((i) => i.x1)) : Math.min(...inColumn.map((i) => i.x0)) - Math.max(...rest.map((i) => i.x1));
    const widest = gap > 0 && gap >= widestGutter(rest, xs);
    if (groupRows(inColumn).length * 2 < rows || widest) kept = rest;
  }
  return kept;
}

/** The widest gap between the text of two neighbouring columns. */
function widestGutter(items: readonly TextItem[], xs: readonly number[]): number {
  const cols = xs.length - 1;
  const lo = new Array<number>(cols).fill(Infinity);
  const hi = new Array<number>(cols).fill(-Infinity);
  for (const i of items) {
    const c = intervalOf(xs, (i.x0 + i.x1) / 2);
    if (c < 0) continue;
    lo[c] = Math.min(lo[c]!, i.x0);
    hi[c] = Math.max(hi[c]!, i.x1);
  }
  let widest = 0;
  let last = -Infinity;
  for (let c = 0; c < cols; c++) {
    if (lo[c] === Infinity) continue;
    if (last > -Infinity) widest = Math.max(widest, lo[c]! - last);
    last = hi[c]!;
  }
  return widest;
}

/** Reads `items` (all inside the region) as one table. Undefined when there is no text. */
export function readTextTable(context: PageContext, allItems: readonly TextItem[], options: TextTableOptions): PageTable | undefined {
  if (!allItems.length) return undefined;
  let items = allItems;
  let xs = options.columns ? [...options.columns] : textColumns(items, context.fontSize);
  if (!options.columns) {
    const trimmed = withoutMarginColumns(items, xs);
    if (trimmed.length < items.length) {
      items = trimmed;
      xs = textColumns(items, context.fontSize);
    }
  }
  const strips = stripsOf(textLines(items, xs));
  const starts = rowStarts(strips, { xs });
  // A rule between two strips always starts a row.
  const rules = options.rules ?? [];
  for (let k = 1; k < strips.length; k++) {
    const above = strips[k - 1]!;
    const below = strips[k]!;
    if (!starts[k] && rules.some((r) => r.at > above.y1 - 1 && r.at < below.y0 + 1 && r.from < below.x1 && r.to > below.x0)) starts[k] = true;
  }
  const top = Math.min(options.top ?? Infinity, strips[0]!.y0 - 0.5);
  const bottom = Math.max(options.bottom ?? -Infinity, strips[strips.length - 1]!.y1 + 0.5);
  const ys = [top];
  for (let k = 1; k < strips.length; k++) if (starts[k]) ys.push((strips[k - 1]!.y1 + strips[k]!.y0) / 2);
  ys.push(bottom);
  // Which items run over a column edge, row by row: there the cells merge (a spanning header or label).
  const pad = 0.25 * context.fontSize;
  const rowOf = (i: TextItem) => {
    const cy = (i.y0 + i.y1) / 2;
    let r = 0;
    while (r + 1 < ys.length - 1 && cy >= ys[r + 1]!) r++;
    return r;
  };
  const byRow: TextItem[][] = Array.from({ length: ys.length - 1 }, () => []);
  for (const i of items) byRow[rowOf(i)]!.push(i);
  return buildTable(
    {
      xs,
      ys,
      splitsColumns: (r, c) => !byRow[r]!.some((i) => i.x0 < xs[c + 1]! - pad && i.x1 > xs[c + 1]! + pad),
      splitsRows: () => true,
    },
    items,
    { page: context.page.number, flavor: options.flavor, fontSize: context.fontSize, guesses: options.guesses },
  );
}
