import { Chalk } from 'chalk';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { compareRoadmaps } from '../../src/compare/compare.js';
import { COMPARE_CSV_COLUMNS, renderCompare } from '../../src/compare/render.js';
import { loadRoadmap } from '../../src/diff/load-roadmap.js';
import { schemaId, TerritoryComparison } from '../../src/model/index.js';
import { roadmap } from './diff-helpers.js';

const ROOT = resolve(import.meta.dirname, '../..');
let comparison: TerritoryComparison;

beforeAll(async () => {
  const inputs = [];
  for (const file of ['fixtures/gold/le-havre-2024.gold.json', 'fixtures/gold/calvados-2024.gold.json']) {
    const loaded = await loadRoadmap(join(ROOT, file));
    inputs.push({ roadmap: loaded.roadmap, file, info: loaded.info });
  }
  comparison = compareRoadmaps(inputs);
});

// Counted by hand from the gold JSON (python over axes[].chantiers[].actions[], independently of fdr), and the
// funding of each of the 91 financement cells read by a person: a stated total followed by its components
// counted once ("99 000 € (CU : 21 000€, CPTS 10 000€ ; ARS : 68 000€)" = 99 000), a per-unit amount counted
// once ("400 000€ par CRT"), "2 x 30.000 €" = 60 000, "62,24 M€" = 62 240 000, a cell without an amount
// ("FIR", "NC", "Montant à définir", empty) counted under "no amount".
// [chantiers, actions, funding EUR, actions without amount, actions with an empty financement cell]
const LE_HAVRE: Record<number, [number, number, number, number, number]> = {
  1: [4, 7, 671_074, 3, 2], // 400 000 + (71 190 + 68 250) + 65 000 + 66 634
  2: [4, 8, 906_473, 3, 1], // 190 000 + 99 000 + 137 473 + (185 000 + 45 000) + 250 000
  3: [3, 6, 551_000, 3, 1], // 91 000 + (40 000 + 80 000) + 340 000
  4: [3, 7, 65_523_822, 3, 3], // (582 000 + 1 123 902 + 162 920) + (280 000 + 100 000) + (1 000 000 + 62 240 000) + 35 000
  5: [0, 0, 0, 0, 0],
  6: [5, 11, 130_635, 8, 7], // (30 000 + 20 000 + 45 000) + 635 + 35 000
  7: [1, 1, 13_500, 0, 0],
  8: [0, 0, 0, 0, 0],
  9: [2, 2, 0, 2, 0],
  10: [3, 3, 41_200, 2, 2], // 21 200 + 20 000
  12: [2, 2, 12_000_000, 1, 1],
};
const CALVADOS: Record<number, [number, number, number, number, number]> = {
  1: [4, 8, 607_380, 5, 1], // 65 000 + 142 380 + 400 000
  2: [2, 8, 1_042_723, 3, 0], // 42 500 + 232 750 + 140 000 + 137 473 + 490 000
  3: [2, 3, 65_000, 2, 0],
  4: [4, 8, 1_329_035, 2, 0], // 100 000 + 140 000 + 243 224 + 438 289 + 60 000 + 347 522
  5: [1, 3, 378_000, 0, 0], // 230 000 + 100 000 + 48 000
  6: [3, 6, 325_000, 3, 0], // 15 000 + 2 x 30 000 + 250 000
  7: [2, 2, 176_152, 1, 0],
  8: [1, 1, 0, 1, 0],
  9: [2, 2, 0, 2, 0],
  10: [2, 3, 0, 3, 0],
  12: [0, 0, 0, 0, 0],
};
const TOTALS = { 'Le Havre': [27, 47, 79_837_704, 25, 17], Calvados: [23, 44, 3_923_290, 22, 1] };

