import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expandGlob, segmentRegExp, splitPattern } from '../../src/batch/glob.js';
import { outputNames } from '../../src/batch/output-names.js';
import { formatProgress } from '../../src/batch/progress.js';
import { expandInputItems, expandInputs } from '../../src/cli/inputs.js';
import { tempDir } from '../helpers/cli.js';

describe('glob segments', () => {
  const m = (pattern: string, name: string) => segmentRegExp(pattern).test(name);

  it('* and ? stay inside a name', () => {
    expect(m('*.pdf', 'a.pdf')).toBe(true);
    expect(m('*.pdf', 'a.pdf.bak')).toBe(false);
    expect(m('?.txt', 'a.txt')).toBe(true);
    expect(m('?.txt', 'ab.txt')).toBe(false);
  });

  it('classes, negated classes and alternatives', () => {
    expect(m('20[0-9][0-9]-*.pdf', '2024-calvados.pdf')).toBe(true);
    expect(m('[!a]*', 'abc')).toBe(false);
    expect(m('[!a]*', 'bcd')).toBe(true);
    expect(m('*.{pdf,md}', 'x.md')).toBe(true);
    expect(m('*.{pdf,md}', 'x.txt')).toBe(false);
  });

  it('does not match hidden names unless asked, and takes regex characters literally', () => {
    expect(m('*', '.hidden')).toBe(false);
    expect(m('.*', '.hidden')).toBe(true);
    expect(m('a+b(1).pdf', 'a+b(1).pdf')).toBe(true);
    expect(m('a+b(1).pdf', 'aab1.pdf')).toBe(false);
  });

  it('splits the literal folder prefix from the segments to match', () => {
    expect(splitPattern('roadmaps/2024/**/*.pdf')).toEqual({ base: 'roadmaps/2024', segments: ['**', '*.pdf'] });
    expect(splitPattern('*.pdf')).toEqual({ base: '.', segments: ['*.pdf'] });
    expect(splitPattern('/data/*/x.txt')).toEqual({ base: '/data', segments: ['*', 'x.txt'] });
  });
});

describe('glob expansion and input lists', () => {
  let root: string;
  beforeAll(() => {
    root = tempDir('fdr-glob-');
    for (const f of ['a/x.pdf', 'a/b/y.pdf', 'a/b/c/z.pdf', 'a/b/notes.json', 'a/.hidden/h.pdf', 'a/readme.md', 'top.txt', 'empty/.keep'])
      mkdirSync(join(root, f, '..'), { recursive: true }), writeFileSync(join(root, f), 'x');
    symlinkSync(join(root, 'a'), join(root, 'a/b/loop')); // a cycle ** must not follow
  });

  it('** matches zero or more folders, not hidden ones, and does not loop on a symlink cycle', async () => {
    const found = (await expandGlob(`${root}/a/**/*.pdf`)).map((m) => m.path.slice(root.length + 1));
    expect(found).toEqual(['a/b/c/z.pdf', 'a/b/y.pdf', 'a/x.pdf']);
  });

  it('a glob under a relative base gives relative paths', async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      expect((await expandGlob('a/*.{pdf,md}')).map((m) => m.path)).toEqual(['a/readme.md', 'a/x.pdf']);
      expect((await expandGlob('*.txt')).map((m) => m.path)).toEqual(['top.txt']);
    } finally {
      process.chdir(cwd);
    }
  });

  it('folders expand recursively to documents by extension; the same file is kept once', async () => {
    const items = await expandInputItems([join(root, 'a'), join(root, 'a/x.pdf'), join(root, 'top.txt')]);
    // Sorted per folder; notes.json, the hidden folder and the symlinked folder are not documents to walk.
    expect(items.map((i) => i.input.slice(root.length + 1))).toEqual(['a/b/c/z.pdf', 'a/b/y.pdf', 'a/readme.md', 'a/x.pdf', 'top.txt']);
    expect(items.every((i) => !i.error)).toBe(true);
    expect(items.some((i) => i.input.endsWith('notes.json'))).toBe(false);
    expect(items.filter((i) => i.input.endsWith('a/x.pdf'))).toHaveLength(1);
  });

  it('a missing path, an empty folder and a glob matching nothing fail alone, each with its error', async () => {
    const items = await expandInputItems([join(root, 'nope.pdf'), join(root, 'empty'), `${root}/zz/**/*.pdf`, join(root, 'top.txt')]);
    expect(items.map((i) => i.error?.code ?? 'ok')).toEqual(['FILE_NOT_FOUND', 'FILE_NOT_FOUND', 'FILE_NOT_FOUND', 'ok']);
    expect(items[1]!.error!.oneLine()).toMatch(/no documents in this folder — fdr looks for \.pdf, \.txt, \.md/);
    expect(items[2]!.error!.message).toBe('no document matches this pattern');
    await expect(expandInputs([join(root, 'nope.pdf')])).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});

describe('output names for -o DIR', () => {
  it('derives x.json from x.pdf', () => {
    expect(outputNames(['in/x.pdf', 'in/y.txt'], 'json')).toEqual(['x.json', 'y.json']);
  });

  it('tells apart the same base name in different folders, without touching the others', () => {
    expect(outputNames(['2023/calvados.pdf', '2024/calvados.pdf', 'orne.pdf'], 'json')).toEqual(['2023_calvados.pdf.json', '2024_calvados.pdf.json', 'orne.json']);
  });

  it('tells apart x.pdf and x.md in one folder by their extension', () => {
    expect(outputNames(['d/x.pdf', 'd/x.md'], 'csv')).toEqual(['x.pdf.csv', 'x.md.csv']);
  });

  it('goes up as many folders as needed, ignoring case', () => {
    expect(outputNames(['a/2024/x.pdf', 'b/2024/X.pdf'], 'json')).toEqual(['a_2024_x.pdf.json', 'b_2024_X.pdf.json']);
  });

  it('never gives two inputs the same name', () => {
    const inputs = ['x.pdf', 'x.pdf', 'a/x.pdf', 'a_x.pdf', 'x.txt'];
    const names = outputNames(inputs, 'json');
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(inputs.length);
  });
});

describe('progress line', () => {
  it('shows files, failures, pages per second and the time left', () => {
    const line = formatProgress({ done: 5, total: 20, failed: 1, pages: 250, elapsedMs: 10_000 }, 100);
    expect(line).toMatch(/^█+░+ 5\/20 files · 1 failed · 25\.0 pages\/s · ETA 0:30$/);
  });

  it('fits a narrow terminal', () => {
    expect(formatProgress({ done: 1, total: 3, failed: 0, pages: 0, elapsedMs: 1000 }, 20).length).toBeLessThan(20);
  });
});
