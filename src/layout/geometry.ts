import type { BBox } from '../model/index.js';

/** An axis-aligned box in page points, origin top-left (y grows downwards). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function unionBox(boxes: Iterable<Box>): Box | undefined {
  let out: Box | undefined;
  for (const b of boxes) {
    if (!out) out = { x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 };
    else {
      if (b.x0 < out.x0) out.x0 = b.x0;
      if (b.y0 < out.y0) out.y0 = b.y0;
      if (b.x1 > out.x1) out.x1 = b.x1;
      if (b.y1 > out.y1) out.y1 = b.y1;
    }
  }
  return out;
}

export const width = (b: Box): number => b.x1 - b.x0;
export const height = (b: Box): number => b.y1 - b.y0;
export const centerX = (b: Box): number => (b.x0 + b.x1) / 2;
export const centerY = (b: Box): number => (b.y0 + b.y1) / 2;

/** Length of the overlap of [a0, a1] and [b0, b1] (0 when apart). */
export function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

export function containsPoint(b: Box, x: number, y: number, tolerance = 0): boolean {
  return x >= b.x0 - tolerance && x <= b.x1 + tolerance && y >= b.y0 - tolerance && y <= b.y1 + tolerance;
}

/** The model's bbox tuple, rounded to 0.1 pt so outputs stay stable and readable. */
export function toBBox(b: Box): BBox {
  const r = (x: number) => Math.round(x * 10) / 10;
  return [r(b.x0), r(b.y0), r(b.x1), r(b.y1)];
}

export function median(values: readonly number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The most frequent value after rounding to `step` (ties: the smaller value). */
export function mode(values: readonly number[], step: number): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) {
    const k = Math.round(v / step) * step;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let best: { value: number; n: number } | undefined;
  for (const [value, n] of counts) if (!best || n > best.n || (n === best.n && value < best.value)) best = { value, n };
  return best?.value;
}

/**
 * Merges intervals that overlap or lie closer than `gap`, after sorting: the covered runs of a projection.
 * Linear after the sort.
 */
export function mergeIntervals(intervals: readonly [number, number][], gap = 0): [number, number][] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + gap) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Largest and smallest of a (possibly long) list, without spreading it into arguments. */
export function maxOf<T>(values: readonly T[], f: (v: T) => number): number {
  let m = -Infinity;
  for (const v of values) {
    const x = f(v);
    if (x > m) m = x;
  }
  return m;
}

export function minOf<T>(values: readonly T[], f: (v: T) => number): number {
  let m = Infinity;
  for (const v of values) {
    const x = f(v);
    if (x < m) m = x;
  }
  return m;
}
