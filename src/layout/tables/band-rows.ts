/**
 * Title rows inside a table: a line merged across all columns ("Chantier : …" as a full-width row) runs over
 * the column edges as one run of words, no rule and no column gap cutting it. Such a line is a row of its own,
 * never text of the cells beside or under it, however close the rows around it are set (a cell padding of one
 * point leaves no gap to cut at).
 */
import type { TextItem } from '../../sources/page-model.js';
import { centerY } from '../geometry.js';
import { groupRows, lineOf, splitAtGaps } from '../lines.js';
import { SEGMENT_GAP } from './context.js';
import type { RowSpan } from './row-spans.js';

/**
 * Does a row's text run over the column edges as lines of words (one cell merged across the row, such as a
 * title row inside the table)? Every line starts in the first column and is one run of words, no gap wider
 * than a column gap (SEGMENT_GAP); some line reaches past the first inner edge; and where a line passes an
 * edge, an item runs over it or the words on both sides are no farther apart than the line's own word spaces.
 * A row of cells has its own lines in each column, their text starting after the column's padding.
 */
export function runsAcrossColumns(items: readonly TextItem[], xs: readonly number[], slack: number): boolean {
  if (xs.length < 3 || !items.length) return false;
  const inner = xs.slice(1, -1);
  let crossed = false;
  for (const row of groupRows(items)) {
    const line = [...row].sort((a, b) => a.x0 - b.x0);
    const size = Math.max(...line.map((i) => i.fontSize));
    if (line[0]!.x0 >= xs[1]! - slack || splitAtGaps(line, SEGMENT_GAP).length > 1) return false;
    const gaps: { from: number; to: number }[] = [];
    for (let k = 1; k < line.length; k++) gaps.push({ from: line[k - 1]!.x1, to: line[k]!.x0 });
    const atEdge = (g: { from: number; to: number }) => inner.some((e) => g.from <= e + slack && g.to >= e - slack);
    const wordSpace = Math.max(0, ...gaps.filter((g) => !atEdge(g)).map((g) => g.to - g.from));
    const right = Math.max(...line.map((i) => i.x1));
    for (const e of inner) {
      if (right <= e + slack) break;
      const over = line.some((i) => i.x0 < e - slack && i.x1 > e + slack);
      const gap = gaps.find((g) => g.from <= e + slack && g.to >= e - slack);
      if (over) crossed = true;
      else if (gap && wordSpace > 0 && gap.to - gap.from <= 1.2 * wordSpace + 0.05 * size) crossed = true;
      else return false;
    }
  }
  return crossed;
}

/** A title row found in a table's body: its lines' items and their vertical extent. */
export interface BandRow {
  y0: number;
  y1: number;
  items: TextItem[];
}

/**
 * Lines of the body merged across the columns (see runsAcrossColumns), with the lines a title wraps onto. A
 * line running over one edge only may be a cell's word overflowing its column, and a justified row of cells
 * may have its words as far apart at the edges as inside its cells: a line counts when it is set apart from
 * the body (bold where the body is not, or larger), or when one of its runs goes over an edge and it runs
 * over two edges or more. A title set
 * apart keeps the lines that follow it at a line's distance in its own type, starting where it starts (a title
 * wrapped onto a short last line); a title set like the body keeps only lines that run across too.
 */
export function bandRows(body: readonly TextItem[], xs: readonly number[], size: number, slack: number): BandRow[] {
  if (xs.length < 3 || !body.length) return [];
  const boldShare = body.filter((i) => i.bold).length / body.length;
  const rows = groupRows(body);
  const bands: BandRow[] = [];
  let open: { band: BandRow; first: ReturnType<typeof lineOf>; last: ReturnType<typeof lineOf>; apart: boolean } | undefined;
  for (const row of rows) {
    const line = lineOf(row);
    const across = runsAcrossColumns(row, xs, slack);
    const apart = (line.bold && boldShare < 0.5) || line.fontSize >= 1.08 * size;
    if (open) {
      const { first, last } = open;
      const sameType = line.bold === first.bold && Math.abs(line.fontSize - first.fontSize) <= 0.05 * first.fontSize;
      const wraps =
        splitAtGaps(row, SEGMENT_GAP).length === 1 &&
        Math.abs(line.x0 - first.x0) <= slack &&
        line.y0 - last.y0 <= 1.8 * first.fontSize &&
        (across || (open.apart && sameType));
      if (wraps) {
        open.band.items.push(...row);
        open.band.y1 = Math.max(open.band.y1, line.y1);
        open.last = line;
        continue;
      }
      open = undefined;
    }
    // A title is set in one type; a line that only looks merged because a cell's text runs up to the next
    // column's (a title set beside the rows, in its own type, next to a cell) is two texts.
    const oneType = row.every((i) => i.bold === row[0]!.bold && Math.abs(i.fontSize - row[0]!.fontSize) <= 0.05 * row[0]!.fontSize);
    if (!across || !oneType) continue;
    // A title set like the body must be one run over the edges: words that merely meet at the edges as far
    // apart as their own spaces may be a justified row of cells, every gap stretched alike.
    const right = Math.max(...row.map((i) => i.x1));
    const overEdge = row.some((i) => xs.slice(1, -1).some((e) => i.x0 < e - slack && i.x1 > e + slack));
    if (!apart && (!overEdge || xs.length < 4 || right <= xs[2]! + slack)) continue;
    const band: BandRow = { y0: line.y0, y1: line.y1, items: [...row] };
    bands.push(band);
    open = { band, first: line, last: line, apart };
  }
  return bands;
}

/**
 * Row spans cut around title rows: each band becomes a span of its own, its edges halfway to the nearest text
 * above and below it (`rest`: the body without the bands' items); spans it cut keep their other parts when
 * they hold text, the lower part keeping whether the span went on over the page break.
 */
export function carveBands(spans: readonly RowSpan[], bands: readonly BandRow[], rest: readonly TextItem[]): RowSpan[] {
  let out = [...spans];
  const holds = (s: RowSpan) => rest.some((i) => centerY(i) >= s.y0 && centerY(i) < s.y1);
  for (const band of bands) {
    const above = rest.filter((i) => centerY(i) < band.y0).map((i) => i.y1);
    const below = rest.filter((i) => centerY(i) > band.y1).map((i) => i.y0);
    const top = above.length ? (Math.max(...above) + band.y0) / 2 : band.y0 - 0.5;
    const bottom = below.length ? (band.y1 + Math.min(...below)) / 2 : band.y1 + 0.5;
    out = out.flatMap((s) => {
      if (s.y1 <= top || s.y0 >= bottom) return [s];
      const parts: RowSpan[] = [];
      if (s.y0 < top) parts.push({ y0: s.y0, y1: top, open: false });
      if (s.y1 > bottom) parts.push({ y0: bottom, y1: s.y1, open: s.open });
      return parts.filter(holds);
    });
    out.push({ y0: top, y1: bottom, open: false });
    out.sort((a, b) => a.y0 - b.y0);
  }
  return out;
}
