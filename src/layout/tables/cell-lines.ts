/** The text of one table cell from its printed lines. */
import { joinWrappedLines } from '../../text/normalize.js';
import type { Line } from '../lines.js';

/**
 * A cell's lines (top to bottom) as text: wrapped lines joined with a space (a word cut by a hyphen at a line
 * end joined back), a list item ("- ", "• ", "1. ") on a line of its own, and a new line where a wider gap
 * than the cell's own line spacing parts two paragraphs.
 */
export function cellLinesText(lines: readonly Line[]): string {
  const sorted = [...lines].filter((l) => l.text).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  if (!sorted.length) return '';
  const steps: number[] = [];
  for (let i = 1; i < sorted.length; i++) steps.push(sorted[i]!.y0 - sorted[i - 1]!.y0);
  const pitch = steps.length ? Math.min(...steps) : 0;
  const paragraphs: string[][] = [[]];
  sorted.forEach((line, i) => {
    if (i > 0 && steps[i - 1]! > pitch + 0.5 * line.fontSize) paragraphs.push([]);
    paragraphs[paragraphs.length - 1]!.push(line.text);
  });
  return paragraphs.map((p) => joinWrappedLines(p)).join('\n');
}
