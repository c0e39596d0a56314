/**
 * Ruled tables as ReportLab, LaTeX and Chromium draw them (issue 12): a repeated header whose bottom rule is left
 * out, a side tab beside a table ruled across, glued and stacked header cells, running title lines, page parts.
 */
import { describe, expect, it } from 'vitest';
import { findHeaderRows, splitGluedHeaderCells } from '../../src/layout/table.js';
import { readTableAt } from '../../src/layout/tables/anchored.js';
import { pageContext, SEGMENT_GAP } from '../../src/layout/tables/context.js';
import { tableRows } from '../../src/layout/tables/grid.js';
import { headerRuleBreak } from '../../src/layout/tables/rule-breaks.js';
import { headerWraps } from '../../src/layout/tables/row-gaps.js';
import { overflowsRule } from '../../src/layout/tables/row-spans.js';
import { findRunningHeader } from '../../src/layout/page-layout.js';
import { groupLines } from '../../src/layout/lines.js';
import { continuesRow } from '../../src/documents/roadmap/pdf-reader.js';
import { unionBox } from '../../src/layout/geometry.js';
import type { TextItem } from '../../src/sources/page-model.js';
import { hRule, item, lines, page, vRule } from './layout-synthetic.js';

/** The box around a header's items (the anchor of a table read under it). */
const boxOf = (items: readonly TextItem[]) => unionBox(items)!;

describe('a repeated header whose bottom rule is missing', () => {
  const header = [item('Actions', 25, 42, { bold: true }), item('Financement', 125, 42, { bold: true }), item('Commentaires', 225, 42, { bold: true })];
  const xs = [20, 120, 220, 400];
  // Each column rule is drawn in two pieces meeting at y = 56 (the header row's bottom), no horizontal rule there.
  const pieces = xs.flatMap((x) => [vRule(x, 38, 56), vRule(x, 56, 200)]);
  const rulings = [hRule(20, 400, 38), ...pieces, hRule(20, 400, 110), hRule(20, 400, 200)];
  const continuation = lines(['du diagnostic mené', 'par la cellule.'], 225, 62);
  const next = [item('Création d’une équipe', 25, 116), item('140 000 €', 125, 116), item('Renforcement', 225, 116)];

  it('ends where every column rule breaks', () => {
    expect(headerRuleBreak(rulings, xs, 52, 110, [...header, ...continuation, ...next], 1.8)).toBe(56);
    // One column rule running through: no break.
    const through = [...rulings.filter((r) => !(r.orientation === 'v' && r.x0 === 220)), vRule(220, 38, 200)];
    expect(headerRuleBreak(through, xs, 52, 110, [...header, ...continuation], 1.8)).toBeUndefined();
    // Text running over the break: no row edge there.
    expect(headerRuleBreak(rulings, xs, 52, 110, [item('Over', 225, 51)], 1.8)).toBeUndefined();
  });

  it('keeps the row going on from the page before out of the header', () => {
    const context = pageContext(page([...header, ...continuation, ...next], { rulings }));
    const table = readTableAt(context, { header: boxOf(header), items: header, limit: 500 });
    expect(tableRows(table).map((r) => r.map((c) => c.replace(/\n/g, ' ')))).toEqual([
      ['Actions', 'Financement', 'Commentaires'],
      ['', '', 'du diagnostic mené par la cellule.'],
      ['Création d’une équipe', '140 000 €', 'Renforcement'],
    ]);
  });
});

describe('a table ruled across, a side tab beside it', () => {
  it('stops at the ends of the rule under its header', () => {
    const header = [item('ACTIONS', 60, 104, { bold: true }), item('FINANCEMENT', 260, 104, { bold: true }), item('COMMENTAIRES', 480, 104, { bold: true })];
    const body = [item('Développement des actions', 60, 130), item('Montant à définir', 260, 130), ...lines(['La conférence des', 'financeurs s’inscrit'], 480, 130)];
    const tab = [item('Action', 640, 150, { bold: true }), item('prioritaire', 630, 162, { bold: true })];
    const rulings = [hRule(56, 600, 100), hRule(56, 600, 120), hRule(56, 600, 170)];
    const table = readTableAt(pageContext(page([...header, ...body, ...tab], { rulings })), { header: boxOf(header), items: header, limit: 500 });
    expect(table.xs[table.xs.length - 1]).toBeLessThanOrEqual(602);
    expect(tableRows(table).slice(1)).toEqual([['Développement des actions', 'Montant à définir', 'La conférence des financeurs s’inscrit']]);
  });
});

