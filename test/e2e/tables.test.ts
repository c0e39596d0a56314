/** `fdr tables` end to end: the ICDAR 2013 set (when present), the fixtures, the outputs and the errors. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, fdr, tempDir } from '../helpers/cli.js';

const ICDAR = join(ROOT, '../shared/icdar/eu');
const SCORER = join(ROOT, '../shared/tools/score-tables.mjs');
/** Micro F1 measured when this test was written (99.9), less a margin for harmless changes. */
const ICDAR_FLOOR = 97;

describe.skipIf(!existsSync(ICDAR) || !existsSync(SCORER))('fdr tables on the ICDAR 2013 EU set', () => {
  const pdfs = readdirSync(ICDAR).filter((f) => f.endsWith('.pdf')).sort();
  const out = tempDir('fdr-icdar-');
  const run = fdr(['tables', ...pdfs.map((f) => join(ICDAR, f)), '-o', out, '--jobs', '2']);

  it('reads every PDF: tables, or a clean "no table found", never an error', () => {
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines.filter((l) => !/: no table found$/.test(l) && !/^fdr: \d+ of \d+ files read/.test(l))).toEqual([]);
    for (const f of pdfs) {
      const doc = JSON.parse(readFileSync(join(out, f.replace(/\.pdf$/, '.json')), 'utf8'));
      expect(Array.isArray(doc.tables), f).toBe(true);
      expect(doc.tables.length > 0 || run.stderr.includes(`${f}: no table found`), f).toBe(true);
    }
  });

  it(`scores at least ${ICDAR_FLOOR} micro F1 with the competition's metric`, () => {
    const scored = spawnSync(process.execPath, [SCORER, '--dir', ICDAR, out], { encoding: 'utf8' });
    const score = Number(/score: ([\d.]+)\s*$/.exec(scored.stdout)?.[1] ?? 0);
    expect(score, scored.stdout).toBeGreaterThanOrEqual(ICDAR_FLOOR);
  });
});

describe('fdr tables on the fixtures', () => {
  it('finds the roadmap tables of a ruled PDF, a continued table linked, its repeated header recognised', () => {
    const run = fdr(['tables', join(FIXTURES, 'le-havre-2024.departmental.pdf')]);
    expect(run.status, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.source).toMatchObject({ file: 'le-havre-2024.departmental.pdf', pages: 29 });
    // The roadmap's tables start on page 5 (page 2 sets its signatories side by side, read as a small table).
    const roadmap = doc.tables.filter((t: { page: number }) => t.page >= 5);
    expect(roadmap.length).toBeGreaterThan(20);
    for (const t of roadmap) {
      expect(t.rows[0], `table ${t.id}`).toEqual(['Actions', 'Financement', 'Indicateur', 'Commentaires']);
      expect(t.headerRows).toBe(1);
    }
    const continued = doc.tables.filter((t: { continues?: number }) => t.continues !== undefined);
    expect(continued.length).toBeGreaterThan(0);
    expect(continued.every((t: { repeatsHeader?: boolean }) => t.repeatsHeader)).toBe(true);
    expect(doc.stitched.length).toBe(continued.length);
  });

  it('reads a whitespace-only table, wrapped cells kept whole', () => {
    const run = fdr(['tables', join(FIXTURES, 'le-havre-2024.territorial.pdf'), '--pages', '6', '-f', 'csv']);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\r\n');
    expect(lines[0]).toBe('table,page,row,c1,c2,c3,c4');
    expect(lines[1]).toBe('1,6,1,Actions,Financement,Indicateur,Commentaires');
    expect(lines[2]).toMatch(/^1,6,2,Développer les alternatives favorisant le maintien à domicile de type EHPAD à domicile : .*d'ici fin 2024,PRIAC 400 000€ par CRT,/);
  });

  it('says "no table found" for a PDF without tables, and exits 0', () => {
    const run = fdr(['tables', join(FIXTURES, 'normandie-restitution-2022.pdf')]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/normandie-restitution-2022\.pdf: no table found/);
    expect(JSON.parse(run.stdout).tables).toEqual([]);
  });

  it('writes one CSV per table into a folder, Markdown, and SVG overlays with --debug', () => {
    const dir = tempDir('fdr-tables-');
    const csv = fdr(['tables', join(FIXTURES, 'le-havre-2024.departmental.pdf'), '-f', 'csv', '-o', `${dir}/csv/`, '--pages', '5-6']);
    expect(csv.status, csv.stderr).toBe(0);
    expect(readdirSync(join(dir, 'csv')).sort()).toEqual([1, 2, 3, 4].map((n) => `le-havre-2024.departmental-table-${n}.csv`));
    expect(readFileSync(join(dir, 'csv', 'le-havre-2024.departmental-table-1.csv'), 'utf8')).toMatch(/^Actions,Financement,Indicateur,Commentaires\r\n"?Repérer/);
    const md = fdr(['tables', join(FIXTURES, 'le-havre-2024.departmental.pdf'), '-f', 'markdown', '--pages', '5', '--debug', join(dir, 'debug')]);
    expect(md.stdout).toMatch(/^## le-havre-2024\.departmental\.pdf: table 1 \(page 5, ruled, confidence 0\.9\)\n\n\| Actions \| Financement \| Indicateur \| Commentaires \|\n\| --- \|/);
    expect(readdirSync(join(dir, 'debug'))).toEqual(['page-005.svg']);
    expect(readFileSync(join(dir, 'debug', 'page-005.svg'), 'utf8')).toMatch(/table 1: ruled, confidence 0\.9/);
  });

  it('fails like fdr extract on files it cannot read, with typed errors; a batch goes on', () => {
    expect(fdr(['tables', join(FIXTURES, 'hostile/encrypted.pdf')]).stderr).toMatch(/\[ENCRYPTED_PDF\]/);
    expect(fdr(['tables', join(FIXTURES, 'hostile/truncated.pdf')]).status).toBe(6);
    expect(fdr(['tables', join(FIXTURES, 'calvados-2024.txt')]).stderr).toMatch(/PDF files only \S* .*\[UNSUPPORTED_FORMAT\]/);
    expect(fdr(['tables', join(FIXTURES, 'calvados-2024.txt'), '--pages', 'x']).stderr).toMatch(/bad page list.*\[USAGE\]/);
    const batch = fdr(['tables', join(FIXTURES, 'hostile/empty.pdf'), join(FIXTURES, 'hostile/not-a-roadmap.pdf')]);
    expect(batch.status).toBe(12);
    expect(JSON.parse(batch.stdout)).toHaveLength(1);
    expect(batch.stderr).toMatch(/empty\.pdf: file is empty/);
  });
});
