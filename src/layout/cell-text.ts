import { joinWrappedLines, LINE_END_FULL } from '../text/normalize.js';
import { maxOf, median, minOf, mode } from './geometry.js';
import type { Line } from './lines.js';

/** The typical distance between the tops of consecutive wrapped lines of a cell. */
export function linePitch(cells: readonly Line[][], fallbackSize: number): number {
  return linePitchStats(cells, fallbackSize).pitch;
}

/**
 * The line pitch and its jitter: how far wrapped lines stray from it (a producer rounding baselines gives
 * 9.0, 9.7, 9.0…). A paragraph gap must stand out of that noise.
 */
export function linePitchStats(cells: readonly Line[][], fallbackSize: number): { pitch: number; jitter: number } {
  const ratio = linePitchRatio(cells);
  const size = median(cells.flat().map((l) => l.fontSize)) || fallbackSize;
  return ratio ? { pitch: ratio.pitch * size, jitter: ratio.jitter * size } : { pitch: 1.2 * fallbackSize, jitter: 0 };
}

/**
 * Line pitch as a share of the font size, and its jitter likewise: cells set in different sizes (a producer
 * shrinking the text of a narrow column) share the ratio, not the distance.
 */
export function linePitchRatio(cells: readonly Line[][]): { pitch: number; jitter: number } | undefined {
  const ratios = pitchRatios(cells);
  const pitch = mode(ratios, 0.025);
  if (pitch === undefined) return undefined;
  const near = ratios.filter((d) => Math.abs(d - pitch) <= 0.1 * pitch).map((d) => Math.abs(d - pitch));
  return { pitch, jitter: near.length ? near.reduce((x, y) => x + y, 0) / near.length : 0 };
}

/** Distances between the tops of consecutive lines of each cell, as shares of the lower line's type size (under 2.2). */
function pitchRatios(cells: readonly Line[][]): number[] {
  const ratios: number[] = [];
  for (const lines of cells)
    for (let i = 1; i < lines.length; i++) {
      const d = (lines[i]!.y0 - lines[i - 1]!.y0) / (lines[i]!.fontSize || 1);
      if (d > 0 && d < 2.2) ratios.push(d);
    }
  return ratios;
}

/**
 * Line pitch ratio of text whose positions were measured on an image (OCR), not set by a producer: a line's box
 * runs from its tallest to its lowest glyph, so its top moves with the letters it holds and no two pitches
 * agree exactly; the most frequent value is then noise. The median of the ratios is the pitch, and the jitter
 * the mean distance to it of the ratios within 15 % of it (the wrapped lines).
 */
export function measuredPitchRatio(cells: readonly Line[][]): { pitch: number; jitter: number } | undefined {
  const ratios = pitchRatios(cells);
  if (!ratios.length) return undefined;
  const sorted = [...ratios].sort((a, b) => a - b);
  const pitch = sorted[(sorted.length - 1) >> 1]!;
  const near = ratios.filter((d) => Math.abs(d - pitch) <= 0.15 * pitch).map((d) => Math.abs(d - pitch));
  return { pitch, jitter: near.reduce((x, y) => x + y, 0) / near.length };
}

/** A list marker opening a line: bullets, dashes, arrows, or a short item number ("1.", "2)"; not "2024)"). */
const ITEM_MARKER = /^\s*(?:[-•▪◦●■–—⇒➢►\u2022\uf0b7\uf0a7\uf0d8]|=>|\d{1,2}[.)])\s+/;
/** Markers that are also punctuation of running text. */
const DASH = /^[-–—]$/;
const markerOf = (text: string) => ITEM_MARKER.exec(text)?.[0].trim() ?? '';

/**
 * Could the first word of `line` (with its marker, if any) have fitted at the end of `previous`? Then the break
 * was meant. The word's width is estimated from the line's own average glyph width, with `slack` (a share
 * of it) as a margin against wide letters.
 */
function wouldHaveFit(previous: Line, line: Line, right: number, slack = 0): boolean {
  const head = (ITEM_MARKER.test(line.text) ? /^\S+(?:\s+\S+)?/ : /^\S+/).exec(line.text)?.[0] ?? line.text;
  const estimated = ((line.x1 - line.x0) * glyphWidths(head)) / Math.max(1, glyphWidths(line.text));
  return previous.x1 + 0.25 * line.fontSize + (1 + slack) * estimated < right - 0.5;
}

