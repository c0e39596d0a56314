/**
 * Groups cleaned lines into reading units: headings printed in capitals, list items (with their wrapped lines and
 * sub-items), prose paragraphs and the "Imaginons des solutions pour…" taglines of restitution brochures.
 * Works on a dump with blank lines between paragraphs and on PDF reading-order text without them.
 */
import { cleanSpaces, isAllCaps, joinWrappedLines } from '../../text/normalize.js';
import type { SourceLine } from './source-lines.js';

export type Unit =
  | { type: 'heading'; text: string; lines: SourceLine[] }
  | { type: 'item'; marker: string; text: string; subItems: string[]; lines: SourceLine[] }
  | { type: 'prose'; text: string; paragraphs: string[]; paragraphLines: SourceLine[][]; lines: SourceLine[] }
  | { type: 'tagline'; text: string; lines: SourceLine[] };

/** Bullet, dash, arrow or number opening a list item. */
export const ITEM_MARKER = /^(?:([•▪◦●■⇒➢►*\u2022\uf0b7\uf0a7\uf0d8])|([-–—])|(\d{1,2}[.)]))\s+(?=\S)/;
const TAGLINE_START = /^imaginons\b/i;

export function itemMarker(text: string): string | undefined {
  const m = ITEM_MARKER.exec(text);
  if (!m) return undefined;
  return m[1] ?? m[2] ?? (m[3] ? '1.' : undefined);
}