describe('header cells', () => {
  it('glued with one space, the whole reading fuzzily as one column, are cut in two', () => {
    const glued = item('Modalités de financement Indicateur(s)', 120, 100);
    const parts = splitGluedHeaderCells([item('Action(s)', 40, 100), glued, item('Observations', 320, 100)]);
    expect(parts.map((i) => i.text)).toEqual(['Action(s)', 'Modalités de financement', 'Indicateur(s)', 'Observations']);
  });

  it('do not take the last line of a larger title set right above them', () => {
    const title = [item('CHANTIER : Renforcer les capacités de gestion de crise du système de', 50, 50, { size: 11, bold: true }), item('santé normand', 50, 63, { size: 11, bold: true })];
    const header = [item('INDICATEUR', 55, 78, { size: 8, bold: true }), item('COMMENTAIRE(S)', 180, 78, { size: 8, bold: true }), item('FINANCEMENTS', 290, 78, { size: 8, bold: true }), item('ACTION', 390, 78, { size: 8, bold: true })];
    const [found] = findHeaderRows([...title, ...header]);
    expect(found!.cells.map((c) => c.line.text)).toEqual(['INDICATEUR', 'COMMENTAIRE(S)', 'FINANCEMENTS', 'ACTION']);
  });
});

describe('running headers', () => {
  it('never take the wrapped lines of a chantier title repeated at the top of every page', () => {
    const title = groupLines([item('Chantier : Favoriser le maintien à domicile ainsi que les', 34, 24, { size: 12.5, bold: true }), item('accompagnements ambulatoires', 34, 39, { size: 12.5, bold: true })]);
    const body = groupLines([item('Action(s)', 34, 100), item('Texte du tableau', 34, 130)]);
    const seen = new Set(['accompagnements ambulatoires']);
    expect(findRunningHeader([...title, ...body], { height: 595 }, 9, seen)).toEqual([]);
  });

  it('never take a short word of a cell seen at the top of an earlier page when other text stands level with it or above it', () => {
    // A justified cell line cut at its wide gap: "des" alone is a line of its own, level with "Renforcement".
    const header = groupLines([item('Feuille de route départementale', 40, 10)], { splitGap: SEGMENT_GAP });
    const cells = groupLines(
      [item('Lancement', 365, 40, { size: 10 }), item('Renforcement', 439, 40), item('des', 511, 40), item('de l’appel', 365, 52, { size: 10 }), item('à', 365, 64, { size: 10 }), item('projet', 397, 64, { size: 10 })],
      { splitGap: SEGMENT_GAP },
    );
    const seen = new Set(['feuille de route départementale', 'des', 'à']);
    expect(findRunningHeader([...header, ...cells], { height: 842 }, 9, seen).map((l) => l.text)).toEqual(['Feuille de route départementale']);
  });

  it('never take the second line of a table header cell repeated on every page: the header row stands above it', () => {
    // "MODALITÉS / DE FINANCEMENT": the header row (its first line) is handed apart, it is no running header either.
    const headerRow = groupLines([item('ACTIONS', 115, 41, { bold: true }), item('MODALITÉS', 246, 41, { bold: true })], { splitGap: SEGMENT_GAP });
    const wrapped = groupLines([item('DE', 246, 51, { bold: true }), item('FINANCEMENT', 246, 62, { bold: true })], { splitGap: SEGMENT_GAP });
    const body = groupLines([item('Repérer les personnes', 115, 75)], { splitGap: SEGMENT_GAP });
    const seen = new Set(['de', 'financement']);
    expect(findRunningHeader([...wrapped, ...body], { height: 842 }, 9, seen, headerRow)).toEqual([]);
    // Without the header row, nothing stands above them: lines seen at the top before are running headers.
    expect(findRunningHeader([...wrapped, ...body], { height: 842 }, 9, seen).map((l) => l.text)).toEqual(['DE', 'FINANCEMENT']);
  });
});

describe('a page part opening in lower case', () => {
  const cell = (text: string, x0: number, y0: number, y1: number) => ({ text, box: { x0, y0, x1: x0 + 150, y1 }, lines: [] });
  // The row above ends its page: its action ended at 436, its commentaire runs down to 522 (the page's foot).
  const lastRow = {
    x0: 40, y0: 380, x1: 700, y1: 525, extra: [], openBottom: false,
    cells: { action: cell('Renforcement de l’équipe mobile', 45, 382, 436), commentaire: cell('Il est prévu le lancement', 590, 382, 522) },
  };
  const previous = { page: 11, chantierKey: 'k', ruled: false, lastRow, lastBlock: undefined, areaBottom: 568, lowest: true, bodySize: 10 };
  const first = (action: string) => ({ x0: 40, y0: 90, x1: 700, y1: 140, extra: [], openBottom: false, cells: { action: cell(action, 45, 90, 130) } });

  it('is a row of its own when the action above ended lines before the cut', () => {
    expect(continuesRow(previous, first('mise en place d’un groupe de travail'))).toBe(false);
  });

  it('goes on the row above when its action ran down to the cut', () => {
    const cut = { ...lastRow, cells: { ...lastRow.cells, action: cell('Renforcement de l’équipe mobile psychiatrie', 45, 382, 520) } };
    expect(continuesRow({ ...previous, lastRow: cut }, first('mise en place d’un groupe de travail'))).toBe(true);
  });
});

