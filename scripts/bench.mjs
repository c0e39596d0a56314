#!/usr/bin/env node
/**
 * Benchmark of fdr (npm run bench; not a test).
 *
 *   node scripts/bench.mjs [--runs 7] [--batch-runs 3] [--quick] [--no-batch]
 *
 * Side by side, in ONE run whose commands are interleaved round by round (so that a load change on a shared
 * machine hits every command alike), whole processes, start-up included:
 *   - `node -e 0` (Node itself) and `pdftotext -layout` (poppler-utils, installed with apt-get when missing);
 *   - the pdf.js floor: getDocument + getTextContent over every page and nothing else, pdf.js loaded and
 *     opened by fdr's own functions (same build, lean loading and getDocument options), in a fresh `node`
 *     process started like fdr's; for two files, both read by one process (one start-up, the stricter floor);
 *   - `fdr extract`, `fdr check` on each roadmap fixture of 30–45 pages and on the 202-page one, and
 *     `fdr diff` of each 2024 roadmap against its 2025 edition.
 * Each figure is the median of --runs rounds after one warm-up round; a ratio is given two ways: of the medians,
 * and the median of the per-round ratios (each round's commands ran next to each other). Memory: peak resident
 * memory of the process tree (the CLI and any worker it starts, sampled from /proc every 20 ms). Then a batch of
 * 20 PDFs (--jobs 1 vs 2) and `fdr --version` / `--help`. Prints markdown and writes bench/results.md.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const BIN = join(ROOT, 'bin/fdr.js');
const FIXTURES = join(ROOT, 'fixtures');
const SELF = new URL(import.meta.url).pathname;

// --- floor mode: `node scripts/bench.mjs --floor FILE...` is the pdf.js-only baseline, run as its own process ---
// pdf.js is loaded and opened by fdr's own functions (same build, options and lean loading as fdr's page
// reader), then asked for the text of every page of every file: what fdr cannot do without.
if (process.argv[2] === '--floor') {
  const { loadPdfjs, openPdfjsDocument, useLeanPdfjs } = await import('../dist/sources/pdf/document.js');
  useLeanPdfjs();
  const pdfjs = await loadPdfjs();
  for (const file of process.argv.slice(3)) {
    const doc = await openPdfjsDocument(pdfjs, new Uint8Array(readFileSync(file))).promise;
    let items = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      items += (await page.getTextContent()).items.length;
      page.cleanup();
    }
    await doc.destroy();
    process.stdout.write(`${doc.numPages} ${items}\n`);
  }
  process.exit(0);
}

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    'batch-runs': { type: 'string', default: '3' },
    quick: { type: 'boolean', default: false },
    'no-batch': { type: 'boolean', default: false },
    'no-ocr': { type: 'boolean', default: false },
  },
});
const RUNS = args.quick ? 2 : Number(args.runs);
const BATCH_RUNS = args.quick ? 1 : Number(args['batch-runs']);

const median = (xs) => {
  const s = [...xs].filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
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
  run(['apt-get', 'install', '-y', '--no-install-recommends', 'poppler-utils']);
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
 * Runs a command; returns wall seconds, CPU seconds (user + system, whole tree, from GNU time when present), and
 * the peak of the summed resident memory of the process tree. `ok` lists the exit codes that are not failures.
 */
async function measure(cmd, cmdArgs, { ok = [0] } = {}) {
  const haveTime = existsSync('/usr/bin/time');
  const timeFile = join(tmpdir(), `fdr-bench-time-${process.pid}`);
  const [file, argv] = haveTime ? ['/usr/bin/time', ['-f', '%M %U %S', '-o', timeFile, cmd, ...cmdArgs]] : [cmd, cmdArgs];
  const t0 = performance.now();
  const child = spawn(file, argv, { stdio: ['ignore', 'ignore', 'pipe'], cwd: ROOT });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let treePeak = 0;
  const timer = setInterval(() => {
    const pids = [child.pid, ...descendants(child.pid)];
    const sum = pids.reduce((s, p) => s + rssKb(p), 0) - (haveTime ? rssKb(child.pid) : 0); // not /usr/bin/time itself
    treePeak = Math.max(treePeak, sum);
  }, 20);
  const code = await new Promise((r) => child.on('exit', (c) => r(c)));
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  if (!ok.includes(code)) throw new Error(`${cmd} ${cmdArgs.join(' ')} exited ${code}: ${stderr.slice(-500)}`);
  const [peakKb, user, system] = haveTime ? readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  return { seconds, cpu: user + system, peakKb, treePeakKb: treePeak };
}

function pagesOf(pdf) {
  const out = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
}

