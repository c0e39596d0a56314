import { describe, expect, it } from 'vitest';
import { readTableAt } from '../../src/layout/tables/anchored.js';
import { bandRows } from '../../src/layout/tables/band-rows.js';
import { pageContext } from '../../src/layout/tables/context.js';
import { tableRows } from '../../src/layout/tables/grid.js';
import { columnsFromGutters, edgesFromPaintedCells } from '../../src/layout/tables/header-columns.js';
import { columnTextStarts, splitAtTextStarts } from '../../src/layout/tables/rule-split.js';
import { unionBox } from '../../src/layout/geometry.js';
import type { TextItem } from '../../src/sources/page-model.js';
import { item, lines, page } from './layout-synthetic.js';

const boxOf = (items: readonly TextItem[]) => unionBox(items)!;
const header = [item('Actions', 45, 100, { bold: true }), item('Financement', 210, 100, { bold: true }), item('Commentaire', 307, 100, { bold: true })];
const anchor = { header: boxOf(header), items: header, limit: 500, key: 0 };
const pitch = 11.25;
const flat = (rows: string[][]) => rows.map((r) => r.map((c) => c.replace(/\n/g, ' ')));

describe('a title row merged across the columns inside a table', () => {
  // Rows set at the line pitch (a padding of a point): nothing but the title's run over the edges shows it.
  const row1 = 120;
  const title = item('Chantier : Favoriser le maintien à domicile des personnes âgées', 45, row1 + 2 * pitch, { bold: true, size: 10 });
  const row2 = row1 + 3 * pitch + 1;
  const body = [
    ...lines(['Première action', 'sur deux lignes'], 45, row1),
    item('FIR', 210, row1),
    ...lines(['Note un', 'sur deux'], 307, row1),
    title,
    ...lines(['Seconde action', 'sur deux lignes'], 45, row2),
    item('CNR', 210, row2),
    item('Note deux', 307, row2),
  ];

  it('is a row of its own, not text of the action above it', () => {
    const rows = flat(tableRows(readTableAt(pageContext(page([...header, ...body])), anchor)).slice(1));
    expect(rows.map((r) => r[0])).toEqual(['Première action sur deux lignes', title.text, 'Seconde action sur deux lignes']);
  });

  it('keeps the short last line of a title set apart, not the action line under it', () => {
    const wrapped = [item('Chantier : Garantir l’accès aux soins et aux accompagnements pour les', 45, 120, { bold: true, size: 10 }), item('personnes âgées', 45, 120 + 1.2 * 10, { bold: true, size: 10 })];
    const under = [item('Action un', 45, 120 + 2.4 * 10 + 1), item('FIR', 210, 120 + 2.4 * 10 + 1)];
    const bands = bandRows([...wrapped, ...under], [40, 205, 302, 420], 9, 1.8);
    expect(bands.map((b) => b.items.map((i) => i.text))).toEqual([wrapped.map((i) => i.text)]);
  });

  it('is not found where a justified row of cells has its words as far apart at the edges as inside its cells', () => {
    // Words 4.5 pt apart everywhere, the column gaps included: one run, but no word over an edge, no type apart.
    const words = ['Poursuivre', 'la', 'gestion', 'ARS', '250', '000', 'euros', 'Mise', 'en', 'place', 'de', 'cellules'];
    const justified: TextItem[] = [];
    let x = 45;
    for (const w of words) {
      const it = item(w, x, 120);
      justified.push(it);
      x = it.x1 + 4.5;
    }
    // Column edges in the gaps after "gestion" and after "euros".
    const edge = (k: number) => (justified[k]!.x1 + justified[k + 1]!.x0) / 2;
    const xs = [40, edge(2), edge(6), 420];
    expect(bandRows(justified, xs, 9, 1.8)).toEqual([]);
    // The same words as one run over the edges, in a type apart, are a title.
    expect(bandRows([item(words.join(' '), 45, 120, { bold: true })], xs, 9, 1.8)).toHaveLength(1);
  });
});

describe('a line running over a column edge in two types', () => {
  it('is not a title row (a title beside the rows, bold, set up against a cell’s text)', () => {
    const beside = item('libéraux et les', 45, 120, { bold: true });
    const cell = item('département', beside.x1 + 2, 120);
    const rest = lines(['Une action', 'sur deux lignes', 'et une troisième'], 45, 160);
    expect(bandRows([beside, cell, ...rest], [40, beside.x1 - 5, 200, 420], 9, 1.8)).toEqual([]);
    expect(bandRows([beside, { ...cell, bold: true }, ...rest], [40, beside.x1 - 5, 200, 420], 9, 1.8)).toHaveLength(1);
  });
});

