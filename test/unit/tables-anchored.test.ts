import { describe, expect, it } from 'vitest';
import { findContinuation, readTableAt } from '../../src/layout/tables/anchored.js';
import { pageContext } from '../../src/layout/tables/context.js';
import { tableRows } from '../../src/layout/tables/grid.js';
import type { FilledRect, TextItem } from '../../src/sources/page-model.js';
import { hRule, item, lines, page, vRule } from './layout-synthetic.js';

/** The box of a header row's items. */
const boxOf = (items: readonly TextItem[]) => ({
  x0: Math.min(...items.map((i) => i.x0)),
  y0: Math.min(...items.map((i) => i.y0)),
  x1: Math.max(...items.map((i) => i.x1)),
  y1: Math.max(...items.map((i) => i.y1)),
});

const shade = (x0: number, x1: number, y0: number, y1: number, fill = '#dde6f0'): FilledRect => ({ x0, x1, y0, y1, fill });

/** Words set one after the other from x, `space` points apart, one item each (as Chromium draws them). */
const words = (text: string, x: number, y: number, space: number) => {
  const out: TextItem[] = [];
  for (const w of text.split(' ')) {
    const it = item(w, x, y);
    out.push(it);
    x = it.x1 + space;
  }
  return out;
};

describe('columns under a header found by the caller', () => {
  const header = [item('Actions', 115, 100, { bold: true }), item('Financement', 295, 100, { bold: true }), item('Indicateur', 415, 100, { bold: true })];

  it('come from the header shading; a shaded cell without text before the first one opens a column without header', () => {
    const body = [item('Chantier : Un', 44, 125), ...lines(['Première action'], 115, 125), item('FIR', 295, 125), item('Nb', 415, 125)];
    const rects = [shade(40, 110, 95, 113), shade(110, 290, 95, 113), shade(290, 410, 95, 113), shade(410, 560, 95, 113)];
    const context = pageContext(page([...header, ...body], { rects }));
    const table = readTableAt(context, { header: boxOf(header), items: header, limit: 500 });
    expect(table.columnSource).toBe('shading');
    expect(table.xs).toEqual([40, 110, 290, 410, 560]);
    expect(table.columnCells).toEqual([undefined, 0, 1, 2]);
    expect(tableRows(table)).toEqual([
      ['', 'Actions', 'Financement', 'Indicateur'],
      ['Chantier : Un', 'Première action', 'FIR', 'Nb'],
    ]);
  });

  it('come from vertical rules crossing the header, a rule of the same height before the first one opening a column without header', () => {
    const rulings = [vRule(20, 95, 200), vRule(110, 95, 200), vRule(290, 95, 200), vRule(410, 95, 200), vRule(560, 95, 200), hRule(20, 560, 95), hRule(20, 560, 113), hRule(20, 560, 200)];
    const body = [item('Chantier : Un', 24, 125), item('Première action', 115, 125)];
    const table = readTableAt(pageContext(page([...header, ...body], { rulings })), { header: boxOf(header), items: header, limit: 500 });
    expect(table.columnSource).toBe('rules');
    expect(table.xs).toEqual([20, 110, 290, 410, 560]);
    expect(table.flavor).toBe('ruled');
    expect(tableRows(table)[1]).toEqual(['Chantier : Un', 'Première action', '', '']);
  });

  it('come from whitespace otherwise, a gutter inside the text before the first header cell opening a column without header', () => {
    const body = [item('Chantier : A', 40, 125), ...lines(['Première action'], 115, 125), item('FIR', 295, 125), item('Nb', 415, 125), ...lines(['Seconde action'], 115, 150)];
    const table = readTableAt(pageContext(page([...header, ...body])), { header: boxOf(header), items: header, limit: 500 });
    expect(table.columnSource).toBe('gutters');
    expect(table.xs).toHaveLength(5);
    expect(tableRows(table).map((r) => r[0])).toEqual(['', 'Chantier : A', '']);
    expect(tableRows(table).map((r) => r[1])).toEqual(['Actions', 'Première action', 'Seconde action']);
  });
});

