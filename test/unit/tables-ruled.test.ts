/** The ruled finder (lattice) and its completion from the text, on page models built by hand. */
import { describe, expect, it } from 'vitest';
import { findPageTables, pageContext, tableRows } from '../../src/layout/tables/index.js';
import { judge } from '../../src/layout/tables/quality.js';
import { ruledFinder } from '../../src/layout/tables/ruled.js';
import type { Ruling, TextItem } from '../../src/sources/page-model.js';
import { hRule, item, page, shuffled, vRule } from './layout-synthetic.js';

/** Rules of a full grid over the given edges. */
function grid(xs: number[], ys: number[]): Ruling[] {
  return [...ys.map((y) => hRule(xs[0]!, xs[xs.length - 1]!, y)), ...xs.map((x) => vRule(x, ys[0]!, ys[ys.length - 1]!))];
}

/** Rule pieces drawn cell by cell (as many producers do), leaving out the pieces named in `missing`. */
function cellRules(xs: number[], ys: number[], missing: { v?: [number, number][]; h?: [number, number][] } = {}): Ruling[] {
  const out: Ruling[] = [];
  for (let r = 0; r < ys.length; r++)
    for (let c = 0; c + 1 < xs.length; c++) if (!missing.h?.some(([rr, cc]) => rr === r && cc === c)) out.push(hRule(xs[c]!, xs[c + 1]!, ys[r]!));
  for (let c = 0; c < xs.length; c++)
    for (let r = 0; r + 1 < ys.length; r++) if (!missing.v?.some(([rr, cc]) => rr === r && cc === c)) out.push(vRule(xs[c]!, ys[r]!, ys[r + 1]!));
  return out;
}

