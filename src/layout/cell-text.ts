import { joinWrappedLines } from '../text/normalize.js';
import { maxOf, mode } from './geometry.js';
import type { Line } from './lines.js';

/** The typical distance between the tops of consecutive wrapped lines of a cell. */
export function linePitch(cells: readonly Line[][], fallbackSize: number): number {
  const deltas: number[] = [];
  for (const lines of cells)
    for (let i = 1; i < lines.length; i++) {
      const d = lines[i]!.y0 - lines[i - 1]!.y0;
      if (d > 0 && d < 2.2 * lines[i]!.fontSize) deltas.push(d);
    }
  return mode(deltas, 0.25) ?? 1.2 * fallbackSize;
}

/** A list marker opening a line: bullets, dashes, arrows, or a short item number ("1.", "2)"; not "2024)"). */
const ITEM_MARKER = /^\s*(?:[-•▪◦●■–—⇒➢►\u2022\uf0b7\uf0a7\uf0d8]|\d{1,2}[.)])\s+/;

/** Could the first word of `line` (with its marker) have fitted at the end of `previous`? Then the break was meant. */
function wouldHaveFit(previous: Line, line: Line, right: number): boolean {
  const head = /^\S+(?:\s+\S+)?/.exec(line.text)?.[0] ?? line.text;
  const estimated = ((line.x1 - line.x0) * head.length) / Math.max(1, line.text.length);
  return previous.x1 + 0.25 * line.fontSize + estimated < right - 0.5;
}

/**
 * Does a line opening with a list marker start a new list item, or is it running text that wrapped just before
 * a dash? A wrapped part is indented under the line above (hanging indent); a new item is outdented after a
 * hanging indent, or, aligned with the line above, follows another item, a colon or full stop, a line that had
 * room left for it, or is itself followed by an indented continuation.
 */
function startsItem(previous: Line, line: Line, next: Line | undefined, previousIsItem: boolean, right: number): boolean {
  if (line.x0 > previous.x0 + 1) return false;
  if (previous.x0 > line.x0 + 1) return true;
  return (
    previousIsItem ||
    /[:;.!?]$/.test(previous.text) ||
    wouldHaveFit(previous, line, right) ||
    (next !== undefined && next.x0 > line.x0 + 1 && next.y0 > line.y0)
  );
}

/**
 * The text of a cell from its lines (top to bottom): a wider vertical gap than the line pitch starts a new
 * paragraph (own line in the output); a line opening with a list marker starts a new item when its position says
 * so (see startsItem) and is joined as running text otherwise (a wrapped "- " is not a list).
 */
export function cellText(lines: readonly Line[], pitch: number): string {
  const out: string[] = [];
  const right = maxOf(lines, (l) => l.x1);
  let previousIsItem = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text;
    if (!text) continue;
    const marker = ITEM_MARKER.test(text);
    const previous = lines[i - 1];
    if (!previous) {
      out.push(text);
      previousIsItem = marker;
      continue;
    }
    const paragraphGap = line.y0 - previous.y0 > pitch + Math.max(1, 0.12 * line.fontSize);
    if (paragraphGap || (marker && startsItem(previous, line, lines[i + 1], previousIsItem, right))) {
      out.push(text);
      previousIsItem = marker;
    } else {
      // Running text: the hyphen rules of joinWrappedLines, but never a line break.
      const last = out[out.length - 1]!;
      out[out.length - 1] = marker ? `${last} ${text}` : joinWrappedLines([last, text]).replace(/\n/g, ' ');
      previousIsItem = false;
    }
  }
  return out.join('\n');
}

