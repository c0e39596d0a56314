import type { PageModel } from '../sources/page-model.js';
import { type Box, maxOf, median, mergeIntervals, minOf } from './geometry.js';
import { bandsOfLines, groupLines, isUpright, type Line, lineOf } from './lines.js';

/** Anything placed on a page that reading order arranges: a line, or a whole table kept in one piece. */
export interface Block extends Box {
  fontSize: number;
}

/** Segments of a band further apart than this many font sizes are separate blocks (columns side by side). */
export const SEGMENT_GAP = 1.5;
const MAX_DEPTH = 64;

/**
 * Recursive XY-cut: a region is cut first at wide horizontal gaps (between sections), then at vertical gutters
 * (between columns, when each side is wide enough to be a column and not a list's numbering), then at its
 * widest horizontal gap; what cannot be cut is a leaf read top to bottom. Returns the leaves in reading order.
 */
export function xyCut<T extends Block>(blocks: readonly T[]): T[][] {
  const leaves: T[][] = [];
  const visit = (region: readonly T[], depth: number) => {
    if (region.length <= 1 || depth >= MAX_DEPTH) {
      if (region.length) leaves.push(sortTopDown(region));
      return;
    }
    const size = median(region.map((b) => b.fontSize)) || 10;
    const rows = mergeIntervals(region.map((b) => [b.y0, b.y1] as [number, number]));
    // Each cut must leave at least two parts, or the region is tried the next way.
    const cutInto = (parts: T[][]) => {
      if (parts.length < 2) return false;
      for (const part of parts) visit(part, depth + 1);
      return true;
    };
    let wideGaps = gapsOf(rows).filter((g) => g.size >= 1.8 * size);
    const gutters = columnGutters(region, size).filter((g) => !splitsOneLine(region, g, size) && startsAligned(region, g, size) && openAround(blocks, region, g, size));
    const shift = gutters.length ? layoutChange(region, gutters, rows, size) : undefined;
    if (shift && cutInto(splitAt(region, [shift], 'y'))) return;
    if (wideGaps.length && gutters.length) {
      // Columns run through the whole region. When they all reach its bottom, the text flows from column to
      // column and is read column after column, whatever gaps it has. Otherwise a wide gap is a break between
      // sections only when every column reaches down to it (balanced columns over a block below them).
      const columns = splitAt(region, gutters, 'x');
      const bottom = maxOf(region, (b) => b.y1);
      const flowing = columns.every((column) => maxOf(column, (b) => b.y1) >= bottom - 3 * size);
      // Text below the gap in a later column only, the first one empty there, is that column going on (a heading
      // inside a column of a flowing list), not a new section under the columns: a section starts at the left.
      wideGaps = flowing ? wideGaps.filter((g) => balancedBreak(columns, g, size)) : wideGaps.filter((g) => columns.every((column) => reachesDownTo(column, g, size)) && columns[0]!.some((b) => (b.y0 + b.y1) / 2 > g.at));
    } else if (wideGaps.length > 1) {
      // Something spans the whole width (a title): peel off the top section only, so that the rest is judged
      // as a whole (its columns may flow across gaps that happen to line up).
      wideGaps = [wideGaps[0]!];
    }

    if (wideGaps.length && cutInto(splitAt(region, wideGaps, 'y'))) return;
    if (gutters.length && cutInto(splitAt(region, gutters, 'x'))) return;
    // Columns under or between full-width blocks (titles over a two-column text): find the gutter among the
    // narrower blocks, and cut across the page above and below every block that spans it.
    const spanning = spanningCuts(region, size);
    if (spanning.length && cutInto(splitAt(region, spanning, 'y'))) return;
    const gaps = gapsOf(rows);
    if (gaps.length) {
      const widest = gaps.reduce((a, b) => (b.size > a.size ? b : a));
      if (cutInto(splitAt(region, [widest], 'y'))) return;
    }
    leaves.push(sortTopDown(region));
  };
  visit(blocks, 0);
  return leaves;
}

interface Gap {
  at: number;
  size: number;
}

