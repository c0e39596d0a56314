#!/usr/bin/env node
// Scores the restitution / events readers over seeded layout variants (issue 17): each row renders a gold document
// under `variantParams(seed)` of its kind's layout module (scripts/producers/documents/<kind>.mjs) with one
// producer, the built CLI extracts it, ../shared/tools/score.mjs scores it. Prints min / median / mean per row and
// the worst seeds, to replay with `node scripts/producers/documents/render.mjs --kind K --gold G --producer P --seed N --out x.pdf`.
//
//   node scripts/score-documents.mjs [--seeds 30] [--from 1] [--rows restitution/chromium,...] [--cache DIR] [--jobs 2] [--json FILE]
// Renders are cached in --cache (default $TMPDIR/fdr-document-variants) by row and seed.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { paramsFor, renderMany } from './producers/documents/render.mjs';
import { median, pool, scoreOne } from './score-runner.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * One row per (document, producer): `seeds` is the share of --seeds rendered for it (slow producers get fewer).
 * Other kinds add their rows here.
 */
export const ROWS = [
  { kind: 'restitution', gold: 'normandie-restitution-2022', producer: 'chromium', share: 1 },
  { kind: 'restitution', gold: 'normandie-restitution-2022', producer: 'word', share: 0.4 },
  { kind: 'restitution', gold: 'normandie-restitution-2022', producer: 'reportlab', share: 0.4 },
];

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : dflt;
};
const seeds = Number(opt('--seeds', '30'));
const from = Number(opt('--from', '1'));
const only = opt('--rows', undefined)?.split(',');
const cache = resolve(opt('--cache', join(tmpdir(), 'fdr-document-variants')));
const jobs = Number(opt('--jobs', '2'));
const jsonOut = opt('--json', undefined);
const goldFile = (name) => [join(root, '../shared/gold', `${name}.gold.json`), join(root, 'fixtures/gold', `${name}.gold.json`)].find(existsSync);


const results = {};
for (const row of ROWS) {
  const id = `${row.kind}/${row.producer}`;
  if (only && !only.includes(id)) continue;
  const gold = goldFile(row.gold);
  if (!gold) continue;
  const dir = join(cache, row.gold, row.producer);
  mkdirSync(dir, { recursive: true });
  const n = Math.max(1, Math.round(seeds * row.share));
  const todo = [];
  for (let seed = from; seed < from + n; seed++) todo.push({ seed, pdf: join(dir, `seed-${seed}.pdf`) });
  const missing = todo.filter((t) => !existsSync(t.pdf));
  const t0 = Date.now();
  if (missing.length) {
    const jobsToRender = [];
    for (const t of missing) jobsToRender.push({ kind: row.kind, gold, producer: row.producer, params: await paramsFor(row.kind, row.producer, t.seed), outPdf: t.pdf });
    try {
      await renderMany(jobsToRender);
    } catch (e) {
      console.error(`${id}: render failed: ${String(e.message ?? e).split('\n')[0]}`);
    }
  }
  const scored = [];
  await pool(todo.filter((t) => existsSync(t.pdf)), jobs, async (t) => scored.push({ seed: t.seed, ...(await scoreOne(t.pdf, gold)) }));
  scored.sort((a, b) => a.seed - b.seed);
  const values = scored.map((s) => s.score);
  results[id] = {
    document: row.gold,
    variants: scored.length,
    min: Math.min(...values),
    median: median(values),
    mean: Math.round((values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)) * 10) / 10,
    worst: [...scored].sort((a, b) => a.score - b.score).slice(0, 5),
    renderSeconds: (Date.now() - t0) / 1000,
    scores: scored,
  };
  const r = results[id];
  console.error(`${id}: ${r.variants} variants, min ${r.min}, median ${r.median}`);
}

console.log('| document | producer | variants | min | median | mean | worst seeds |\n|---|---|---:|---:|---:|---:|---|');
for (const [id, r] of Object.entries(results))
  console.log(`| ${r.document} | ${id.split('/')[1]} | ${r.variants} | ${r.min} | ${r.median} | ${r.mean} | ${r.worst.map((w) => `${w.seed}: ${w.score}${w.error ? ` (${w.error.slice(0, 40)})` : ''}`).join(', ')} |`);
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(results, null, 2)}\n`);
const failed = Object.values(results).some((r) => r.min < 90 || r.median < 97);
process.exitCode = failed ? 1 : 0;
