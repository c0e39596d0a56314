/**
 * Workshops and agenda slots from the tables the shared table layer found (src/layout/tables): each column gets
 * a role from its header's words, else from what its cells hold (dates, times, département names, territories in
 * capitals); a merged cell counts for every row it covers; a table continued over a page break keeps the roles
 * of the table it continues. Pure functions.
 */
import { type Box, unionBox } from '../../layout/geometry.js';
import { groupRows, lineOf } from '../../layout/lines.js';
import type { DocumentTable, PageTable, TableCell } from '../../layout/tables/index.js';
import { cleanSpaces, isAllCaps } from '../../text/normalize.js';
import { findFrenchDates } from '../../text/dates.js';
import { matchDepartment } from './places.js';

export type ColumnRole = 'date' | 'place' | 'department' | 'territory' | 'time' | 'item';

/** A position of the grid: the text of the cell covering it, and whether it is a merged cell's copy. */
export interface SpreadCell {
  text: string;
  box: Box | undefined;
  /** The cell covers this position from a row above (rowSpan > 1). */
  spread: boolean;
  /** The cell spans several rows. */
  merged: boolean;
  /** The cell's printed lines, top to bottom. */
  lines: string[];
}

/**
 * The grid with merged cells spread to every position they cover (the table layer gives a merged cell once, at
 * its top-left position): what a reader of a grouped table ("Calvados" over four towns) needs row by row.
 */
export function spreadSpans(table: Pick<PageTable, 'xs' | 'ys' | 'cells'>): SpreadCell[][] {
  const rows = table.ys.length - 1;
  const cols = table.xs.length - 1;
  const grid: SpreadCell[][] = Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => ({ text: '', box: undefined, spread: false, merged: false, lines: [] as string[] })),
  );
  for (const c of table.cells) {
    const text = cleanSpaces(c.text.replace(/\n/g, ' '));
    const merged = c.rowSpan > 1;
    const lines = c.items.length ? groupRows(c.items).map((l) => cleanSpaces(lineOf(l).text)) : text ? [text] : [];
    for (let r = c.row; r < Math.min(rows, c.row + c.rowSpan); r++)
      for (let k = c.col; k < Math.min(cols, c.col + c.colSpan); k++) grid[r]![k] = { text, box: c.box, spread: r > c.row, merged, lines };
  }
  return grid;
}

/** Header words naming each role (the text dump reader uses the same words). */
export const HEADER_ROLES: readonly [ColumnRole, RegExp][] = [
  ['time', /^(?:horaires?|heures?|cr[ée]neaux?|horaire)\b/i],
  ['date', /^(?:dates?|jours?)\b/i],
  ['department', /\bd[ée]partements?\b/i],
  ['place', /\b(?:lieux?|villes?|sites?|adresses?|communes?|salles?)\b/i],
  ['territory', /\b(?:territoires?|tas|cts|secteurs?|bassins?|zones?|arrondissements?)\b/i],
  ['item', /\b(?:s[ée]quences?|programmes?|d[ée]roul[ée]|contenus?|activit[ée]s?|interventions?|th[èe]mes?|objets?)\b/i],
];

/** "9h", "9 h 30 – 9 h 45", "14h-16h30": a time or a range of times, alone in its cell. */
export const TIME_CELL = /^(?:de\s+)?\d{1,2}\s*h\s*(?:\d{2})?(?:\s*(?:[–—-]|à)\s*\d{1,2}\s*h\s*(?:\d{2})?)?$/i;

export function roleOfHeader(text: string): ColumnRole | undefined {
  return HEADER_ROLES.find(([, re]) => re.test(cleanSpaces(text)))?.[0];
}

