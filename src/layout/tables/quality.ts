/**
 * Is it a table, and how sure are we? Every candidate gets a short report: a confidence, and the reason when
 * it is turned down (a box around a paragraph, a bulleted list, two columns of running text, a lone row).
 */
import { median } from '../geometry.js';
import { headerRowCount } from './header.js';
import type { PageTable } from './types.js';

/** A list marker or a note's call: bullet, dash, "1.", "(a)", "iv)", "*". */
const MARKER = /^\s*(?:[-•▪◦●■–—⇒➢►*\u2022\uf0b7\uf0a7\uf0d8]|\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s*$/i;

const words = (s: string) => (s.match(/\S+/g) ?? []).length;

export interface Verdict {
  /** 0..1 */
  confidence: number;
  /** Why it is not a table, when it is not. */
  rejected?: string;
}

/** Columns of the grid: the texts of each column's cells that start there. */
function columnTexts(table: PageTable): string[][] {
  const cols = table.xs.length - 1;
  const out: string[][] = Array.from({ length: cols }, () => []);
  for (const c of table.cells) if (c.text && c.colSpan === 1) out[c.col]!.push(c.text);
  return out;
}

/**
 * Judges a candidate. Any flavor needs two rows and two columns holding text, with at least two rows that
 * fill two cells. Candidates read from text alone (or mostly) are further turned down when they read as
 * prose: a list (markers in the first column), notes, or columns of running text.
 */
export function judge(table: PageTable): Verdict {
  const rows = table.ys.length - 1;
  const cols = table.xs.length - 1;
  if (rows < 2 || cols < 2) return { confidence: 0, rejected: 'fewer than two rows or columns' };
  const perRow = new Array<number>(rows).fill(0);
  for (const c of table.cells) if (c.text) perRow[c.row]!++;
  const fullRows = perRow.filter((n) => n >= 2).length;
  if (fullRows < 2) return { confidence: 0, rejected: 'fewer than two rows with two cells' };
  const columns = columnTexts(table);
  const used = columns.filter((c) => c.length > 0);
  if (used.length < 2) return { confidence: 0, rejected: 'text in one column only' };
  const fill = table.quality.fill;

  // Inner column edges should run through most rows; a grid whose every row is cut elsewhere is drawn by
  // something else (the bars of a chart, the boxes of a diagram).
  if (table.quality.drawnFill < 0.3) return { confidence: 0, rejected: 'most drawn cells empty (chart gridlines?)' };
  const regularity = edgeRegularity(table);
  if (regularity < 0.4) return { confidence: 0, rejected: 'column edges do not run through the rows (a chart or diagram?)' };

  let confidence = table.flavor === 'ruled' ? 0.9 : table.flavor === 'hybrid' ? 0.8 : 0.65;
  if (table.flavor !== 'ruled') {
    const textRows = perRow.filter((n) => n > 0).length;
    if (fullRows < 0.5 * textRows) return { confidence: 0, rejected: 'most rows hold a single cell' };
    // Two rows read from whitespace alone are a table only under a header row, in bold or over three
    // columns at least (two short lines side by side over two longer ones are as often signatures or an address).
    const headed = () => headerRowCount(table) > 0 && (cols >= 3 || table.cells.some((c) => c.row === 0 && c.items.some((i) => i.bold)));
    if (table.flavor === 'stream' && fullRows < 3 && !(fullRows >= 2 && headed()))
      return { confidence: 0, rejected: 'fewer than three rows with two cells, and no header' };
    const columnFill = median(columns.map((c) => c.length / rows));
    if (columnFill < 0.4) return { confidence: 0, rejected: 'most columns nearly empty' };
    // A list: the first column holds only markers (bullets, numbers, letters).
    const first = columns[0]!;
    if (first.length >= 2 && first.filter((t) => MARKER.test(t)).length >= 0.8 * first.length && cols <= 3)
      return { confidence: 0, rejected: 'a list (markers in the first column)' };
    // Running text: columns whose cells are long wrapped sentences, and few columns.
    const wordy = used.filter((c) => median(c.map(words)) > 12).length;
    if (wordy >= 2 && cols <= 3) return { confidence: 0, rejected: 'columns of running text' };
    if (wordy >= 1 && cols === 2 && fullRows < 3) return { confidence: 0, rejected: 'a note or definition list' };
    if (fill < 0.35) confidence -= 0.3;
  }
  confidence *= 0.6 + 0.4 * Math.min(1, fill / 0.7);
  return { confidence: Math.max(0, Math.min(1, confidence)) };
}

/**
 * For each inner column edge, the share of rows in which no cell runs over it; the median over edges. 1 for a
 * plain grid; a header spanning a few columns lowers it a little.
 */
export function edgeRegularity(table: Pick<PageTable, 'xs' | 'ys' | 'cells'>): number {
  const rows = table.ys.length - 1;
  const cols = table.xs.length - 1;
  if (cols < 2 || rows < 1) return 1;
  const crossed = Array.from({ length: cols - 1 }, () => 0);
  for (const c of table.cells)
    for (let k = c.col; k < c.col + c.colSpan - 1; k++) crossed[k]! += c.rowSpan;
  return median(crossed.map((n) => 1 - n / rows));
}
