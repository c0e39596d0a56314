import { isAllCaps } from '../text/normalize.js';
import { median } from './geometry.js';
import type { PageKind, PageLayout } from './page-layout.js';

type Classifiable = Pick<PageLayout, 'page' | 'tables' | 'axisMarker' | 'prose' | 'bodySize' | 'itemCount'> & { kind: PageKind };

const TRANSVERSAL_HEADING = /priorit[ée]s\s+(?:r[ée]gionales\s+)?transversales/i;
const NUMBERED = /^\s*(\d{1,2})\s*[.)]\s+\S/;

/** A numbered list of at least six items counted from 1 on a page that speaks of axes: the recalled PRS axes. */
function isAxesList(page: Classifiable): boolean {
  const numbers = page.prose.map((l) => NUMBERED.exec(l.text)?.[1]).filter((n): n is string => n !== undefined).map(Number);
  let expected = 1;
  for (const n of numbers) if (n === expected) expected++;
  return expected - 1 >= 6 && page.prose.some((l) => /\baxes?\b/i.test(l.text));
}

function isDivider(page: Classifiable): boolean {
  return page.tables.length === 0 && page.axisMarker?.source === 'page' && page.prose.length <= 20;
}

function isTransversalStart(page: Classifiable): boolean {
  return page.prose.some((l) => TRANSVERSAL_HEADING.test(l.text) && isAllCaps(l.text));
}

/** Pages with little text and some type much larger than the document's body text: a cover. */
function looksLikeCover(page: Classifiable, bodySize: number): boolean {
  const largest = Math.max(0, ...page.prose.map((l) => l.fontSize));
  return page.prose.length > 0 && page.prose.length <= 15 && largest >= Math.max(18, 1.6 * bodySize);
}

/**
 * Classifies every page of a roadmap in document order: tables, axis dividers, the recalled axes list and
 * transversal priorities by content; cover and editorial by position before the first table; the rest "other".
 * Sets `kind` in place and returns the pages classified "other" that lie between two table pages.
 */
export function classifyPages(pages: Classifiable[]): number[] {
  const bodySize = median(pages.filter((p) => p.itemCount > 0).map((p) => p.bodySize)) || 10;
  let seenTables = false;
  let previous: PageKind | undefined;
  for (const page of pages) {
    let kind: PageKind;
    if (page.tables.length) kind = 'table';
    else if (isDivider(page)) kind = 'axis-divider';
    else if (isAxesList(page)) kind = 'axes-list';
    else if (isTransversalStart(page) || (previous === 'transversal' && page.prose.length > 0)) kind = 'transversal';
    else if (!seenTables && previous === undefined && looksLikeCover(page, bodySize)) kind = 'cover';
    else if (!seenTables && page.prose.length >= 3 && previous !== 'axis-divider') kind = 'editorial';
    else if (!seenTables && looksLikeCover(page, bodySize)) kind = 'cover';
    else kind = 'other';
    if (kind === 'table') seenTables = true;
    page.kind = kind;
    if (page.itemCount > 0) previous = kind;
  }
  const amongTables: number[] = [];
  const tableIndexes = pages.map((p, i) => (p.kind === 'table' ? i : -1)).filter((i) => i >= 0);
  if (tableIndexes.length >= 2) {
    const first = tableIndexes[0]!;
    const last = tableIndexes[tableIndexes.length - 1]!;
    for (let i = first + 1; i < last; i++) if (pages[i]!.kind === 'other' && pages[i]!.prose.length > 0) amongTables.push(pages[i]!.page);
  }
  return amongTables;
}
