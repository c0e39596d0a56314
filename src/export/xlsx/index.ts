/**
 * `-f xlsx`: the model's views as one Excel workbook. The views (extract, compare, diff) are pure functions to a
 * WorkbookSpec; `workbookBytes` turns a spec into .xlsx bytes with exceljs, loaded on first use only.
 */
export { compareWorkbook } from './compare.js';
export { diffWorkbook } from './diff.js';
export { extractWorkbook, type SourcedDocument } from './extract.js';
export { tablesWorkbook } from './tables.js';
export { type CellValue, type ColumnSpec, type ColumnType, type SheetSpec, type WorkbookSpec, validSheetName, cellText, MAX_SHEET_NAME, MAX_CELL_TEXT } from './sheet.js';
export { buildWorkbook, workbookBytes, NUMBER_FORMATS } from './workbook.js';
