import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeLexicon, REPAIR_BELOW, repairWord } from '../../src/sources/ocr/lexicon.js';

const lexicon = makeLexicon(['il', 'la', 'action', 'santé', 'œuvre', 'territoire', 'cadre', 'carte', 'médico-social']);
/** Words as the engine prints them: letters, lookalike glyphs, apostrophes, punctuation, any code unit. */
const glyph = fc.oneof(
  fc.constantFrom(...'aeilnorstuéèàçïœ|1!IlrnmcdLST\'’-(),.:;«»"'.split('')),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
);
const word = fc.array(glyph, { minLength: 0, maxLength: 14 }).map((g) => g.join(''));

describe('repairWord on any word', () => {
  it('never touches a word read with confidence', () => {
    fc.assert(
      fc.property(word, fc.double({ min: REPAIR_BELOW, max: 100, noNaN: true }), (w, c) => {
        expect(repairWord(w, c, lexicon)).toEqual({ outcome: 'kept', text: w });
      }),
    );
  });

  it('keeps a word, or repairs it into another, or lists two or more candidates; never throws', () => {
    fc.assert(
      fc.property(word, fc.double({ min: 0, max: REPAIR_BELOW, maxExcluded: true, noNaN: true }), (w, c) => {
        const r = repairWord(w, c, lexicon);
        if (r.outcome === 'kept') expect(r.text).toBe(w);
        else if (r.outcome === 'repaired') {
          expect(r.read).toBe(w);
          expect(r.text).not.toBe(w);
        } else {
          expect(r.text).toBe(w);
          expect(r.candidates.length).toBeGreaterThanOrEqual(2);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
