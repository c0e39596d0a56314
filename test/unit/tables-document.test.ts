/** Tables over several pages (stitching, repeated headers), header rows, and the JSON / CSV / Markdown outputs. */
import { describe, expect, it } from 'vitest';
import { logicalTables, tableCsv, tableMarkdown, tablesCsvStream, tablesDocument } from '../../src/export/tables.js';
import { DocumentTableReader, findDocumentTables, stitchedTables, tableRows } from '../../src/layout/tables/index.js';
import type { PageModel, TextItem } from '../../src/sources/page-model.js';
import { parsePageSpec } from '../../src/tables.js';
import { hRule, item, page, vRule } from './layout-synthetic.js';

/** A ruled table of `rows` (first row bold) from y = `top`, 15 pt a row, columns at 50 / 200 / 300 / 400. */
function ruledTable(rows: string[][], top: number): { items: TextItem[]; rulings: ReturnType<typeof hRule>[] } {
  const xs = [50, 200, 300, 400];
  const items = rows.flatMap((r, i) => r.map((t, c) => item(t, xs[c]! + 5, top + 3 + 15 * i, { bold: i === 0 })));
  const ys = rows.map((_, i) => top + 15 * i).concat(top + 15 * rows.length);
  return { items, rulings: [...ys.map((y) => hRule(50, 400, y)), ...xs.map((x) => vRule(x, top, ys[ys.length - 1]!))] };
}

const HEADER = ['Country', 'Cases', 'Share'];
const running = (n: number) => [item('Annual report 2024', 50, 30, { size: 8 }), item(`Page ${n}`, 300, 800, { size: 8 })];

function twoPages(secondTitle?: string): PageModel[] {
  const first = ruledTable([HEADER, ['Austria', '3375', '2.1'], ['Belgium', '3973', '2.5']], 600);
  const second = ruledTable([HEADER, ['Cyprus', '158', '0.1'], ['Denmark', '1662', '1.1']], 80);
  const prose = ['A paragraph of running text before the table, long enough to be body text', 'and set in the body size of the report, on two lines.'].map((t, i) =>
    item(t, 50, 500 + 12 * i),
  );
  const title = secondTitle ? [item(secondTitle, 50, 60, { bold: true, size: 11 })] : [];
  return [
    page([...running(1), ...prose, ...first.items], { number: 1, width: 595, height: 842, rulings: first.rulings }),
    page([...running(2), ...title, ...second.items], { number: 2, width: 595, height: 842, rulings: second.rulings }),
  ];
}

describe('tables over several pages', () => {
  it('links a table continued at the top of the next page, its repeated header recognised', () => {
    const tables = findDocumentTables(twoPages());
    expect(tables.map((t) => [t.page, t.continues, t.continuedBy, t.repeatsHeader ?? false, t.headerRows])).toEqual([
      [1, undefined, 1, false, 1],
      [2, 0, undefined, true, 1],
    ]);
    const [stitched] = stitchedTables(tables);
    expect(stitched!.rows).toEqual([HEADER, ['Austria', '3375', '2.1'], ['Belgium', '3973', '2.5'], ['Cyprus', '158', '0.1'], ['Denmark', '1662', '1.1']]);
  });

  it('keeps what a re-reading returns for a page, and hands back a copy the caller cannot change it through', () => {
    const [first, second] = twoPages();
    const reader = new DocumentTableReader();
    const seen: number[] = [];
    // The second page's table "read again": its last row left out, as a reader under a header found later might.
    const returned = reader.add(first!);
    returned.length = 0;
    reader.add(second!, (found, context) => {
      seen.push(found.length, context.page.number);
      return found.map((t) => ({ ...t, ys: t.ys.slice(0, -1), cells: t.cells.filter((c) => c.row < t.ys.length - 2) }));
    });
    const tables = reader.finish();
    expect(seen).toEqual([1, 2]);
    expect(tables.map((t) => [t.page, t.ys.length])).toEqual([
      [1, 4],
      [2, 3],
    ]);
  });

  it('does not link it when a new title opens the next page', () => {
    const tables = findDocumentTables(twoPages('Table 2: Cases by region'));
    expect(tables.map((t) => t.continuedBy ?? t.continues)).toEqual([undefined, undefined]);
  });

  it('reads only the pages asked for', () => {
    expect(findDocumentTables(twoPages(), { pages: parsePageSpec('2-') }).map((t) => t.page)).toEqual([2]);
  });
});

