/**
 * Header rows: the rows at the top of a table that name its columns rather than hold data. Told apart by what
 * sets them apart from the rows below: bold type over plain rows, text over columns of numbers, short labels
 * over long cells, a label spanning the columns of the row below it.
 */
import type { PageTable, TableCell } from './types.js';

/** A cell opening with a number ("12.5", "100 million", "-3 %"); a year alone counts as a label ("2007"). */
const NUMBER = /^[\s(+\-−–$€£¥]*\d/;
const YEAR = /^\s*(?:1[89]|20)\d\d\s*$/;

const words = (s: string) => (s.match(/\S+/g) ?? []).length;
const isNumber = (s: string) => NUMBER.test(s) && /\d/.test(s) && !YEAR.test(s);

function rowsOf(table: PageTable): TableCell[][] {
  const rows: TableCell[][] = Array.from({ length: table.ys.length - 1 }, () => []);
  for (const c of table.cells) if (c.text) rows[c.row]!.push(c);
  return rows;
}

const allBold = (cells: readonly TableCell[]) => cells.length > 0 && cells.every((c) => c.items.length > 0 && c.items.every((i) => i.bold));
const someBold = (cells: readonly TableCell[]) => cells.some((c) => c.items.some((i) => i.bold));

/**
 * How many rows at the top of the table are header rows (0 when nothing sets them apart). At most half of the
 * rows, and at most four.
 */
export function headerRowCount(table: PageTable): number {
  const rows = rowsOf(table);
  const n = rows.length;
  if (n < 2) return 0;
  const limit = Math.min(4, Math.floor(n / 2));
  const columns = table.xs.length - 1;
  // What the body (everything after the first row) looks like, column by column.
  const numericShare = (c: number, from: number) => {
    let num = 0;
    let all = 0;
    for (let r = from; r < n; r++)
      for (const cell of rows[r]!)
        if (cell.col === c && cell.colSpan === 1) {
          all++;
          if (isNumber(cell.text)) num++;
        }
    return all ? num / all : 0;
  };
  let count = 0;
  for (let r = 0; r < limit; r++) {
    const row = rows[r]!;
    if (!row.length) break;
    const below = rows.slice(r + 1).flat();
    if (!below.length) break;
    const boldOverPlain = allBold(row) && below.filter((c) => c.items.some((i) => i.bold)).length < 0.5 * below.length;
    const overNumbers = row.filter((cell) => cell.colSpan === 1 && numericShare(cell.col, r + 1) >= 0.6);
    const labelsOverNumbers = overNumbers.length > 0 && overNumbers.every((cell) => !isNumber(cell.text));
    const rowWords = Math.max(...row.map((c) => words(c.text)));
    const bodyWords = below.map((c) => words(c.text)).sort((a, b) => a - b)[below.length >> 1]!;
    const shortOverLong = rowWords <= 4 && bodyWords >= 2 * rowWords && row.length >= Math.min(columns, 2) && !row.some((c) => isNumber(c.text));
    // A label spanning several columns (a group header, or the table's title) over the rows below.
    const groupOverHeader = row.some((c) => c.colSpan > 1) && !row.some((c) => isNumber(c.text));
    const plainBelowBold = r > 0 && !someBold(row) && allBold(rows[r - 1]!);
    if (plainBelowBold) break;
    if (boldOverPlain || labelsOverNumbers || shortOverLong || groupOverHeader) count = r + 1;
    else break;
  }
  return count;
}