describe('rows under a header found by the caller', () => {
  const header = [item('Actions', 45, 100, { bold: true }), item('Financement', 210, 100, { bold: true }), item('Indicateur', 307, 100, { bold: true })];
  const anchor = { header: boxOf(header), items: header, limit: 500 };

  it('are cut by shaded bands painted cell by cell (zebra), even where a row has nothing in the key column', () => {
    // Row 2 has no action: from whitespace alone it would go on with row 1.
    const body = [...lines(['Première action'], 45, 120), item('FIR', 210, 120), item('FIR 2025', 210, 140), item('Nb 2', 307, 140), ...lines(['Troisième action'], 45, 160)];
    const rects = [40, 205, 302].flatMap((x, k) => [shade(x, [205, 302, 410][k]!, 116, 136, '#eeeeee'), shade(x, [205, 302, 410][k]!, 156, 176, '#eeeeee')]);
    const table = readTableAt(pageContext(page([...header, ...body], { rects })), anchor);
    expect(table.rowsFromRules).toBe(false);
    expect(tableRows(table).slice(1)).toEqual([
      ['Première action', 'FIR', ''],
      ['', 'FIR 2025', 'Nb 2'],
      ['Troisième action', '', ''],
    ]);
  });

  it('are cut by rules across the whole width without vertical rules; text running to the bottom under the last rule is an open row', () => {
    const rulings = [hRule(40, 410, 95), hRule(40, 410, 114), hRule(40, 410, 138), hRule(40, 410, 162)];
    const body = [item('Première action', 45, 120), item('Nb', 307, 143), ...lines(['Troisième action', 'qui se poursuit', 'jusqu’au bas', 'de la page'], 45, 167)];
    const table = readTableAt(pageContext(page([...header, ...body], { rulings })), { ...anchor, limit: 215 });
    expect(table.rowsFromRules).toBe(true);
    expect(tableRows(table).slice(1).map((r) => r[0])).toEqual(['Première action', '', 'Troisième action qui se poursuit jusqu’au bas de la page']);
    expect(table.openBottom).toBe(true);
  });

  it('are runs of text opened by the key column when nothing is drawn; the paragraph pitch is a share of each cell’s own type size', () => {
    const body = [
      ...lines(['Une action dont le texte remplit la', 'colonne'], 45, 120, { size: 10, pitch: 12 }),
      // Set smaller, with a paragraph gap of one 10 pt line: a new paragraph at 7 pt.
      ...lines(['Note en petit corps qui remplit', 'sa colonne'], 210, 120, { size: 7, pitch: 8.4 }),
      item('Second paragraphe', 210, 132.8 + 8.4, { size: 7 }),
      ...lines(['Action deux'], 45, 170, { size: 10 }),
    ];
    const table = readTableAt(pageContext(page([...header, ...body])), { ...anchor, key: 0 });
    const rows = tableRows(table);
    expect(rows).toHaveLength(3);
    expect(rows[1]![0]).toBe('Une action dont le texte remplit la colonne');
    expect(rows[1]![1]).toBe('Note en petit corps qui remplit sa colonne\nSecond paragraphe');
    expect(rows[2]![0]).toBe('Action deux');
  });

  it('keep a list announced by a colon in the row above it, whatever the gap before the list', () => {
    // Paragraph spacing puts the list a row gap below its introduction; a list item after a finished action
    // still opens a row.
    const body = [
      ...lines(['Maintenir l’universitarisation du', 'territoire :'], 45, 120),
      item('Convention signée', 307, 120),
      item('- Accompagner la création d’une MSPU', 45, 150),
      item('- Sensibiliser les professionnels', 45, 180),
    ];
    const rows = tableRows(readTableAt(pageContext(page([...header, ...body])), { ...anchor, key: 0 })).slice(1);
    expect(rows.map((r) => r[0])).toEqual(['Maintenir l’universitarisation du territoire :\n- Accompagner la création d’une MSPU', '- Sensibiliser les professionnels']);
  });

  it('reports text inside the table that no cell took', () => {
    // Starting left of the table's shaded header, running into its first column: in the table, in no cell.
    const stamp = item('CONFIDENTIEL', 20, 121);
    const body = [item('Première action', 45, 120), item('FIR', 210, 120)];
    const rects = [shade(40, 205, 95, 113), shade(205, 302, 95, 113), shade(302, 410, 95, 113)];
    const table = readTableAt(pageContext(page([...header, ...body, stamp], { rects })), anchor);
    expect(table.unassigned.map((i) => i.text)).toEqual(['CONFIDENTIEL']);
    expect(table.used.has(stamp)).toBe(false);
  });
});

