import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, fdr, tempDir } from '../helpers/cli.js';

const CALVADOS = join(FIXTURES, 'calvados-2024.txt');
const LE_HAVRE = join(FIXTURES, 'le-havre-2024.txt');
const LONG_PDF = join(FIXTURES, 'long-roadmap.territorial.pdf');
const PDFS = ['le-havre-2024.territorial.pdf', 'calvados-2024.departmental.pdf', 'normandie-restitution-2022.pdf'].map((f) => join(FIXTURES, f));

/** A folder of copies of the text fixtures, some sharing a base name in different sub-folders. */
function corpus(): string {
  const dir = tempDir('fdr-batch-in-');
  mkdirSync(join(dir, '2023'));
  mkdirSync(join(dir, '2024'));
  copyFileSync(CALVADOS, join(dir, '2023', 'calvados.txt'));
  copyFileSync(CALVADOS, join(dir, '2024', 'calvados.txt'));
  copyFileSync(LE_HAVRE, join(dir, 'le-havre.txt'));
  writeFileSync(join(dir, 'notes.json'), '{}'); // not a document: folders skip it
  return dir;
}

const stderrLines = (stderr: string) => stderr.split('\n').filter(Boolean);

describe('fdr extract on several inputs', () => {
  it('-o DIR writes one valid output per input; same base names do not overwrite each other', () => {
    const input = corpus();
    const out = join(tempDir('fdr-batch-out-'), 'nested', 'out'); // created on demand
    const r = fdr(['extract', input, '-o', out, '--jobs', '2']);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['2023_calvados.txt.json', '2024_calvados.txt.json', 'le-havre.json']);
    for (const f of readdirSync(out)) expect(JSON.parse(readFileSync(join(out, f), 'utf8')).kind).toBe('roadmap');
    expect(JSON.parse(readFileSync(join(out, 'le-havre.json'), 'utf8')).territory).toMatch(/Havre/);
    // stderr is not a terminal here: no progress bar, just the summary line.
    expect(r.stderr).not.toMatch(/\r|\x1b\[/);
    expect(stderrLines(r.stderr)).toEqual([expect.stringMatching(/^fdr: 3 of 3 files extracted in \d+\.\d s$/)]);
  });

  it('--format jsonl streams one document per line, in input order whatever finishes first', () => {
    // The big file first: with two workers the small one finishes before it, and must still come second.
    const dir = tempDir('fdr-batch-order-');
    const big = join(dir, 'big.txt');
    writeFileSync(big, readFileSync(CALVADOS, 'utf8').repeat(30));
    const r = fdr(['extract', big, LE_HAVRE, CALVADOS, '--format', 'jsonl', '--jobs', '2']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(3);
    const docs = lines.map((l) => JSON.parse(l));
    expect(docs.map((d) => d.source.file)).toEqual(['big.txt', 'le-havre-2024.txt', 'calvados-2024.txt']);
  });

  it('expands a glob the shell left quoted, ** included', () => {
    const input = corpus();
    const r = fdr(['extract', `${input}/**/*.txt`, '-f', 'jsonl']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('several inputs to stdout as json make one array; as csv one table with one header', () => {
    const json = fdr(['extract', CALVADOS, LE_HAVRE]);
    expect(json.status, json.stderr).toBe(0);
    const docs = JSON.parse(json.stdout);
    expect(docs.map((d: { territory: string }) => d.territory)).toEqual(['Calvados', expect.stringMatching(/Havre/)]);
    const csv = fdr(['extract', CALVADOS, LE_HAVRE, '-f', 'csv']);
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stdout.match(/^territory,/gm)).toHaveLength(1);
    expect(csv.stdout).toMatch(/^Calvados,/m);
    expect(csv.stdout).toMatch(/^[^,\n]*Havre[^,\n]*,/m);
  });

  it('one bad file does not stop the batch: the others are written, failures listed at the end, exit 12', () => {
    const input = corpus();
    writeFileSync(join(input, 'empty.txt'), '');
    writeFileSync(join(input, 'fake.pdf'), 'this is not a PDF at all');
    const out = tempDir('fdr-batch-out-');
    const r = fdr(['extract', input, join(input, 'missing.pdf'), '-o', out]);
    expect(r.status).toBe(12);
    expect(readdirSync(out).sort()).toEqual(['2023_calvados.txt.json', '2024_calvados.txt.json', 'le-havre.json']);
    const lines = stderrLines(r.stderr);
    expect(lines).toEqual([
      expect.stringMatching(/^fdr: .*empty\.txt: file is empty — .* \[EMPTY_FILE\]$/),
      expect.stringMatching(/^fdr: .*fake\.pdf: not a PDF file .*\[NOT_PDF\]$/),
      expect.stringMatching(/^fdr: .*missing\.pdf: no such file or folder — check the path \[FILE_NOT_FOUND\]$/),
      expect.stringMatching(/^fdr: 3 of 6 files extracted in \d+\.\d s; 3 failed \(listed above\) \[BATCH_PARTIAL\]$/),
    ]);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses to overwrite outputs without --force, file by file, and overwrites with it', () => {
    const input = corpus();
    const out = tempDir('fdr-batch-out-');
    writeFileSync(join(out, 'le-havre.json'), 'keep me');
    const r = fdr(['extract', input, '-o', out]);
    expect(r.status).toBe(12);
    expect(readFileSync(join(out, 'le-havre.json'), 'utf8')).toBe('keep me');
    expect(existsSync(join(out, '2023_calvados.txt.json'))).toBe(true);
    expect(stderrLines(r.stderr)[0]).toMatch(/le-havre\.json: output file already exists — pass --force to overwrite it \[OUTPUT_EXISTS\]$/);
    const forced = fdr(['extract', input, '-o', out, '--force']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'le-havre.json'), 'utf8')).kind).toBe('roadmap');
  });

  it('stops quietly when the reader of stdout goes away (| head)', () => {
    const big = join(tempDir(), 'big.txt');
    writeFileSync(big, readFileSync(CALVADOS, 'utf8').repeat(20)); // ~1 MB of JSON: far more than a pipe holds
    const r = spawnSync('bash', ['-c', 'set -o pipefail; "$0" "$1" extract "$2" "$3" -f jsonl | head -c 10 >/dev/null', process.execPath, join(ROOT, 'bin/fdr.js'), big, CALVADOS], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('-o must be a folder with several inputs', () => {
    const file = join(tempDir(), 'out.json');
    writeFileSync(file, '');
    const r = fdr(['extract', CALVADOS, LE_HAVRE, '-o', file]);
    expect(r.status).toBe(2);
    expect(stderrLines(r.stderr)).toEqual([expect.stringMatching(/^fdr: .*out\.json: -o must be a folder when extracting several inputs — .* \[USAGE\]$/)]);
  });

  it('a single input with -o naming an existing folder writes <folder>/<name>.<format>', () => {
    const out = tempDir('fdr-batch-out-');
    const r = fdr(['extract', CALVADOS, '-o', out, '-f', 'yaml']);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(['calvados-2024.yaml']);
  });

  it('--jobs 1 applies the same time limit as the pool', () => {
    const dir = tempDir('fdr-batch-slow-');
    const big = join(dir, 'big.txt');
    writeFileSync(big, readFileSync(CALVADOS, 'utf8').repeat(200));
    const r = fdr(['extract', big, CALVADOS, '--jobs', '1', '--timeout', '0.001', '-f', 'jsonl']);
    expect(r.status).toBe(12);
    expect(stderrLines(r.stderr)).toContainEqual(expect.stringMatching(/big\.txt: extraction took longer than 1\.0 ms and was stopped — raise --timeout, or check the file \[TIMEOUT\]$/));
  });

  it.runIf(existsSync(LONG_PDF))('a file past --timeout is stopped and the batch goes on with the others', () => {
    const r = fdr(['extract', LONG_PDF, CALVADOS, '--timeout', '1', '--jobs', '1', '-f', 'jsonl']);
    expect(r.status).toBe(12);
    expect(JSON.parse(r.stdout.trim()).territory).toBe('Calvados');
    expect(stderrLines(r.stderr)).toEqual([
      expect.stringMatching(/long-roadmap\.territorial\.pdf: extraction took longer than 1\.0 s and was stopped .*\[TIMEOUT\]$/),
      expect.stringMatching(/^fdr: 1 of 2 files extracted .*\[BATCH_PARTIAL\]$/),
    ]);
  });

  it('a file that blows the memory limit is stopped and the batch goes on with the others', () => {
    const dir = tempDir('fdr-batch-mem-');
    const big = join(dir, 'huge.txt');
    writeFileSync(big, readFileSync(CALVADOS, 'utf8').repeat(1500)); // ~65 MB of text: far more heap than 64 MB
    // Process isolation (the default): with threads, V8 may abort the whole process on an allocation this big.
    const r = fdr(['extract', big, CALVADOS, '--max-memory', '64', '--jobs', '1', '-f', 'jsonl']);
    expect(r.status, r.stderr).toBe(12);
    expect(JSON.parse(r.stdout.trim()).territory).toBe('Calvados');
    expect(stderrLines(r.stderr)[0]).toMatch(/huge\.txt: extraction needed more than 64 MB of memory and was stopped — raise --max-memory, or split the document \[LIMIT_EXCEEDED\]$/);
  });

  it.runIf(PDFS.every((f) => existsSync(f)))('extracts PDFs and text in one batch, pages counted in the summary', () => {
    const out = tempDir('fdr-batch-out-');
    const r = fdr(['extract', ...PDFS, CALVADOS, '-o', out, '--jobs', '2']);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out)).toHaveLength(PDFS.length + 1);
    expect(stderrLines(r.stderr).at(-1)).toMatch(/^fdr: 4 of 4 files extracted, \d+ PDF pages in \d+\.\d s$/);
  });
});

describe('interrupting a batch', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    it(`${signal} stops the workers and leaves only complete outputs, no temp file`, async () => {
      const input = tempDir('fdr-batch-sig-in-');
      const text = readFileSync(CALVADOS, 'utf8').repeat(4);
      for (let i = 0; i < 60; i++) writeFileSync(join(input, `doc-${String(i).padStart(2, '0')}.txt`), text);
      const out = tempDir('fdr-batch-sig-out-');
      const child = spawn(process.execPath, [join(ROOT, 'bin/fdr.js'), 'extract', input, '-o', out, '--jobs', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));

      const deadline = Date.now() + 60_000;
      while (!readdirSync(out).some((f) => f.endsWith('.json')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      const workers = pgrepChildren(child.pid!);
      child.kill(signal);
      const { code } = await exited;

      expect(code).toBe(130);
      expect(stderr.trim().split('\n').at(-1)).toBe(`fdr: interrupted by ${signal}; no partial output left [INTERRUPTED]`);
      const files = readdirSync(out);
      expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(files.length).toBeGreaterThan(0);
      expect(files.length).toBeLessThan(60); // it did stop
      for (const f of files) expect(JSON.parse(readFileSync(join(out, f), 'utf8')).kind).toBe('roadmap');
      // No worker left behind: the worker processes seen running before the signal are gone.
      if (existsSync('/proc')) expect(workers.length).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 300));
      expect(workers.filter((pid) => existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z '))).toEqual([]);
    });
});

/** Processes whose parent is `pid` (Linux /proc), to check no worker process outlived the CLI. */
function pgrepChildren(pid: number): number[] {
  if (!existsSync('/proc')) return [];
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}
