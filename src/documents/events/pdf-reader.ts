/**
 * Events documents from PDF: the page's structure first. Tables come from the shared table layer (a table whose
 * header the finders read but whose rows they could only guess from whitespace is read again under that header
 * with readTableAt); headings from their type size and weight relative to the document's body text; the rest
 * (lists, paragraphs) goes through the same line rules as text dumps (parse.ts), which also read workshops set as
 * lists or dated lines. Pure but for the collector, which sees each page once while the PDF is read.
 */
import { type Box, median, unionBox, toBBox } from '../../layout/geometry.js';
import type { PageLayout } from '../../layout/page-layout.js';
import type { ReadingLine } from '../../layout/reading-order.js';
import { isStandaloneHeading, type TextStyles, textStyles } from '../../layout/structure/index.js';
import {
  type AnchoredTable,
  type CarriedTable,
  DocumentTableReader,
  type DocumentTable,
  findContinuation,
  type PageContext,
  type PageTable,
  readTableAt,
} from '../../layout/tables/index.js';
import type { Events, SourceInfo, WorkshopEvent } from '../../model/index.js';
import type { PageModel } from '../../sources/page-model.js';
import { compactTime, findFrenchDates } from '../../text/dates.js';
import { cleanSpaces, joinWrappedLines } from '../../text/normalize.js';
import { readUnits, type Unit } from '../restitution/units.js';
import type { SourceLine } from '../restitution/source-lines.js';
import type { StructureClue } from '../detect.js';
import { assembleEvents, type Found, type StructureFinds } from './parse.js';
import { matchDepartment } from './places.js';
import { columnOf, readEventsTable, roleOfHeader, splitStackedRows, type TableRead } from './tables.js';

/**
 * Collects the tables of a PDF's pages while they are read (pages are not kept). Tables the finders read from
 * whitespace alone are read again under their header row: the anchored reader cuts rows at the header's columns
 * and the gaps between rows, where a whitespace finder may have run several rows together.
 */
export class EventsTableCollector {
  private readonly reader = new DocumentTableReader();

  add(page: PageModel): void {
    this.reader.add(page, (found, context) => {
      const tables = this.reread(found, context);
      this.carried = carriedFrom(tables, context);
      return tables;
    });
  }

  /** The tables to keep for a page: the finders' ones read again under their header, then the ones they missed. */
  private reread(found: readonly PageTable[], context: PageContext): PageTable[] {
    const tables = found.map((t) => {
      if (t.flavor === 'ruled') return t;
      t = belowLastRule(t, context);
      const split = splitStackedRows(t);
      const again = t.headerRows >= 1 ? readUnderHeader(t, context) : undefined;
      const anchored = again && splitStackedRows(belowLastRule(again, context));
      return anchored && anchored.ys.length >= t.ys.length ? anchored : split;
    });
    // A header row of workshop columns the finders did not see as a table (no rules, no shading): read under it.
    for (const t of headerAnchoredTables(context, tables.map((x) => x.box))) tables.push(splitStackedRows(belowLastRule(t, context)));
    // A table the previous page ended with, going on here without its header and missed by the finders.
    const firstBand = context.bands.find((b) => b.length);
    const top = firstBand ? Math.min(...firstBand.map((seg) => seg.y0)) : Infinity;
    if (this.carried && !tables.some((t) => t.box.y0 <= top + context.pitch)) {
      const anchor = findContinuation(context, this.carried, context.page.height);
      if (anchor) {
        const limit = tableEnd(context, anchor.header, this.carried.textStarts.map((x) => ({ x0: x ?? 0, x1: x ?? 0, y0: anchor.header.y0, y1: anchor.header.y0 })), []);
        const read = readTableAt(context, { ...anchor, limit });
        if (read.ys.length > 1) tables.push(splitStackedRows(belowLastRule({ ...read, headerRows: 0 }, context)));
      }
    }
    return tables.sort((a, b) => a.box.y0 - b.box.y0);
  }

  private carried: CarriedTable | undefined;

  finish(): DocumentTable[] {
    return this.reader.finish();
  }
}

