import type { TextItem } from '../sources/page-model.js';
import { cleanSpaces } from '../text/normalize.js';
import type { Box } from './geometry.js';

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

const isSpace = (code: number | undefined) => code === 32 || code === 9 || code === 160 || code === 0x202f;

/** Builds a line from items of one band (sorted left to right): spaces where the gap is a word gap. */
export function lineOf(items: readonly TextItem[]): Line {
  const parts: string[] = [];
  let lastCode: number | undefined;
  let prev: TextItem | undefined;
  const kept: TextItem[] = [];
  let boldChars = 0;
  let chars = 0;
  let fontSize = items[0]?.fontSize ?? 0;
  let fontSizeChars = -1;
  const sizeWeight: { size: number; n: number }[] = [];
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const item of items) {
    // Some producers draw text twice, offset by a fraction of a point, to fake bold: keep one copy.
    if (prev && item.text === prev.text && Math.abs(item.x0 - prev.x0) < 0.3 * item.fontSize && Math.abs(item.y0 - prev.y0) < 0.3 * item.fontSize) continue;
    if (prev) {
      const gap = item.x0 - prev.x1;
      if (gap > 0.15 * Math.min(item.fontSize, prev.fontSize) && !isSpace(lastCode) && !isSpace(item.text.charCodeAt(0))) parts.push(' ');
    }
    parts.push(item.text);
    lastCode = item.text.charCodeAt(item.text.length - 1);
    kept.push(item);
    const n = item.text.length;
    chars += n;
    if (item.bold) boldChars += n;
    let entry = sizeWeight.find((e) => e.size === item.fontSize);
    if (!entry) sizeWeight.push((entry = { size: item.fontSize, n: 0 }));
    entry.n += n;
    if (entry.n > fontSizeChars) [fontSize, fontSizeChars] = [entry.size, entry.n];
    if (item.x0 < x0) x0 = item.x0;
    if (item.y0 < y0) y0 = item.y0;
    if (item.x1 > x1) x1 = item.x1;
    if (item.y1 > y1) y1 = item.y1;
    prev = item;
  }
  if (!kept.length) [x0, y0, x1, y1] = [0, 0, 0, 0];
  return { x0, y0, x1, y1, text: cleanSpaces(parts.join('')), items: kept, fontSize, bold: chars > 0 && boldChars * 2 > chars };
}

/**
 * Splits a band at gaps wider than `gapFactor` × font size: text side by side in separate columns must not
 * read as one line.
 */
export function splitAtGaps(row: readonly TextItem[], gapFactor: number, atOverlaps = false): TextItem[][] {
  const parts: TextItem[][] = [];
  let current: TextItem[] = [];
  let right = -Infinity;
  for (const item of row) {
    const last = current[current.length - 1];
    const size = Math.max(item.fontSize, last?.fontSize ?? 0);
    // `atOverlaps`: a run starting well inside the one before (not on it: a bold face drawn twice) is other
    // text printed over it, such as a header cell overflowing its narrow column into the next one.
    const overprinted = atOverlaps && last !== undefined && item.x0 < last.x1 - 0.5 * size && item.x0 > last.x0 + 0.5 * size;
    if (current.length && (item.x0 - right > gapFactor * size || overprinted)) {
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
