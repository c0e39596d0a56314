#!/usr/bin/env node
/**
 * Mutation fuzzer for `fdr extract` (npm run fuzz; not part of npm test).
 *
 *   node scripts/fuzz.mjs [--cases 10000] [--seed 1] [--jobs N] [--timeout 20] [--max-memory 1024]
 *                         [--long] [--keep DIR]
 *
 * Each case mutates a fixture (PDFs from fixtures/ and fixtures/hostile/, text dumps from fixtures/*.txt; see
 * src/batch/mutate.ts), writes it to a temp file and extracts it in the same worker pool `fdr extract` uses
 * (child processes, so a crash or an out-of-memory abort is caught). A case passes when the outcome is a
 * document that validates against the schema, or a typed error other than INTERNAL; it fails on INTERNAL (an
 * exception fdr did not expect, or a crashed worker), on TIMEOUT (a hang) and on a memory blow-up. Failing
 * inputs are kept in --keep (default /tmp/fdr-fuzz-failures) with a .txt saying how to replay them.
 * The long (200-page) PDF is left out unless --long: mutating it costs seconds per case.
 * Exit code: 0 when every case passed, 1 otherwise.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const DIST = join(ROOT, 'dist');

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    timeout: { type: 'string', default: '20' },
    'max-memory': { type: 'string', default: '1024' },
    long: { type: 'boolean', default: false },
    keep: { type: 'string', default: join(tmpdir(), 'fdr-fuzz-failures') },
    quiet: { type: 'boolean', default: false },
  },
});

const { WorkerPool } = await import(join(DIST, 'batch/pool.js'));
const { mutate, caseSeed } = await import(join(DIST, 'batch/mutate.js'));
const { ExtractedDocument } = await import(join(DIST, 'model/index.js'));

function corpus() {
  const fixtures = join(ROOT, 'fixtures');
  const files = [];
  const add = (dir) => {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir).sort()) {
      const path = join(dir, f);
      if (!statSync(path).isFile() || statSync(path).size === 0) continue;
      if (!/\.(pdf|txt|md)$/i.test(f)) continue;
      if (!args.long && f.startsWith('long-roadmap')) continue;
      const bytes = new Uint8Array(readFileSync(path));
      const kind = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-') ? 'pdf' : 'text';
      files.push({ name: f, path, bytes, kind });
    }
  };
  add(fixtures);
  add(join(fixtures, 'hostile'));
  return files;
}

/** What an outcome says about fdr: fine (a document, or an error it meant to give), or a bug to look at. */
function classify(outcome) {
  if (outcome.ok) {
    const doc = JSON.parse(outcome.result.text);
    const check = ExtractedDocument.safeParse(doc);
    return check.success ? { label: `ok:${doc.kind}`, bad: false } : { label: 'INVALID_OUTPUT', bad: true, detail: check.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  }
  const { code, message } = outcome.error;
  if (code === 'INTERNAL') return { label: 'INTERNAL', bad: true, detail: message };
  if (code === 'TIMEOUT') return { label: 'TIMEOUT (hang)', bad: true, detail: message };
  if (code === 'LIMIT_EXCEEDED' && /of memory/.test(message)) return { label: 'LIMIT_EXCEEDED (memory)', bad: true, detail: message };
  return { label: code, bad: false };
}

async function main() {
  const cases = Number(args.cases);
  const seed = Number(args.seed);
  const jobs = Math.max(1, Number(args.jobs));
  const files = corpus();
  if (!files.length) throw new Error('no fixtures found (run npm run fixtures?)');
  const work = mkdtempSync(join(tmpdir(), 'fdr-fuzz-'));
  mkdirSync(args.keep, { recursive: true });
  const pool = new WorkerPool({
    size: jobs,
    script: new URL(`file://${join(DIST, 'batch/worker.js')}`),
    isolation: 'process',
    timeoutMs: Number(args.timeout) * 1000,
    maxMemoryMb: Number(args['max-memory']),
  });

  const counts = new Map();
  const failures = [];
  const byKind = { pdf: 0, text: 0 };
  let slowest = { ms: 0, name: '' };
  let done = 0;
  const t0 = performance.now();

  const runCase = async (i) => {
    const s = caseSeed(seed, i);
    const base = files[s % files.length];
    const other = files[(s >>> 8) % files.length];
    const { bytes, steps } = mutate(s, base.bytes, other.bytes, base.kind);
    byKind[base.kind]++;
    // Mostly keep the extension; sometimes lie about it, as users' files do.
    const ext = (s >>> 16) % 10 === 0 ? (base.kind === 'pdf' ? '.txt' : '.pdf') : extname(base.name);
    const file = join(work, `case-${i}${ext}`);
    writeFileSync(file, bytes);
    const outcome = await pool.run(
      // OCR off: the parsers are under test, and a page that lost its text would cost seconds of OCR.
      { input: file, extract: { kind: 'auto', ocr: 'off', verbose: false }, output: { mode: 'serialized', format: 'json', csv: {} } },
      { file },
    );
    const verdict = classify(outcome);
    counts.set(verdict.label, (counts.get(verdict.label) ?? 0) + 1);
    if (outcome.ms > slowest.ms) slowest = { ms: outcome.ms, name: `case ${i} (${base.name}: ${steps.join('+')})` };
    if (verdict.bad) {
      const kept = join(args.keep, `seed${seed}-case${i}${ext}`);
      copyFileSync(file, kept);
      const note = [
        `fdr fuzz failure: ${verdict.label}`,
        `case ${i} of seed ${seed}: ${base.name} mutated by ${steps.join(' + ')}${other.name !== base.name && steps.includes('splice') ? ` (spliced with ${other.name})` : ''}`,
        `detail: ${verdict.detail}`,
        `replay: node bin/fdr.js --verbose extract ${kept} -f json`,
        outcome.ok ? '' : `stack:\n${outcome.error.cause?.stack ?? ''}`,
      ].join('\n');
      writeFileSync(`${kept}.txt`, `${note}\n`);
      failures.push({ i, label: verdict.label, kept, detail: verdict.detail });
      if (!args.quiet) process.stderr.write(`\nFAIL ${verdict.label}: ${kept} — ${verdict.detail}\n`);
    }
    rmSync(file, { force: true });
    done++;
    if (!args.quiet && process.stderr.isTTY && done % 10 === 0)
      process.stderr.write(`\r${done}/${cases} cases, ${failures.length} failing, ${(done / ((performance.now() - t0) / 1000)).toFixed(1)} cases/s\x1b[K`);
  };

  // Feed the pool a few cases ahead of the free workers, not all 10 000 files at once.
  let next = 0;
  const lanes = Array.from({ length: jobs * 2 }, async () => {
    while (next < cases) await runCase(next++);
  });
  await Promise.all(lanes);
  await pool.close();
  rmSync(work, { recursive: true, force: true });
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');

  const seconds = (performance.now() - t0) / 1000;
  const rows = [...counts].sort((a, b) => b[1] - a[1]);
  console.log(`fdr fuzz: ${cases} cases (${byKind.pdf} PDF, ${byKind.text} text) from ${files.length} fixtures, seed ${seed}, ${jobs} workers, ${seconds.toFixed(1)} s (${(cases / seconds).toFixed(1)} cases/s)`);
  console.log('');
  console.log('| outcome | cases |');
  console.log('|---|---:|');
  for (const [label, n] of rows) console.log(`| ${label} | ${n} |`);
  console.log('');
  console.log(`slowest case: ${(slowest.ms / 1000).toFixed(2)} s — ${slowest.name}`);
  if (failures.length) {
    console.log(`\n${failures.length} failing cases kept in ${args.keep}:`);
    for (const f of failures.slice(0, 50)) console.log(`  ${f.label}: ${basename(f.kept)} — ${f.detail}`);
    process.exitCode = 1;
  } else {
    console.log('no failing case');
  }
}

main().catch((e) => {
  console.error(`fuzz: ${e.stack ?? e}`);
  process.exit(2);
});
