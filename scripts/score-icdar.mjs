#!/usr/bin/env node
// Measures `fdr tables` on the ICDAR 2013 table competition set: runs the built CLI over every PDF of the set
// (one process, --jobs N workers), scores the predictions with the competition's adjacency-relation metric
// (../shared/tools/score-tables.mjs) and prints micro/macro F1 and the wall time.
//
// Usage: npm run score:tables            (npm run build first; `npm run score` runs it at its end too)
//        node scripts/score-icdar.mjs [--dir ICDAR_DIR] [--jobs N] [--verbose] [--min F1] [--keep]
//   --dir    the set (default ../shared/icdar/eu); any folder of NAME.pdf + NAME-str.xml works
//   --jobs   workers (default 2: the figure the README quotes is measured on 2 cores)
//   --min    exit 1 when micro F1 x 100 is below this
//   --keep   keep the predictions folder (its path is printed)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', default: join(root, '../shared/icdar/eu') },
    jobs: { type: 'string', default: '2' },
    verbose: { type: 'boolean', default: false },
    min: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const scorer = join(root, '../shared/tools/score-tables.mjs');
if (!existsSync(args.dir) || !existsSync(scorer)) {
  console.log(`score-icdar: skipped (no ICDAR set at ${args.dir} or no scorer at ${scorer})`);
  process.exit(0);
}
const pdfs = readdirSync(args.dir).filter((f) => f.toLowerCase().endsWith('.pdf')).sort().map((f) => join(args.dir, f));
const out = mkdtempSync(join(tmpdir(), 'fdr-icdar-'));
const started = performance.now();
const run = spawnSync(process.execPath, [join(root, 'bin/fdr.js'), 'tables', ...pdfs, '-o', out, '--jobs', args.jobs, '--force'], { encoding: 'utf8' });
const seconds = (performance.now() - started) / 1000;
const noTable = (run.stderr.match(/no table found/g) ?? []).length;
const failures = run.stderr.split('\n').filter((l) => /\[[A-Z_]+\]$/.test(l) && !/no table found/.test(l));
const scored = spawnSync(process.execPath, [scorer, '--dir', args.dir, out, ...(args.verbose ? ['--verbose'] : [])], { encoding: 'utf8' });
if (args.verbose) process.stdout.write(scored.stdout);
const micro = /^micro: P=([\d.]+) R=([\d.]+) F1=([\d.]+)/m.exec(scored.stdout);
const macro = /^macro: P=([\d.]+) R=([\d.]+) F1=([\d.]+)/m.exec(scored.stdout);
const pct = (x) => (Number(x) * 100).toFixed(1);
console.log(`ICDAR 2013 (${args.dir}): ${pdfs.length} PDFs, --jobs ${args.jobs}`);
if (micro && macro) {
  console.log(`micro  P ${pct(micro[1])}  R ${pct(micro[2])}  F1 ${pct(micro[3])}`);
  console.log(`macro  P ${pct(macro[1])}  R ${pct(macro[2])}  F1 ${pct(macro[3])}`);
} else console.log(`scorer failed: ${scored.stderr || scored.stdout}`);
console.log(`time   ${seconds.toFixed(1)} s (fdr tables, ${pdfs.length} PDFs, wall clock)`);
console.log(`files  ${pdfs.length - failures.length} read, ${noTable} without a table, ${failures.length} failed${failures.length ? `:\n  ${failures.join('\n  ')}` : ''}`);
if (args.keep) console.log(`predictions kept in ${out}`);
else rmSync(out, { recursive: true, force: true });
const score = micro ? Number(pct(micro[3])) : 0;
process.exitCode = failures.length || run.status !== 0 || (args.min !== undefined && score < Number(args.min)) ? 1 : 0;
