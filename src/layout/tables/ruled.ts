/**
 * Ruled tables (lattice): a frame of horizontal and vertical rules that meet. Column and row edges are the
 * rules' positions (and the frame's outer extent where a side has no rule); an inner rule missing between two
 * positions merges them into one cell (row or column span).
 */
import type { TextItem } from '../../sources/page-model.js';
import { completeGrid } from './complete.js';
import { buildTable, type GridSpec } from './grid.js';
import { clusterPositions, coveredLength, type RuleFrame, ruleFrames } from './rules.js';
import type { PageContext, PageTable, Rule, TableFinder } from './types.js';

const minOf = (rules: readonly Rule[], f: (r: Rule) => number) => rules.reduce((m, r) => Math.min(m, f(r)), Infinity);
const maxOf = (rules: readonly Rule[], f: (r: Rule) => number) => rules.reduce((m, r) => Math.max(m, f(r)), -Infinity);

/** The grid a frame of rules draws: edges at the rules and at the frame's outer extent. */
export function frameGrid(frame: RuleFrame, tolerance: number): GridSpec {
  const { horizontal: h, vertical: v } = frame;
  const xs = clusterPositions([...v.map((r) => r.at), minOf(h, (r) => r.from), maxOf(h, (r) => r.to)], tolerance);
  const ys = clusterPositions([...h.map((r) => r.at), minOf(v, (r) => r.from), maxOf(v, (r) => r.to)], tolerance);
  // An edge separates two cells where rules cover most of it.
  const separated = (rules: readonly Rule[], at: number, from: number, to: number) =>
    coveredLength(rules, at, from, to, tolerance) >= 0.5 * (to - from);
  return {
    xs,
    ys,
    splitsColumns: (r, c) => separated(v, xs[c + 1]!, ys[r]!, ys[r + 1]!),
    splitsRows: (r, c) => separated(h, ys[r + 1]!, xs[c]!, xs[c + 1]!),
  };
}

/** Items whose centre lies inside the box spanned by `xs` × `ys`. */
export function itemsInside(items: readonly TextItem[], xs: readonly number[], ys: readonly number[]): TextItem[] {
  const [x0, x1, y0, y1] = [xs[0]!, xs[xs.length - 1]!, ys[0]!, ys[ys.length - 1]!];
  return items.filter((i) => {
    const cx = (i.x0 + i.x1) / 2;
    const cy = (i.y0 + i.y1) / 2;
    return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1;
  });
}

export const ruledFinder: TableFinder = {
  flavor: 'ruled',
  find(context: PageContext): PageTable[] {
    const tables: PageTable[] = [];
    for (const frame of ruleFrames(context.horizontal, context.vertical, context.tolerance)) {
      const grid = frameGrid(frame, context.tolerance);
      if (grid.xs.length < 3 && grid.ys.length < 3) continue; // a lone box: at best one cell
      const items = itemsInside(context.items, grid.xs, grid.ys);
      const completed = completeGrid(grid.xs, grid.ys, items, { vertical: frame.vertical, horizontal: frame.horizontal, tolerance: context.tolerance, fontSize: context.fontSize });
      const guesses: string[] = [];
      if (completed.textColumns) guesses.push(`${completed.textColumns} column edge(s) from whitespace`);
      if (completed.textRows) guesses.push(`${completed.textRows} row edge(s) from text lines`);
      const flavor = guesses.length ? 'hybrid' : 'ruled';
      const table = buildTable(completed, items, { page: context.page.number, flavor, fontSize: context.fontSize, splitRuns: true, guesses });
      if (table) tables.push(table);
    }
    return tables;
  },
};
