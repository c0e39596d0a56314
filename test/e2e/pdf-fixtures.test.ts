import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fdr, score, tempDir } from '../helpers/cli.js';

/** Page kinds as the fixture renderer names them (fixtures/<name>.layout.json) → as fdr classifies them. */
const KIND: Record<string, string> = { cover: 'cover', editorial: 'editorial', axes: 'axes-list', divider: 'axis-divider', table: 'table', transversal: 'transversal' };

const ROADMAPS = ['le-havre-2024.territorial', 'calvados-2024.territorial', 'le-havre-2024.departmental', 'calvados-2024.departmental'];

describe.each(ROADMAPS)('fdr extract %s.pdf', (name) => {
  const dir = tempDir('fdr-pdf-');
  const out = join(dir, `${name}.json`);
  const debug = join(dir, 'debug');
  const run = fdr(['extract', join(FIXTURES, `${name}.pdf`), '-o', out, '--debug', debug]);
  const doc = run.status === 0 ? JSON.parse(readFileSync(out, 'utf8')) : undefined;
  const layout = JSON.parse(readFileSync(join(FIXTURES, `${name}.layout.json`), 'utf8')) as { pages: { page: number; kind: string }[] };

  it('exits 0 with nothing on stderr', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('scores at least 99 against the expected document', () => {
    const { score: s, report } = score(join(FIXTURES, `${name}.expected.json`), out);
    expect(s, report).toBeGreaterThanOrEqual(99);
  });

  it('gives every cell the exact text of the expected document, line breaks included', () => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8'));
    const cells = (d: any) =>
      d.axes.flatMap((a: any) => a.chantiers.flatMap((c: any) => c.actions.map((x: any) => [a.number, c.title, x.action, x.financement, x.indicateur, x.commentaire])));
    expect(cells(doc)).toEqual(cells(expected));
    expect(doc.axes.map((a: any) => a.title)).toEqual(expected.axes.map((a: any) => a.title));
    for (const k of ['title', 'territory', 'territoryType', 'period', 'signatories', 'prsAxes']) expect(doc[k], k).toEqual(expected[k]);
    expect(doc.transversalPriorities.map((t: any) => [t.title, t.text])).toEqual(expected.transversalPriorities.map((t: any) => [t.title, t.text]));
  });

  it('records pages and a provenance for every action and cell, and no warning', () => {
    expect(doc.source).toMatchObject({ format: 'pdf', pages: layout.pages.length });
    for (const axis of doc.axes)
      for (const chantier of axis.chantiers)
        for (const action of chantier.actions) {
          expect(action.provenance.page).toBeGreaterThan(0);
          expect(action.provenance.bbox).toHaveLength(4);
          expect(action.provenance.cells.action.page).toBeGreaterThanOrEqual(action.provenance.page);
        }
    expect(doc.warnings).toEqual([]);
  });

  it('classifies every page as the renderer laid it out, and draws one overlay per page', () => {
    const files = readdirSync(debug).sort();
    expect(files).toEqual(layout.pages.map((p) => `page-${String(p.page).padStart(3, '0')}.svg`));
    for (const p of layout.pages) {
      const svg = readFileSync(join(debug, files[p.page - 1]!), 'utf8');
      expect(svg.startsWith('<svg'), `page ${p.page}`).toBe(true);
      expect(svg, `page ${p.page}`).toContain(`page ${p.page} · ${KIND[p.kind]}`);
    }
  });
});

describe('fdr extract of the 200-page roadmap', () => {
  const out = join(tempDir('fdr-long-'), 'long.json');
  const run = fdr(['extract', join(FIXTURES, 'long-roadmap.territorial.pdf'), '-o', out]);

  it('scores at least 99', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { score: s, report } = score(join(FIXTURES, 'long-roadmap.expected.json'), out);
    expect(s, report).toBeGreaterThanOrEqual(99);
    expect(JSON.parse(readFileSync(out, 'utf8')).source.pages).toBeGreaterThanOrEqual(200);
  });
});

describe('fdr extract of the two-column restitution brochure', () => {
  const out = join(tempDir('fdr-rest-'), 'rest.json');
  const run = fdr(['extract', join(FIXTURES, 'normandie-restitution-2022.pdf'), '-o', out]);

  it('reads it in column order and hands it to the restitution reader', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.kind).toBe('restitution');
    expect(doc.source.pages).toBeGreaterThan(1);
    const { score: s, report } = score(join(FIXTURES, 'normandie-restitution-2022.expected.json'), out);
    expect(s, report).toBeGreaterThanOrEqual(99);
  });
});

describe('JSON on stdout', () => {
  it('is the document and nothing else (no pdf.js chatter)', () => {
    const run = fdr(['extract', join(FIXTURES, 'calvados-2024.departmental.pdf')]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).kind).toBe('roadmap');
    expect(existsSync(join(FIXTURES, 'calvados-2024.departmental.json'))).toBe(false);
  });
});