/** The role a column's cells suggest when its header says nothing: what most of its non-empty cells are. */
function roleOfCells(texts: readonly string[]): ColumnRole | undefined {
  const cells = texts.filter(Boolean);
  if (!cells.length) return undefined;
  const share = (test: (s: string) => boolean) => cells.filter(test).length / cells.length;
  if (share((s) => TIME_CELL.test(s)) > 0.6) return 'time';
  // A date column holds dates, not sentences that mention one.
  const dateCell = (s: string) => {
    const found = findFrenchDates(s);
    return found.length === 1 && found[0]!.length >= 0.5 * s.replace(/[\s.,;:]+$/, '').length;
  };
  if (share(dateCell) > 0.6) return 'date';
  if (share((s) => matchDepartment(s) !== undefined) > 0.6) return 'department';
  if (share((s) => isAllCaps(s)) > 0.6) return 'territory';
  return undefined;
}

export interface TableRead {
  /** One role per column (undefined: a column this reader does not use). */
  roles: (ColumnRole | undefined)[];
  /** Rows of the body, merged cells spread. */
  rows: SpreadCell[][];
  /** Which rows came from the header (not read as data). */
  headerRows: number;
}

/**
 * Column roles of a table, and its body rows. A continuation takes the roles of the table it continues (its
 * header may not be repeated); roles the header does not give are read from the cells.
 */
export function readEventsTable(table: DocumentTable, previous?: TableRead): TableRead | undefined {
  const grid = spreadSpans(table);
  const cols = table.xs.length - 1;
  const headerRows = table.headerRows > 0 ? table.headerRows : 0;
  const headerText = (k: number) => grid.slice(0, headerRows).map((r) => r[k]!.text).join(' ');
  // Text running over a column edge is not a cell: a sentence under the table that a finder took in.
  const overflows = (row: SpreadCell[]) => row.some((c, k) => !c.merged && c.box !== undefined && c.box.x1 > table.xs[k + 1]! + 2);
  const body = grid.slice(headerRows).filter((row) => !overflows(row));
  // A column of list markers only ("•", "–", "1.") is a list set in two columns, not a table.
  const markers = (k: number) => body.every((row) => /^(?:[-–—•▪◦●■*\p{Co}]|\d{1,2}[.)])?$/u.test(row[k]!.text));
  if (Array.from({ length: cols }, (_, k) => k).some((k) => markers(k) && body.some((row) => row[k]!.text))) return undefined;
  let roles: (ColumnRole | undefined)[];
  if (previous && table.continues !== undefined && previous.roles.length === cols) roles = [...previous.roles];
  else {
    roles = Array.from({ length: cols }, (_, k) => (headerRows ? roleOfHeader(headerText(k)) : undefined));
    // Roles the header left open (or a table without header) are read from the cells; each role once.
    for (let k = 0; k < cols; k++) {
      if (roles[k]) continue;
      const role = roleOfCells(body.map((r) => r[k]!.text));
      if (role && !roles.includes(role)) roles[k] = role;
    }
    // A table of workshops names places: the one column left without a role, next to a date or a territory.
    if (!roles.includes('place') && !roles.includes('time') && roles.some((r) => r === 'date' || r === 'department' || r === 'territory')) {
      const open = roles.map((r, k) => (r ? -1 : k)).filter((k) => k >= 0 && body.some((row) => row[k]!.text));
      if (open.length === 1) roles[open[0]!] = 'place';
    }
    if (roles.includes('time') && !roles.includes('item')) {
      const open = roles.map((r, k) => (r ? -1 : k)).filter((k) => k >= 0 && body.some((row) => row[k]!.text));
      if (open.length === 1) roles[open[0]!] = 'item';
    }
  }
  const isEvents = roles.includes('place') || (roles.includes('department') && roles.includes('date'));
  const isAgenda = roles.includes('time') && roles.includes('item');
  if (!isEvents && !isAgenda) return undefined;
  return { roles, rows: isEvents ? body.flatMap((row) => ungroupPlaces(row, roles)) : body, headerRows };
}

