// `fdr diff` against synthetic next editions of the gold roadmaps (scripts/make-editions.mjs): the changes it
// reports are compared with the edit list, as precision and recall over atomic facts.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffRoadmaps } from '../../src/diff/diff.js';
import { loadRoadmap } from '../../src/diff/load-roadmap.js';
import { RoadmapDiff } from '../../src/model/index.js';
import { type EditsFile, expectedFacts, k, reportedFacts, score } from './diff-helpers.js';

const ROOT = resolve(import.meta.dirname, '../..');

async function diffEdition(name: string) {
  const edits = JSON.parse(readFileSync(join(ROOT, `fixtures/editions/${name}-2025.edits.json`), 'utf8')) as EditsFile;
  const [before, after] = await Promise.all([loadRoadmap(join(ROOT, edits.old)), loadRoadmap(join(ROOT, edits.new))]);
  const d = diffRoadmaps({ roadmap: before.roadmap, file: edits.old, info: before.info }, { roadmap: after.roadmap, file: edits.new, info: after.info });
  return { d, edits };
}

describe.each(['le-havre', 'calvados'])('fdr diff on the %s 2024 → 2025 edition', (name) => {
  it('finds the edits with precision and recall ≥ 0.95', async () => {
    const { d, edits } = await diffEdition(name);
    expect(RoadmapDiff.safeParse(d).success).toBe(true);
    const expected = expectedFacts(edits.expected);
    const result = score(reportedFacts(d), expected);
    console.log(
      `${name}: ${edits.edits.length} edits, ${expected.length} expected changes — precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)}`,
    );
    expect(result.precision, `false positives: ${result.falsePositives.join('\n')}`).toBeGreaterThanOrEqual(0.95);
    expect(result.recall, `missed: ${result.missed.join('\n')}`).toBeGreaterThanOrEqual(0.95);
  });

  it('covers every kind of edit', async () => {
    const { edits } = await diffEdition(name);
    const ops = new Set(edits.edits.map((e) => e.op));
    for (const op of ['set', 'add', 'remove', 'reword', 'move', 'refund', 'split', 'merge', 'typography']) expect(ops).toContain(op);
  });

  it('reports nothing about the rows, chantiers and axes changed only in typography', async () => {
    const { d, edits } = await diffEdition(name);
    const typography = edits.edits.filter((e) => e.op === 'typography');
    expect(typography.length).toBeGreaterThanOrEqual(5);
    const touched = new Set(d.actions.flatMap((a) => [...a.old, ...a.new]).map((r) => k(r.action)));
    for (const e of typography.filter((t) => t.action !== undefined)) expect(touched.has(k(e.action!)), e.action).toBe(false);
    expect(d.chantiers.filter((c) => c.type === 'renamed')).toEqual([]);
    expect(d.axes.filter((a) => a.type === 'retitled')).toEqual([]);
  });

  it('reports nothing when an edition is diffed against itself', async () => {
    const { edits } = await diffEdition(name);
    for (const file of [edits.old, edits.new]) {
      const doc = await loadRoadmap(join(ROOT, file));
      const d = diffRoadmaps({ roadmap: doc.roadmap }, { roadmap: doc.roadmap });
      expect(d.hasChanges).toBe(false);
      expect(d.actions).toEqual([]);
      expect(d.summary.unchanged).toBe(doc.roadmap.axes.flatMap((a) => a.chantiers.flatMap((c) => c.actions)).length);
    }
  });
});
