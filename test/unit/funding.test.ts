import { describe, expect, it } from 'vitest';
import { FUNDING_SOURCES, fundingTotal, parseFundings } from '../../src/documents/roadmap/funding.js';
import { Funding } from '../../src/model/roadmap.js';

/** A funding with the fields a test does not care about set to null, and raw defaulting to the cell. */
function funding(fields: Partial<Funding> & { raw: string }): Funding {
  return { source: null, amount: null, per: null, period: null, ...fields };
}

/** The single funding a one-amount cell must give. */
function only(cell: string): Funding {
  const fundings = parseFundings(cell);
  expect(fundings).toHaveLength(1);
  return fundings[0]!;
}

const amountOf = (cell: string) => only(cell).amount;

describe('parseFundings: amounts', () => {
  it.each([
    ['400 000€', 400_000],
    ['42.500 €', 42_500],
    ['1 123 902 euros', 1_123_902],
    ['62,24 M€', 62_240_000],
    ['12 millions d\'euros', 12_000_000],
    ['12 millions d’euros', 12_000_000],
    ['1,5 million d\'euros', 1_500_000],
    ['65000€', 65_000],
    ['400.000 € par CRT', 400_000],
    ['243.224 €', 243_224],
    ['1.234.567 €', 1_234_567],
    ['42.50 €', 42.5],
    ['1 000,50 €', 1000.5],
    ['1.234,56 €', 1234.56],
    ['150 k€', 150_000],
    ['150K€', 150_000],
    ['150 milliers d\'euros', 150_000],
    ['1,5 Md€', 1_500_000_000],
    ['12 000 EUR', 12_000],
    ['21 200 Euros par an', 21_200],
    ['38,17M€ de crédits socle', 38_170_000],
    ['0 €', 0],
  ])('%j → %d', (cell, amount) => {
    expect(amountOf(cell)).toBe(amount);
  });

  it('reads NBSP, narrow NBSP and figure spaces as thousands separators', () => {
    expect(amountOf('400\u00a0000\u00a0€')).toBe(400_000);
    expect(amountOf('1\u202f123\u202f902\u202feuros')).toBe(1_123_902);
    expect(amountOf('45\u2009000 €')).toBe(45_000);
  });

  it('keeps the printed text, NBSP included, in raw', () => {
    expect(only('400\u00a0000\u00a0€').raw).toBe('400\u00a0000\u00a0€');
  });

  it('multiplies "2 x 30.000 €" into one amount of 60 000 (the raw keeps the factor)', () => {
    expect(parseFundings('2 x 30.000 €')).toEqual([funding({ amount: 60_000, raw: '2 x 30.000 €' })]);
    expect(amountOf('30 000 € x 2')).toBe(60_000);
    expect(amountOf('3 × 10 000 €')).toBe(30_000);
    expect(fundingTotal(parseFundings('2 x 30.000 €'))).toBe(60_000);
  });

  it('reads "Enveloppes FIR et CNR : 2 x 30.000 €" as one 60 000 funding from both', () => {
    expect(only('Enveloppes FIR et CNR : 2 x 30.000 €')).toMatchObject({ source: 'FIR / CNR', amount: 60_000 });
  });

  it('does not read numbers without a currency as money', () => {
    expect(only('1 250 participants')).toEqual(funding({ raw: '1 250 participants' }));
    expect(only('Installation des 5 places').amount).toBeNull();
    expect(only('PCO 7-12 du 76/27').amount).toBeNull();
  });

  it('reads a bare grouped number, or one after a money word, as an amount', () => {
    expect(amountOf('400 000')).toBe(400_000);
    expect(amountOf('Enveloppe de 120 000 à répartir entre les porteurs')).toBe(120_000);
    expect(amountOf('Montant : 15 000')).toBe(15_000);
    expect(amountOf('2024')).toBeNull();
  });

  it('reads a year as a period, never as an amount, unless a currency follows', () => {
    expect(only('PRIAC 2024')).toEqual(funding({ source: 'PRIAC', period: '2024', raw: 'PRIAC 2024' }));
    expect(only('PRIAC 2025-2026').period).toBe('2025-2026');
    expect(only('FIR 2023 à 2027').period).toBe('2023-2027');
    expect(only('2024 15 000 €')).toMatchObject({ amount: 15_000, period: '2024' });
    expect(only('2024 €').amount).toBe(2024);
    expect(only('Financement 2023, 2024').period).toBe('2023, 2024');
  });

  it('ignores a leading dash: an amount is never negative', () => {
    expect(amountOf('-5 000 €')).toBe(5_000);
    expect(amountOf('- 5 000 €')).toBe(5_000);
    expect(amountOf('−5 000 €')).toBe(5_000);
  });

  it('gives no amount for a currency sign alone or an amount in words', () => {
    expect(parseFundings('€')).toEqual([funding({ raw: '€' })]);
    expect(only('FIR : quarante mille euros')).toEqual(funding({ source: 'FIR', raw: 'FIR : quarante mille euros' }));
  });

  it('copes with odd spacing', () => {
    expect(parseFundings('   PRIAC   400 000€    par   CRT   ')).toEqual([
      funding({ source: 'PRIAC', amount: 400_000, per: 'par CRT', raw: 'PRIAC   400 000€    par   CRT' }),
    ]);
    expect(parseFundings('\n\n  \n65 000 €\r\n\n')).toEqual([funding({ amount: 65_000, raw: '65 000 €' })]);
    expect(amountOf('65 000€par PASA')).toBe(65_000);
    expect(amountOf('\t65\u00a0000  €')).toBe(65_000);
  });

  it('skips an amount too large to be a finite number instead of returning Infinity', () => {
    const fundings = parseFundings(`${'9'.repeat(400)} €`);
    expect(fundings).toHaveLength(1);
    expect(fundings[0]!.amount).toBeNull();
  });
});

