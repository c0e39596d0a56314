import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asMatrix, multiply } from '../../src/sources/pdf/matrix.js';
import { toTextItem } from '../../src/sources/pdf/text-items.js';

/** The box as toTextItem computed it before its corners were written out: four corners pushed into arrays. */
function boxByArrays(transform: number[], viewport: [number, number, number, number, number, number], width: number, ascent: number, descent: number) {
  const m = multiply(viewport, asMatrix(transform)!);
  const advanceScale = Math.hypot(m[0], m[1]);
  const size = Math.hypot(m[2], m[3]);
  const [dirX, dirY, upX, upY] = [m[0] / advanceScale, m[1] / advanceScale, m[2] / size, m[3] / size];
  const xs: number[] = [];
  const ys: number[] = [];
  for (const along of [0, Math.max(0, width)])
    for (const up of [ascent * size, descent * size]) {
      xs.push(m[4] + dirX * along + upX * up);
      ys.push(m[5] + dirY * along + upY * up);
    }
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

describe('text item boxes', () => {
  it('are the very numbers the array version gave, for any matrix, width and font metrics', () => {
    const coefficient = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1000, max: 1000 });
    fc.assert(
      fc.property(
        fc.array(coefficient, { minLength: 6, maxLength: 6 }),
        fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 2000 }),
        fc.double({ noNaN: true, min: 0.01, max: 1.99 }),
        fc.double({ noNaN: true, min: -0.99, max: -0.01 }),
        fc.constantFrom<[number, number, number, number, number, number]>([1, 0, 0, -1, 0, 842], [0, 1, 1, 0, 0, 0], [-1, 0, 0, 1, 595, 0]),
        (transform, width, ascent, descent, viewport) => {
          const item = toTextItem({ str: 'Action', transform, width, height: 10, fontName: 'g_d0_f1' }, viewport, { ascent, descent }, 0);
          if (!item) return; // degenerate matrices give no item either way
          const { x0, y0, x1, y1 } = item;
          expect({ x0, y0, x1, y1 }).toEqual(boxByArrays(transform, viewport, width, ascent, descent));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
