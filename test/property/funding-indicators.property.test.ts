import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fundingTotal, parseFundings } from '../../src/documents/roadmap/funding.js';
import { parseIndicators } from '../../src/documents/roadmap/indicators.js';
import { Funding, Indicator } from '../../src/model/roadmap.js';

/** Any UTF-16 code unit, lone surrogates included: what a broken PDF text layer can produce. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Thousands separators French documents use between groups of three digits. */
const thousandsSeparator = fc.constantFrom(' ', '\u00a0', '\u202f', '.');

/** 1234567 with separator " " → "1 234 567". */
function groupThousands(n: number, separator: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** A whole number of euros written the French way, with its value. */
const frenchAmount = fc
  .record({
    euros: fc.integer({ min: 0, max: 999_999_999_999 }),
    cents: fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }),
    separator: thousandsSeparator,
    currency: fc.constantFrom(' €', '€', '\u00a0€', ' euros', ' EUR', ' Euros'),
  })
  .map(({ euros, cents, separator, currency }) => ({
    text: `${groupThousands(euros, separator)}${cents === undefined ? '' : `,${String(cents).padStart(2, '0')}`}${currency}`,
    value: cents === undefined ? euros : (euros * 100 + cents) / 100,
  }));

/** Tokens of a financement cell: amounts, funders, years, words and punctuation, joined into lines. */
const financementToken = fc.oneof(
  frenchAmount.map((a) => a.text),
  fc.integer({ min: 1, max: 999 }).map((n) => `${n},5 M€`),
  fc.integer({ min: 1, max: 999 }).map((n) => `${n} k€`),
  fc.integer({ min: 1, max: 99 }).map((n) => `${n} millions d'euros`),
  fc.integer({ min: 1, max: 9 }).map((n) => `${n} x`),
  fc.constantFrom('FIR', 'PRIAC', 'ONDAM', 'CNR', 'T2A', 'ARS', 'FIR Région', 'CPOM', 'SNU', 'CD', 'Etat', 'Région', 'CNSA'),
  fc.integer({ min: 2000, max: 2060 }).map(String),
  fc.constantFrom('2023 / 2027', '2023-2027', '2024-2025', '2023 à 2027'),
  fc.constantFrom('par CRT', 'par an', 'pour 12 places', 'pour la formation', '/an', 'Montant à définir', 'NC', 'à déterminer', 'participants'),
  fc.constantFrom('(', ')', ':', ';', ',', '/', '-', '+', '•', '€', 'et', 'dont', '\n', '\n\n', ' ', '\u00a0'),
);
const financementCell = fc.array(financementToken, { maxLength: 25 }).chain((tokens) =>
  fc.array(fc.constantFrom(' ', '', '\n', ' : '), { minLength: tokens.length, maxLength: tokens.length }).map((glue) =>
    tokens.map((t, i) => t + (glue[i] ?? '')).join(''),
  ),
);

/** Tokens of an indicateur cell. */
const indicateurToken = fc.oneof(
  fc.constantFrom('Nb de réunions', 'Taux de couverture', 'Typologie des filières', '% des collèges', 'population cible vaccinée'),
  fc.constantFrom('cible', 'Cible :', 'cible 2024 :', 'valeur', 'valeur initiale :', 'objectif', 'valeur cible'),
  fc.integer({ min: -100, max: 10_000 }).map(String),
  fc.constantFrom('(', ')', '[', ']', ';', ' ; ', ',', '.', ':', '- ', '• ', '⇒ ', '\n', '%', '+10 MSP en 2024'),
);
const indicateurCell = fc.array(indicateurToken, { maxLength: 20 }).map((tokens) => tokens.join(' '));

/** Strings of every kind: grapheme-aware unicode, raw code units, and the two grammars above. */
const anyFinancement = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: anyCodeUnit, maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('0', '1', '9', ' ', '.', ',', '€', 'M', 'k', '\u00a0', '\u202f', 'x', '(', ')', '\n', '2024'), maxLength: 60 }),
  financementCell,
);
const anyIndicateur = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: anyCodeUnit, maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('c', 'i', 'b', 'l', 'e', ' ', ':', ';', '(', ')', '[', ']', '1', '\n', '-', '•'), maxLength: 80 }),
  indicateurCell,
);

const RUNS = { numRuns: 500 };

