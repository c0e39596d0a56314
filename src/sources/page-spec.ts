/** `--pages`: which pages of a PDF to read (`fdr extract`, `fdr check`, `fdr tables`). */
import { FdrError } from '../errors/index.js';

/**
 * Parses a page list: numbers and ranges separated by commas, "7-" for 7 to the end ("2,4-6,10-").
 * Throws USAGE on anything else.
 */
export function parsePageSpec(spec: string): (page: number) => boolean {
  const parts = spec.split(',').map((p) => p.trim());
  const ranges: [number, number][] = [];
  for (const part of parts) {
    const m = /^(\d+)(?:\s*(-)\s*(\d*))?$/.exec(part);
    const from = m ? Number(m[1]) : NaN;
    const to = m?.[2] ? (m[3] ? Number(m[3]) : Infinity) : from;
    if (!m || from < 1 || to < from)
      throw new FdrError('USAGE', `bad page list "${spec}"`, { hint: 'e.g. --pages 3, --pages 2-5, --pages 1,4,7-' });
    ranges.push([from, to]);
  }
  return (page) => ranges.some(([a, b]) => page >= a && page <= b);
}

/** The pages a list selects among a document's pages, for messages: "none of the 42 pages". */
export function selectedPages(select: (page: number) => boolean, pageCount: number): number[] {
  const pages: number[] = [];
  for (let n = 1; n <= pageCount; n++) if (select(n)) pages.push(n);
  return pages;
}