describe('a page going on without its header', () => {
  it('does not merge the carried columns down the rows (only columns that had no header may hold such a cell)', () => {
    // The second comment follows the first one's last line closely (1.5 pt beyond the pitch).
    const body = [
      item('Action un', 45, 60),
      item('FIR', 210, 60),
      ...lines(['Note un', 'sur trois', 'lignes'], 307, 60),
      item('Action deux', 45, 60 + 3 * pitch + 1.5),
      item('CNR', 210, 60 + 3 * pitch + 1.5),
      item('Note deux', 307, 60 + 3 * pitch + 1.5),
    ];
    const given = { xs: [40, 205, 302, 420], source: 'gutters' as const, key: 0, headed: [true, true, true] };
    const table = readTableAt(pageContext(page(body)), { header: { x0: 40, y0: 59, x1: 420, y1: 59 }, limit: 500, columns: given });
    expect(flat(tableRows(table))).toEqual([
      ['Action un', 'FIR', 'Note un sur trois lignes'],
      ['Action deux', 'CNR', 'Note deux'],
    ]);
  });
});

describe('two cells’ texts glued into one run without column rules', () => {
  const xs = [40, 205, 302, 420];
  const comment = lines(['ressources du territoire', 'a vocation à permettre', 'aux personnes âgées'], 307, 120 + pitch);

  it('are cut where the next column’s text starts, at a word space', () => {
    const glued = item('Nombre de places Un centre de', 230, 120);
    const starts = columnTextStarts([glued, ...comment], xs, 1.8);
    expect(starts[2]).toBe(307);
    const { items } = splitAtTextStarts([glued, ...comment], xs, starts, 1.8, new Set());
    const parts = items.filter((i) => i.y0 === 120);
    expect(parts.map((i) => i.text)).toEqual(['Nombre de places', 'Un centre de']);
    expect(parts[1]!.x0).toBe(307);
  });

  it('are not cut when the next column has text of its own on the line (a line overflowing its cell)', () => {
    const overflowing = item('Nombre de places réelles', 230, 120);
    const own = item('Note', 330, 120);
    const { items } = splitAtTextStarts([overflowing, own, ...comment], xs, [undefined, undefined, 307], 1.8, new Set());
    expect(items.filter((i) => i.y0 === 120).map((i) => i.text)).toEqual(['Nombre de places réelles', 'Note']);
  });

  it('take a column’s text start where most of its lines start, not where two justified words meet', () => {
    const stray = [item('et', 290, 150), item('la', 290, 170)];
    expect(columnTextStarts([...stray, ...lines(['un', 'deux', 'trois'], 300, 200)], [40, 280, 420], 1.8)[1]).toBe(300);
  });
});

describe('columns from gutters', () => {
  it('stop at text set in a box painted beside the table (a side tab)', () => {
    const cells = [item('Actions', 45, 100), item('Financement', 210, 100), item('Commentaire', 307, 100)];
    const body = [...lines(['Une action', 'sur deux lignes'], 45, 120), item('FIR', 210, 120), ...lines(['Un commentaire long', 'sur deux lignes'], 307, 120)];
    const tab = item('Action prioritaire', 412, 130);
    const rect = { x0: 410, y0: 125, x1: 500, y1: 150, fill: '#e8a33d' };
    const xs = columnsFromGutters(cells, [...body, tab], 9, [rect]);
    expect(xs[xs.length - 1]).toBeLessThan(410);
    expect(columnsFromGutters(cells, [...body, tab], 9, [])[xs.length - 1]).toBeGreaterThan(410);
  });
});

describe('gutter edges under rows painted cell by cell', () => {
  it('give way to the painted cells’ edge between the same header cells', () => {
    const cells = [item('Actions', 45, 100), item('Indicateur', 250, 100), item('Commentaires', 365, 100)];
    // A row painted in three cells: the comment column starts at 335, left of its centred header.
    const painted = [
      { x0: 40, y0: 130, x1: 240, y1: 180, fill: '#f2f2f2' },
      { x0: 240, y0: 130, x1: 335, y1: 180, fill: '#f2f2f2' },
      { x0: 335, y0: 130, x1: 450, y1: 180, fill: '#f2f2f2' },
    ];
    expect(edgesFromPaintedCells([40, 245, 355, 450], cells, painted, 110, 1.8)).toEqual([40, 240, 335, 450]);
    // Without painted rows, or with a band too narrow to be a row, the edges stay.
    expect(edgesFromPaintedCells([40, 245, 355, 450], cells, painted.slice(1, 2), 110, 1.8)).toEqual([40, 245, 355, 450]);
  });
});

