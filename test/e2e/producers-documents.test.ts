import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fdr, score, tempDir } from '../helpers/cli.js';

/**
 * The restitution gold printed by other producers (fixtures/producers-documents/, made by
 * `node scripts/producers/documents/render.mjs --fixtures`): a Word brochure (key figures in a 2×2 table, places in
 * three columns, propositions in a two-column section), a ReportLab one (one column, serif, places on one run-in
 * line), a seeded Chromium template. Floors are the measured scores rounded down.
 */
const CASES: [file: string, gold: string, floor: number][] = [
  ['producers-documents/normandie-restitution-2022.word.pdf', 'normandie-restitution-2022', 99.5],
  ['producers-documents/normandie-restitution-2022.reportlab.pdf', 'normandie-restitution-2022', 99.5],
  ['producers-documents/normandie-restitution-2022.chromium-7.pdf', 'normandie-restitution-2022', 99],
];

const dir = tempDir('fdr-producers-documents-');
const outOf = (file: string) => join(dir, `${file.replace(/\W+/g, '_')}.json`);

describe.each(CASES)('fdr extract %s', (file, gold, floor) => {
  const out = outOf(file);
  const run = fdr(['extract', join(FIXTURES, file), '-o', out]);

  it('is detected as a restitution and exits 0 with nothing on stderr', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).kind).toBe('restitution');
  });

  it(`scores at least ${floor} against the gold restitution`, () => {
    const { score: s, report } = score(join(FIXTURES, 'gold', `${gold}.gold.json`), out);
    expect(s, report).toBeGreaterThanOrEqual(floor);
  });

  it('reads "1 250" participants whole and names no section missing', () => {
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.keyFigures.participants).toBe(1250);
    expect(doc.warnings.filter((w: { code: string }) => w.code.startsWith('section-missing'))).toEqual([]);
  });
});
