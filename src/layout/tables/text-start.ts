/**
 * Where a column's text starts (the cell padding), measured on its lines: the least left edge of the lines
 * that do not open with a list marker. A marker may hang left of the text (an outdented bullet, a dash set in
 * the padding), so it says where the list was set, not where the column's text starts.
 */
import { LIST_MARKER } from '../../text/normalize.js';

export function columnTextStart(lines: readonly { x0: number; text: string }[]): number | undefined {
  let start: number | undefined;
  let marked: number | undefined;
  for (const l of lines) {
    if (LIST_MARKER.test(l.text)) marked = marked === undefined ? l.x0 : Math.min(marked, l.x0);
    else start = start === undefined ? l.x0 : Math.min(start, l.x0);
  }
  // A column holding only list items: its markers are all there is to go by.
  return start ?? marked;
}
