/** Page layout: from positioned text and rules to lines, tables, bands and reading order. Pure functions. */
export { analysePage, compactLayout, findFooter, axisNumberIn } from './page-layout.js';
export type { PageLayout, PageKind, LaidOutTable, OtherTable, TitleBlock, AxisMarker } from './page-layout.js';
export { classifyPages } from './classify.js';
export { groupLines, groupRows, lineOf, splitAtGaps, isUpright } from './lines.js';
export type { Line } from './lines.js';
export { findHeaderRows, readTable, cellText, tableHint, findHeaderlessTable, headerCellColumn } from './table.js';
export type { Table, TableRow, Column, Cell, HeaderRow, TableHint } from './table.js';
export { xyCut, readingLines, pagesToReadingText, readingLinesToText } from './reading-order.js';
export type { ReadingLine, Block } from './reading-order.js';
export { renderDebugSvg } from './debug-svg.js';