describe('parseFundings: empty and undetermined cells', () => {
  it('gives [] for an empty or blank cell', () => {
    expect(parseFundings('')).toEqual([]);
    expect(parseFundings('  \n \u00a0 ')).toEqual([]);
  });

  it.each(['Montant à définir', 'NC', 'A déterminer', 'Budget de fonctionnement de la PEG', 'Appels à projets'])(
    '%j gives one funding without amount nor source',
    (cell) => {
      expect(parseFundings(cell)).toEqual([funding({ raw: cell })]);
    },
  );

  it('keeps the funder of an undetermined amount', () => {
    expect(parseFundings('Montant à définir lors de la conférence des financeurs')).toEqual([
      funding({ source: 'Conférence des financeurs', raw: 'Montant à définir lors de la conférence des financeurs' }),
    ]);
    expect(only("FIR (montant de l'accompagnement de l'ingénierie à définir)")).toMatchObject({ source: 'FIR', amount: null });
    expect(only('Financement des lignes PDSES par l’ARS.')).toMatchObject({ source: 'ARS', amount: null, per: null });
  });

  it('returns [] for a non-string instead of throwing', () => {
    expect(parseFundings(undefined as unknown as string)).toEqual([]);
    expect(parseFundings(42 as unknown as string)).toEqual([]);
  });
});

describe('parseFundings: sources', () => {
  it.each([
    ['FIR', 'FIR'],
    ['FIR Région', 'FIR Région'],
    ['CPOM', 'CPOM'],
    ['SNU', 'SNU'],
    ['ONDAM', 'ONDAM'],
    ['CNR', 'CNR'],
    ['T2A', 'T2A'],
    ['ARS - FIR', 'ARS / FIR'],
    ['Financement FIR', 'FIR'],
    ['Fonds d’intervention régional', 'FIR'],
    ['Conseil départemental du Calvados', 'Conseil départemental'],
    ['CD 14', 'Conseil départemental'],
    ['CNSA', 'CNSA'],
    ['Assurance maladie', 'Assurance maladie'],
    ['CPAM', 'CPAM'],
    ['Région Normandie', 'Région'],
    ['Conseil régional', 'Région'],
    ['Etat', 'Etat'],
    ['T2A (tarification à l\'activité)', 'T2A'],
  ])('%j → %j', (cell, source) => {
    expect(parseFundings(cell)).toEqual([funding({ source, raw: cell })]);
  });

  it('does not take ordinary words for funders', () => {
    for (const cell of [
      'Financement régional',
      'Mars 2024',
      'Les cartes',
      'la région',
      'État des lieux préalable',
      'FIRST',
      'Tarifs',
      'CDI',
      'Accompagnement régional + financement national',
      '340 000 € pour la Région',
    ]) {
      expect(parseFundings(cell).map((f) => f.source), cell).toEqual([null]);
    }
  });

  it('lists each source with a canonical name and a global whole-word pattern', () => {
    const names = FUNDING_SOURCES.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const s of FUNDING_SOURCES) expect(s.pattern.flags).toContain('g');
    expect(names.indexOf('FIR Région')).toBeLessThan(names.indexOf('FIR'));
  });
});

