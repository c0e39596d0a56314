// `fdr diff` against many random next editions of the gold roadmaps: a seeded generator applies random edits
// (each to a different row) and records what a perfect diff reports, by object identity; precision and recall
// of the reported changes are measured over all editions together.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffRoadmaps } from '../../src/diff/diff.js';
import { roadmapFromJson } from '../../src/diff/load-roadmap.js';
import { textSimilarity } from '../../src/diff/text.js';
import { type Expected, expectedFacts, fakeFile, type Place, reportedFacts, score } from './diff-helpers.js';
import { rng as prng } from '../../src/batch/mutate.js';

const ROOT = resolve(import.meta.dirname, '../..');
const EDITIONS_PER_GOLD = 30;

interface GoldRow {
  action: string;
  financement: string;
  indicateur: string;
  commentaire: string;
}
interface GoldChantier {
  title: string;
  actions: GoldRow[];
}
interface GoldAxis {
  number: number;
  title: string;
  chantiers: GoldChantier[];
}
interface Gold {
  axes: GoldAxis[];
  [key: string]: unknown;
}


const WORDS = ['coordonner', 'territoriale', 'partenaires', 'structurer', 'expérimentation', 'accompagnement', 'renforcement', 'dispositif'];
const PHRASES = ['en lien avec les partenaires du territoire', "à l'échelle du département", 'dès 2025'];
const TYPOGRAPHY: ((s: string) => string)[] = [
  (s) => (s.includes('’') ? s.replace(/’/g, "'") : s.replace(/'/g, '’')),
  (s) => s.replace(/ ([:;€])/g, '\u00a0$1').replace(/(\d) (\d{3})/g, '$1\u00a0$2'),
  (s) => {
    const mid = s.indexOf(' ', Math.floor(s.length / 2));
    return mid < 0 ? s : `${s.slice(0, mid)}\n${s.slice(mid + 1)}`;
  },
  (s) => s.replace(/ /g, '  '),
];

/** 1 to 3 word-level edits: a content word replaced or dropped, or a phrase added at the end. */
function reword(text: string, edits: number, rnd: () => number): string {
  const w = text.split(/\s+/).filter(Boolean);
  for (let e = 0; e < edits; e++) {
    const candidates = w.map((x, i) => i).filter((i) => i > 0 && w[i]!.length >= 5 && /^\p{L}+$/u.test(w[i]!));
    const i = candidates[Math.floor(rnd() * candidates.length)];
    const kind = Math.floor(rnd() * 3);
    if (kind === 0 && i !== undefined) w[i] = WORDS.find((x) => !w.includes(x))!;
    else if (kind === 1 && i !== undefined) w.splice(i, 1);
    else w.push(PHRASES[e % PHRASES.length]!);
  }
  return w.join(' ');
}

function randomEdition(gold: Gold, donors: readonly string[], seed: number): { doc: Gold; expected: Expected[] } {
  const rnd = prng(seed);
  const pickOf = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rnd() * xs.length)];
  const doc = structuredClone(gold);
  const at = (a: GoldAxis, c: GoldChantier): Place => ({ axis: a.number, chantier: c.title });
  const rows = () => doc.axes.flatMap((a) => a.chantiers.flatMap((c) => c.actions.map((row) => ({ axis: a, chantier: c, row }))));
  const originalRows = new Map(rows().map((h) => [h.row, at(h.axis, h.chantier)]));
  const originalChantiers = new Map(doc.axes.flatMap((a) => a.chantiers.map((c) => [c, at(a, c)] as const)));
  const originalAxes = new Map(doc.axes.map((a) => [a, a.number]));
  const used = new Set<GoldRow>();
  const expected: Expected[] = [];
  const modified = new Map<GoldRow, Expected[]>();
  const added = new Set<GoldRow>();
  const free = (p: (r: GoldRow) => boolean = () => true) => rows().filter((h) => !used.has(h.row) && p(h.row));
  const words = (s: string) => s.split(/\s+/).filter(Boolean);

  const ops = ['remove', 'reword', 'reword', 'move', 'move', 'move+reword', 'refund', 'split', 'merge', 'add', 'add', 'typography', 'typography', 'typography'];
  for (const op of ops) {
    if (op === 'remove') {
      const h = pickOf(free());
      if (!h) continue;
      h.chantier.actions.splice(h.chantier.actions.indexOf(h.row), 1);
      expected.push({ type: 'removed', ...originalRows.get(h.row)!, action: h.row.action });
      used.add(h.row);
    } else if (op === 'reword' || op === 'move+reword') {
      const h = pickOf(free((r) => words(r.action).length >= 8));
      if (!h) continue;
      h.row.action = reword(h.row.action, 1 + Math.floor(rnd() * 3), rnd);
      modified.set(h.row, [{ type: 'modified', field: 'action', action: '' }]);
      used.add(h.row);
      if (op === 'move+reword') {
        const target = pickOf(doc.axes.flatMap((a) => a.chantiers).filter((c) => c !== h.chantier))!;
        h.chantier.actions.splice(h.chantier.actions.indexOf(h.row), 1);
        target.actions.splice(Math.floor(rnd() * (target.actions.length + 1)), 0, h.row);
      }
    } else if (op === 'move') {
      const h = pickOf(free());
      const target = pickOf(doc.axes.flatMap((a) => a.chantiers).filter((c) => c !== h?.chantier));
      if (!h || !target) continue;
      h.chantier.actions.splice(h.chantier.actions.indexOf(h.row), 1);
      target.actions.splice(Math.floor(rnd() * (target.actions.length + 1)), 0, h.row);
      used.add(h.row);
    } else if (op === 'refund') {
      const h = pickOf(free((r) => r.financement.trim() === ''));
      if (!h) continue;
      const amount = (1 + Math.floor(rnd() * 98)) * 1000;
      h.row.financement = `FIR : ${Math.floor(amount / 1000)} 000 €`;
      modified.set(h.row, [
        { type: 'modified', field: 'financement', action: '' },
        { type: 'funding', before: null, after: amount, action: '' },
      ]);
      used.add(h.row);
    } else if (op === 'split') {
      const h = pickOf(free((r) => words(r.action).length >= 12 && !r.action.includes('\n')));
      if (!h) continue;
      const w = words(h.row.action);
      const cut = Math.floor(w.length * (0.3 + 0.4 * rnd()));
      const second = w.slice(cut).join(' ');
      const parts = [
        { ...h.row, action: w.slice(0, cut).join(' ') },
        { action: second.charAt(0).toUpperCase() + second.slice(1), financement: '', indicateur: '', commentaire: '' },
      ];
      h.chantier.actions.splice(h.chantier.actions.indexOf(h.row), 1, ...parts);
      expected.push({ type: 'split', action: h.row.action, into: parts.map((p) => p.action) });
      used.add(h.row);
      for (const p of parts) used.add(p);
    } else if (op === 'merge') {
      const pairs = doc.axes.flatMap((a) =>
        a.chantiers.flatMap((c) => c.actions.slice(1).map((b, i) => ({ c, a: c.actions[i]!, b })).filter((p) => !used.has(p.a) && !used.has(p.b))),
      );
      const p = pickOf(pairs);
      if (!p) continue;
      const join = (x: string, y: string) => [x, y].filter((s) => s.trim()).join('\n');
      const merged = {
        action: rnd() < 0.5 ? `${p.a.action} ${p.b.action}` : `${p.a.action.replace(/[.\s]+$/, '')}, et ${p.b.action.charAt(0).toLowerCase()}${p.b.action.slice(1)}`,
        financement: join(p.a.financement, p.b.financement),
        indicateur: join(p.a.indicateur, p.b.indicateur),
        commentaire: join(p.a.commentaire, p.b.commentaire),
      };
      p.c.actions.splice(p.c.actions.indexOf(p.a), 2, merged);
      expected.push({ type: 'merged', from: [p.a.action, p.b.action], action: merged.action });
      for (const r of [p.a, p.b, merged]) used.add(r);
    } else if (op === 'add') {
      const text = pickOf(donors.filter((d) => !rows().some((h) => h.row.action === d)));
      const target = pickOf(doc.axes.flatMap((a) => a.chantiers));
      if (!text || !target) continue;
      const row = { action: text, financement: '', indicateur: '', commentaire: '' };
      target.actions.splice(Math.floor(rnd() * (target.actions.length + 1)), 0, row);
      added.add(row);
      used.add(row);
    } else {
      const transform = pickOf(TYPOGRAPHY)!;
      const field = pickOf(['action', 'financement', 'indicateur', 'commentaire'] as const)!;
      const h = pickOf(free((r) => transform(r[field]) !== r[field]));
      if (!h) continue;
      h.row[field] = transform(h.row[field]);
      used.add(h.row);
    }
  }

  for (const a of doc.axes) a.chantiers = a.chantiers.filter((c) => c.actions.length > 0);
  doc.axes = doc.axes.filter((a) => a.chantiers.length > 0);
  for (const [axis, number] of originalAxes) if (!doc.axes.includes(axis)) expected.push({ type: 'axis-removed', axis: number });
  const finalChantiers = new Set(doc.axes.flatMap((a) => a.chantiers));
  for (const [c, place] of originalChantiers) if (!finalChantiers.has(c)) expected.push({ type: 'chantier-removed', ...place });
  for (const a of doc.axes)
    for (const c of a.chantiers)
      for (const row of c.actions) {
        if (added.has(row)) expected.push({ type: 'added', ...at(a, c), action: row.action });
        const from = originalRows.get(row);
        if (!from) continue;
        for (const e of modified.get(row) ?? []) expected.push({ ...e, action: row.action } as Expected);
        const here = originalChantiers.get(c);
        if (!here || here.axis !== from.axis || here.chantier !== from.chantier) expected.push({ type: 'moved', from, to: at(a, c), action: row.action });
      }
  return { doc, expected };
}

