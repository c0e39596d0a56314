#!/usr/bin/env node
/**
 * Benchmark of `fdr extract` (npm run bench; not a test).
 *
 *   node scripts/bench.mjs [--runs 5] [--batch-runs 3] [--quick]
 *
 * For each fixture PDF: wall time per page and peak memory of the CLI, next to
 *   - the floor: pdf.js getTextContent alone over the same pages, loaded and opened by fdr's own functions,
 *     in a fresh Node process started with the options fdr gives its extraction worker;
 *   - pdftotext -layout (poppler-utils, installed with apt-get when missing) as the outside reference.
 * Median of --runs runs after one warm-up. Then: a batch of 20 PDFs with --jobs 2 vs --jobs 1, peak memory on
 * the long (≥ 200-page) PDF, process vs thread isolation, and `fdr --version` / `fdr --help` start-up time.
 * Prints a markdown table and writes it to bench/results.md.
 *
 * Memory is measured two ways: "peak RSS" is the largest resident set of any one process (what /usr/bin/time
 * reports), "tree peak" samples /proc every 20 ms and sums the CLI and its worker processes.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const BIN = join(ROOT, 'bin/fdr.js');
const FIXTURES = join(ROOT, 'fixtures');

// --- floor mode: `node scripts/bench.mjs --floor FILE` is the pdf.js-only baseline, run as its own process ---
// pdf.js is loaded and opened by fdr's own functions (same build, options and lean loading as fdr's workers),
// then asked for the text of every page: what fdr cannot do without.
if (process.argv[2] === '--floor') {
  const file = process.argv[3];
  const { loadPdfjs, openPdfjsDocument, useLeanPdfjs } = await import('../dist/sources/pdf/document.js');
  useLeanPdfjs();
  const pdfjs = await loadPdfjs();
  const doc = await openPdfjsDocument(pdfjs, new Uint8Array(readFileSync(file))).promise;
  let items = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    items += (await page.getTextContent()).items.length;
    page.cleanup();
  }
  await doc.destroy();
  process.stdout.write(`${doc.numPages} ${items}\n`);
  process.exit(0);
}

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'batch-runs': { type: 'string', default: '3' },
    quick: { type: 'boolean', default: false },
  },
});
const RUNS = args.quick ? 2 : Number(args.runs);
const BATCH_RUNS = args.quick ? 1 : Number(args['batch-runs']);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const mb = (kb) => kb / 1024;
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

function ensurePdftotext() {
  if (spawnSync('pdftotext', ['-v']).error === undefined) return true;
  console.error('bench: pdftotext missing, installing poppler-utils with apt-get…');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (cmd) => spawnSync(sudo.length ? 'sudo' : cmd[0], sudo.length ? cmd : cmd.slice(1), { stdio: 'inherit' });
  run(['apt-get', 'update']);
  run(['apt-get', 'install', '-y', 'poppler-utils']);
  return spawnSync('pdftotext', ['-v']).error === undefined;
}

/** Direct and indirect children of a process (Linux /proc). */
function descendants(pid) {
  const out = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    let kids = [];
    try {
      kids = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      // gone, or no /proc: nothing to add
    }
    out.push(...kids);
    stack.push(...kids);
  }
  return out;
}

