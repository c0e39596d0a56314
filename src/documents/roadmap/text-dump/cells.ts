import { cleanSpaces, joinWrappedLines } from '../../../text/normalize.js';
import type { RowCells } from '../blocks.js';
import { COLUMN_ORDER, type Column, FINANCEMENT, INDICATEUR, startsWithIndicatorHead } from './features.js';
import { CURRENCY_START, FUNCTION_WORDS, ITEM_MARKER } from './lexicon.js';

/** One source line of a cell. */
export interface CellLine {
  text: string;
  blankBefore: boolean;
}

/** PDF fonts' private-use bullets become "•"; "=>" arrows stay as printed. */
export function normalizeItemMarker(text: string): string {
  return text.replace(/^[\uf0b7\uf0a7\uf0d8\uf0fc\u2022]\s*/u, '• ');
}

function bindsForward(text: string): boolean {
  const t = text.trim();
  if (/[,:;/+(–—-]$/.test(t) || /['’‘]$/.test(t)) return true;
  const last = (t.match(/[\p{L}]+$/u)?.[0] ?? '').toLocaleLowerCase('fr-FR');
  return FUNCTION_WORDS.has(last) || (t.match(/\(/g) ?? []).length > (t.match(/\)/g) ?? []).length;
}

/**
 * Whether this line starts a new line of the cell in the gold form ("\n"): list items always; in a funding cell
 * each funding line; in an indicator cell each indicator. Elsewhere wrapped lines are joined.
 */
export function startsNewItem(column: Column, prev: CellLine, cur: CellLine): boolean {
  const c = cur.text.trim();
  if (ITEM_MARKER.test(c)) return true;
  if (column !== FINANCEMENT && column !== INDICATEUR) return false;
  if (bindsForward(prev.text) || /^\p{Ll}/u.test(c) && !startsWithIndicatorHead(c)) return false;
  if (/^[(),;:]/.test(c) || CURRENCY_START.test(c)) return false;
  if (column === INDICATEUR && startsWithIndicatorHead(c)) return true;
  return /^[\p{Lu}\d%]/u.test(c);
}

/** The text of a cell from its lines: wrapped lines joined with one space, items on their own line. */
export function joinCell(column: Column, lines: readonly CellLine[]): string {
  const items: string[][] = [];
  let prev: CellLine | undefined;
  for (const raw of lines) {
    const line: CellLine = { ...raw, text: normalizeItemMarker(cleanSpaces(raw.text)) };
    if (!line.text) continue;
    const current = items[items.length - 1];
    if (!current || !prev || startsNewItem(column, prev, line)) items.push([line.text]);
    else {
      // "Seine-" / "Maritime": a real hyphen at the end of a line joins the next word without a space.
      const last = current[current.length - 1]!;
      if (/\p{L}-$/u.test(last) && /^\p{Lu}/u.test(line.text)) current[current.length - 1] = last + line.text;
      else current.push(line.text);
    }
    prev = line;
  }
  return items.map((item) => joinWrappedLines(item)).join('\n');
}

export function emptyCells(): RowCells {
  return { action: '', financement: '', indicateur: '', commentaire: '' };
}

export function columnName(column: Column): keyof RowCells {
  return COLUMN_ORDER[column];
}
