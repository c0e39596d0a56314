import { describe, expect, it } from 'vitest';
import { readEventsTable, spreadSpans, splitStackedRows } from '../../src/documents/events/tables.js';
import type { DocumentTable, TableCell } from '../../src/layout/tables/index.js';
import type { TextItem } from '../../src/sources/page-model.js';
import { compactTime, parseFrenchDate, resolveDate } from '../../src/text/dates.js';

const item = (text: string, x0: number, y0: number): TextItem => ({ text, x0, y0, x1: x0 + 6 * text.length, y1: y0 + 10, fontSize: 10, fontName: 'f', bold: false, order: 0 });
const cell = (row: number, col: number, lines: string[], y: number, rowSpan = 1): TableCell => {
  const items = lines.map((t, i) => item(t, 100 * col + 5, y + 14 * i));
  return { row, col, rowSpan, colSpan: 1, text: lines.join(' '), box: { x0: 100 * col + 5, y0: y, x1: 100 * col + 95, y1: y + 14 * lines.length }, items };
};
const table = (cells: TableCell[], ys: number[], cols: number, headerRows = 1): DocumentTable => ({
  page: 1,
  box: { x0: 0, y0: ys[0]!, x1: 100 * cols, y1: ys[ys.length - 1]! },
  flavor: 'stream',
  xs: Array.from({ length: cols + 1 }, (_, k) => 100 * k),
  ys,
  cells,
  headerRows,
  quality: { confidence: 1, fill: 1, drawnFill: 1, guesses: [] },
});

describe('French dates and times in every printed form', () => {
  it.each([
    ['01/12/22', '2022-12-01'],
    ['1/12/2022', '2022-12-01'],
    ['jeudi 1er décembre 2022', '2022-12-01'],
    ['01.12.2022', '2022-12-01'],
  ])('reads "%s"', (text, iso) => expect(resolveDate(parseFrenchDate(text)!).iso).toBe(iso));

  it('takes the year of "le 15 mai" from the document date', () => {
    expect(resolveDate(parseFrenchDate('le 15 mai')!, { documentDate: '2024-05-02' }).iso).toBe('2024-05-15');
  });

  it('does not read a decimal number or a version as a date', () => {
    expect(parseFrenchDate('12/11/22,5')).toBeUndefined();
    expect(parseFrenchDate('v1.2.35')).toBeUndefined();
  });

  it('writes times compact, ranges kept', () => {
    expect(compactTime('9 h 30 – 9 h 45')).toBe('9h30 – 9h45');
    expect(compactTime('14H30')).toBe('14h30');
    expect(compactTime('13h – 14h')).toBe('13h – 14h');
  });
});

describe('workshop tables from the table layer', () => {
  it('spreads a merged département to every row it covers', () => {
    const t = table(
      [cell(0, 0, ['Département'], 0), cell(0, 1, ['Lieu'], 0), cell(1, 0, ['Calvados'], 20, 2), cell(1, 1, ['Bayeux'], 20), cell(2, 1, ['Falaise'], 40)],
      [0, 20, 40, 60],
      2,
    );
    expect(spreadSpans(t).map((r) => r.map((c) => c.text))).toEqual([['Département', 'Lieu'], ['Calvados', 'Bayeux'], ['Calvados', 'Falaise']]);
    const read = readEventsTable(t)!;
    expect(read.roles).toEqual(['department', 'place']);
  });

  it('gives columns their roles from the cells when the header says nothing of them', () => {
    const t = table(
      [cell(0, 0, ['Où'], 0), cell(0, 1, ['Quand'], 0), cell(1, 0, ['Douai'], 20), cell(1, 1, ['17/11/2022'], 20), cell(2, 0, ['Lille'], 40), cell(2, 1, ['6/12/2022'], 40)],
      [0, 20, 40, 60],
      2,
    );
    expect(readEventsTable(t)?.roles).toEqual(['place', 'date']);
  });

  it('cuts a row run together from rows of one line each, where a column holds one date a line', () => {
    const t = table([cell(0, 0, ['Lieu'], 0), cell(0, 1, ['Date'], 0), cell(1, 0, ['Douai', 'Lille'], 20), cell(1, 1, ['17/11/2022', '6/12/2022'], 20)], [0, 20, 50], 2);
    const split = splitStackedRows(t);
    expect(spreadSpans(split).map((r) => r.map((c) => c.text))).toEqual([['Lieu', 'Date'], ['Douai', '17/11/2022'], ['Lille', '6/12/2022']]);
  });

  it('leaves a wrapped cell whole', () => {
    const t = table([cell(0, 0, ['Lieu'], 0), cell(0, 1, ['Date'], 0), cell(1, 0, ['Valenciennes –', 'Cité des congrès'], 20), cell(1, 1, ['1/12/2022'], 20)], [0, 20, 50], 2);
    expect(splitStackedRows(t)).toBe(t);
  });

  it('reads one town a row under a group read as one row', () => {
    const t = table([cell(0, 0, ['Département'], 0), cell(0, 1, ['Lieu'], 0), cell(1, 0, ['Orne'], 20), cell(1, 1, ['Vimoutiers', 'Bellême', 'La Ferté Macé'], 20)], [0, 20, 70], 2);
    const read = readEventsTable(t)!;
    expect(read.rows.map((r) => r.map((c) => c.text))).toEqual([['Orne', 'Vimoutiers'], ['Orne', 'Bellême'], ['Orne', 'La Ferté Macé']]);
  });
});
