/**
 * Column edges of a table under a known header row, from what the page draws around the header's cells: the
 * vertical rules crossing it, else its shaded cells, else the whitespace gutters of the text below it. Each way
 * also finds a column without header before the first header cell (a title set beside the rows it heads).
 */
import type { FilledRect, TextItem } from '../../sources/page-model.js';
import { type Box, centerX, centerY, median, mergeIntervals } from '../geometry.js';
import { groupRows } from '../lines.js';
import type { Rule } from './types.js';

/** How the columns were found: vertical rules, the header's shading, or whitespace gutters. */
export type ColumnSource = 'rules' | 'shading' | 'gutters';

/** A filled shape that is not the white page: shading of a header cell or a row. */
export const isShading = (r: FilledRect): boolean => r.fill !== null && r.fill !== '#ffffff';

/**
 * Column edges from the vertical rules crossing the header band: [left, …, right], the rules' top and bottom;
 * undefined when the rules do not give each header cell a column of its own. `tolerance`: the distance under
 * which two rule positions are one (the page's rule tolerance).
 */
export function columnsFromRules(
  header: Box,
  cells: readonly Box[],
  vertical: readonly Rule[],
  tolerance: number,
): { xs: number[]; top: number; bottom: number } | undefined {
  const cy = centerY(header);
  const crossing = vertical.filter((v) => v.from <= cy && v.to >= cy).sort((a, b) => a.at - b.at);
  if (crossing.length < 2 || !cells.length) return undefined;
  const nearest = crossing.filter((v) => v.at <= cells[0]!.x0 + 0.5 * tolerance).pop();
  const right = crossing.find((v) => v.at >= cells[cells.length - 1]!.x1 - 0.5 * tolerance);
  if (!nearest || !right) return undefined;
  // The table may open with a column without header (a title beside its rows): its rules run the table's
  // height like the nearest one's. The leftmost such rule, within a third of the table, is the edge.
  const width = right.at - nearest.at;
  const sameRun = (v: Rule) => Math.abs(v.from - nearest.from) <= 1.5 * tolerance && Math.abs(v.to - nearest.to) <= 1.5 * tolerance;
  const left = crossing.find((v) => v.at < nearest.at - tolerance && nearest.at - v.at <= width / 3 && sameRun(v)) ?? nearest;
  // Every rule between the outer ones is a column edge.
  const xs = [left.at];
  for (const v of crossing) if (v.at > left.at + tolerance && v.at < right.at - tolerance && v.at - xs[xs.length - 1]! > tolerance) xs.push(v.at);
  xs.push(right.at);
  if (!ownColumns(cells, xs)) return undefined;
  const edges = crossing.filter((v) => v.at >= left.at - 0.5 && v.at <= right.at + 0.5);
  return { xs, bottom: Math.max(...edges.map((v) => v.to)), top: Math.min(...edges.map((v) => v.from)) };
}

/** Does each header cell (by its centre) fall in a column of its own? */
function ownColumns(cells: readonly Box[], xs: readonly number[]): boolean {
  const owner = cells.map((c) => xs.findIndex((b, k) => k + 1 < xs.length && centerX(c) >= b && centerX(c) < xs[k + 1]!));
  return !owner.some((o) => o < 0) && new Set(owner).size === owner.length;
}

/** Shaded rectangles across the header band, no taller than a header that wraps over a few lines. */
function headerShading(header: Box, rects: readonly FilledRect[], fontSize: number): FilledRect[] {
  const cy = centerY(header);
  const h = header.y1 - header.y0;
  return rects.filter((r) => isShading(r) && r.y0 <= cy && r.y1 >= cy && r.y1 - r.y0 <= 6 * h + 2 * fontSize);
}

/**
 * Column edges from the shaded header cells (one filled rectangle per header cell, the smallest holding the
 * cell's centre); a shaded cell without text just before the first one opens a column without header.
 */
