/** Affine transforms as PDF writes them: [a, b, c, d, e, f] maps (x, y) to (a·x + c·y + e, b·x + d·y + f). */
export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** The transform that applies `inner` first, then `outer` (pdf.js Util.transform(outer, inner)). */
export function multiply(outer: Matrix, inner: Matrix): Matrix {
  const [a1, b1, c1, d1, e1, f1] = outer;
  const [a2, b2, c2, d2, e2, f2] = inner;
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Reads a 6-number array (pdf.js hands out plain arrays and typed arrays) as a Matrix, or undefined. */
export function asMatrix(value: unknown): Matrix | undefined {
  if (!value || typeof (value as ArrayLike<number>).length !== 'number') return undefined;
  const v = value as ArrayLike<unknown>;
  if (v.length < 6) return undefined;
  const m = [v[0], v[1], v[2], v[3], v[4], v[5]];
  return m.every((x) => typeof x === 'number' && Number.isFinite(x)) ? (m as unknown as Matrix) : undefined;
}