/** A line printed in capitals that reads as a heading (not a lone acronym ending a wrapped item, like "CPTS)"). */
export function isHeadingLine(text: string): boolean {
  if (!isAllCaps(text) || text.length > 160) return false;
  const words = text.split(' ').filter((w) => /\p{L}{2,}/u.test(w));
  if (words.length >= 2) return true;
  return words.length === 1 && /^[\p{L}'’ -]{5,}[?!:]?$/u.test(text.replace(/\s+/g, ' '));
}

function endsSentence(s: string): boolean {
  return /[.;!?]["»”)]?$/.test(s) && !/(?:\.\.\.|…)$/.test(s);
}

/** Words that open a sentence and are never a proper noun: a capitalised one starts a new paragraph. */
export const SENTENCE_OPENERS = new Set(
  (
    'le la les l un une des du de d ce cet cette ces chaque tout tous toute toutes il elle ils elles on nous vous je ' +
    'notre nos votre vos leur leurs son sa ses a à au aux en dans pour par sur avec sans selon entre depuis après avant ' +
    'afin ainsi enfin lors si mais et ou donc car cependant toutefois plus suite'
  ).split(' '),
);

/** The line starts with a capitalised sentence opener ("Chaque atelier…", "L’ensemble…"). */
export function opensSentence(text: string): boolean {
  const first = /^\p{Lu}[\p{L}]*/u.exec(text)?.[0];
  return first !== undefined && SENTENCE_OPENERS.has(first.toLowerCase());
}

/** Starts like the middle of a sentence: lower case, a digit, an opening bracket or quote, a slash. */
function startsLowercase(s: string): boolean {
  return /^[\p{Ll}\d(«"“/]/u.test(s);
}

export function readUnits(lines: readonly SourceLine[]): Unit[] {
  const units: Unit[] = [];
  let gap = true; // a blank line (or the start) since the last text line
  let current: Unit | undefined;
  let listMarker: string | undefined; // marker of the current list's top-level items
  let itemParts: string[] = [];
  let subParts: string[][] = [];
  let proseParts: string[][] = [];
  let proseLines: SourceLine[][] = [];

  const flush = () => {
    if (!current) return;
    if (current.type === 'item') {
      current.text = joinWrappedLines(itemParts);
      current.subItems = subParts.map((s) => joinWrappedLines(s));
    } else if (current.type === 'prose') {
      const kept = proseParts.map((p, k) => ({ text: joinWrappedLines(p), lines: proseLines[k] ?? [] })).filter((p) => p.text);
      current.paragraphs = kept.map((p) => p.text);
      current.paragraphLines = kept.map((p) => p.lines);
      current.text = current.paragraphs.join('\n');
    } else if (current.type === 'tagline' || current.type === 'heading') {
      current.text = joinWrappedLines(current.lines.map((l) => l.text));
    }
    units.push(current);
    current = undefined;
  };

  // Lengths of the last few text lines: a line much shorter than its neighbours ends its paragraph or item.
  const recentLengths: number[] = [0];
  for (const line of lines) {
    const text = line.text;
    if (!text) {
      gap = true;
      continue;
    }
    const lastLine = current?.lines[current.lines.length - 1]?.text ?? '';
    if (lastLine) recentLengths.push(lastLine.length);
    if (recentLengths.length > 8) recentLengths.shift();
    const lastIsShort = lastLine.length < 0.65 * Math.max(...recentLengths);
    const marker = itemMarker(text);

    if (marker) {
      const body = text.slice(ITEM_MARKER.exec(text)![0].length);
      const isSub =
        current?.type === 'item' && listMarker !== undefined && marker !== listMarker && /[-–—]/.test(marker) && !/[-–—]/.test(listMarker);
      if (isSub && current?.type === 'item') {
        subParts.push([`${marker} ${body}`]);
        current.lines.push(line);
      } else {
        const continuesList = current?.type === 'item';
        flush();
        if (!continuesList || listMarker === undefined) listMarker = marker;
        current = { type: 'item', marker, text: '', subItems: [], lines: [line] };
        itemParts = [body];
        subParts = [];
      }
      gap = false;
      continue;
    }

    if (TAGLINE_START.test(text)) {
      flush();
      current = { type: 'tagline', text: '', lines: [line] };
      gap = false;
      continue;
    }

    // A run of acronyms wrapped from an item ("… coordonné –" + "CPTS, PSLA, MSP") is not a heading.
    const wrappedAcronyms =
      current?.type === 'item' &&
      !gap &&
      !endsSentence(lastLine) &&
      !lastIsShort &&
      !/\p{L}{6,}/u.test(text);
    if (isHeadingLine(text) && !wrappedAcronyms) {
      if (current?.type === 'heading' && !gap) current.lines.push(line);
      else {
        flush();
        current = { type: 'heading', text: '', lines: [line] };
      }
      gap = false;
      continue;
    }

    // Running text: continuation of the current unit, or a new paragraph.
    if (current?.type === 'item') {
      // After a blank line only a lower-case start continues the item. Without one (PDF text has no blank lines),
      // a capitalised line continues it after a full line ("… (ex" + "CPTS)", "… de tous les" + "Français"), but
      // not after a short last line, a sentence end, or when it opens a sentence ("Chaque atelier…").
      const continues = gap
        ? startsLowercase(text)
        : startsLowercase(text) || !(endsSentence(lastLine) || lastIsShort || opensSentence(text));
      if (continues) {
        const target = subParts.length ? subParts[subParts.length - 1]! : itemParts;
        target.push(text);
        current.lines.push(line);
        gap = false;
        continue;
      }
    } else if (current?.type === 'tagline') {
      if (!gap && !endsSentence(lastLine)) {
        current.lines.push(line);
        continue;
      }
    } else if (current?.type === 'prose') {
      if (!gap || startsLowercase(text)) {
        proseParts[proseParts.length - 1]!.push(text);
        proseLines[proseLines.length - 1]!.push(line);
        current.lines.push(line);
        gap = false;
        continue;
      }
      // A new paragraph of the same prose block.
      proseParts.push([text]);
      proseLines.push([line]);
      current.lines.push(line);
      gap = false;
      continue;
    }
    flush();
    current = { type: 'prose', text: '', paragraphs: [], paragraphLines: [], lines: [line] };
    proseParts = [[text]];
    proseLines = [[line]];
    gap = false;
  }
  flush();
  return units;
}

/** The text of an item with its sub-items on following lines ("Financement de la PPS\n- Revalorisation …"). */
export function itemText(unit: Extract<Unit, { type: 'item' }>): string {
  return [cleanSpaces(unit.text), ...unit.subItems.map(cleanSpaces)].filter(Boolean).join('\n');
}
