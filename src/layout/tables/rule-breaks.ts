/**
 * Row edges that only the column rules draw. A producer may leave out the horizontal rule under a repeated
 * header row when the row below goes on from the page before (ReportLab's in-row split), yet still draw each
 * column rule of the header as a piece of its own: every column rule breaks at the header's bottom.
 */
import type { Ruling, TextItem } from '../../sources/page-model.js';

/** The y where a vertical rule at `x` breaks (one piece ends, the next starts) between `above` and `below`. */
function breaksAt(pieces: readonly Ruling[], x: number, above: number, below: number, tolerance: number): number[] {
  const at = pieces.filter((p) => Math.abs((p.x0 + p.x1) / 2 - x) <= tolerance);
  const out: number[] = [];
  for (const a of at) {
    if (a.y1 <= above || a.y1 >= below) continue;
    if (at.some((b) => b !== a && Math.abs(b.y0 - a.y1) <= tolerance && b.y1 > a.y1 + tolerance)) out.push(a.y1);
  }
  return out;
}

/**
 * Where every column rule `xs` of a ruled table breaks between the header's text (`headerBottom`) and the
 * first horizontal rule under it (`before`), no text line running over that height: the header row's own
 * bottom edge, its rule not drawn. Undefined when one column rule runs through, or the breaks disagree by more
 * than `tolerance` (the page's rule tolerance).
 */
export function headerRuleBreak(
  rulings: readonly Ruling[],
  xs: readonly number[],
  headerBottom: number,
  before: number,
  items: readonly TextItem[],
  tolerance: number,
): number | undefined {
  if (xs.length < 3) return undefined;
  const vertical = rulings.filter((r) => r.orientation === 'v');
  const below = before - tolerance;
  let found: number[] | undefined;
  for (const x of xs) {
    const ys = breaksAt(vertical, x, headerBottom, below, tolerance);
    // Breaks shared by every column rule so far.
    found = found ? found.filter((y) => ys.some((z) => Math.abs(z - y) <= tolerance)) : ys;
    if (!found.length) return undefined;
  }
  const y = Math.min(...found!);
  const [left, right] = [xs[0]!, xs[xs.length - 1]!];
  // Text running over the break would be cut in two: then it is no row edge (a rule drawn in pieces by chance).
  const crossed = items.some((i) => i.x1 > left && i.x0 < right && i.y0 + 0.25 * i.fontSize < y && i.y1 - 0.25 * i.fontSize > y);
  return crossed ? undefined : y;
}