/** A line that goes on from the one above: lower-case start, or the line above ends on a dash, comma or slash. */
const continuesLine = (line: string, above: string) => /^[\p{Ll}(]/u.test(line) || /[-–—,/&]$/.test(above);

/**
 * One row of a grouped table read as one (rules drawn only between groups): the group's one département or
 * territory beside several places, one a line. Each place line that does not go on from the line above opens
 * a row of its own; the group and the other columns' lines (when they hold as many) go with it.
 */
function ungroupPlaces(row: SpreadCell[], roles: readonly (ColumnRole | undefined)[]): SpreadCell[][] {
  const place = roles.indexOf('place');
  const group = roles.findIndex((r) => r === 'department' || r === 'territory');
  if (place < 0 || group < 0) return [row];
  const lines = row[place]!.lines;
  const starts = lines.map((l, i) => i === 0 || !continuesLine(l, lines[i - 1]!));
  const count = starts.filter(Boolean).length;
  if (count < 2 || row[group]!.lines.length > 1) return [row];
  const places: string[] = [];
  lines.forEach((l, i) => (starts[i] ? places.push(l) : (places[places.length - 1] = `${places[places.length - 1]} ${l}`)));
  return places.map((text, n) =>
    row.map((cell, k) => {
      if (k === place) return { ...cell, text, lines: [text] };
      if (cell.lines.length === count) return { ...cell, text: cell.lines[n]!, lines: [cell.lines[n]!] };
      return n === 0 || k === group ? cell : { ...cell, text: '', lines: [] };
    }),
  );
}

/** The grid column holding a role, -1 when none does. */
export function columnOf(read: Pick<TableRead, 'roles'>, role: ColumnRole): number {
  return read.roles.indexOf(role);
}

/** A value that fills a cell of a workshop table on its own: one date, one time, one département. */
function isWholeValue(text: string): boolean {
  return TIME_CELL.test(text) || findFrenchDates(text).length === 1 || matchDepartment(text) !== undefined;
}

/**
 * Rows a whitespace reading ran together: in a table without row rules, rows of one line each can be read as one
 * row of several lines. A row is cut again where one column holds a whole value (a date, a time, a département)
 * on each of its lines, at least two of them: those lines open one row each, and the other columns' lines go to
 * the row they stand level with or below. Rows with wrapped text (a column of one value over several lines) are
 * left alone. Returns the table unchanged when no row needs cutting.
 */
export function splitStackedRows(table: PageTable): PageTable {
  const rows = table.ys.length - 1;
  const cols = table.xs.length - 1;
  const linesOfCell = (c: TableCell) => groupRows(c.items).map((items) => ({ items, line: lineOf(items) }));
  const cuts: number[][] = Array.from({ length: rows }, () => []);
  let any = false;
  for (const c of table.cells) {
    if (c.row < table.headerRows || c.rowSpan > 1 || c.colSpan > 1) continue;
    const lines = linesOfCell(c);
    if (lines.length < 2 || !lines.every((l) => isWholeValue(cleanSpaces(l.line.text)))) continue;
    const tops = lines.map((l) => l.line.y0);
    if (tops.length > cuts[c.row]!.length + 1) {
      cuts[c.row] = tops.slice(1);
      any = true;
    }
  }
  if (!any) return table;
  const ys: number[] = [table.ys[0]!];
  const cells: TableCell[] = [];
  let row = 0;
  for (let r = 0; r < rows; r++) {
    const bounds = [table.ys[r]!, ...cuts[r]!.map((y) => y - 0.5), table.ys[r + 1]!];
    const first = row;
    for (let k = 1; k < bounds.length; k++) ys.push(bounds[k]!);
    for (const c of table.cells.filter((x) => x.row === r)) {
      if (c.rowSpan > 1 || bounds.length === 2) {
        cells.push({ ...c, row: first, rowSpan: c.rowSpan > 1 ? c.rowSpan + bounds.length - 2 : 1 });
        continue;
      }
      for (let k = 0; k < bounds.length - 1; k++) {
        const items = c.items.filter((i) => (i.y0 + i.y1) / 2 >= bounds[k]! && (i.y0 + i.y1) / 2 < bounds[k + 1]!);
        const text = groupRows(items).map((l) => lineOf(l).text).join(' ');
        cells.push({ row: first + k, col: c.col, rowSpan: 1, colSpan: c.colSpan, text, box: unionBox(items), items });
      }
    }
    row += bounds.length - 1;
  }
  return { ...table, ys, cells: cells.filter((c) => c.col < cols) };
}
