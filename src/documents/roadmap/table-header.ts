import { comparisonKey, LINE_END_MARKS } from '../../text/normalize.js';
import type { RowCells } from './blocks.js';

export type ColumnName = keyof RowCells;
export const COLUMNS: readonly ColumnName[] = ['action', 'financement', 'indicateur', 'commentaire'];

/** How a header cell was recognised: its exact word ("Actions", "Indicateur(s)"), or a variant wording. */
export interface HeaderMatch {
  column: ColumnName;
  exact: boolean;
}

const EXACT: Record<string, ColumnName> = {
  action: 'action',
  actions: 'action',
  financement: 'financement',
  financements: 'financement',
  indicateur: 'indicateur',
  indicateurs: 'indicateur',
  commentaire: 'commentaire',
  commentaires: 'commentaire',
};

/**
 * Which roadmap column a header cell names, and whether by its exact word. Variants are matched by the word
 * that carries the meaning: "Actions à mener", "Modalités de financement", "Indicateurs de suivi",
 * "Commentaires / Observations", "Observations"; any case, accents optional, "(s)" plurals. A cell of more
 * than five words is running text, not a header; "Action prioritaire" is the axis tab, not a column.
 */
export function headerMatch(cell: string): HeaderMatch | undefined {
  // A header word hyphenated over two lines of its cell ("Finance-" / "ment(s)") names its column whole.
  const words = comparisonKey(cell.replace(LINE_END_MARKS, '').replace(/\((?:e)?s\)/gi, 's')).split(' ').filter(Boolean);
  const found = wordsMatch(words);
  if (found) return found;
  // A narrow column may break a header word without a hyphen ("Financemen" / "t(s)"): the two pieces joined
  // name the column.
  for (let k = 0; k + 1 < words.length; k++) {
    const joined = words[k]! + words[k + 1]!;
    if (!EXACT[joined]) continue;
    return wordsMatch([...words.slice(0, k), joined, ...words.slice(k + 2)]);
  }
  return undefined;
}

function wordsMatch(words: readonly string[]): HeaderMatch | undefined {
  if (words.length === 0 || words.length > 5) return undefined;
  if (words.length === 1 && EXACT[words[0]!]) return { column: EXACT[words[0]!]!, exact: true };
  if (words.includes('prioritaire') || words.includes('prioritaires')) return undefined;
  const first = words[0]!;
  if (/^actions?$/.test(first)) return { column: 'action', exact: false };
  if (words.some((w) => /^financements?$/.test(w))) return { column: 'financement', exact: false };
  if (words.some((w) => /^indicateurs?$/.test(w))) return { column: 'indicateur', exact: false };
  if (/^(?:commentaires?|observations?|remarques?)$/.test(first)) return { column: 'commentaire', exact: false };
  return undefined;
}

/** Which roadmap column a header cell names (see headerMatch); undefined for anything else. */
export function headerColumn(cell: string): ColumnName | undefined {
  return headerMatch(cell)?.column;
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
