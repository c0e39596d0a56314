/**
 * Blocks of a document from its lines in reading order: headings by their style relative to the document's body
 * text (a hierarchy per document, largest style first), list items by their markers and hanging indents, key
 * figures (a big value with its caption), small capitals labels over headings, and paragraphs.
 */
import { isAllCaps, joinWrappedLines } from '../../text/normalize.js';
import { GROUPED_NUMBER } from '../../text/numbers.js';
import { markerOf, withoutMarker } from './page.js';

/** The line opens with a marker its text shows (a bare item number does not). */
const MARKER_AT_START = { test: (text: string) => markerOf(text) !== undefined };
import type { HeadingStyle, StructureBlock, StructureLine, TextStyles } from './types.js';

const half = (n: number) => Math.round(n * 2) / 2;

/** A line of words in capitals ("PROPOSITIONS CONVERGENTES", "ÉDITO"): a heading or label whatever its size. */
function isCapitalsLine(text: string): boolean {
  // A line ending on a separator or an opening bracket is a fragment of wrapped text ("MAS / CPTS / ETP /").
  if (!isAllCaps(text) || text.length > 160 || /[/,;(–-]$/.test(text.trim())) return false;
  const words = text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w));
  return words.length >= 2 || (words.length === 1 && /^[\p{L}'’ -]{5,}[?!:]?$/u.test(text.trim()));
}

/** What a line's style is judged on (a structure line, or a reading line with its marker). */
export type StyledText = Pick<StructureLine, 'text' | 'fontSize' | 'bold'> & Partial<Pick<StructureLine, 'figure' | 'marker'>>;

/** Heading style ratio: a line this much larger than the body text is set as a heading (bold: a little larger). */
const HEADING_RATIO = 1.12;
const BOLD_HEADING_RATIO = 1.04;

/**
 * The document's body size (the size most characters are set in) and its heading styles: sizes clearly larger
 * than the body, ranked from the largest (level 1) down; at one size, bold ranks above regular.
 */
export function textStyles(lines: readonly StyledText[]): TextStyles {
  const weights = new Map<number, number>();
  for (const l of lines) {
    if (l.figure) continue;
    const s = half(l.fontSize);
    weights.set(s, (weights.get(s) ?? 0) + l.text.length);
  }
  let bodySize = 10;
  let best = -1;
  for (const [s, w] of weights) if (w > best) [bodySize, best] = [s, w];
  const keys = new Map<string, Omit<HeadingStyle, 'level'>>();
  for (const l of lines) {
    if (l.figure || l.marker || half(l.fontSize) < (l.bold ? BOLD_HEADING_RATIO : HEADING_RATIO) * bodySize) continue;
    const style = { size: half(l.fontSize), bold: l.bold };
    keys.set(`${style.size}/${style.bold}`, style);
  }
  const headings = [...keys.values()]
    .sort((a, b) => b.size - a.size || Number(b.bold) - Number(a.bold))
    .map((s, i) => ({ ...s, level: i + 1 }));
  return { bodySize, headings };
}

/** The heading level of a line by its style: one of the document's heading styles, or words in capitals. */
export function headingLevel(line: StyledText, styles: TextStyles): number | undefined {
  return sizedHeadingLevel(line, styles) ?? capitalsHeadingLevel(line, styles);
}

function sizedHeadingLevel(line: StyledText, styles: TextStyles): number | undefined {
  if (line.figure || line.marker) return undefined;
  return styles.headings.find((h) => h.size === half(line.fontSize) && h.bold === line.bold)?.level;
}

/** Words in capitals at the body size or above read as a heading below every sized one. */
function capitalsHeadingLevel(line: StyledText, styles: TextStyles): number | undefined {
  if (line.figure || line.marker) return undefined;
  return isCapitalsLine(line.text) && half(line.fontSize) >= styles.bodySize - 0.5 ? styles.headings.length + 1 : undefined;
}

/**
 * A group of lines standing apart as a paragraph of their own: a heading when every line is set in a heading style
 * (or in capitals), or when it is bold, of a few words, and does not end as a sentence or a list's line does (a
 * bold title at the body size, as word processors set them). A bulleted line is no heading; a numbered one may be.
 */
export function isStandaloneHeading(group: readonly StyledText[], styles: TextStyles): boolean {
  const text = group.map((l) => l.text).join(' ');
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  const marker = group[0]?.marker ?? markerOf(text);
  if (words === 0 || words > 40 || (marker !== undefined && !/^\(?\d/.test(marker))) return false;
  const unmarked = group.map((l) => ({ ...l, marker: undefined }));
  if (unmarked.every((l) => headingLevel(l, styles) !== undefined)) return true;
  return group.every((l) => l.bold) && words <= 25 && !/[.;,]$/.test(text);
}

/** A small line in capitals (smaller than the body): a kicker label when a heading follows. */
function isLabelLine(line: StructureLine, styles: TextStyles): boolean {
  return !line.marker && !line.figure && half(line.fontSize) < styles.bodySize - 0.4 && isCapitalsLine(line.text);
}

const endsSentence = (s: string) => /[.;!?:]["»”)]?$/.test(s.trim()) && !/(?:\.\.\.|…)$/.test(s.trim());
const startsLower = (s: string) => /^[\p{Ll}\d(«"“/]/u.test(s);

/** Vertical distance from one line's top to the next's, when the second is below the first in the same unit. */
function pitch(a: StructureLine, b: StructureLine): number {
  return b.y0 - a.y0;
}

/**
 * The document's line pitch per font size, as a share of the size: the most common step from one line to the
 * next one under it, list items' first lines left out (items are often spaced apart): most of the remaining steps
 * are inside paragraphs. A wider step is a paragraph break.
 */
function linePitches(lines: readonly StructureLine[]): Map<number, number> {
  const counts = new Map<number, Map<number, number>>();
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    if (b.marker || a.page !== b.page || half(a.fontSize) !== half(b.fontSize) || b.y0 <= a.y0 || Math.min(a.x1, b.x1) <= Math.max(a.x0, b.x0)) continue;
    const ratio = Math.round(((b.y0 - a.y0) / a.fontSize) * 20) / 20;
    if (ratio > 3) continue;
    const m = counts.get(half(a.fontSize)) ?? new Map<number, number>();
    m.set(ratio, (m.get(ratio) ?? 0) + 1);
    counts.set(half(a.fontSize), m);
  }
  const out = new Map<number, number>();
  for (const [size, m] of counts) {
    let best = 0;
    let n = 0;
    for (const [r, c] of m) if (c > n || (c === n && r < best)) [best, n] = [r, c];
    if (n >= 3) out.set(size, best);
  }
  return out;
}

/** The next line starts a new column or page: it sits higher than the line before it, or on another page. */
const movedOn = (a: StructureLine, b: StructureLine) => b.page !== a.page || b.y0 < a.y0 - 0.5 * a.fontSize;

/**
 * Right edge of the column each line is set in: the furthest right that lines of its size overlapping it reach,
 * within a few lines up or down (reading units are too small to tell: a line the layout spaced apart is its own).
 */
function columnRights(lines: readonly StructureLine[]): Map<StructureLine, number> {
  const out = new Map<StructureLine, number>();
  const byPage = new Map<number, StructureLine[]>();
  for (const l of lines) byPage.set(l.page, [...(byPage.get(l.page) ?? []), l]);
  for (const pageLines of byPage.values())
    for (const l of pageLines) {
      let right = l.x1;
      for (const o of pageLines)
        if (Math.abs(o.fontSize - l.fontSize) <= 0.2 * l.fontSize && Math.abs(o.y0 - l.y0) <= 8 * l.fontSize && Math.min(o.x1, l.x1) > Math.max(o.x0, l.x0)) right = Math.max(right, o.x1);
      out.set(l, right);
    }
  return out;
}

/**
 * Reads blocks from lines in reading order. `lines` should cover the whole document (styles are the document's).
 */
export function readBlocks(lines: readonly StructureLine[], styles: TextStyles = textStyles(lines)): StructureBlock[] {
  const blocks: StructureBlock[] = [];
  const pitches = linePitches(lines);
  const rights = columnRights(lines);
  // The layout wrapped `l` before `next`: the room left at its end could not take next's first word.
  const wrappedBefore = (l: StructureLine, next: StructureLine) => {
    const charWidth = (next.x1 - next.x0) / Math.max(1, next.text.length);
    const firstWord = next.text.split(' ')[0] ?? '';
    return (rights.get(l) ?? l.x1) - l.x1 < (firstWord.length + 1.5) * charWidth;
  };
  // Items of one list may be spaced apart: an item's sub-item is judged against a looser step.
  const nearBelow = (a: StructureLine, b: StructureLine) =>
    a.page === b.page && b.y0 > a.y0 && Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && b.y0 - a.y1 <= 2 * Math.max(a.fontSize, b.fontSize);
  let prevLine: StructureLine | undefined;
  let listX: number | undefined; // left edge of the current list's top-level markers

  const last = () => blocks[blocks.length - 1];
  // Line pitch inside a unit: a wider step (half a line more) is a paragraph break.
  // Reading units (columns, cells) are not trusted to hold whole paragraphs: the next line is judged by where it sits.
  const closeBelow = (a: StructureLine, b: StructureLine) =>
    a.page === b.page &&
    b.y0 > a.y0 &&
    Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) &&
    pitch(a, b) <= (pitches.get(half(a.fontSize)) ?? 1.5) * a.fontSize + 0.3 * Math.max(a.fontSize, b.fontSize) &&
    b.y0 - a.y1 <= 0.8 * Math.max(a.fontSize, b.fontSize);

  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const prev = prevLine;
    prevLine = line;
    const current = last();
    // Capitals at the body size right under an item's line go on with it ("… coordonné –" + "CPTS, PSLA, MSP").
    const capitalsInItem = current?.type === 'item' && prev !== undefined && closeBelow(prev, line) && !endsSentence(prev.text) && sizedHeadingLevel(line, styles) === undefined;
    const level = capitalsInItem ? undefined : headingLevel(line, styles);

    if (line.figure === 'value') {
      const value = leadingValue(line);
      blocks.push({ type: 'figure', value, caption: line.text.slice(value.length).trim(), lines: [line] });
      continue;
    }
    if (level === undefined && isLabelLine(line, styles)) {
      // Small capitals over a heading, or over larger text that opens something (a kicker), wrapped or not.
      let k = i + 1;
      while (k < lines.length && isLabelLine(lines[k]!, styles) && half(lines[k]!.fontSize) === half(line.fontSize)) k++;
      const next = lines[k];
      if (next && (headingLevel(next, styles) !== undefined || half(next.fontSize) > half(line.fontSize))) {
        const taken = lines.slice(i, k);
        blocks.push({ type: 'label', text: taken.map((l) => l.text).join(' '), lines: taken });
        i = k - 1;
        prevLine = lines[i];
        continue;
      }
    }
    if (level !== undefined) {
      // A heading wrapped over several lines: same style, close below.
      if (current?.type === 'heading' && current.level === level && prev && closeBelow(prev, line)) {
        current.lines.push(line);
        current.text = joinWrappedLines(current.lines.map((l) => l.text)).replace(/\n/g, ' ');
      } else blocks.push({ type: 'heading', level, text: line.text, lines: [line] });
      listX = undefined;
      continue;
    }
    // A dash at the item's text edge after a line the layout wrapped is the text's own dash ("… déficitaires" +
    // "- « zonage »"), not a sub-item: those follow a line their writer ended, or sit further in.
    const dashInText =
      line.marker !== undefined && /^[-–—]$/.test(line.marker) && current?.type === 'item' && prev !== undefined && closeBelow(prev, line) &&
      wrappedBefore(prev, line) && Math.abs(line.x0 - current.lines[0]!.textX0) <= 0.5 * line.fontSize && !endsSentence(prev.text);
    // The next number of a numbered list, set against its text ("10 Créer…" after "9."): an item too.
    const lastItem = current?.type === 'item' ? current : undefined;
    const number = lastItem && /^(\d{1,2})[.)]?$/.exec(lastItem.marker);
    // In another column or page the list goes on from that column's left edge.
    if (!line.marker && lastItem && number && (Math.abs(line.x0 - lastItem.lines[0]!.x0) <= 0.5 * line.fontSize || (prev !== undefined && movedOn(prev, line)))) {
      const next = new RegExp(`^${Number(number[1]) + 1}[.)]?\\s+(?=\\S)`).exec(line.text);
      if (next) line = { ...line, marker: `${Number(number[1]) + 1}.` };
    }
    if (line.marker && !dashInText) {
      const body = MARKER_AT_START.test(line.text) ? withoutMarker(line.text) : line.text.replace(/^\d{1,2}[.)]?\s*/, '');
      let depth = 0;
      if (current?.type === 'item' && listX !== undefined && prev && nearBelow(prev, line)) {
        const top = blocks.filter((b): b is Extract<StructureBlock, { type: 'item' }> => b.type === 'item' && b.depth === 0).pop();
        // Further in than the list's markers, within the same column (a list going on in the next column is not).
        const marked = top?.lines[0];
        const indented = line.x0 > listX + 0.8 * line.fontSize && marked !== undefined && Math.min(marked.x1, line.x1) > Math.max(marked.x0, line.x0);
        const dashUnderBullet = top !== undefined && /^[-–—]$/.test(line.marker) && !/^[-–—]$/.test(top.marker);
        // The next one of a sub-item's markers at the edge of its lines is its sibling, wherever its parent is.
        const siblingOfSubItem =
          current.depth > 0 && current.marker === line.marker && current.lines.some((l) => l.page === line.page && Math.abs(line.x0 - l.x0) <= 0.5 * line.fontSize);
        if (indented || dashUnderBullet || siblingOfSubItem) depth = 1;
      } else if (current?.type === 'item' && prev && movedOn(prev, line) && subItemOfColumn(lines, i)) depth = 1;
      if (depth === 0) listX = line.x0;
      blocks.push({ type: 'item', marker: line.marker, depth, text: body, lines: [line] });
      continue;
    }
    // Continuation of a figure's caption: smaller text right under the value, up to a break.
    if (current?.type === 'figure' && prev && closeBelow(prev, line) && !/^\d/.test(line.text) && line.fontSize < current.lines[0]!.fontSize) {
      current.lines.push(line);
      current.caption = joinWrappedLines([current.caption, line.text].filter(Boolean)).replace(/\n/g, ' ');
      continue;
    }
    if (current?.type === 'item' && prev) {
      const first = current.lines[0]!;
      // Aligned with the item's text, or with its last line when that one went on in another column or page.
      const carried = prev !== first && !closeBelow(first, prev) && Math.min(first.x1, prev.x1) <= Math.max(first.x0, prev.x0);
      const hanging = line.x0 >= (carried ? prev.x0 : first.textX0) - 0.6 * line.fontSize;
      if (dashInText) {
        current.lines.push(line);
        current.text = `${current.text} ${line.text}`;
        continue;
      }
      const sameUnit = closeBelow(prev, line);
      // A column or page break inside an item: the text goes on in lower case.
      const carriedOver = !sameUnit && movedOn(prev, line) && startsLower(line.text) && !endsSentence(prev.text);
      // A sub-item's lines may wrap under its dash: still inside its parent's text, right of the parent's marker.
      const parent = current.depth > 0 ? blocks.filter((b): b is Extract<StructureBlock, { type: 'item' }> => b.type === 'item' && b.depth === 0).pop() : undefined;
      const underSubItem = parent !== undefined && line.x0 >= parent.lines[0]!.textX0 - 0.6 * line.fontSize && line.x0 >= first.x0 - 0.5 * line.fontSize;
      if ((sameUnit && (hanging || underSubItem || !endsSentence(prev.text)) && line.x0 >= (carried ? prev.x0 : first.x0) - 0.5 * line.fontSize) || carriedOver) {
        current.lines.push(line);
        current.text = joinWrappedLines([current.text, line.text]);
        continue;
      }
    }
    if (current?.type === 'paragraph' && prev) {
      const sameUnit = closeBelow(prev, line) && Math.abs(line.fontSize - prev.fontSize) <= 0.6 && line.bold === prev.bold;
      const carriedOver = !sameUnit && movedOn(prev, line) && startsLower(line.text) && !endsSentence(prev.text);
      if (sameUnit || carriedOver) {
        current.lines.push(line);
        current.text = joinWrappedLines([current.text, line.text]).replace(/\n/g, ' ');
        continue;
      }
    }
    listX = current?.type === 'item' ? listX : undefined;
    blocks.push({ type: 'paragraph', text: line.text, lines: [line] });
  }
  return joinParted(blocks);
}

