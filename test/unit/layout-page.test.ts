import { describe, expect, it } from 'vitest';
import { classifyPages } from '../../src/layout/classify.js';
import { analysePage, findFooter } from '../../src/layout/page-layout.js';
import { groupLines } from '../../src/layout/lines.js';
import { hRule, item, lines, page, shuffled, territorialPage, vRule } from './layout-synthetic.js';

const ROWS = [
  { action: ['Repérer les personnes âgées fragiles et isolées', 'sur les territoires'], indicateur: ['Nb de réunions'], commentaire: ['Développé par l’OMS, le programme ICOPE vise', 'le repérage précoce'] },
  { action: ['Déployer la télésurveillance'], financement: ['FIR 20 000 €'] },
];

function summary(p: ReturnType<typeof analysePage>) {
  return {
    tables: p.tables.map((t) => ({ title: t.title?.text, rows: t.rows.map((r) => Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c!.text]))) })),
    axis: p.axisMarker?.number,
    footer: p.footer.map((l) => l.text),
    side: p.side.map((l) => l.text),
    prose: p.prose.map((l) => l.text),
  };
}

describe('a table page', () => {
  const model = territorialPage({ number: 7, chantier: 'Prévenir la perte d’autonomie', axis: 3, rows: ROWS });
  const layout = analysePage(model);

  it('reads the table under its header', () => {
    expect(layout.tables).toHaveLength(1);
    expect(summary(layout).tables[0]!.rows).toEqual([
      { action: 'Repérer les personnes âgées fragiles et isolées sur les territoires', indicateur: 'Nb de réunions', commentaire: 'Développé par l’OMS, le programme ICOPE vise le repérage précoce' },
      { action: 'Déployer la télésurveillance', financement: 'FIR 20 000 €' },
    ]);
  });

  it('finds the bands by position although they are drawn after the table', () => {
    // The band and the tab come last in the content stream.
    expect(Math.max(...model.items.filter((i) => i.text.startsWith('Chantier')).map((i) => i.order))).toBeGreaterThan(10);
    expect(layout.tables[0]!.title?.text).toBe('Prévenir la perte d’autonomie');
    expect(layout.axisMarker?.number).toBe(3);
    expect(layout.side.map((l) => l.text)).toEqual(['Action', 'prioritaire', '#3']);
    expect(layout.footer.map((l) => l.text)).toEqual(['7 | Feuille de route territoriale de Testville']);
    expect(layout.prose.map((l) => l.text)).toEqual(['Engagements du CTS']);
    expect(layout.unassigned).toEqual([]);
  });

  it('gives the same layout whatever order the content stream draws the items in', () => {
    for (const seed of [1, 7, 42, 2024]) {
      const reordered = { ...model, items: shuffled(model.items, seed).map((i, order) => ({ ...i, order })) };
      expect(summary(analysePage(reordered))).toEqual(summary(layout));
    }
  });

  it('reports text inside the table area that no cell took', () => {
    // A stamp starting left of the table's edge and running into the first column: in the table, in no cell.
    const stamp = { ...item('CONFIDENTIEL', 20, 150, { size: 8.5 }), order: 999 };
    const l = analysePage({ ...model, items: [...model.items, stamp] });
    expect(l.unassigned.map((i) => i.text)).toEqual(['CONFIDENTIEL']);
    expect(summary(l).tables).toEqual(summary(layout).tables);
  });

  it('reads a header cell wrapped over two lines as header, not as a first row', () => {
    const wrapped = { ...item('(en euros)', 273, 124, { size: 8, bold: true }), order: 998 };
    const l = analysePage({ ...model, items: [...model.items, wrapped] });
    expect(summary(l).tables).toEqual(summary(layout).tables);
    expect(l.unassigned).toEqual([]);
  });
});

