import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(ROOT, 'fixtures');
const BIN = join(ROOT, 'bin/fdr.js');

/** The scorer from ../shared when it is there (CI), else the vendored copy of it. */
export const SCORER = existsSync(join(ROOT, '../shared/tools/score.mjs')) ? join(ROOT, '../shared/tools/score.mjs') : join(ROOT, 'scripts/score.mjs');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (npm test builds it first). */
export function fdr(args: string[], options: { env?: Record<string, string>; input?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    input: options.input,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Scores a prediction file against a gold file; returns the headline score and the scorer's report. */
export function score(gold: string, pred: string): { score: number; report: string } {
  const r = spawnSync(process.execPath, [SCORER, gold, pred], { encoding: 'utf8' });
  const m = /score: ([\d.]+)\s*$/.exec(r.stdout);
  if (!m) throw new Error(`scorer failed: ${r.stderr || r.stdout}`);
  return { score: Number(m[1]), report: r.stdout };
}

export function tempDir(prefix = 'fdr-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