describe('rows under the last shaded band', () => {
  it('are read when their text is set in the table’s columns (a shaded title row over unshaded actions)', () => {
    const title = item('Chantier : Soutenir les aidants', 45, 117, { bold: true, size: 10 });
    const band = { x0: 40, y0: 114, x1: 420, y1: 129, fill: '#e6e6e6' };
    const body = [
      title,
      ...lines(['Action un', 'sur deux lignes'], 45, 150),
      item('FIR', 210, 150),
      item('Note un', 307, 150),
      item('Action deux', 45, 190),
      item('CNR', 210, 190),
      item('Note deux', 307, 190),
    ];
    const table = readTableAt(pageContext(page([...header, ...body], { rects: [band] })), anchor);
    expect(flat(tableRows(table).slice(1)).map((r) => r[0])).toEqual([title.text, 'Action un sur deux lignes', 'Action deux']);
  });
});

describe('rows set at the line pitch', () => {
  it('open where another column resumes level with the action after a blank stretch', () => {
    const row2 = 120 + 3 * pitch;
    const body = [
      ...lines(['Première action', 'sur trois', 'lignes'], 45, 120),
      item('FIR', 210, 120),
      item('Note un', 307, 120),
      ...lines(['Seconde action', 'sur deux lignes'], 45, row2),
      item('CNR', 210, row2),
      item('Note deux', 307, row2),
    ];
    const rows = flat(tableRows(readTableAt(pageContext(page([...header, ...body])), anchor)).slice(1));
    expect(rows.map((r) => r[1])).toEqual(['FIR', 'CNR']);
    // A lone mark there (a line-end hyphen drawn apart from its word, past a column edge) opens nothing.
    const marks = [...body.slice(0, 5), item('‐', 210, row2), ...lines(['Seconde action', 'sur deux lignes'], 45, row2)];
    const alone = flat(tableRows(readTableAt(pageContext(page([...header, ...marks])), anchor)).slice(1));
    expect(alone.map((r) => r[0])).toEqual(['Première action sur trois lignes Seconde action sur deux lignes']);
  });

  it('open where the action and another column resume after a blank stretch, a third going on closer', () => {
    // Between two shaded title rows (rows cut by shading: only the row starts the other columns confirm).
    // Rows 10 pt apart; at the second row start the comment stands only 4 pt below its last line (less than
    // half the row space: paragraph-like), but the action and the funding both resume after blank lines.
    const row1 = 140;
    const row2 = row1 + 6 * pitch + 4;
    const row3 = row2 + 2 * pitch + 10;
    const end = row3 + 2 * pitch + 8;
    const bands = [
      { x0: 40, y0: 114, x1: 420, y1: 129, fill: '#e6e6e6' },
      { x0: 40, y0: end - 3, x1: 420, y1: end + 12, fill: '#e6e6e6' },
    ];
    const body = [
      item('Chantier : Soutenir les aidants', 45, 117, { bold: true, size: 10 }),
      ...lines(['Première action', 'sur deux lignes'], 45, row1),
      item('FIR', 210, row1),
      ...lines(['Un', 'commentaire', 'long', 'sur', 'six', 'lignes'], 307, row1),
      ...lines(['Seconde action', 'sur deux lignes'], 45, row2),
      item('CNR', 210, row2),
      ...lines(['Note deux', 'sur deux'], 307, row2),
      ...lines(['Troisième action', 'sur deux lignes'], 45, row3),
      item('PRIAC', 210, row3),
      item('Note trois', 307, row3),
      item('Chantier : Accompagner les installations', 45, end, { bold: true, size: 10 }),
    ];
    const rows = flat(tableRows(readTableAt(pageContext(page([...header, ...body], { rects: bands })), anchor)).slice(1));
    expect(rows.map((r) => r[1])).toEqual(['', 'FIR', 'CNR', 'PRIAC', '']);
  });
});