function gapsOf(runs: readonly [number, number][]): Gap[] {
  const gaps: Gap[] = [];
  for (let i = 0; i + 1 < runs.length; i++) gaps.push({ at: (runs[i]![1] + runs[i + 1]![0]) / 2, size: runs[i + 1]![0] - runs[i]![1] });
  return gaps;
}

/**
 * Where the columns change: a column whose lines start at one left edge down to a gap across the region (a
 * paragraph's spacing at least) and at another edge, further than a hanging indent, below it (three columns of
 * text over two columns of places). The region is cut across there, each layout read on its own.
 */
function layoutChange(region: readonly Block[], gutters: readonly Gap[], rows: readonly [number, number][], size: number): Gap | undefined {
  const gaps = gapsOf(rows).filter((g) => g.size >= 0.8 * size);
  if (!gaps.length) return undefined;
  const columns = splitAt(region, gutters, 'x');
  // The left edge of some lines: the leftmost start that a second line shares.
  const edge = (xs: number[]) => xs.sort((a, b) => a - b).find((x, i) => i + 1 < xs.length && xs[i + 1]! - x <= 0.3 * size);
  for (const gap of gaps)
    for (const column of columns) {
      const above = column.filter((b) => b.y1 <= gap.at).map((b) => b.x0);
      const below = column.filter((b) => b.y0 >= gap.at).map((b) => b.x0);
      const [a, b] = [edge([...above]), edge([...below])];
      // A new edge below, not one that lines above start at too (two columns side by side in one strip).
      if (a !== undefined && b !== undefined && Math.abs(a - b) >= 3 * size && !above.some((x) => Math.abs(x - b) <= 0.5 * size)) return gap;
    }
  return undefined;
}

/**
 * A block of columns over another one: every column ends within a few lines above the gap and starts again right
 * under it, at one height, and the lines are spaced differently above and below (a paragraph set in columns over
 * a list of places): text flowing from column to column keeps its spacing across gaps that happen to line up.
 */
function balancedBreak(columns: readonly Block[][], gap: Gap, size: number): boolean {
  const starts = columns.map((column) => minOf(column.filter((b) => b.y0 >= gap.at), (b) => b.y0));
  if (!starts.every((y) => Number.isFinite(y) && Math.abs(y - starts[0]!) <= 0.5 * size)) return false;
  if (!columns.every((column) => reachesDownTo(column, gap, size))) return false;
  const pitch = (part: (b: Block) => boolean) => {
    const steps = columns.flatMap((column) => {
      const ys = bandsOf(column.filter(part)).map((band) => band[0]!.y0);
      return ys.slice(1).map((y, i) => y - ys[i]!).filter((d) => d < 2.5 * size);
    });
    return steps.length >= 2 ? median(steps) : undefined;
  };
  const [above, below] = [pitch((b) => b.y1 <= gap.at), pitch((b) => b.y0 >= gap.at)];
  return above !== undefined && below !== undefined && Math.abs(above - below) > 0.25 * Math.min(above, below);
}

/** Does the column have text ending just above the gap (within a few lines of it)? */
function reachesDownTo(column: readonly Block[], gap: Gap, size: number): boolean {
  const top = gap.at - gap.size / 2;
  let bottom = -Infinity;
  for (const b of column) if ((b.y0 + b.y1) / 2 < gap.at && b.y1 > bottom) bottom = b.y1;
  return bottom >= top - 3 * size;
}

/**
 * Horizontal cuts around the blocks that cross a gutter of the narrower blocks (less than 60% of the region's
 * width). Empty when the narrower blocks show no gutter with at least two blocks on each side.
 */
function spanningCuts(region: readonly Block[], size: number): Gap[] {
  const left = minOf(region, (b) => b.x0);
  const right = maxOf(region, (b) => b.x1);
  const narrow = region.filter((b) => b.x1 - b.x0 < 0.6 * (right - left));
  if (narrow.length < 4 || narrow.length === region.length) return [];
  const gutters = columnGutters(narrow, size).filter((g) => {
    const onLeft = narrow.filter((b) => b.x1 <= g.at).length;
    return onLeft >= 2 && narrow.length - onLeft >= 2;
  });
  if (!gutters.length) return [];
  const crosses = (b: Block) => gutters.some((g) => b.x0 < g.at - g.size / 2 && b.x1 > g.at + g.size / 2);
  const cuts: Gap[] = [];
  for (const b of region) if (crosses(b)) cuts.push({ at: b.y0 - 0.01, size: 0 }, { at: b.y1 + 0.01, size: 0 });
  // Keep only cuts that separate something: a cut inside another block's height would split nothing cleanly.
  return cuts.filter((c) => region.some((b) => (b.y0 + b.y1) / 2 < c.at) && region.some((b) => (b.y0 + b.y1) / 2 > c.at));
}

