// Command-line habits through the built CLI: "-" for standard input, --pages, --quiet, shell completion.
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDebianPackages } from '../../scripts/ensure-debian.mjs';
import { FIXTURES, ROOT, fdr, score, tempDir } from '../helpers/cli.js';

const BIN = join(ROOT, 'bin/fdr.js');
const PDF = join(FIXTURES, 'le-havre-2024.territorial.pdf');
const TEXT = join(FIXTURES, 'calvados-2024.txt');

/** The CLI with bytes on standard input. */
function fdrWithInput(args: string[], input: Uint8Array): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Every action of a roadmap JSON, flattened: [page, action]. */
const actionsOf = (doc: { axes: { chantiers: { actions: { action: string; provenance: { page?: number } }[] }[] }[] }) =>
  doc.axes.flatMap((a) => a.chantiers.flatMap((c) => c.actions.map((x) => [x.provenance.page, x.action] as const)));

/** A line on stderr in the documented shape, and only that line. */
function expectOneLine(stderr: string, code: string): void {
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(new RegExp(`^fdr: .*\\[${code}\\]\\n$`));
}

const hasScript = spawnSync('script', ['--version']).status === 0;

describe('"-" reads the document from standard input', () => {
  it('reads a PDF piped in like the file itself (source named "stdin")', () => {
    const fromFile = JSON.parse(fdr(['extract', PDF]).stdout);
    const piped = fdrWithInput(['extract', '-'], readFileSync(PDF));
    expect(piped.stderr).toBe('');
    expect(piped.status).toBe(0);
    const doc = JSON.parse(piped.stdout);
    expect(doc.source).toEqual({ ...fromFile.source, file: 'stdin' });
    expect({ ...doc, source: null }).toEqual({ ...fromFile, source: null });
    const out = join(tempDir(), 'stdin.json');
    writeFileSync(out, piped.stdout);
    expect(score(join(FIXTURES, 'gold/le-havre-2024.gold.json'), out).score).toBeGreaterThanOrEqual(99);
  });

  it('reads a text dump piped in, in a batch with files, in input order', () => {
    const r = fdrWithInput(['extract', join(FIXTURES, 'le-havre-2024.txt'), '-', '-f', 'jsonl', '-q'], readFileSync(TEXT));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(docs.map((d) => [d.source.file, d.source.format, d.territory])).toEqual([
      ['le-havre-2024.txt', 'text', 'Le Havre'],
      ['stdin', 'markdown', 'Calvados'],
    ]);
    expect(actionsOf(docs[1]).map(([, a]) => a)).toEqual(actionsOf(JSON.parse(fdr(['extract', TEXT]).stdout)).map(([, a]) => a));
  });

  it('works for check, diff and compare', () => {
    const check = fdrWithInput(['check', '-', '-r', 'json'], readFileSync(PDF));
    expect(check.status).toBe(0);
    expect(JSON.parse(check.stdout).files[0]).toMatchObject({ kind: 'roadmap', format: 'pdf' });
    const diff = fdrWithInput(['diff', join(FIXTURES, 'gold/le-havre-2024.gold.json'), '-'], readFileSync(PDF));
    expect(diff.stderr).toBe('');
    expect(diff.status).toBe(0);
    const compare = fdrWithInput(['compare', '-', join(FIXTURES, 'gold/le-havre-2024.gold.json'), '-f', 'csv'], readFileSync(TEXT));
    expect(compare.status).toBe(0);
    expect(compare.stdout).toContain('total,,Calvados,23,44,3923290,22,1');
  });

  it('fails with one line on empty input, and on a terminal (nothing piped in)', () => {
    const empty = fdrWithInput(['extract', '-'], new Uint8Array());
    expect(empty.status).toBe(4);
    expectOneLine(empty.stderr, 'EMPTY_FILE');
    expect(empty.stderr).toContain('fdr: stdin: ');
    if (!hasScript) return console.warn('skipped the terminal case: no `script` command (util-linux)');
    // `script` runs the command on a pseudo-terminal: standard input is a terminal there.
    const tty = spawnSync('script', ['-qec', `${process.execPath} ${BIN} extract - -o /dev/null`, '/dev/null'], { cwd: ROOT, encoding: 'utf8', input: '' });
    expect(tty.status).toBe(2);
    expect(tty.stdout.trim()).toBe('fdr: stdin: standard input is a terminal: "-" reads a document piped in — e.g. cat roadmap.pdf | fdr extract - [USAGE]');
  });
});

