import { comparisonKey } from '../../text/normalize.js';
import type { RowCells } from './blocks.js';

export type ColumnName = keyof RowCells;
export const COLUMNS: readonly ColumnName[] = ['action', 'financement', 'indicateur', 'commentaire'];

/**
 * Which roadmap column a header cell names: "Actions", "Financement(s)", "Indicateur(s)", "Commentaire(s)",
 * any case, accents optional. undefined for anything else.
 */
export function headerColumn(cell: string): ColumnName | undefined {
  const key = comparisonKey(cell);
  if (/^actions?$/.test(key)) return 'action';
  if (/^financements?$/.test(key)) return 'financement';
  if (/^indicateurs?$/.test(key)) return 'indicateur';
  if (/^commentaires?$/.test(key)) return 'commentaire';
  return undefined;
}

/** Column order of a header row, or undefined when the cells are not a roadmap table header. */
export function headerColumns(cells: readonly string[]): ColumnName[] | undefined {
  const cols = cells.map(headerColumn);
  const named = cols.filter((c): c is ColumnName => c !== undefined);
  if (named.length < 3 || new Set(named).size !== named.length || !named.includes('action')) return undefined;
  return cols.map((c) => c ?? 'commentaire');
}

/** "Actions Financement Indicateur Commentaires" written on one line (text dumps). */
export function isHeaderLine(line: string): boolean {
  const words = comparisonKey(line).split(' ').filter(Boolean);
  return words.length >= 3 && words.length <= 5 && headerColumns(words) !== undefined;
}
