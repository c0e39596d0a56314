// The workbook writer (src/export/xlsx): sheet specs from the model, then the .xlsx read back with exceljs.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roadmapFromJson } from '../../src/diff/load-roadmap.js';
import {
  MAX_CELL_TEXT,
  NUMBER_FORMATS,
  type WorkbookSpec,
  cellText,
  extractWorkbook,
  validSheetName,
  workbookBytes,
} from '../../src/export/xlsx/index.js';
import { columnWidth, isoDate, wrappedLines } from '../../src/export/xlsx/sheet.js';
import type { Events, Roadmap } from '../../src/model/index.js';
import { FIXTURES } from '../helpers/cli.js';

const goldRoadmap = (name: string): Roadmap => {
  const path = join(FIXTURES, 'gold', `${name}-2024.gold.json`);
  return roadmapFromJson(JSON.parse(readFileSync(path, 'utf8')), { path, bytes: new Uint8Array(), info: { file: `${name}.json`, sha256: '0'.repeat(64), format: 'json' } });
};

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

describe('sheet names', () => {
  it('are valid in Excel whatever is asked for: at most 31 characters, none of []:*?/\\, no apostrophe at the ends, unique ignoring case', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 60 }), { minLength: 1, maxLength: 8 }), (wanted) => {
        const taken = new Set<string>();
        for (const w of wanted) {
          const name = validSheetName(w, taken);
          expect([...name].length).toBeGreaterThan(0);
          expect([...name].length).toBeLessThanOrEqual(31);
          expect(name).not.toMatch(/[[\]:*?/\\]/);
          expect(cellText(name)).toBe(name); // nothing XML cannot carry
          expect(name).not.toMatch(/^'|'$/);
          expect([...taken].map((t) => t.toLowerCase())).not.toContain(name.toLowerCase());
          taken.add(name);
        }
      }),
    );
  });

  it('keep what they can of the wanted name', () => {
    expect(validSheetName('Axes × territoires')).toBe('Axes × territoires');
    expect(validSheetName('Financement 2024/2025 [brut]: total?')).toBe('Financement 2024-2025 -brut-- t');
    expect(validSheetName('Actions', new Set(['actions']))).toBe('Actions (2)');
    expect(validSheetName('Un nom de feuille beaucoup trop long pour Excel', new Set(['Un nom de feuille beaucoup trop']))).toBe('Un nom de feuille beaucoup (2)');
    expect(validSheetName("'History'")).toBe('History (fdr)');
  });
});

describe('cells and columns', () => {
  it('drop the characters XML cannot carry and cut text past 32 767 characters, saying so', () => {
    expect(cellText('a\u0000b\u000cc\ud800d')).toBe('a b c d');
    expect(cellText('ligne 1\nligne 2\tx')).toBe('ligne 1\nligne 2\tx');
    const long = cellText('x'.repeat(40_000));
    expect(long.length).toBe(MAX_CELL_TEXT);
    expect(long).toMatch(/\[cut: 40000 characters\]$/);
  });

  it('size columns from their content within bounds, and rows from their wrapped lines', () => {
    expect(columnWidth({ header: 'Page', type: 'integer' }, [1, 42])).toBe(8);
    expect(columnWidth({ header: 'Financement total (€)', type: 'eur' }, [79_837_704])).toBe(22);
    expect(columnWidth({ header: 'Action', type: 'text' }, ['x'.repeat(300)])).toBe(60);
    expect(wrappedLines('court', 60)).toBe(1);
    expect(wrappedLines(`${'x'.repeat(130)}\nfin`, 60)).toBe(3);
  });

  it('read ISO dates only', () => {
    expect(isoDate('2024-03-07')?.toISOString()).toBe('2024-03-07T00:00:00.000Z');
    expect(isoDate('2024-02-30')).toBeNull();
    expect(isoDate('7 mars')).toBeNull();
  });
});