describe('parseFundings: examples from the roadmaps', () => {
  it('PRIAC 400 000€ par CRT', () => {
    expect(parseFundings('PRIAC 400 000€ par CRT')).toEqual([
      funding({ source: 'PRIAC', amount: 400_000, per: 'par CRT', raw: 'PRIAC 400 000€ par CRT' }),
    ]);
  });

  it('a funder and period line above the amount line', () => {
    const cell = 'PRIAC 2023 / 2027\n65 000 euros par PASA';
    expect(parseFundings(cell)).toEqual([
      funding({ source: 'PRIAC', amount: 65_000, per: 'par PASA', period: '2023-2027', raw: cell }),
    ]);
  });

  it('Financement régional ARS - 2024 : 137 473 euros', () => {
    const cell = 'Financement régional ARS - 2024 : 137 473 euros';
    expect(parseFundings(cell)).toEqual([funding({ source: 'ARS', amount: 137_473, period: '2024', raw: cell })]);
  });

  it('FIR 2024 : 15 000 €', () => {
    expect(only('FIR 2024 : 15 000 €')).toEqual(funding({ source: 'FIR', amount: 15_000, period: '2024', raw: 'FIR 2024 : 15 000 €' }));
  });

  it('a total followed by its parenthesised components', () => {
    const fundings = parseFundings('99 000 €\n(CU : 21 000€, CPTS 10 000€ ; ARS : 68 000€)');
    expect(fundings).toEqual([
      funding({ amount: 99_000, raw: '99 000 €' }),
      funding({ amount: 21_000, per: 'CU', raw: 'CU : 21 000€' }),
      funding({ amount: 10_000, per: 'CPTS', raw: 'CPTS 10 000€' }),
      funding({ source: 'ARS', amount: 68_000, raw: 'ARS : 68 000€' }),
    ]);
    expect(fundingTotal(fundings)).toBe(99_000);
  });

  it('the same total and components on one line', () => {
    const fundings = parseFundings('99 000 € (CU : 21 000€, CPTS 10 000€ ; ARS : 68 000€)');
    expect(fundings.map((f) => f.amount)).toEqual([99_000, 21_000, 10_000, 68_000]);
    expect(fundingTotal(fundings)).toBe(99_000);
  });

  it('two labelled amounts: AJ and HT are kept as per and in raw', () => {
    const fundings = parseFundings('(AJ : 71 190 € / HT : 68 250 €)');
    expect(fundings).toEqual([
      funding({ amount: 71_190, per: 'AJ', raw: 'AJ : 71 190 €' }),
      funding({ amount: 68_250, per: 'HT', raw: 'HT : 68 250 €' }),
    ]);
    expect(fundingTotal(fundings)).toBe(139_440);
  });

  it('a funder before the parenthesised list funds every amount of it', () => {
    const fundings = parseFundings('PRIAC (AJ : 71 190 € / HT : 68 250 €)');
    expect(fundings.map((f) => [f.source, f.amount, f.per])).toEqual([
      ['PRIAC', 71_190, 'AJ'],
      ['PRIAC', 68_250, 'HT'],
    ]);
  });

  it('an amount line then a forfait line', () => {
    const cell =
      '185 000 € (AAP urgences 2023)\n\nForfait de 45 000 euros par SMUR pour la formation des professionnels non médicaux (PNM) et l’acquisition d’équipement';
    const fundings = parseFundings(cell);
    expect(fundings).toEqual([
      funding({ amount: 185_000, period: '2023', raw: '185 000 € (AAP urgences 2023)' }),
      funding({
        amount: 45_000,
        per: 'par SMUR',
        raw: 'Forfait de 45 000 euros par SMUR pour la formation des professionnels non médicaux (PNM) et l’acquisition d’équipement',
      }),
    ]);
    expect(fundingTotal(fundings)).toBe(230_000);
  });

  it('ARS (250 000 euros pour GHT du Havre): the beneficiary is not a unit', () => {
    expect(only('ARS (250 000 euros pour GHT du Havre)')).toEqual(
      funding({ source: 'ARS', amount: 250_000, raw: 'ARS (250 000 euros pour GHT du Havre)' }),
    );
  });

  it.each([
    ['66 634 € par infirmier de parcours', 66_634, 'par infirmier de parcours'],
    ['65 000 € par PASA', 65_000, 'par PASA'],
    ['142 380€ pour 12 places d\'Accueil de Jour (AJ)', 142_380, "pour 12 places d'Accueil de Jour (AJ)"],
    ['400.000 € par CRT', 400_000, 'par CRT'],
    ['30 000 € par an', 30_000, 'par an'],
    ['5 000 € par étudiant', 5_000, 'par étudiant'],
    ['Montant FIR : 60 000€ / an', 60_000, '/ an'],
    ['CTSM FIR 91 000€ /an', 91_000, '/an'],
    ['635 € pour les 4 ateliers + financement de l’atelier gestes qui sauvent', 635, 'pour les 4 ateliers'],
    ['20 000 Euros pour 2 ans', 20_000, 'pour 2 ans'],
    ['Dispositif infirmier relai : 42.500 € par projet', 42_500, 'par projet'],
    ['ONDAM : 48.000 € pour le renforcement de l\'ESSIP', 48_000, null],
    ['190 000€ pour l’UAPED du Havre', 190_000, null],
    ['10 000 € versés par l’ARS', 10_000, null],
  ])('%j → %d %j', (cell, amount, per) => {
    expect(only(cell)).toMatchObject({ amount, per, raw: cell });
  });

  it('list items inherit the funder and period of the heading line', () => {
    const fundings = parseFundings('ARS - FIR Région\nEn année scolaire :\n- 2023-2024 : 40 000 €\n- 2024-2025 : 80 000 €');
    expect(fundings.map((f) => [f.source, f.amount, f.period])).toEqual([
      ['ARS / FIR Région', 40_000, '2023-2024'],
      ['ARS / FIR Région', 80_000, '2024-2025'],
    ]);
    expect(fundings[0]!.raw).toBe('ARS - FIR Région\nEn année scolaire :\n- 2023-2024 : 40 000 €');
  });

  it('a stated envelope and its listed parts are counted once', () => {
    const cell = [
      '1 000 000€ (ARS : 500 000€ / CD 500 000 €)',
      'Enveloppe CNH : 62,24 M€ sur 2024/2030 pour la Normandie :',
      '- 38,17M€ de crédits socle (ARS),',
      '- 5,3M€ de crédits pour la création d’un service de repérage (ARS),',
      '- 18,77M€ de crédits d’accompagnement à la scolarisation des enfants handicapés (Education Nationale)',
    ].join('\n');
    const fundings = parseFundings(cell);
    expect(fundings.map((f) => [f.source, f.amount])).toEqual([
      [null, 1_000_000],
      ['ARS', 500_000],
      ['Conseil départemental', 500_000],
      ['CNH', 62_240_000],
      ['ARS', 38_170_000],
      ['ARS', 5_300_000],
      ['Education nationale', 18_770_000],
    ]);
    expect(fundings.slice(4).map((f) => f.period)).toEqual(['2024-2030', '2024-2030', '2024-2030']);
    expect(fundingTotal(fundings)).toBe(63_240_000);
  });

  it('several amounts on one line, each with its own year', () => {
    expect(parseFundings('ARS : 10 000 € en 2024 et 20 000 € en 2025')).toEqual([
      funding({ source: 'ARS', amount: 10_000, period: '2024', raw: 'ARS : 10 000 € en 2024' }),
      funding({ source: 'ARS', amount: 20_000, period: '2025', raw: '20 000 € en 2025' }),
    ]);
  });

  it('a funder line after an amount without one is its funder', () => {
    expect(parseFundings('65 000 €\nFIR')).toEqual([funding({ source: 'FIR', amount: 65_000, raw: '65 000 €\nFIR' })]);
  });

  it('two funder lines without amounts stay two fundings', () => {
    expect(parseFundings('FIR\nCPOM').map((f) => f.source)).toEqual(['FIR', 'CPOM']);
  });

  it('one funding per amount line', () => {
    const fundings = parseFundings('Maison 1000 1ers jours : 30 000€\nFamili’bulle : 20 000 €\nCCAS du Havre : 45 000 €');
    expect(fundings.map((f) => f.amount)).toEqual([30_000, 20_000, 45_000]);
    expect(fundings.map((f) => f.raw)).toEqual(['Maison 1000 1ers jours : 30 000€', 'Famili’bulle : 20 000 €', 'CCAS du Havre : 45 000 €']);
    expect(fundingTotal(fundings)).toBe(95_000);
  });

  it('handles an extremely long cell quickly', () => {
    const line = 'PRIAC 2024 : 1 000 € par CRT (AJ : 500 € / HT : 500 €) ';
    const cell = Array.from({ length: 2_000 }, (_, i) => (i % 10 === 0 ? `${line}\n` : line)).join('');
    const started = Date.now();
    const fundings = parseFundings(cell);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(fundings.length).toBeGreaterThan(1_000);
    expect(fundings.every((f) => Funding.safeParse(f).success)).toBe(true);
  });

  it('stays fast on long runs of digits, separators and spaces', () => {
    for (const cell of ['1 '.repeat(50_000), '111 '.repeat(30_000), '('.repeat(50_000) + '1 €', ' ,;'.repeat(30_000) + '€', '9'.repeat(100_000)]) {
      const started = Date.now();
      parseFundings(cell);
      expect(Date.now() - started, cell.slice(0, 10)).toBeLessThan(3_000);
    }
  });
});

