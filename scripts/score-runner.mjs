// Shared by the variant scorers (score-variants.mjs for roadmaps, score-documents.mjs for restitution/events):
// run a command, a small worker pool, extract-and-score one PDF with the built CLI, the median.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const scorer = [join(root, '../shared/tools/score.mjs'), join(root, 'scripts/score.mjs')].find(existsSync);

export function run(cmd, args) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (status) => done({ status, out, err }));
  });
}

export async function pool(items, n, work) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

/** Extracts one PDF with the built CLI and scores it against a gold file. */
export async function scoreOne(pdf, goldPath) {
  const pred = pdf.replace(/\.pdf$/, '.fdr.json');
  const ex = await run(process.execPath, [join(root, 'bin/fdr.js'), 'extract', pdf, '-o', pred, '--force']);
  if (ex.status !== 0) return { score: 0, error: ex.err.trim().split('\n')[0] };
  const sc = await run(process.execPath, [scorer, goldPath, pred]);
  return { score: Number(/score: ([\d.]+)\s*$/.exec(sc.out)?.[1] ?? 0) };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
