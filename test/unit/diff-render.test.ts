import { Chalk } from 'chalk';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { undescribedProperties } from '../../src/check/schemas.js';
import { diffRoadmaps } from '../../src/diff/diff.js';
import { colorLevel, escapeMarkdown, euros, reportColors, signedEuros } from '../../src/diff/format.js';
import { loadRoadmap } from '../../src/diff/load-roadmap.js';
import { DIFF_CSV_COLUMNS, renderDiff, renderDiffCsv, renderDiffMarkdown, renderDiffText } from '../../src/diff/render.js';
import { type RoadmapDiff as Diff, RoadmapDiff, schemaId, TerritoryComparison } from '../../src/model/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
const ESC = '\u001b[';
let d: Diff;

beforeAll(async () => {
  const before = await loadRoadmap(join(ROOT, 'fixtures/gold/le-havre-2024.gold.json'));
  const after = await loadRoadmap(join(ROOT, 'fixtures/editions/le-havre-2025.gold.json'));
  d = diffRoadmaps({ roadmap: before.roadmap, file: 'old.json', info: before.info }, { roadmap: after.roadmap, file: 'new.json', info: after.info });
});

afterEach(() => vi.unstubAllEnvs());

describe('diff and compare JSON schemas', () => {
  it.each([
    ['diff', RoadmapDiff],
    ['compare', TerritoryComparison],
  ] as const)('%s: every property has a description', (_name, schema) => {
    expect(undescribedProperties(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }))).toEqual([]);
  });

  it('the diff carries $schema and schemaVersion, and validates', () => {
    const json = JSON.parse(renderDiff(d, 'json', new Chalk({ level: 0 })));
    expect(Object.keys(json).slice(0, 3)).toEqual(['$schema', 'schemaVersion', 'kind']);
    expect(json.$schema).toBe(schemaId('diff'));
    expect(RoadmapDiff.parse(json)).toEqual(d);
  });
});

describe('terminal report', () => {
  it('has no escape codes with colours off, and some with colours on', () => {
    const plain = renderDiffText(d, new Chalk({ level: 0 }));
    expect(plain).not.toContain(ESC);
    expect(plain).toContain('actions: 2 added, 2 removed, 5 modified, 2 moved, 1 split, 1 merged, 2 funding changes');
    expect(plain).toContain('[-Créer-] {+Ouvrir+}');
    expect(plain).toContain('funding: 65 000 € → 80 000 € (+15 000 €)');
    expect(renderDiffText(d, new Chalk({ level: 1 }))).toContain(ESC);
  });

  it('turns colours off for NO_COLOR, a pipe or a file, and keeps them for a terminal', () => {
    const tty = { isTTY: true };
    const pipe = { isTTY: false };
    expect(colorLevel({ stream: tty, env: {}, detected: 2 })).toBe(2);
    expect(colorLevel({ stream: pipe, env: {}, detected: 2 })).toBe(0);
    expect(colorLevel({ stream: tty, env: {}, detected: 2, toFile: true })).toBe(0);
    expect(colorLevel({ stream: tty, env: { NO_COLOR: '1' }, detected: 2 })).toBe(0);
    expect(colorLevel({ stream: tty, env: { NO_COLOR: '' }, detected: 2 })).toBe(2);
    expect(colorLevel({ stream: tty, env: { NO_COLOR: '1', FORCE_COLOR: '3' }, detected: 2 })).toBe(0);
    expect(colorLevel({ stream: pipe, env: { FORCE_COLOR: '1' } })).toBe(1);
    expect(colorLevel({ stream: tty, env: { FORCE_COLOR: '0' }, detected: 3 })).toBe(0);
    vi.stubEnv('NO_COLOR', '1');
    expect(reportColors({ stream: tty }).level).toBe(0);
  });

  it('says so when nothing changed', () => {
    const same = diffRoadmaps({ roadmap: diffSide(d, 'old') }, { roadmap: diffSide(d, 'old') });
    expect(same.hasChanges).toBe(false);
    expect(renderDiffText(same, new Chalk({ level: 0 }))).toContain('No changes (whitespace and typography aside).');
  });
});

/** A tiny roadmap rebuilt from the snapshots of a diff (enough for a self-diff). */
function diffSide(diff: Diff, side: 'old' | 'new') {
  const rows = diff.actions.flatMap((a) => a[side]);
  return {
    schemaVersion: '1.0.0',
    kind: 'roadmap' as const,
    source: { file: 'x.json', sha256: '0'.repeat(64), format: 'json' as const },
    region: 'Normandie',
    territory: 'X',
    territoryType: 'cts' as const,
    title: 'T',
    period: '',
    signatories: [],
    prsAxes: [],
    axes: [
      {
        number: 1,
        title: 'A',
        prsTitle: null,
        chantiers: [{ title: 'C', actions: rows.map((r) => ({ ...r, fundings: [], indicators: [], provenance: {} })) }],
      },
    ],
    transversalPriorities: [],
    warnings: [],
  };
}

describe('markdown report', () => {
  it('has a summary table, sections and a word diff', () => {
    const md = renderDiffMarkdown(d);
    expect(md).toMatch(/^## Roadmap diff: Le Havre 2024-2025 → Le Havre 2025-2026/);
    expect(md).toContain('| Actions added | 2 |');
    expect(md).toContain('| Rows split | 1 |');
    expect(md).toContain('~~Créer~~ **Ouvrir**');
    expect(md).toContain('- **period**: 2024-2025 → 2025-2026');
    expect(md).toContain('💶 funding: 13 500 € → 18 000 € (+4 500 €)');
    expect(md).not.toContain(ESC);
  });

  it('escapes what markdown would read as markup', () => {
    expect(escapeMarkdown('a | b *c* [d] <e>\nf')).toBe('a \\| b \\*c\\* \\[d\\] \\<e\\> / f');
  });
});

describe('CSV report', () => {
  it('has one row per change, with the documented columns', () => {
    const csv = renderDiffCsv(d);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe(DIFF_CSV_COLUMNS.join(','));
    const firstCells = csv.split('\n').filter((l) => /^(document|axis|chantier|action),/.test(l));
    expect(firstCells).toHaveLength(d.document.length + d.axes.length + d.chantiers.length + d.actions.length);
    expect(csv).toContain('document,changed,,,,,period,2024-2025,2025-2026');
    expect(csv).toMatch(/action,split,4,Accompagner les parcours de vie/);
  });
});

describe('amounts', () => {
  it('formats euros the French way', () => {
    expect(euros(1234567)).toBe('1 234 567 €');
    expect(euros(62.5)).toBe('62,50 €');
    expect(euros(null)).toBe('—');
    expect(signedEuros(-3000)).toBe('−3 000 €');
    expect(signedEuros(15000)).toBe('+15 000 €');
  });
});