/**
 * Runs every command of `cases` once per round, round after round (the first round is a warm-up), and returns
 * each command's measurements. A case is { key, cmd, args, ok? }.
 */
async function interleaved(cases, rounds) {
  const results = new Map(cases.map((c) => [c.key, []]));
  for (let round = 0; round <= rounds; round++) {
    process.stderr.write(`bench: round ${round}/${rounds}${round === 0 ? ' (warm-up)' : ''}\n`);
    for (const c of cases) {
      const r = await measure(c.cmd, c.args, { ok: c.ok });
      if (round > 0) results.get(c.key).push(r);
    }
  }
  return results;
}

/** Medians and ratios of two commands measured in the same rounds. */
function compare(results, key, baseKey) {
  const a = results.get(key);
  const b = results.get(baseKey);
  const wall = median(a.map((r) => r.seconds));
  const base = median(b.map((r) => r.seconds));
  return {
    wall,
    base,
    ratio: wall / base,
    pairedRatio: median(a.map((r, i) => r.seconds / b[i].seconds)),
    cpuRatio: median(a.map((r) => r.cpu)) / median(b.map((r) => r.cpu)),
    treePeakMb: mb(Math.max(...a.map((r) => r.treePeakKb))),
  };
}

async function main() {
  if (!existsSync(join(ROOT, 'dist/cli/index.js'))) throw new Error('build first: npm run build');
  if (!ensurePdftotext()) throw new Error('pdftotext is not available and could not be installed');
  const node = process.execPath;
  const lines = [];
  const say = (s = '') => {
    lines.push(s);
    console.log(s);
  };

  // The roadmap fixtures of 30–45 pages (the typical roadmap), the 202-page one, and the 2025 editions to diff.
  const candidates = [...readdirSync(FIXTURES).map((f) => join(FIXTURES, f)), ...readdirSync(join(FIXTURES, 'editions')).map((f) => join(FIXTURES, 'editions', f))]
    .filter((f) => f.endsWith('.territorial.pdf') || f.endsWith('.departmental.pdf'))
    .sort();
  const typical = candidates.filter((f) => {
    const n = pagesOf(f);
    return n >= 30 && n <= 45;
  });
  const long = candidates.find((f) => basename(f).startsWith('long-roadmap'));
  if (!typical.length) throw new Error('no roadmap fixture of 30–45 pages: npm run fixtures && npm run editions -- --pdf');
  const roadmaps = [...typical, ...(long ? [long] : [])];
  const pairs = typical
    .filter((f) => /-2024\./.test(basename(f)))
    .map((old) => [old, join(FIXTURES, 'editions', basename(old).replace('-2024.', '-2025.'))])
    .filter(([, next]) => existsSync(next));

  const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU';
  const poppler = (spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).stderr.split('\n')[0] ?? '').trim();
  const pdfjsVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/pdfjs-dist/package.json'), 'utf8')).version;
  const loadBefore = loadavg()[0];

  const cases = [{ key: 'node', cmd: node, args: ['-e', '0'] }];
  for (const pdf of roadmaps) {
    const name = basename(pdf);
    cases.push({ key: `floor ${name}`, cmd: node, args: [SELF, '--floor', pdf] });
    cases.push({ key: `pdftotext ${name}`, cmd: 'pdftotext', args: ['-layout', pdf, '/dev/null'] });
    cases.push({ key: `extract ${name}`, cmd: node, args: [BIN, 'extract', pdf] });
    cases.push({ key: `check ${name}`, cmd: node, args: [BIN, 'check', pdf], ok: [0, 1] });
  }
  for (const [a, b] of pairs) {
    const name = `${basename(a)} ${basename(b)}`;
    cases.push({ key: `floor2 ${name}`, cmd: node, args: [SELF, '--floor', a, b] });
    cases.push({ key: `diff ${name}`, cmd: node, args: [BIN, 'diff', a, b], ok: [0, 1] });
  }
  if (long) cases.push({ key: 'extract-process long', cmd: node, args: [BIN, 'extract', long, '--isolation', 'process'] });
  const results = await interleaved(cases, RUNS);
  const loadAfter = loadavg()[0];

  say(
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} × ${cpu}, Node ${process.version}, pdf.js ${pdfjsVersion}, ${poppler}; ` +
      `${RUNS} interleaved rounds after a warm-up round, medians; whole processes, start-up included; load average ${fmt(loadBefore, 1)} before, ${fmt(loadAfter, 1)} after.`,
  );
  say('');
  say('| PDF | pages | `node -e 0` s | `pdftotext -layout` s | pdf.js floor s | `fdr extract` s | extract / floor | (paired) | `fdr check` s | check / floor | (paired) | extract peak RSS, all processes |');
  say('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const nodeWall = median(results.get('node').map((r) => r.seconds));
  const extractRatios = [];
  for (const pdf of roadmaps) {
    const name = basename(pdf);
    const ex = compare(results, `extract ${name}`, `floor ${name}`);
    const ch = compare(results, `check ${name}`, `floor ${name}`);
    const ptt = median(results.get(`pdftotext ${name}`).map((r) => r.seconds));
    if (pdf !== long) extractRatios.push({ name, ...ex });
    say(
      `| ${name} | ${pagesOf(pdf)} | ${fmt(nodeWall, 3)} | ${fmt(ptt, 3)} | ${fmt(ex.base, 2)} | ${fmt(ex.wall, 2)} | ${fmt(ex.ratio, 2)}× | ${fmt(ex.pairedRatio, 2)}× | ${fmt(ch.wall, 2)} | ${fmt(ch.ratio, 2)}× | ${fmt(ch.pairedRatio, 2)}× | ${fmt(ex.treePeakMb, 0)} MB |`,
    );
  }
  say('');

  const diffRatios = [];
  if (pairs.length) {
    say('`fdr diff` of two PDFs against the floor of the two files read by one process:');
    say('');
    say('| old → new | pages | floor of both s | `fdr diff` s | diff / floor | (paired) | peak RSS, all processes |');
    say('|---|---:|---:|---:|---:|---:|---:|');
    for (const [a, b] of pairs) {
      const name = `${basename(a)} ${basename(b)}`;
      const d = compare(results, `diff ${name}`, `floor2 ${name}`);
      diffRatios.push({ name, ...d });
      say(`| ${basename(a)} → ${basename(b)} | ${pagesOf(a)} + ${pagesOf(b)} | ${fmt(d.base, 2)} | ${fmt(d.wall, 2)} | ${fmt(d.ratio, 2)}× | ${fmt(d.pairedRatio, 2)}× | ${fmt(d.treePeakMb, 0)} MB |`);
    }
    say('');
  }

  let longMemory;
  if (long) {
    const name = basename(long);
    const single = compare(results, `extract ${name}`, `floor ${name}`);
    const isolated = compare(results, 'extract-process long', `floor ${name}`);
    longMemory = { thread: single.treePeakMb, process: isolated.treePeakMb };
    say(`${name} (${pagesOf(long)} pages), by where its pages are read:`);
    say('');
    say('| `fdr extract` | wall s | / floor | peak RSS, all processes |');
    say('|---|---:|---:|---:|');
    say(`| default (page reader in a thread of the CLI process) | ${fmt(single.wall, 2)} | ${fmt(single.ratio, 2)}× | ${fmt(single.treePeakMb, 0)} MB |`);
    say(`| \`--isolation process\` (page reader in a child process) | ${fmt(isolated.wall, 2)} | ${fmt(isolated.ratio, 2)}× | ${fmt(isolated.treePeakMb, 0)} MB |`);
    say('');
  }

  // Batch: 20 PDFs (symlinks to the typical roadmaps), --jobs 2 vs --jobs 1.
  let batch;
  if (!args['no-batch']) {
    const dir = mkdtempSync(join(tmpdir(), 'fdr-bench-batch-'));
    for (let i = 0; i < 20; i++) symlinkSync(typical[i % typical.length], join(dir, `doc-${String(i).padStart(2, '0')}.pdf`));
    const batchPages = readdirSync(dir).reduce((s, f) => s + pagesOf(join(dir, f)), 0);
    const out = join(dir, 'out');
    const batchCase = (key, extra) => ({ key, cmd: 'sh', args: ['-c', `rm -rf "${out}" && exec "${node}" "${BIN}" extract "${dir}" -o "${out}" ${extra}`] });
    const b = await interleaved([batchCase('jobs1', '--jobs 1'), batchCase('jobs2', '--jobs 2')], BATCH_RUNS);
    rmSync(dir, { recursive: true, force: true });
    const one = median(b.get('jobs1').map((r) => r.seconds));
    const two = median(b.get('jobs2').map((r) => r.seconds));
    batch = { one, two };
    say(`Batch of 20 PDFs (${batchPages} pages, symlinks to the ${typical.length} typical roadmaps), ${BATCH_RUNS} interleaved rounds:`);
    say('');
    say('| run | wall s | pages/s | CPU (cores busy) | speed-up | peak RSS, all processes |');
    say('|---|---:|---:|---:|---:|---:|');
    for (const [label, key, s] of [['--jobs 1', 'jobs1', one], ['--jobs 2', 'jobs2', two]]) {
      const cpuBusy = median(b.get(key).map((r) => r.cpu / r.seconds));
      const peak = mb(Math.max(...b.get(key).map((r) => r.treePeakKb)));
      say(`| \`${label}\` | ${fmt(s, 2)} | ${fmt(batchPages / s, 0)} | ${fmt(cpuBusy * 100, 0)} % | ${fmt(one / s, 2)}× | ${fmt(peak, 0)} MB |`);
    }
    say('');
  }

  // OCR (issue 15): the committed image-only PDFs (fixtures/scanned/, scripts/make-scanned-fixtures.mjs). OCR
  // runs for seconds per page: one run each, no warm-up. `--no-ocr` skips it.
  const scanned = join(FIXTURES, 'scanned');
  if (!args['no-ocr'] && existsSync(scanned)) {
    const docs = ['normandie-restitution-2022.200dpi.pdf', 'calvados-2024.departmental.p5-6.200dpi-skewed.pdf'].map((f) => join(scanned, f)).filter((f) => existsSync(f));
    say('OCR of image-only PDFs (every page rendered at 300 dpi and read by tesseract.js), one run each:');
    say('');
    say('| run | pages | wall s | pages/min | CPU s per page | peak RSS MB (largest process) | tree peak MB |');
    say('|---|---:|---:|---:|---:|---:|---:|');
    const out = mkdtempSync(join(tmpdir(), 'fdr-bench-ocr-'));
    const row = async (label, inputs, extra) => {
      const pages = inputs.reduce((n, f) => n + pagesOf(f), 0);
      const r = await measure(node, [BIN, 'extract', ...inputs, '-o', inputs.length > 1 ? join(out, 'many') : join(out, 'one.json'), '--force', '--timeout', '0', ...extra]);
      say(`| ${label} | ${pages} | ${fmt(r.seconds, 1)} | ${fmt((pages / r.seconds) * 60, 1)} | ${fmt(r.cpu / pages, 1)} | ${fmt(mb(r.peakKb), 0)} | ${fmt(mb(r.treePeakKb), 0)} |`);
    };
    for (const doc of docs) await row(`\`${basename(doc)}\`, --jobs 1`, [doc], ['--jobs', '1']);
    if (docs.length > 1) await row('both files, --jobs 2', docs, ['--jobs', '2']);
    rmSync(out, { recursive: true, force: true });
    say('');
  }

  // Start-up.
  const startup = await interleaved(
    [
      { key: 'node', cmd: node, args: ['-e', '0'] },
      { key: 'version', cmd: node, args: [BIN, '--version'] },
      { key: 'help', cmd: node, args: [BIN, '--help'] },
    ],
    10,
  );
  const ms = (key) => median(startup.get(key).map((r) => r.seconds * 1000));
  say('| start-up | ms (median of 10) |');
  say('|---|---:|');
  say(`| \`node -e 0\` (Node itself) | ${fmt(ms('node'), 0)} |`);
  say(`| \`fdr --version\` | ${fmt(ms('version'), 0)} |`);
  say(`| \`fdr --help\` | ${fmt(ms('help'), 0)} |`);
  say('');

  const targets = [];
  for (const r of extractRatios) targets.push([`\`fdr extract\` ≤ 1.15 × floor, ${r.name}`, `${fmt(r.ratio, 2)}× (paired ${fmt(r.pairedRatio, 2)}×)`, r.ratio <= 1.15]);
  for (const r of diffRatios) targets.push([`\`fdr diff\` ≤ 1.2 × floor of both, ${r.name.replace(' ', ' → ')}`, `${fmt(r.ratio, 2)}× (paired ${fmt(r.pairedRatio, 2)}×)`, r.ratio <= 1.2]);
  if (longMemory) {
    targets.push([`peak RSS on ${basename(long)} ≤ 200 MB, all processes (default)`, `${fmt(longMemory.thread, 0)} MB`, longMemory.thread <= 200]);
    targets.push([`peak RSS on ${basename(long)} ≤ 200 MB, all processes (\`--isolation process\`)`, `${fmt(longMemory.process, 0)} MB`, longMemory.process <= 200]);
  }
  if (batch) targets.push(['batch speed-up --jobs 2 vs 1 ≥ 1.7×', `${fmt(batch.one / batch.two, 2)}×`, batch.one / batch.two >= 1.7]);
  targets.push(['fdr --version ≤ 150 ms', `${fmt(ms('version'), 0)} ms`, ms('version') <= 150]);
  targets.push(['fdr --help ≤ 150 ms', `${fmt(ms('help'), 0)} ms`, ms('help') <= 150]);
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
