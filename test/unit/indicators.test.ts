import { describe, expect, it } from 'vitest';
import { parseIndicators } from '../../src/documents/roadmap/indicators.js';
import { Indicator } from '../../src/model/roadmap.js';

const labels = (cell: string) => parseIndicators(cell).map((i) => i.label);

describe('parseIndicators: splitting', () => {
  it('gives [] for an empty or blank cell', () => {
    expect(parseIndicators('')).toEqual([]);
    expect(parseIndicators(' \n\u00a0\n ')).toEqual([]);
    expect(parseIndicators(';;;')).toEqual([]);
    expect(parseIndicators('-\n•\n⇒')).toEqual([]);
  });

  it('gives one indicator per line', () => {
    expect(parseIndicators('Nb de réunion du GT\nIdentification des freins et leviers à la constitution de la filière')).toEqual([
      { label: 'Nb de réunion du GT' },
      { label: 'Identification des freins et leviers à la constitution de la filière' },
    ]);
    expect(labels('Nb d\'ateliers\r\nNb de participants\rNb de familles')).toEqual(['Nb d\'ateliers', 'Nb de participants', 'Nb de familles']);
  });

  it('splits on semicolons and drops the trailing ones', () => {
    expect(parseIndicators('Typologie des filières ; \nNb de créneaux d’effection mis à disposition et pourvus ;\nTaux de créneaux pourvus')).toEqual([
      { label: 'Typologie des filières' },
      { label: 'Nb de créneaux d’effection mis à disposition et pourvus' },
      { label: 'Taux de créneaux pourvus' },
    ]);
    expect(labels('Nb a ; Nb b;Nb c')).toEqual(['Nb a', 'Nb b', 'Nb c']);
  });

  it('does not split a semicolon inside brackets', () => {
    expect(labels('Nb (a ; b) ; Nb c')).toEqual(['Nb (a ; b)', 'Nb c']);
  });

  it('drops the trailing commas of list-like lines', () => {
    expect(labels('nb de personnes formées,\nnb d’appels reçus,')).toEqual(['nb de personnes formées', 'nb d’appels reçus']);
  });

  it('removes list markers', () => {
    expect(labels('- Nb de réunions\n• Nb de participants\n⇒ Taux de satisfaction\n1. Nb de sessions')).toEqual([
      'Nb de réunions',
      'Nb de participants',
      'Taux de satisfaction',
      'Nb de sessions',
    ]);
    expect(labels('- Nb a ; - Nb b')).toEqual(['Nb a', 'Nb b']);
  });

  it('normalises odd spaces in labels', () => {
    expect(labels('  Nb\u00a0de   réunions\u202f ')).toEqual(['Nb de réunions']);
  });
});

