/**
 * The page reader of the single-file path: a reading started ahead (prefetch) is taken over only by a request for
 * the same file with the same options, and the guess from the raw command line that starts a reader before the
 * CLI has loaded (src/cli/start.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_READER, PageReader, isPdfFile } from '../../src/batch/page-reader.js';
import { willReadPdfs } from '../../src/cli/start.js';
import { FdrError } from '../../src/errors/index.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';

const ROADMAP = join(FIXTURES, 'le-havre-2024.territorial.pdf');

describe('PageReader.prefetch', () => {
  const reader = new PageReader(DEFAULT_READER);
  afterAll(() => reader.close());

  it('a read of the same file with the same options takes the reading over, every page in order', async () => {
    const bytes = new Uint8Array(readFileSync(ROADMAP));
    reader.prefetch(bytes, { file: ROADMAP });
    // Pages read before anyone asked are held, then handed over in order.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const pages: number[] = [];
    const summary = await reader.read(new Uint8Array(readFileSync(ROADMAP)), { file: ROADMAP }, (page) => void pages.push(page.number));
    expect(summary.pages).toBe(42);
    expect(pages).toEqual(Array.from({ length: 42 }, (_, i) => i + 1));
  });

  it('a read with other options is read anew, not served from the prefetched reading', async () => {
    const bytes = new Uint8Array(readFileSync(ROADMAP));
    reader.prefetch(bytes, { file: ROADMAP });
    const limited = reader.read(bytes, { file: ROADMAP, maxPages: 3 }, () => undefined);
    await expect(limited).rejects.toThrow(FdrError);
    await expect(limited).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
    // The prefetched reading is still there for the request it fits.
    let count = 0;
    expect((await reader.read(bytes, { file: ROADMAP }, () => void count++)).pages).toBe(42);
    expect(count).toBe(42);
  });
});

describe('willReadPdfs: the guess that starts a page reader before the command line is parsed', () => {
  const dir = tempDir('fdr-start-');
  const text = join(dir, 'notes.txt');
  writeFileSync(text, 'plain text\n');
  const guess = (...args: string[]) => willReadPdfs(args, isPdfFile);

  it('a single PDF to extract, with or without options and global flags', () => {
    expect(guess('extract', ROADMAP)).toBe(true);
    expect(guess('--verbose', 'extract', '-f', 'csv', ROADMAP, '-o', join(dir, 'out.csv'))).toBe(true);
    expect(guess('extract', ROADMAP, '--timeout', '5')).toBe(true);
    // An output file that exists already (rerun with --force) is not an input.
    expect(guess('extract', ROADMAP, '-o', text, '--force')).toBe(true);
  });

  it('no reader for a batch, a text input, another command, help, or options asking for another reader', () => {
    expect(guess('extract', ROADMAP, join(FIXTURES, 'calvados-2024.territorial.pdf'))).toBe(false);
    expect(guess('extract', text)).toBe(false);
    expect(guess('extract', ROADMAP, text)).toBe(false);
    expect(guess('extract', ROADMAP, dir)).toBe(false);
    expect(guess('extract', join(dir, 'missing.pdf'))).toBe(false);
    expect(guess('tables', ROADMAP)).toBe(false);
    expect(guess('schema', 'roadmap')).toBe(false);
    expect(guess('--version')).toBe(false);
    expect(guess('extract', ROADMAP, '--help')).toBe(false);
    expect(guess('extract', ROADMAP, '--isolation', 'process')).toBe(false);
    expect(guess('extract', ROADMAP, '--max-memory=512')).toBe(false);
  });

  it('diff, check and compare: any PDF among their inputs', () => {
    expect(guess('diff', ROADMAP, join(FIXTURES, 'editions', 'le-havre-2025.territorial.pdf'))).toBe(true);
    expect(guess('check', text, ROADMAP)).toBe(true);
    expect(guess('compare', text)).toBe(false);
  });
});
