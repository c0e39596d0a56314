/**
 * A title set in a column without header beside the rows it heads (a cell merged down them, "chantier beside"):
 * the column is found with a narrow padding, its cell is one cell over its rows, and the rules between the rows
 * that skip it still cut rows.
 */
import { describe, expect, it } from 'vitest';
import { unionBox } from '../../src/layout/geometry.js';
import { findHeaderRows, findHeaderlessTable, readTable, tableHint } from '../../src/layout/table.js';
import { findContinuation, readTableAt } from '../../src/layout/tables/anchored.js';
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

  it('is found from a gutter that only a word too long for the column runs over (set overfull)', () => {
    // "neurodéveloppement" runs from the title column up to the action text's start, on a line of its own.
    const title = [...lines(['Chantier :', 'Renforcer le', 'repérage des'], 44, 120, { pitch: 10 }), { ...item('neurodéveloppement', 44, 150), x1: 113 }];
    const body = [...title, ...lines(['Première action', 'sur deux lignes'], 115, 120, { pitch: 10 }), item('FIR', 260, 120), item('Seconde action', 115, 165)];
    const table = readTableAt(pageContext(page([...header, ...body])), anchor);
    expect(table.columnCells[0]).toBeUndefined();
    expect(firstColumn(tableRows(table))[0]).toBe('Chantier : Renforcer le repérage des neurodéveloppement');
  });

  it('is not made of the first words of justified lines under a header indented over its column', () => {
    // Every line's first word runs from left of the header over its start, the next word far off (justified).
    const body = [item('•', 100, 120), item('Évaluer', 118, 120), ...['pour', 'dans', 'avec', 'sur'].flatMap((w, k) => [item(w, 100, 131 + 11 * k), item('la suite', 140, 131 + 11 * k)])];
    const table = readTableAt(pageContext(page([...header, ...body])), anchor);
    expect(table.xs).toHaveLength(4);
  });

  it('starts a row where the next title beside opens level with an action, even a short space below the one before', () => {
    // Empty rows set the last row far apart: the row space learnt is wide, and the second action's space is
    // nearer the first action's own paragraph space. The title opening beside it says a row starts there.
    const body = [
      item('Chantier : A', 44, 120),
      ...lines(['Première action', 'sur deux lignes'], 115, 120, { pitch: 10 }),
      item('FIR', 260, 120),
      item('- un point de la première', 115, 145),
      item('Chantier : B', 44, 165),
      item('Seconde action', 115, 165),
      item('Nb', 380, 165),
      item('Troisième action', 115, 230),
      item('CNR', 260, 230),
    ];
    const rows = tableRows(readTableAt(pageContext(page([...header, ...body])), anchor)).slice(1);
    expect(rows.map((r) => r[1]!.split('\n')[0])).toEqual(['Première action', 'Seconde action', 'Troisième action']);
    expect(rows.map((r) => r[0])).toEqual(['Chantier : A', 'Chantier : B', '']);
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

describe('a table with a column beside the rows going on over a page break', () => {
  const xs = [40, 110, 255, 375, 500];
  const carried = { xs, textStarts: [44, 115, 260, 380], key: 1, ruled: false, source: 'gutters' as const, fontSize: 9 };

  it('goes on with only the title column and another one, both opening on the page’s first line', () => {
    // The action's cell ended on the page before; the title and the indicator go on, level with each other.
    const rest = [...lines(['de crise du', 'système de santé'], 44, 40), ...lines(['gences en prévision', 'des périodes'], 380, 40)];
    const context = pageContext(page(rest));
    const anchor = findContinuation(context, carried, 500)!;
    expect(anchor).toBeDefined();
    expect(tableRows(readTableAt(context, anchor))[0]).toEqual(['de crise du système de santé', '', '', 'gences en prévision des périodes']);
    // One column alone, or two opening lines apart, is no evidence: text may start at one edge by chance.
    expect(findContinuation(pageContext(page(rest.slice(0, 2))), carried, 500)).toBeUndefined();
    const apart = [...rest.slice(0, 2), ...lines(['gences en prévision'], 380, 70)];
    expect(findContinuation(pageContext(page(apart)), carried, 500)).toBeUndefined();
  });

  it('is read under the header left alone at the bottom of the page before, its columns found from this page’s text', () => {
    // The page before ends with the header and no row: its columns could only be guessed between header cells
    // (no title column, an edge through the action's text).
    const alone = findHeaderRows(header)[0]!;
    const hint = tableHint(readTable(alone, pageContext(page(header)), 500));
    expect(hint.header).toBeDefined();
    const body = [
      ...lines(['Chantier :', 'Un titre'], 44, 40),
      ...lines(['Mettre en œuvre l’ensemble des', 'actions du contrat'], 115, 40),
      item('FIR', 260, 40),
      item('Nb', 380, 40),
    ];
    const context = pageContext(page(body));
    const found = findHeaderlessTable(context, hint, 500)!;
    const table = readTable(found.header, context, 500, found.fixed);
    expect(table.columns.map((c) => c.name ?? '')).toEqual(['', 'action', 'financement', 'indicateur']);
    expect(table.rows.map((r) => [r.extra[0]?.text, r.cells.action?.text, r.cells.financement?.text])).toEqual([
      ['Chantier : Un titre', 'Mettre en œuvre l’ensemble des actions du contrat', 'FIR'],
    ]);
  });

  it('goes on under rules closing chantier groups: only the title column merges down, the rows inside are cut by gaps', () => {
    // No header on this page: the carried columns say which column has none (the title beside the rows).
    const rulings = [hRule(40, 500, 112), hRule(40, 500, 200)];
    const body = [
      item('fin du groupe', 115, 90),
      ...lines(['Chantier : Un titre', 'sur deux lignes'], 44, 116, { pitch: 10 }),
      ...lines(['Première action', 'sur deux lignes'], 115, 116, { pitch: 10 }),
      item('FIR', 260, 116),
      item('Seconde action', 115, 150),
      item('Nb', 380, 150),
    ];
    const given = { xs, source: 'gutters' as const, key: 1, headed: [false, true, true, true] };
    const table = readTableAt(pageContext(page(body, { rulings })), { header: { x0: 40, y0: 80, x1: 500, y1: 80 }, limit: 500, columns: given });
    expect(tableRows(table).map((r) => r[1])).toEqual(['fin du groupe', 'Première action sur deux lignes', 'Seconde action']);
    expect(tableRows(table)[1]![0]).toBe('Chantier : Un titre sur deux lignes');
  });

  it('keeps the text start of a column with no text on a page going on, from the page before', () => {
    const before = { bounds: xs, columns: [], textStarts: [44, 115, 262, 380], source: 'gutters' as const, ruled: false, fontSize: 9 };
    // This page: only the funding column goes on (its edges are the carried ones).
    const rest = readTable({ x0: 40, y0: 110, x1: 500, y1: 110, cells: [], items: [] }, pageContext(page([item('suite du financement', 262, 116)])), 500, {
      bounds: xs,
      columns: ['', 'action', 'financement', 'indicateur'].map((name, k) => ({ name: (name || undefined) as never, label: name ? name : '', x0: xs[k]!, x1: xs[k + 1]! })),
      source: 'gutters',
    });
    expect(tableHint(rest, before).textStarts).toEqual([44, 115, 262, 380]);
  });

  it('tells the next page where a column’s text starts from lines that open with no list marker', () => {
    // The funding cell's items hang their dash left of the text; the next page's text starts at the text.
    const body = [item('Première action', 115, 120), item('- CTSM 2021', 257, 120), item('et ses avenants', 262, 131), item('- FIR', 257, 142), item('Nb', 380, 120)];
    const hint = tableHint(readTable(findHeaderRows(header)[0]!, pageContext(page([...header, ...body])), 500));
    const funding = hint.columns.findIndex((c) => c.name === 'financement');
    expect(hint.textStarts[funding]).toBe(262);
  });
});
