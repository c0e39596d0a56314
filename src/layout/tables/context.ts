/** The page as the table finders see it: text lines cut at gaps, joined rules, and the page's own measures. */
import type { PageModel, TextItem } from '../../sources/page-model.js';
import { median } from '../geometry.js';
import { groupRows, isUpright, lineOf, splitAtGaps } from '../lines.js';
import { joinRules } from './rules.js';
import type { PageContext, Segment } from './types.js';

/**
 * A gap wider than this many font sizes ends a segment. Word spaces, even stretched by justification, stay
 * under it (measured: up to ~0.8 em); the gap between two table columns is wider.
 */
export const SEGMENT_GAP = 0.95;

/**
 * Inside a region already taken for a table, any gap pdf.js did not close with a space (it joins runs closer
 * than 0.6 em into one item) may part two cells: tight columns (a LaTeX tabular) sit 0.6 em apart. Whether it
 * does is for the alignment of gaps over the rows to say, not for the gap alone.
 */
export const CELL_GAP = 0.55;

/** The font size carrying most characters. */
export function bodyFontSize(items: readonly TextItem[]): number {
  const weight = new Map<number, number>();
  for (const i of items) weight.set(i.fontSize, (weight.get(i.fontSize) ?? 0) + i.text.length);
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of weight) if (w > bestWeight || (w === bestWeight && size < best)) [best, bestWeight] = [size, w];
  return best || 10;
}

/** Items cut into segments band by band, bands top to bottom, segments left to right. */
export function segmentBands(items: readonly TextItem[], gapFactor = SEGMENT_GAP): Segment[][] {
  const bands: Segment[][] = [];
  for (const row of groupRows(items)) {
    const band = bands.length;
    const segments = splitAtGaps(row, gapFactor)
      .map((part) => ({ ...lineOf(part), band }))
      .filter((s) => s.text.length > 0);
    if (segments.length) bands.push(segments);
  }
  return bands;
}

/** Rules closer than a fifth of the type size are one line (double strokes, a border drawn by each cell). */
export function ruleTolerance(fontSize: number): number {
  return Math.max(1, 0.2 * fontSize);
}

/** Distance between baselines of consecutive printed lines (first segments), the median of plausible steps. */
function linePitch(bands: readonly Segment[][], fontSize: number): number {
  const steps: number[] = [];
  for (let i = 1; i < bands.length; i++) {
    const a = bands[i - 1]![0]!;
    const b = bands[i]![0]!;
    const d = b.y1 - a.y1;
    if (d > 0.5 * fontSize && d < 2 * fontSize) steps.push(d);
  }
  return steps.length ? median(steps) : 1.2 * fontSize;
}

/**
 * Builds the context every finder reads. Pure. The bands (and the pitch measured on them) are computed when
 * first asked for: a caller reading only the table under a header it found needs neither.
 */
export function pageContext(page: PageModel): PageContext {
  const items = page.items.filter((i) => isUpright(i) && i.text.trim().length > 0 && i.x1 > i.x0 && i.y1 > i.y0);
  const fontSize = bodyFontSize(items);
  const tolerance = ruleTolerance(fontSize);
  let bands: Segment[][] | undefined;
  let pitch: number | undefined;
  return {
    page,
    items,
    fontSize,
    get bands() {
      return (bands ??= segmentBands(items));
    },
    get pitch() {
      return (pitch ??= linePitch(this.bands, fontSize));
    },
    horizontal: joinRules(page.rulings, 'h', tolerance),
    vertical: joinRules(page.rulings, 'v', tolerance),
    tolerance,
  };
}