describe('page lists', () => {
  it('parses numbers, ranges and open ranges', () => {
    const pick = parsePageSpec('1, 4-6,9-');
    expect([1, 2, 4, 6, 7, 9, 120].map(pick)).toEqual([true, false, true, true, false, true, true]);
  });
  it('refuses anything else with a usage error', () => {
    for (const bad of ['', '0', '3-1', 'a', '1;2']) expect(() => parsePageSpec(bad), bad).toThrow(/page list/);
  });
});

describe('outputs', () => {
  const tables = findDocumentTables(twoPages());
  const doc = tablesDocument(tables, { file: 'report.pdf', sha256: 'x', pages: 2 });

  it('writes the scorer format with boxes, spans, header rows, continuations and cell provenance', () => {
    expect(doc.tables.map((t) => ({ id: t.id, page: t.page, continues: t.continues, continuedBy: t.continuedBy }))).toEqual([
      { id: 1, page: 1, continues: undefined, continuedBy: 2 },
      { id: 2, page: 2, continues: 1, continuedBy: undefined },
    ]);
    const first = doc.tables[0]!;
    expect(first.rows).toEqual(tableRows(tables[0]!));
    expect(first.bbox).toEqual([50, 600, 400, 645]);
    expect(first.cells.find((c) => c.text === 'Austria')).toMatchObject({ row: 1, col: 0, bbox: [55, 618, expect.any(Number), expect.any(Number)] });
    expect(doc.stitched).toEqual([expect.objectContaining({ tables: [1, 2], pages: [1, 2], headerRows: 1 })]);
    expect(logicalTables(doc)).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('writes CSV (one table, or a stream with a table column) and Markdown', () => {
    expect(tableCsv([['a', 'b "c"'], ['x\ny']])).toBe('a,"b ""c"""\r\n"x\ny",\r\n');
    const stream = tablesCsvStream([{ name: 'report.pdf', doc }], { delimiter: ';' }).split('\r\n');
    expect(stream[0]).toBe('table;page;row;c1;c2;c3');
    expect(stream[1]).toBe('1;1;1;Country;Cases;Share');
    expect(stream).toHaveLength(7); // header, 5 rows of the stitched table, final empty string
    expect(tableMarkdown([['a|b', 'c'], ['line\nbreak']])).toBe('| a\\|b | c |\n| --- | --- |\n| line<br>break |  |');
  });
});

describe('a table read under a header found by the caller (the roadmap reader)', () => {
  it('reads the rows under the header of a whitespace-only roadmap page, the side tab left out', async () => {
    const { pageContext, readTableAt } = await import('../../src/layout/tables/index.js');
    const { territorialPage } = await import('./layout-synthetic.js');
    const model = territorialPage({
      number: 7,
      chantier: 'Prévenir la perte d’autonomie',
      axis: 3,
      rows: [
        { action: ['Repérer les personnes âgées fragiles et isolées', 'sur les territoires'], indicateur: ['Nb de réunions'], commentaire: ['Développé par l’OMS, le programme ICOPE vise', 'le repérage précoce'] },
        { action: ['Déployer la télésurveillance'], financement: ['FIR 20 000 €'] },
      ],
    });
    const context = pageContext(model);
    const header = { x0: 41, y0: 114, x1: 620, y1: 124.5 };
    const table = readTableAt(context, { header, limit: 560 });
    expect(tableRows(table!)).toEqual([
      ['Actions', 'Financement', 'Indicateur', 'Commentaires'],
      ['Repérer les personnes âgées fragiles et isolées sur les territoires', '', 'Nb de réunions', 'Développé par l’OMS, le programme ICOPE vise le repérage précoce'],
      ['Déployer la télésurveillance', 'FIR 20 000 €', '', ''],
    ]);
    expect(table!.headerRows).toBe(1);
    // Columns known beforehand (a continuation page): used as given.
    const given = readTableAt(context, { header, limit: 560, columns: { xs: [34, 266, 392, 547, 737], source: 'shading' } });
    expect(given!.xs).toEqual([34, 266, 392, 547, 737]);
    expect(tableRows(given!)).toEqual(tableRows(table!));
  });
});