describe('any text', () => {
  it('goes into a workbook that reads back with the same text, made XML-safe (property)', async () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.array(fc.constantFrom('\u0000', '\u000b', '\ud800', '\udc00', '\uffff', '\n', '\r\n', '=SUM(A1)', '<b>&amp;</b>', ']]>', '€', ' '), { maxLength: 12 }).map((p) => p.join('')),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(hostile, hostile), { minLength: 1, maxLength: 5 }), hostile, async (rows, sheetName) => {
        const spec: WorkbookSpec = { title: sheetName, sheets: [{ name: sheetName, columns: [{ header: 'a', type: 'text' }, { header: 'b', type: 'text' }], rows }] };
        const wb = await readBack(await workbookBytes(spec));
        const ws = wb.worksheets[0]!;
        rows.forEach(([a, b], i) => {
          // exceljs reads an empty string back as an empty cell.
          expect(String(ws.getRow(i + 2).getCell(1).value ?? '')).toBe(cellText(a));
          expect(String(ws.getRow(i + 2).getCell(2).value ?? '')).toBe(cellText(b));
        });
      }),
      { numRuns: 40 },
    );
  });
});

describe('the extract workbook', () => {
  const leHavre = goldRoadmap('le-havre');
  const calvados = goldRoadmap('calvados');
  const events: Events = {
    schemaVersion: '1.0.0',
    kind: 'events',
    source: { file: 'note.txt', sha256: '1'.repeat(64), format: 'text' },
    region: 'Hauts-de-France',
    title: 'Ateliers',
    date: '2022-10-03',
    events: [
      { territory: 'Artois', department: 'Pas-de-Calais', place: 'Arras', date: '2022-11-17', provenance: { lines: [4, 4] } },
      { territory: '', department: 'Nord', place: 'Lille', date: '' },
    ],
    agenda: [],
    challenges: [],
    deployedMeasures: [],
    warnings: [{ code: 'weekday-mismatch', message: 'jeudi ne tombe pas le 18', at: { lines: [5, 5] } }],
  };
  const spec = extractWorkbook([
    { source: 'a/le-havre.pdf', doc: leHavre },
    { source: 'b/calvados.txt', doc: calvados },
    { source: 'note.txt', doc: events },
  ]);

  it('has one sheet per view and per kind, nothing for a kind no input has', () => {
    expect(spec.sheets.map((s) => s.name)).toEqual(['Actions', 'Chantiers', 'Axes', 'Ateliers', 'Documents', 'Avertissements']);
    expect(spec.title).toBe('fdr extract — 3 documents');
  });

  it('reads back with typed cells, number formats, filters, frozen header and properties', async () => {
    const wb = await readBack(await workbookBytes(spec, new Date(Date.UTC(2026, 0, 2))));
    expect(wb.creator).toBe('fdr');
    expect(wb.title).toBe('fdr extract — 3 documents');
    expect(wb.created.toISOString()).toBe('2026-01-02T00:00:00.000Z');

    const actions = wb.getWorksheet('Actions')!;
    const header = (actions.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Source',
      'Territoire',
      'Axe n°',
      'Axe',
      'Chantier',
      'Action',
      'Financement',
      'Indicateur(s)',
      'Commentaire(s)',
      'Financement total (€)',
      'Autres colonnes',
      'Confiance',
      'Éléments peu sûrs',
      'Page',
      'Lignes source',
    ]);
    expect(actions.rowCount).toBe(1 + 47 + 44);
    expect(actions.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(actions.autoFilter).toBe('A1:O92');
    expect(actions.getCell('A1').font).toMatchObject({ bold: true });
    expect(actions.getCell('A1').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });

    // The first Le Havre action with an amount: the number, in the € format.
    const all = leHavre.axes.flatMap((a) => a.chantiers.flatMap((c) => c.actions));
    const k = all.findIndex((a) => a.fundingTotalEur !== null);
    const row = actions.getRow(2 + k);
    expect(row.getCell(1).value).toBe('a/le-havre.pdf');
    expect(row.getCell(2).value).toBe('Le Havre');
    expect(row.getCell(6).value).toBe(all[k]!.action);
    expect(row.getCell(7).value).toBe(all[k]!.financement);
    expect(row.getCell(10).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(10).value).toBe(all[k]!.fundingTotalEur);
    expect(row.getCell(10).numFmt).toBe(NUMBER_FORMATS.eur);
    expect(row.getCell(3).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(12).numFmt).toBe('0.00');
    // No amount: an empty cell, not 0 and not text.
    const none = all.findIndex((a) => a.fundingTotalEur === null);
    expect(actions.getRow(2 + none).getCell(10).type).toBe(ExcelJS.ValueType.Null);
    // Multi-line cells keep their line breaks and wrap.
    const multi = all.findIndex((a) => a.indicateur.includes('\n'));
    expect(actions.getRow(2 + multi).getCell(8).value).toBe(all[multi]!.indicateur);
    expect(actions.getColumn(8).alignment).toMatchObject({ wrapText: true });
    expect(actions.getRow(2 + multi).height).toBeGreaterThan(15);
    // The source column tells the documents apart.
    expect(actions.getRow(2 + 47).getCell(1).value).toBe('b/calvados.txt');

    // Chantiers and Axes add up to the documents' own totals.
    const axes = wb.getWorksheet('Axes')!;
    const sum = (ws: ExcelJS.Worksheet, col: number, source: string) => {
      let s = 0;
      ws.eachRow((r, n) => {
        if (n > 1 && r.getCell(1).value === source) s += Number(r.getCell(col).value ?? 0);
      });
      return s;
    };
    expect(sum(axes, 7, 'a/le-havre.pdf')).toBe(47);
    expect(sum(axes, 8, 'a/le-havre.pdf')).toBe(79_837_704);
    expect(sum(axes, 8, 'b/calvados.txt')).toBe(3_923_290);
    expect(sum(axes, 9, 'b/calvados.txt')).toBe(22);
    const chantiers = wb.getWorksheet('Chantiers')!;
    expect(sum(chantiers, 6, 'b/calvados.txt')).toBe(44);
    expect(chantiers.rowCount - 1).toBe(27 + 23);

    // Dates are dates; a workshop without a date has an empty cell.
    const workshops = wb.getWorksheet('Ateliers')!;
    expect(workshops.getRow(2).getCell(6).type).toBe(ExcelJS.ValueType.Date);
    expect((workshops.getRow(2).getCell(6).value as Date).toISOString()).toBe('2022-11-17T00:00:00.000Z');
    expect(workshops.getRow(2).getCell(6).numFmt).toBe('dd/mm/yyyy');
    expect(workshops.getRow(3).getCell(6).type).toBe(ExcelJS.ValueType.Null);
    expect(workshops.getRow(2).getCell(8).value).toBe('4-4');

    const documents = wb.getWorksheet('Documents')!;
    expect(documents.rowCount).toBe(4);
    expect((documents.getRow(4).getCell(7).value as Date).toISOString()).toBe('2022-10-03T00:00:00.000Z');
    expect(wb.getWorksheet('Avertissements')!.getRow(2).values).toEqual([undefined, 'note.txt', 'weekday-mismatch', 'jeudi ne tombe pas le 18', undefined, '5-5']);
  });

  it('writes a sheet without rows as a header with its filter, and sanitises what it is given', async () => {
    const odd: WorkbookSpec = {
      title: 't',
      sheets: [
        { name: 'a/b', columns: [{ header: 'x', type: 'text' }], rows: [] },
        { name: 'A-B', columns: [{ header: 'x', type: 'text' }], rows: [['\u0007bell'], ['=1+1']] },
      ],
    };
    const wb = await readBack(await workbookBytes(odd));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['a-b', 'A-B (2)']);
    expect(wb.worksheets[0]!.autoFilter).toBe('A1:A1');
    expect(wb.worksheets[1]!.getCell('A2').value).toBe(' bell');
    // Text that looks like a formula stays text.
    expect(wb.worksheets[1]!.getCell('A3').type).toBe(ExcelJS.ValueType.String);
  });
});