export function columnsFromShading(header: Box, cells: readonly Box[], rects: readonly FilledRect[], fontSize: number, tolerance: number): number[] | undefined {
  const candidates = headerShading(header, rects, fontSize);
  const owned: FilledRect[] = [];
  for (const cell of cells) {
    const x = centerX(cell);
    const rect = candidates.filter((r) => r.x0 <= x && r.x1 >= x).sort((a, b) => a.x1 - a.x0 - (b.x1 - b.x0))[0];
    if (!rect || owned.includes(rect)) return undefined;
    owned.push(rect);
  }
  if (!owned.length) return undefined;
  const xs = [owned[0]!.x0];
  for (let i = 0; i + 1 < owned.length; i++) xs.push((owned[i]!.x1 + owned[i + 1]!.x0) / 2);
  xs.push(owned[owned.length - 1]!.x1);
  const first = owned[0]!;
  const before = candidates.find((r) => !owned.includes(r) && r.x1 <= first.x0 + 0.5 * tolerance && first.x0 - r.x1 <= tolerance && Math.abs(r.y0 - first.y0) <= tolerance);
  if (before) xs.unshift(before.x0);
  return xs;
}

/** Bottom of the header's shading: a header cell may wrap onto more lines inside it. */
export function headerShadingBottom(header: Box, rects: readonly FilledRect[], fontSize: number): number | undefined {
  const shaded = headerShading(header, rects, fontSize);
  return shaded.length ? Math.max(...shaded.map((r) => r.y1)) : undefined;
}

/**
 * Column edges from whitespace: between two header cells, the edge is in the last gap of the text's coverage
 * before the next cell's text (left-aligned and centred headers both work); the table's outer edges are where
 * the coverage stops for a gap wider than a few characters; a gutter inside the text left of the first header
 * cell opens a column without header. `items`: the header's and the body's text; `size`: the header's type size.
 */
export function columnsFromGutters(cells: readonly Box[], items: readonly TextItem[], size: number, rects: readonly FilledRect[] = []): number[] {
  const runs = mergeIntervals(items.map((i) => [i.x0, i.x1] as [number, number]), 0.5);
  const xs: number[] = [];
  const wide = 3 * size;
  // Left edge: extend left from the first header cell through runs separated by narrow gaps.
  let left = cells[0]!.x0;
  for (let i = runs.length - 1; i >= 0; i--) {
    const [a, b] = runs[i]!;
    if (a >= left) continue;
    if (b >= left - wide) left = Math.min(left, a);
    else break;
  }
  const shaded = shadedLeadingColumn(cells[0]!, left, items, rects, size);
  // A shaded cell beside the rows is the table's first column, whatever the gap between its text and the next.
  xs.push(shaded ? Math.min(left - 1, shaded.x0) : left - 1);
  const leading = shaded ? shaded.x1 : leadingGutter(cells[0]!, left, leadingRuns(cells[0]!, items, runs, size), items, size);
  if (leading !== undefined) xs.push(leading);
  // Between two header starts, the edge is in the last gap of the text's coverage (none: just before the next
  // header). Headers centred over their columns may show other candidates (see centredEdges).
  const plain: Span[] = [];
  const others: Span[][] = [];
  for (let i = 0; i + 1 < cells.length; i++) {
    const from = cells[i]!.x0;
    const to = cells[i + 1]!.x0;
    const gaps: Span[] = [];
    for (let k = 0; k + 1 < runs.length; k++) {
      const gapStart = runs[k]![1];
      const gapEnd = runs[k + 1]![0];
      if (gapStart >= from && gapEnd <= to + 1 && gapEnd - gapStart >= 0.1 * size) gaps.push({ x: (gapStart + gapEnd) / 2, a: gapStart, b: gapEnd });
    }
    plain.push(gaps[gaps.length - 1] ?? { x: to - 1, a: to - 1, b: to - 1 });
    others.push(edgeCandidates(gaps, from, to, items, cells, size));
  }
  // Right edge: from the last header cell, follow runs until a wide gap, or until text set in a box painted
  // beside the table (a side tab "Action prioritaire #N": its box starts right of all the text followed so far,
  // where a table's own shading starts at its columns' edges).
  let right = cells[cells.length - 1]!.x1;
  for (const [a, b] of runs) {
    if (b <= right) continue;
    const painted = rects.some((r) => r.x0 > right && a >= r.x0 - 0.5 && a < r.x1);
    if (a <= right + wide && !painted) right = Math.max(right, b);
    else break;
  }
  const outer = xs[xs.length - 1]!;
  // The last column's ragged text may stop short of its border by up to a type size.
  const edges = centredEdges(plain, others, cells, { x: outer, a: outer, b: outer }, { x: right + 1, a: right + 1, b: right + 1 + size }, size);
  xs.push(...edges.map((e) => e.x), right + 1);
  return xs;
}

