import { describe, expect, it } from 'vitest';
import { continuesRow, cutShape } from '../../src/documents/roadmap/pdf-reader.js';
import { analysePage, compactLayout } from '../../src/layout/page-layout.js';
import { lineOf } from '../../src/layout/lines.js';
import type { Cell, TableRow } from '../../src/layout/table.js';
import { item, territorialPage } from './layout-synthetic.js';

// A row cut by the page break, read from the compact layouts the reader keeps (issue 12).

/** A cell of one paragraph per entry, each a run of lines `pitch` apart, paragraphs `gap` further apart. */
function cell(paragraphs: readonly string[][], y: number, pitch: number, gap = 0, size = 10): Cell {
  const items = [];
  let top = y;
  for (const p of paragraphs) {
    for (const t of p) {
      items.push(item(t, 0, top, { size }));
      top += pitch;
    }
    top += gap;
  }
  const lines = items.map((i) => lineOf([i]));
  const box = { x0: 0, y0: lines[0]!.y0, x1: Math.max(...lines.map((l) => l.x1)), y1: lines[lines.length - 1]!.y1 };
  return { text: paragraphs.map((p) => p.join(' ')).join('\n'), box, lines };
}
const row = (cells: TableRow['cells']): TableRow => {
  const boxes = Object.values(cells).map((c) => c!.box!);
  return { x0: 0, y0: Math.min(...boxes.map((b) => b.y0)), x1: 700, y1: Math.max(...boxes.map((b) => b.y1)), cells, extra: [], openBottom: false };
};
const columns = (r: TableRow) => new Map(Object.entries(r.cells));

describe('the compact layout of a table page', () => {
  const model = territorialPage({
    number: 7,
    chantier: 'Prévenir la perte d’autonomie',
    axis: 3,
    rows: [{ action: ['Repérer les personnes âgées fragiles et isolées', 'sur les territoires', 'de santé'], indicateur: ['Nb de réunions'] }],
  });

  it('keeps the boxes of each cell’s lines (not their items): where a cut cell’s last line ends', () => {
    const full = analysePage(model).tables[0]!.rows[0]!.cells.action!;
    const compact = compactLayout(analysePage(model)).tables[0]!.rows[0]!.cells.action!;
    expect(compact.lines.map(({ y0, y1 }) => [y0, y1])).toEqual(full.lines.map(({ y0, y1 }) => [y0, y1]));
    expect(compact.lines.every((l) => l.items.length === 0)).toBe(true);
  });
});

describe('the shape of a row cut by the page', () => {
  // Lines 13 apart (10 pt type); the funding cell opens a second paragraph 6 points further down, so its last
  // line is the lowest of the part although the other cells were cut at the same frame bottom.
  const funding = cell([['PRIAC 2023 / 2027'], ['65 000 euros par PASA']], 500, 13, 6);
  const part = row({ action: cell([['PASA (jour ou nuit) par GHT']], 80, 13), commentaire: cell([['plan Alzheimer 2008/2012']], 80, 13) });

  it('reads cells ending half a line above a lowest line shifted by a paragraph gap as cut', () => {
    const last = row({
      action: cell([['Développer l’offre de Pôles', 'Soins Adaptés par la création d’un']], 500, 13),
      financement: funding,
      commentaire: cell([['Le développement des', 'PASA a été initié par le']], 500, 13),
    });
    expect(cutShape(columns(last), columns(part), false, 2).tailsOnly).toBe(true);
  });

  it('reads a cell with room for one more of its lines above the lowest line as ended', () => {
    const last = row({
      action: cell([['Développer l’offre de Pôles']], 500, 13),
      financement: cell([['PRIAC 2023 / 2027', '65 000 euros par PASA']], 500, 13),
      commentaire: cell([['Le développement des', 'PASA a été initié par le']], 500, 13),
    });
    expect(cutShape(columns(last), columns(part), false, 2).tailsOnly).toBe(false);
  });
});

