/** Tables from whitespace (stream) and from horizontal rules only (hybrid), and text that is not a table. */
import { describe, expect, it } from 'vitest';
import { findPageTables, tableRows } from '../../src/layout/tables/index.js';
import { columnGutters, regionBands, wrapsInto } from '../../src/layout/tables/text-grid.js';
import type { TextItem } from '../../src/sources/page-model.js';
import { hRule, item, lines, page } from './layout-synthetic.js';

/** A table laid out with spaces only: one item per cell, `pitch` between rows. */
function spaced(rows: string[][], xs: number[], top: number, pitch: number, o: { bold?: number } = {}): TextItem[] {
  return rows.flatMap((row, r) => row.flatMap((text, c) => (text ? [item(text, xs[c]!, top + r * pitch, { bold: r < (o.bold ?? 0) })] : [])));
}

const PROSE = [
  'The survey was carried out in the spring among households of every region, and the',
  'answers were weighted so that each region counts as much as its population. The',
  'figures below come from that survey; the notes under the table give its sources and',
  'say how the few missing answers were treated before the shares were computed.',
];

describe('stream tables', () => {
  const data = [
    ['Variable', 'Mean', 'Std. Dev.', 'Max'],
    ['Age', '50.8', '15.9', '90'],
    ['Men', '0.47', '0.50', '1'],
    ['Household size', '2.43', '1.22', '9'],
    ['Number of children', '1.67', '1.38', '8'],
  ];
  const xs = [60, 220, 290, 370];

  it('finds a whitespace table between paragraphs, and only it', () => {
    const items = [...lines(PROSE, 60, 60, { pitch: 11 }), ...spaced(data, xs, 130, 12, { bold: 1 }), ...lines(PROSE, 60, 220, { pitch: 11 })];
    const tables = findPageTables(page(items));
    expect(tables).toHaveLength(1);
    expect(tables[0]!.flavor).toBe('stream');
    expect(tableRows(tables[0]!)).toEqual(data);
    expect(tables[0]!.headerRows).toBe(1);
  });

  it('keeps a wrapped cell whole: a line goes on with its cell when its first word did not fit above', () => {
    const rows = [
      ['Variable', 'Mean', 'Std. Dev.', 'Max'],
      ['Age', '50.8', '15.9', '90'],
      ['Number of children living', '1.67', '1.38', '8'],
      ['at home', '', '', ''],
      ['Men', '0.47', '0.50', '1'],
    ];
    const [table] = findPageTables(page(spaced(rows, xs, 130, 12, { bold: 1 })));
    expect(tableRows(table!).map((r) => r[0])).toEqual(['Variable', 'Age', 'Number of children living at home', 'Men']);
  });

  it('reads rows set apart by wider gaps than the lines of their cells', () => {
    const items: TextItem[] = [item('Actions', 40, 100, { bold: true }), item('Funding', 260, 100, { bold: true }), item('Indicator', 400, 100, { bold: true })];
    const rows = [
      { a: ['Open a day centre for older', 'people in the north of the', 'territory by the end of 2024'], f: ['FIR 400 000 €'], i: ['Centre opened', 'Places created'] },
      { a: ['Train the staff of nursing', 'homes in palliative care'], f: ['PRIAC 60 000 €', 'per year'], i: ['Staff trained'] },
      { a: ['Set up a night helpline'], f: [], i: ['Calls answered'] },
    ];
    let y = 125;
    for (const row of rows) {
      items.push(...lines(row.a, 40, y, { pitch: 10.5 }), ...lines(row.f, 260, y, { pitch: 10.5 }), ...lines(row.i, 400, y, { pitch: 10.5 }));
      y += Math.max(row.a.length, row.f.length, row.i.length) * 10.5 + 14;
    }
    const [table] = findPageTables(page(items));
    expect(tableRows(table!)).toEqual([
      ['Actions', 'Funding', 'Indicator'],
      ['Open a day centre for older people in the north of the territory by the end of 2024', 'FIR 400 000 €', 'Centre opened Places created'],
      ['Train the staff of nursing homes in palliative care', 'PRIAC 60 000 € per year', 'Staff trained'],
      ['Set up a night helpline', '', 'Calls answered'],
    ]);
  });

  it('turns no paragraph, bulleted list, numbered headings or two-column text into a table', () => {
    const bullets = ['Every household answered the same questions;', 'the sample was drawn from the census;', 'answers were checked twice.'].flatMap((t, i) => [
      item('•', 60, 300 + i * 12),
      item(t, 75, 300 + i * 12),
    ]);
    const headings = [item('6.2.', 60, 400, { bold: true }), item('Training of teachers', 95, 400, { bold: true }), item('6.2.1.', 60, 420), item('Core subjects', 95, 420)];
    const twoColumns = [...lines(PROSE, 60, 480, { pitch: 11, size: 7 }), ...lines(PROSE, 340, 480, { pitch: 11, size: 7 })];
    expect(findPageTables(page([...lines(PROSE, 60, 60, { pitch: 11 }), ...bullets, ...headings, ...twoColumns]))).toEqual([]);
  });
});

