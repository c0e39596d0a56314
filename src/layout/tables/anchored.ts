/**
 * Reading a table whose header row a caller has already found (the roadmap reader finds "Actions /
 * Financement / Indicateur / Commentaires" by its words): the same finders, kept to the region under that
 * header. A ruled frame holding the header gives a ruled table; otherwise the text under the header is read
 * with the columns given, or from its gutters, horizontal rules breaking rows.
 */
import type { Box } from '../geometry.js';
import { buildTable } from './grid.js';
import { completeGrid } from './complete.js';
import { headerRowCount } from './header.js';
import { frameGrid, itemsInside } from './ruled.js';
import { ruleFrames } from './rules.js';
import { readTextTable } from './text-table.js';
import type { PageContext, PageTable } from './types.js';

export interface Anchor {
  /** Box of the header row (its text is the table's first row). */
  header: Box;
  /** The table stops above this y (the next table's title, the footer). */
  limit: number;
  /**
   * Column edges known beforehand (the header's shading, the table on the previous page when this page goes
   * on without repeating the header): used as given, gutters are not looked for.
   */
  columns?: readonly number[];
}

/**
 * The table under a header row, or undefined when nothing but the header is there. The header row is row 0
 * (`headerRows` ≥ 1 unless `anchor.header` is empty, as for a continuation without a repeated header).
 */
export function readTableAt(context: PageContext, anchor: Anchor): PageTable | undefined {
  const { header, limit } = anchor;
  const cx = (header.x0 + header.x1) / 2;
  const cy = (header.y0 + header.y1) / 2;
  // A frame of rules around the header: the ruled table, its rows cut at the limit.
  for (const frame of ruleFrames(context.horizontal, context.vertical, context.tolerance)) {
    const grid = frameGrid(frame, context.tolerance);
    const [x0, x1] = [grid.xs[0]!, grid.xs[grid.xs.length - 1]!];
    const [y0, y1] = [grid.ys[0]!, grid.ys[grid.ys.length - 1]!];
    if (!(cx >= x0 && cx <= x1 && cy >= y0 - context.tolerance && cy <= y1)) continue;
    const ys = grid.ys.filter((y) => y <= limit + context.tolerance);
    if (ys.length < 2) continue;
    const items = itemsInside(context.items, grid.xs, ys);
    const completed = completeGrid(grid.xs, ys, items, { vertical: frame.vertical, horizontal: frame.horizontal, tolerance: context.tolerance, fontSize: context.fontSize });
    const guesses = [
      ...(completed.textColumns ? [`${completed.textColumns} column edge(s) from whitespace`] : []),
      ...(completed.textRows ? [`${completed.textRows} row edge(s) from text lines`] : []),
    ];
    const table = buildTable(completed, items, { page: context.page.number, flavor: guesses.length ? 'hybrid' : 'ruled', fontSize: context.fontSize, splitRuns: true, guesses });
    if (table) return withHeader(table, anchor);
  }
  // Text under the header, between its left and right ends (or the given columns), down to the limit.
  const left = anchor.columns ? anchor.columns[0]! : -Infinity;
  const right = anchor.columns ? anchor.columns[anchor.columns.length - 1]! : Infinity;
  const items = context.items.filter((i) => {
    const x = (i.x0 + i.x1) / 2;
    const y = (i.y0 + i.y1) / 2;
    return y >= header.y0 - 1 && y < limit && x >= left && x <= right;
  });
  if (!items.length) return undefined;
  const rules = context.horizontal.filter((r) => r.at > header.y0 && r.at < limit && r.to - r.from >= 0.5 * (header.x1 - header.x0));
  const table = readTextTable(context, items, {
    flavor: rules.length ? 'hybrid' : 'stream',
    rules,
    ...(anchor.columns ? { columns: anchor.columns } : {}),
    guesses: [anchor.columns ? 'columns given by the caller' : 'columns from whitespace', 'rows from text lines'],
  });
  return table && withHeader(table, anchor);
}

/** The header row counts as a header when it holds text (a continuation's empty anchor has none). */
function withHeader(table: PageTable, anchor: Anchor): PageTable {
  const hasHeader = anchor.header.y1 > anchor.header.y0;
  table.headerRows = hasHeader ? Math.max(1, headerRowCount(table)) : 0;
  table.quality.confidence = table.flavor === 'ruled' ? 0.9 : table.flavor === 'hybrid' ? 0.8 : 0.7;
  return table;
}