// The chantier presence matrix, read off the two documents: [title start, Le Havre actions, Calvados actions]
// (null = the territory does not address that chantier).
const PRESENCE: Record<number, [string, number | null, number | null][]> = {
  1: [
    ['Prévenir et anticiper la perte', 1, 1],
    ['Favoriser le maintien à domicile', 3, 1],
    ['Diversifier l’offre d’hébergement', 1, 3],
    ['Garantir l’accès aux soins et aux accompagnements', 2, 3],
  ],
  2: [
    ['Garantir l’accès aux soins et aux dépistages', 3, 6],
    ['Veiller à la cohésion territoriale', 3, null],
    ['Apporter aux habitants une réponse efficace', 1, 2],
    ['Renforcer les capacités de gestion', 1, null],
  ],
  3: [
    ['Conforter l’approche territorialisée', 3, null],
    ['Poursuivre le développement des actions en faveur de la santé mentale', 2, 1],
    ['Prévenir, repérer et prendre en charge', 1, null],
    ["Organiser les conditions de réalisation d'une offre graduée", null, 2],
  ],
  4: [
    ['Renforcer le repérage, le diagnostic', 1, 2],
    ['Développer les solutions à même de répondre', 2, 2],
    ['Accompagner les parcours de vie', 4, 3],
    ['Apporter des solutions aux personnes se trouvant', null, 1],
  ],
  5: [['', null, 3]],
  6: [
    ['Renforcer l’offre de prévention', 2, null],
    ['Autour des futurs parents', 4, null],
    ['Renforcer le savoir-faire', 2, 2],
    ['Assurer une meilleure couverture vaccinale', 1, 1],
    ['Développer la prévention, la promotion', 2, 3],
  ],
  7: [
    ['Permettre aux patients atteints de maladie chronique', 1, 1],
    ['Soutenir les aidants', null, 1],
  ],
  8: [["Accroître la formation et l'accompagnement", null, 1]],
  9: [
    ['Rendre majoritaire l’exercice coordonné', 1, 1],
    ['Encourager les rapprochements', 1, 1],
  ],
  10: [
    ['Agir en faveur des futurs professionnels', 1, null],
    ['Accompagner les installations de professionnels', 1, 2],
    ['Développer les nouvelles pratiques', 1, null],
    ['Améliorer la qualité de vie et les conditions de travail', null, 1],
  ],
  12: [
    ['Prévenir les pathologies en lien avec l’environnement', 1, null],
    ['Réduire l’empreinte environnementale', 1, null],
  ],
};

const row = (f: TerritoryComparison['totals'][number]) => [f.chantiers, f.actions, f.fundingTotalEur, f.actionsWithoutAmount, f.actionsWithoutFinancement];

describe('fdr compare on the Le Havre and Calvados gold roadmaps (figures checked by hand)', () => {
  it('names the territories from the documents', () => {
    expect(comparison.territories.map((t) => [t.name, t.territoryType, t.period])).toEqual([
      ['Le Havre', 'cts', '2024-2025'],
      ['Calvados', 'departement', '2024-2025'],
    ]);
    expect(TerritoryComparison.safeParse(comparison).success).toBe(true);
    expect(comparison.$schema).toBe(schemaId('compare'));
  });

  it('lists every axis present in either document', () => {
    expect(comparison.axes.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12]);
  });

  it.each(Object.keys(LE_HAVRE).map(Number))('axis #%i: chantiers, actions, funding and amounts missing', (n) => {
    const axis = comparison.axes.find((a) => a.number === n)!;
    expect(axis.figures.map((f) => f.territory)).toEqual(['Le Havre', 'Calvados']);
    expect(row(axis.figures[0]!)).toEqual(LE_HAVRE[n]);
    expect(row(axis.figures[1]!)).toEqual(CALVADOS[n]);
  });

  it('whole documents', () => {
    expect(Object.fromEntries(comparison.totals.map((f) => [f.territory, row(f)]))).toEqual(TOTALS);
  });

  it.each(Object.keys(PRESENCE).map(Number))('axis #%i: chantier presence matrix', (n) => {
    const axis = comparison.axes.find((a) => a.number === n)!;
    const actual = axis.chantiers.map((c) => c.territories.map((t) => (t.title === null ? null : t.actions)));
    expect(actual).toEqual(PRESENCE[n]!.map(([, lh, ca]) => [lh, ca]));
    axis.chantiers.forEach((c, i) => {
      const start = PRESENCE[n]![i]![0];
      expect(start === '' ? c.title === '' : c.title.replace(/'/g, '’').startsWith(start.replace(/'/g, '’'))).toBe(true);
      // Each territory keeps its own wording of a shared chantier.
      for (const t of c.territories) if (t.title !== null) expect(t.title.replace(/'/g, '’').startsWith(start.replace(/'/g, '’'))).toBe(true);
    });
  });
});