describe('hybrid tables (horizontal rules only)', () => {
  it('reads a table between a top rule, a header rule and a bottom rule', () => {
    const rows = [
      ['Groups', 'Turnover', 'Share'],
      ['Carrefour', '62.7', '40.5%'],
      ['Promodès', '37.0', '35.7%'],
      ['Comptoirs Modernes', '2.0', '7.0%'],
    ];
    const items = [...lines(PROSE, 60, 40, { pitch: 11 }), ...spaced(rows, [100, 260, 380], 112, 13), item('Source: trade estimates', 100, 170, { size: 7 })];
    const rulings = [hRule(90, 450, 108), hRule(90, 450, 124), hRule(90, 450, 164)];
    const [table, ...rest] = findPageTables(page(items, { rulings }));
    expect(rest).toEqual([]);
    expect(table!.flavor).toBe('hybrid');
    expect(tableRows(table!)).toEqual(rows);
  });

  it('does not make one table of two rule-bounded tables with a paragraph between them', () => {
    const rows = [
      ['Country', 'Share', 'Total'],
      ['Austria', '12.5', '100'],
      ['Belgium', '7.5', '80'],
    ];
    const items = [...spaced(rows, [100, 250, 380], 104, 13), ...lines(PROSE, 60, 160, { pitch: 11 }), ...spaced(rows, [100, 250, 380], 224, 13)];
    const rulings = [hRule(90, 450, 100), hRule(90, 450, 143), hRule(90, 450, 220), hRule(90, 450, 263)];
    const tables = findPageTables(page(items, { rulings }));
    expect(tables.map((t) => tableRows(t))).toEqual([rows, rows]);
  });
});

describe('text-grid primitives', () => {
  it('finds gutters that rows of several segments leave clear, or that a spanning header bridges', () => {
    // "Finland" spans the gutter between "Female" and "Male"; five rows of numbers leave it clear.
    const its = [item('Finland', 125, 100), item('EU-15', 260, 100), ...['Female', 'Male', 'Total'].map((t, i) => item(t, 110 + 40 * i, 112))];
    for (let r = 0; r < 5; r++) its.push(...['15.1', '15.7', '15.4'].map((t, i) => item(t, 110 + 40 * i, 124 + 12 * r)));
    const gutters = columnGutters(regionBands(its, 0.95), 4);
    expect(gutters.map((g) => Math.round(g.at))).toEqual([144, 179, 236]);
    expect(gutters[0]!.crossings).toBe(1);
  });

  it('tells a wrapped line from a new one by whether its first word would have fitted', () => {
    const above = [item('Non-methane volatile organic', 100, 100)];
    expect(wrapsInto(above, [item('compounds (NMVOC)', 100, 110)], above[0]!.x1)).toBe(true);
    const short = [item('Halons', 100, 100)];
    expect(wrapsInto(short, [item('Hydrogen Cyanide', 100, 110)], above[0]!.x1)).toBe(false);
    expect(wrapsInto([item('100 000', 100, 100)], [item('200', 100, 110)], 131.5)).toBe(false);
  });
});