describe('parseFundings (property)', () => {
  it('never throws, and every funding is valid with a finite non-negative amount', () => {
    fc.assert(
      fc.property(anyFinancement, (cell) => {
        const fundings = parseFundings(cell);
        for (const f of fundings) {
          expect(Funding.safeParse(f).success).toBe(true);
          if (f.amount !== null) {
            expect(Number.isFinite(f.amount)).toBe(true);
            expect(f.amount).toBeGreaterThanOrEqual(0);
          }
          expect(f.raw.trim()).not.toBe('');
        }
        const total = fundingTotal(fundings);
        expect(total === null || (Number.isFinite(total) && total >= 0)).toBe(true);
        expect(total === null).toBe(fundings.every((f) => f.amount === null));
      }),
      RUNS,
    );
  });

  it('gives [] exactly for a blank cell', () => {
    fc.assert(
      fc.property(anyFinancement, (cell) => {
        expect(parseFundings(cell).length === 0).toBe(cell.trim() === '');
      }),
      RUNS,
    );
  });

  it('reads back any amount written with French thousands separators', () => {
    fc.assert(
      fc.property(frenchAmount, ({ text, value }) => {
        const fundings = parseFundings(text);
        expect(fundings).toHaveLength(1);
        expect(fundings[0]!.amount).toBe(value);
        expect(fundings[0]!.period).toBeNull();
        expect(fundingTotal(fundings)).toBe(value);
      }),
      RUNS,
    );
  });

  it('reads an amount after a funder and a year, and the year as the period', () => {
    fc.assert(
      fc.property(
        frenchAmount,
        fc.constantFrom('FIR', 'PRIAC', 'ONDAM', 'CNR', 'ARS'),
        fc.integer({ min: 2010, max: 2049 }),
        (amount, source, year) => {
          const [f, ...rest] = parseFundings(`${source} ${year} : ${amount.text}`);
          expect(rest).toEqual([]);
          expect(f).toMatchObject({ source, amount: amount.value, period: String(year) });
        },
      ),
      RUNS,
    );
  });

  it('counts a total followed by its parts once', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9_999_999 }), { minLength: 2, maxLength: 6 }), thousandsSeparator, (parts, sep) => {
        const whole = parts.reduce((a, b) => a + b, 0);
        const cell = `${groupThousands(whole, sep)} €\n(${parts.map((p, i) => `P${i} : ${groupThousands(p, sep)} €`).join(', ')})`;
        const fundings = parseFundings(cell);
        expect(fundings.map((f) => f.amount)).toEqual([whole, ...parts]);
        expect(fundingTotal(fundings)).toBe(whole);
      }),
      RUNS,
    );
  });

  it('fundingTotal never throws on any valid list of fundings', () => {
    const funding = fc.record({
      source: fc.option(fc.string(), { nil: null }),
      amount: fc.option(fc.double({ min: 0, max: 1e12, noNaN: true }), { nil: null }),
      per: fc.option(fc.string(), { nil: null }),
      period: fc.option(fc.string(), { nil: null }),
      raw: fc.string(),
    });
    fc.assert(
      fc.property(fc.array(funding, { maxLength: 60 }), (fundings) => {
        const total = fundingTotal(fundings);
        if (fundings.every((f) => f.amount === null)) expect(total).toBeNull();
        else expect(Number.isFinite(total)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('parseIndicators (property)', () => {
  it('never throws, and every indicator is valid with a non-empty label', () => {
    fc.assert(
      fc.property(anyIndicateur, (cell) => {
        for (const indicator of parseIndicators(cell)) {
          expect(Indicator.safeParse(indicator).success).toBe(true);
          expect(indicator.label.trim()).not.toBe('');
          for (const field of [indicator.target, indicator.baseline, indicator.year]) {
            if (field !== undefined) expect(field.trim()).not.toBe('');
          }
        }
      }),
      RUNS,
    );
  });

  it('gives one indicator per plain line', () => {
    const plainLine = fc.stringMatching(/^[A-Za-zéè%' ]{0,30}$/).filter((l) => /[A-Za-zéè]/.test(l) && !/cible|valeur|objectif|r[ée]f[ée]rence|baseline/i.test(l));
    fc.assert(
      fc.property(fc.array(plainLine, { minLength: 1, maxLength: 8 }), (lines) => {
        const indicators = parseIndicators(lines.join('\n'));
        expect(indicators.map((i) => i.label)).toEqual(lines.map((l) => l.replace(/\s+/g, ' ').trim()));
      }),
      RUNS,
    );
  });
});