describe('a table going on over a page break without its header', () => {
  it('is found from text starting at the carried-over text edges, the key column among them, and read with the carried columns', () => {
    const body = [...lines(['et reprise ici'], 45, 60), item('suite', 307, 60), ...lines(['Action suivante'], 45, 90)];
    const context = pageContext(page(body));
    const anchor = findContinuation(context, { xs: [40, 205, 302, 410], textStarts: [45, 210, 307], key: 0, ruled: false, source: 'gutters', fontSize: 9 }, 500)!;
    expect(anchor.header.y0).toBe(anchor.header.y1);
    const table = readTableAt(context, anchor);
    expect(table.headerRows).toBe(0);
    expect(tableRows(table)).toEqual([
      ['et reprise ici', '', 'suite'],
      ['Action suivante', '', ''],
    ]);
  });

  it('is found from vertical rules at the carried-over edges, and leaves the last row open without a closing rule', () => {
    const rulings = [40, 205, 302, 410].map((x) => vRule(x, 50, 150)).concat([hRule(40, 410, 50), hRule(40, 410, 80)]);
    const body = [item('fin de la ligne', 45, 55), item('Action suivante', 45, 85)];
    const context = pageContext(page(body, { rulings }));
    const carried = { xs: [40, 205, 302, 410], textStarts: [45, 210, 307], key: 0, ruled: true, source: 'rules' as const, fontSize: 9 };
    const anchor = findContinuation(context, carried, 500)!;
    expect(anchor.columns?.ruledBottom).toBe(150);
    const table = readTableAt(context, anchor);
    expect(tableRows(table).map((r) => r[0])).toEqual(['fin de la ligne', 'Action suivante']);
    expect(table.openBottom).toBe(true);
  });

  it('is not seen in justified prose across the page whose words happen to start at two column edges', () => {
    // Words start at the key column's and another column's text edges, but most lines run over the column
    // edges or past the table's right edge.
    const prose = [
      ...words('Certaines activités médicales', 45, 60, 4),
      ...words('reposent sur l’engagement des équipes', 210, 60, 4),
      ...words('et de professionnels en nombre restreint sujets aux gardes et à la permanence', 45, 72, 4),
      ...words('des soins conséquentes, notamment en médecine d’urgence et anesthésie', 45, 84, 4),
    ];
    const carried = { xs: [40, 205, 302, 410], textStarts: [45, 210, 307], key: 0, ruled: false, source: 'gutters' as const, fontSize: 9 };
    expect(findContinuation(pageContext(page(prose)), carried, 500)).toBeUndefined();
  });

  it('starts above its first aligned line at the lines of a list item that go on in one column, not at a title across', () => {
    // The comment's list item wraps indented past the column's text start; the action opens further down.
    const rest = [...lines(['nence, et en', 'la demande'], 317, 60, { pitch: 12 }), item('- Pour les', 307, 84), item('Action suivante', 45, 110), item('Nb', 307, 110)];
    const carried = { xs: [40, 205, 302, 410], textStarts: [45, 210, 307], key: 0, ruled: false, source: 'gutters' as const, fontSize: 9 };
    expect(findContinuation(pageContext(page(rest)), carried, 500)!.header.y0).toBe(59.5);
    // A title over the table's width right above is no cell's.
    const titled = [item('Chantier : Un titre sur toute la largeur du tableau', 41, 72), ...rest.slice(2)];
    expect(findContinuation(pageContext(page(titled)), carried, 500)!.header.y0).toBe(83.5);
  });

  it('is not seen in prose that happens to start at one column edge', () => {
    const prose = lines(['Un paragraphe de texte courant', 'qui suit sur la page'], 45, 60);
    expect(findContinuation(pageContext(page(prose)), { xs: [40, 205, 302, 410], textStarts: [45, 210, 307], key: 0, ruled: false, source: 'gutters', fontSize: 9 }, 500)).toBeUndefined();
  });
});

describe('a row whose text runs over the column edges', () => {
  const header = [item('Actions', 45, 100, { bold: true }), item('Financement', 210, 100, { bold: true }), item('Indicateur', 307, 100, { bold: true })];
  const rulings = [vRule(40, 95, 200), vRule(205, 95, 200), vRule(302, 95, 200), vRule(420, 95, 200), hRule(40, 420, 95), hRule(40, 420, 113), hRule(40, 420, 140), hRule(40, 420, 200)];

  it('is one cell over the row (a title merged across the table), not pieces cut at the edges', () => {
    const title = words('Chantier : Organiser les conditions de réalisation d’une offre graduée des soins', 45, 120, 3.5);
    const body = [...title, item('Première action', 45, 150), item('FIR', 210, 150), item('Nb', 307, 150)];
    const table = readTableAt(pageContext(page([...header, ...body], { rulings })), { header: boxOf(header), items: header, limit: 500 });
    expect(tableRows(table).slice(1)).toEqual([
      ['Chantier : Organiser les conditions de réalisation d’une offre graduée des soins', '', ''],
      ['Première action', 'FIR', 'Nb'],
    ]);
    expect(table.cells.find((c) => c.row === 1)?.colSpan).toBe(3);
  });

  it('is cut into cells when the words on both sides of an edge stand farther apart than the line’s word spaces', () => {
    // Each cell's words are 3.5 points apart; between cells, the padding on both sides of the rule.
    const cells = [...words('Mise en place du', 45, 120, 3.5), ...words('FIR et CNR', 210, 120, 3.5), ...words('Nb de', 307, 120, 3.5)];
    const table = readTableAt(pageContext(page([...header, ...cells], { rulings })), { header: boxOf(header), items: header, limit: 500 });
    expect(tableRows(table)[1]).toEqual(['Mise en place du', 'FIR et CNR', 'Nb de']);
  });
});
