/**
 * Completing a grid of rules from the text: column edges where whitespace gutters run between rules, row
 * edges where a band between two rules holds several rows of text. What rules say always stands; text only
 * adds edges where the rules are silent.
 */
import type { TextItem } from '../../sources/page-model.js';
import { type GridSpec, intervalOf } from './grid.js';
import { coveredLength } from './rules.js';
import { SEGMENT_GAP } from './context.js';
import { columnGutters, keyColumn, regionBands, rowStarts, stripsOf, textLines } from './text-grid.js';
import type { Rule } from './types.js';

export interface RuleEvidence {
  /** Rules that may separate columns (vertical) and rows (horizontal). */
  vertical: readonly Rule[];
  horizontal: readonly Rule[];
  tolerance: number;
  fontSize: number;
}

export interface CompletedGrid extends GridSpec {
  /** Edges added from the text (not drawn). */
  textColumns: number;
  textRows: number;
}

const inside = (value: number, list: readonly number[], tol: number) => list.some((v) => Math.abs(v - value) <= tol);

/**
 * Grid edges (xs, ys) from rules, completed from the text of `items`: columns where gutters run and no rule
 * is, rows where a band between two row edges holds several rows (each opened by text in the key column and
 * another). Separators: a drawn rule always separates; a rule edge without a rule in some row separates there
 * when text stands on both sides and none runs over it (else the cells merge: a span); an edge from the text
 * separates where no text runs over it.
 */
export function completeGrid(xs0: readonly number[], ys0: readonly number[], items: readonly TextItem[], rules: RuleEvidence, options: { rows?: boolean } = {}): CompletedGrid {
  const { tolerance: tol, fontSize } = rules;
  // Columns: gutters of the text inside each column the rules draw (text on both sides of a gutter in
  // several rows of that column), where no edge is yet.
  const textXs: number[] = [];
  for (let k = 0; k + 1 < xs0.length; k++) {
    const [a, b] = [xs0[k]!, xs0[k + 1]!];
    const within = items.filter((i) => (i.x0 + i.x1) / 2 >= a && (i.x0 + i.x1) / 2 < b);
    const gutters = columnGutters(regionBands(within, SEGMENT_GAP), 0.5 * fontSize);
    for (const g of gutters) if (g.x0 > a + tol && g.x1 < b - tol) textXs.push(g.at);
  }
  const xs = [...xs0, ...textXs].sort((a, b) => a - b);
  const ruleXs = new Set(xs0);

  // Rows: bands between row edges holding several rows of text.
  let ys = [...ys0];
  const textYs: number[] = [];
  // The key column: the leftmost holding text in at least half of the bands between rules (a header band
  // whose first cell is empty must not be cut at its wrapped lines).
  const bandItems: TextItem[][] = [];
  for (let r = 0; r + 1 < ys0.length; r++) {
    const [top, bottom] = [ys0[r]!, ys0[r + 1]!];
    bandItems.push(items.filter((i) => (i.y0 + i.y1) / 2 >= top && (i.y0 + i.y1) / 2 < bottom));
  }
  const bandStrips = bandItems.map((b) => stripsOf(textLines(b, xs)));
  const occupied = bandStrips.filter((s) => s.length).map((strips) => ({ lines: [], columns: new Set(strips.flatMap((s) => [...s.columns])), x0: 0, y0: 0, x1: 0, y1: 0 }));
  const key = keyColumn(occupied, xs.length - 1);
  if (options.rows !== false)
    for (let r = 0; r + 1 < ys0.length; r++) {
      if (bandItems[r]!.length < 4) continue;
      const strips = bandStrips[r]!;
      if (strips.length < 2) continue;
      const starts = rowStarts(strips, { xs, withinRuledBand: true, key });
      for (let k = 1; k < strips.length; k++) if (starts[k]) textYs.push((strips[k - 1]!.y1 + strips[k]!.y0) / 2);
    }
  if (textYs.length) ys = [...ys, ...textYs].sort((a, b) => a - b);
  const ruleYs = new Set(ys0);

  // Where each item sits, to judge edges without rules.
  const cols = xs.length - 1;
  const rows = ys.length - 1;
  const filled = new Uint8Array(rows * cols);
  const byRow: TextItem[][] = Array.from({ length: rows }, () => []);
  for (const i of items) {
    const r = intervalOf(ys, (i.y0 + i.y1) / 2);
    const c = intervalOf(xs, (i.x0 + i.x1) / 2);
    if (r < 0 || c < 0) continue;
    filled[r * cols + c] = 1;
    byRow[r]!.push(i);
  }
  const pad = 0.25 * fontSize;
  const crosses = (r: number, x: number) => byRow[r]!.some((i) => i.x0 < x - pad && i.x1 > x + pad);
  return {
    xs,
    ys,
    textColumns: textXs.length,
    textRows: textYs.length,
    splitsColumns(r, c) {
      const x = xs[c + 1]!;
      if (ruleXs.has(x)) {
        if (coveredLength(rules.vertical, x, ys[r]!, ys[r + 1]!, tol) >= 0.5 * (ys[r + 1]! - ys[r]!)) return true;
        return filled[r * cols + c] === 1 && filled[r * cols + c + 1] === 1 && !crosses(r, x);
      }
      return !crosses(r, x);
    },
    splitsRows(r, c) {
      const y = ys[r + 1]!;
      if (ruleYs.has(y) && !inside(y, textYs, 0)) return coveredLength(rules.horizontal, y, xs[c]!, xs[c + 1]!, tol) >= 0.5 * (xs[c + 1]! - xs[c]!);
      return true;
    },
  };
}
