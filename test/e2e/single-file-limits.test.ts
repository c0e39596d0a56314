/**
 * The single-file path (one PDF read in a page reader, laid out in the CLI process) keeps the batch's promises on
 * hostile files: a file that keeps pdf.js busy or makes it balloon is stopped by --timeout / --max-memory with its
 * one-line error and exit code, never a hang, a crash dump or a stack trace; nothing partial is written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CATALOG } from '../../src/errors/index.js';
import { FIXTURES, fdr, tempDir } from '../helpers/cli.js';

/** A one-page PDF whose content stream is `content` (FlateDecode), with Helvetica as /F1. */
function onePagePdf(content: Uint8Array): Buffer {
  const stream = deflateSync(content, { level: 9 });
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    null, // the content stream
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const bytes =
      body === null
        ? Buffer.concat([Buffer.from(`${i + 1} 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from('\nendstream\nendobj\n')])
        : Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`);
    parts.push(bytes);
    length += bytes.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** `text` repeated to `bytes` bytes. */
const repeated = (text: string, bytes: number) => Buffer.alloc(bytes, text);

const dir = tempDir('fdr-single-limits-');
const BALLOON = join(dir, 'balloon.pdf'); // 1 MB on disk, a 600 MB content stream once inflated
const BUSY = join(dir, 'busy.pdf'); // ~80 MB of path operators: seconds of pdf.js parsing, little memory
const CUT = join(dir, 'cut.pdf'); // a real roadmap cut in the middle

beforeAll(() => {
  writeFileSync(BALLOON, onePagePdf(repeated(' ', 600 * 1024 * 1024)));
  writeFileSync(BUSY, onePagePdf(repeated('0 0 m 1 1 l S q Q ', 80 * 1024 * 1024)));
  const roadmap = readFileSync(join(FIXTURES, 'le-havre-2024.territorial.pdf'));
  writeFileSync(CUT, roadmap.subarray(0, roadmap.length >> 1));
});

/** One line on stderr ending with the code, no stack trace, nothing on stdout, the code's exit status. */
function expectOneLineError(run: { status: number; stdout: string; stderr: string }, code: keyof typeof ERROR_CATALOG, says: RegExp) {
  const lines = run.stderr.split('\n').filter(Boolean);
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(says);
  expect(lines[0]!.endsWith(`[${code}]`)).toBe(true);
  expect(run.stderr).not.toMatch(/^\s+at |FATAL ERROR|Native stack/m);
  expect(run.stdout).toBe('');
  expect(run.status).toBe(ERROR_CATALOG[code].exit);
}

describe.each([[], ['--isolation', 'process']])('fdr extract ONE.pdf %s', (...isolation) => {
  it('a content stream inflating far past --max-memory is stopped: LIMIT_EXCEEDED, nothing written', () => {
    const out = join(dir, `balloon-${isolation.length}.json`);
    const run = fdr(['extract', BALLOON, '--max-memory', '64', '-o', out, ...isolation]);
    expectOneLineError(run, 'LIMIT_EXCEEDED', /balloon\.pdf: extraction needed more than 64 MB of memory and was stopped/);
    expect(existsSync(out)).toBe(false);
  });

  it('a file keeping pdf.js busy past --timeout is stopped: TIMEOUT', () => {
    const started = Date.now();
    const run = fdr(['extract', BUSY, '--timeout', '0.5', ...isolation]);
    expectOneLineError(run, 'TIMEOUT', /busy\.pdf: extraction took longer than 500 ms and was stopped/);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('a roadmap cut in the middle: CORRUPT_PDF', () => {
    expectOneLineError(fdr(['extract', CUT, ...isolation]), 'CORRUPT_PDF', /cut\.pdf: PDF is damaged or truncated/);
  });
});

describe('the other commands read PDFs the same way', () => {
  it('fdr diff with a damaged edition: exit 2, one line', () => {
    const run = fdr(['diff', join(FIXTURES, 'le-havre-2024.territorial.pdf'), CUT]);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([expect.stringMatching(/cut\.pdf: PDF is damaged or truncated.*\[CORRUPT_PDF\]$/)]);
  });

  it('fdr check reports the damaged file and still checks the other', () => {
    const run = fdr(['check', CUT, join(FIXTURES, 'calvados-2024.territorial.pdf'), '--reporter', 'json']);
    expect(run.status).toBe(2);
    const files = (JSON.parse(run.stdout) as { files: { file: string; error?: { code: string } }[] }).files;
    expect(files.map((f) => f.error?.code ?? 'read')).toEqual(['CORRUPT_PDF', 'read']);
  });
});

/**
 * A page reader started from the raw command line, before commander has parsed it (src/cli/start.ts), must
 * never keep the process alive when the command does not take it: a bad option, a batch, a text input.
 */
describe('a page reader started ahead and not used', () => {
  const BIN = join(import.meta.dirname, '../../bin/fdr.js');
  const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  const ROADMAP = join(FIXTURES, 'le-havre-2024.territorial.pdf');

  it('a bad option next to a PDF: its USAGE error, at once', () => {
    for (const args of [['extract', ROADMAP, '--pages=0'], ['check', ROADMAP, '-r', 'nope'], ['diff', ROADMAP, ROADMAP, '-f', 'nope']]) {
      const r = run(args);
      expect(r.error, `${args.join(' ')} did not end`).toBeUndefined();
      expect(r.status, args.join(' ')).toBe(ERROR_CATALOG.USAGE.exit);
      expect(r.stderr).toMatch(/\[USAGE\]\n$/);
    }
  });

  it('one PDF and a text file make a batch, read by the batch workers', () => {
    const text = join(dir, 'notes.txt');
    writeFileSync(text, readFileSync(join(FIXTURES, 'le-havre-2024.txt')));
    const out = join(dir, 'batch-out');
    const r = run(['extract', ROADMAP, text, '-o', out, '-q']);
    expect(r.error).toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(out, 'le-havre-2024.territorial.json'))).toBe(true);
  });
});