/** A column edge `x`, and the stretch [a, b] where the border it stands for may lie (the gap it is taken in). */
interface Span {
  x: number;
  a: number;
  b: number;
}

/**
 * Other places the edge between two header cells may lie when both headers are centred over their columns:
 * the last gap may be one only the next header closes (its column's text all shorter than the header's start),
 * the column's text starting at an earlier gap; without gutter (cells glued over a narrow padding), the next
 * column's text starts where most body lines start between the two header starts (its border within half a
 * type size before it).
 */
function edgeCandidates(gaps: readonly Span[], from: number, to: number, items: readonly TextItem[], cells: readonly Box[], size: number): Span[] {
  const inHeader = (i: TextItem) => cells.some((c) => centerX(i) >= c.x0 && centerX(i) <= c.x1 && centerY(i) >= c.y0 && centerY(i) <= c.y1);
  const bodyStarts = items.filter((i) => !inHeader(i)).map((i) => i.x0);
  const bodyStartsAt = (x: number) => bodyStarts.some((s) => Math.abs(s - x) <= 0.1 * size);
  const last = gaps[gaps.length - 1];
  if (last && !(Math.abs(last.b - to) <= 0.1 * size && !bodyStartsAt(last.b))) return [];
  if (last) return gaps.slice(0, -1).filter((g) => bodyStartsAt(g.b));
  const start = commonStart(bodyStarts.filter((x) => x > from + 0.1 * size && x <= to + 0.1 * size), size);
  return start === undefined ? [] : [{ x: start - 0.1 * size, a: start - 0.5 * size, b: start }];
}

/**
 * The inner edges: each the plain one (the last gap), unless another candidate centres both header cells beside
 * it over their columns where the plain one does not. A header is centred when its centre lies within half a
 * type size of the centre of some column whose borders lie in the spans of its edges. `left`, `right`: the
 * table's outer edges.
 */
function centredEdges(plain: readonly Span[], others: readonly Span[][], cells: readonly Box[], left: Span, right: Span, size: number): Span[] {
  const edges = [...plain];
  const off = (cell: Box, l: Span, r: Span) => {
    const c = centerX(cell);
    return Math.max(0, (l.a + r.a) / 2 - c, c - (l.b + r.b) / 2);
  };
  // The edge after may itself move (two glued gutters in a row): any of its candidates will do.
  const centred = (i: number, e: Span) => {
    const before = i > 0 ? edges[i - 1]! : left;
    const after = i + 1 < edges.length ? [edges[i + 1]!, ...others[i + 1]!] : [right];
    return off(cells[i]!, before, e) <= 0.5 * size && after.some((a) => off(cells[i + 1]!, e, a) <= 0.5 * size);
  };
  for (let i = 0; i < edges.length; i++) {
    if (centred(i, edges[i]!)) continue;
    const other = others[i]!.filter((e) => centred(i, e)).pop();
    if (other) edges[i] = other;
  }
  return edges;
}

/** The x at which most of `starts` lie (within a tenth of the type size), the rightmost on a tie; undefined when none. */
function commonStart(starts: readonly number[], size: number): number | undefined {
  let best: { x: number; n: number } | undefined;
  for (const x of starts) {
    const n = starts.filter((s) => Math.abs(s - x) <= 0.1 * size).length;
    if (!best || n > best.n || (n === best.n && x > best.x)) best = { x, n };
  }
  return best?.x;
}

/**
 * Body rows painted cell by cell (zebra stripes) show where the columns meet: gutter edges guessed from the text
 * (a header centred over its column, little text under it) give way to the edge of painted cells lying between
 * the same two header cells. Rows are painted in one band of rectangles of equal height, together as wide as the
 * table; an edge without a painted boundary between its header cells is kept.
 */
