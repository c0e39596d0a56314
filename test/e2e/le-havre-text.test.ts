import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fdr, score, tempDir } from '../helpers/cli.js';

interface Doc {
  title: string;
  territory: string;
  territoryType: string;
  period: string;
  signatories: { name: string; role: string }[];
  prsAxes: string[];
  axes: { number: number; title: string; chantiers: { title: string; actions: { provenance: { lines: [number, number]; cells?: Record<string, { lines: [number, number] }> } }[] }[] }[];
  transversalPriorities: { title: string }[];
  warnings: { code: string }[];
}

function frontMatterOf(doc: Doc) {
  return {
    title: doc.title,
    territory: doc.territory,
    territoryType: doc.territoryType,
    period: doc.period,
    signatories: doc.signatories,
    prsAxes: doc.prsAxes,
    axes: doc.axes.map((a) => [a.number, a.title, a.chantiers.map((c) => c.title)]),
    transversalTitles: doc.transversalPriorities.map((t) => t.title),
  };
}

/** Runs `fdr extract` on a text dump and compares it with its gold. */
function extractAndScore(input: string, gold: string, name: string) {
  const out = join(tempDir(), `${name}.json`);
  const run = fdr(['extract', input, '-o', out]);
  const read = () => JSON.parse(readFileSync(out, 'utf8')) as Doc;
  const goldDoc = JSON.parse(readFileSync(gold, 'utf8')) as Doc;
  return { run, out, read, goldDoc };
}

describe('fdr extract on the Le Havre text dump (seed 003)', () => {
  const gold = join(FIXTURES, 'gold/le-havre-2024.gold.json');
  const { run, out, read, goldDoc } = extractAndScore(join(FIXTURES, 'le-havre-2024.txt'), gold, 'le-havre');

  it('exits 0 with nothing on stderr', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('scores at least 90 against the gold (measured 95.1)', () => {
    const { score: s, report } = score(gold, out);
    expect(s, report).toBeGreaterThanOrEqual(90);
  });

  it('finds every row of the gold and no more', () => {
    const { report } = score(gold, out);
    expect(report).toContain('count rows: {"gold":47,"pred":48,"matched":47}');
  });

  it('reads the front matter, the axes and the chantiers as the gold has them', () => {
    const doc = read();
    expect(frontMatterOf(doc)).toEqual(frontMatterOf(goldDoc));
    expect(doc.warnings).toEqual([]);
  });

  it('gives every action and every filled cell its source lines', () => {
    const lines = readFileSync(join(FIXTURES, 'le-havre-2024.txt'), 'utf8').split('\n').length;
    for (const axis of read().axes)
      for (const chantier of axis.chantiers)
        for (const action of chantier.actions) {
          const [first, last] = action.provenance.lines;
          expect(first).toBeGreaterThan(0);
          expect(last).toBeLessThanOrEqual(lines);
          for (const cell of Object.values(action.provenance.cells ?? {})) {
            expect(cell.lines[0]).toBeGreaterThanOrEqual(first);
            expect(cell.lines[1]).toBeLessThanOrEqual(last);
          }
        }
  });
});

describe('fdr extract on a second territory laid out the same way (synthetic Rouen-Elbeuf)', () => {
  const gold = join(FIXTURES, 'synthetic/rouen-elbeuf-2025.gold.json');
  const { run, out, read, goldDoc } = extractAndScore(join(FIXTURES, 'synthetic/rouen-elbeuf-2025.txt'), gold, 'rouen-elbeuf');

  it('exits 0', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('scores at least 90 against its gold', () => {
    const { score: s, report } = score(gold, out);
    expect(s, report).toBeGreaterThanOrEqual(90);
  });

  it('reads the front matter, the axes and the chantiers (one chantier spans two pages)', () => {
    const doc = read();
    expect(frontMatterOf(doc)).toEqual(frontMatterOf(goldDoc));
    expect(doc.axes[0]!.chantiers).toHaveLength(1);
    expect(doc.axes[0]!.chantiers[0]!.actions).toHaveLength(5);
  });
});
