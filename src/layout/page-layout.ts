import type { FilledRect, PageModel, Ruling, TextItem } from '../sources/page-model.js';
import { joinWrappedLines } from '../text/normalize.js';
import { type Box, centerX, maxOf, median, minOf, overlap, unionBox } from './geometry.js';
import { groupLines, isUpright, type Line, lineOf } from './lines.js';
import { type Block, leavesToReadingLines, type ReadingLine, SEGMENT_GAP, splitAtColumnGaps, xyCut } from './reading-order.js';
import { CHANTIER_LABEL, CHANTIER_LABEL_ONLY, findHeaderlessTable, findHeaderRows, headerCellColumn, isTitleLine, readTable, splitGluedHeaderCells, stripChantierLabel, type Table, type TableHint } from './table.js';
import { pageContext } from './tables/context.js';
import { findPageTables, tableRows } from './tables/index.js';

export type PageKind = 'cover' | 'editorial' | 'axes-list' | 'axis-divider' | 'table' | 'transversal' | 'other';

/** A title printed over a table ("Chantier : …"), its wrapped lines joined. */
export interface TitleBlock extends Box {
  text: string;
  lines: Line[];
}

export interface LaidOutTable extends Table {
  /** "Chantier : …" above the table, in its title zone. */
  title?: TitleBlock;
  /** Some text sits between the previous table (or the page top) and this table, but no "Chantier :" line. */
  hasBandAbove: boolean;
}

export interface AxisMarker extends Box {
  number: number;
  /** Where it was read: a side tab next to the tables, or a divider page. */
  source: 'side' | 'page';
}

/** Everything the layout found on one page: regions by position, tables, and the rest in reading order. */
export interface PageLayout {
  page: number;
  width: number;
  height: number;
  kind: PageKind;
  tables: LaidOutTable[];
  /** Running header and footer lines (page number, document title, agency name). */
  footer: ReadingLine[];
  /** A chantier title ending the page, whose table begins on the next page. */
  trailingTitle?: TitleBlock;
  /** Keys (runningKey) of the lines at the top of the page, for the next pages' running-header test. */
  topLines: string[];
  /** Text beside the tables (outside their width), e.g. an "Action prioritaire #N" tab. */
  side: ReadingLine[];
  axisMarker?: AxisMarker;
  /** On a divider page: the axis title (largest text other than the marker). */
  axisTitle?: TitleBlock;
  /** Lines outside tables, titles, footer and side tab, in reading order. */
  prose: ReadingLine[];
  /** All the page's text in reading order, tables rendered one row per line with TAB-separated cells. */
  reading: ReadingLine[];
  /** Items inside a table's area that no header or cell took. */
  unassigned: TextItem[];
  /** Tables on a page of roadmap tables that are not roadmap tables: their header names no roadmap column. */
  otherTables: OtherTable[];
  /** Rotated items (kept out of lines and reading order). */
  rotated: TextItem[];
  /** Median font size of the page's upright text. */
  bodySize: number;
  /** Lines the classification looks at (not shown elsewhere). */
  itemCount: number;
}

