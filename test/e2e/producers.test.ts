import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extraCellText } from '../../scripts/producers/variants.mjs';
import { FIXTURES, fdr, score, tempDir } from '../helpers/cli.js';

/**
 * The same two gold roadmaps printed by other producers (fixtures/producers/, made by `npm run fixtures`).
 * Floors are the scores measured when the fixtures were made, rounded down: a reader change that costs any
 * producer fails here. Where a floor is below 99.5 the README says what is still misread.
 */
const CASES: [file: string, gold: string, floor: number][] = [
  ['producers/reportlab/le-havre-2024.pdf', 'le-havre-2024', 99.5],
  ['producers/reportlab/calvados-2024.pdf', 'calvados-2024', 99.5],
  ['producers/libreoffice/le-havre-2024.heading.pdf', 'le-havre-2024', 99.5],
  ['producers/libreoffice/calvados-2024.heading.pdf', 'calvados-2024', 99.5],
  ['producers/libreoffice/le-havre-2024.merged-row.pdf', 'le-havre-2024', 99.5],
  ['producers/libreoffice/calvados-2024.merged-row.pdf', 'calvados-2024', 99.5],
  ['producers/chromium/le-havre-2024.variant.pdf', 'le-havre-2024', 99.5],
  ['producers/chromium/calvados-2024.variant.pdf', 'calvados-2024', 99.5],
  ['producers/latex/le-havre-2024.pdf', 'le-havre-2024', 99.5],
  ['producers/latex/calvados-2024.pdf', 'calvados-2024', 99.5],
];

const dir = tempDir('fdr-producers-');
const outOf = (file: string) => join(dir, `${file.replace(/\W+/g, '_')}.json`);

describe.each(CASES)('fdr extract %s', (file, gold, floor) => {
  const out = outOf(file);
  const run = fdr(['extract', join(FIXTURES, file), '-o', out]);

  it('exits 0 with nothing on stderr', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it(`scores at least ${floor} against the gold roadmap`, () => {
    const { score: s, report } = score(join(FIXTURES, 'gold', `${gold}.gold.json`), out);
    expect(s, report).toBeGreaterThanOrEqual(floor);
  });

  it('gives every action a confidence, its weak evidence and its extra cells', () => {
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    const actions = doc.axes.flatMap((a: any) => a.chantiers.flatMap((c: any) => c.actions));
    expect(actions.length).toBeGreaterThan(0);
    for (const x of actions) {
      expect(x.confidence).toBeGreaterThanOrEqual(0);
      expect(x.confidence).toBeLessThanOrEqual(1);
      expect(Array.isArray(x.weakEvidence)).toBe(true);
      expect(typeof x.extra).toBe('object');
    }
    expect(Array.isArray(doc.unrecognisedTables)).toBe(true);
  });
});

describe('an extra column ("Pilote(s)", chromium variant)', () => {
  const out = outOf('producers/chromium/le-havre-2024.variant.pdf');
  fdr(['extract', join(FIXTURES, 'producers/chromium/le-havre-2024.variant.pdf'), '-o', out]);
  const params = JSON.parse(readFileSync(join(FIXTURES, 'producers/chromium/le-havre-2024.variant.params.json'), 'utf8'));

  it('is kept in action.extra under its header, with the printed text, and never in the four known cells', () => {
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    const gold = JSON.parse(readFileSync(join(FIXTURES, 'gold/le-havre-2024.gold.json'), 'utf8'));
    let checked = 0;
    gold.axes.forEach((axis: any) =>
      axis.chantiers.forEach((chantier: any, c: number) =>
        chantier.actions.forEach((g: any, k: number) => {
          const x = doc.axes
            .find((a: any) => a.number === axis.number)
            ?.chantiers.flatMap((ch: any) => ch.actions)
            .find((a: any) => a.action === g.action);
          if (!x) return;
          checked++;
          expect(Object.keys(x.extra)).toEqual(['Pilote(s)']);
          const pilot = extraCellText('pilote', params.seed, axis.number, c, k);
          expect(x.extra['Pilote(s)']).toBe(pilot);
          // The column sits between Actions and Financement: a leak would end the one or open the other.
          if (pilot && !g.action.endsWith(pilot)) expect(x.action.endsWith(pilot)).toBe(false);
          if (pilot && !g.financement.startsWith(pilot)) expect(x.financement.startsWith(pilot)).toBe(false);
        }),
      ),
    );
    expect(checked).toBeGreaterThan(35);
  });
});

describe('fdr diff of one roadmap against the same roadmap from another producer', () => {
  // Every pair of renderings of one roadmap, our templates and every producer's fixtures: nothing to report.
  // Each PDF is read once (above, and the two templates here); the pairs are diffed from those JSON files.
  const templates = ['calvados-2024', 'le-havre-2024'].flatMap((r) => [`${r}.territorial.pdf`, `${r}.departmental.pdf`]);
  for (const file of templates) fdr(['extract', join(FIXTURES, file), '-o', outOf(file)]);
  const renderings = (r: string) => [
    `${r}.territorial.pdf`,
    `${r}.departmental.pdf`,
    ...CASES.filter(([, gold]) => gold === r).map(([file]) => file),
  ];
  const pairs = ['calvados-2024', 'le-havre-2024'].flatMap((r) => {
    const files = renderings(r);
    return files.flatMap((a, k) => files.slice(k + 1).map((b) => [a, b]));
  });

  it('covers every pair of the 7 renderings of each roadmap', () => {
    expect(pairs).toHaveLength(2 * 21);
  });

  it.each(pairs)('%s → %s: nothing to report, exit 0', (a, b) => {
    const run = fdr(['diff', outOf(a), outOf(b)]);
    expect(run.stdout).toContain('No changes');
    expect(run.status).toBe(0);
  });
});