const read = (name: string) => JSON.parse(readFileSync(join(ROOT, `fixtures/gold/${name}.gold.json`), 'utf8')) as Gold;
const actionsOf = (g: Gold) => g.axes.flatMap((a) => a.chantiers.flatMap((c) => c.actions.map((r) => r.action)));

describe('fdr diff on random next editions', () => {
  it.each([
    ['le-havre-2024', 'calvados-2024'],
    ['calvados-2024', 'le-havre-2024'],
  ])(`finds the edits of ${EDITIONS_PER_GOLD} random editions of %s with precision and recall ≥ 0.95`, (name, donorName) => {
    const gold = read(name);
    // Really new actions: those of the other territory that resemble none of this document's.
    const donors = actionsOf(read(donorName)).filter((d) => actionsOf(gold).every((a) => textSimilarity(d, a) < 0.5));
    const old = roadmapFromJson(gold, fakeFile(`${name}.json`));
    const reported: string[] = [];
    const expected: string[] = [];
    const misses: string[] = [];
    for (let seed = 1; seed <= EDITIONS_PER_GOLD; seed++) {
      const edition = randomEdition(gold, donors, seed);
      const d = diffRoadmaps({ roadmap: old }, { roadmap: roadmapFromJson(edition.doc, fakeFile('edition.json')) });
      const r = reportedFacts(d);
      const e = expectedFacts(edition.expected);
      reported.push(...r);
      expected.push(...e);
      const one = score(r, e);
      if (one.falsePositives.length || one.missed.length)
        misses.push(`seed ${seed}: false positives ${JSON.stringify(one.falsePositives)}, missed ${JSON.stringify(one.missed)}`);
    }
    const result = score(reported, expected);
    console.log(
      `${name}: ${EDITIONS_PER_GOLD} random editions, ${expected.length} expected changes, ${reported.length} reported — precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)}`,
    );
    if (misses.length) console.log(misses.join('\n'));
    expect(donors.length).toBeGreaterThan(20);
    expect(expected.length).toBeGreaterThan(EDITIONS_PER_GOLD * 8);
    expect(result.precision, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(result.recall, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});
