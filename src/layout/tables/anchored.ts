/**
 * Reading a table whose header row a caller has already found (the roadmap reader finds "Actions /
 * Financement / Indicateur / Commentaires" by its words), and finding where such a table goes on over a page
 * break without repeating its header. Columns come from the vertical rules crossing the header, else from its
 * shaded cells, else from the whitespace gutters of the text below (header-columns.ts); rows from rules, shaded
 * bands or gaps (row-spans.ts); cell text from each cell's lines, its paragraphs judged against the table's own
 * line pitch and the column's measure (cell-text.ts).
 */
import type { TextItem } from '../../sources/page-model.js';
import { type Box, centerX, centerY, containsPoint, median, overlap, unionBox } from '../geometry.js';
import { cellText, linePitchRatio, measureColumn } from '../cell-text.js';
import { groupRows, type Line, lineOf, splitAtGaps } from '../lines.js';
import { joinWrappedLines } from '../../text/normalize.js';
import { ruleTolerance, SEGMENT_GAP } from './context.js';
import { type ColumnSource, columnsFromGutters, columnsFromRules, columnsFromShading, edgesFromPaintedCells, headerShadingBottom, isShading, spreadHeaderWords } from './header-columns.js';
import { headerWraps } from './row-gaps.js';
import { columnAt, rowSpans, type RowSpan } from './row-spans.js';
import { runsAcrossColumns } from './band-rows.js';
import { headerRuleBreak } from './rule-breaks.js';
import { columnTextStarts, splitAtColumnRules, splitAtTextStarts } from './rule-split.js';
import type { Flavor, PageContext, PageTable, Rule, TableCell } from './types.js';
import type { FilledRect } from '../../sources/page-model.js';

export type { ColumnSource } from './header-columns.js';

/** Columns known beforehand: those of the table on the previous page, for a page going on without its header. */
export interface GivenColumns {
  /** Column edges, left to right. */
  xs: readonly number[];
  /** How they were found (edges from gutters lie mid-gap, not on a cell's border). */
  source: ColumnSource;
  /** Bottom of the vertical rules standing at these edges on this page, when the table is ruled. */
  ruledBottom?: number;
  /** The column whose text opens a row. */
  key?: number;
  /**
   * Which columns had a header cell on the page before. Only columns without one (a title beside its rows)
   * may hold a cell merged down several rows; without this, every column is taken as one without header.
   */
  headed?: readonly boolean[];
}

export interface Anchor {
  /** Box of the header row; an empty box (y0 = y1) at the table's top when there is no header on the page. */
  header: Box;
  /** The header's cells, left to right (their text's boxes). Default: the header band's text cut at gaps. */
  cells?: readonly Box[];
  /** The header's text items. Default: the items whose centre lies in `header`. */
  items?: readonly TextItem[];
  /** The table stops above this y (the next table's title, the footer). */
  limit: number;
  /** Index of the header cell over the column whose text opens each row (default: the first). */
  key?: number;
  /** Column edges known beforehand: used as given, the header's rules, shading and gutters are not looked at. */
  columns?: GivenColumns;
  /** Header cells that may be a word of the cell before them (they name no column): see spreadHeaderWords. */
  joinable?: readonly boolean[];
  /** Paragraph space of the document's tables read before (a share of the type size): see gapRows. */
  paragraphShare?: number;
}

/** A table read under a header: the grid (header row first), and what the reading rests on. */
export interface AnchoredTable extends PageTable {
  columnSource: ColumnSource;
  /** Rows are cut by drawn rules (rather than shading or gaps). */
  rowsFromRules: boolean;
  /** The last row has no rule closing it at the bottom of a ruled table: it goes on over the page break. */
  openBottom: boolean;
  /** For each column, the index of the header cell over it (undefined: a column without header). */
  columnCells: (number | undefined)[];
  /** The header row took more text than the header's items (a header cell wrapped onto more lines). */
  headerWrapped: boolean;
  /** Items that went into the header or a cell. */
  used: Set<TextItem>;
  /** Items inside the table's box that went into neither. */
  unassigned: TextItem[];
  /** Type size of the body text (the measure the rows were cut with). */
  fontSize: number;
  /** The paragraph space the table's cells showed, a share of the type size (rows from whitespace only). */
  paragraphShare?: number;
}