export function edgesFromPaintedCells(xs: readonly number[], cells: readonly Box[], rects: readonly FilledRect[], top: number, tolerance: number): number[] {
  const left = xs[0]!;
  const right = xs[xs.length - 1]!;
  const bands = new Map<string, FilledRect[]>();
  for (const r of rects) {
    if (!isShading(r) || r.y0 < top - tolerance || r.x1 <= left || r.x0 >= right) continue;
    const key = `${Math.round(r.y0 * 2)}:${Math.round(r.y1 * 2)}`;
    bands.set(key, [...(bands.get(key) ?? []), r]);
  }
  const boundaries: number[] = [];
  for (const band of bands.values()) {
    const covered = band.reduce((n, r) => n + Math.min(r.x1, right) - Math.max(r.x0, left), 0);
    if (band.length < 2 || covered < 0.8 * (right - left)) continue;
    for (const r of band) if (r.x0 > left + tolerance) boundaries.push(r.x0);
  }
  if (!boundaries.length) return [...xs];
  const starts = cells.map((c) => c.x0).sort((a, b) => a - b);
  return xs.map((x, k) => {
    if (k === 0 || k === xs.length - 1) return x;
    const before = starts.filter((s) => s < x).pop();
    const after = starts.find((s) => s >= x);
    if (before === undefined || after === undefined) return x;
    const between = boundaries.filter((b) => b > before && b < after);
    return between.length ? between.reduce((best, b) => (Math.abs(b - x) < Math.abs(best - x) ? b : best)) : x;
  });
}

/**
 * Cells shaded left of the first header cell, holding text (a title merged down the rows beside it, painted):
 * the column without header they make, from the leftmost start to the rightmost end; undefined when none.
 */
export function shadedLeadingColumn(first: Box, left: number, items: readonly TextItem[], rects: readonly FilledRect[], size: number): { x0: number; x1: number } | undefined {
  const shaded = rects.filter(
    (r) =>
      isShading(r) &&
      r.y0 >= first.y1 - 0.5 * size &&
      r.x0 <= left + size &&
      r.x1 <= first.x0 + 0.5 &&
      r.x1 - r.x0 >= 2 * size &&
      items.some((i) => i.x0 >= r.x0 && i.x1 <= r.x1 + 0.5 && centerY(i) > r.y0 && centerY(i) < r.y1),
  );
  if (!shaded.length) return undefined;
  return { x0: Math.min(...shaded.map((r) => r.x0)), x1: Math.max(...shaded.map((r) => r.x1)) };
}

/**
 * The text's coverage for the gutter of a column without header: a single word of a body line running from
 * that column over to where the first header cell's text starts, with no word after it on its line but the next
 * column's, is a word too long for its narrow column, set overfull (LaTeX), not text of the next column; the
 * gutter is looked for as if it stopped short.
 */
function leadingRuns(first: Box, items: readonly TextItem[], runs: [number, number][], size: number): [number, number][] {
  // No word follows it on its line within a type size, but where the next column's text starts: its cell's line
  // ends there (a justified line set word by word has its next word a space away).
  const followed = (i: TextItem) =>
    items.some((o) => o !== i && o.x0 > i.x0 && o.x0 < i.x1 + size && Math.abs(o.x0 - first.x0) > 0.1 * size && Math.min(o.y1, i.y1) - Math.max(o.y0, i.y0) > 0.5 * (i.y1 - i.y0));
  const overfull = (i: TextItem) => i.y0 >= first.y1 && !/\s/.test(i.text.trim()) && i.x0 < first.x0 - size && i.x1 > first.x0 - 0.5 * size && !followed(i);
  // Such a word is rare among the column's lines; when most lines start that way, the header is only indented
  // over its column (centred) and its words belong there.
  const starting = items.filter((i) => i.y0 >= first.y1 && i.x0 < first.x0 - size);
  const over = starting.filter(overfull);
  if (!over.length || over.length > 0.25 * starting.length) return runs;
  return mergeIntervals(items.filter((i) => !overfull(i)).map((i) => [i.x0, i.x1] as [number, number]), 0.5);
}

/**
 * The edge of a column without header left of the first header cell from whitespace: the middle of the last
 * gap of the text's coverage there, half an em wide at least, or wider than a tenth of an em when the body text
 * after it starts flush with the header cell (the columns' own padding: with a narrow padding the gutter is
 * narrow too, and the header's alignment says where the column starts).
 */