function rssKb(pid) {
  try {
    return Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * Runs a command; returns wall seconds, the largest single-process peak RSS (from GNU time when present) and,
 * with `sampleTree`, the peak of the summed RSS of the process tree.
 */
async function measure(cmd, cmdArgs, { sampleTree = false } = {}) {
  const haveTime = existsSync('/usr/bin/time');
  const timeFile = join(tmpdir(), `fdr-bench-time-${process.pid}`);
  const [file, argv] = haveTime ? ['/usr/bin/time', ['-f', '%M %U %S', '-o', timeFile, cmd, ...cmdArgs]] : [cmd, cmdArgs];
  const t0 = performance.now();
  const child = spawn(file, argv, { stdio: ['ignore', 'ignore', 'pipe'], cwd: ROOT });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let treePeak = 0;
  const timer = sampleTree
    ? setInterval(() => {
        const pids = [child.pid, ...descendants(child.pid)];
        const sum = pids.reduce((s, p) => s + rssKb(p), 0) - (haveTime ? rssKb(child.pid) : 0); // not /usr/bin/time itself
        treePeak = Math.max(treePeak, sum);
      }, 20)
    : undefined;
  const code = await new Promise((r) => child.on('exit', (c) => r(c)));
  const seconds = (performance.now() - t0) / 1000;
  if (timer) clearInterval(timer);
  if (code !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} exited ${code}: ${stderr.slice(-500)}`);
  // GNU time: peak RSS of the largest process (KB), then user and system CPU seconds of the whole tree.
  const [peakKb, user, system] = haveTime ? readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  return { seconds, peakKb, cpu: (user + system) / seconds, treePeakKb: sampleTree ? treePeak : NaN };
}

async function repeat(n, fn) {
  await fn(); // warm-up: file cache, JIT-free but disk-warm
  const results = [];
  for (let i = 0; i < n; i++) results.push(await fn());
  return results;
}

function pagesOf(pdf) {
  const out = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
}

async function main() {
  if (!existsSync(join(ROOT, 'dist/cli/index.js'))) throw new Error('build first: npm run build');
  if (!ensurePdftotext()) throw new Error('pdftotext is not available and could not be installed');
  const pdfs = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => join(FIXTURES, f));
  if (!pdfs.length) throw new Error('no fixture PDFs: npm run fixtures');
  const long = pdfs.find((p) => basename(p).startsWith('long-roadmap'));
  const node = process.execPath;
  // The floor runs with the Node options fdr gives the worker that extracts a single file (heap, nursery, V8
  // helper threads), so that both sides get the same runtime.
  const { workerExecArgv, helperThreadsFor } = await import('../dist/batch/pool.js');
  const { DEFAULT_MAX_MEMORY_MB } = await import('../dist/cli/extract.js');
  const floorArgv = [...workerExecArgv({ helperThreads: helperThreadsFor(1, availableParallelism()), maxMemoryMb: DEFAULT_MAX_MEMORY_MB }), new URL(import.meta.url).pathname, '--floor'];
  const lines = [];
  const say = (s = '') => {
    lines.push(s);
    console.log(s);
  };

  const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU';
  const poppler = (spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).stderr.split('\n')[0] ?? '').trim();
  const pdfjsVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/pdfjs-dist/package.json'), 'utf8')).version;
  say(`Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpu}, Node ${process.version}, pdf.js ${pdfjsVersion}, ${poppler}; median of ${RUNS} runs after a warm-up; each figure includes process start-up.`);
  say('');
  say('| PDF | pages | fdr s | fdr ms/page | floor s | pdftotext s | fdr / floor | fdr / pdftotext | fdr peak RSS MB | tree peak MB |');
  say('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');

  const ratios = [];
  const timings = new Map();
  for (const pdf of pdfs) {
    const pages = pagesOf(pdf);
    const fdr = await repeat(RUNS, () => measure(node, [BIN, 'extract', pdf, '-f', 'json', '--jobs', '1']));
    const floor = await repeat(RUNS, () => measure(node, [...floorArgv, pdf]));
    const ptt = await repeat(RUNS, () => measure('pdftotext', ['-layout', pdf, '/dev/null']));
    const tree = await measure(node, [BIN, 'extract', pdf, '-f', 'json', '--jobs', '1'], { sampleTree: true });
    const f = median(fdr.map((r) => r.seconds));
    const fl = median(floor.map((r) => r.seconds));
    const p = median(ptt.map((r) => r.seconds));
    ratios.push({ pdf: basename(pdf), ratio: f / fl });
    timings.set(pdf, { fdr: f, floor: fl, pages });
    say(
      `| ${basename(pdf)} | ${pages} | ${fmt(f, 2)} | ${fmt((f / pages) * 1000, 1)} | ${fmt(fl, 2)} | ${fmt(p, 3)} | ${fmt(f / fl, 2)}× | ${fmt(f / p, 0)}× | ${fmt(mb(median(fdr.map((r) => r.peakKb))), 0)} | ${fmt(mb(tree.treePeakKb), 0)} |`,
    );
  }

  // Cost per page without start-up: the long PDF against its own first pages (pdfseparate + pdfunite).
  say('');
  let marginal;
  if (long) {
    const headPages = 20;
    const dir = mkdtempSync(join(tmpdir(), 'fdr-bench-head-'));
    execFileSync('pdfseparate', ['-f', '1', '-l', String(headPages), long, join(dir, 'p%d.pdf')]);
    const head = join(dir, `head-${headPages}.pdf`);
    execFileSync('pdfunite', [...Array.from({ length: headPages }, (_, i) => join(dir, `p${i + 1}.pdf`)), head]);
    const fdrHead = median((await repeat(RUNS, () => measure(node, [BIN, 'extract', head, '-f', 'json', '--jobs', '1']))).map((r) => r.seconds));
    const floorHead = median((await repeat(RUNS, () => measure(node, [...floorArgv, head]))).map((r) => r.seconds));
    rmSync(dir, { recursive: true, force: true });
    const full = timings.get(long);
    const extra = full.pages - headPages;
    marginal = { fdr: ((full.fdr - fdrHead) / extra) * 1000, floor: ((full.floor - floorHead) / extra) * 1000 };
    say(`Cost per page with start-up taken out: ${basename(long)} (${full.pages} pages) minus its first ${headPages} pages, over the ${extra} pages between:`);
    say('');
    say('| | first 20 pages s | all pages s | ms per further page |');
    say('|---|---:|---:|---:|');
    say(`| fdr | ${fmt(fdrHead, 2)} | ${fmt(full.fdr, 2)} | ${fmt(marginal.fdr, 2)} |`);
    say(`| floor | ${fmt(floorHead, 2)} | ${fmt(full.floor, 2)} | ${fmt(marginal.floor, 2)} |`);
    say(`| fdr / floor | | | ${fmt(marginal.fdr / marginal.floor, 2)}× |`);
    say('');
  }

  // Isolation: the same long PDF with threads instead of child processes.
  if (long) {
    say(`Long PDF (${basename(long)}, ${pagesOf(long)} pages), by worker isolation:`);
    say('');
    say('| isolation | wall s | peak RSS MB (largest process) | tree peak MB (all processes) |');
    say('|---|---:|---:|---:|');
    for (const isolation of ['process', 'thread']) {
      const runs = await repeat(RUNS, () => measure(node, [BIN, 'extract', long, '-f', 'json', '--isolation', isolation]));
      const tree = await measure(node, [BIN, 'extract', long, '-f', 'json', '--isolation', isolation], { sampleTree: true });
      say(`| ${isolation} | ${fmt(median(runs.map((r) => r.seconds)), 2)} | ${fmt(mb(median(runs.map((r) => r.peakKb))), 0)} | ${fmt(mb(tree.treePeakKb), 0)} |`);
    }
    say('');
  }

  // Batch: 20 PDFs (symlinks to the fixtures other than the long one), --jobs 2 vs --jobs 1.
  const small = pdfs.filter((p) => p !== long);
  const dir = mkdtempSync(join(tmpdir(), 'fdr-bench-batch-'));
  for (let i = 0; i < 20; i++) symlinkSync(small[i % small.length], join(dir, `doc-${String(i).padStart(2, '0')}.pdf`));
  const batchPages = readdirSync(dir).reduce((s, f) => s + pagesOf(join(dir, f)), 0);
  say(`Batch of 20 PDFs (${batchPages} pages, symlinks to the ${small.length} smaller fixtures), median of ${BATCH_RUNS}:`);
  say('');
  say('| run | wall s | pages/s | CPU (cores busy) | speed-up |');
  say('|---|---:|---:|---:|---:|');
  const batchRow = async (label, extra) => {
    const out = join(dir, 'out');
    const runs = await repeat(BATCH_RUNS, async () => {
      rmSync(out, { recursive: true, force: true });
      return measure(node, [BIN, 'extract', dir, '-o', out, ...extra]);
    });
    return { label, seconds: median(runs.map((r) => r.seconds)), cpu: median(runs.map((r) => r.cpu)) };
  };
  const one = await batchRow('--jobs 1', ['--jobs', '1']);
  const two = await batchRow('--jobs 2', ['--jobs', '2']);
  const twoThreads = await batchRow('--jobs 2 --isolation thread', ['--jobs', '2', '--isolation', 'thread']);
  for (const r of [one, two, twoThreads])
    say(`| \`${r.label}\` | ${fmt(r.seconds, 2)} | ${fmt(batchPages / r.seconds, 0)} | ${fmt(r.cpu * 100, 0)} % | ${fmt(one.seconds / r.seconds, 2)}× |`);
  rmSync(dir, { recursive: true, force: true });
  say('');

  // Start-up.
  const startup = async (argv) => median((await repeat(10, () => measure(node, [BIN, ...argv]))).map((r) => r.seconds * 1000));
  const version = await startup(['--version']);
  const help = await startup(['--help']);
  const bare = median((await repeat(10, () => measure(node, ['-e', '0']))).map((r) => r.seconds * 1000));
  say('| start-up | ms (median of 10) |');
  say('|---|---:|');
  say(`| \`node -e 0\` (Node itself) | ${fmt(bare, 0)} |`);
  say(`| \`fdr --version\` | ${fmt(version, 0)} |`);
  say(`| \`fdr --help\` | ${fmt(help, 0)} |`);
  say('');

  const targets = [];
  const worst = ratios.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const best = ratios.reduce((a, b) => (b.ratio < a.ratio ? b : a));
  targets.push([
    'fdr ≤ 1.5 × floor per page, whole runs (start-up included)',
    `${fmt(best.ratio, 2)}× (${best.pdf}) to ${fmt(worst.ratio, 2)}× (${worst.pdf}); ${ratios.filter((r) => r.ratio <= 1.5).length} of ${ratios.length} PDFs within`,
    worst.ratio <= 1.5,
  ]);
  if (marginal)
    targets.push(['fdr ≤ 1.5 × floor per page, start-up taken out (long PDF)', `${fmt(marginal.fdr / marginal.floor, 2)}×`, marginal.fdr / marginal.floor <= 1.5]);
  if (long) {
    const longTree = await measure(node, [BIN, 'extract', long, '-f', 'json'], { sampleTree: true });
    const longMax = await measure(node, [BIN, 'extract', long, '-f', 'json']);
    targets.push([`peak RSS on ${basename(long)} ≤ 200 MB (largest process, as /usr/bin/time reports)`, `${fmt(mb(longMax.peakKb), 0)} MB`, mb(longMax.peakKb) <= 200]);
    targets.push([`peak RSS on ${basename(long)} ≤ 200 MB (CLI + worker processes together)`, `${fmt(mb(longTree.treePeakKb), 0)} MB`, mb(longTree.treePeakKb) <= 200]);
  }
  targets.push(['batch speed-up --jobs 2 vs 1 ≥ 1.7×', `${fmt(one.seconds / two.seconds, 2)}×`, one.seconds / two.seconds >= 1.7]);
  targets.push(['fdr --version ≤ 150 ms', `${fmt(version, 0)} ms`, version <= 150]);
  targets.push(['fdr --help ≤ 150 ms', `${fmt(help, 0)} ms`, help <= 150]);
  say('| target | measured | met |');
  say('|---|---|---|');
  for (const [t, m, ok] of targets) say(`| ${t} | ${m} | ${ok ? 'yes' : '**no**'} |`);

  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results.md'), `# fdr benchmark\n\nGenerated by \`npm run bench\` (scripts/bench.mjs).\n\n${lines.join('\n')}\n`);
  console.log('\nwritten to bench/results.md');
}

main().catch((e) => {
  console.error(`bench: ${e.stack ?? e}`);
  process.exit(1);
});