describe('a ruled page with several tables', () => {
  // Portrait page, two chantiers, rules drawn cell by cell, the second table's last row cut by the page end.
  const col = [40, 205, 302, 410, 555];
  const header = (y: number) => [item('Actions', 100, y, { bold: true }), item('Financement', 225, y, { bold: true }), item('Indicateur', 335, y, { bold: true }), item('Commentaires', 450, y, { bold: true })];
  const grid = (top: number, rows: number[], bottom: number) => {
    const rulings = [hRule(40, 555, top), ...rows.map((y) => hRule(40, 555, y))];
    for (const x of col) rulings.push(vRule(x, top, bottom));
    return rulings;
  };
  const items = [
    item('Chantier : Premier chantier', 40, 40, { size: 11, bold: true }),
    ...header(66),
    ...lines(['Action A'], 45, 90),
    ...lines(['Note A'], 415, 90),
    item('Chantier : Second chantier', 40, 200, { size: 11, bold: true }),
    ...header(226),
    ...lines(['Action B'], 45, 250),
    ...lines(['Action C coupée'], 45, 290),
    item('5 | Feuille de route départementale de Testshire', 380, 809, { size: 8 }),
  ];
  const rulings = [...grid(60, [80, 120], 120), ...grid(220, [240, 280], 330)];
  const layout = analysePage(page(items, { number: 5, width: 595, height: 842, rulings }));

  it('reads each table with its own title', () => {
    expect(layout.tables.map((t) => t.title?.text)).toEqual(['Premier chantier', 'Second chantier']);
    expect(layout.tables.map((t) => t.rows.map((r) => r.cells.action?.text))).toEqual([['Action A'], ['Action B', 'Action C coupée']]);
    expect(layout.tables[0]!.rows[0]!.cells.commentaire?.text).toBe('Note A');
  });

  it('marks the last row open when no rule closes it', () => {
    expect(layout.tables[1]!.rows.map((r) => r.openBottom)).toEqual([false, true]);
    expect(layout.tables[0]!.rows.map((r) => r.openBottom)).toEqual([false]);
  });
});

describe('footer', () => {
  it('is the bottom text carrying the page number, or standing apart', () => {
    const p = { number: 12, height: 595 };
    expect(findFooter(groupLines([item('Texte', 40, 100), item('12 | Feuille de route', 40, 565)]), p).map((l) => l.text)).toEqual(['12 | Feuille de route']);
    expect(findFooter(groupLines([item('Texte', 40, 100), item('Document interne', 40, 570)]), p).map((l) => l.text)).toEqual(['Document interne']);
    // A table line low on the page, close to the text above and without the page number, is not a footer.
    expect(findFooter(groupLines([item('Ligne', 40, 530), item('Suite de cellule', 40, 541)]), p)).toEqual([]);
  });
});

describe('page classification', () => {
  const cover = page([item('Feuille de route territoriale', 50, 100, { size: 30 }), item('2024-2025', 50, 160, { size: 20 })], { number: 1 });
  const editorial = page(lines(['ÉDITORIAL', 'Issu d’un travail partenarial', 'concerté avec les acteurs', 'de la démocratie en santé'], 50, 60, { size: 10 }), { number: 2 });
  const axes = page(
    [item('RAPPEL DES 12 AXES PRIORITAIRES :', 50, 40, { size: 16 }), ...Array.from({ length: 12 }, (_, i) => item(`${i + 1}. axe numéro ${i + 1} ;`, 50, 70 + 20 * i, { size: 11 }))],
    { number: 3 },
  );
  const divider = page([item('Action prioritaire', 57, 140, { size: 24, bold: true }), item('#1', 57, 190, { size: 54, bold: true }), item('Relever le défi du vieillissement', 354, 200, { size: 22, bold: true })], { number: 4 });
  const table = (n: number) => territorialPage({ number: n, chantier: 'Un chantier', axis: 1, rows: ROWS });
  const stray = page(lines(['Une page de texte courant', 'égarée entre deux tableaux', 'sans rien de connu', 'et encore une ligne'], 50, 60, { size: 10 }), { number: 7 });
  const transversal = page(lines(['LES PRIORITÉS RÉGIONALES TRANSVERSALES', 'Les équipes médicales de territoire', 'Un texte.'], 50, 60, { size: 10 }), { number: 9 });
  const transversal2 = page(lines(['La santé des jeunes', 'Un autre texte.'], 50, 60, { size: 10 }), { number: 10 });

  it('classifies by content and by position in the document', () => {
    const layouts = [cover, editorial, axes, divider, table(5), table(6), stray, table(8), transversal, transversal2].map((p) => analysePage(p));
    const among = classifyPages(layouts);
    expect(layouts.map((l) => l.kind)).toEqual(['cover', 'editorial', 'axes-list', 'axis-divider', 'table', 'table', 'other', 'table', 'transversal', 'transversal']);
    expect(among).toEqual([7]);
  });

  it('reads the divider’s number and title', () => {
    const l = analysePage(divider);
    expect(l.axisMarker).toMatchObject({ number: 1, source: 'page' });
    expect(l.axisTitle?.text).toBe('Relever le défi du vieillissement');
    expect(l.prose).toEqual([]);
  });
});