/**
 * Vertical gutters whose two sides are each at least a few characters wide. A gutter is a gap of a line and a
 * half's worth of font size, or of one font size where some band of the region shows a wider gap (two font
 * sizes) around it with text on both sides: columns centred under each other come closer on some lines.
 */
function columnGutters(region: readonly Block[], size: number): Gap[] {
  const runs = mergeIntervals(region.map((b) => [b.x0, b.x1] as [number, number]));
  if (runs.length < 2) return [];
  const left = runs[0]![0];
  const right = runs[runs.length - 1]![1];
  const minSide = 4 * size;
  const out: Gap[] = [];
  let sideStart = left;
  let bandGaps: Gap[] | undefined;
  const widerInABand = (from: number, to: number) => {
    bandGaps ??= bandsOf(region).flatMap((band) => gapsOf(mergeIntervals(band.map((b) => [b.x0, b.x1] as [number, number]))));
    return bandGaps.some((g) => g.size >= 2 * size && g.at - g.size / 2 <= from + 0.5 && g.at + g.size / 2 >= to - 0.5);
  };
  for (let i = 0; i + 1 < runs.length; i++) {
    const gapStart = runs[i]![1];
    const gapEnd = runs[i + 1]![0];
    if (gapEnd - gapStart < size || (gapEnd - gapStart < SEGMENT_GAP * size && !widerInABand(gapStart, gapEnd))) continue;
    if (gapStart - sideStart < minSide || right - gapEnd < minSide) continue;
    out.push({ at: (gapStart + gapEnd) / 2, size: gapEnd - gapStart });
    sideStart = gapEnd;
  }
  return out;
}

/**
 * A column starts its lines at one left edge: a gutter is a column's left side only when, right of it, two
 * printed lines start at the same x near that side's left edge (or, centred, share their middle) (a list's markers, a paragraph's lines). Word
 * gaps of justified text that happen to line up on a few lines leave the pieces after them starting anywhere.
 * A region of one printed line a side is read the same whether cut or not.
 */
function startsAligned(region: readonly Block[], gutter: Gap, size: number): boolean {
  const right = sidesOf(region, gutter)[1];
  // A short column (a line or two) shows no edge: openAround judges small regions.
  if (bandsOf(right).length <= 2) return true;
  const edge = minOf(right, (b) => b.x0);
  // Each band's first piece right of the gutter.
  const firsts = bandsOf(right).map((band) => band.reduce((a, b) => (b.x0 < a.x0 ? b : a)));
  const paired = (xs: number[]) => xs.sort((a, b) => a - b).some((x, i) => i > 0 && x - xs[i - 1]! <= 0.3 * size);
  // Lines set flush left share their start near the side's edge; lines centred in their column (signatures)
  // share their middle.
  return paired(firsts.filter((b) => b.x0 <= edge + 2 * size).map((b) => b.x0)) || paired(firsts.map((b) => (b.x0 + b.x1) / 2));
}

/**
 * A region cut down to a line or two on a side (the pieces of justified lines whose wide word gaps line up) is
 * no proof of a column: the gutter must stay open on the lines of its size just above and below the region, in the
 * whole that the cut started from. Larger regions show their columns by themselves.
 */