describe('parseIndicators: targets and baselines', () => {
  it('"Cible : 100%" keeps the whole line as label since nothing else remains', () => {
    expect(parseIndicators('Cible : 100%')).toEqual([{ label: 'Cible : 100%', target: '100%' }]);
  });

  it('a target with a year in brackets', () => {
    expect(parseIndicators('Taux de couverture vaccinale HPV (cible 2024 : 40)')).toEqual([
      { label: 'Taux de couverture vaccinale HPV', target: '40', year: '2024' },
    ]);
  });

  it('"valeur 7 ; cible 10" is one indicator with a baseline and a target', () => {
    expect(parseIndicators('valeur 7 ; cible 10')).toEqual([{ label: 'valeur 7 ; cible 10', baseline: '7', target: '10' }]);
  });

  it('baseline and target in brackets after a label', () => {
    expect(parseIndicators('Nombre de places d\'ESSIP (valeur 7 ; cible 10)')).toEqual([
      { label: 'Nombre de places d\'ESSIP', baseline: '7', target: '10' },
    ]);
    expect(parseIndicators('Taux (valeur 7, cible 10)')).toEqual([{ label: 'Taux', baseline: '7', target: '10' }]);
  });

  it('keeps a target as printed and reads its year', () => {
    expect(parseIndicators('Nombre de MSP (cible : +10 MSP en 2024)')).toEqual([
      { label: 'Nombre de MSP', target: '+10 MSP en 2024', year: '2024' },
    ]);
  });

  it('keeps brackets opened inside the target', () => {
    expect(parseIndicators('Nb de projets accompagnés (cible : +10 Maisons de santé Pluriprofessionnelle (MSP) en 2024 sur le département)')).toEqual([
      { label: 'Nb de projets accompagnés', target: '+10 Maisons de santé Pluriprofessionnelle (MSP) en 2024 sur le département', year: '2024' },
    ]);
    expect(parseIndicators('délai moyen - EML (cible 2024 : +1 [de 32 à 33 a minima])')).toEqual([
      { label: 'délai moyen - EML', target: '+1 [de 32 à 33 a minima]', year: '2024' },
    ]);
  });

  it('a target after a full stop or a semicolon belongs to the indicator before it', () => {
    expect(parseIndicators('% des collèges publics engagés. Cible: 100%')).toEqual([
      { label: '% des collèges publics engagés', target: '100%' },
    ]);
    expect(parseIndicators('% des collèges ayant proposé la vaccination en leurs murs; Cible : 100%\n% de collégiens vaccinés')).toEqual([
      { label: '% des collèges ayant proposé la vaccination en leurs murs', target: '100%' },
      { label: '% de collégiens vaccinés' },
    ]);
  });

  it('reads "objectif" and "valeur cible" as targets, "valeur initiale" as a baseline', () => {
    expect(parseIndicators('Taux de dépistage (objectif 2025 : 60 %)')).toEqual([{ label: 'Taux de dépistage', target: '60 %', year: '2025' }]);
    expect(parseIndicators('Taux - valeur cible : 80%')).toEqual([{ label: 'Taux', target: '80%' }]);
    expect(parseIndicators('Taux (valeur initiale : 12 % ; cible : 20 %)')).toEqual([{ label: 'Taux', baseline: '12 %', target: '20 %' }]);
  });

  it('does not take the word "cible" in a label for a target', () => {
    expect(parseIndicators('Nombre de personnes de la population cible vaccinées')).toEqual([
      { label: 'Nombre de personnes de la population cible vaccinées' },
    ]);
    expect(parseIndicators('Public ciblé : 100 jeunes')).toEqual([{ label: 'Public ciblé : 100 jeunes' }]);
    expect(parseIndicators('Cible :')).toEqual([{ label: 'Cible' }]);
  });

  it('leaves numbers that are not announced as a target in the label', () => {
    expect(parseIndicators('Taux de participants formés : 100%')).toEqual([{ label: 'Taux de participants formés : 100%' }]);
    expect(parseIndicators('Nombres de places créées (20)')).toEqual([{ label: 'Nombres de places créées (20)' }]);
  });

  it('odd inputs never throw and give non-empty labels', () => {
    for (const cell of ['(', ')', '(cible', 'cible ((((', 'valeur ; ; ; cible', '\u0000', '\ud800', '- ', '⇒⇒⇒ x', ': : :', '(cible : 1)']) {
      const indicators = parseIndicators(cell);
      for (const indicator of indicators) {
        expect(indicator.label.trim(), cell).not.toBe('');
        expect(Indicator.safeParse(indicator).success).toBe(true);
      }
    }
    expect(parseIndicators(undefined as unknown as string)).toEqual([]);
  });

  it('handles an extremely long cell quickly', () => {
    const cell = Array.from({ length: 5_000 }, (_, i) => `Nb ${i} (valeur ${i} ; cible ${i + 1}) ; Taux ${i}`).join('\n');
    const started = Date.now();
    const indicators = parseIndicators(cell);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(indicators).toHaveLength(10_000);
    expect(indicators[0]).toEqual({ label: 'Nb 0', baseline: '0', target: '1' });
    for (const cell2 of ['cible '.repeat(30_000), 'valeur 1, '.repeat(20_000), '('.repeat(50_000), ';'.repeat(100_000)]) {
      const t = Date.now();
      parseIndicators(cell2);
      expect(Date.now() - t).toBeLessThan(3_000);
    }
  });
});
