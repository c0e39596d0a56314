#!/usr/bin/env node
// Scores the events reader over seeded layouts of the workshop note and the press release (issue 17), per
// producer (scripts/producers/events/: Word via LibreOffice, ReportLab, Chromium): each variant is rendered from
// the gold (cached by producer, document and seed), extracted by the built CLI, scored by score.mjs.
// Prints one row per producer × document: min / median / mean, and the worst seeds to replay with
//   node scripts/producers/events/render.mjs --doc note|release --producer P --seed N --out x.pdf
//
//   node scripts/score-events-variants.mjs [--seeds 30] [--producers docx,reportlab,chromium] [--cache DIR] [--json FILE]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GOLDS, PRODUCERS, renderMany, variantJobs } from './producers/events/render.mjs';
import { median, pool, scoreOne } from './score-runner.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(name) && argv[argv.indexOf(name) + 1] ? argv[argv.indexOf(name) + 1] : dflt);
const seeds = Array.from({ length: Number(opt('--seeds', '30')) }, (_, i) => i + 1);
const producers = opt('--producers', PRODUCERS.join(',')).split(',');
const cache = resolve(opt('--cache', join(tmpdir(), 'fdr-events-variants')));
const jsonOut = opt('--json', undefined);
const jobs = variantJobs(seeds, cache, producers);
const missing = jobs.filter((j) => !existsSync(j.outPdf));
if (missing.length) {
  mkdirSync(cache, { recursive: true });
  console.error(`rendering ${missing.length} variants into ${cache} …`);
  await renderMany(missing);
}

const results = [];
await pool(jobs, 2, async (job) => {
  const { score, error } = await scoreOne(job.outPdf, GOLDS[job.doc]);
  results.push({ producer: job.producer, doc: job.doc, seed: job.params.seed, score, ...(error ? { error } : {}) });
});

console.log('| producer | document | variants | min | median | mean | worst seeds |\n|---|---|---:|---:|---:|---:|---|');
let ok = true;
for (const producer of producers)
  for (const doc of Object.keys(GOLDS)) {
    const rows = results.filter((r) => r.producer === producer && r.doc === doc).sort((a, b) => a.score - b.score || a.seed - b.seed);
    if (!rows.length) continue;
    const scores = rows.map((r) => r.score);
    const mean = Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
    const worst = rows.slice(0, 3).map((r) => `${r.seed} (${r.error ? 'failed' : r.score})`).join(', ');
    console.log(`| ${producer} | ${doc} | ${rows.length} | ${Math.min(...scores)} | ${Math.round(median(scores) * 10) / 10} | ${mean} | ${worst} |`);
    if (Math.min(...scores) === 0) ok = false;
  }
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 1));
process.exitCode = ok ? 0 : 1;
