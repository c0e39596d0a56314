import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG, type ErrorCode } from '../../src/errors/index.js';
import { FIXTURES, fdr, score, tempDir } from '../helpers/cli.js';

const HOSTILE = join(FIXTURES, 'hostile');

const CASES: { file: string; args?: string[]; code: ErrorCode; says: RegExp }[] = [
  { file: 'not-a-pdf.pdf', code: 'NOT_PDF', says: /not a PDF/ },
  { file: 'empty.pdf', code: 'EMPTY_FILE', says: /empty/ },
  { file: 'truncated.pdf', code: 'CORRUPT_PDF', says: /damaged or truncated/ },
  { file: 'encrypted.pdf', code: 'ENCRYPTED_PDF', says: /encrypted.*--password/ },
  { file: 'encrypted.pdf', args: ['--password', 'not-it'], code: 'ENCRYPTED_PDF', says: /password given is wrong/ },
  { file: 'image-only.pdf', args: ['--ocr', 'off'], code: 'NO_TEXT_LAYER', says: /no text layer: scanned\/image-only PDF, run OCR first.*ocrmypdf/ },
  { file: 'not-a-roadmap.pdf', code: 'UNKNOWN_DOCUMENT', says: /not a roadmap, restitution or events document/ },
  { file: 'not-a-roadmap.pdf', args: ['--kind', 'roadmap'], code: 'NO_ROADMAP_TABLE', says: /no roadmap table found/ },
  { file: 'random-bytes.bin', code: 'UNSUPPORTED_FORMAT', says: /neither a PDF nor text/ },
];

describe.each(CASES)('fdr extract hostile/$file $args', ({ file, args = [], code, says }) => {
  const out = join(tempDir('fdr-hostile-'), 'out.json');
  const run = fdr(['extract', join(HOSTILE, file), ...args, '-o', out]);

  it(`fails with ${code} (exit ${ERROR_CATALOG[code].exit}), one clear line on stderr, no output file`, () => {
    expect(run.status).toBe(ERROR_CATALOG[code].exit);
    const errLines = run.stderr.split('\n').filter(Boolean);
    expect(errLines).toHaveLength(1);
    expect(errLines[0]).toMatch(new RegExp(`^fdr: .*${file.replace('.', '\\.')}: `));
    expect(errLines[0]).toMatch(says);
    expect(errLines[0]!.endsWith(`[${code}]`)).toBe(true);
    expect(run.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});

describe('an encrypted roadmap with its password', () => {
  it('is extracted like the plain one', () => {
    const out = join(tempDir('fdr-enc-'), 'enc.json');
    const run = fdr(['extract', join(HOSTILE, 'encrypted.pdf'), '--password', 'secret', '-o', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { score: s, report } = score(join(FIXTURES, 'le-havre-2024.territorial.expected.json'), out);
    expect(s, report).toBeGreaterThanOrEqual(99);
    expect(JSON.parse(readFileSync(out, 'utf8')).source.format).toBe('pdf');
  });
});
