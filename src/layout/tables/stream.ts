/**
 * Tables without rules (stream): runs of printed lines cut into several segments by wide gaps, whose gaps
 * line up into gutters. A block starts at a line with several segments and goes on while lines follow at
 * about the line pitch; lone segments inside it are wrapped cells or label rows, at its ends they are
 * captions and notes (left out).
 */
import type { TextItem } from '../../sources/page-model.js';
import { type Box, containsPoint, median, mergeIntervals } from '../geometry.js';
import { columnGutters } from './text-grid.js';
import { readTextTable } from './text-table.js';
import type { PageContext, PageTable, Segment, TableFinder } from './types.js';

/** Consecutive bands further apart than this many line pitches are not one table. */
const MAX_ROW_GAP = 2.6;

const centreIn = (boxes: readonly Box[], s: Box) => boxes.some((b) => containsPoint(b, (s.x0 + s.x1) / 2, (s.y0 + s.y1) / 2, 1));

/**
 * Blocks of bands that may hold a table. A block starts at a band of several segments and takes the bands
 * that follow within a few line pitches: bands of several segments, and lone segments lying within the
 * columns seen so far (a cell wrapping on alone, a label row); a lone segment running over them (a paragraph,
 * a note) ends the block. Lone segments at its end are left out (notes, the text after the table).
 */
/**
 * Does a lone segment start where a column of the block starts, and end before the next column does? (A
 * header's labels are short: a cell below may be wider than its label and still stay in its column.)
 */
function withinColumn(seg: Segment, block: readonly Segment[][], fontSize: number): boolean {
  const starts = [...new Set(block.filter((b) => b.length >= 2).flatMap((b) => b.map((s) => Math.round(s.x0))))].sort((a, b) => a - b);
  for (let k = 0; k < starts.length; k++) {
    if (Math.abs(seg.x0 - starts[k]!) > 0.5 * fontSize) continue;
    const next = starts.find((x) => x > starts[k]! + fontSize);
    if (next === undefined || seg.x1 < next - 0.5 * fontSize) return true;
  }
  return false;
}

export function candidateBlocks(bands: readonly Segment[][], pitch: number, fontSize: number): Segment[][][] {
  const blocks: Segment[][][] = [];
  let current: Segment[][] = [];
  let columns: [number, number][] = [];
  const close = () => {
    // Lone segments at the end go on with the table when they follow the line above closely, in the same
    // type (a long cell wrapping on alone); after a wider gap or in smaller type they are notes.
    const size = median(current.flatMap((b) => b.map((s) => s.fontSize)));
    while (current.length > 1 && current[current.length - 1]!.length < 2) {
      const last = current[current.length - 1]![0]!;
      const above = current[current.length - 2]!;
      const gap = last.y0 - Math.max(...above.map((s) => s.y1));
      if (gap <= 0.5 * pitch && Math.abs(last.fontSize - size) <= 0.1 * size) break;
      current.pop();
    }
    if (current.filter((b) => b.length >= 2).length >= 2) blocks.push(current);
    current = [];
    columns = [];
  };
  for (const band of bands) {
    const last = current[current.length - 1];
    if (last && band[0]!.y0 - last[0]!.y1 > MAX_ROW_GAP * pitch) close();
    if (band.length >= 2) {
      current.push(band);
      columns = mergeIntervals([...columns, ...band.map((s) => [s.x0, s.x1] as [number, number])], 0.5 * fontSize);
      continue;
    }
    if (!current.length) continue;
    const seg = band[0]!;
    if (columns.some(([a, b]) => seg.x0 >= a - fontSize && seg.x1 <= b + fontSize) || withinColumn(seg, current, fontSize)) current.push(band);
    else close();
  }
  close();
  return blocks;
}

/**
 * Text laid out over drawn lines that no ruled table was read from: a chart (gridlines, axes) or a diagram.
 * A whitespace table has no column rule inside it, and at most the rules of its header and ends across it.
 */
export function drawnOver(context: PageContext, box: Box, options: { partialRules?: boolean } = {}): boolean {
  const inner = (x: number, a: number, b: number) => x > a + 2 * context.tolerance && x < b - 2 * context.tolerance;
  const vertical = context.vertical.some((v) => inner(v.at, box.x0, box.x1) && Math.min(v.to, box.y1) - Math.max(v.from, box.y0) > 2 * context.pitch);
  if (vertical) return true;
  if (options.partialRules === false) return false;
  const partial = context.horizontal.filter((h) => inner(h.at, box.y0, box.y1) && h.to - h.from > 2 * context.fontSize && Math.min(h.to, box.x1) - Math.max(h.from, box.x0) < 0.8 * (box.x1 - box.x0));
  return partial.length >= 2;
}

export const streamFinder: TableFinder = {
  flavor: 'stream',
  find(context: PageContext, taken: readonly Box[] = []): PageTable[] {
    const bands = context.bands.map((b) => b.filter((s) => !centreIn(taken, s))).filter((b) => b.length > 0);
    const tables: PageTable[] = [];
    for (const block of candidateBlocks(bands, context.pitch, context.fontSize)) {
      if (!columnGutters(block, 0.5 * context.fontSize).length) continue;
      const items: TextItem[] = block.flatMap((b) => b.flatMap((s) => s.items));
      const table = readTextTable(context, items, { flavor: 'stream', guesses: ['region, columns and rows from whitespace'] });
      if (table && !drawnOver(context, table.box)) tables.push(table);
    }
    return tables;
  },
};
