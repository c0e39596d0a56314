import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fdr, score, tempDir } from '../helpers/cli.js';

/**
 * The workshop note (Hauts-de-France) and the press release (temps forts) printed by three producers
 * (fixtures/producers/events/, made by `node scripts/producers/events/render.mjs --fixed`): Word via LibreOffice
 * (a ruled "Territoire / Lieu / Date" table; the département merged down several rows), ReportLab (horizontal
 * rules only, other column orders, numeric dates) and Chromium (a borderless table, times "9 h 30", a header
 * repeated over a page break). Floors are the scores measured when the fixtures were made, rounded down.
 */
const CASES: [file: string, gold: string, floor: number][] = [
  ['producers/events/note.docx.pdf', 'hauts-de-france-cnr-2022', 99.5],
  ['producers/events/note.reportlab.pdf', 'hauts-de-france-cnr-2022', 99.5],
  ['producers/events/note.chromium.pdf', 'hauts-de-france-cnr-2022', 99.5],
  ['producers/events/release.docx.pdf', 'normandie-temps-forts-2024', 99.5],
  ['producers/events/release.reportlab.pdf', 'normandie-temps-forts-2024', 99.5],
  ['producers/events/release.chromium.pdf', 'normandie-temps-forts-2024', 99.5],
];

const dir = tempDir('fdr-producers-events-');
const outOf = (file: string) => join(dir, `${file.replace(/\W+/g, '_')}.json`);

describe.each(CASES)('fdr extract %s', (file, gold, floor) => {
  const out = outOf(file);
  const run = fdr(['--verbose', 'extract', join(FIXTURES, file), '-o', out]);

  it('is detected as events (words and page structure) and exits 0', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('detected kind: events');
  });

  it(`scores at least ${floor} against the gold`, () => {
    const { score: s, report } = score(join(FIXTURES, 'gold', `${gold}.gold.json`), out);
    expect(s, report).toBeGreaterThanOrEqual(floor);
  });

  it('gives every workshop read from a table its page and box', () => {
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    for (const e of doc.events) {
      expect(e.provenance.page).toBeGreaterThanOrEqual(1);
      expect(e.provenance.bbox).toHaveLength(4);
    }
  });
});

describe('the press release in Word, the département merged down several rows', () => {
  it('spreads each merged département to every town it covers, over the page break too', () => {
    const out = outOf('merged');
    expect(fdr(['extract', join(FIXTURES, 'producers/events/release.docx.pdf'), '-o', out]).status).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    const byDepartment = new Map<string, number>();
    for (const e of doc.events) byDepartment.set(e.department, (byDepartment.get(e.department) ?? 0) + 1);
    expect(Object.fromEntries(byDepartment)).toEqual({ Calvados: 4, Eure: 3, Manche: 4, Orne: 3, 'Seine-Maritime': 3 });
    expect(new Set(doc.events.map((e: { provenance: { page: number } }) => e.provenance.page))).toEqual(new Set([1, 2]));
  });
});

describe('a workshop note whose sections are not all read', () => {
  it('returns the sections found and names the missing ones in warnings', () => {
    const out = outOf('partial');
    // The reading-order text of the note, cut before its agenda and challenges: still an events document.
    const text = readFileSync(join(FIXTURES, 'hauts-de-france-cnr-2022.txt'), 'utf8');
    const input = join(dir, 'partial.txt');
    const cut = text.slice(0, text.indexOf('CHACUNE DES RÉUNIONS'));
    writeFileSync(input, `${cut}\nLes ateliers débuteront à 9h30 – 9h45 selon les territoires.\n`);
    const run = fdr(['extract', '--kind', 'events', input, '-o', out]);
    expect(run.status, run.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.events).toHaveLength(7);
    expect(doc.warnings.map((w: { code: string }) => w.code)).toContain('agenda-not-read');
  });
});
