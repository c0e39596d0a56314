import { comparisonKey } from '../../text/normalize.js';
import type { RowCells } from './blocks.js';

export type ColumnName = keyof RowCells;
export const COLUMNS: readonly ColumnName[] = ['action', 'financement', 'indicateur', 'commentaire'];

/**
 * Which roadmap column a header cell names: "Actions", "Financement(s)", "Indicateur(s)", "Commentaire(s)",
 * any case, accents optional. undefined for anything else.
 */
export function headerColumn(cell: string): ColumnName | undefined {
  // "Indicateur(s)" is the plural too; "Indicateurs de suivi", "Financement prévu" name their column by the first word.
  const words = comparisonKey(cell.replace(/\((?:e)?s\)/gi, 's')).split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 4) return undefined;
  const first = words[0]!;
  if (/^actions?$/.test(first)) return 'action';
  if (/^financements?$/.test(first)) return 'financement';
  if (/^indicateurs?$/.test(first)) return 'indicateur';
  if (/^commentaires?$/.test(first)) return 'commentaire';
  return undefined;
}

/** Column order of a header row, or undefined when the cells are not a roadmap table header. */
export function headerColumns(cells: readonly string[]): ColumnName[] | undefined {
  const cols = cells.map(headerColumn);
  const named = cols.filter((c): c is ColumnName => c !== undefined);
  if (named.length < 3 || new Set(named).size !== named.length || !named.includes('action')) return undefined;
  return cols.map((c) => c ?? 'commentaire');
}

/** "Actions Financement Indicateur Commentaires" written on one line (text dumps): each word names a column. */
export function isHeaderLine(line: string): boolean {
  const words = comparisonKey(line).split(' ').filter(Boolean);
  return words.length >= 3 && words.length <= 5 && headerColumns(words) !== undefined;
}