describe('a cell’s text drawn past the rule closing its row (ReportLab cutting a row at the page foot)', () => {
  const header = [item('Actions', 25, 42, { bold: true, size: 10 }), item('Financement', 185, 42, { bold: true, size: 10 }), item('Commentaires', 345, 42, { bold: true, size: 10 })];
  const first = [item('Créer une unité', 25, 62, { size: 10 }), item('190 000 €', 185, 62, { size: 10 }), item('Ouverture', 345, 62, { size: 10 })];
  // The comment's lines stand 13 apart; its last line is set at that pitch, across the rule at 138.3.
  const second = [item('Améliorer l’accès aux soins', 25, 86, { size: 10 }), ...lines(['L’objectif de la', 'plateforme est', 'double : pour les', 'orthophonistes, du'], 345, 86, { size: 10, pitch: 13 })];
  const rulings = [hRule(20, 500, 38), hRule(20, 500, 56), hRule(20, 500, 80), hRule(20, 500, 138.3)];
  const read = (extra: TextItem[]) => {
    const items = [...header, ...first, ...second, ...extra];
    return tableRows(readTableAt(pageContext(page(items, { rulings })), { header: boxOf(header), items: header, limit: 560 })).slice(1);
  };

  it('reads the line as the cell’s, not as a row of its own', () => {
    const rows = read([item('temps de soin par éli-', 345, 138, { size: 10 })]);
    expect(rows).toHaveLength(2);
    expect(rows[1]![2]!.replace(/\n/g, ' ')).toBe('L’objectif de la plateforme est double : pour les orthophonistes, du temps de soin par éli-');
  });

  it('still reads a row set a padding under the rule as a row', () => {
    expect(read([item('Proposer une offre', 25, 143.5, { size: 10 })])).toHaveLength(3);
  });
});

describe('a header set in a font its name does not call bold, over the tail of a row cut by the page', () => {
  const font = (items: TextItem[], fontName: string) => items.map((i) => ({ ...i, fontName }));
  const xs = [50, 210, 295, 416, 504];
  const header = [item('Actions', 52, 54.1, { size: 10 }), item('Financements', 212, 54.1, { size: 10 }), item('Indicateurs', 296, 54.1, { size: 10 }), item('Commentaires', 417, 54.1, { size: 10 })];
  const body = [
    ...lines(['nationale, mairie du Havre et', 'organisme gestionnaire'], 52, 67.2, { size: 10, pitch: 11 }),
    ...lines(['l’organisation de', 'l’ensemble de l’IME', 'est à penser dans le', 'cadre du projet'], 417, 67.2, { size: 10, pitch: 11 }),
    item('Mettre en œuvre la mesure', 52, 238), item('1 000 000 €', 212, 238), item('Nb de réunions', 296, 238), item('Pour rappel', 417, 238),
  ];

  it('takes no body line in the header’s size and weight but another font as a wrapped header line', () => {
    expect(headerWraps(font(header, 'Serif-Medium'), font(body, 'Serif-Regular'), xs, 2)).toEqual([]);
  });
});

describe('a chantier title beside the rows running over a rule between rows', () => {
  it('is no overflow of the row above: only the key column and those right of it say so', () => {
    // The title's lines stand 13 apart down the first column (left of the key one), the last one across the rule at 99.3.
    const title = lines(['Garantir l’accès', 'aux soins de', 'proximité et', 'aux établissements'], 25, 60, { size: 10, pitch: 13 });
    const body = [...title, item('Créer une unité', 125, 60, { size: 10 }), item('Ouverture', 305, 60, { size: 10 })];
    const evidence = { xs: [20, 120, 300, 500], size: 10, tolerance: 2 };
    expect(overflowsRule(body, { ...evidence, key: 1 }, 99.3)).toBe(false);
    expect(overflowsRule(body, { ...evidence, key: 0 }, 99.3)).toBe(true);
  });
});
