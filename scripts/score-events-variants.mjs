#!/usr/bin/env node
// Scores the events reader over seeded layouts of the workshop note and the press release (issue 17), per
// producer (scripts/producers/events/: Word via LibreOffice, ReportLab, Chromium): each variant is rendered from
// the gold (cached by producer, document and seed), extracted by the built CLI, scored by score.mjs.
// Prints one row per producer × document: min / median / mean, and the worst seeds to replay with
//   node scripts/producers/events/render.mjs --doc note|release --producer P --seed N --out x.pdf
//
//   node scripts/score-events-variants.mjs [--seeds 30] [--producers docx,reportlab,chromium] [--cache DIR] [--json FILE]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GOLDS, PRODUCERS, renderMany, variantJobs } from './producers/events/render.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(name) && argv[argv.indexOf(name) + 1] ? argv[argv.indexOf(name) + 1] : dflt);
const seeds = Array.from({ length: Number(opt('--seeds', '30')) }, (_, i) => i + 1);
const producers = opt('--producers', PRODUCERS.join(',')).split(',');
const cache = resolve(opt('--cache', join(tmpdir(), 'fdr-events-variants')));
const jsonOut = opt('--json', undefined);
const scorer = [join(root, '../shared/tools/score.mjs'), join(root, 'scripts/score.mjs')].find(existsSync);

function run(cmd, args) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (status) => done({ status, out, err }));
  });
}

const jobs = variantJobs(seeds, cache, producers);
const missing = jobs.filter((j) => !existsSync(j.outPdf));
if (missing.length) {
  mkdirSync(cache, { recursive: true });
  console.error(`rendering ${missing.length} variants into ${cache} …`);
  await renderMany(missing);
}

const results = [];
let next = 0;
await Promise.all([0, 1].map(async () => {
  while (next < jobs.length) {
    const job = jobs[next++];
    const pred = job.outPdf.replace(/\.pdf$/, '.fdr.json');
    const ex = await run(process.execPath, [join(root, 'bin/fdr.js'), 'extract', job.outPdf, '-o', pred, '--force']);
    let score = 0;
    let error;
    if (ex.status !== 0) error = ex.err.trim().split('\n')[0];
    else score = Number(/score: ([\d.]+)\s*$/.exec((await run(process.execPath, [scorer, GOLDS[job.doc], pred])).out)?.[1] ?? 0);
    results.push({ producer: job.producer, doc: job.doc, seed: job.params.seed, score, ...(error ? { error } : {}) });
  }
}));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
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
