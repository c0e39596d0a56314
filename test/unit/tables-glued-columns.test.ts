/**
 * Tables set without rules with little cell padding (issue 12, chantier heading above the table): centred
 * headers over short columns, cells' texts glued over the gutter, a row whose first cell went on to the next
 * page, dashes at line starts in ragged cells, and an axis heading that took a side tab's piece.
 */
import { describe, expect, it } from 'vitest';
import { cellText } from '../../src/layout/cell-text.js';
import { lineOf } from '../../src/layout/lines.js';
import { analysePage } from '../../src/layout/page-layout.js';
import { readTableAt } from '../../src/layout/tables/anchored.js';
import { pageContext } from '../../src/layout/tables/context.js';
import { columnsFromGutters } from '../../src/layout/tables/header-columns.js';
import { tableRows } from '../../src/layout/tables/index.js';
import { columnTextStarts, splitAtTextStarts } from '../../src/layout/tables/rule-split.js';
import type { TextItem } from '../../src/sources/page-model.js';
import { item, lines, page, territorialPage } from './layout-synthetic.js';

const size = 9;
/** A header cell centred over [x0, x1]. */
const centred = (text: string, x0: number, x1: number, y = 100) => {
  const w = text.length * size * 0.5;
  return item(text, (x0 + x1) / 2 - w / 2, y);
};
/** An item of the given width (a justified line reaching its column's edge). */
const wide = (text: string, x0: number, x1: number, y: number): TextItem => ({ ...item(text, x0, y), x1 });

describe('columns from gutters under centred headers', () => {
  // Columns [50, 270], [270, 390], [390, 520], text one point inside each border.
  const cells = [centred('Actions prévues', 50, 270), centred('Financement', 270, 390), centred('Indicateur', 390, 520)];

  it('take the gutter where the next column’s text starts, not the margin its centred header leaves over short text', () => {
    // One row: the funding "65000€" is shorter than its header's start; only the header closes the gap after it.
    const body = [wide('Développement du nombre de consultations au sein du', 51, 268, 120), item('centre de santé', 51, 131), item('65000€', 271, 120), wide('Nombre de consultations', 391, 500, 120)];
    const xs = columnsFromGutters(cells, [...body, ...cells], size);
    expect(xs[1]).toBeGreaterThan(268);
    expect(xs[1]).toBeLessThan(271);
  });

  it('without any gutter (texts glued over the padding), start the next column where most body lines start', () => {
    // The indicator's first line is glued to the funding's: one run from 271 on; its other lines start at 391.
    const body = [
      wide('Contrats pluriannuels d’objectifs', 271, 389, 120),
      wide('et de moyens (CPOM) URPS, CPTS Suivi', 271, 470, 131),
      wide('des bilans d’activité et des rapports', 391, 519, 142),
      wide('et des comptes rendus', 391, 500, 153),
      wide('Mise en œuvre du plan d’actions', 51, 269, 120),
    ];
    const xs = columnsFromGutters(cells, [...body, ...cells], size);
    expect(xs[2]).toBeGreaterThan(389);
    expect(xs[2]).toBeLessThan(391);
  });

  it('keep the last gap when the next column is empty and its header is centred over that gap (no other edge centres it)', () => {
    // The actions' short lines end at 200; words of a justified line start at 230 (a gap ending at a body start).
    const words = [wide('Repérer les personnes les plus', 51, 200, 120), item('fragiles', 51, 131), item('sur', 160, 131), item('les', 230, 131), item('Ex-', 230, 142)];
    const xs = columnsFromGutters(cells, [...words, ...cells, wide('Suivi des plans', 391, 519, 120)], size);
    expect(xs[1]).toBeGreaterThan(255);
  });
});

describe('a run glued over the gutter before a justified line’s own words', () => {
  const xs = [40, 205, 302, 420];

  it('is cut at the next column’s text start though that column’s words follow the run on its line', () => {
    // "URPS, CPTS progression" glued; "du nombre" are words of the indicator's justified line, set apart after it.
    const glued = item('URPS, CPTS progression', 255, 120);
    const after = item('du nombre', glued.x1 + 6, 120);
    const below = lines(['chroniques', 'gramme', 'ment sur'], 307, 131);
    const starts = columnTextStarts([glued, after, ...below], xs, 1.8);
    const { items } = splitAtTextStarts([glued, after, ...below], xs, starts, 1.8, new Set());
    expect(items.filter((i) => i.y0 === 120).map((i) => i.text)).toEqual(['URPS, CPTS', 'progression', 'du nombre']);
  });

  it('takes a short column’s text start from its only line', () => {
    expect(columnTextStarts([item('100%', 307, 131)], xs, 1.8)[2]).toBe(307);
  });
});

