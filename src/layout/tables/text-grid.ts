/**
 * Table structure from the text itself: column gutters (vertical whitespace running through the rows) and
 * rows (printed lines grouped, wrapped lines kept with the row they belong to). Used wherever rules are
 * missing: a whole table without rules, or the gaps of a partly ruled one.
 */
import type { TextItem } from '../../sources/page-model.js';
import { type Box, median } from '../geometry.js';
import { groupRows, lineOf } from '../lines.js';
import { intervalOf } from './grid.js';
import type { Segment } from './types.js';

/**
 * Items in printed lines (bands), each cut into segments at gaps wider than `gapFactor` font sizes and at the
 * given x positions (rules between cells).
 */
export function regionBands(items: readonly TextItem[], gapFactor: number, cuts: readonly number[] = []): Segment[][] {
  const bands: Segment[][] = [];
  for (const row of groupRows(items)) {
    const band = bands.length;
    const parts: TextItem[][] = [];
    let current: TextItem[] = [];
    let right = -Infinity;
    for (const item of row) {
      const prev = current[current.length - 1];
      if (prev) {
        const gap = item.x0 - right;
        const wide = gap > gapFactor * Math.max(item.fontSize, prev.fontSize);
        const cut = cuts.some((x) => x > right - 0.5 && x < item.x0 + 0.5 && x <= (item.x0 + item.x1) / 2);
        if (wide || cut) {
          parts.push(current);
          current = [];
          right = -Infinity;
        }
      }
      current.push(item);
      right = Math.max(right, item.x1);
    }
    if (current.length) parts.push(current);
    const segments = parts.map((p) => ({ ...lineOf(p), band })).filter((s) => s.text.length > 0);
    if (segments.length) bands.push(segments);
  }
  return bands;
}

/** An x interval no (or hardly any) row of text crosses. */
export interface Gutter {
  x0: number;
  x1: number;
  /** Where the column edge is put: the middle of the part crossed by the fewest rows. */
  at: number;
  /** Rows (with several segments) crossing it. */
  crossings: number;
}

/**
 * Vertical whitespace between columns. Only bands cut into several segments take part (a lone segment is a
 * title, a wrapped line or a spanning cell, and says nothing about columns). A gutter is an x run no such band
 * covers, at least `minWidth` wide, with text on both sides; or, where a few bands (up to one in five) do
 * cover a run, one they all bridge from one side to the other (header cells spanning several columns), as
 * long as no clear run lies in it (then a sparse column stands between two clear runs, and those are the
 * gutters).
 */
