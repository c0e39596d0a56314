#!/usr/bin/env node
// Scores the roadmap reader over seeded template variants, per producer (issue 12): each producer renders the
// gold roadmaps under `variantParams(seed)` (scripts/producers/variants.mjs), the built CLI extracts them, and
// ../shared/tools/score.mjs scores them. Prints, per producer, min / median / mean over the seeds, and the
// worst seeds so they can be replayed (`node scripts/producers/<p>.mjs --gold … --seed N --out x.pdf`).
//
//   node scripts/score-variants.mjs [--seeds 50] [--from 1] [--producers chromium,libreoffice,latex,reportlab]
//                                   [--cache DIR] [--jobs 2] [--json FILE] [--only 16,18,27]
// Rendered PDFs are cached in --cache (default $TMPDIR/fdr-variants) by producer and seed, so a rerun after a
// reader change only re-extracts. Producers are installed by their own ensureInstalled() when missing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { variantParams } from './producers/variants.mjs';
import { median, pool, scoreOne as scoreAgainst } from './score-runner.mjs';

const scoreOne = (pdf, roadmap) => scoreAgainst(pdf, goldFile(roadmap));

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : dflt;
};
const seeds = Number(opt('--seeds', '50'));
const from = Number(opt('--from', '1'));
const producers = opt('--producers', 'chromium,libreoffice,latex,reportlab').split(',');
const cache = resolve(opt('--cache', join(tmpdir(), 'fdr-variants')));
const jobs = Number(opt('--jobs', '2'));
const jsonOut = opt('--json', undefined);
// --only replays a chosen set of seeds (a layout class's worst ones) instead of a range.
const only = opt('--only', undefined)?.split(',').map(Number).filter(Number.isInteger);
const goldFile = (roadmap) => join(root, 'fixtures/gold', `${roadmap}.gold.json`);


const results = {};
for (const producer of producers) {
  const mod = await import(join(root, 'scripts/producers', `${producer}.mjs`));
  await mod.ensureInstalled?.();
  const dir = join(cache, producer);
  mkdirSync(dir, { recursive: true });
  const todo = [];
  const seedList = only ?? Array.from({ length: seeds }, (_, i) => from + i);
  for (const seed of seedList) {
    const params = variantParams(seed);
    todo.push({ seed, params, pdf: join(dir, `seed-${seed}.${params.roadmap}.pdf`) });
  }
  const missing = todo.filter((t) => !existsSync(t.pdf));
  const t0 = Date.now();
  if (missing.length) {
    if (mod.renderMany) await mod.renderMany(missing.map((t) => ({ gold: goldFile(t.params.roadmap), params: t.params, outPdf: t.pdf })));
    else
      await pool(missing, jobs, async (t) => {
        try {
          await mod.render(JSON.parse(readFileSync(goldFile(t.params.roadmap), 'utf8')), t.params, t.pdf);
        } catch (e) {
          console.error(`${producer} seed ${t.seed}: render failed: ${String(e.message ?? e).split('\n')[0]}`);
        }
      });
  }
  const renderSeconds = (Date.now() - t0) / 1000;
  const scored = [];
  await pool(todo.filter((t) => existsSync(t.pdf)), jobs, async (t) => {
    scored.push({ seed: t.seed, roadmap: t.params.roadmap, ...(await scoreOne(t.pdf, t.params.roadmap)) });
  });
  scored.sort((a, b) => a.seed - b.seed);
  const values = scored.map((s) => s.score);
  results[producer] = {
    variants: scored.length,
    notRendered: todo.length - scored.length,
    min: Math.min(...values),
    median: median(values),
    mean: Math.round((values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)) * 10) / 10,
    worst: [...scored].sort((a, b) => a.score - b.score).slice(0, 5),
    renderSeconds,
    scores: scored,
  };
  const r = results[producer];
  console.error(`${producer}: ${r.variants} variants, min ${r.min}, median ${r.median} (rendered ${missing.length} in ${renderSeconds.toFixed(0)} s)`);
}

console.log('| producer | variants | min | median | mean | worst seeds |\n|---|---:|---:|---:|---:|---|');
for (const [p, r] of Object.entries(results))
  console.log(`| ${p} | ${r.variants}${r.notRendered ? ` (${r.notRendered} not rendered)` : ''} | ${r.min} | ${r.median} | ${r.mean} | ${r.worst.map((w) => `${w.seed}: ${w.score}${w.error ? ` (${w.error.slice(0, 40)})` : ''}`).join(', ')} |`);
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(results, null, 2)}\n`);