export function leadingGutter(first: Box, left: number, runs: readonly [number, number][], items: readonly TextItem[], size: number): number | undefined {
  let leading: number | undefined;
  for (let k = 0; k + 1 < runs.length; k++) {
    const gapStart = runs[k]![1];
    const gapEnd = runs[k + 1]![0];
    if (gapStart < left || gapEnd > first.x0 + 0.5) continue;
    const flush = gapEnd >= first.x0 - 0.5 && items.some((i) => i.y0 >= first.y1 && Math.abs(i.x0 - first.x0) <= 0.5);
    // Over all the rows, a gap that no line crosses is a gutter even when the cells' padding is narrow.
    if (gapEnd - gapStart >= (flush ? 0.1 : 0.5) * size) leading = (gapStart + gapEnd) / 2;
  }
  return leading;
}

/**
 * Header cells that are words of the cell before them, spread by justification ("Indicateurs      de" over
 * "suivi"), not the headers of columns of their own. `joinable` marks the cells that may be such a word (they
 * name no column); `body`: the text under the header. A cell is a spread word when the cell before it wraps onto
 * a lower line flush with its start (a justified line is never a cell's last) (a line in the header's own type) and either one
 * shaded cell holds both (and no other header cell), or the body's text covers the whole gap between the end of
 * the cell before and the word (a column has a gutter there). Returns the indexes of those cells.
 */
export function spreadHeaderWords(
  cells: readonly Box[],
  joinable: readonly boolean[],
  e: { header: readonly TextItem[]; items: readonly TextItem[]; body: readonly TextItem[]; rects: readonly FilledRect[]; size: number },
): Set<number> {
  const { items, body, size } = e;
  const spread = new Set<number>();
  const tol = 0.1 * size;
  const shading = e.rects.filter(isShading);
  // The header's own type: a line below in another (a chantier title merged across the rows) does not wrap it.
  const bold = e.header.filter((i) => i.bold).length > e.header.length / 2;
  const headerType = (i: TextItem) => i.bold === bold && Math.abs(i.fontSize - size) <= 0.05 * size;
  const bodySize = median(body.map((i) => i.fontSize));
  let before: Box | undefined;
  // Indexes of the cells `before` is made of.
  let merged = new Set<number>();
  cells.forEach((cell, k) => {
    const wraps = before !== undefined && items.some((i) => headerType(i) && Math.abs(i.x0 - before!.x0) <= tol && i.y0 >= cell.y1 - tol && i.y0 <= cell.y1 + size);
    if (before && joinable[k] && cell.x0 > before.x1 && wraps) {
      const others = cells.filter((c) => c !== cell && c.x0 > before!.x1 + tol);
      const holds = (r: FilledRect, b: Box) => r.x0 <= centerX(b) && r.x1 >= centerX(b) && r.y0 <= centerY(b) && r.y1 >= centerY(b);
      // (A band shaded across the whole header holds other cells too: it is no cell.)
      const oneShadedCell = shading.some((r) => holds(r, cell) && holds(r, before!) && !cells.some((o, j) => !merged.has(j) && j !== k && holds(r, o)));
      // Lines in a larger type (titles) or running over another header cell's start (a title merged across the
      // row) say nothing of this gap.
      const overOthers = (line: readonly TextItem[]) => line.some((i) => i.fontSize > 1.15 * bodySize || others.some((o) => i.x0 < o.x0 - tol && i.x1 > o.x0 + tol));
      const lines = groupRows(body.filter((i) => i.x1 > before!.x0 && i.x0 < cell.x1)).filter((line) => !overOthers(line));
      const runs = mergeIntervals(lines.flat().map((i) => [i.x0, i.x1] as [number, number]), 0.5);
      if (oneShadedCell || (lines.length >= 3 && runs.some(([a, b]) => a <= before!.x1 && b >= cell.x0))) {
        spread.add(k);
        merged.add(k);
        before = { ...before, x1: cell.x1 };
        return;
      }
    }
    before = cell;
    merged = new Set([k]);
  });
  return spread;
}
