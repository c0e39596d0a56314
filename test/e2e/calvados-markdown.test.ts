import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fdr, score, tempDir } from '../helpers/cli.js';

describe('fdr extract on the Calvados markdown dump (seed 004)', () => {
  const out = join(tempDir(), 'calvados.json');
  const run = fdr(['extract', join(FIXTURES, 'calvados-2024.txt'), '-o', out]);

  it('exits 0 with nothing on stderr', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('scores at least 98 against the gold', () => {
    const { score: s, report } = score(join(FIXTURES, 'gold/calvados-2024.gold.json'), out);
    expect(s, report).toBeGreaterThanOrEqual(98);
  });

  it('reads the front matter', () => {
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.$schema).toMatch(/roadmap\.schema\.json$/);
    expect(doc.territory).toBe('Calvados');
    expect(doc.territoryType).toBe('departement');
    expect(doc.title).toBe('Feuille de route départementale du Calvados');
    expect(doc.period).toBe('2024-2025');
    expect(doc.prsAxes).toHaveLength(12);
    expect(doc.signatories.map((s: { name: string }) => s.name)).toEqual(['Thomas DEROCHE', 'Philippe GUERARD', 'Christèle CERISIER']);
    expect(doc.transversalPriorities).toHaveLength(6);
  });

  it('keeps line provenance on every action', () => {
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    for (const axis of doc.axes)
      for (const chantier of axis.chantiers)
        for (const action of chantier.actions) expect(action.provenance.lines[0]).toBeGreaterThan(0);
  });

  it('writes Excel-friendly CSV with one row per action', () => {
    const csv = fdr(['extract', join(FIXTURES, 'calvados-2024.txt'), '-f', 'csv', '--bom', '--delimiter', ';']);
    expect(csv.status).toBe(0);
    expect(csv.stdout.startsWith('\uFEFFterritory;axis_number;axis_title;chantier;action;')).toBe(true);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    const actions = doc.axes.flatMap((a: any) => a.chantiers.flatMap((c: any) => c.actions));
    // Quoted fields may hold line breaks; count records by the CRLF that ends each one.
    expect(csv.stdout.split('\r\n').filter(Boolean)).toHaveLength(actions.length + 1);
  });

  it('writes YAML', () => {
    const yaml = fdr(['extract', join(FIXTURES, 'calvados-2024.txt'), '-f', 'yaml']);
    expect(yaml.status).toBe(0);
    expect(yaml.stdout).toMatch(/^\$schema: /);
    expect(yaml.stdout).toContain('territory: Calvados');
  });
});
