/**
 * Rows of a table under a known header: cut by horizontal rules (a ruled frame, or rules across the whole width
 * without vertical ones), by shaded bands (zebra stripes, shaded title rows, painted cell by cell), else by the
 * vertical gaps between runs of text, a run opening a row only with text in the key column.
 */
import type { FilledRect, TextItem } from '../../sources/page-model.js';
import { type Box, centerY, mergeIntervals, overlap } from '../geometry.js';
import { bandRows, carveBands } from './band-rows.js';
import { groupRows } from '../lines.js';
import { isShading } from './header-columns.js';
import { columnLines, gapRows, spansFromGaps } from './row-gaps.js';
import type { Rule } from './types.js';

/** A row's vertical extent; `open`: no rule closes it at the table's bottom (it goes on over the page break). */
export interface RowSpan {
  y0: number;
  y1: number;
  open: boolean;
}

/**
 * The column an item starting at `x` falls in (-1 outside). Items are placed by where they start, not by their
 * centre: a title spanning the row starts in the first column. `slack`: how far left of the first edge a
 * cell's text may start.
 */
export function columnAt(xs: readonly number[], x: number, slack: number): number {
  if (x < xs[0]! - slack || x >= xs[xs.length - 1]!) return -1;
  let k = 0;
  while (k + 1 < xs.length - 1 && x >= xs[k + 1]!) k++;
  return k;
}

/**
 * Shaded bands across a table: filled rectangles with the same top and bottom (a row painted cell by cell)
 * that together cover most of the table's width.
 */