/**
 * A table drawn with rules across its width ends at its last such rule: rows below it whose text stands further
 * from that rule than the rows' text from their own top rule (a sentence under the table) are dropped.
 */
function belowLastRule(t: PageTable, context: PageContext): PageTable {
  const tol = context.tolerance;
  const across = context.horizontal.filter((r) => r.from <= t.box.x0 + tol + context.fontSize && r.to >= t.box.x1 - tol - context.fontSize && r.at > t.box.y0 - tol && r.at < t.box.y1 + tol);
  if (across.length < 2) return t;
  const last = Math.max(...across.map((r) => r.at));
  // Rows starting at the last rule or below it.
  const rows = t.ys.slice(1).findIndex((_, r) => t.ys[r]! >= last - tol);
  if (rows < 1) return t;
  // A row cut by a page break has no rule under it, but its text sits under the rule as close as in other rows;
  // a sentence after the table stands further off.
  const textTop = (r: number) => Math.min(...t.cells.filter((c) => c.row === r).flatMap((c) => c.items.map((i) => i.y0)));
  const insets = Array.from({ length: rows }, (_, r) => textTop(r) - t.ys[r]!).filter((g) => Number.isFinite(g) && g >= 0);
  const inset = median(insets);
  if (textTop(rows) - last <= Math.max(2 * inset, 0.3 * context.fontSize) + tol) return t;
  const cells = t.cells.filter((c) => c.row < rows);
  if (cells.length === t.cells.length) return t;
  const ys = t.ys.slice(0, rows + 1);
  return { ...t, ys, cells, box: { ...t.box, y1: ys[ys.length - 1]! } };
}

/** The last table of a page, when nothing but a line or two comes under it: it may go on on the next page. */
function carriedFrom(tables: readonly PageTable[], context: PageContext): CarriedTable | undefined {
  const last = tables[tables.length - 1];
  if (!last || last.xs.length < 3) return undefined;
  const below = context.bands.filter((b) => b.length && Math.min(...b.map((seg) => seg.y0)) > last.box.y1);
  if (below.length > 2) return undefined;
  const cols = last.xs.length - 1;
  const body = last.cells.filter((c) => c.row >= last.headerRows && c.items.length);
  const textStarts = Array.from({ length: cols }, (_, k) => {
    const xs = body.filter((c) => c.col === k).map((c) => Math.min(...c.items.map((i) => i.x0)));
    return xs.length ? Math.min(...xs) : undefined;
  });
  const filled = textStarts.map((_, k) => body.filter((c) => c.col === k).length);
  const key = filled.indexOf(Math.max(...filled));
  const fontSize = median(body.flatMap((c) => c.items.map((i) => i.fontSize))) || context.fontSize;
  const source = 'columnSource' in last ? (last as AnchoredTable).columnSource : 'gutters';
  return { xs: last.xs, textStarts, key, ruled: last.flavor === 'ruled', source, fontSize };
}

function readUnderHeader(t: PageTable, context: PageContext): PageTable | undefined {
  const head = t.cells.filter((c) => c.row < t.headerRows && c.box);
  const header = unionBox(head.map((c) => c.box!));
  if (!header || head.length < 2) return undefined;
  const cells = head.map((c) => c.box!).sort((a, b) => a.x0 - b.x0);
  const read = readTableAt(context, { header, cells, limit: tableEnd(context, header, cells) });
  if (read.xs.length !== t.xs.length) return undefined;
  return { ...read, headerRows: 1 };
}

/**
 * Where a table under a header ends: above the first printed line that runs across a column edge, changes type
 * size or weight from the table's first row, starts left of the table, or stands much further below the line
 * above than the table's own steps (a paragraph or heading after it).
 */