export function columnGutters(bands: readonly Segment[][], minWidth: number, options: { alignedBelow?: number } = {}): Gutter[] {
  const multi = bands.filter((b) => b.length >= 2);
  if (multi.length < 2) return [];
  const allowed = Math.floor(multi.length / 5);
  const segments = multi.flat();
  const events: [number, number][] = [];
  let left = Infinity;
  let right = -Infinity;
  for (const s of segments) {
    events.push([s.x0, 1], [s.x1, -1]);
    left = Math.min(left, s.x0);
    right = Math.max(right, s.x1);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  // The coverage profile as pieces [from, to, count], between the text's left and right ends.
  const pieces: { from: number; to: number; count: number }[] = [];
  let count = 0;
  for (let i = 0; i < events.length; i++) {
    const [x, delta] = events[i]!;
    const next = events[i + 1]?.[0];
    count += delta;
    if (next !== undefined && next > x) pieces.push({ from: x, to: next, count });
  }
  const gutters: Gutter[] = [];
  let k = 0;
  while (k < pieces.length) {
    if (pieces[k]!.count > allowed) {
      k++;
      continue;
    }
    // A run of pieces covered by at most `allowed` bands.
    let end = k;
    while (end + 1 < pieces.length && pieces[end + 1]!.count <= allowed) end++;
    const run = pieces.slice(k, end + 1);
    const [from, to] = [run[0]!.from, run[run.length - 1]!.to];
    k = end + 1;
    const clear: { from: number; to: number }[] = [];
    for (const p of run) {
      if (p.count > 0) continue;
      const last = clear[clear.length - 1];
      if (last && last.to === p.from) last.to = p.to;
      else clear.push({ from: p.from, to: p.to });
    }
    const wide = clear.filter((c) => c.to - c.from >= minWidth && c.from > left && c.to < right && (c.to - c.from >= (options.alignedBelow ?? 0) || aligned(segments, c.from, c.to, minWidth)));
    if (wide.length) {
      for (const c of wide) gutters.push({ x0: c.from, x1: c.to, at: (c.from + c.to) / 2, crossings: 0 });
      continue;
    }
    if (to - from < minWidth || from <= left || to >= right) continue;
    // Covered throughout: a gutter only if every segment over it reaches past both of its ends.
    const over = segments.filter((s) => s.x1 > from && s.x0 < to);
    if (over.every((s) => s.x0 <= from + 0.5 && s.x1 >= to - 0.5)) {
      const least = run.reduce((a, b) => (b.count < a.count || (b.count === a.count && b.to - b.from > a.to - a.from) ? b : a));
      gutters.push({ x0: from, x1: to, at: (least.from + least.to) / 2, crossings: least.count });
    }
  }
  return gutters;
}

/**
 * Do the segments beside a narrow gap line up on it: most of those starting just after it start at its right
 * end (left-aligned cells), or most of those ending just before it end at its left end (right-aligned
 * numbers)? Gaps between words of justified lines may happen to line up over a few lines; their edges do not.
 */
function aligned(segments: readonly Segment[], from: number, to: number, tolerance: number): boolean {
  const reach = 3 * (to - from) + 2 * tolerance;
  const after = segments.filter((s) => s.x0 >= to - 0.5 && s.x0 <= to + reach);
  const before = segments.filter((s) => s.x1 <= from + 0.5 && s.x1 >= from - reach);
  const share = (list: readonly Segment[], f: (s: Segment) => boolean) => list.length >= 2 && list.filter(f).length >= 0.6 * list.length;
  return share(after, (s) => s.x0 <= to + tolerance) || share(before, (s) => s.x1 >= from - tolerance);
}

/** A printed line of a region with the columns its items fall in. */
export interface TextLine extends Box {
  items: TextItem[];
  columns: Set<number>;
  fontSize: number;
  bold: boolean;
}

/** Lines whose boxes overlap vertically (values centred beside a wrapped cell) form one strip. */
export interface Strip extends Box {
  lines: TextLine[];
  columns: Set<number>;
}

/** The printed lines of `items`, with their columns (by item centre in `xs`), top to bottom. */
export function textLines(items: readonly TextItem[], xs: readonly number[]): TextLine[] {
  return groupRows(items).map((row) => {
    const line = lineOf(row);
    const columns = new Set<number>();
    for (const i of row) {
      const c = intervalOf(xs, (i.x0 + i.x1) / 2);
      if (c >= 0) columns.add(c);
    }
    return { x0: line.x0, y0: line.y0, x1: line.x1, y1: line.y1, items: row, columns, fontSize: line.fontSize, bold: line.bold };
  });
}

/**
 * Lines grouped into strips: a new strip starts where a full-width horizontal gap separates the line from
 * everything above (boxes of consecutive lines may touch by a fraction of the type size: ascenders and
 * descenders).
 */
export function stripsOf(lines: readonly TextLine[]): Strip[] {
  const sorted = [...lines].sort((a, b) => a.y0 - b.y0);
  const strips: Strip[] = [];
  for (const line of sorted) {
    const last = strips[strips.length - 1];
    const slack = 0.3 * line.fontSize;
    if (last && line.y0 < last.y1 - slack) {
      last.lines.push(line);
      last.y1 = Math.max(last.y1, line.y1);
      last.x0 = Math.min(last.x0, line.x0);
      last.x1 = Math.max(last.x1, line.x1);
      for (const c of line.columns) last.columns.add(c);
    } else strips.push({ x0: line.x0, y0: line.y0, x1: line.x1, y1: line.y1, lines: [line], columns: new Set(line.columns) });
  }
  return strips;
}

/** The leftmost column holding text in at least half of the strips: the column that names each row. */
export function keyColumn(strips: readonly Strip[], columns: number): number {
  for (let c = 0; c < columns; c++) {
    const n = strips.filter((s) => s.columns.has(c)).length;
    if (n * 2 >= strips.length) return c;
  }
  return 0;
}

export interface RowOptions {
  /** Column edges of the grid the strips were measured in. */
  xs: readonly number[];
  /**
   * Lenient: only strips with text in the key column and another column open rows (inside a band between
   * two rules, where one row of wrapped cells is the normal case).
   */
  withinRuledBand?: boolean;
  /** The key column, when known from a larger part of the table than these strips. */
  key?: number;
}

/** A line opening with a list marker: bullet, dash, arrow. */
const LIST_ITEM = /^\s*(?:[-•▪◦●■–—⇒➢►→*\u2022\uf0b7\uf0a7\uf0d8])\s*\S/;

/** Digits and the signs around them: a cell that never wraps onto a second line. */
const NUMERIC = /^[\s\d.,%€$£¥+\-−–()*:/]+$/;

/** The part of a strip in one column: its first line there, its last line there. */
interface Piece {
  first: TextItem[];
  last: TextItem[];
}

function piecesOf(strip: Strip, xs: readonly number[]): Map<number, Piece> {
  const out = new Map<number, Piece>();
  for (const line of strip.lines) {
    const byColumn = new Map<number, TextItem[]>();
    for (const i of line.items) {
      const c = intervalOf(xs, (i.x0 + i.x1) / 2);
      if (c < 0) continue;
      const list = byColumn.get(c);
      if (list) list.push(i);
      else byColumn.set(c, [i]);
    }
    for (const [c, items] of byColumn) {
      const p = out.get(c);
      if (p) p.last = items;
      else out.set(c, { first: items, last: items });
    }
  }
  return out;
}

const textOf = (items: readonly TextItem[]) => items.map((i) => i.text).join(' ').trim();

/** Width of the first word of a run of items, glyphs taken as equally wide. */
function firstWordWidth(items: readonly TextItem[]): number {
  const item = items[0]!;
  const word = /^\S+/.exec(item.text.trimStart())?.[0] ?? item.text;
  return ((item.x1 - item.x0) * word.length) / Math.max(1, item.text.length);
}

/**
 * Did the line above (`above`, the last line of a cell) end because the column was full, so that `below`
 * goes on with the same cell? Yes when the first word of `below` would not have fitted after it within the
 * column's text width (`right`: the rightmost text of the column). A number never wraps.
 */
export function wrapsInto(above: readonly TextItem[], below: readonly TextItem[], right: number): boolean {
  const upper = textOf(above);
  if (NUMERIC.test(upper)) return false;
  // Another weight or size below: a header over data, a label over its values.
  const a = above[above.length - 1]!;
  const b = below[0]!;
  if (a.bold !== b.bold || Math.abs(a.fontSize - b.fontSize) > 0.1 * a.fontSize) return false;
  // A number under words goes on from them only after a sign that calls for more ("HT :", "(AJ", "/").
  if (NUMERIC.test(textOf(below)) && !/[:(/,+\-–]$/.test(upper)) return false;
  const end = Math.max(...above.map((i) => i.x1));
  // A space, and half an em of slack: glyph widths are estimated, and the cell may end before the column's
  // widest line.
  return end + 0.25 * a.fontSize + firstWordWidth(below) > right - 0.5 * a.fontSize;
}

/**
 * The space between the lines of a cell: within each column, the gaps between consecutive lines; the lower
 * quartile of them (most gaps inside a column are between wrapped lines of one cell, the others between
 * rows). Columns may set their lines at heights of their own, so this is measured column by column.
 */
function cellLeading(strips: readonly Strip[], xs: readonly number[]): number {
  const byColumn = new Map<number, { y0: number; y1: number }[]>();
  for (const s of strips)
    for (const line of s.lines)
      for (const i of line.items) {
        const c = intervalOf(xs, (i.x0 + i.x1) / 2);
        if (c < 0) continue;
        const list = byColumn.get(c) ?? [];
        const last = list[list.length - 1];
        // Items of one printed line of the column share a band.
        if (last && i.y0 < last.y1 - 0.5 * (i.y1 - i.y0)) {
          last.y0 = Math.min(last.y0, i.y0);
          last.y1 = Math.max(last.y1, i.y1);
        } else list.push({ y0: i.y0, y1: i.y1 });
        byColumn.set(c, list);
      }
  const gaps: number[] = [];
  for (const list of byColumn.values()) {
    list.sort((a, b) => a.y0 - b.y0);
    for (let k = 1; k < list.length; k++) gaps.push(list[k]!.y0 - list[k - 1]!.y1);
  }
  if (!gaps.length) return 0;
  gaps.sort((a, b) => a - b);
  return Math.max(0, gaps[Math.floor(gaps.length / 4)]!);
}

/**
 * Which strips open a row. A cell of a strip goes on from the cell above when the line above was full (its
 * first word would not have fitted there: see wrapsInto); it starts afresh otherwise (a column empty above, a
 * short line above, a number). A strip opens a row when more of its cells start afresh than go on; where wider
 * gaps than a cell's leading part the strips, a wider gap opens a row and a narrower one only when every cell
 * starts afresh. A list item alone in a column that has text above goes on (a list inside the cell). Inside a
 * band between two rules (`withinRuledBand`: one row of wrapped cells is the normal case), a strip opens a row
 * only with text in the key column, the band's first column and another one, most cells starting afresh.
 */
export function rowStarts(strips: readonly Strip[], options: RowOptions): boolean[] {
  if (!strips.length) return [];
  const { xs } = options;
  const columns = xs.length - 1;
  const key = options.key ?? keyColumn(strips, columns);
  const right = new Array<number>(columns).fill(-Infinity);
  const pieces = strips.map((s) => piecesOf(s, xs));
  for (const map of pieces) for (const [c, p] of map) for (const i of [...p.first, ...p.last]) right[c] = Math.max(right[c]!, i.x1);
  /** Cells of strip k going on from the strip above, and cells starting afresh. */
  const tally = (k: number) => {
    let going = 0;
    let fresh = 0;
    for (const [c, piece] of pieces[k]!) {
      const cell = pieces[k - 1]!.get(c);
      if (cell && wrapsInto(cell.last, piece.first, right[c]!)) going++;
      else fresh++;
    }
    return { going, fresh };
  };
  const listGoesOn = (k: number) => {
    if (pieces[k]!.size !== 1) return false;
    const [c, piece] = [...pieces[k]!][0]!;
    return pieces[k - 1]!.has(c) && LIST_ITEM.test(textOf(piece.first));
  };
  const majorityFresh = (k: number) => {
    const { going, fresh } = tally(k);
    return fresh > going;
  };
  if (options.withinRuledBand) {
    const first = Math.min(...strips.flatMap((s) => [...s.columns]));
    const opens = strips.map((s, k) => k > 0 && s.columns.has(key) && s.columns.has(first) && s.columns.size >= 2 && majorityFresh(k));
    const count = opens.filter(Boolean).length;
    return strips.map((_, i) => i === 0 || (count >= 1 && opens[i]!));
  }
  // Rows set apart by more space than the lines of a cell: where the gaps between strips fall into a tight
  // group (line leading) and wider ones, every wider gap ends a row.
  const gaps = strips.slice(1).map((s, k) => s.y0 - strips[k]!.y1);
  const size = median(strips.flatMap((s) => s.lines.map((l) => l.fontSize)));
  const leading = cellLeading(strips, xs);
  const wide = (g: number) => g > leading + 0.4 * size;
  const bimodal = gaps.some((g) => !wide(g)) && gaps.some(wide);
  const starts: boolean[] = [true];
  for (let k = 1; k < strips.length; k++) {
    if (bimodal && wide(gaps[k - 1]!) && !listGoesOn(k)) {
      starts.push(true);
      continue;
    }
    if (listGoesOn(k)) {
      starts.push(false);
      continue;
    }
    const { going, fresh } = tally(k);
    starts.push(bimodal ? going === 0 && fresh > 0 : fresh > going);
  }
  return starts;
}
