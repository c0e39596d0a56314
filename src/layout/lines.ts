import type { TextItem } from '../sources/page-model.js';
import { cleanSpaces } from '../text/normalize.js';
import { type Box, unionBox } from './geometry.js';

/** A run of text items on one baseline, read left to right. */
export interface Line extends Box {
  text: string;
  items: TextItem[];
  /** Font size carrying most of the line's characters. */
  fontSize: number;
  /** True when most of the line's characters are bold. */
  bold: boolean;
}

/** Horizontal text: rotated items (vertical side labels, stamps) are kept out of lines and reading order. */
export function isUpright(item: TextItem): boolean {
  const a = item.angle ?? 0;
  return a <= 2 || a >= 358;
}

const itemHeight = (i: TextItem) => i.y1 - i.y0;

/**
 * Groups items into horizontal bands (one band per printed line, across the whole width given): items are
 * sorted by vertical centre and swept once; an item joins the current band when it overlaps the band's first
 * item by at least half the smaller height. Each band comes back sorted left to right. O(n log n).
 */
export function groupRows(items: readonly TextItem[]): TextItem[][] {
  const sorted = [...items].sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1) || a.x0 - b.x0);
  const rows: TextItem[][] = [];
  let anchor: TextItem | undefined;
  let current: TextItem[] = [];
  for (const item of sorted) {
    if (anchor) {
      const common = Math.min(anchor.y1, item.y1) - Math.max(anchor.y0, item.y0);
      if (common >= 0.5 * Math.min(itemHeight(anchor), itemHeight(item))) {
        current.push(item);
        continue;
      }
      rows.push(current);
    }
    anchor = item;
    current = [item];
  }
  if (current.length) rows.push(current);
  for (const row of rows) row.sort((a, b) => a.x0 - b.x0);
  return rows;
}

/** Builds a line from items of one band (sorted left to right): spaces where the gap is a word gap. */
export function lineOf(items: readonly TextItem[]): Line {
  let text = '';
  let prev: TextItem | undefined;
  const kept: TextItem[] = [];
  const sizeWeight = new Map<number, number>();
  let boldChars = 0;
  let chars = 0;
  for (const item of items) {
    // Some producers draw text twice, offset by a fraction of a point, to fake bold: keep one copy.
    if (prev && item.text === prev.text && Math.abs(item.x0 - prev.x0) < 0.3 * item.fontSize && Math.abs(item.y0 - prev.y0) < 0.3 * item.fontSize) continue;
    if (prev) {
      const gap = item.x0 - prev.x1;
      const needsSpace = gap > 0.15 * Math.min(item.fontSize, prev.fontSize) && !/\s$/.test(text) && !/^\s/.test(item.text);
      if (needsSpace) text += ' ';
    }
    text += item.text;
    kept.push(item);
    const n = item.text.length;
    chars += n;
    if (item.bold) boldChars += n;
    sizeWeight.set(item.fontSize, (sizeWeight.get(item.fontSize) ?? 0) + n);
    prev = item;
  }
  let fontSize = kept[0]?.fontSize ?? 0;
  let best = -1;
  for (const [size, n] of sizeWeight) if (n > best) [fontSize, best] = [size, n];
  const box = unionBox(kept) ?? { x0: 0, y0: 0, x1: 0, y1: 0 };
  return { ...box, text: cleanSpaces(text), items: kept, fontSize, bold: chars > 0 && boldChars * 2 > chars };
}

/**
 * Splits a band at gaps wider than `gapFactor` × font size: text side by side in separate columns must not
 * read as one line.
 */
export function splitAtGaps(row: readonly TextItem[], gapFactor: number): TextItem[][] {
  const parts: TextItem[][] = [];
  let current: TextItem[] = [];
  let right = -Infinity;
  for (const item of row) {
    if (current.length && item.x0 - right > gapFactor * Math.max(item.fontSize, current[current.length - 1]!.fontSize)) {
      parts.push(current);
      current = [];
      right = -Infinity;
    }
    current.push(item);
    right = Math.max(right, item.x1);
  }
  if (current.length) parts.push(current);
  return parts;
}

export interface LineOptions {
  /** Split a band where the horizontal gap exceeds this many font sizes (default: never split). */
  splitGap?: number;
}

/** Items → lines, top to bottom then left to right. */
export function groupLines(items: readonly TextItem[], options: LineOptions = {}): Line[] {
  const lines: Line[] = [];
  for (const row of groupRows(items)) {
    const parts = options.splitGap ? splitAtGaps(row, options.splitGap) : [row];
    for (const part of parts) {
      const line = lineOf(part);
      if (line.text) lines.push(line);
    }
  }
  return lines;
}

/** Lines sharing a band, as groups (top to bottom), each group left to right. */
export function bandsOfLines(lines: readonly Line[]): Line[][] {
  const sorted = [...lines].sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1) || a.x0 - b.x0);
  const bands: Line[][] = [];
  let anchor: Line | undefined;
  for (const line of sorted) {
    if (anchor) {
      const common = Math.min(anchor.y1, line.y1) - Math.max(anchor.y0, line.y0);
      if (common >= 0.5 * Math.min(anchor.y1 - anchor.y0, line.y1 - line.y0)) {
        bands[bands.length - 1]!.push(line);
        continue;
      }
    }
    anchor = line;
    bands.push([line]);
  }
  for (const band of bands) band.sort((a, b) => a.x0 - b.x0);
  return bands;
}