function tableEnd(context: PageContext, header: Box, cells: readonly Box[], taken: readonly Box[] = []): number {
  // Column heads are set where their column's text starts: text reaching past the next head's start crosses.
  const edges = cells.slice(1).map((c) => c.x0);
  const below = context.bands.filter((b) => b.length && Math.min(...b.map((seg) => seg.y0)) >= header.y1 - 0.5);
  const first = below[0]?.[0];
  const tops = below.map((b) => Math.min(...b.map((seg) => seg.y0)));
  for (let n = 1; n < below.length; n++) {
    const next = below[n]!;
    const box = unionBox(next)!;
    // A gap much wider than the table's own line-to-line steps: what follows is not the table.
    const steps = tops.slice(1, n).map((y, i) => y - tops[i]!);
    const far = steps.length >= 2 && tops[n]! - tops[n - 1]! > 1.8 * median(steps);
    const crosses = next.some((seg) => edges.some((e) => seg.x0 < e - context.fontSize && seg.x1 > e + 1));
    const restyled = first && next.some((seg) => Math.abs(seg.fontSize - first.fontSize) > 0.1 * first.fontSize || (seg.bold && !first.bold));
    const left = box.x1 < header.x0 - context.fontSize;
    const inTable = taken.some((t) => box.y0 < t.y1 && box.y1 > t.y0 && box.x0 < t.x1 && box.x1 > t.x0 && t.y0 > header.y1);
    if (crosses || restyled || left || inTable || far) return box.y0 - 0.5;
  }
  return context.page.height;
}

/**
 * Tables the finders missed, found by their header: a printed line cut at wide gaps into two or more segments,
 * each a column heading of a workshop table ("Territoire | Lieu | Date"). The table is read under it down to the
 * first line that runs across a column edge or changes type style (a paragraph or heading after the table).
 */
function headerAnchoredTables(context: PageContext, taken: readonly Box[]): PageTable[] {
  const out: PageTable[] = [];
  const free = (b: Box) => !taken.some((t) => b.y0 < t.y1 && b.y1 > t.y0 && b.x0 < t.x1 && b.x1 > t.x0);
  context.bands.forEach((band, k) => {
    if (band.length < 2 || !free(unionBox(band)!)) return;
    const roles = band.map((seg) => (seg.text.split(/\s+/).length <= 6 ? roleOfHeader(seg.text) : undefined));
    if (roles.some((r) => !r) || new Set(roles).size < 2) return;
    const cells = [...band].sort((a, b) => a.x0 - b.x0);
    const header = unionBox(cells)!;
    const read = readTableAt(context, { header, cells, limit: tableEnd(context, header, cells, taken) });
    if (read.ys.length > 2) out.push({ ...read, headerRows: 1 });
  });
  return out;
}

const cellBox = (cells: readonly { box: Box | undefined }[]) => unionBox(cells.flatMap((c) => (c.box ? [c.box] : [])));

const NUMBERED = /^\d{1,2}[.)]\s+(?=\S)/;
/** A list marker drawn from a symbol font (a private-use code point) or a bullet shape: read as "•". */
const SYMBOL_BULLET = /^[\p{Co}●○◦▪■□►▸➢✓✔]\s*(?=\S)/u;

interface StyledLine {
  line: SourceLine;
  reading?: ReadingLine;
  /** Index of the read table standing here (a placeholder line). */
  table?: number;
}

/** Reading units from styled lines: headings by style; the runs between them read by the text rules. */
function unitsOf(lines: readonly StyledLine[], styles: TextStyles): Unit[] {
  const units: Unit[] = [];
  let run: SourceLine[] = [];
  const flushRun = () => {
    if (run.length) units.push(...readUnits(run));
    run = [];
  };
  let i = 0;
  while (i < lines.length) {
    const first = lines[i]!;
    const r = first.reading;
    if (!r) {
      run.push(first.line);
      i++;
      continue;
    }
    // The paragraph this line opens, if it is one: lines of one size without a break.
    let j = i + 1;
    // A bold run set tight against the regular text under it is a group of its own (a heading without spacing).
    while (
      j < lines.length &&
      lines[j]!.reading &&
      !lines[j]!.reading!.paragraphBreak &&
      Math.abs(lines[j]!.reading!.fontSize - r.fontSize) < 0.5 &&
      (lines[j]!.reading!.bold || !lines[j - 1]!.reading!.bold)
    )
      j++;
    const group = lines.slice(i, j);
    if (r.paragraphBreak || i === 0 || !lines[i - 1]!.reading) {
      if (isStandaloneHeading(group.map((g) => g.reading!), styles)) {
        flushRun();
        const text = joinWrappedLines(group.map((g) => g.line.text)).replace(/\n/g, ' ').replace(NUMBERED, '');
        units.push({ type: 'heading', text: cleanSpaces(text), lines: group.map((g) => g.line) });
        i = j;
        continue;
      }
    }
    run.push(first.line);
    i++;
  }
  flushRun();
  return units;
}

