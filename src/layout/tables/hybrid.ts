/**
 * Tables drawn with horizontal rules only (a rule above and below the header and one closing the table, or a
 * rule between groups of rows): the rules give the region and break rows, the whitespace gives the columns.
 */
import type { TextItem } from '../../sources/page-model.js';
import { overlap } from '../geometry.js';
import { SEGMENT_GAP } from './context.js';
import { regionBands } from './text-grid.js';
import { drawnOver } from './stream.js';
import { readTextTable } from './text-table.js';
import type { PageContext, PageTable, Rule, TableFinder } from './types.js';

/**
 * Horizontal rules stacked over one another with about the same extent (each overlapping the stack's extent by
 * at least 80% of the shorter), top to bottom. Rules shorter than a few characters are not table rules.
 */
export function ruleStacks(horizontal: readonly Rule[], fontSize: number): Rule[][] {
  const rules = horizontal.filter((r) => r.to - r.from >= 4 * fontSize).sort((a, b) => a.at - b.at);
  const stacks: { rules: Rule[]; from: number; to: number }[] = [];
  for (const r of rules) {
    const stack = stacks.find((s) => {
      const common = overlap(s.from, s.to, r.from, r.to);
      return common >= 0.8 * Math.min(s.to - s.from, r.to - r.from) && common >= 0.5 * Math.max(s.to - s.from, r.to - r.from);
    });
    if (stack) {
      stack.rules.push(r);
      stack.from = Math.min(stack.from, r.from);
      stack.to = Math.max(stack.to, r.to);
    } else stacks.push({ rules: [r], from: r.from, to: r.to });
  }
  return stacks.filter((s) => s.rules.length >= 2).map((s) => s.rules);
}

/**
 * Does the text between two rules of a stack read as part of a table? Not when it is running text (most
 * lines a single segment as wide as the rules), nor when a wide empty band cuts it (a chart's plot area).
 */
function tabularSection(context: PageContext, from: number, to: number, top: number, bottom: number): boolean {
  const items = itemsIn(context, from, to, top, bottom);
  if (!items.length) return true;
  const bands = regionBands(items, SEGMENT_GAP);
  const width = to - from;
  const wide = bands.filter((b) => b.length === 1 && b[0]!.x1 - b[0]!.x0 >= 0.6 * width).length;
  const multi = bands.filter((b) => b.length >= 2).length;
  if (bands.length >= 2 && wide >= 0.5 * bands.length && multi < bands.length / 3) return false;
  // A heading between two rules (bold, larger than the page's body text, one segment): the next table's title.
  if (bands.some((b) => b.length === 1 && b[0]!.bold && b[0]!.fontSize >= 1.15 * context.fontSize)) return false;
  for (let k = 1; k < bands.length; k++) if (bands[k]![0]!.y0 - bands[k - 1]![0]!.y1 > 4 * context.pitch) return false;
  return true;
}

function itemsIn(context: PageContext, from: number, to: number, top: number, bottom: number): TextItem[] {
  return context.items.filter((i) => {
    const cx = (i.x0 + i.x1) / 2;
    const cy = (i.y0 + i.y1) / 2;
    return cx >= from && cx <= to && cy > top && cy < bottom;
  });
}

export const hybridFinder: TableFinder = {
  flavor: 'hybrid',
  find(context: PageContext): PageTable[] {
    const tables: PageTable[] = [];
    for (const stack of ruleStacks(context.horizontal, context.fontSize)) {
      const from = Math.min(...stack.map((r) => r.from)) - context.tolerance;
      const to = Math.max(...stack.map((r) => r.to)) + context.tolerance;
      // Cut the stack where the text between two rules is not tabular: each part is a table of its own.
      const parts: Rule[][] = [[stack[0]!]];
      for (let k = 1; k < stack.length; k++) {
        if (tabularSection(context, from, to, stack[k - 1]!.at, stack[k]!.at)) parts[parts.length - 1]!.push(stack[k]!);
        else parts.push([stack[k]!]);
      }
      for (const part of parts) {
        if (part.length < 2) continue;
        const top = part[0]!.at;
        const bottom = part[part.length - 1]!.at;
        const items = itemsIn(context, from, to, top, bottom);
        if (items.length < 4) continue;
        const table = readTextTable(context, items, { flavor: 'hybrid', rules: part, top, bottom, guesses: ['columns from whitespace', 'rows from text lines between rules'] });
        // Column rules inside: a chart's or a diagram's lines (a ruled table would have been read as one).
        if (table && !drawnOver(context, table.box, { partialRules: false })) tables.push(table);
      }
    }
    return tables;
  },
};