/** Header cells from the header's text: segments cut at column gaps, segments over one another (a wrapped cell) joined. */
function defaultCells(items: readonly TextItem[]): Box[] {
  const segments = groupRows(items).flatMap((row) => splitAtGaps(row, SEGMENT_GAP).map(lineOf));
  const cells: Box[] = [];
  for (const s of segments.sort((a, b) => a.x0 - b.x0)) {
    const cell = cells.find((c) => overlap(c.x0, c.x1, s.x0, s.x1) > 0);
    if (cell) Object.assign(cell, unionBox([cell, s]));
    else cells.push({ x0: s.x0, y0: s.y0, x1: s.x1, y1: s.y1 });
  }
  return cells;
}

/** How far a text box may reach above the line it sits under (its ascenders over a rule): a share of its size. */
const overshoot = (i: TextItem) => 0.15 * i.fontSize;

/** The extent of the first rule under the header that runs under all its cells, within two lines of it. */
function headerRuleSpan(header: Box, cells: readonly Box[], horizontal: readonly Rule[], size: number, tolerance: number): Rule | undefined {
  if (!cells.length) return undefined;
  const [x0, x1] = [Math.min(...cells.map((c) => c.x0)), Math.max(...cells.map((c) => c.x1))];
  return horizontal
    .filter((h) => h.at >= header.y1 - tolerance && h.at <= header.y1 + 2 * size && h.from <= x0 + tolerance && h.to >= x1 - tolerance)
    .sort((a, b) => a.at - b.at)[0];
}

/** A header cell's text as one line (a cell wrapped over several lines read whole). */
function headerText(items: readonly TextItem[]): string {
  return joinWrappedLines(groupRows(items).map((row) => lineOf(row).text)).replace(/\n/g, ' ');
}

/**
 * The table under a header row. Items are only taken, never moved; those inside the table's box that no cell
 * took are reported (`unassigned`). The header is row 0 (`headerRows` 1) unless `anchor.header` is empty.
 */