function openAround(all: readonly Block[], region: readonly Block[], gutter: Gap, size: number): boolean {
  const [left, right] = sidesOf(region, gutter);
  if (bandsOf(left).length > 2 && bandsOf(right).length > 2) return true;
  const [top, bottom] = [minOf(region, (b) => b.y0), maxOf(region, (b) => b.y1)];
  const [x0, x1] = [minOf(region, (b) => b.x0), maxOf(region, (b) => b.x1)];
  const inRegion = new Set<Block>(region);
  return !all.some(
    (b) =>
      !inRegion.has(b) &&
      Math.abs(b.fontSize - size) <= 0.2 * size &&
      b.x1 > x0 &&
      b.x0 < x1 &&
      ((b.y0 >= bottom - 0.5 && b.y0 - bottom <= 1.5 * size) || (b.y1 <= top + 0.5 && top - b.y1 <= 1.5 * size)) &&
      b.x0 < gutter.at - gutter.size / 2 &&
      b.x1 > gutter.at + gutter.size / 2,
  );
}

/**
 * A narrow gutter (less than three font sizes) that only parts the end of one line from its start is a word
 * gap, not a column: one side holds a single band of text that the other side shares (a line whose words lie
 * apart, as justified text with a wide font spreads them, over the short last line of its paragraph).
 */
function splitsOneLine(region: readonly Block[], gutter: Gap, size: number): boolean {
  if (gutter.size >= 3 * size) return false;
  const [left, right] = sidesOf(region, gutter);
  const [l, r] = [bandsOf(left), bandsOf(right)];
  const lone = (one: Block[][], other: Block[][]) => one.length === 1 && other.some((band) => sameBand(band[0]!, one[0]![0]!));
  return lone(l, r) || lone(r, l);
}

/** The blocks left and right of a gutter, by their middle. */
function sidesOf<T extends Block>(region: readonly T[], gutter: Gap): [T[], T[]] {
  return [region.filter((b) => (b.x0 + b.x1) / 2 < gutter.at), region.filter((b) => (b.x0 + b.x1) / 2 >= gutter.at)];
}

/** Two blocks on one printed line: they share at least half the smaller height. */
function sameBand(a: Block, b: Block): boolean {
  return Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) >= 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0);
}

/** Blocks grouped by printed line, top to bottom (lines set solid, touching each other, stay apart). */
function bandsOf<T extends Block>(blocks: readonly T[]): T[][] {
  const bands: T[][] = [];
  for (const b of [...blocks].sort((p, q) => p.y0 + p.y1 - (q.y0 + q.y1))) {
    const band = bands[bands.length - 1];
    if (band && sameBand(band[0]!, b)) band.push(b);
    else bands.push([b]);
  }
  return bands;
}

function splitAt<T extends Block>(region: readonly T[], cuts: readonly Gap[], axis: 'x' | 'y'): T[][] {
  const positions = cuts.map((c) => c.at).sort((a, b) => a - b);
  const parts: T[][] = positions.map(() => []);
  parts.push([]);
  for (const b of region) {
    const c = axis === 'x' ? (b.x0 + b.x1) / 2 : (b.y0 + b.y1) / 2;
    let k = 0;
    while (k < positions.length && c > positions[k]!) k++;
    parts[k]!.push(b);
  }
  return parts.filter((p) => p.length);
}

function sortTopDown<T extends Block>(region: readonly T[]): T[] {
  return [...region].sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1) || a.x0 - b.x0);
}

/** A line of text in reading order. */
export interface ReadingLine extends Box {
  text: string;
  fontSize: number;
  bold: boolean;
  /** A wider gap than line spacing, or a jump to another column, comes before this line. */
  paragraphBreak: boolean;
  /** The lines this one was built from (several when a leaf holds runs side by side). */
  parts: Line[];
}

/** Joins the lines of each leaf band by band (runs side by side in a leaf read as one line), in leaf order. */
export function leavesToReadingLines(leaves: readonly Line[][]): ReadingLine[] {
  const out: ReadingLine[] = [];
  let previous: ReadingLine | undefined;
  for (const leaf of leaves)
    for (const band of bandsOfLines(leaf)) {
      const first = band[0]!;
      const line: ReadingLine = {
        x0: minOf(band, (l) => l.x0),
        y0: minOf(band, (l) => l.y0),
        x1: maxOf(band, (l) => l.x1),
        y1: maxOf(band, (l) => l.y1),
        text: band.map((l) => l.text).join(' '),
        fontSize: first.fontSize,
        bold: band.every((l) => l.bold),
        paragraphBreak: false,
        parts: band,
      };
      if (previous) {
        const gap = line.y0 - previous.y1;
        line.paragraphBreak = line.y0 < previous.y0 - 1 || gap > 0.5 * Math.max(line.fontSize, previous.fontSize) || Math.abs(line.fontSize - previous.fontSize) > 1;
      }
      out.push(line);
      previous = line;
    }
  return out;
}