describe('fundingTotal', () => {
  it('is null when no funding has an amount', () => {
    expect(fundingTotal([])).toBeNull();
    expect(fundingTotal([funding({ source: 'FIR', raw: 'FIR' })])).toBeNull();
  });

  it('sums amounts, null ones aside', () => {
    const fundings = [funding({ amount: 10, raw: 'a' }), funding({ raw: 'b' }), funding({ amount: 5.5, raw: 'c' })];
    expect(fundingTotal(fundings)).toBe(15.5);
  });

  it('adds cents exactly', () => {
    expect(fundingTotal([funding({ amount: 0.1, raw: 'a' }), funding({ amount: 0.2, raw: 'b' })])).toBe(0.3);
  });

  it('counts a total once when the following amounts add up to it', () => {
    const amounts = [100, 60, 40, 7];
    expect(fundingTotal(amounts.map((amount) => funding({ amount, raw: String(amount) })))).toBe(107);
  });

  it('sums everything when the following amounts do not add up to the first one', () => {
    const amounts = [100, 60, 30];
    expect(fundingTotal(amounts.map((amount) => funding({ amount, raw: String(amount) })))).toBe(190);
  });

  it('needs at least two components: an amount repeated once is two amounts', () => {
    expect(fundingTotal([funding({ amount: 100, raw: 'a' }), funding({ amount: 100, raw: 'b' })])).toBe(200);
  });

  it('does not take a null amount between a total and its parts as a part', () => {
    const fundings = [funding({ amount: 100, raw: 'a' }), funding({ raw: 'b' }), funding({ amount: 60, raw: 'c' }), funding({ amount: 40, raw: 'd' })];
    expect(fundingTotal(fundings)).toBe(200);
  });

  it('ignores amounts that are not finite numbers', () => {
    expect(fundingTotal([funding({ amount: Number.NaN, raw: 'a' }), funding({ amount: 5, raw: 'b' })])).toBe(5);
  });
});