describe('compareRoadmaps', () => {
  it('matches chantier titles worded slightly differently, and keeps distinct ones apart', () => {
    const a = roadmap(
      [{ number: 1, chantiers: [{ title: "Prévenir et anticiper la perte d'autonomie", actions: ['x'] }, { title: 'Soutenir les aidants', actions: ['y'] }] }],
      { territory: 'Dieppe' },
    );
    const b = roadmap(
      [
        {
          number: 1,
          chantiers: [
            { title: 'Soutenir les aidants familiaux', actions: ['z'] },
            { title: 'Prévenir et anticiper la perte d’autonomie des personnes âgées', actions: ['u', 'v'] },
            { title: 'Développer l’offre de répit', actions: ['w'] },
          ],
        },
      ],
      { territory: 'Rouen' },
    );
    const c = compareRoadmaps([
      { roadmap: a, file: 'dieppe.json' },
      { roadmap: b, file: 'rouen.json' },
    ]);
    expect(c.axes[0]!.chantiers.map((ch) => [ch.title, ...ch.territories.map((t) => t.actions)])).toEqual([
      ["Prévenir et anticiper la perte d'autonomie", 1, 2],
      ['Soutenir les aidants', 1, 1],
      ['Développer l’offre de répit', 0, 1],
    ]);
  });

  it('tells apart two documents of the same territory by their file names', () => {
    const a = roadmap([{ number: 1, chantiers: [{ title: 'C', actions: ['x'] }] }], { territory: 'Calvados' });
    const c = compareRoadmaps([
      { roadmap: a, file: 'dir/calvados-2024.json' },
      { roadmap: a, file: 'dir/calvados-2025.json' },
    ]);
    expect(c.territories.map((t) => t.name)).toEqual(['Calvados (calvados-2024.json)', 'Calvados (calvados-2025.json)']);
  });
});

describe('compare output formats', () => {
  const plain = new Chalk({ level: 0 });

  it('CSV: one row per axis and territory, then totals', () => {
    const lines = renderCompare(comparison, 'csv', plain).trimEnd().split('\n');
    expect(lines[0]).toBe(COMPARE_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + 11 * 2 + 2);
    expect(lines).toContain('total,,Le Havre,27,47,79837704,25,17');
    expect(lines).toContain('total,,Calvados,23,44,3923290,22,1');
  });

  it('YAML and JSON hold the same comparison', () => {
    expect(parseYaml(renderCompare(comparison, 'yaml', plain))).toEqual(JSON.parse(renderCompare(comparison, 'json', plain)));
  });

  it('markdown and text tables carry the figures', () => {
    const md = renderCompare(comparison, 'markdown', plain);
    expect(md).toContain('| total | Le Havre | 27 | 47 | 79 837 704 € | 25 |');
    expect(md).toContain('| Soutenir les aidants | — | ✓ 1 |');
    const text = renderCompare(comparison, 'text', plain);
    expect(text).toMatch(/total\s+Le Havre\s+27\s+47\s+79 837 704 €\s+25/);
    expect(text).not.toContain('\u001b[');
  });
});
