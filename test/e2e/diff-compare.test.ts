// `fdr diff` and `fdr compare` through the built CLI (npm test builds it first; alone: npx tsc -p . first).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RoadmapDiff, TerritoryComparison } from '../../src/model/index.js';
import { FIXTURES, fdr, tempDir } from '../helpers/cli.js';
import { type EditsFile, expectedFacts, reportedFacts, score } from '../unit/diff-helpers.js';

const gold = (name: string) => join(FIXTURES, 'gold', `${name}-2024.gold.json`);
const edition = (name: string) => join(FIXTURES, 'editions', `${name}-2025.gold.json`);
const ESC = '\u001b[';

describe('fdr diff', () => {
  it('exits 0 and says so when a document is diffed against itself', () => {
    const r = fdr(['diff', gold('le-havre'), gold('le-havre')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('No changes (whitespace and typography aside).');
  });

  it('exits 0 between the gold and the PDF rendered from it (typography aside, nothing differs)', () => {
    const r = fdr(['diff', gold('calvados'), join(FIXTURES, 'calvados-2024.territorial.pdf')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('exits 1 on changes and writes a JSON diff that validates', () => {
    const r = fdr(['diff', gold('calvados'), edition('calvados'), '-f', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.$schema).toBe('https://feuille-de-route.org/schemas/v1/diff.schema.json');
    expect(json.schemaVersion).toBe('1.0.0');
    expect(RoadmapDiff.safeParse(json).success).toBe(true);
    expect(json.summary).toMatchObject({ added: 2, removed: 2, split: 2, merged: 1, moved: 2, fundingChanged: 2, axesAdded: 1 });
  });

  it.each(['le-havre', 'calvados'])('finds the edits between the 2024 and 2025 PDFs of %s (precision and recall ≥ 0.95)', (name) => {
    const edits = JSON.parse(readFileSync(join(FIXTURES, 'editions', `${name}-2025.edits.json`), 'utf8')) as EditsFile;
    const r = fdr(['diff', join(FIXTURES, `${name}-2024.territorial.pdf`), join(FIXTURES, 'editions', `${name}-2025.territorial.pdf`), '-f', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const result = score(reportedFacts(JSON.parse(r.stdout)), expectedFacts(edits.expected));
    console.log(`${name} PDF → PDF: precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)}`);
    expect(result.precision, result.falsePositives.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(result.recall, result.missed.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('writes markdown to a file with -o, refuses to overwrite it without --force', () => {
    const out = join(tempDir(), 'diff.md');
    const first = fdr(['diff', gold('le-havre'), edition('le-havre'), '-f', 'markdown', '-o', out]);
    expect(first.status).toBe(1);
    expect(first.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^## Roadmap diff: Le Havre 2024-2025 → Le Havre 2025-2026/);
    const again = fdr(['diff', gold('le-havre'), edition('le-havre'), '-f', 'markdown', '-o', out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/\[OUTPUT_EXISTS\]\n$/);
    expect(fdr(['diff', gold('le-havre'), edition('le-havre'), '-f', 'markdown', '-o', out, '--force']).status).toBe(1);
    expect(fdr(['diff', gold('le-havre'), edition('le-havre'), '-o', edition('le-havre')]).stderr).toContain('[OUTPUT_IS_INPUT]');
  });

  it('writes CSV', () => {
    const r = fdr(['diff', gold('le-havre'), edition('le-havre'), '-f', 'csv']);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('level,change,old_axis,old_chantier,new_axis,new_chantier,fields,before,after,funding_before_eur,funding_after_eur,funding_delta_eur,similarity');
  });

  it('exits 2 with one line on stderr on any trouble', () => {
    for (const args of [
      ['diff', gold('le-havre'), join(FIXTURES, 'nope.json')],
      ['diff', gold('le-havre'), join(FIXTURES, 'gold/normandie-restitution-2022.gold.json')],
      ['diff', gold('le-havre'), join(FIXTURES, 'hostile/not-a-pdf.pdf')],
      ['diff', gold('le-havre'), gold('le-havre'), '-f', 'xml'],
    ]) {
      const r = fdr(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^fdr: .*\[[A-Z_]+\]\n$/);
    }
  });

  it('colours only when asked: none with NO_COLOR or in a pipe, some with FORCE_COLOR', () => {
    expect(fdr(['diff', gold('le-havre'), edition('le-havre')]).stdout).not.toContain(ESC);
    expect(fdr(['diff', gold('le-havre'), edition('le-havre')], { env: { NO_COLOR: '' } }).stdout).not.toContain(ESC);
    expect(fdr(['diff', gold('le-havre'), edition('le-havre')], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toContain(ESC);
    expect(fdr(['diff', gold('le-havre'), edition('le-havre')], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
  });
});

describe('fdr compare', () => {
  it('compares a gold JSON with a text dump', () => {
    const r = fdr(['compare', gold('le-havre'), join(FIXTURES, 'calvados-2024.txt'), '-f', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const c = TerritoryComparison.parse(JSON.parse(r.stdout));
    expect(c.territories.map((t) => [t.name, t.format])).toEqual([
      ['Le Havre', 'json'],
      ['Calvados', 'markdown'],
    ]);
    expect(c.totals.map((t) => [t.chantiers, t.actions, t.fundingTotalEur])).toEqual([
      [27, 47, 79_837_704],
      [23, 44, 3_923_290],
    ]);
  });

  it('prints tables, and writes CSV with -o', () => {
    const text = fdr(['compare', gold('le-havre'), gold('calvados')]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/total\s+Le Havre\s+27\s+47/);
    const out = join(tempDir(), 'compare.csv');
    expect(fdr(['compare', gold('le-havre'), gold('calvados'), '-f', 'csv', '-o', out]).status).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain('total,,Calvados,23,44,3923290,22,1');
  });

  it('fails with the error code of the input problem', () => {
    const r = fdr(['compare', gold('le-havre'), join(FIXTURES, 'gold/normandie-restitution-2022.gold.json')]);
    expect(r.status).toBe(5);
    expect(r.stderr).toContain('[UNSUPPORTED_FORMAT]');
    expect(fdr(['compare', gold('le-havre'), '-f', 'xml']).status).toBe(2);
  });
});
