import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indentJson } from '../../src/export/json.js';

describe('indentJson', () => {
  it('indents exactly as JSON.stringify(value, null, 2) (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(indentJson(JSON.stringify(value))).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  it('leaves structural characters inside strings alone, escaped quotes included', () => {
    const value = { 'a,b': ['{', '}', '[]', ':', 'say "hi", \\ ok', {}, []], empty: {}, list: [[], [1, { x: '\\"' }]] };
    expect(indentJson(JSON.stringify(value))).toBe(JSON.stringify(value, null, 2));
  });
});
