import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { euros, signedEuros } from '../../src/diff/format.js';

/** What euros() printed before its number formats were made once: toLocaleString with options, each call. */
function eurosByLocaleString(n: number): string {
  const digits = Number.isInteger(n) ? 0 : 2;
  return `${n.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits }).replace(/[\u202f\u00a0]/g, ' ')} €`;
}

describe('euros with shared number formats', () => {
  it('prints every amount as toLocaleString does', () => {
    const amounts = fc.oneof(
      fc.integer({ min: -1e12, max: 1e12 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
      fc.integer({ min: 0, max: 1e8 }).map((cents) => cents / 100),
      fc.constantFrom(0, -0, 0.005, 0.015, 1e21, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, Infinity, -Infinity, NaN),
    );
    fc.assert(
      fc.property(amounts, (n) => {
        expect(euros(n)).toBe(eurosByLocaleString(n));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps its sign and null forms', () => {
    expect(signedEuros(1500)).toBe('+1 500 €');
    expect(signedEuros(-2500.5)).toBe('−2 500,50 €');
    expect(signedEuros(0)).toBe('0 €');
    expect(euros(null)).toBe('—');
  });
});