describe('--pages', () => {
  it('reads only the pages listed, keeps their own page numbers, and says so in the document', () => {
    const all = actionsOf(JSON.parse(fdr(['extract', PDF]).stdout));
    const r = fdr(['extract', PDF, '--pages', '5-12,20']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    const some = actionsOf(doc);
    expect(some.length).toBeGreaterThan(5);
    expect(some.length).toBeLessThan(all.length);
    expect(some.every(([page]) => (page! >= 5 && page! <= 12) || page === 20)).toBe(true);
    // The same rows as the whole document has on those pages.
    expect(some.map(([, a]) => a)).toEqual(all.filter(([page]) => (page! >= 5 && page! <= 12) || page === 20).map(([, a]) => a));
    expect(doc.warnings).toContainEqual({ code: 'pages-selected', message: 'only pages 5-12,20 of 42 were read (--pages)' });
    // An open range runs to the end.
    const tail = actionsOf(JSON.parse(fdr(['extract', PDF, '--pages', '30-']).stdout));
    expect(tail.map(([, a]) => a)).toEqual(all.filter(([page]) => page! >= 30).map(([, a]) => a));
  });

  it('refuses a bad list with one line and the usage exit code, before any work', () => {
    for (const pages of ['0', '3-1', 'a', '', '2,,3', '1-2-3', '-4']) {
      const r = fdr(['extract', PDF, `--pages=${pages}`]);
      expect(r.status, pages).toBe(2);
      expect(r.stdout).toBe('');
      expectOneLine(r.stderr, 'USAGE');
    }
    const beyond = fdr(['extract', PDF, '--pages', '50-60']);
    expect(beyond.status).toBe(2);
    expect(beyond.stderr).toBe(`fdr: ${PDF}: --pages selects none of the 42 pages of this PDF — pick pages between 1 and 42 [USAGE]\n`);
    const text = fdr(['extract', TEXT, '--pages', '1']);
    expect(text.status).toBe(2);
    expectOneLine(text.stderr, 'USAGE');
    expect(fdr(['check', PDF, '--pages', 'x']).status).toBe(2);
  });

  it('limits fdr check to those pages', () => {
    const r = fdr(['check', PDF, '--pages', '5-12', '-r', 'json']);
    expect(r.status).toBe(0);
    const findings = JSON.parse(r.stdout).files[0].findings as { page?: number; message: string }[];
    expect(findings.some((f) => f.message.includes('pages-selected'))).toBe(true);
    expect(findings.every((f) => f.page === undefined || (f.page >= 5 && f.page <= 12))).toBe(true);
  });
});

describe('--quiet', () => {
  const inputs = [TEXT, join(FIXTURES, 'le-havre-2024.txt')];

  it('silences the batch summary but never an error', () => {
    const loud = fdr(['extract', ...inputs, '-f', 'jsonl']);
    expect(loud.status).toBe(0);
    expect(loud.stderr).toMatch(/^fdr: 2 of 2 files extracted in [\d.]+ s\n$/);
    const quiet = fdr(['extract', ...inputs, '-f', 'jsonl', '--quiet']);
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(loud.stdout);
    const failing = fdr(['-q', 'extract', ...inputs, 'missing.pdf', '-f', 'jsonl']);
    expect(failing.status).toBe(12);
    expect(failing.stderr).toContain('fdr: missing.pdf: no such file or folder');
    expect(failing.stderr).toContain('[BATCH_PARTIAL]');
    const single = fdr(['extract', 'missing.pdf', '-q']);
    expect(single.status).toBe(3);
    expectOneLine(single.stderr, 'FILE_NOT_FOUND');
  });

  it('cannot be combined with --verbose', () => {
    const r = fdr(['extract', TEXT, '-q', '--verbose']);
    expect(r.status).toBe(2);
    expectOneLine(r.stderr, 'USAGE');
  });
});

describe('fdr completion', () => {
  // `fdr` on the PATH, as a user has it once installed.
  const bin = tempDir('fdr-path-');
  writeFileSync(join(bin, 'fdr'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'fdr'), 0o755);
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
  const shell = (sh: string, script: string) => spawnSync(sh, ['-c', script], { encoding: 'utf8', env });

  /** What bash proposes for a command line: the words before the cursor, the current word last. */
  const bashComplete = (...words: string[]) => {
    const r = shell('bash', `source <(fdr completion bash) || exit 9
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}
_fdr_completion; printf '%s\\n' "\${COMPREPLY[@]}"`);
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean);
  };

  it('loads in bash', () => {
    const r = shell('bash', 'source <(fdr completion bash) && complete -p fdr');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('complete -o bashdefault -o default -F _fdr_completion fdr');
  });

  it('proposes what the command definitions hold: commands, options, listed values', () => {
    const help = fdr(['--help']).stdout;
    const commands = bashComplete('fdr', '');
    expect(commands).toEqual(['extract', 'tables', 'diff', 'compare', 'check', 'schema', 'completion', 'help']);
    for (const c of commands) expect(help).toContain(`  ${c} `);
    expect(bashComplete('fdr', 'c')).toEqual(['compare', 'check', 'completion']);
    expect(bashComplete('fdr', 'extract', '-f', '')).toEqual(['json', 'csv', 'yaml', 'jsonl', 'xlsx', 'html']);
    expect(bashComplete('fdr', 'diff', 'a.pdf', '--format', '')).toEqual(['text', 'json', 'markdown', 'csv', 'xlsx', 'html']);
    expect(bashComplete('fdr', 'extract', 'x.pdf', '--isolation', '')).toEqual(['process', 'thread']);
    expect(bashComplete('fdr', 'check', '--rep')).toEqual(['--reporter']);
    expect(bashComplete('fdr', 'extract', '--pa')).toEqual(['--password', '--pages']);
    expect(bashComplete('fdr', 'extract', '-')).toContain('--quiet');
    expect(bashComplete('fdr', 'schema', '')).toEqual(['roadmap', 'restitution', 'events', 'diff']);
    expect(bashComplete('fdr', 'completion', '')).toEqual(['bash', 'zsh']);
    expect(bashComplete('fdr', 'help', 'ex')).toEqual(['extract']);
    // Inputs complete as file names (complete -o default): the function proposes nothing itself.
    expect(bashComplete('fdr', 'extract', 'fix')).toEqual([]);
  });

  describe('in zsh', () => {
    let zsh: { ok: boolean; reason?: string } = { ok: false };
    beforeAll(() => {
      zsh = ensureDebianPackages(['zsh']);
    }, 600_000);

    it('loads and registers the completion function', (ctx) => {
      if (!zsh.ok) {
        console.warn(`skipped: zsh cannot be installed here (${zsh.reason})`);
        return ctx.skip();
      }
      const r = shell('zsh', "autoload -Uz compinit && compinit -u -D && source <(fdr completion zsh) && print -r -- $_comps[fdr] && whence -w _fdr");
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe('_fdr\n_fdr: function\n');
      const body = shell('zsh', 'autoload -Uz compinit && compinit -u -D && source <(fdr completion zsh) && functions _fdr').stdout;
      expect(body).toContain(':value:(json csv yaml jsonl xlsx html)');
      expect(body).toContain("'completion:print a shell completion script");
    });
  });

  it('refuses an unknown shell', () => {
    const r = fdr(['completion', 'fish']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('fdr: no completion for shell "fish" — use one of bash, zsh [USAGE]\n');
  });
});
