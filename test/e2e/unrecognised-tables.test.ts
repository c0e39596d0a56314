import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fdr, tempDir } from '../helpers/cli.js';
import { buildPdf } from '../helpers/pdf-builder.js';

/** Content-stream pieces on an A4 portrait page, positions from the top-left like the page model. */
const H = 842;
const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
const text = (x: number, top: number, s: string, size = 9) => `BT /F1 ${size} Tf 1 0 0 1 ${x} ${H - top - size} Tm (${esc(s)}) Tj ET`;
const line = (x0: number, y0: number, x1: number, y1: number) => `0.5 w ${x0} ${H - y0} m ${x1} ${H - y1} l S`;

/** A ruled roadmap table under its "Chantier :" title: header row and one row per action. */
function roadmapTable(top: number, chantier: string, actions: [string, string][]): string[] {
  const cols = [40, 205, 302, 410, 555];
  const out = [text(40, top, `Chantier : ${chantier}`, 12)];
  const headerTop = top + 30;
  out.push(text(45, headerTop + 5, 'Actions'), text(210, headerTop + 5, 'Financement'), text(307, headerTop + 5, 'Indicateur'), text(415, headerTop + 5, 'Commentaires'));
  const ys = [headerTop, headerTop + 20];
  for (const [action, funding] of actions) {
    const y = ys[ys.length - 1]!;
    out.push(text(45, y + 5, action), text(210, y + 5, funding));
    ys.push(y + 24);
  }
  for (const y of ys) out.push(line(40, y, 555, y));
  for (const x of cols) out.push(line(x, ys[0]!, x, ys[ys.length - 1]!));
  return out;
}

/** A small schedule without rules under a heading: its header names no roadmap column. */
function schedule(top: number): string[] {
  const rows = [
    ['Etape', 'Echéance', 'Montant'],
    ['Lancement', '01/2024', '10 000'],
    ['Premier bilan', '06/2024', '5 000'],
    ['Bilan final et suites', '12/2025', '2 500'],
  ];
  return [text(40, top, 'Calendrier du chantier', 12), ...rows.flatMap((row, r) => row.map((cell, c) => text([45, 250, 400][c]!, top + 30 + 16 * r, cell)))];
}

describe('a roadmap PDF with a table that is not a roadmap table', () => {
  const dir = tempDir('fdr-unrecognised-');
  const pdf = join(dir, 'roadmap.pdf');
  const out = join(dir, 'roadmap.json');
  writeFileSync(
    pdf,
    buildPdf({
      pages: [
        { content: [text(40, 40, 'Action prioritaire #1 : Relever le défi du vieillissement', 14), ...roadmapTable(90, 'Premier chantier', [['Première action', 'FIR'], ['Seconde action', 'PRIAC']])].join('\n') },
        { content: [...roadmapTable(40, 'Second chantier', [['Troisième action', 'FIR'], ['Quatrième action', 'CPOM']]), ...schedule(260), text(380, 800, '2 | Feuille de route de test', 8)].join('\n') },
      ],
    }),
  );
  const run = fdr(['extract', pdf, '-o', out]);
  const doc = run.status === 0 ? JSON.parse(readFileSync(out, 'utf8')) : undefined;

  it('reads the roadmap tables as actions', () => {
    expect(run.stderr).toBe('');
    expect(doc.kind).toBe('roadmap');
    const actions = doc.axes.flatMap((a: any) => a.chantiers.flatMap((c: any) => c.actions.map((x: any) => [c.title, x.action, x.financement])));
    expect(actions).toEqual([
      ['Premier chantier', 'Première action', 'FIR'],
      ['Premier chantier', 'Seconde action', 'PRIAC'],
      ['Second chantier', 'Troisième action', 'FIR'],
      ['Second chantier', 'Quatrième action', 'CPOM'],
    ]);
  });

  it('keeps the other table in unrecognisedTables, with a warning', () => {
    expect(doc.unrecognisedTables).toEqual([
      {
        page: 2,
        bbox: expect.any(Array),
        rows: [
          ['Etape', 'Echéance', 'Montant'],
          ['Lancement', '01/2024', '10 000'],
          ['Premier bilan', '06/2024', '5 000'],
          ['Bilan final et suites', '12/2025', '2 500'],
        ],
        reason: expect.stringContaining('names none of the roadmap columns'),
      },
    ]);
    const warning = doc.warnings.find((w: any) => w.code === 'unrecognised-table');
    expect(warning.at).toEqual({ page: 2, bbox: doc.unrecognisedTables[0].bbox });
  });
});
