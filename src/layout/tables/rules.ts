/** Drawn rules for tables: joined into whole lines, and grouped into the connected frames tables are made of. */
import type { Ruling } from '../../sources/page-model.js';
import type { Rule } from './types.js';

/**
 * Joins rule pieces into whole rules: pieces closer than `tolerance` across their direction are one line (a
 * border drawn per cell, a double stroke, a rule drawn as a thin filled rectangle next to a stroke), and
 * collinear pieces whose ends lie within `tolerance` are joined. Sort, then one sweep. O(n log n).
 */
export function joinRules(rulings: readonly Ruling[], orientation: 'h' | 'v', tolerance: number): Rule[] {
  const rules: Rule[] = rulings
    .filter((r) => r.orientation === orientation)
    .map((r) => (orientation === 'h' ? { at: (r.y0 + r.y1) / 2, from: r.x0, to: r.x1 } : { at: (r.x0 + r.x1) / 2, from: r.y0, to: r.y1 }));
  rules.sort((a, b) => a.at - b.at || a.from - b.from);
  const clusters: Rule[][] = [];
  for (const r of rules) {
    const last = clusters[clusters.length - 1];
    if (last && r.at - last[0]!.at <= tolerance) last.push(r);
    else clusters.push([r]);
  }
  const out: Rule[] = [];
  for (const cluster of clusters) {
    cluster.sort((a, b) => a.from - b.from);
    let current: Rule | undefined;
    let weight = 0;
    let sum = 0;
    const flush = () => {
      if (current) out.push({ at: sum / weight, from: current.from, to: current.to });
    };
    for (const r of cluster) {
      const len = Math.max(r.to - r.from, 0.1);
      if (current && r.from <= current.to + tolerance) {
        current.to = Math.max(current.to, r.to);
        sum += r.at * len;
        weight += len;
      } else {
        flush();
        current = { ...r };
        sum = r.at * len;
        weight = len;
      }
    }
    flush();
  }
  return out.sort((a, b) => a.at - b.at || a.from - b.from);
}

/** Does the vertical rule `v` meet the horizontal rule `h` (crossing, or ends within `tolerance`)? */
export function meets(h: Rule, v: Rule, tolerance: number): boolean {
  return v.at >= h.from - tolerance && v.at <= h.to + tolerance && h.at >= v.from - tolerance && h.at <= v.to + tolerance;
}

/** A set of horizontal and vertical rules that meet one another: the frame of one ruled table (or a box). */
export interface RuleFrame {
  horizontal: Rule[];
  vertical: Rule[];
}

/**
 * Connected groups of rules: a horizontal and a vertical rule are connected when they meet. Union-find over
 * the crossing pairs; rules meeting nothing are left out. O(h × v), small on real pages.
 */
export function ruleFrames(horizontal: readonly Rule[], vertical: readonly Rule[], tolerance: number): RuleFrame[] {
  const parent = Array.from({ length: horizontal.length + vertical.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const linked = new Set<number>();
  for (let i = 0; i < horizontal.length; i++)
    for (let j = 0; j < vertical.length; j++)
      if (meets(horizontal[i]!, vertical[j]!, tolerance)) {
        const a = find(i);
        const b = find(horizontal.length + j);
        if (a !== b) parent[a] = b;
        linked.add(i).add(horizontal.length + j);
      }
  const groups = new Map<number, RuleFrame>();
  for (const i of linked) {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { horizontal: [], vertical: [] }));
    if (i < horizontal.length) g.horizontal.push(horizontal[i]!);
    else g.vertical.push(vertical[i - horizontal.length]!);
  }
  return [...groups.values()];
}

/**
 * Positions closer than `tolerance` merged into one (their mean), ascending. Chains are cut by distance to the
 * cluster's first value, so a run of close positions cannot drift.
 */
export function clusterPositions(values: readonly number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length && v - group[0]! > tolerance) {
      out.push(group.reduce((s, x) => s + x, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length) out.push(group.reduce((s, x) => s + x, 0) / group.length);
  return out;
}

/** Length of [from, to] covered by the rules at position `at` (within `tolerance`). */
export function coveredLength(rules: readonly Rule[], at: number, from: number, to: number, tolerance: number): number {
  const pieces: [number, number][] = [];
  for (const r of rules) {
    if (Math.abs(r.at - at) > tolerance) continue;
    const a = Math.max(from, r.from - tolerance);
    const b = Math.min(to, r.to + tolerance);
    if (b > a) pieces.push([a, b]);
  }
  pieces.sort((p, q) => p[0] - q[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of pieces) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}
