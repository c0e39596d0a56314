/**
 * A workbook described as plain data: sheets of typed columns and rows. The views of the model (extract,
 * compare, diff) are turned into this form by pure functions; `workbook.ts` alone knows the spreadsheet library.
 */

/** How a column's cells are stored and shown. */
export type ColumnType =
  | 'text' // wrapped when long
  | 'integer' // counts, page numbers
  | 'eur' // an amount in euros, a number shown with a € format
  | 'eur-delta' // a signed amount in euros (+ / −)
  | 'ratio' // 0–1 (confidence, similarity), two decimals
  | 'date'; // an ISO date "YYYY-MM-DD" stored as a real date

export interface ColumnSpec {
  header: string;
  type: ColumnType;
  /** A narrower bound than the type's (in characters), for a column that is context rather than content. */
  maxWidth?: number;
}

/** Text in runs, some marked: a word-level diff (deleted words struck through, inserted ones underlined). */
export interface RichText {
  runs: { text: string; mark?: 'deleted' | 'inserted' }[];
}

export type CellValue = string | number | null | RichText;

/** The text a cell shows, whatever its kind. */
export const plainText = (v: CellValue): string => (v === null ? '' : typeof v === 'object' ? v.runs.map((r) => r.text).join('') : String(v));

export interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
  rows: CellValue[][];
  /** Columns kept in view when scrolling right (besides the header row, always frozen). */
  frozenColumns?: number;
  /** The last row is a total (shown in bold). */
  totalRow?: boolean;
}

export interface WorkbookSpec {
  title: string;
  subject?: string;
  sheets: SheetSpec[];
}

/** Excel's own limits: a sheet name of at most 31 characters without []:*?/\, a cell of at most 32 767. */
export const MAX_SHEET_NAME = 31;
export const MAX_CELL_TEXT = 32_767;

/** Characters XML 1.0 cannot carry (a workbook holding one needs "repair"): replaced by a space. */
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A sheet name Excel accepts: forbidden characters replaced, no apostrophe at either end, not "History"
 * (reserved), at most 31 characters, and unique in the workbook ignoring case (" (2)", " (3)"… added).
 */
export function validSheetName(wanted: string, taken: ReadonlySet<string> = new Set()): string {
  let base = wanted
    .replace(/[[\]:*?/\\]/g, '-')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(XML_INVALID, ' ')
    .replace(/^'+|'+$/g, '')
    .trim();
  if (!base) base = 'Feuille';
  if (base.toLowerCase() === 'history') base = 'History (fdr)';
  const takenLower = new Set([...taken].map((t) => t.toLowerCase()));
  const fit = (name: string, suffix = '') => [...name].slice(0, MAX_SHEET_NAME - suffix.length).join('').trimEnd() + suffix;
  let name = fit(base);
  for (let n = 2; takenLower.has(name.toLowerCase()); n++) name = fit(base, ` (${n})`);
  return name;
}

/**
 * Text as a cell can hold it: XML-safe, line breaks as LF (a spreadsheet's line break; XML would turn a bare CR
 * into LF anyway), within Excel's length limit (a cut cell says how long it was).
 */
export function cellText(text: string): string {
  const clean = text.replace(/\r\n?/g, '\n').replace(XML_INVALID, ' ');
  if (clean.length <= MAX_CELL_TEXT) return clean;
  const note = ` … [cut: ${clean.length} characters]`;
  return clean.slice(0, MAX_CELL_TEXT - note.length) + note;
}

/** Column width in characters: the header or the longest line of the first rows, within bounds by type. */
export function columnWidth(column: ColumnSpec, values: readonly CellValue[]): number {
  const longestLine = (v: CellValue) => (v === null ? 0 : Math.max(...plainText(v).split('\n').map((l) => l.length)));
  const sample = values.slice(0, 500);
  const content = Math.max(0, ...sample.map((v) => (column.type === 'text' ? longestLine(v) : formattedLength(column.type, v))));
  // Header words wrap only in text columns; elsewhere the header sets the width.
  const header = column.type === 'text' ? Math.max(...column.header.split(' ').map((w) => w.length)) : column.header.length;
  const max = column.maxWidth ?? (column.type === 'text' ? 60 : 22);
  return Math.min(max, Math.max(header, content, 6) + 2);
}

/** Rough displayed length of a number or date under its format (thousands separators, € sign). */
function formattedLength(type: ColumnType, v: CellValue): number {
  if (v === null) return 0;
  if (typeof v !== 'number') return plainText(v).length;
  if (type === 'date') return 10;
  if (type === 'ratio') return 4;
  const digits = String(Math.round(Math.abs(v))).length;
  return digits + Math.floor((digits - 1) / 3) + (type === 'eur' || type === 'eur-delta' ? 3 : 0);
}

/** A text column holds long or multi-line text: its cells wrap. */
export function wraps(column: ColumnSpec, width: number, values: readonly CellValue[]): boolean {
  return column.type === 'text' && values.some((v) => v !== null && typeof v !== 'number' && (plainText(v).includes('\n') || plainText(v).length > width));
}

/**
 * Lines a wrapped text takes in a column of `width` characters. Spreadsheets do not size rows themselves when
 * a file is opened (LibreOffice keeps the stored height), so rows are given the height of their tallest cell.
 */
export function wrappedLines(cell: CellValue, width: number): number {
  const value = typeof cell === 'number' ? '' : plainText(cell);
  if (!value) return 1;
  // A column's width counts digit widths; running text averages a little narrower than digits.
  const perLine = Math.max(1, Math.floor(width * 1.1) - 1);
  return value.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

/** "2024-03-07" → a Date at midnight UTC (what a spreadsheet date is), or null when not an ISO date. */
export function isoDate(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 ? d : null;
}
