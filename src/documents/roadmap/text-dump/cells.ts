import { cleanSpaces, joinWrappedLines } from '../../../text/normalize.js';
import type { RowCells } from '../blocks.js';
import { ACTION, COLUMN_ORDER, type Column, FINANCEMENT, fundingSourceCount, INDICATEUR, moneyMatches, startsWithIndicatorHead } from './features.js';
import { CURRENCY_START, FUNCTION_WORDS, FUNDING_SOURCES, FUNDING_WORDS, ITEM_MARKER } from './lexicon.js';

/** One source line of a cell. */
export interface CellLine {
  text: string;
  blankBefore: boolean;
}


/** PDF fonts' private-use bullets become "•"; "=>" arrows stay as printed. */
export function normalizeItemMarker(text: string): string {
  return text.replace(/^[\uf0b7\uf0a7\uf0d8\uf0fc\u2022]\s*/u, '• ');
}

function bindsForward(text: string, openParens: number): boolean {
  const t = text.trim();
  if (openParens > 0 || /[,:/+(–—-]$/.test(t) || /['’‘]$/.test(t)) return true;
  const last = (t.match(/[\p{L}]+$/u)?.[0] ?? '').toLowerCase();
  return FUNCTION_WORDS.has(last);
}

function opensFunding(text: string): boolean {
  const first = (text.match(/^[\p{L}\d]+/u)?.[0] ?? '');
  return moneyMatches(text).some((m) => (m.index ?? 99) <= 2) || FUNDING_SOURCES.has(first) || FUNDING_WORDS.test(first);
}

/**
 * Whether this line starts a new line of the cell in the gold form ("\n"): list items always; in an action
 * cell a sentence that starts on a new line; in a funding cell each funding line (an amount, an instrument);
 * in an indicator cell each indicator. Elsewhere wrapped lines are joined.
 * `openParens` counts the parentheses the item has opened and not closed: inside them the text goes on.
 */
export function startsNewItem(column: Column, prev: string, cur: string, openParens = 0): boolean {
  const c = cur.trim();
  const p = prev.trim();
  if (ITEM_MARKER.test(c)) return true;
  if (/^[(),;:]/.test(c) || CURRENCY_START.test(c) || (/^\p{Ll}/u.test(c) && !startsWithIndicatorHead(c))) return false;
  const sentenceEnded = /[.!?]$/.test(p) && /^[\p{Lu}\d]/u.test(c);
  if (column === ACTION) return sentenceEnded && openParens === 0;
  if (column === FINANCEMENT) {
    if (bindsForward(p, openParens)) return false;
    return sentenceEnded || opensFunding(c) || ((moneyMatches(p).length > 0 || fundingSourceCount(p) > 0) && /^[\p{Lu}\d]/u.test(c));
  }
  if (column === INDICATEUR) {
    if (startsWithIndicatorHead(c)) return openParens === 0 && !(FUNCTION_WORDS.has((p.match(/[\p{L}]+$/u)?.[0] ?? '').toLowerCase()));
    return !bindsForward(p, openParens) && !/[,;]$/.test(p) && /^[\p{Lu}\d%]/u.test(c);
  }
  return false;
}

/** The text of a cell from its lines: wrapped lines joined with one space, items on their own line. */
export function joinCell(column: Column, lines: readonly CellLine[]): string {
  const items: string[][] = [];
  let prev: string | undefined;
  let openParens = 0;
  for (const raw of lines) {
    const text = normalizeItemMarker(cleanSpaces(raw.text));
    if (!text) continue;
    const current = items[items.length - 1];
    if (!current || prev === undefined || startsNewItem(column, prev, text, openParens)) {
      items.push([text]);
      openParens = 0;
    } else {
      // "Seine-" / "Maritime": a real hyphen at the end of a line joins the next word without a space.
      const last = current[current.length - 1]!;
      if (/\p{L}-$/u.test(last) && /^\p{Lu}/u.test(text)) current[current.length - 1] = last + text;
      else current.push(text);
    }
    openParens = Math.max(0, openParens + (text.match(/\(/g) ?? []).length - (text.match(/\)/g) ?? []).length);
    prev = text;
  }
  return items.map((item) => joinWrappedLines(item)).join('\n');
}

export function emptyCells(): RowCells {
  return { action: '', financement: '', indicateur: '', commentaire: '' };
}

export function columnName(column: Column): keyof RowCells {
  return COLUMN_ORDER[column];
}
