/**
 * Text runs glued over a column rule. Two cells' texts set with little padding can come out of the PDF reader
 * as one item ("Lancement de l'appel à projet (AAP) 140.000 € par EMER" over an Indicateur | Financement rule):
 * it joins runs on one baseline closer than its space threshold. A drawn vertical rule between them says they
 * are two cells; the item is cut there, each part keeping its share of the item's width.
 */
import type { TextItem } from '../../sources/page-model.js';
import { centerY } from '../geometry.js';
import { groupRows } from '../lines.js';
import type { Rule } from './types.js';

export interface RuleSplit {
  items: TextItem[];
  /** Each part made here → the item it was cut from (to mark the original as taken). */
  origin: Map<TextItem, TextItem>;
}

/**
 * Cuts items that run over an inner column edge `xs[k]` where a vertical rule crosses the item's own line.
 * The cut falls on the word space nearest to the rule (characters placed by typical relative advance widths;
 * within three mean character widths of it); without a word space there, the item is not cut. Items that cross no rule
 * are returned as they are.
 */
export function splitAtColumnRules(items: readonly TextItem[], xs: readonly number[], vertical: readonly Rule[], tolerance: number): RuleSplit {
  const inner = xs.slice(1, -1);
  return splitRuns(items, tolerance, (item) => {
    const cy = centerY(item);
    return inner
      .filter((e) => item.x0 < e - tolerance && item.x1 > e + tolerance && vertical.some((v) => Math.abs(v.at - e) <= tolerance && v.from <= cy && v.to >= cy))
      .map((e) => ({ at: e, left: e - 0.5 * tolerance, right: e + 0.5 * tolerance }));
  });
}

/**
 * Without column rules (columns from gutters or shading), two cells' texts glued into one run read over the
 * column edge too ("Nombre de CRT installé Un centre de" over Indicateur | Commentaire): there, the next
 * column's own text start says where its text begins. An item starting left of an inner edge and running past
 * the next column's text start is cut at the word space nearest to that start, the second part starting there,
 * when nothing else on its line starts in that column.
 * `starts[k]`: where the text of column k starts (undefined: not known); `keep`: items never cut (a title row
 * merged over the cells).
 */
export function splitAtTextStarts(items: readonly TextItem[], xs: readonly number[], starts: readonly (number | undefined)[], tolerance: number, keep: ReadonlySet<TextItem>): RuleSplit {
  const lines = groupRows(items);
  const lineOf = new Map(lines.flatMap((line) => line.map((i) => [i, line] as const)));
  return splitRuns(items, tolerance, (item) => {
    if (keep.has(item)) return [];
    const cuts: Cut[] = [];
    for (let k = 1; k + 1 < xs.length; k++) {
      const start = starts[k];
      if (start === undefined || item.x0 >= xs[k]! - tolerance || item.x1 <= start + tolerance) continue;
      // The next column's text is in the run only when nothing else on the line starts in that column under the
      // run (a cell's line overflowing its column is set over the next cell's own text); the words of a
      // justified line may come as items of their own after it.
      if (lineOf.get(item)!.some((o) => o !== item && o.x0 >= xs[k]! && o.x0 < xs[k + 1]! && o.x0 < item.x1)) continue;
      cuts.push({ at: start, left: start - 0.5 * tolerance, right: start });
    }
    return cuts;
  });
}

/**
 * Where the text of each column starts: the x at which most of the column's lines start (within a tenth of
 * their type size; words of justified lines may happen to start together elsewhere on a line or two), when
 * three lines at least start there, else the leftmost start of the column's text (a short table); undefined for
 * the first column and an empty one.
 */
export function columnTextStarts(items: readonly TextItem[], xs: readonly number[], slack: number): (number | undefined)[] {
  return xs.slice(0, -1).map((x0, k) => {
    if (k === 0) return undefined;
    const x1 = xs[k + 1]!;
    const inColumn = items.filter((i) => i.x0 + 0.5 * slack >= x0 && i.x0 + 0.5 * slack < x1).sort((a, b) => a.x0 - b.x0);
    let best: { x: number; n: number } | undefined;
    for (const i of inColumn) {
      const n = inColumn.filter((o) => Math.abs(o.x0 - i.x0) <= 0.1 * i.fontSize).length;
      if (n >= 3 && (!best || n > best.n)) best = { x: i.x0, n };
    }
    // Too few lines to agree: the column's leftmost start (its text set flush left, the usual case).
    return best?.x ?? inColumn[0]?.x0;
  });
}

/** A cut looked for around `at`: the left part ends by `left`, the right part starts from `right`. */
interface Cut {
  at: number;
  left: number;
  right: number;
}

/**
 * Cuts each item at the word spaces nearest to its cuts (characters placed by typical relative advance
 * widths; within three mean character widths of the cut); without a word space there, the item is not cut
 * there: a word running over it (a title merged over the cells, text wider than its cell) is one text.
 */
function splitRuns(items: readonly TextItem[], tolerance: number, cutsOf: (item: TextItem) => Cut[]): RuleSplit {
  const origin = new Map<TextItem, TextItem>();
  const out: TextItem[] = [];
  for (const item of items) {
    const wanted = item.text.trim().length < 2 ? [] : cutsOf(item);
    if (!wanted.length) {
      out.push(item);
      continue;
    }
    const width = item.x1 - item.x0;
    const chars = [...item.text];
    const n = chars.length;
    // x of the start of each character, from typical relative advance widths.
    const starts: number[] = [];
    const total = chars.reduce((sum, ch) => (starts.push(sum), sum + advance(ch)), 0);
    const xAt = (k: number) => item.x0 + (width * (k < n ? starts[k]! : total)) / total;
    const cuts: (Cut & { index: number })[] = [];
    for (const cut of wanted) {
      let best = -1;
      const distance = (k: number) => Math.abs((xAt(k) + xAt(k + 1)) / 2 - cut.at);
      for (let k = 0; k < n; k++) if (/\s/.test(chars[k]!) && (best < 0 || distance(k) < distance(best))) best = k;
      // Two cells' texts meet at a word space; a word running over the edge is one text, not two.
      if (best < 0 || distance(best) > 3 * (width / n)) continue;
      if (best > 0 && best < n && (!cuts.length || best > cuts[cuts.length - 1]!.index)) cuts.push({ ...cut, index: best });
    }
    if (!cuts.length) {
      out.push(item);
      continue;
    }
    let start = 0;
    let left = item.x0;
    const bounds = [...cuts, { index: n, at: item.x1, left: item.x1, right: item.x1 }];
    bounds.forEach((cut, k) => {
      const text = chars.slice(start, cut.index).join('').trim();
      const right = k < cuts.length ? Math.min(cut.left, xAt(cut.index)) : item.x1;
      if (text) {
        const part: TextItem = { ...item, text, x0: left, x1: Math.max(left + 0.1, right) };
        out.push(part);
        origin.set(part, item);
      }
      start = cut.index;
      if (k < cuts.length) left = Math.max(cut.right, xAt(cut.index));
    });
  }
  return { items: out, origin };
}

/** Typical advance of a character relative to the font size (proportional Latin fonts; a guess, not a metric). */
function advance(ch: string): number {
  if (/[ijl.,;:'’!|\s]/.test(ch)) return 0.28;
  if (/[ftrI()\-]/.test(ch)) return 0.36;
  if (/[mwMWœŒ]/.test(ch)) return 0.85;
  if (/\p{Lu}/u.test(ch)) return 0.68;
  return 0.53;
}
