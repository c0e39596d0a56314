import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deserializeError, serializeError } from '../../src/batch/protocol.js';
import { checkTarget } from '../../src/batch/run.js';
import { batchSummaryLine } from '../../src/cli/extract.js';
import { ERROR_CATALOG, FdrError } from '../../src/errors/index.js';
import { tempDir } from '../helpers/cli.js';

describe('errors crossing the worker boundary', () => {
  it('an FdrError comes back with its code, file, hint and one line intact', () => {
    const original = new FdrError('CORRUPT_PDF', 'PDF is damaged or truncated', { file: 'a.pdf', hint: 'get a complete copy' });
    const back = deserializeError(structuredClone(serializeError(original)));
    expect(back).toBeInstanceOf(FdrError);
    expect(back.code).toBe('CORRUPT_PDF');
    expect(back.exitCode).toBe(6);
    expect(back.oneLine()).toBe(original.oneLine());
    expect(back.oneLine()).toBe('fdr: a.pdf: PDF is damaged or truncated — get a complete copy [CORRUPT_PDF]');
  });

  it('anything else becomes INTERNAL, names the file, asks for a report and keeps the stack for --verbose', () => {
    const s = serializeError(new TypeError("Cannot read properties of undefined (reading 'x')"), 'b.pdf');
    expect(s.code).toBe('INTERNAL');
    expect(s.file).toBe('b.pdf');
    expect(s.hint).toMatch(/please report/);
    expect(s.stack).toMatch(/TypeError/);
    const back = deserializeError(s);
    expect(back.oneLine()).toMatch(/^fdr: b\.pdf: unexpected error: Cannot read properties .* \[INTERNAL\]$/);
    expect((back.cause as Error).stack).toMatch(/TypeError/);
  });

  it('an unknown code from a worker is treated as INTERNAL rather than trusted', () => {
    const back = deserializeError({ code: 'NOPE' as never, message: 'weird' });
    expect(back.code).toBe('INTERNAL');
    expect(back.exitCode).toBe(70);
  });

  it('the one line never spans lines, whatever the message holds', () => {
    const e = new FdrError('CORRUPT_PDF', 'bad xref\n  at offset 12', { file: 'c.pdf', hint: 'repair\nit' });
    expect(deserializeError(serializeError(e)).oneLine()).toBe('fdr: c.pdf: bad xref at offset 12 — repair it [CORRUPT_PDF]');
  });
});

describe('exit codes', () => {
  it('batch, limit and output codes are distinct where a script needs to tell them apart', () => {
    expect(ERROR_CATALOG.BATCH_PARTIAL.exit).toBe(12);
    expect(ERROR_CATALOG.TIMEOUT.exit).toBe(11);
    expect(ERROR_CATALOG.LIMIT_EXCEEDED.exit).toBe(11);
    expect(ERROR_CATALOG.OUTPUT_EXISTS.exit).toBe(10);
    expect(ERROR_CATALOG.INTERRUPTED.exit).toBe(130);
    expect(new Set(Object.values(ERROR_CATALOG).map((c) => c.exit))).not.toContain(0);
  });
});

describe('checking an output path before extracting', () => {
  it('refuses an input as output (even through another spelling of its path), and an existing file without --force', () => {
    const dir = tempDir();
    const input = join(dir, 'x.txt');
    writeFileSync(input, 'x');
    expect(checkTarget(join(dir, '.', 'x.txt'), { force: true, protectedInputs: [input] })?.code).toBe('OUTPUT_IS_INPUT');
    const existing = join(dir, 'x.json');
    writeFileSync(existing, '{}');
    expect(checkTarget(existing, { force: false, protectedInputs: [input] })?.code).toBe('OUTPUT_EXISTS');
    expect(checkTarget(existing, { force: true, protectedInputs: [input] })).toBeUndefined();
    expect(checkTarget(join(dir, 'new.json'), { force: false, protectedInputs: [input] })).toBeUndefined();
  });
});

describe('batch summary line', () => {
  it('counts files, PDF pages of the extracted ones, failures and time', () => {
    const outcomes = [
      { ok: true, pages: 42 },
      { ok: true, pages: null },
      { ok: false, pages: null },
    ];
    expect(batchSummaryLine(outcomes, 3.14159)).toBe('fdr: 2 of 3 files extracted, 42 PDF pages in 3.1 s; 1 failed (listed above) [BATCH_PARTIAL]');
    expect(batchSummaryLine(outcomes.slice(1, 2), 0.5)).toBe('fdr: 1 of 1 files extracted in 0.5 s');
  });
});