/** Rough relative advance widths of a proportional font: capitals and m/w are wide, i/l/t/f/r and spaces narrow. */
function glyphWidths(text: string): number {
  let w = 0;
  for (const ch of text) {
    if (/[mwMW@%]/.test(ch)) w += 1.5;
    else if (/[\p{Lu}\d]/u.test(ch)) w += 1.3;
    else if (/[ iljtfr.,;:'’!|()\-]/.test(ch)) w += 0.5;
    else w += 1;
  }
  return w;
}

/**
 * Could a space and a dash have followed `previous` on its line? Each taken as wide as the line's mean glyph
 * (exact in a fixed-width font, more than they take in a proportional one: a dash fitting only just is not said to fit).
 */
function dashWouldHaveFit(previous: Line, right: number): boolean {
  const glyph = (previous.x1 - previous.x0) / Math.max(1, [...previous.text].length);
  return previous.x1 + 2 * glyph <= right + 0.1 * glyph;
}

/**
 * A line without marker after a line that stopped short of the cell's right edge, with room for this line's
 * first word: a new paragraph even when the producer adds no space between paragraphs. Not after a hyphen
 * (a hyphenated word was cut there) nor when the cell has a single width to judge from.
 */
function startsParagraph(previous: Line, line: Line, right: number, justified: boolean): boolean {
  if (/[-\u2010\u2011\u00ad]$/.test(previous.text)) return false;
  if (line.x0 > previous.x0 + 0.5 * line.fontSize) return false; // indented under it: a wrapped list item
  // Justified text fills every line but a paragraph's last: a line stopping short ends a paragraph.
  if (justified) return previous.x1 < right - 1.5 * previous.fontSize;
  // A new paragraph opens with a capital, a digit or a sign; mid-sentence words need a clearer margin.
  return wouldHaveFit(previous, line, right, /^\p{Ll}/u.test(line.text) ? 0.8 : 0.25);
}

/**
 * A word longer than the column is broken where the line is full, without a hyphen ("Identificatio" / "n"):
 * the line above is that one word alone, ending short of the column's right text edge by less than one of its
 * own glyph widths (one and a half before a piece of three letters at most), and the line below goes on in lower case. A long word followed by the next one
 * looks the same: the mark left between them is settled from the document's words (src/text/hyphens.ts).
 */
export function brokenForRoom(previous: Line, text: string, right: number): boolean {
  const word = previous.text.trim();
  if (/\s/.test(word) || !/\p{L}$/u.test(word) || !/^\p{Ll}/u.test(text)) return false;
  // The letter that did not fit may be wider than the word's mean ("m" after "Renforceme"): before a short
  // piece (up to three letters, which the document's short words settle), room for less than one and a half
  // mean glyphs is no room for a letter. Before a longer word the room says nothing more than the words do.
  const glyph = (previous.x1 - previous.x0) / Math.max(1, [...word].length);
  const next = /^\p{L}*/u.exec(text)![0];
  return previous.x1 > right - ([...next].length <= 3 ? 1.5 : 1) * glyph;
}

/** What the whole column tells about its cells: where its text stops on the right, and whether it is justified. */
export interface ColumnMeasure {
  right: number;
  justified: boolean;
}

/**
 * Measures a column from all its cells' lines: its right text edge, and whether it is set justified (at least
 * three lines that are not a cell's last end on that edge, and they are most of those lines).
 */
export function measureColumn(
  cellsIn: readonly (readonly Line[])[],
  edges?: { x0: number; x1: number },
  trustEdges = true,
): ColumnMeasure | undefined {
  // A line running past the column (a merged row's title) says nothing of the column's width.
  const cells = edges ? cellsIn.map((lines) => lines.filter((l) => l.x1 <= edges.x1 + 1)) : cellsIn;
  const all = cells.flat();
  if (!all.length) return undefined;
  // Text may stop short of the column in every cell of a small table: the column's own edges, less the cell
  // padding seen on the left, say where a line could have gone (rules and shading only: a gutter's edge
  // lies mid-gap).
  const padding = edges ? Math.max(0, minOf(all, (l) => l.x0) - edges.x0) : 0;
  const right = Math.max(maxOf(all, (l) => l.x1), edges && trustEdges ? edges.x1 - padding : -Infinity);
  // The justified edge is where most inner lines end (a long word or a wider cell may stick out past it).
  const ends: number[] = [];
  for (const lines of cells) for (let i = 0; i + 1 < lines.length; i++) ends.push(lines[i]!.x1);
  const edge = mode(ends, 0.5);
  if (edge === undefined) return { right, justified: false };
  const atEdge = ends.filter((x) => Math.abs(x - edge) <= 0.6).length;
  const justified = atEdge >= 3 && atEdge >= 0.6 * ends.length;
  return { right: justified ? edge + 0.6 : right, justified };
}

/**
 * Does a line opening with a list marker start a new list item, or is it running text that wrapped just before
 * a dash? A wrapped part is indented under the line above (hanging indent); a new item is outdented after a
 * hanging indent, or, aligned with the line above, follows another item, a colon or full stop, a line that had
 * room left for it, or is itself followed by an indented continuation.
 */
function startsItem(previous: Line, line: Line, next: Line | undefined, previousIsItem: boolean, right: number, openItem?: { marker: string; x0: number }, justified = false): boolean {
  // Indented under running text: a list whose markers the producer places (Word, CSS, LaTeX lists).
  if (line.x0 > previous.x0 + 1) return !previousIsItem || line.x0 < previous.x0 + 0.5 * line.fontSize;
  // Justified text fills every line but a paragraph's last: an item follows a line stopping short.
  if (justified && previous.x1 < right - 1.5 * previous.fontSize) return true;
  const outdent = justified ? opticalMargin(line) : 1;
  if (previous.x0 > line.x0 + outdent) return true;
  // A bullet or an arrow is never running text wrapped to the line start (a dash may be).
  const marker = markerOf(line.text);
  if (!DASH.test(marker)) return true;
  return (
    previousIsItem ||
    // The same marker at the same place as the item the text is in: the next item of that list.
    (openItem !== undefined && openItem.marker === marker && Math.abs(openItem.x0 - line.x0) <= 1) ||
    /[:;.!?]$/.test(previous.text) ||
    wouldHaveFit(previous, line, right) ||
    // Text ragged line by line breaks at the last word space that fits: a running dash goes to the line start
    // only when it had no room left on the line above. (A dash hanging into the margin is set by a typesetter
    // that breaks whole paragraphs at once and may leave such room.)
    (!justified && line.x0 >= previous.x0 - 0.05 * line.fontSize && dashWouldHaveFit(previous, right)) ||
    (next !== undefined && next.x0 > line.x0 + outdent && next.y0 > line.y0)
  );
}

/**
 * How far left of justified text a line must start to hang out of it: more than optical margin alignment
 * moves a dash or a bracket into the margin (LaTeX's microtype: a tenth of an em or so), as much as a hanging
 * list marker and its space take at least. Ragged text keeps a point: there a protruding dash after a line
 * that had no room for its first word is the only sign of an item.
 */
const opticalMargin = (line: Line) => Math.max(1, 0.3 * line.fontSize);

/**
 * The top of a line's running text: that of the items carrying most of its characters. A sign drawn from
 * another font with a taller ascent ("€" from a symbol font) raises the line's box, not its text.
 */
function bodyTop(line: Line): number {
  const chars = new Map<number, number>();
  for (const item of line.items) chars.set(item.y0, (chars.get(item.y0) ?? 0) + item.text.length);
  let top = line.y0;
  let most = 0;
  for (const [y0, n] of chars) if (n > most) [top, most] = [y0, n];
  return top;
}

/** Symbol and Wingdings fonts map their bullets to private-use code points: the character they draw instead. */
const SYMBOL_BULLETS: Record<string, string> = { '\uf0b7': '•', '\uf0a7': '▪', '\uf0d8': '➢' };
const symbolBullet = (text: string) => text.replace(/^(\s*)([\uf0b7\uf0a7\uf0d8])/, (_, space: string, glyph: string) => space + SYMBOL_BULLETS[glyph]!);

/**
 * The text of a cell from its lines (top to bottom): a wider vertical gap than the line pitch starts a new
 * paragraph (own line in the output); a line opening with a list marker starts a new item when its position says
 * so (see startsItem) and is joined as running text otherwise (a wrapped "- " is not a list).
 */
export function cellText(lines: readonly Line[], pitch: number, column?: ColumnMeasure, jitter = 0): string {
  const out: string[] = [];
  const right = Math.max(maxOf(lines, (l) => l.x1), column?.right ?? -Infinity);
  let previousIsItem = false;
  let openItem: { marker: string; x0: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = symbolBullet(line.text);
    if (!text) continue;
    const marker = ITEM_MARKER.test(text);
    const previous = lines[i - 1];
    if (!previous) {
      out.push(text);
      previousIsItem = marker;
      openItem = marker ? { marker: markerOf(text), x0: line.x0 } : undefined;
      continue;
    }
    // A word cut at the line end ("dépar-" / "tement") goes on whatever the gap: hyphenation never ends a paragraph.
    const cutWord = /\p{L}[-\u2010\u2011\u00ad]$/u.test(previous.text) && /^\p{Ll}/u.test(text);
    // A line opening with a marker needs less: a dash that only wrapped to the line start keeps the pitch exactly,
    // while list paragraphs get some spacing before them (Word's list styles).
    const margin = marker ? Math.max(0.05 * line.fontSize, 3 * jitter) : Math.max(1, 0.12 * line.fontSize, 3 * jitter);
    const paragraphGap = !cutWord && bodyTop(line) - bodyTop(previous) > pitch + margin;
    if (!marker && !paragraphGap && brokenForRoom(previous, text, right)) {
      out[out.length - 1] += LINE_END_FULL + text;
      previousIsItem = false;
      continue;
    }
    if (
      paragraphGap ||
      (marker && startsItem(previous, line, lines[i + 1], previousIsItem, right, openItem, column?.justified ?? false)) ||
      (!marker && startsParagraph(previous, line, right, column?.justified ?? false))
    ) {
      out.push(text);
      previousIsItem = marker;
      openItem = marker ? { marker: markerOf(text), x0: line.x0 } : undefined;
    } else {
      // Running text: the hyphen rules of joinWrappedLines, but never a line break.
      const last = out[out.length - 1]!;
      out[out.length - 1] = marker ? `${last} ${text}` : joinWrappedLines([last, text]).replace(/\n/g, ' ');
      previousIsItem = false;
    }
  }
  return out.join('\n');
}

