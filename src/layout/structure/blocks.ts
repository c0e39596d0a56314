/**
 * Blocks of a document from its lines in reading order: headings by their style relative to the document's body
 * text (a hierarchy per document, largest style first), list items by their markers and hanging indents, key
 * figures (a big value with its caption), small capitals labels over headings, and paragraphs.
 */
import { isAllCaps, joinWrappedLines } from '../../text/normalize.js';
import { withoutMarker } from './page.js';
import type { HeadingStyle, StructureBlock, StructureLine, TextStyles } from './types.js';

const half = (n: number) => Math.round(n * 2) / 2;

/** A line of words in capitals ("PROPOSITIONS CONVERGENTES", "ÉDITO"): a heading or label whatever its size. */
function isCapitalsLine(text: string): boolean {
  if (!isAllCaps(text) || text.length > 160) return false;
  const words = text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w));
  return words.length >= 2 || (words.length === 1 && /^[\p{L}'’ -]{5,}[?!:]?$/u.test(text.trim()));
}

/** Heading style ratio: a line this much larger than the body text is set as a heading (bold: a little larger). */
const HEADING_RATIO = 1.12;
const BOLD_HEADING_RATIO = 1.04;

/**
 * The document's body size (the size most characters are set in) and its heading styles: sizes clearly larger
 * than the body, ranked from the largest (level 1) down; at one size, bold ranks above regular.
 */
export function textStyles(lines: readonly StructureLine[]): TextStyles {
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

function headingLevel(line: StructureLine, styles: TextStyles): number | undefined {
  return sizedHeadingLevel(line, styles) ?? capitalsHeadingLevel(line, styles);
}

function sizedHeadingLevel(line: StructureLine, styles: TextStyles): number | undefined {
  if (line.figure || line.marker) return undefined;
  return styles.headings.find((h) => h.size === half(line.fontSize) && h.bold === line.bold)?.level;
}

/** Words in capitals at the body size or above read as a heading below every sized one. */
function capitalsHeadingLevel(line: StructureLine, styles: TextStyles): number | undefined {
  if (line.figure || line.marker) return undefined;
  return isCapitalsLine(line.text) && half(line.fontSize) >= styles.bodySize - 0.5 ? styles.headings.length + 1 : undefined;
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
 * Reads blocks from lines in reading order. `lines` should cover the whole document (styles are the document's).
 */
export function readBlocks(lines: readonly StructureLine[], styles: TextStyles = textStyles(lines)): StructureBlock[] {
  const blocks: StructureBlock[] = [];
  let prevLine: StructureLine | undefined;
  let listX: number | undefined; // left edge of the current list's top-level markers

  const last = () => blocks[blocks.length - 1];
  // Line pitch inside a unit: a wider step (half a line more) is a paragraph break.
  // Reading units (columns, cells) are not trusted to hold whole paragraphs: the next line is judged by where it sits.
  const closeBelow = (a: StructureLine, b: StructureLine) =>
    a.page === b.page &&
    b.y0 > a.y0 &&
    Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) &&
    pitch(a, b) <= 1.75 * Math.max(a.fontSize, b.fontSize) &&
    b.y0 - a.y1 <= 0.8 * Math.max(a.fontSize, b.fontSize);

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
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
      const next = lines[i + 1];
      if (next && headingLevel(next, styles) !== undefined) {
        blocks.push({ type: 'label', text: line.text, lines: [line] });
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
    if (line.marker) {
      const body = withoutMarker(line.text);
      let depth = 0;
      if (current?.type === 'item' && listX !== undefined && prev && closeBelow(prev, line)) {
        const top = blocks.filter((b): b is Extract<StructureBlock, { type: 'item' }> => b.type === 'item' && b.depth === 0).pop();
        const indented = line.x0 > listX + 0.8 * line.fontSize;
        const dashUnderBullet = top !== undefined && /^[-–—]$/.test(line.marker) && !/^[-–—]$/.test(top.marker);
        if (indented || dashUnderBullet) depth = 1;
      }
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
      const hanging = line.x0 >= first.textX0 - 0.6 * line.fontSize;
      const sameUnit = closeBelow(prev, line);
      // A column or page break inside an item: the text goes on in lower case.
      const carriedOver = !sameUnit && (line.leaf !== prev.leaf || line.page !== prev.page) && startsLower(line.text) && !endsSentence(prev.text);
      if ((sameUnit && (hanging || !endsSentence(prev.text)) && line.x0 >= first.x0 - 0.5 * line.fontSize) || carriedOver) {
        current.lines.push(line);
        current.text = joinWrappedLines([current.text, line.text]);
        continue;
      }
    }
    if (current?.type === 'paragraph' && prev) {
      const sameUnit = closeBelow(prev, line) && Math.abs(line.fontSize - prev.fontSize) <= 0.6 && line.bold === prev.bold;
      const carriedOver = !sameUnit && (line.leaf !== prev.leaf || line.page !== prev.page) && startsLower(line.text) && !endsSentence(prev.text);
      if (sameUnit || carriedOver) {
        current.lines.push(line);
        current.text = joinWrappedLines([current.text, line.text]).replace(/\n/g, ' ');
        continue;
      }
    }
    listX = current?.type === 'item' ? listX : undefined;
    blocks.push({ type: 'paragraph', text: line.text, lines: [line] });
  }
  return blocks;
}

/** The value part of a figure line: its leading number with its unit ("1 250", "47 %"). */
function leadingValue(line: StructureLine): string {
  const m = /^[+~≈>]?\s?\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})*(?:[.,]\d+)?\s?(?:%|h\b|k\b|M\b|€)?/.exec(line.text);
  return (m?.[0] ?? line.text).trim();
}
