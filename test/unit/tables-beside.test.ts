/**
 * A title set in a column without header beside the rows it heads (a cell merged down them, "chantier beside"):
 * the column is found with a narrow padding, its cell is one cell over its rows, and the rules between the rows
 * that skip it still cut rows.
 */
import { describe, expect, it } from 'vitest';
import { unionBox } from '../../src/layout/geometry.js';
import { readTableAt } from '../../src/layout/tables/anchored.js';
import { pageContext } from '../../src/layout/tables/context.js';
import { tableRows } from '../../src/layout/tables/grid.js';
import type { FilledRect, TextItem } from '../../src/sources/page-model.js';
import { hRule, item, lines, page, vRule } from './layout-synthetic.js';

const boxOf = (items: readonly TextItem[]) => unionBox(items)!;
const shade = (x0: number, x1: number, y0: number, y1: number): FilledRect => ({ x0, x1, y0, y1, fill: '#f0d9e1' });

// Header over the columns right of the title column; the title column (x 40–110) has no header.
const header = [item('Actions', 112, 100, { bold: true }), item('Financement', 260, 100, { bold: true }), item('Indicateur', 380, 100, { bold: true })];
const anchor = { header: boxOf(header), items: header, limit: 500 };
const firstColumn = (rows: string[][]) => rows.slice(1).map((r) => r[0]);

describe('a column without header beside the rows (a title merged down them)', () => {
  it('is found from its shaded cells when its text runs up to the first header cell', () => {
    // Title lines end 1.5 pt short of the action text, which starts flush with the "Actions" header.
    const title = [item('Chantier : Un', 41, 120), item('titre très long', 41, 131)].map((i) => ({ ...i, x1: 110.5 }));
    const body = [...title, item('Première action', 112, 120), item('FIR', 260, 120), item('Nb', 380, 120)];
    const table = readTableAt(pageContext(page([...header, ...body], { rects: [shade(40, 111, 116, 145)] })), anchor);
    expect(table.columnCells[0]).toBeUndefined();
    expect(table.xs[1]).toBe(111);
    expect(tableRows(table)[1]).toEqual(['Chantier : Un titre très long', 'Première action', 'FIR', 'Nb']);
  });

  it('is found from a narrow gutter when the text after it starts flush with the header, not from a narrow gap elsewhere', () => {
    const title = [item('Chantier : Un', 41, 120)].map((i) => ({ ...i, x1: 110.8 }));
    const body = [...title, item('Première action', 112, 120), item('FIR', 260, 120), item('Nb', 380, 120)];
    const flush = readTableAt(pageContext(page([...header, ...body])), anchor);
    expect(flush.xs).toHaveLength(5);
    // The same gap with the action text indented past the header's start is no gutter.
    const indented = readTableAt(pageContext(page([...header, ...title, item('Première action', 114, 120), item('FIR', 260, 120), item('Nb', 380, 120)])), anchor);
    expect(indented.xs).toHaveLength(4);
  });

  it('holds one cell over its rows when the rules between them skip the column', () => {
    // Vertical rules at every edge; the rule between the two rows runs from the Actions column only.
    const rulings = [40, 110, 255, 375, 500].map((x) => vRule(x, 95, 200)).concat([hRule(40, 500, 95), hRule(40, 500, 114), hRule(110, 500, 140), hRule(40, 500, 200)]);
    const body = [
      ...lines(['Chantier :', 'Un titre qui', 'descend', 'sous la règle'], 44, 118, { pitch: 10 }),
      item('Première action', 115, 118),
      item('Seconde action', 115, 144),
      item('Nb', 380, 144),
    ];
    const table = readTableAt(pageContext(page([...header, ...body], { rulings })), anchor);
    const rows = tableRows(table);
    expect(firstColumn(rows)).toEqual(['Chantier : Un titre qui descend sous la règle', '']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['Première action', 'Seconde action']);
    const title = table.cells.find((c) => c.col === 0 && c.row === 1)!;
    expect(title.rowSpan).toBe(2);
  });

  it('keeps cells apart in its column where a rule crosses it', () => {
    const rulings = [40, 110, 255, 375, 500].map((x) => vRule(x, 95, 200)).concat([hRule(40, 500, 95), hRule(40, 500, 114), hRule(40, 500, 140), hRule(40, 500, 200)]);
    const body = [item('Chantier : Un', 44, 118), item('Première action', 115, 118), item('Chantier : Deux', 44, 144), item('Seconde action', 115, 144)];
    const rows = tableRows(readTableAt(pageContext(page([...header, ...body], { rulings })), anchor));
    expect(firstColumn(rows)).toEqual(['Chantier : Un', 'Chantier : Deux']);
  });

  it('without vertical rules: rules that skip the column cut rows, rules that all cross it only close its cells', () => {
    // Rules under each chantier's rows cross the title column; between the rows of a chantier there is none.
    const rulings = [hRule(40, 500, 114), hRule(40, 500, 190)];
    const body = [
      item('Chantier : Un', 44, 118),
      item('Première action', 115, 118),
      item('FIR', 260, 118),
      item('Seconde action', 115, 150),
      item('Nb', 380, 150),
      item('Chantier : B', 44, 194),
      item('Troisième action', 115, 194),
    ];
    const groups = tableRows(readTableAt(pageContext(page([...header, ...body], { rulings })), anchor));
    expect(groups.slice(1).map((r) => r[1])).toEqual(['Première action', 'Seconde action', 'Troisième action']);
    expect(firstColumn(groups)).toEqual(['Chantier : Un', '', 'Chantier : B']);
    // The same table with a rule between its first two rows that stops at the title column.
    const inner = tableRows(readTableAt(pageContext(page([...header, ...body.slice(0, 5), ...body.slice(5)], { rulings: [...rulings, hRule(110, 500, 146)] })), anchor));
    expect(inner.slice(1).map((r) => r[1])).toEqual(['Première action', 'Seconde action', 'Troisième action']);
  });
});

describe('a rule under a header without vertical rules', () => {
  it('closes a header cell wrapped onto a second line: that line is no row', () => {
    const wrapped = [...header, item('d’évaluation', 380, 110, { bold: true })];
    const rulings = [hRule(40, 500, 122)];
    const body = [item('Première action', 112, 126), item('Nb', 380, 126), item('Seconde action', 112, 150)];
    const table = readTableAt(pageContext(page([...wrapped, ...body], { rulings })), { header: boxOf(header), items: header, limit: 500 });
    const rows = tableRows(table);
    expect(rows[0]![rows[0]!.length - 1]).toBe('Indicateur d’évaluation');
    expect(rows.slice(1).map((r) => r[r.length - 3])).toEqual(['Première action', 'Seconde action']);
  });
});