describe('a row whose first cell went on to the next page', () => {
  it('opens where the other columns open a block together with the row space, below the key column’s last line', () => {
    const pitch = 11.25;
    const space = 4;
    const y2 = 60 + 2 * pitch + space;
    const y3 = y2 + 3 * pitch + space;
    const body = [
      ...lines(['Action un', 'sur deux lignes'], 45, 60),
      item('FIR', 210, 60),
      item('Note un', 307, 60),
      item('Action deux', 45, y2),
      item('CNR', 210, y2),
      ...lines(['Note deux', 'sur trois', 'lignes'], 307, y2),
      // The third row's action was moved whole to the next page; its funding and comment start here.
      item('Montant FIR', 210, y3),
      ...lines(['Note trois', 'qui continue'], 307, y3),
    ];
    const given = { xs: [40, 205, 302, 420], source: 'gutters' as const, key: 0, headed: [true, true, true] };
    const table = readTableAt(pageContext(page(body)), { header: { x0: 40, y0: 59, x1: 420, y1: 59 }, limit: 500, columns: given });
    const rows = tableRows(table).map((r) => r.map((c) => c.replace(/\n/g, ' ')));
    expect(rows).toEqual([
      ['Action un sur deux lignes', 'FIR', 'Note un'],
      ['Action deux', 'CNR', 'Note deux sur trois lignes'],
      ['', 'Montant FIR', 'Note trois qui continue'],
    ]);
  });
});

describe('a dash at the start of a line in a ragged cell', () => {
  const pitch = 10.5;
  // A fixed-width font: 5 pt a glyph at 10 pt.
  const line = (text: string, x: number, y: number) => {
    const l = lineOf([item(text, x, y, { size: 10 })]);
    l.x1 = x + 5 * text.length;
    return l;
  };

  it('opens an item when the line above had room for a space and the dash (a running dash would have stayed there)', () => {
    const l = [line('en milieu ordinaire', 10, 0), line('- Accompagner la', 10, 10.5), line('montée en charge des unités', 10, 21)];
    expect(cellText(l, pitch, { right: 150, justified: false })).toBe('en milieu ordinaire\n- Accompagner la montée en charge des unités');
  });

  it('is running text when the line above had no room for them', () => {
    const l = [line('matériels lourds et autres', 10, 0), line('- EML (cible 2024) et plus', 10, 10.5)];
    expect(cellText(l, pitch, { right: 147, justified: false })).toBe('matériels lourds et autres - EML (cible 2024) et plus');
  });

  it('is running text when it hangs into the margin (set by a typesetter breaking whole paragraphs)', () => {
    const l = [line('pour repérer', 10, 0), line('- évaluer le risque', 9.1, 10.5), line('et orienter', 10, 21)];
    expect(cellText(l, pitch, { right: 110, justified: false })).toBe('pour repérer - évaluer le risque et orienter');
    // Set flush with the text, the same dash after a line with room for it opens an item.
    const flush = [line('pour repérer', 10, 0), line('- évaluer le risque', 10, 10.5), line('et orienter', 10, 21)];
    expect(cellText(flush, pitch, { right: 110, justified: false })).toBe('pour repérer\n- évaluer le risque et orienter');
  });
});

describe('an axis heading level with a side tab’s piece', () => {
  it('is read without the piece the line took from the tab ("#9" set left of "Action prioritaire #9 : …")', () => {
    const base = territorialPage({ number: 5, rows: [{ action: ['Une action'], financement: ['FIR'] }], startY: 150 });
    const heading = item('Action prioritaire #9 : Structurer de nouveaux modèles', 51, 57, { size: 16 });
    const tab = [item('Action', 20, 16, { size: 10 }), item('prioritaire', 12, 33, { size: 10 }), item('#9', 25, 50, { size: 18 })];
    const layout = analysePage(page([...base.items, heading, ...tab], { number: 5, rects: base.rects.filter((r) => r.y0 > 91) }));
    expect(layout.axisTitle?.text).toBe('Structurer de nouveaux modèles');
    expect(layout.axisMarker?.number).toBe(9);
  });
});