/**
 * An item opening a new column or page further in than the items after it in that column (same page, overlapping
 * it, before anything less indented that is not an item): a sub-item of the item that ended the column before.
 */
function subItemOfColumn(lines: readonly StructureLine[], i: number): boolean {
  const line = lines[i]!;
  for (let j = i + 1; j < lines.length; j++) {
    const o = lines[j]!;
    if (o.page !== line.page || o.y0 < line.y0 || Math.min(o.x1, line.x1) <= Math.max(o.x0, line.x0)) return false;
    if (o.x0 < line.x0 - 0.8 * line.fontSize) return o.marker !== undefined && o.marker !== line.marker;
  }
  return false;
}

/**
 * A heading whose next line the reading order put further on (a column read in pieces) gets it back: a heading
 * of the same level whose first line sits right under its last one, at the same left edge.
 */
function joinParted(blocks: StructureBlock[]): StructureBlock[] {
  const removed = new Set<StructureBlock>();
  for (const h of blocks) {
    if (h.type !== 'heading' || removed.has(h)) continue;
    const last = h.lines[h.lines.length - 1]!;
    const rest = blocks.find(
      (o) =>
        o !== h &&
        !removed.has(o) &&
        o.type === 'heading' &&
        o.level === h.level &&
        o.lines[0]!.page === last.page &&
        Math.abs(o.lines[0]!.x0 - h.lines[0]!.x0) <= 0.5 * last.fontSize &&
        o.lines[0]!.y0 > last.y0 &&
        o.lines[0]!.y0 - last.y0 <= 1.7 * last.fontSize,
    );
    if (!rest || rest.type !== 'heading') continue;
    h.lines.push(...rest.lines);
    h.text = joinWrappedLines(h.lines.map((l) => l.text)).replace(/\n/g, ' ');
    removed.add(rest);
  }
  return blocks.filter((b) => !removed.has(b));
}

/** The value part of a figure line: its leading number with its unit ("1 250", "47 %"). */
function leadingValue(line: StructureLine): string {
  const m = new RegExp(`^[+~≈>]?\\s?(?:${GROUPED_NUMBER})(?:[.,]\\d+)?\\s?(?:%|h\\b|k\\b|M\\b|€)?`).exec(line.text);
  return (m?.[0] ?? line.text).trim();
}