/**
 * Cuts lines that run across a column gutter: text set in columns side by side (signatures in a borderless
 * table, centred under each other) can come closer than a column gap on one line, and is then read as one
 * line. A gap between two items of a line is a gutter when it is at least one font size wide, clearly wider
 * than the line's word gaps between items, and a neighbouring band (directly above or below, within a line
 * and a half) leaves a wider gap (two font sizes, text on both sides) over the whole of it: a justified line,
 * whose gaps are all alike, meets no such gap in the lines around it. Lines `keep` accepts are left whole;
 * lines not cut are returned as they are.
 */
export function splitAtColumnGaps(lines: readonly Line[], keep: (line: Line) => boolean = () => false): Line[] {
  if (lines.length < 2) return [...lines];
  const bands = bandsOfLines(lines);
  const runsOf = (band: readonly Line[]) => mergeIntervals(band.flatMap((l) => l.items.map((i) => [i.x0, i.x1] as [number, number])));
  const runs = bands.map(runsOf);
  const top = bands.map((b) => minOf(b, (l) => l.y0));
  const bottom = bands.map((b) => maxOf(b, (l) => l.y1));
  const cut = new Map<Line, Line[]>();
  bands.forEach((band, k) => {
    for (const line of band) {
      if (line.items.length < 2 || keep(line)) continue;
      const items = [...line.items].sort((a, b) => a.x0 - b.x0);
      const gaps = items.slice(1).map((item, i) => item.x0 - items[i]!.x1);
      const size = line.fontSize || 10;
      const at: number[] = [];
      const wordGaps = gaps.filter((g) => g > 0 && g < size);
      gaps.forEach((g, i) => {
        if (g < size || (wordGaps.length && g < 1.8 * median(wordGaps))) return;
        const [x0, x1] = [items[i]!.x1, items[i + 1]!.x0];
        const near = (n: number) => n >= 0 && n < bands.length && (n < k ? top[k]! - bottom[n]! : top[n]! - bottom[k]!) <= 1.5 * size;
        const open = (n: number) => gapsOf(runs[n]!).some((h) => h.size >= 2 * size && h.at - h.size / 2 <= x0 + 0.5 && h.at + h.size / 2 >= x1 - 0.5);
        if ((near(k - 1) && open(k - 1)) || (near(k + 1) && open(k + 1))) at.push(i + 1);
      });
      if (!at.length) continue;
      const pieces: Line[] = [];
      let from = 0;
      for (const i of [...at, items.length]) {
        pieces.push(lineOf(items.slice(from, i)));
        from = i;
      }
      cut.set(line, pieces.filter((p) => p.text));
    }
  });
  if (!cut.size) return [...lines];
  return lines.flatMap((l) => cut.get(l) ?? [l]);
}

/** Lines of a set of upright items in reading order (columns read one after the other). */
export function readingLines(items: PageModel['items']): ReadingLine[] {
  const lines = splitAtColumnGaps(groupLines(items.filter(isUpright), { splitGap: SEGMENT_GAP }));
  return leavesToReadingLines(xyCut(lines));
}

/**
 * Plain text of pages in reading order, for the text parsers: two-column pages read column by column,
 * rotated text (vertical side labels) dropped, paragraphs separated by a blank line, pages by "\f".
 */
export function pagesToReadingText(pages: readonly Pick<PageModel, 'items'>[]): string {
  return pages.map((p) => `${readingLinesToText(readingLines(p.items))}\n`).join('\f');
}

export function readingLinesToText(lines: readonly Pick<ReadingLine, 'text' | 'paragraphBreak'>[]): string {
  let out = '';
  for (const line of lines) {
    if (out) out += line.paragraphBreak ? '\n\n' : '\n';
    out += line.text;
  }
  return out;
}