const AXIS_MARKER = /action\s+prioritaire\s*(?:n\s*°\s*|#)?\s*(\d{1,2})\b/i;
const AXIS_HEADING = /^\s*action\s+prioritaire\s*(?:n\s*°\s*|#)?\s*(\d{1,2})\s*[:–—.-]\s*(\S.*)$/i;
const HASH_NUMBER = /(?:^|\s)#\s*(\d{1,2})\b/;
const MARKER_PIECE = /^(?:action(?:\s+prioritaire)?|prioritaire|#\s*\d{1,2}|action\s+prioritaire\s*(?:n\s*°\s*|#)?\s*\d{1,2})$/i;

/**
 * Running footer: lines in the bottom tenth of the page that carry the page's own number as a separate token,
 * or that stand apart from everything above by a gap of two lines. A line inside a table cell (vertical rules
 * on both sides of it that end within two of its heights below it: the last row of a table set low, padded
 * apart from the row above) is none.
 */
export function findFooter(lines: readonly Line[], page: Pick<PageModel, 'number' | 'height'> & { rulings?: readonly Ruling[] }): Line[] {
  const zoneTop = 0.9 * page.height;
  const candidates = lines.filter((l) => l.y0 >= zoneTop && !inRuledCell(l, page.rulings ?? []));
  if (!candidates.length) return [];
  const pageNumber = new RegExp(`(?:^|[^\\d])${page.number}(?:[^\\d]|$)`);
  const top = minOf(candidates, (l) => l.y0);
  const lowestAbove = maxOf(lines, (l) => (l.y0 < zoneTop && l.y1 <= top + 0.5 ? l.y1 : -Infinity));
  const size = maxOf(candidates, (l) => l.fontSize);
  const apart = top - lowestAbove >= 2 * size;
  if (apart) return candidates;
  return candidates.filter((l) => pageNumber.test(l.text) && l.text.length <= 120);
}

/**
 * A title line set in a table's first column beside its rows (a chantier cell merged down them), not across
 * the table: other text stands level with it to its right, within the table's width. Such a line heads the
 * rows beside it and does not end the table.
 */
export function besideRows(title: Line, lines: readonly Line[], tableRight: number): boolean {
  const height = title.y1 - title.y0;
  return lines.some((o) => o !== title && o.x0 > title.x1 && o.x0 < tableRight && overlap(o.y0, o.y1, title.y0, title.y1) >= 0.5 * height);
}

function inRuledCell(line: Line, rulings: readonly Ruling[]): boolean {
  const y = (line.y0 + line.y1) / 2;
  const height = line.y1 - line.y0;
  const framing = rulings.filter((r) => r.orientation === 'v' && r.y0 <= y && r.y1 >= y && r.y1 <= line.y1 + 2 * height);
  return framing.some((r) => r.x1 <= line.x0 + 1) && framing.some((r) => r.x0 >= line.x1 - 1);
}

/** A running header's text with its numbers masked, so "Page 3" and "Page 4" are the same line. */
export function runningKey(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
}

const NOT_RUNNING = /^\s*(?:chantier\b|action\s+prioritaire|#\s*\d)/i;
const OPENS_TITLE = (text: string) => CHANTIER_LABEL.test(text) || CHANTIER_LABEL_ONLY.test(text);

/**
 * Top lines that are never running headers: chantier titles and axis headings, and the lines they wrap onto
 * (a title repeated in a band on every page of its chantier wraps the same way on each).
 */
function neverRunning(lines: readonly Line[]): Set<Line> {
  const sorted = [...lines].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const out = new Set<Line>();
  sorted.forEach((l, k) => {
    if (NOT_RUNNING.test(l.text)) for (const t of titleFrom(sorted, k).lines) out.add(t);
  });
  return out;
}

/**
 * Running header: lines in the top tenth of the page, above all other text, that were already seen at the top
 * of an earlier page (numbers aside), or that are no larger than the body text, not bold, and stand apart
 * from everything below by two lines. Chantier titles and axis markers are never running headers, even when
 * a chantier repeats its title on every page.
 */
export function findRunningHeader(
  lines: readonly Line[],
  page: Pick<PageModel, 'height'>,
  bodySize: number,
  seen: ReadonlySet<string>,
  /** Text that is never a running header but stands at the top all the same (a table's header row). */
  kept: readonly Line[] = [],
): Line[] {
  const zoneBottom = 0.1 * page.height;
  const titles = neverRunning(lines);
  const candidates = lines.filter((l) => l.y1 <= zoneBottom && !titles.has(l)).sort((a, b) => a.y0 - b.y0);
  if (!candidates.length) return [];
  const out: Line[] = [];
  const seenLine = (o: Line) => candidates.includes(o) && seen.has(runningKey(o.text));
  // A line seen before is a running header only when no other text stands level with it or above it: a short
  // word of a cell ("des", "à" in a justified line cut at a wide gap) may have opened an earlier page too.
  // A table header's cell wrapped onto a second line ("MODALITÉS / DE FINANCEMENT") has the header row above it.
  const aloneAtTop = (l: Line) => [...lines, ...kept].every((o) => o === l || o.y0 >= l.y1 - 0.25 * l.fontSize || out.includes(o) || seenLine(o));
  for (const l of candidates) {
    // Top lines closer than two lines below it go with it (a wrapped header, or the lines of a paragraph going
    // on from the previous page); the text under them must stand apart, and there must be some.
    let bottom = l.y1;
    for (const o of candidates) if (o.y0 >= bottom - 0.5 && o.y0 - bottom < 2 * l.fontSize) bottom = Math.max(bottom, o.y1);
    const below = lines.filter((o) => o.y0 >= bottom - 0.5);
    const nextTop = below.length ? minOf(below, (o) => o.y0) : Infinity;
    const apart = nextTop - bottom >= 2 * l.fontSize && nextTop < 0.9 * page.height;
    if ((seen.has(runningKey(l.text)) && aloneAtTop(l)) || (apart && !l.bold && l.fontSize <= bodySize + 0.5)) out.push(l);
  }
  return out;
}

/**
 * Joins a title's wrapped lines: consecutive lines of similar style, each within a line and a half of the one
 * above (baseline to baseline), starting under the first line (at its left edge or further right, short of its end),
 * or centred on it; lines wholly to the right of the title's lines, level with them, are not in the way.
 */
function titleFrom(lines: readonly Line[], start: number): TitleBlock {
  const first = lines[start]!;
  const taken = [first];
  for (let k = start + 1; k < lines.length; k++) {
    const prev = taken[taken.length - 1]!;
    const next = lines[k]!;
    // Text entirely beside the title (a side tab "Action / prioritaire / #2" level with its lines) is passed over.
    if (next.x0 >= Math.max(...taken.map((l) => l.x1)) && next.y0 < prev.y1 + prev.fontSize) continue;
    const size = Math.max(prev.fontSize, next.fontSize);
    const close = next.y0 - prev.y0 <= 1.7 * size && next.y0 > prev.y0;
    // A wrapped line starts under the first one (at its left edge or indented), not past its end (text beside it).
    const aligned = (next.x0 >= first.x0 - 2 && next.x0 < first.x1) || Math.abs(centerX(next) - centerX(first)) <= size;
    const sameStyle = Math.abs(next.fontSize - first.fontSize) <= 0.6 && next.bold === first.bold;
    // "Chantier :" alone on its line: the title is the next line whatever its style.
    const labelOnly = taken.length === 1 && CHANTIER_LABEL_ONLY.test(first.text);
    if (!close || !aligned || (!sameStyle && !labelOnly) || OPENS_TITLE(next.text)) break;
    taken.push(next);
  }
  const text = stripChantierLabel(joinWrappedLines(taken.map((l) => l.text)).replace(/\n/g, ' '));
  return { ...unionBox(taken)!, text, lines: taken };
}

function toReadingLine(line: Line): ReadingLine {
  return { x0: line.x0, y0: line.y0, x1: line.x1, y1: line.y1, text: line.text, fontSize: line.fontSize, bold: line.bold, paragraphBreak: false, parts: [line] };
}

/** A table the table layer found beside the roadmap tables of a page, whose header names no roadmap column. */
export interface OtherTable extends Box {
  /** Its text, row by row (a merged cell's text at its top-left position). */
  rows: string[][];
  /** Number of header rows at the top of `rows` (at least the first row is taken as the header). */
  headerRows: number;
  /** Row edges, top to bottom (rows + 1 values). */
  ys: number[];
}

/**
 * Tables among `items` (the text of a page that no roadmap table, title or cell took), read by the table layer's
 * finders, that do not overlap a roadmap table and whose header row names none of the roadmap columns. The
 * items of each are returned with it, to keep them out of the page's prose.
 */
function otherTablesIn(page: PageModel, items: readonly TextItem[], roadmap: readonly Box[]): (OtherTable & { items: TextItem[] })[] {
  // Two rows of two cells at least.
  if (items.length < 4) return [];
  const out: (OtherTable & { items: TextItem[] })[] = [];
  for (const t of findPageTables(page, pageContext({ ...page, items: [...items] }))) {
    if (roadmap.some((r) => overlap(r.x0, r.x1, t.box.x0, t.box.x1) > 0 && overlap(r.y0, r.y1, t.box.y0, t.box.y1) > 0)) continue;
    const rows = tableRows(t);
    const headerRows = Math.max(1, t.headerRows);
    if (rows.slice(0, headerRows).some((row) => row.some((cell) => headerCellColumn(cell) !== undefined))) continue;
    out.push({ ...t.box, rows, headerRows, ys: t.ys, items: t.cells.flatMap((c) => c.items) });
  }
  return out;
}

function otherTableReadingLines(table: OtherTable): ReadingLine[] {
  return table.rows.map((row, r) => ({
    x0: table.x0,
    y0: table.ys[r]!,
    x1: table.x1,
    y1: table.ys[r + 1]!,
    text: row.map((c) => c.replace(/\n/g, ' ')).join('\t'),
    fontSize: 0,
    bold: r < table.headerRows,
    paragraphBreak: r === 0,
    parts: [],
  }));
}

function tableReadingLines(table: Table): ReadingLine[] {
  const header = table.columns.map((c) => c.label).join('\t');
  const out: ReadingLine[] = [{ ...boxOf(table.header), text: header, fontSize: median(table.header.items.map((i) => i.fontSize)), bold: true, paragraphBreak: true, parts: [] }];
  for (const row of table.rows) {
    const cells = table.columns.map((c) => (c.name ? (row.cells[c.name]?.text ?? '') : (row.extra.find((e) => e.label === c.label)?.text ?? '')).replace(/\n/g, ' '));
    out.push({ x0: row.x0, y0: row.y0, x1: row.x1, y1: row.y1, text: cells.join('\t'), fontSize: 0, bold: false, paragraphBreak: false, parts: [] });
  }
  return out;
}

const boxOf = (b: Box): Box => ({ x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 });

/** Axis number from marker text ("Action prioritaire #3", or a tab reading "Action / prioritaire / #3"). */
export function axisNumberIn(text: string): number | undefined {
  const m = AXIS_MARKER.exec(text) ?? HASH_NUMBER.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 1 && n <= 99 ? n : undefined;
}

/**
 * Lays out one page: footer, roadmap tables (header rows found by their words, wherever the content stream
 * draws them), each table's "Chantier :" title from the zone above it, the side tab beside the tables, the
 * axis marker, and the remaining lines in reading order. Pure; near-linear in the page's items.
 */
/**
 * List bullets drawn as shapes (a small filled disc or square, no glyph in the text layer) become "•" items,
 * so that their list items read like typed ones: a dark shape no larger than half the text's size, level with
 * the start of a text item that begins within two of its sizes to the right.
 */
export function drawnBullets(items: readonly TextItem[], rects: readonly FilledRect[]): TextItem[] {
  const bullets: TextItem[] = [];
  for (const r of rects) {
    const w = r.x1 - r.x0;
    const h = r.y1 - r.y0;
    if (w <= 0.5 || h <= 0.5 || Math.abs(w - h) > 0.3 * Math.max(w, h) || r.fill === null || r.fill === '#ffffff') continue;
    const cy = (r.y0 + r.y1) / 2;
    const owner = items.find(
      (i) => i.y0 <= cy && i.y1 >= cy && w <= 0.5 * i.fontSize && i.x0 >= r.x1 - 0.5 && i.x0 - r.x1 <= 2 * i.fontSize && !/^\s*[•●▪■◦]/.test(i.text),
    );
    if (owner) bullets.push({ ...owner, text: '•', x0: r.x0, x1: r.x1, order: owner.order - 0.5, angle: owner.angle });
  }
  return bullets;
}

/**
 * `paragraphShare`: the paragraph space the document's tables showed so far (a share of the type size), for a
 * table whose own cells show none.
 */
export function analysePage(page: PageModel, previousTable?: TableHint, seenAtTop: ReadonlySet<string> = new Set(), paragraphShare?: number): PageLayout {
  const upright0 = splitGluedHeaderCells(page.items.filter(isUpright));
  const upright = upright0.concat(drawnBullets(upright0, page.rects));
  const rotated = page.items.filter((i) => !isUpright(i));
  const lines = groupLines(upright, { splitGap: SEGMENT_GAP });
  const bodySize = median(upright.map((i) => i.fontSize)) || 10;
  // A table's header row at the top of every page is not a running header.
  const headerRowItems = new Set(findHeaderRows(upright).flatMap((h) => h.items));
  const inHeaderRow = (l: Line) => l.items.some((i) => headerRowItems.has(i));
  const notInHeaderRow = lines.filter((l) => !inHeaderRow(l));
  const topTitles = neverRunning(notInHeaderRow);
  const topLines = notInHeaderRow.filter((l) => l.y1 <= 0.1 * page.height && !topTitles.has(l)).map((l) => runningKey(l.text));
  const footerLines = [...findRunningHeader(notInHeaderRow, page, bodySize, seenAtTop, lines.filter(inHeaderRow)), ...findFooter(lines, page)];
  const footerSet = new Set(footerLines);
  const footerItems = new Set(footerLines.flatMap((l) => l.items));
  const contentItems = upright.filter((i) => !footerItems.has(i));
  const contentLines = lines.filter((l) => !footerSet.has(l));
  const bottomLines = footerLines.filter((l) => l.y0 >= 0.5 * page.height);
  const footerTop = bottomLines.length ? minOf(bottomLines, (l) => l.y0) : page.height;
  // The page as the table layer reads it: its content (running header and footer aside, drawn bullets in).
  const context = pageContext({ ...page, items: contentItems });

  const headers = findHeaderRows(contentItems).sort((a, b) => a.y0 - b.y0);
  const titleCandidates = contentLines.filter((l) => isTitleLine(l, bodySize)).sort((a, b) => a.y0 - b.y0);
  /** No text but titles follows the title line above `bottom`: its table starts on the next page. */
  const nothingFollows = (l: Line, bottom: number) => !contentLines.some((o) => o.y0 > l.y1 + 0.5 * l.fontSize && o.y0 < bottom && !titleCandidates.includes(o));
  const tables: LaidOutTable[] = [];
  for (let k = 0; k < headers.length; k++) {
    const header = headers[k]!;
    const next = headers[k + 1];
    let limit = Math.min(footerTop, next ? next.y0 : page.height);
    // A chantier title below the header ends the table when the next table's header follows it, or when
    // nothing follows it on the page (its table starts on the next page); otherwise it is a row inside
    // the table that names the chantier of the rows below it.
    const stopper = titleCandidates.find(
      (l) => l.y0 > header.y1 && l.y0 < limit && !besideRows(l, contentLines, header.x1) && (next !== undefined || nothingFollows(l, footerTop)),
    );
    if (stopper) limit = stopper.y0;
    const table = readTable(header, context, limit, undefined, paragraphShare);
    tables.push({ ...table, hasBandAbove: false });
  }
  // The previous page ended with a table: above this page's first header row (or on the whole page if it has
  // none), that table may go on without repeating its header.
  if (previousTable) {
    const firstHeader = headers[0];
    const titleAbove = firstHeader && titleCandidates.filter((l) => l.y1 <= firstHeader.y0 + 1).pop();
    const above = firstHeader ? (titleAbove?.y0 ?? firstHeader.y0) : footerTop;
    const found = findHeaderlessTable(context, previousTable, above);
    if (found) {
      // As under a header: a chantier title ends the table only when nothing but titles follows it down to the
      // next header (or the page's end); otherwise it is a row inside the table naming the chantier below it.
      // A title beside the rows (chantier column) does not end it either.
      const stopper = titleCandidates.find(
        (l) => l.y0 > found.header.y1 && l.y0 < above && !besideRows(l, contentLines, found.header.x1) && nothingFollows(l, above),
      );
      const limit = stopper ? stopper.y0 : above;
      const table = readTable(found.header, context, limit, found.fixed, paragraphShare);
      if (table.rows.length) tables.unshift({ ...table, hasBandAbove: false });
    }
  }

  const used = new Set<TextItem>();
  for (const t of tables) for (const i of t.used) used.add(i);
  const isFree = (l: Line) => l.items.every((i) => !used.has(i));

  // Title zones: between the previous table (or the page top) and each header, across the table's width.
  const titleLines = new Set<Line>();
  const sorted = contentLines.filter(isFree).sort((a, b) => a.y0 - b.y0);
  tables.forEach((table, k) => {
    const zoneTop = k === 0 ? 0 : tables[k - 1]!.y1 - 1;
    const zone = sorted.filter((l) => l.y0 >= zoneTop && l.y1 <= table.header.y0 + 1 && overlap(l.x0, l.x1, table.x0, table.x1) > 0);
    table.hasBandAbove = zone.length > 0;
    // The "Chantier :" line nearest above the header is the table's title.
    let start = -1;
    for (let i = 0; i < zone.length; i++) if (OPENS_TITLE(zone[i]!.text)) start = i;
    if (start >= 0) {
      // The title may wrap beyond the table's width (a band wider than a narrow table): follow it in all lines.
      table.title = titleFrom(sorted, sorted.indexOf(zone[start]!));
      for (const l of table.title.lines) titleLines.add(l);
    }
  });

  // A chantier title below the page's last table (or on a page without table) whose table starts on the next
  // page: Word's "keep with next" does not always hold. The reader gives it to the next page's first table.
  let trailingTitle: TitleBlock | undefined;
  {
    const lastBottom = tables.length ? Math.max(...tables.map((t) => t.y1)) : -Infinity;
    const below = sorted.filter((l) => l.y0 >= lastBottom - 1 && !titleLines.has(l));
    const start = below.findIndex((l) => OPENS_TITLE(l.text) && (l.bold || l.fontSize > bodySize + 0.5));
    if (start >= 0 && below.slice(start).every((l) => l.y0 >= below[start]!.y0)) {
      const title = titleFrom(below, start);
      // Only when nothing but the title follows it on the page: otherwise it heads text of this page.
      if (below.slice(start + title.lines.length).length === 0) {
        trailingTitle = title;
        for (const l of title.lines) titleLines.add(l);
      }
    }
  }

  // Unassigned: items inside a table's area that neither the header nor a cell of any table took.
  const leftOver = new Set(tables.flatMap((t) => t.unassigned));
  const unassigned = contentItems.filter((i) => leftOver.has(i) && !used.has(i));
  const unassignedSet = new Set(unassigned);

  // Other tables beside the roadmap ones: read by the table layer from the text no roadmap table, title or
  // cell took; kept when their header names no roadmap column.
  const titleItems = new Set([...titleLines].flatMap((l) => l.items));
  const otherTables = tables.length ? otherTablesIn(page, contentItems.filter((i) => !used.has(i) && !unassignedSet.has(i) && !titleItems.has(i)), tables) : [];
  const otherItems = new Set(otherTables.flatMap((t) => t.items));
  const inOtherTable = (l: Line) => otherItems.size > 0 && l.items.every((i) => otherItems.has(i));

  // Side tab: free lines entirely beside the tables' width, level with them.
  const side: Line[] = [];
  if (tables.length) {
    const left = Math.min(...tables.map((t) => t.x0));
    const right = Math.max(...tables.map((t) => t.x1));
    const top = Math.min(...tables.map((t) => t.y0));
    for (const l of contentLines) {
      if (titleLines.has(l) || !isFree(l) || inOtherTable(l)) continue;
      if ((l.x0 >= right - 1 || l.x1 <= left + 1) && l.y1 >= top - 2) side.push(l);
    }
  }
  const sideSet = new Set(side);

  // Reading order over everything but the footer, each table as one block.
  type Unit = Block & { line?: Line; table?: LaidOutTable; other?: OtherTable };
  const units: Unit[] = [];
  const freeLines = contentLines.filter((l) => isFree(l) && !l.items.every((i) => unassignedSet.has(i)) && !inOtherTable(l));
  for (const l of splitAtColumnGaps(freeLines, (l) => titleLines.has(l) || sideSet.has(l))) units.push({ ...boxOf(l), fontSize: l.fontSize, line: l });
  for (const t of tables) units.push({ ...boxOf(t), fontSize: t.header.items[0]?.fontSize ?? bodySize, table: t });
  for (const t of otherTables) units.push({ ...boxOf(t), fontSize: bodySize, other: t });
  const leaves = xyCut(units);
  const reading: ReadingLine[] = [];
  const prose: ReadingLine[] = [];
  for (const leaf of leaves) {
    // Tables stay whole; the lines between them are read band by band.
    let pending: Line[] = [];
    const flush = () => {
      if (!pending.length) return;
      for (const r of leavesToReadingLines([pending])) {
        reading.push(r);
        if (!r.parts.some((p) => titleLines.has(p) || sideSet.has(p))) prose.push(r);
      }
      pending = [];
    };
    for (const unit of leaf) {
      if (unit.table) {
        flush();
        reading.push(...tableReadingLines(unit.table));
      } else if (unit.other) {
        flush();
        reading.push(...otherTableReadingLines(unit.other));
      } else pending.push(unit.line!);
    }
    flush();
  }
  // Paragraph breaks across the whole page (leaves are read one after the other).
  for (let i = 1; i < reading.length; i++) {
    const a = reading[i - 1]!;
    const b = reading[i]!;
    if (b.y0 < a.y0 - 1 || b.y0 - a.y1 > 0.5 * Math.max(a.fontSize, b.fontSize, 1)) b.paragraphBreak = true;
  }

  // An axis heading "Action prioritaire #N : <title>" over the axis's first table (documents without
  // divider pages): it gives both the number and the title.
  let headingAxis: { number: number; title: TitleBlock } | undefined;
  // A heading's line may have taken a piece of a side tab level with it ("#9" set left of it): the line read
  // without it, and the line it came from.
  const cutFrom = new Map<Line, Line>();
  {
    const ordered = contentLines
      .filter((l) => isFree(l) && !footerSet.has(l))
      .map((l) => {
        const cut = withoutTabPiece(l);
        if (cut !== l) cutFrom.set(cut, l);
        return cut;
      })
      .sort((a, b) => a.y0 - b.y0);
    const start = ordered.findIndex((l) => AXIS_HEADING.test(l.text));
    if (start >= 0) {
      const block = titleFrom(ordered, start);
      const m = AXIS_HEADING.exec(joinWrappedLines(block.lines.map((l) => l.text)).replace(/\n/g, ' '))!;
      headingAxis = { number: Number(m[1]), title: { ...block, text: m[2]!.trim() } };
    }
  }

  // Axis marker: the side tab on table pages; anywhere on a page without tables (divider pages).
  let axisMarker: AxisMarker | undefined;
  const sideText = side.sort((a, b) => a.y0 - b.y0).map((l) => l.text).join(' ');
  const sideNumber = axisNumberIn(sideText);
  if (sideNumber !== undefined) axisMarker = { ...unionBox(side)!, number: sideNumber, source: 'side' };
  else {
    // Read in reading order: on a divider the marker's words sit in one column, the title in another.
    const m = AXIS_MARKER.exec(prose.map((l) => l.text).join(' '));
    if (m) {
      const pieces = prose.filter((l) => MARKER_PIECE.test(l.text.trim()) || AXIS_MARKER.test(l.text));
      axisMarker = { ...(unionBox(pieces) ?? boxOf(prose[0]!)), number: Number(m[1]), source: tables.length ? 'side' : 'page' };
    }
  }

  let axisTitle: TitleBlock | undefined;
  let bodyProse = prose;
  if (headingAxis && (!axisMarker || axisMarker.number === headingAxis.number)) {
    axisMarker ??= { ...boxOf(headingAxis.title), number: headingAxis.number, source: tables.length ? 'side' : 'page' };
    axisTitle = headingAxis.title;
    const titleParts = new Set(axisTitle.lines.map((l) => cutFrom.get(l) ?? l));
    bodyProse = prose.filter((l) => !l.parts.some((p) => titleParts.has(p)));
  } else if (axisMarker?.source === 'page' && !tables.length) {
    axisTitle = dividerTitle(contentLines);
    // The marker and the title are read into the axis; like a chantier title, they are not running text.
    const titleParts = new Set(axisTitle?.lines);
    bodyProse = prose.filter((l) => !l.parts.some((p) => titleParts.has(p)) && !MARKER_PIECE.test(l.text.trim()));
  }

  return {
    page: page.number,
    width: page.width,
    height: page.height,
    kind: tables.length ? 'table' : 'other',
    tables,
    footer: footerLines.map(toReadingLine),
    trailingTitle,
    topLines,
    side: side.map(toReadingLine),
    axisMarker,
    axisTitle,
    prose: bodyProse,
    reading,
    unassigned,
    otherTables: otherTables.map(({ items: _, ...t }) => t),
    rotated,
    bodySize,
    itemCount: page.items.length,
  };
}

/**
 * A line opening with a side tab's piece ("#9", "prioritaire") in another type size, the rest an axis heading
 * ("Action prioritaire #9 : …"): the line without that piece; any other line as it is.
 */
function withoutTabPiece(line: Line): Line {
  const [first, ...rest] = [...line.items].sort((a, b) => a.x0 - b.x0);
  if (!first || !rest.length || !MARKER_PIECE.test(first.text.trim()) || Math.abs(first.fontSize - line.fontSize) <= 0.05 * line.fontSize) return line;
  const cut = lineOf(rest);
  return AXIS_HEADING.test(cut.text) ? cut : line;
}

/** On a divider page, the axis title: the block of the largest text that is not part of the marker. */
function dividerTitle(lines: readonly Line[]): TitleBlock | undefined {
  const candidates = lines.filter((l) => !MARKER_PIECE.test(l.text.trim())).sort((a, b) => a.y0 - b.y0);
  // The title opens with a line of several words (a lone big word or number is decoration).
  const openers = candidates.filter((l) => l.text.split(/\s+/).length >= 2);
  if (!openers.length) return undefined;
  const largest = Math.max(...openers.map((l) => l.fontSize));
  const start = candidates.findIndex((l) => l.fontSize === largest && openers.includes(l));
  const block = titleFrom(candidates, start);
  return { ...block, text: joinWrappedLines(block.lines.map((l) => l.text)).replace(/\n/g, ' ') };
}

/**
 * The layout without its text items: what the roadmap reader and the reading text need, small enough to keep
 * for every page of a long document.
 */
export function compactLayout(layout: PageLayout): PageLayout {
  const strip = (l: ReadingLine): ReadingLine => ({ ...l, parts: [] });
  return {
    ...layout,
    tables: layout.tables.map((t) => ({
      ...t,
      used: new Set<TextItem>(),
      unassigned: [],
      header: { ...t.header, items: [], cells: t.header.cells.map((c) => ({ column: c.column, exact: c.exact, line: { ...c.line, items: [] } })) },
      rows: t.rows.map((r) => ({
        ...r,
        // Cell lines keep their boxes (not their items): where a cell's last line ends tells a row cut by the
        // page break from one that ended higher up (documents/roadmap/pdf-reader.ts cutShape).
        cells: Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, { text: c.text, box: c.box, lines: c.lines.map((l) => ({ ...l, items: [] })) }])),
      })),
      title: t.title && { ...t.title, lines: [] },
    })),
    footer: layout.footer.map(strip),
    side: layout.side.map(strip),
    prose: layout.prose.map(strip),
    reading: layout.reading.map(strip),
    rotated: [],
    axisTitle: layout.axisTitle && { ...layout.axisTitle, lines: [] },
    trailingTitle: layout.trailingTitle && { ...layout.trailingTitle, lines: [] },
  };
}