describe('an action cut after a slash between alternatives', () => {
  const previous = (last: TableRow) => ({
    page: 20, chantierKey: 'k', ruled: true, lastRow: last, lastBlock: undefined, areaBottom: 563, lowest: true, bodySize: 11, besideLabels: new Set<string>(), besideBlock: undefined,
  });
  const next = row({ action: cell([['Foyer d’accueil médicalisé pour accueillir']], 100, 13, 0, 11) });

  it('goes on over the page break: no action ends on a slash', () => {
    expect(continuesRow(previous(row({ action: cell([['Créer en 2023/2024 27 places en accueil de jour /']], 514, 13, 0, 11) })), next)).toBe(true);
    expect(continuesRow(previous(row({ action: cell([['Créer en 2023/2024 27 places en accueil de jour']], 514, 13, 0, 11) })), next)).toBe(false);
  });
});

describe('a cell whose part on the new page opens a paragraph', () => {
  // Lines 8.6 apart; the funding cell runs down to 515.3, the action ended one pitch higher.
  const last = row({
    action: cell([['Proposer une offre graduée des', 'interventions SMUR : accompagner', 'le déploiement de l’Unité Mobile']], 489.9, 8.6, 0, 7.5),
    financement: cell([['185 000 €', 'Forfait de 45 000 euros', 'pour la formation des', 'personnels et l’acquisition']], 489.9, 8.6, 0, 7.5),
  });

  it('was cut when the paragraph wraps: its first line alone could not stay at the page foot', () => {
    const part = row({ action: cell([['- Former les équipes de professionnels', 'non médicaux des SMUR']], 76, 8.6, 0, 7.5) });
    expect(cutShape(columns(last), columns(part), false, 1.5).tailsOnly).toBe(true);
  });

  it('ended when the paragraph is one line: it had room for it', () => {
    const part = row({ action: cell([['- Former les équipes']], 76, 8.6, 0, 7.5) });
    expect(cutShape(columns(last), columns(part), false, 1.5).tailsOnly).toBe(false);
  });
});

describe('a cell of another column (no lines of its own)', () => {
  it('is measured by the part’s lines, not by its whole height', () => {
    const action = cell([Array.from({ length: 8 }, (_, k) => `ligne ${k} de l’action`)], 600, 11.2);
    const extra = { text: 'Développer la prévention dans tous les milieux de vie', box: { x0: 500, y0: 600, x1: 600, y1: 665 }, lines: [] };
    const previous = new Map<string, Cell | undefined>([['action', action], ['extra:0', extra]]);
    const next = new Map<string, Cell | undefined>([['action', cell([['Développer l’éducation à la santé']], 90, 11.2)], ['extra:0', cell([['T2 2024']], 90, 11.2)]]);
    expect(cutShape(previous, next, false, 2).tailsOnly).toBe(false);
  });
});

describe('a chantier title beside the rows, cut by the page', () => {
  it('says nothing of where the row beside it was cut', () => {
    // The title's cell ended a line above the row's foot; the row's own cells ran down to it.
    const last = row({
      action: cell([['Mise en œuvre du plan d’actions', 'départemental - Programme Good Behavior']], 650, 14.5, 0, 11),
      financement: cell([['CPOM des opérateurs']], 650, 14.5, 0, 11),
      commentaire: cell([['Le programme vise à', 'renforcer la classe élémentaire, qui a pour but d’apaiser']], 650, 14.5, 0, 11),
    });
    last.extra = [{ label: '', text: 'Chantier : Développer la prévention dans tous les', box: { x0: 0, y0: 650, x1: 80, y1: 666 } }];
    const first = row({ action: cell([['Game (GBG) dans des écoles primaires']], 122, 14.5, 0, 11), commentaire: cell([['le climat scolaire. Grâce au GBG']], 122, 14.5, 0, 11) });
    first.extra = [{ label: '', text: 'milieux de vie', box: { x0: 0, y0: 122, x1: 80, y1: 134 } }];
    const previous = { page: 30, chantierKey: 'k', ruled: true, lastRow: last, lastBlock: undefined, areaBottom: 810, lowest: true, bodySize: 11, besideBlock: undefined };
    expect(continuesRow({ ...previous, besideLabels: new Set(['']) }, first)).toBe(true);
    expect(continuesRow({ ...previous, besideLabels: new Set<string>() }, first)).toBe(false);
  });
});
