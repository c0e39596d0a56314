/**
 * The one module that knows the spreadsheet library (exceljs): a WorkbookSpec in, the bytes of an .xlsx out.
 * exceljs takes ~0.4 s to load, so it is imported here on first use only (`-f xlsx`), never at start-up.
 */
import type { CellRichTextValue, Workbook, Worksheet } from 'exceljs';
import { type CellValue, type ColumnSpec, type ColumnType, type SheetSpec, type WorkbookSpec, cellText, columnWidth, isoDate, validSheetName, wrappedLines, wraps } from './sheet.js';

/** Number formats by column type; Excel shows them with the reader's own separators. */
export const NUMBER_FORMATS: Record<ColumnType, string | undefined> = {
  text: undefined,
  integer: '0',
  eur: '#,##0 "€"',
  'eur-delta': '+#,##0 "€";-#,##0 "€";0 "€"',
  ratio: '0.00',
  date: 'dd/mm/yyyy',
};

type CellValueOut = string | number | Date | CellRichTextValue | null;

const HEADER_FILL = 'FF1F4E79'; // dark blue under white bold text: contrast ratio above 8:1

/** Deleted words: red and struck through; inserted words: green and underlined (colour is never the only sign). */
const MARK_FONTS = {
  deleted: { name: 'Calibri', size: 11, strike: true, color: { argb: 'FFC00000' } },
  inserted: { name: 'Calibri', size: 11, underline: true, bold: true, color: { argb: 'FF00703C' } },
} as const;

function cellValue(column: ColumnSpec, value: CellValue): CellValueOut {
  if (value === null || value === '') return null;
  if (typeof value === 'object')
    return { richText: value.runs.map((r) => ({ text: cellText(r.text), ...(r.mark ? { font: { ...MARK_FONTS[r.mark] } } : {}) })) };
  if (column.type === 'date' && typeof value === 'string') return isoDate(value) ?? cellText(value);
  return typeof value === 'string' ? cellText(value) : value;
}

function addSheet(workbook: Workbook, sheet: SheetSpec, taken: Set<string>): Worksheet {
  const name = validSheetName(sheet.name, taken);
  taken.add(name);
  const frozenColumns = sheet.frozenColumns ?? 0;
  const ws = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1, topLeftCell: `${columnLetter(frozenColumns + 1)}2`, activeCell: 'A2' }],
    // Printed: A4 landscape, as wide as the page, grid lines, the header row on every page.
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, showGridLines: true, printTitlesRow: '1:1' },
  });
  const layout = sheet.columns.map((c, i) => {
    const values = sheet.rows.map((r) => r[i] ?? null);
    const width = columnWidth(c, values);
    return { width, wrap: wraps(c, width, values) };
  });
  ws.columns = sheet.columns.map((c, i) => {
    const { width, wrap } = layout[i]!;
    const numFmt = NUMBER_FORMATS[c.type];
    return {
      header: cellText(c.header),
      width,
      style: {
        ...(numFmt ? { numFmt } : {}),
        alignment: { vertical: 'top', ...(wrap ? { wrapText: true } : {}) },
      },
    };
  });
  for (const row of sheet.rows) {
    const added = ws.addRow(sheet.columns.map((c, i) => cellValue(c, row[i] ?? null)));
    const lines = Math.max(1, ...layout.map((l, i) => (l.wrap ? wrappedLines(row[i] ?? null, l.width) : 1)));
    if (lines > 1) added.height = Math.min(409, 15 * lines); // 409 points: Excel's tallest row
  }
  const header = ws.getRow(1);
  header.height = 30;
  header.eachCell((cell) => {
    cell.font = { name: 'Calibri', size: 11, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF000000' } } };
  });
  if (sheet.totalRow && sheet.rows.length) ws.getRow(sheet.rows.length + 1).font = { name: 'Calibri', size: 11, bold: true };
  if (sheet.columns.length)
    // A total row stays out of the filtered range, so that filtering never hides it.
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, sheet.rows.length + 1 - (sheet.totalRow ? 1 : 0)), column: sheet.columns.length } };
  return ws;
}

/** A → 1, …, Z → 26, AA → 27 (for view anchors). */
function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Builds the workbook (exceljs loaded on first call). */
export async function buildWorkbook(spec: WorkbookSpec, now: Date = new Date()): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'fdr';
  workbook.lastModifiedBy = 'fdr';
  workbook.title = cellText(spec.title);
  if (spec.subject) workbook.subject = cellText(spec.subject);
  workbook.created = now;
  workbook.modified = now;
  const taken = new Set<string>();
  for (const sheet of spec.sheets) addSheet(workbook, sheet, taken);
  return workbook;
}

/** The .xlsx bytes of a workbook spec. */
export async function workbookBytes(spec: WorkbookSpec, now?: Date): Promise<Uint8Array> {
  const workbook = await buildWorkbook(spec, now);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
