/**
 * Text runs glued over a column rule. Two cells' texts set with little padding can come out of the PDF reader
 * as one item ("Lancement de l'appel à projet (AAP) 140.000 € par EMER" over an Indicateur | Financement rule):
 * it joins runs on one baseline closer than its space threshold. A drawn vertical rule between them says they
 * are two cells; the item is cut there, each part keeping its share of the item's width.
 */
import type { TextItem } from '../../sources/page-model.js';
import { centerY } from '../geometry.js';
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
  const origin = new Map<TextItem, TextItem>();
  const out: TextItem[] = [];
  for (const item of items) {
    const cy = centerY(item);
    const edges = inner.filter(
      (e) => item.x0 < e - tolerance && item.x1 > e + tolerance && vertical.some((v) => Math.abs(v.at - e) <= tolerance && v.from <= cy && v.to >= cy),
    );
    if (!edges.length || item.text.trim().length < 2) {
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
    const cuts: { at: number; edge: number }[] = [];
    for (const edge of edges) {
      let best = -1;
      const distance = (k: number) => Math.abs((xAt(k) + xAt(k + 1)) / 2 - edge);
      for (let k = 0; k < n; k++) if (/\s/.test(chars[k]!) && (best < 0 || distance(k) < distance(best))) best = k;
      // Two cells' texts meet at a word space; a word running over the rule (a title merged over the cells, text
      // wider than its cell) is one text, not two.
      if (best < 0 || distance(best) > 3 * (width / n)) continue;
      const at = best;
      if (at > 0 && at < n && (!cuts.length || at > cuts[cuts.length - 1]!.at)) cuts.push({ at, edge });
    }
    let start = 0;
    let left = item.x0;
    const bounds = [...cuts, { at: n, edge: item.x1 }];
    bounds.forEach((cut, k) => {
      const text = chars.slice(start, cut.at).join('').trim();
      const right = k < cuts.length ? Math.min(cut.edge - 0.5 * tolerance, xAt(cut.at)) : item.x1;
      if (text) {
        const part: TextItem = { ...item, text, x0: left, x1: Math.max(left + 0.1, right) };
        out.push(part);
        origin.set(part, item);
      }
      start = cut.at;
      if (k < cuts.length) left = Math.max(cut.edge + 0.5 * tolerance, xAt(cut.at));
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