export function readTableAt(context: PageContext, anchor: Anchor): AnchoredTable {
  const { header, limit } = anchor;
  const tol = context.tolerance;
  const all = context.items;
  const headerItems = anchor.items ?? all.filter((i) => containsPoint(header, centerX(i), centerY(i), 0.5 * tol));
  const allCells = anchor.cells ?? defaultCells(headerItems);
  const inHeader = new Set(headerItems);
  const headerSize = median(headerItems.map((i) => i.fontSize)) || context.fontSize;
  const given = anchor.columns;
  // Words of a justified header cell spread apart are not columns: the columns are found from the other cells.
  const spread =
    anchor.joinable && !given
      ? spreadHeaderWords(allCells, anchor.joinable, {
          header: headerItems,
          items: all,
          body: all.filter((i) => !inHeader.has(i) && i.y0 >= header.y1 && centerY(i) < limit),
          rects: context.page.rects,
          size: headerSize,
        })
      : new Set<number>();
  const cells = allCells.filter((_, k) => !spread.has(k));
  const rules = given
    ? given.ruledBottom !== undefined
      ? { xs: [...given.xs], bottom: given.ruledBottom, top: header.y0 }
      : undefined
    : columnsFromRules(header, cells, context.vertical, tol);
  let bottom = limit;
  if (rules) bottom = Math.min(bottom, rules.bottom + 0.5 * tol);
  // Take the whole band of the header row: header cells may wrap or hold words the caller did not take.
  const near = 0.5 * tol;
  const band = cells.length ? all.filter((i) => !inHeader.has(i) && centerY(i) >= header.y0 - near && centerY(i) <= header.y1 + near) : [];

  let xs: number[];
  let columnSource: ColumnSource;
  if (given) [xs, columnSource] = [[...given.xs], given.source];
  else if (rules) [xs, columnSource] = [rules.xs, 'rules'];
  else {
    const shaded = columnsFromShading(header, cells, context.page.rects, context.fontSize, tol);
    if (shaded) [xs, columnSource] = [shaded, 'shading'];
    else {
      // A rule right under the header across all its cells spans the table: text beyond its ends (a side tab)
      // is not the table's.
      const span = headerRuleSpan(header, cells, context.horizontal, headerSize, tol);
      const below = all.filter(
        (i) => !inHeader.has(i) && i.y0 >= header.y1 - overshoot(i) && centerY(i) < bottom && (!span || (i.x1 > span.from - tol && i.x0 < span.to + tol)),
      );
      // Without header cells there is nothing to look for gutters between: the header's width is one column.
      [xs, columnSource] = [cells.length ? columnsFromGutters(cells, [...below, ...headerItems], headerSize, context.page.rects) : [header.x0, header.x1], 'gutters'];
      if (cells.length) xs = edgesFromPaintedCells(xs, cells, context.page.rects, header.y1, tol);
    }
  }
  const left = xs[0]!;
  const right = xs[xs.length - 1]!;
  const slack = tol;
  // Indexes into the anchor's cells: a spread word lies in the column of the cell before it, found first.
  // Carried columns keep whether they had a header (their index stands for the header cell, there is none here).
  const columnCells = given?.headed
    ? xs.slice(1).map((_, k) => (given.headed![k] ? k : undefined))
    : xs.slice(1).map((_, k) => {
        const c = allCells.findIndex((cell) => centerX(cell) >= xs[k]! && centerX(cell) < xs[k + 1]!);
        return c < 0 ? undefined : c;
      });

  // A header cell may wrap onto more lines: under rules or shading, the header row goes down to its bottom
  // rule or to the end of the shading.
  const shadingBottom = columnSource === 'shading' && !given ? headerShadingBottom(header, context.page.rects, context.fontSize) : undefined;
  const firstRule =
    rules && !given
      ? context.horizontal.filter((h) => h.at > header.y1 - near && overlap(h.from, h.to, left, right) >= 0.3 * (right - left)).sort((a, b) => a.at - b.at)[0]?.at
      : undefined;
  // The header's bottom rule may be missing while its column rules break there (a repeated header over a row
  // going on from the page before): that break is the header row's bottom edge, and a row edge under it.
  const ruleBreak = rules && !given ? headerRuleBreak(context.page.rulings, xs, header.y1, firstRule ?? bottom, all, tol) : undefined;
  const horizontal = ruleBreak === undefined ? context.horizontal : [...context.horizontal, { at: ruleBreak, from: left, to: right }];
  const headerBottom =
    ruleBreak ?? firstRule ?? shadingBottom ?? (rules || given ? undefined : ruleUnderHeader(context, header, xs, anchor.key === undefined ? 0 : columnCells.indexOf(anchor.key), headerSize, tol));
  if (headerBottom !== undefined) {
    for (const i of all) if (!inHeader.has(i) && centerY(i) > header.y1 && centerY(i) < headerBottom && i.x0 >= left - slack && i.x0 < right) band.push(i);
  } else if (!given && header.y1 > header.y0) {
    // Nothing drawn closes the header: its cells' wrapped lines stand at the line pitch under it.
    const under = all.filter((i) => !inHeader.has(i) && centerY(i) > header.y1 && centerY(i) < bottom && i.x0 >= left - slack && i.x0 < right);
    band.push(...headerWraps(headerItems, under, xs, tol));
  }
  const inBand = new Set(band);
  const inBody = all.filter((i) => !inHeader.has(i) && !inBand.has(i) && i.y0 >= header.y1 - overshoot(i) && centerY(i) < bottom && i.x0 >= left - slack && i.x0 < right);
  // Under column rules, a run glued over a rule is two cells' texts; without them, one glued over where the
  // next column's text starts (a title row merged across the columns aside).
  const split =
    columnSource === 'rules'
      ? splitAtColumnRules(inBody, xs, context.vertical, tol)
      : splitAtTextStarts(inBody, xs, columnTextStarts(inBody, xs, slack), tol, new Set(groupRows(inBody).filter((row) => runsAcrossColumns(row, xs, slack)).flat()));
  const body = split?.items ?? inBody;
  const used = new Set<TextItem>(headerItems);
  for (const i of band) if (i.x0 >= left - slack && i.x0 < right) used.add(i);
  const bodySize = median(body.map((i) => i.fontSize)) || headerSize;

  const key = given ? (given.key ?? 0) : columnCells.indexOf(anchor.key ?? 0);
  const ruledColumns = rules !== undefined;
  // Rules between rows may skip a column without header opening the table (a cell merged down its rows).
  const leadingHeaderless = columnCells.findIndex((c) => c !== undefined);
  const rowsLeft = leadingHeaderless > 0 ? xs[leadingHeaderless]! : undefined;
  const { spans, fromRules, paragraphShare } = rowSpans({
    body, xs, key, header, bottom, ruledColumns, horizontal, rects: context.page.rects, size: bodySize, tolerance: tol, rowsLeft, paragraphShare: anchor.paragraphShare,
  });

  // Cells: items by the centre of their height into rows, by where they start into columns.
  const byRow: TextItem[][] = spans.map(() => []);
  for (const item of body) {
    const r = spanAt(spans, centerY(item));
    if (r >= 0) byRow[r]!.push(item);
  }
  const grid: GridCell[] = [];
  spans.forEach((_, r) => {
    const perColumn: TextItem[][] = columnCells.map(() => []);
    const merged = runsAcrossColumns(byRow[r]!, xs, slack);
    for (const item of byRow[r]!) {
      const c = merged ? 0 : columnAt(xs, item.x0 + 0.5 * slack, slack);
      if (c >= 0) {
        perColumn[c]!.push(item);
        used.add(split?.origin.get(item) ?? item);
      }
    }
    const linesOf = (items: TextItem[]) => (items.length ? groupRows(items).map(lineOf).filter((l) => l.text) : []);
    if (merged) grid.push({ row: r, col: 0, items: perColumn[0]!, lines: linesOf(perColumn[0]!), colSpan: perColumn.length, rowSpan: 1 });
    else perColumn.forEach((items, c) => grid.push({ row: r, col: c, items, lines: linesOf(items), colSpan: 1, rowSpan: 1 }));
  });
  // A page going on without its header keeps the carried table's: only its columns without one may merge down.
  mergeDownHeaderless(grid, spans, xs, columnCells, { fromRules, horizontal: context.horizontal, rects: context.page.rects, size: bodySize, tolerance: tol });
  const filled = grid.filter((g) => g.lines.length > 0 && g.colSpan === 1);
  // Line pitch and its jitter as shares of the type size: cells set in different sizes share the ratio.
  const ratio = linePitchRatio(filled.map((g) => g.lines));
  // Gutter edges lie mid-gap, not at a cell's border: only rules and shading give a column's true width.
  const measures = columnCells.map((_, k) =>
    measureColumn(
      filled.filter((g) => g.col === k).map((g) => g.lines),
      { x0: xs[k]!, x1: xs[k + 1]! },
      columnSource !== 'gutters',
    ),
  );
  const bodyCells: TableCell[] = grid.map((g) => {
    const box = unionBox(g.lines);
    const size = median(g.lines.map((l) => l.fontSize)) || bodySize;
    const text = box ? cellText(g.lines, ratio ? ratio.pitch * size : 1.2 * size, measures[g.col], ratio ? ratio.jitter * size : 0) : '';
    return { row: g.row, col: g.col, rowSpan: g.rowSpan, colSpan: g.colSpan, text, box, items: g.items, lines: g.lines };
  });

  const hasHeader = header.y1 > header.y0;
  const top = Math.min(header.y0, rules?.top ?? header.y0);
  // Rows cut by gaps end with their text; rows cut by rules at the table's bottom edge.
  const textBottom = Math.max(header.y1, ...bodyCells.map((c) => c.box?.y1 ?? -Infinity));
  const tableBottom = fromRules ? bottom : textBottom;
  const box: Box = { x0: left, y0: top, x1: right, y1: tableBottom };

  // The grid: the header row (its band's text by centre), then every row span.
  const headerRow: TableCell[] = [];
  if (hasHeader)
    xs.slice(1).forEach((x1, k) => {
      const inside = [...headerItems, ...band].filter((i) => centerX(i) >= xs[k]! && centerX(i) < x1);
      headerRow.push({ row: 0, col: k, rowSpan: 1, colSpan: 1, text: inside.length ? headerText(inside) : '', box: unionBox(inside), items: inside });
    });
  const offset = hasHeader ? 1 : 0;
  const ys = spans.length ? [spans[0]!.y0, ...spans.map((s) => s.y1)] : [hasHeader ? header.y1 : top];
  if (hasHeader) ys.unshift(Math.min(top, ys[0]!));
  const tableCells = [...headerRow, ...bodyCells.map((c) => ({ ...c, row: c.row + offset }))];
  const positions = Math.max(1, (ys.length - 1) * (xs.length - 1));
  const fill = tableCells.filter((c) => c.text).length / positions;
  const flavor: Flavor = columnSource === 'rules' && fromRules ? 'ruled' : columnSource === 'rules' || fromRules ? 'hybrid' : 'stream';
  const guesses = [
    ...(given ? ['columns carried over from the table above'] : columnSource === 'shading' ? ['columns from the header shading'] : columnSource === 'gutters' ? ['columns from whitespace'] : []),
    ...(fromRules ? [] : ['rows from shading or gaps']),
  ];

  const unassigned = all.filter((i) => !used.has(i) && containsPoint(box, centerX(i), centerY(i), -1));
  return {
    page: context.page.number,
    box,
    flavor,
    xs,
    ys,
    cells: tableCells,
    headerRows: hasHeader ? 1 : 0,
    quality: { confidence: flavor === 'ruled' ? 0.9 : flavor === 'hybrid' ? 0.8 : 0.7, fill, drawnFill: fill, guesses },
    columnSource,
    rowsFromRules: fromRules,
    openBottom: spans[spans.length - 1]?.open ?? false,
    columnCells,
    headerWrapped: !given && band.length > 0,
    used,
    unassigned,
    fontSize: bodySize,
    ...(paragraphShare === undefined ? {} : { paragraphShare }),
  };
}

