import { describe, expect, it } from 'vitest';
import { readPdfRoadmap } from '../../src/documents/roadmap/pdf-reader.js';
import { analysePage } from '../../src/layout/page-layout.js';
import { findPageTables } from '../../src/layout/tables/index.js';
import type { TextItem } from '../../src/sources/page-model.js';
import { hRule, item, lines, page, vRule } from './layout-synthetic.js';

/** A departmental page (A4 portrait): "Chantier :" title, a ruled roadmap table, then `below` under it. */
function roadmapPage(below: TextItem[]) {
  const cols = [40, 205, 302, 410, 555];
  const items = [
    item('Chantier : Un chantier', 40, 45, { size: 11, bold: true }),
    item('Actions', 100, 86, { bold: true }),
    item('Financement', 225, 86, { bold: true }),
    item('Indicateur', 335, 86, { bold: true }),
    item('Commentaires', 450, 86, { bold: true }),
    ...lines(['Première action'], 45, 106, { size: 8.5 }),
    ...lines(['Seconde action'], 45, 136, { size: 8.5 }),
    ...below,
    item('3 | Feuille de route départementale de Testshire', 380, 809, { size: 8 }),
  ];
  const rulings = [80, 101, 131, 161].map((y) => hRule(40, 555, y)).concat(cols.map((x) => vRule(x, 80, 161)));
  return page(items, { number: 3, width: 595, height: 842, rulings });
}

/** A small table without rules: a bold header row and three rows (a step, a date, an amount), columns at 45, 250 and 400. */
function smallTable(top: number, header: string[]): TextItem[] {
  const xs = [45, 250, 400];
  const rows = [
    ['Lancement', '01/2024', '10 000 €'],
    ['Premier bilan', '06/2024', '5 000 €'],
    ['Bilan final et suites', '12/2025', '2 500 €'],
  ];
  return [
    ...header.map((h, c) => item(h, xs[c]!, top, { size: 9, bold: true })),
    ...rows.flatMap((row, r) => row.map((t, c) => item(t, xs[c]!, top + 16 * (r + 1), { size: 9 }))),
  ];
}

describe('a table on a roadmap page that is not a roadmap table', () => {
  it('is kept with its rows, out of the prose, when its header names no roadmap column', () => {
    const layout = analysePage(roadmapPage([item('Calendrier du chantier', 40, 200, { size: 11, bold: true }), ...smallTable(230, ['Étape', 'Échéance', 'Montant'])]));
    expect(layout.tables).toHaveLength(1);
    expect(layout.tables[0]!.rows.map((r) => r.cells.action?.text)).toEqual(['Première action', 'Seconde action']);
    expect(layout.otherTables).toHaveLength(1);
    expect(layout.otherTables[0]!.rows).toEqual([
      ['Étape', 'Échéance', 'Montant'],
      ['Lancement', '01/2024', '10 000 €'],
      ['Premier bilan', '06/2024', '5 000 €'],
      ['Bilan final et suites', '12/2025', '2 500 €'],
    ]);
    expect(layout.prose.map((l) => l.text)).toEqual(['Calendrier du chantier']);

    const reading = readPdfRoadmap([layout]);
    expect(reading.unrecognisedTables).toEqual([
      { page: 3, bbox: expect.any(Array), rows: layout.otherTables[0]!.rows, reason: expect.stringContaining('"Étape", "Échéance", "Montant"') },
    ]);
    expect(reading.warnings.filter((w) => w.code === 'unrecognised-table')).toHaveLength(1);
    expect(reading.warnings.find((w) => w.code === 'unrecognised-table')!.at).toEqual({ page: 3, bbox: reading.unrecognisedTables![0]!.bbox });
  });

  it('is not reported when its header names a roadmap column', () => {
    const layout = analysePage(roadmapPage(smallTable(230, ['Actions', 'Échéance', 'Porteur'])));
    expect(layout.otherTables).toEqual([]);
    expect(readPdfRoadmap([layout]).unrecognisedTables).toEqual([]);
  });

  it('is never looked for on a page without roadmap table (signatories set side by side on an editorial page)', () => {
    const editorial = page(
      [
        ...lines(['ÉDITORIAL', 'Issu d’un travail partenarial concerté avec les acteurs', 'de la démocratie en santé du territoire'], 50, 60, { size: 10 }),
        ...smallTable(300, ['Le Président du CTS', 'Le Directeur général', 'Le Préfet']),
      ],
      { number: 2, width: 595, height: 842 },
    );
    // The table layer does find a table there; the roadmap reader does not look.
    expect(findPageTables(editorial)).toHaveLength(1);
    const layout = analysePage(editorial);
    expect(layout.tables).toEqual([]);
    expect(layout.otherTables).toEqual([]);
    const reading = readPdfRoadmap([layout, analysePage(roadmapPage([]))]);
    expect(reading.unrecognisedTables).toEqual([]);
    expect(reading.warnings.map((w) => w.code)).not.toContain('unrecognised-table');
  });
});