describe('ruled tables', () => {
  // Header: "Region" over two rows, "Values" over two columns; a body cell on two lines.
  const xs = [50, 200, 300, 400];
  const ys = [100, 120, 140, 170, 190];
  const rules = cellRules(xs, ys, { h: [[1, 0]], v: [[0, 2]] });
  const items: TextItem[] = [
    item('Region', 55, 113),
    item('Values', 280, 104),
    item('2023', 205, 124),
    item('2024', 305, 124),
    item('North of the', 55, 144),
    item('country', 55, 155),
    item('12', 205, 150),
    item('14', 305, 150),
    item('South', 55, 174),
    item('9', 205, 174),
    item('11', 305, 174),
  ];
  const model = page(items, { rulings: rules });

  it('reads cells from the rules, spans where an inner rule is missing, wrapped lines kept in their cell', () => {
    const [table, ...rest] = findPageTables(model);
    expect(rest).toEqual([]);
    expect(table!.flavor).toBe('ruled');
    expect(tableRows(table!)).toEqual([
      ['Region', 'Values', ''],
      ['', '2023', '2024'],
      ['North of the country', '12', '14'],
      ['South', '9', '11'],
    ]);
    const region = table!.cells.find((c) => c.text === 'Region')!;
    const values = table!.cells.find((c) => c.text === 'Values')!;
    expect([region.rowSpan, region.colSpan]).toEqual([2, 1]);
    expect([values.rowSpan, values.colSpan]).toEqual([1, 2]);
    expect(table!.headerRows).toBe(2);
    expect(table!.quality.confidence).toBeGreaterThan(0.8);
  });

  it('gives the same table whatever order the rules and text are drawn in', () => {
    const reference = tableRows(findPageTables(model)[0]!);
    for (const seed of [3, 17, 99]) {
      const shuffledModel = page(shuffled(items, seed), { rulings: shuffled(rules, seed + 1) });
      expect(tableRows(findPageTables(shuffledModel)[0]!)).toEqual(reference);
    }
  });

  it('joins rules that nearly meet, double strokes and pieces drawn per cell', () => {
    const doubled = [...rules, ...rules.map((r) => ({ ...r, x0: r.x0 + 0.6, x1: r.x1 + 0.6, y0: r.y0 + 0.6, y1: r.y1 + 0.6 }))];
    expect(tableRows(findPageTables(page(items, { rulings: doubled }))[0]!)).toEqual(tableRows(findPageTables(model)[0]!));
  });

  it('turns down a box around a paragraph', () => {
    const paragraph = ['This is a framed note of running text, the kind', 'a report puts in a box beside its argument;', 'it has one cell and no columns at all.'].map((t, i) =>
      item(t, 60, 110 + i * 12),
    );
    expect(findPageTables(page(paragraph, { rulings: grid([50, 300], [100, 150]) }))).toEqual([]);
  });

  it('turns down chart gridlines with a few labels', () => {
    const gx = [100, 140, 180, 220, 260, 300, 340, 380];
    const gy = [100, 120, 140, 160, 180];
    // Two value labels per bar, in cells of their own: 8 of the 28 cells the gridlines draw hold text.
    const labels = gy.slice(0, -1).flatMap((y, r) => [item(`${30 + r}.5`, 105 + 40 * r, y + 4), item(`${49 - r}.0`, 265, y + 4)]);
    const candidates = ruledFinder.find(pageContext(page(labels, { rulings: grid(gx, gy) })));
    expect(candidates.map((t) => judge(t).rejected)).toEqual([expect.stringContaining('chart')]);
  });

  it('completes columns from whitespace where the body has row rules but no column rules', () => {
    // Column rules in the header only; each body row closed by a rule across.
    const hx = [50, 150, 250, 350];
    const rows = ['Austria', 'Belgium', 'Cyprus'];
    const its: TextItem[] = [item('Country', 55, 104), item('Imported', 155, 104), item('Total', 255, 104)];
    const rs: Ruling[] = [hRule(50, 350, 100), hRule(50, 350, 118), vRule(50, 100, 190), vRule(350, 100, 190), ...hx.map((x) => vRule(x, 100, 118))];
    rows.forEach((name, i) => {
      const y = 122 + i * 22;
      its.push(item(name, 55, y), item(String(10 + i), 190, y), item(`${100 * (i + 1)}`, 300, y));
      rs.push(hRule(50, 350, y + 18));
    });
    const [table] = findPageTables(page(its, { rulings: rs }));
    expect(tableRows(table!)).toEqual([
      ['Country', 'Imported', 'Total'],
      ['Austria', '10', '100'],
      ['Belgium', '11', '200'],
      ['Cyprus', '12', '300'],
    ]);
  });

  it('splits a band between two rules that holds several rows, not one of wrapped cells', () => {
    const its: TextItem[] = [item('Country', 55, 104), item('Fund', 205, 104), item('Total', 305, 104)];
    const names = ['Bulgaria', 'Cyprus', 'Czech Republic', 'Estonia'];
    names.forEach((n, i) => its.push(item(n, 55, 124 + i * 12), item(`${i + 1}.5`, 205, 124 + i * 12), item(`${i + 2}.0`, 305, 124 + i * 12)));
    const rs = cellRules([50, 200, 300, 400], [100, 120, 120 + 12 * names.length + 4]);
    const [table] = findPageTables(page(its, { rulings: rs }));
    expect(tableRows(table!).map((r) => r[0])).toEqual(['Country', ...names]);
    expect(table!.flavor).toBe('hybrid');
    expect(table!.quality.guesses.join(' ')).toMatch(/row edge/);
  });

  it('keeps two ruled tables side by side apart', () => {
    const left = cellRules([50, 120, 180], [100, 115, 130, 145]);
    const right = cellRules([250, 320, 380], [100, 115, 130, 145]);
    const its: TextItem[] = [];
    for (const [x0, x1] of [
      [55, 125],
      [255, 325],
    ] as const)
      ['Name', 'Anna', 'Ben'].forEach((t, r) => its.push(item(t, x0, 104 + 15 * r), item(String(r * 7), x1, 104 + 15 * r)));
    const tables = findPageTables(page(its, { rulings: [...left, ...right] }));
    expect(tables).toHaveLength(2);
    expect(tables.map((t) => tableRows(t))).toEqual([
      [
        ['Name', '0'],
        ['Anna', '7'],
        ['Ben', '14'],
      ],
      [
        ['Name', '0'],
        ['Anna', '7'],
        ['Ben', '14'],
      ],
    ]);
  });
});