interface GridCell {
  row: number;
  col: number;
  items: TextItem[];
  lines: Line[];
  colSpan: number;
  rowSpan: number;
}

/**
 * A column without header (a title set beside the rows it heads, as a cell merged down them) may hold one cell
 * over several rows: its text then runs over the row edges. Its cell in a row goes on from the cell above when
 * nothing closes the cell there: under rules, no rule crosses the column at the edge (the others' rules skip
 * it); else the cell's shading runs over the edge, or its first line follows the line above at the column's
 * own line spacing (closer than a row's padding). The lower cell's text joins the upper cell, which spans one
 * more row. Columns with a header are read row by row as before.
 */
export function mergeDownHeaderless(
  grid: GridCell[],
  spans: readonly RowSpan[],
  xs: readonly number[],
  columnCells: readonly (number | undefined)[],
  e: { fromRules: boolean; horizontal: readonly Rule[]; rects: readonly FilledRect[]; size: number; tolerance: number },
): void {
  const { size, tolerance: tol } = e;
  columnCells.forEach((header, c) => {
    if (header !== undefined) return;
    const x0 = xs[c]!;
    const x1 = xs[c + 1]!;
    const inner = (a: number, b: number) => overlap(a, b, x0 + tol, x1 - tol) >= 0.5 * (x1 - x0 - 2 * tol);
    const closedByRule = (y: number) => e.horizontal.some((h) => Math.abs(h.at - y) <= tol && inner(h.from, h.to));
    // One shaded cell holds both lines (the cell above may be painted down to the next one's top).
    const shadedOver = (a: Line, b: Line) => e.rects.some((r) => isShading(r) && r.y0 <= a.y0 && r.y1 >= b.y1 && inner(r.x0, r.x1));
    let owner: GridCell | undefined;
    for (let r = 0; r < spans.length; r++) {
      const cell = grid.find((g) => g.row === r && g.col === c && g.colSpan === 1);
      if (!cell) {
        owner = undefined;
        continue;
      }
      const edge = spans[r]!.y0;
      const upper = owner?.lines[owner.lines.length - 1];
      const lower = cell.lines[0];
      const open =
        owner !== undefined &&
        upper !== undefined &&
        lower !== undefined &&
        (e.fromRules ? !closedByRule(edge) : shadedOver(upper, lower) || lower.y0 - upper.y1 <= 0.35 * size);
      if (open) {
        owner!.items.push(...cell.items);
        owner!.lines.push(...cell.lines);
        owner!.rowSpan = r - owner!.row + 1;
        grid.splice(grid.indexOf(cell), 1);
      } else owner = cell.lines.length ? cell : undefined;
    }
  });
}