export function shadedBands(rects: readonly FilledRect[], left: number, right: number, top: number, bottom: number, tolerance: number): { y0: number; y1: number }[] {
  const groups = new Map<string, FilledRect[]>();
  for (const r of rects) {
    if (!isShading(r) || r.y0 < top || r.y1 > bottom || overlap(r.x0, r.x1, left, right) <= 0) continue;
    const key = `${Math.round(r.y0 * 2)}:${Math.round(r.y1 * 2)}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const bands: { y0: number; y1: number }[] = [];
  for (const group of groups.values()) {
    // Cells may be painted with thin white borders between them.
    const covered = mergeIntervals(group.map((r) => [Math.max(r.x0, left), Math.min(r.x1, right)] as [number, number]), tolerance).reduce((n, [a, b]) => n + b - a, 0);
    if (covered >= 0.8 * (right - left)) bands.push({ y0: group[0]!.y0, y1: group[0]!.y1 });
  }
  return bands.sort((a, b) => a.y0 - b.y0);
}

export interface RowEvidence {
  /** The table's text under its header. */
  body: readonly TextItem[];
  /** Column edges. */
  xs: readonly number[];
  /** The column whose text opens a row (-1: every run of text opens one). */
  key: number;
  header: Box;
  /** The table's lowest possible y. */
  bottom: number;
  /** The columns are drawn by vertical rules: every horizontal rule across them cuts rows. */
  ruledColumns: boolean;
  horizontal: readonly Rule[];
  rects: readonly FilledRect[];
  /** Type size of the body text. */
  size: number;
  /** The page's rule tolerance. */
  tolerance: number;
  /**
   * Where rules between rows start when the table opens with columns whose cells run down several rows (a
   * title beside its rows): such rules skip those columns and are measured against the width right of here.
   */
  rowsLeft?: number;
  /** The paragraph space of the document's tables read before (a share of the type size), if any showed one. */
  paragraphShare?: number;
}

/**
 * Row spans, top to bottom, edge to edge (every body item falls in at most one). `fromRules`: the rows are cut
 * by drawn rules, so that a last row without a closing rule goes on over the page break; rows cut by shading
 * only are never open.
 */
export function rowSpans(e: RowEvidence): { spans: RowSpan[]; fromRules: boolean; paragraphShare?: number } {
  // Title rows merged across the columns are rows of their own, whatever the rows around them are cut by.
  // Under column rules, rules cut them out; a table with titles beside its rows has none across them.
  const found = spansOf(e);
  const bands = e.ruledColumns || e.rowsLeft !== undefined ? [] : bandRows(e.body, e.xs, e.size, e.tolerance);
  if (!bands.length) return found;
  const inBand = new Set(bands.flatMap((b) => b.items));
  return { ...found, spans: carveBands(found.spans, bands, e.body.filter((i) => !inBand.has(i))) };
}

function spansOf(e: RowEvidence): { spans: RowSpan[]; fromRules: boolean; paragraphShare?: number } {
  const { body, xs, header, bottom, size, tolerance: tol } = e;
  const left = xs[0]!;
  const right = xs[xs.length - 1]!;
  const from = e.rowsLeft ?? left;
  const within = (h: Rule, share: number) => overlap(h.from, h.to, from, right) >= share * (right - from) && h.at >= header.y1 - tol && h.at <= bottom + tol;
  const cutsBody = (y: number) => body.some((i) => i.y1 < y) && body.some((i) => i.y0 > y);
  // Without vertical rules, rules across (nearly) the table's whole width still separate its rows (booktabs,
  // Word "horizontal borders only"), as soon as one of them cuts through the body.
  const wideRules = e.ruledColumns ? [] : e.horizontal.filter((h) => within(h, 0.8)).map((h) => h.at);
  const wideCuts = wideRules.filter(cutsBody).length;
  const rowRules = e.ruledColumns ? e.horizontal.filter((h) => within(h, 0.3)).map((h) => h.at) : wideCuts >= 1 ? wideRules : [];
  // Row shading (zebra stripes, a shaded title row) across the table's width: its edges are row edges too. A
  // band may start above the first text under the header by the cell's padding.
  const bands = e.ruledColumns || wideCuts ? [] : shadedBands(e.rects, left, right, header.y1 - 0.5 * size, bottom + tol, tol).flatMap((b) => [b.y0, b.y1]);
  const bandCuts = bands.filter(cutsBody).length;
  if (bandCuts >= 1) rowRules.push(...bands.filter((y) => y > header.y1 + 0.25 * tol));
  rowRules.sort((a, b) => a - b);
  // Rows cut by rules say so for a page break too (an open last row); shading only cuts rows.
  const fromRules = rowRules.length > 0 && (e.ruledColumns || wideCuts >= 1);
  if (fromRules) {
    const spans = spansBetween(rowRules, e, fromRules);
    // Rules that all cross the cells merged down the rows beside them close those cells, not rows: the rows
    // between them are cut by gaps.
    const groups = !e.ruledColumns && wideCuts >= 1 && e.rowsLeft !== undefined && e.horizontal.filter((h) => within(h, 0.8)).every((h) => overlap(h.from, h.to, left, from) >= 0.5 * (from - left));
    return { spans: groups ? spans.flatMap((s) => rowsWithin(s, e)) : spans, fromRules };
  }
  // Shading may mark only some rows (a shaded chantier title row over unshaded actions): between its edges,
  // rows the whitespace shows for sure (starts the other columns confirm) are rows too.
  if (rowRules.length > 0 && bandCuts >= 1) {
    const confirmed = spansFromGaps(e, { confirmedOnly: true });
    return { spans: splitSpans(spansBetween(rowRules, e, false, confirmed), confirmed, size, body), fromRules };
  }
  return { ...gapRows(e), fromRules: false };
}

/** Rows from gaps inside a span between two rules; the first and last keep the span's edges. */
function rowsWithin(span: RowSpan, e: RowEvidence): RowSpan[] {
  const body = e.body.filter((i) => centerY(i) >= span.y0 && centerY(i) < span.y1);
  if (!body.length) return [span];
  const rows = spansFromGaps({ ...e, body });
  if (!rows.length) return [span];
  rows[0]!.y0 = span.y0;
  rows[rows.length - 1]!.y1 = span.y1;
  rows[rows.length - 1]!.open = span.open;
  return rows;
}

/**
 * Rows between row edges (rules, band edges); text under the last edge may be one more row. `confirmed`: the
 * row starts the whitespace shows for sure over the whole table (between shaded bands only).
 */
function spansBetween(edges: readonly number[], e: RowEvidence, fromRules: boolean, confirmed?: readonly RowSpan[]): RowSpan[] {
  const { body, header, bottom, size, tolerance: tol } = e;
  const ys: number[] = [];
  for (const y of edges) if (!ys.length || y - ys[ys.length - 1]! > 0.75 * tol) ys.push(y);
  if (ys[0]! > header.y1 + 2 * size) ys.unshift(header.y1);
  const spans: RowSpan[] = [];
  for (let k = 0; k + 1 < ys.length; k++) spans.push({ y0: ys[k]!, y1: ys[k + 1]!, open: false });
  const last = ys[ys.length - 1]!;
  const below = body.filter((i) => centerY(i) > last);
  if (!below.length || bottom - last <= tol) return spans;
  // Under shading that marks only some rows (a shaded title row), the rows after the last band go on
  // unshaded: text below it set in the table's columns (key column included) is rows, cut by gaps.
  // The cuts are read over the whole table, as between the bands: the row starts the other columns confirm.
  if (!fromRules && confirmed && setInColumns(below, e)) {
    const end = Math.max(...below.map((i) => i.y1)) + 0.5;
    const cuts = confirmed.slice(1).map((r) => r.y0).filter((y) => y > last && y < end && below.some((i) => centerY(i) < y));
    const edges = [last, ...cuts, end];
    return [...spans, ...cuts.concat(end).map((y1, k) => ({ y0: edges[k]!, y1, open: false }))];
  }
  // Text drawn over the last rule at the line pitch of its cell above is that cell's overflow: the row goes on.
  if (fromRules && spans.length && overflowsRule(body, e, last)) {
    spans[spans.length - 1] = { y0: spans[spans.length - 1]!.y0, y1: bottom, open: true };
    return spans;
  }
  // Text under the last rule is a row going on over the page break; without vertical rules to say where the
  // table ends, only when it runs down to the bottom of the table's area.
  const runsToBottom = Math.max(...below.map((i) => i.y1)) >= bottom - 3 * size;
  // Under shading or rules without vertical ones, text right under the last edge is one more row.
  const adjacent = Math.min(...below.map((i) => i.y0)) - last <= 1.5 * size;
  if (e.ruledColumns || runsToBottom || adjacent) spans.push({ y0: last, y1: bottom, open: fromRules && (e.ruledColumns || runsToBottom) });
  return spans;
}

/**
 * Does the text under the rule at `rule` go on the cells above it? A producer drawing a cut cell's text past
 * the row's closing rule sets its next line where the cell's pitch puts it: across the rule (its top above the
 * rule, where the first line of a row stands a cell padding under it) and at the line pitch under the cell's
 * line above, within the rule tolerance; every line under the rule in the key column or right of it goes on so.
 */
export function overflowsRule(body: readonly TextItem[], e: Pick<RowEvidence, 'xs' | 'key' | 'size' | 'tolerance'>, rule: number): boolean {
  const { columns, pitch } = columnLines(body, e.xs, e.tolerance);
  // Columns left of the key one may hold a cell merged down the rows (a chantier beside them): its text runs
  // over rules between rows whatever the cut.
  const under = columns.slice(Math.max(0, e.key)).flatMap((column) => column.filter((l) => centerY(l.line) > rule).map((l) => ({ l, above: column[column.indexOf(l) - 1] })));
  if (!under.length || Math.min(...under.map(({ l }) => l.line.y0)) >= rule) return false;
  return under.every(({ l, above }) => above !== undefined && Math.abs(l.line.y0 - above.line.y0 - pitch * (l.line.fontSize || e.size)) <= e.tolerance);
}

/**
 * Is this text set in the table's columns rather than across them? Some of it starts in the key column, and
 * fewer than half of its lines have a word running over an inner column edge (prose after a table does).
 */
function setInColumns(items: readonly TextItem[], e: RowEvidence): boolean {
  const { xs, key, tolerance: tol } = e;
  if (key < 0 || !items.some((i) => columnAt(xs, i.x0 + 0.5 * tol, tol) === key)) return false;
  const inner = xs.slice(1, -1);
  const lines = groupRows(items);
  const over = lines.filter((line) => line.some((i) => inner.some((x) => i.x0 < x - tol && i.x1 > x + tol))).length;
  return over < 0.5 * lines.length;
}

/**
 * Spans cut again at the inner edges of `finer` spans lying well inside them (half a type size from their ends)
 * and with text on both sides within the span.
 */
function splitSpans(spans: readonly RowSpan[], finer: readonly RowSpan[], size: number, body: readonly TextItem[]): RowSpan[] {
  const cuts = finer.slice(1).map((s) => s.y0);
  return spans.flatMap((span) => {
    const holds = (a: number, b: number) => body.some((i) => centerY(i) >= a && centerY(i) < b);
    const inside = cuts.filter((y) => y > span.y0 + 0.5 * size && y < span.y1 - 0.5 * size && holds(span.y0, y) && holds(y, span.y1));
    const ys = [span.y0, ...inside, span.y1];
    return ys.slice(1).map((y1, k) => ({ y0: ys[k]!, y1, open: k === inside.length ? span.open : false }));
  });
}