/**
 * Where a table's read text lies: its header rows and the rows that gave a workshop or a slot, across the table's
 * width. Rows read as neither (a heading or a sentence a whitespace finder took in) stay in the text.
 */
function readZones(t: DocumentTable, read: TableRead | undefined): Box[] {
  if (!read) return [];
  const zones: Box[] = [];
  if (read.headerRows) zones.push({ x0: t.box.x0, y0: t.ys[0]!, x1: t.box.x1, y1: t.ys[read.headerRows]! });
  for (const row of read.rows) {
    if (!rowIsRead(read, row)) continue;
    const box = cellBox(row.filter((c) => !c.merged));
    if (box) zones.push({ x0: t.box.x0, y0: box.y0, x1: t.box.x1, y1: box.y1 });
  }
  // A merged cell is read with the rows it covers: its own box too.
  for (const row of read.rows) for (const c of row) if (c.merged && c.box && rowIsRead(read, row)) zones.push(c.box);
  return zones;
}

function rowIsRead(read: TableRead, row: readonly { text: string }[]): boolean {
  const text = (role: Parameters<typeof columnOf>[1]) => (columnOf(read, role) >= 0 ? row[columnOf(read, role)]!.text : '');
  return text('place') !== '' || (text('time') !== '' && text('item') !== '');
}

/** Reading lines of the pages with the read tables' text taken out, a blank placeholder standing for each table. */
function linesOf(layouts: readonly PageLayout[], tables: readonly DocumentTable[], read: readonly (TableRead | undefined)[]): StyledLine[] {
  const out: StyledLine[] = [];
  const push = (page: number, text: string, extra: Omit<StyledLine, 'line'> = {}) =>
    out.push({ line: { text, raw: text, line: out.length + 1, page }, ...extra });
  for (const layout of layouts) {
    const onPage = tables.map((t, k) => ({ t, k, zones: readZones(t, read[k]) })).filter(({ t, k }) => t.page === layout.page && read[k]);
    const placed = new Set<number>();
    if (out.length) push(layout.page, '');
    for (const r of layout.reading) {
      const cx = (r.x0 + r.x1) / 2;
      const cy = (r.y0 + r.y1) / 2;
      const inside = onPage.find(({ zones }) => zones.some((z) => cx >= z.x0 - 2 && cx <= z.x1 + 2 && cy >= z.y0 - 2 && cy <= z.y1 + 2));
      if (inside) {
        if (!placed.has(inside.k)) push(layout.page, '', { table: inside.k });
        placed.add(inside.k);
        continue;
      }
      if (r.paragraphBreak && out.length && out[out.length - 1]!.line.text) push(layout.page, '');
      push(layout.page, cleanSpaces(r.text).replace(SYMBOL_BULLET, '• '), { reading: r });
    }
    // A table whose text the reading order did not show (drawn apart from it) still gets its place.
    for (const { k } of onPage) if (!placed.has(k)) push(layout.page, '', { table: k });
  }
  return out;
}