/**
 * A rule drawn across the table under its header when no vertical rules are drawn (a rule under the header
 * only, or the first of rules between rows): when nothing stands in the key column between the header and it,
 * the text above it is the header's (a header cell wrapped onto more lines), not a row. Looked for within a few
 * header lines of the header's first line.
 */
export function ruleUnderHeader(context: PageContext, header: Box, xs: readonly number[], key: number, size: number, tol: number): number | undefined {
  const left = xs[0]!;
  const right = xs[xs.length - 1]!;
  const rule = context.horizontal
    .filter((h) => h.at > header.y1 - 0.5 * tol && h.at <= header.y1 + 4 * size && overlap(h.from, h.to, left, right) >= 0.8 * (right - left))
    .sort((a, b) => a.at - b.at)[0];
  if (!rule || key < 0) return undefined;
  const slack = tol;
  const keyText = context.items.some((i) => centerY(i) > header.y1 && centerY(i) < rule.at && columnAt(xs, i.x0 + 0.5 * slack, slack) === key);
  return keyText ? undefined : rule.at;
}

/** Index of the span holding y (binary search); -1 outside. */
function spanAt(spans: readonly RowSpan[], y: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (y < s.y0) hi = mid - 1;
    else if (y >= s.y1) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** What a table ending a page tells the next page, so that a page going on without the header can be read. */
export interface CarriedTable {
  /** Column edges. */
  xs: readonly number[];
  /** Where text starts in each column (cell padding), where known. */
  textStarts: readonly (number | undefined)[];
  /** The column whose text opens a row; it must hold text on the new page too. */
  key: number;
  /** The columns were drawn by vertical rules. */
  ruled: boolean;
  source: ColumnSource;
  /** Type size of the table's body text: the continuation is judged with the table's own measures, not the new page's. */
  fontSize: number;
}

/**
 * Is the text from a would-be continuation down running text set across the carried table's columns? A cell's
 * text ends before the next column's text starts; prose set across the page (a section after the table, such
 * as the transversal priorities) has, on most lines, a word running over where some column's text starts. The
 * text starts were measured on the table's own cells, unlike gutter edges guessed between them. A word counts
 * when it runs more than half its type size past such a start on both sides.
 */
export function overrunsTable(items: readonly TextItem[], carried: Pick<CarriedTable, 'xs' | 'textStarts' | 'fontSize'>): boolean {
  const { xs, fontSize } = carried;
  const starts = carried.textStarts.slice(1).filter((s): s is number => s !== undefined);
  const rows = groupRows(items.filter((i) => i.x0 >= xs[0]! - 0.5 * fontSize && i.x0 < xs[xs.length - 1]!));
  if (!rows.length || !starts.length) return false;
  // Text starting at one x on three lines or more, other than the table's left edge, is a column of this page
  // whose edges moved from the page before (columns sized to their content), not words of running text.
  const first = carried.textStarts[0] ?? xs[0]!;
  const near = (a: number, b: number) => Math.abs(a - b) <= 0.1 * fontSize;
  const inColumn = (i: TextItem) => !near(i.x0, first) && rows.filter((row) => row.some((o) => near(o.x0, i.x0))).length >= 3;
  const straddles = (i: TextItem) => {
    const margin = 0.5 * Math.max(fontSize, i.fontSize);
    return starts.some((s) => i.x0 < s - margin && i.x1 > s + margin) && !inColumn(i);
  };
  const over = rows.filter((row) => row.some(straddles)).length;
  return over >= 0.5 * rows.length;
}

/**
 * Only some columns go on, the key column's cell having ended on the page before (a long chantier title beside
 * the rows and a long indicator): two carried-over columns or more have text opening on the page's first line,
 * within half the type size of each other. Text reaching one column start by chance opens one column, not two
 * level with each other.
 */
export function startTogether(aligned: ReadonlyMap<number, readonly TextItem[]>, top: number, fontSize: number): boolean {
  let level = 0;
  for (const items of aligned.values()) if (Math.min(...items.map((i) => i.y0)) - top <= 0.5 * fontSize) level++;
  return level >= 2;
}

/**
 * The top of a continuation found from aligned text, moved up over the lines set right above it inside one
 * carried column (each less than three quarters of the type size above the next): the end of a list item
 * indented past the column's text start ("thophonistes" under "- Pour les or-") is the cell going on too.
 * Text across columns (a title) is not one column's.
 */
export function wrappedAbove(items: readonly TextItem[], top: number, xs: readonly number[], fontSize: number): number {
  const inOneColumn = (i: TextItem) => xs.slice(1).some((x1, k) => i.x0 >= xs[k]! && i.x1 <= x1 + 0.1 * fontSize);
  let y = top;
  for (;;) {
    const above = items.filter((i) => i.y0 < y - 0.5 && y - i.y1 <= 0.75 * fontSize && inOneColumn(i));
    if (!above.length) return y;
    y = Math.min(...above.map((i) => i.y0));
  }
}

/**
 * A table going on at the top of a page without repeating its header row: found from vertical rules at the
 * carried-over column edges (ruled tables: rules at three edges at least), or from text starting at the
 * carried-over text edges of two columns at least, the key column among them. Returns the anchor to read it
 * with (an empty header at the table's top, the columns given), above `limit`.
 */
export function findContinuation(context: PageContext, carried: CarriedTable, limit: number): Anchor | undefined {
  const xs = carried.xs;
  const tol = ruleTolerance(carried.fontSize);
  const anchorAt = (top: number, ruledBottom?: number): Anchor => ({
    header: { x0: xs[0]!, y0: top, x1: xs[xs.length - 1]!, y1: top },
    limit,
    columns: { xs, source: carried.source, key: carried.key, ...(ruledBottom !== undefined ? { ruledBottom } : {}) },
  });
  if (carried.ruled) {
    const atEdges = context.vertical.filter((v) => v.from < limit && xs.some((b) => Math.abs(v.at - b) <= tol));
    const edges = new Set(atEdges.map((v) => xs.findIndex((b) => Math.abs(v.at - b) <= tol)));
    if (edges.size < Math.min(3, xs.length)) return undefined;
    return anchorAt(Math.min(...atEdges.map((v) => v.from)), Math.max(...atEdges.map((v) => v.to)));
  }
  // Cells of a column start where the column's padding puts them, within a tenth of the type size.
  const aligned = new Map<number, TextItem[]>();
  for (const i of context.items) {
    if (i.y0 >= limit) continue;
    const k = carried.textStarts.findIndex((s) => s !== undefined && Math.abs(i.x0 - s) <= 0.1 * carried.fontSize);
    if (k < 0) continue;
    const list = aligned.get(k);
    if (list) list.push(i);
    else aligned.set(k, [i]);
  }
  if (!aligned.size) return undefined;
  const top = wrappedAbove(context.items, Math.min(...[...aligned.values()].flat().map((i) => i.y0)), xs, carried.fontSize);
  if (overrunsTable(context.items.filter((i) => i.y0 >= top - 0.5 && i.y0 < limit), carried)) return undefined;
  if (aligned.size >= 2 && aligned.has(carried.key)) return anchorAt(top - 0.5);
  if (startTogether(aligned, top, carried.fontSize)) return anchorAt(top - 0.5);
  // Only some columns go on (the rest of a long cell): a rule drawn across exactly the carried table's width
  // right above that text says the table goes on.
  const frame = context.horizontal.find(
    (h) => Math.abs(h.from - xs[0]!) <= tol && Math.abs(h.to - xs[xs.length - 1]!) <= tol && h.at <= top && top - h.at <= 2 * carried.fontSize,
  );
  return frame ? anchorAt(frame.at) : undefined;
}
