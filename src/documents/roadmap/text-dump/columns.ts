import { ACTION, type Column, INDICATEUR, contentScores, entryScores, type Features, pieceFeatures, startsWithIndicatorHead, words, type WidthContext } from './features.js';
import type { TableLine } from './layout.js';
import { CURRENCY_START, FUNCTION_WORDS, ITEM_MARKER } from './lexicon.js';
import { lineSplits } from './split.js';

/**
 * Rows and columns of one table page of a text dump. The dump gives the cells of a row one after the other
 * (action, then financement, then indicateur, then commentaire; any may be empty), so reading a page is a
 * sequence-labelling problem: each line (or piece of a line that holds two cells) gets a column, and a row
 * ends where the column goes back to "action". The best labelling is found by dynamic programming over the
 * column model's scores (features.ts) plus transition scores that say how lines hold together.
 */

export interface PlacedPiece {
  text: string;
  /** 0-based source line. */
  index: number;
  column: Column;
  /** First piece of its source line, with a blank line before that line. */
  blankBefore: boolean;
  /** Offset of the piece in its source line (0 for the first piece). */
  offset: number;
}

export interface ReadRow {
  pieces: PlacedPiece[];
}

/** How the previous line and this one hold together. */
export type Continuation = 'strong' | 'soft' | 'list' | 'none';

function unclosedParen(text: string): boolean {
  return (text.match(/\(/g) ?? []).length > (text.match(/\)/g) ?? []).length;
}

/**
 * "strong": the previous line cannot end there (it ends on "de", a hyphen, a comma before a lower-case word,
 * an open parenthesis) or this line starts in lower case: the same cell goes on. "soft": no blank line and no
 * punctuation between them, the line starts with a capital or a digit (a wrapped name, or a new indicator).
 * "list": a list item after a line announcing it (":") or after another item. "none": a new cell may start.
 */