/** Workshops and agenda slots from the read tables; each at the line standing for its table. */
function tableFinds(tables: readonly DocumentTable[], read: readonly (TableRead | undefined)[], lines: readonly StyledLine[]): StructureFinds {
  const events: Found[] = [];
  const agenda: StructureFinds['agenda'] = [];
  const at = (k: number) => lines.findIndex((l) => l.table === k);
  // A merged cell cut by a page break, or a group left empty under its first row: the group goes on.
  const carried = new Map<number, Partial<Record<'territory' | 'department', string>>>();
  tables.forEach((t, k) => {
    const r = read[k];
    if (!r) return;
    const index = Math.max(0, at(k));
    const col = (role: Parameters<typeof columnOf>[1]) => columnOf(r, role);
    // The table it continues: linked by the table layer, or the previous page's last table with the same columns.
    let before = k - 1;
    while (before >= 0 && !read[before]) before--;
    const same = before >= 0 && tables[before]!.page === t.page - 1 && read[before]!.roles.join() === r.roles.join();
    const from = t.continues ?? (same ? before : undefined);
    const group = from !== undefined ? { ...(carried.get(from) ?? {}) } : {};
    if (col('time') >= 0 && col('item') >= 0) {
      for (const row of r.rows) {
        const time = row[col('time')]!.text;
        const item = row[col('item')]!.text;
        if (time && item) agenda.push({ time: compactTime(time), item, at: index });
      }
    }
    if (col('place') >= 0 || col('department') >= 0) {
      for (const row of r.rows) {
        const text = (role: Parameters<typeof columnOf>[1]) => (col(role) >= 0 ? row[col(role)]!.text : '');
        let territory = text('territory');
        let department = text('department');
        const place = text('place');
        if (!place) continue;
        if (col('territory') >= 0) territory = territory || group.territory || '';
        if (col('department') >= 0) department = department || group.department || '';
        group.territory = territory;
        group.department = department;
        const date = findFrenchDates(text('date'))[0];
        const box = cellBox(row);
        const event: WorkshopEvent & { printedDate?: typeof date } = {
          territory,
          department: department ? (matchDepartment(department) ?? department) : '',
          place,
          date: '',
          provenance: { page: t.page, ...(box ? { bbox: toBBox(box) } : {}) },
          ...(date ? { printedDate: date } : {}),
        };
        events.push({ at: index, event });
      }
    }
    carried.set(k, group);
  });
  const used = new Set<number>();
  return { events, agenda, used };
}

/** The events document of a PDF: its laid-out pages and the tables collected while reading them. */
export function readPdfEvents(layouts: readonly PageLayout[], tables: readonly DocumentTable[], source: SourceInfo): Events {
  const read: (TableRead | undefined)[] = [];
  tables.forEach((t, k) => {
    read[k] = readEventsTable(t, t.continues !== undefined ? read[t.continues] : undefined);
  });
  const lines = linesOf(layouts, tables, read);
  // Heading styles are the structure layer's, judged on this document's lines.
  const styles = textStyles(lines.flatMap((l) => (l.reading ? [l.reading] : [])));
  const units = unitsOf(lines, styles);
  return assembleEvents({ lines: lines.map((l) => l.line), units, source, hasPages: true, structure: tableFinds(tables, read, lines) });
}

/** A département named alone on its line, as the label of the places listed under it ("Calvados :", "Dans l’Eure"). */
const DEPARTMENT_LABEL = /^(?:(?:dans|en)\s+)?(.{3,40}?)\s*:?$/iu;

/**
 * Evidence of the kind from the page's structure: tables of workshops (places with dates, territories or
 * départements) or of a day's programme; places listed under département labels.
 */
export function eventsStructureClues(layouts: readonly PageLayout[], tables: readonly DocumentTable[]): StructureClue[] {
  const clues: StructureClue[] = [];
  const read: (TableRead | undefined)[] = [];
  tables.forEach((t, k) => {
    const r = (read[k] = readEventsTable(t, t.continues !== undefined ? read[t.continues] : undefined));
    if (!r || t.continues !== undefined || r.rows.length < 2) return;
    clues.push({ kind: 'events', weight: 6, what: `a table of ${r.roles.filter(Boolean).join(' / ')} (page ${t.page})` });
  });
  const labels = new Set<string>();
  for (const layout of layouts)
    layout.reading.forEach((line, i) => {
      const next = layout.reading[i + 1];
      const m = DEPARTMENT_LABEL.exec(cleanSpaces(line.text));
      const department = m ? matchDepartment(m[1]!) : undefined;
      if (department && next && next.text.split(/\s+/).length <= 8) labels.add(department);
    });
  if (labels.size >= 2) clues.push({ kind: 'events', weight: 6, what: `places listed under ${labels.size} département labels` });
  return clues.slice(0, 3);
}
