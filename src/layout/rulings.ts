import type { Ruling } from '../sources/page-model.js';

/** Rules closer than this (points) across their direction are the same rule (borders drawn per cell, double strokes). */
const SAME_LINE = 1.2;
/** Collinear pieces separated by less than this along their direction are joined. */
const JOIN_GAP = 3;

/**
 * Joins collinear ruling pieces into whole rules: tables drawn cell by cell give one piece per cell edge.
 * Sort by position across, then along; one sweep. O(n log n).
 */
export function mergeRulings(rulings: readonly Ruling[]): { horizontal: Ruling[]; vertical: Ruling[] } {
  return {
    horizontal: mergeOriented(rulings.filter((r) => r.orientation === 'h'), 'h'),
    vertical: mergeOriented(rulings.filter((r) => r.orientation === 'v'), 'v'),
  };
}

function mergeOriented(rulings: readonly Ruling[], orientation: 'h' | 'v'): Ruling[] {
  const across = (r: Ruling) => (orientation === 'h' ? r.y0 : r.x0);
  const start = (r: Ruling) => (orientation === 'h' ? r.x0 : r.y0);
  const end = (r: Ruling) => (orientation === 'h' ? r.x1 : r.y1);
  const sorted = [...rulings].sort((a, b) => across(a) - across(b) || start(a) - start(b));
  // Cluster by position across the rule's direction.
  const clusters: Ruling[][] = [];
  for (const r of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && across(r) - across(last[0]!) <= SAME_LINE) last.push(r);
    else clusters.push([r]);
  }
  const out: Ruling[] = [];
  for (const cluster of clusters) {
    const pos = cluster.reduce((s, r) => s + across(r), 0) / cluster.length;
    const pieces = cluster.map((r) => [start(r), end(r)] as [number, number]).sort((a, b) => a[0] - b[0]);
    let [a, b] = pieces[0]!;
    const flush = () =>
      out.push(orientation === 'h' ? { x0: a, y0: pos, x1: b, y1: pos, orientation } : { x0: pos, y0: a, x1: pos, y1: b, orientation });
    for (let i = 1; i < pieces.length; i++) {
      const [c, d] = pieces[i]!;
      if (c <= b + JOIN_GAP) b = Math.max(b, d);
      else {
        flush();
        [a, b] = [c, d];
      }
    }
    flush();
  }
  return out;
}