export function continuation(prev: string, cur: string, prevInList = false, blankBefore = false, openParens = 0): Continuation {
  const p = prev.trim();
  const c = cur.trim();
  const sentenceEnded = /[.!?…]$/.test(p);
  const lastWord = (words(p).pop() ?? '').toLowerCase();
  if (ITEM_MARKER.test(c)) return /:$/.test(p) || prevInList ? 'list' : 'none';
  if (/\p{L}-$/u.test(p) || /['’‘]$/.test(p)) return 'strong';
  if (!sentenceEnded && !/[:;,)]$/.test(p) && FUNCTION_WORDS.has(lastWord)) return 'strong';
  if ((openParens > 0 || unclosedParen(p)) && !sentenceEnded) return 'strong';
  if (/^\(/.test(c) && !/[.!?…:;]$/.test(p)) return 'strong';
  if (/^[),;:]/.test(c) || CURRENCY_START.test(c)) return 'strong';
  if (/^\p{Ll}/u.test(c) && !sentenceEnded && !startsWithIndicatorHead(c)) return 'strong';
  const opensCell = startsWithIndicatorHead(c) || /^[(\s]*\d[\d\s,]*(?:€|euros?|M€)/iu.test(c);
  if (!blankBefore && !opensCell && !/[.!?…:;]$/.test(p) && /^[\p{Lu}\d«"]/u.test(c)) return 'soft';
  return 'none';
}

/** Transition scores: how much a change of column costs given how the lines hold together. */
export const TRANSITIONS = {
  stay: { strong: 2, soft: 0.5, list: 1.5, none: 0 },
  forward: { strong: -6, soft: -3, list: -3, none: -2.5 },
  forwardAfterBlank: { strong: -5, soft: -0.5, list: -2.5, none: -0.5 },
  newRow: { strong: -8, soft: -6, list: -6, none: -5 },
  newRowAfterBlank: { strong: -7, soft: -1, list: -3.5, none: -1 },
  /** Each extra cell on the same source line. */
  inLine: -0.3,
} as const;

/** Score of an indicator paragraph (after a blank line) that does not open with what it counts. */
const PARAGRAPH_WITHOUT_HEAD = -1.5;

/** How much start evidence counts on a line, by how it holds to the line before. */
const ENTRY_WEIGHT: Record<Continuation, number> = { strong: 0, soft: 0.5, list: 0.3, none: 1 };

/** How much a piece looks like the first line of a row (an action opens with a verb, rarely with "Le"). */
export function rowStartScore(f: Features): number {
  return (
    1.5 * f.infinitive + 1 * f.itemInfinitive + 0.4 * f.nominal - 1.5 * f.determiner - 1.5 * f.lowerStart - 1 * f.participle - 1 * f.remark + 0.5 * f.wide - 2 * f.money - 1.5 * f.fundingLead
  );
}

interface State {
  score: number;
  back?: { prev: number; split: number; columns: Column[]; newRow: boolean };
}

const NONE = -Infinity;

/** Width of the Actions column: the longest wrapped line of the first action block, kept near the document norm. */
export function actionWidthOf(lines: readonly TableLine[]): number {
  const block: string[] = [];
  for (const l of lines) {
    if (block.length && l.blankBefore) break;
    block.push(l.text);
  }
  const wrapped = block.length >= 2 ? block.slice(0, -1) : block;
  return Math.max(20, ...wrapped.map((t) => t.length));
}

function blockContexts(lines: readonly TableLine[], actionWidth: number): WidthContext[] {
  const out: WidthContext[] = [];
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || (i > start && lines[i]!.blankBefore)) {
      const block = lines.slice(start, i);
      const ctx: WidthContext = { actionWidth, blockWidth: Math.max(...block.map((l) => l.text.length)), blockLines: block.length };
      for (let k = start; k < i; k++) out.push(ctx);
      start = i;
    }
  }
  return out;
}

/** Labels the lines of one table page and groups them into rows. */
export function readRows(
  lines: readonly TableLine[],
  actionWidth = actionWidthOf(lines),
  trace?: (steps: { gain: number; newRow: boolean }[]) => void,
): ReadRow[] {
  if (!lines.length) return [];
  const contexts = blockContexts(lines, actionWidth);
  const splits = lines.map((l) => lineSplits(l.text));
  const emissionCache = new Map<string, { content: number[]; entry: number[]; rowStart: number }>();
  const emission = (text: string, ctx: WidthContext) => {
    const key = `${ctx.blockWidth}|${ctx.blockLines}|${text}`;
    let e = emissionCache.get(key);
    if (!e) {
      const f = pieceFeatures(text, ctx);
      e = { content: contentScores(f), entry: entryScores(f), rowStart: rowStartScore(f) };
      emissionCache.set(key, e);
    }
    return e;
  };

  // table[i][c]: best score of lines 0..i with the last piece of line i in column c.
  const table: State[][] = [];
  let inList = false;
  // Parentheses opened and not yet closed in the current paragraph: a line inside them continues it.
  let openParens = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const prevLine = lines[i - 1];
    if (line.blankBefore) openParens = 0;
    const cont: Continuation = prevLine ? continuation(prevLine.text, line.text, inList, line.blankBefore, openParens) : 'none';
    openParens = Math.max(0, openParens + (line.text.match(/\(/g) ?? []).length - (line.text.match(/\)/g) ?? []).length);
    const entryWeight = ENTRY_WEIGHT[cont];
    // A list goes on until a paragraph that is neither an item nor the wrapped end of one.
    inList = ITEM_MARKER.test(line.text) || (inList && !(line.blankBefore && cont === 'none'));
    const row: State[] = [0, 1, 2, 3].map(() => ({ score: NONE }));
    const previous: State[] = i === 0 ? [] : table[i - 1]!;
    splits[i]!.forEach((split, s) => {
      const pieceScores = split.pieces.map((p) => emission(p.text, contexts[i]!));
      // Every paragraph of an indicator cell names what it counts: a paragraph that does not is not an indicator.
      const paragraphWithoutHead = line.blankBefore && !startsWithIndicatorHead(split.pieces[0]!.text) ? PARAGRAPH_WITHOUT_HEAD : 0;
      // Every increasing sequence of columns for the pieces.
      const sequences: Column[][] = [];
      const extend = (acc: Column[]) => {
        if (acc.length === split.pieces.length) {
          sequences.push(acc);
          return;
        }
        const from = acc.length ? acc[acc.length - 1]! + 1 : 0;
        for (let c = from; c < 4; c++) extend([...acc, c as Column]);
      };
      extend([]);
      for (const columns of sequences) {
        // Content evidence counts for every piece; start evidence where a cell, an item or a sentence may start:
        // on pieces after the first of a line, and on the first unless it plainly continues the line before.
        let own = split.strength + TRANSITIONS.inLine * (columns.length - 1);
        columns.forEach((c, k) => (own += pieceScores[k]!.content[c]! + (k > 0 ? 1 : entryWeight) * pieceScores[k]!.entry[c]!));
        const first = columns[0]!;
        const last = columns[columns.length - 1]!;
        if (first === INDICATEUR) own += paragraphWithoutHead;
        const candidates: { prev: number; score: number; newRow: boolean }[] = [];
        if (i === 0) {
          if (first === ACTION) candidates.push({ prev: -1, score: pieceScores[0]!.rowStart, newRow: true });
        } else {
          for (let c0 = 0; c0 < 4; c0++) {
            const before = previous[c0]!.score;
            if (before === NONE) continue;
            if (first === c0) candidates.push({ prev: c0, score: before + TRANSITIONS.stay[cont], newRow: false });
            if (first > c0)
              candidates.push({ prev: c0, score: before + (line.blankBefore ? TRANSITIONS.forwardAfterBlank : TRANSITIONS.forward)[cont], newRow: false });
            if (first === ACTION)
              candidates.push({
                prev: c0,
                score: before + (line.blankBefore ? TRANSITIONS.newRowAfterBlank : TRANSITIONS.newRow)[cont] + pieceScores[0]!.rowStart,
                newRow: true,
              });
          }
        }
        for (const cand of candidates) {
          const total = cand.score + own;
          if (total > row[last]!.score) row[last] = { score: total, back: { prev: cand.prev, split: s, columns, newRow: cand.newRow } };
        }
      }
    });
    table.push(row);
  }

  // Walk back from the best final state.
  let c = 0;
  const final = table[table.length - 1]!;
  for (let k = 1; k < 4; k++) if (final[k]!.score > final[c]!.score) c = k;
  const choices: { split: number; columns: Column[]; newRow: boolean; gain: number }[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const state = table[i]![c]!;
    const back = state.back!;
    const before = back.prev >= 0 ? table[i - 1]![back.prev]!.score : 0;
    choices.unshift({ split: back.split, columns: back.columns, newRow: back.newRow, gain: state.score - before });
    c = back.prev;
  }
  trace?.(choices.map((ch) => ({ gain: ch.gain, newRow: ch.newRow })));

  const rows: ReadRow[] = [];
  choices.forEach((choice, i) => {
    const line = lines[i]!;
    if (choice.newRow || !rows.length) rows.push({ pieces: [] });
    const split = splits[i]![choice.split]!;
    split.pieces.forEach((p, k) =>
      rows[rows.length - 1]!.pieces.push({ text: p.text, index: line.index, column: choice.columns[k]!, blankBefore: k === 0 && line.blankBefore, offset: p.offset }),
    );
  });
  return rows;
}
