import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseSeed, mutate } from '../../src/batch/mutate.js';
import { FIXTURES, fdr, tempDir } from '../helpers/cli.js';

const HOSTILE = join(FIXTURES, 'hostile');
const CALVADOS = join(FIXTURES, 'calvados-2024.txt');
const LONG_PDF = join(FIXTURES, 'long-roadmap.territorial.pdf');
const ROADMAP_PDF = join(FIXTURES, 'le-havre-2024.territorial.pdf');

/** An ordinary letter: French, administrative, but none of the kinds fdr reads. */
const LETTER = `Agence régionale de santé
Direction de la santé publique

Objet : invitation à la réunion du comité de pilotage

Madame, Monsieur,

Nous avons le plaisir de vous convier à la prochaine réunion du comité de pilotage, qui se tiendra
dans les locaux de la délégation départementale. L'ordre du jour vous sera adressé ultérieurement.
Nous vous remercions de bien vouloir confirmer votre présence auprès du secrétariat.

Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.

La directrice générale adjointe
`;

interface ErrorCase {
  name: string;
  /** Arguments after `extract`; `OUT` is replaced by an output path in a fresh folder. */
  args: (dir: string) => string[];
  exit: number;
  code: string;
  message: RegExp;
  /** Only when the fixture it needs is there (PDFs are rendered by scripts/render-fixtures.mjs). */
  needs?: string;
}

function textFile(dir: string, name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const CASES: ErrorCase[] = [
  { name: 'missing file', args: (d) => [join(d, 'nope.pdf')], exit: 3, code: 'FILE_NOT_FOUND', message: /nope\.pdf: no such file or folder — check the path/ },
  {
    name: 'folder with no documents',
    args: (d) => {
      textFile(d, 'data.json', '{}');
      return [d];
    },
    exit: 3,
    code: 'FILE_NOT_FOUND',
    message: /: no documents in this folder — fdr looks for \.pdf, \.txt, \.md/,
  },
  { name: 'glob matching nothing', args: (d) => [`${d}/**/*.pdf`], exit: 3, code: 'FILE_NOT_FOUND', message: /no document matches this pattern/ },
  { name: 'empty PDF', args: () => [join(HOSTILE, 'empty.pdf')], exit: 4, code: 'EMPTY_FILE', message: /empty\.pdf: file is empty/ },
  { name: 'empty text', args: (d) => [textFile(d, 'empty.txt', '')], exit: 4, code: 'EMPTY_FILE', message: /empty\.txt: file is empty/ },
  { name: 'not a PDF', args: () => [join(HOSTILE, 'not-a-pdf.pdf')], exit: 5, code: 'NOT_PDF', message: /not-a-pdf\.pdf: not a PDF file/ },
  { name: 'random bytes', args: () => [join(HOSTILE, 'random-bytes.bin')], exit: 5, code: 'UNSUPPORTED_FORMAT', message: /random-bytes\.bin: binary file/ },
  { name: 'truncated PDF', args: () => [join(HOSTILE, 'truncated.pdf')], exit: 6, code: 'CORRUPT_PDF', message: /truncated\.pdf: PDF is damaged or truncated/, needs: join(HOSTILE, 'truncated.pdf') },
  { name: 'encrypted PDF', args: () => [join(HOSTILE, 'encrypted.pdf')], exit: 7, code: 'ENCRYPTED_PDF', message: /encrypted\.pdf: PDF is encrypted — pass its password with --password/, needs: join(HOSTILE, 'encrypted.pdf') },
  {
    name: 'encrypted PDF, wrong password',
    args: () => [join(HOSTILE, 'encrypted.pdf'), '--password', 'wrong'],
    exit: 7,
    code: 'ENCRYPTED_PDF',
    message: /password given is wrong/,
    needs: join(HOSTILE, 'encrypted.pdf'),
  },
  { name: 'image-only PDF, OCR off', args: () => [join(HOSTILE, 'image-only.pdf'), '--ocr', 'off'], exit: 8, code: 'NO_TEXT_LAYER', message: /image-only\.pdf: no text layer/, needs: join(HOSTILE, 'image-only.pdf') },
  { name: 'PDF that is not a roadmap', args: () => [join(HOSTILE, 'not-a-roadmap.pdf')], exit: 9, code: 'UNKNOWN_DOCUMENT', message: /not-a-roadmap\.pdf: not a roadmap, restitution or events document/, needs: join(HOSTILE, 'not-a-roadmap.pdf') },
  { name: 'a plain letter', args: (d) => [textFile(d, 'letter.txt', LETTER)], exit: 9, code: 'UNKNOWN_DOCUMENT', message: /letter\.txt: not a roadmap, restitution or events document — force one with --kind/ },
  { name: 'a letter read as a roadmap', args: (d) => [textFile(d, 'letter.txt', LETTER), '--kind', 'roadmap'], exit: 9, code: 'NO_ROADMAP_TABLE', message: /letter\.txt: no roadmap table found/ },
  { name: 'unknown --format', args: () => [CALVADOS, '--format', 'xml'], exit: 2, code: 'USAGE', message: /^fdr: unknown --format "xml" — use one of json, csv, yaml, jsonl/ },
  { name: 'unknown --kind', args: () => [CALVADOS, '--kind', 'letter'], exit: 2, code: 'USAGE', message: /^fdr: unknown --kind "letter" — use one of auto, roadmap, restitution, events/ },
  { name: 'bad --delimiter', args: () => [CALVADOS, '-f', 'csv', '--delimiter', ';;'], exit: 2, code: 'USAGE', message: /^fdr: --delimiter must be one character/ },
  { name: 'bad --jobs', args: () => [CALVADOS, '--jobs', '0'], exit: 2, code: 'USAGE', message: /^fdr: --jobs must be a whole number of at least 1, got "0"/ },
  { name: 'bad --timeout', args: () => [CALVADOS, '--timeout', 'soon'], exit: 2, code: 'USAGE', message: /^fdr: --timeout must be a number of seconds/ },
  { name: 'bad --max-memory', args: () => [CALVADOS, '--max-memory', '1.5'], exit: 2, code: 'USAGE', message: /^fdr: --max-memory must be a whole number/ },
  { name: 'unknown flag', args: () => [CALVADOS, '--colour'], exit: 2, code: 'USAGE', message: /^fdr: unknown option '--colour' — run fdr --help for usage/ },
  {
    name: 'timeout on a large text',
    args: (d) => [textFile(d, 'big.txt', readFileSync(CALVADOS, 'utf8').repeat(100)), '--timeout', '0.001'],
    exit: 11,
    code: 'TIMEOUT',
    message: /big\.txt: extraction took longer than 1\.0 ms and was stopped — raise --timeout/,
  },
  { name: 'timeout on the long PDF', args: () => [LONG_PDF, '--timeout', '0.001'], exit: 11, code: 'TIMEOUT', message: /long-roadmap\.territorial\.pdf: extraction took longer than/, needs: LONG_PDF },
  { name: '--max-pages', args: () => [LONG_PDF, '--max-pages', '20'], exit: 11, code: 'LIMIT_EXCEEDED', message: /long-roadmap\.territorial\.pdf: PDF has \d{3,} pages, more than the limit of 20/, needs: LONG_PDF },
  { name: '--max-items', args: () => [ROADMAP_PDF, '--max-items', '5'], exit: 11, code: 'LIMIT_EXCEEDED', message: /le-havre-2024\.territorial\.pdf: page \d+ has \d+ text items, more than the limit of 5/, needs: ROADMAP_PDF },
];

describe('every user-facing error: one line on stderr, its exit code, no stack, no output left', () => {
  for (const c of CASES) {
    it.runIf(!c.needs || existsSync(c.needs))(`${c.name} → ${c.code} (exit ${c.exit})`, () => {
      const dir = tempDir('fdr-err-');
      const out = join(tempDir('fdr-err-out-'), 'out.json');
      const r = fdr(['extract', ...c.args(dir), '-o', out]);
      expect(r.status, r.stderr).toBe(c.exit);
      const lines = r.stderr.split('\n').filter(Boolean);
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^fdr: /);
      expect(lines[0]).toMatch(c.message);
      expect(lines[0]!.endsWith(` [${c.code}]`)).toBe(true);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stdout).toBe('');
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(join(out, '..'))).toEqual([]); // no temp file either
    });
  }

  it('output exists without --force → OUTPUT_EXISTS (exit 10), the file untouched; --force overwrites', () => {
    const out = join(tempDir('fdr-err-out-'), 'out.json');
    writeFileSync(out, 'precious');
    const r = fdr(['extract', CALVADOS, '-o', out]);
    expect(r.status).toBe(10);
    expect(r.stderr).toMatch(/^fdr: .*out\.json: output file already exists — pass --force to overwrite it \[OUTPUT_EXISTS\]\n$/);
    expect(readFileSync(out, 'utf8')).toBe('precious');
    const forced = fdr(['extract', CALVADOS, '-o', out, '--force']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).territory).toBe('Calvados');
    expect(readdirSync(join(out, '..'))).toEqual(['out.json']);
  });

  it('-o equal to the input → OUTPUT_IS_INPUT (exit 10), even with --force, the input untouched', () => {
    const input = join(tempDir(), 'calvados.txt');
    copyFileSync(CALVADOS, input);
    for (const extra of [[], ['--force']]) {
      const r = fdr(['extract', input, '-o', input, ...extra]);
      expect(r.status).toBe(10);
      expect(r.stderr).toMatch(/^fdr: .*calvados\.txt: output path is an input file — choose another -o \[OUTPUT_IS_INPUT\]\n$/);
      expect(readFileSync(input, 'utf8')).toBe(readFileSync(CALVADOS, 'utf8'));
    }
  });

  it('an output folder that does not exist → OUTPUT_WRITE_FAILED (exit 10) before any work; with a trailing slash it is created', () => {
    const missing = join(tempDir(), 'no', 'such');
    const r = fdr(['extract', CALVADOS, '-o', join(missing, 'x.json')]);
    expect(r.status).toBe(10);
    expect(r.stderr).toMatch(/^fdr: .*x\.json: the folder of the output file does not exist — create it first, or end -o with \/ to have it created \[OUTPUT_WRITE_FAILED\]\n$/);
    const created = fdr(['extract', CALVADOS, '-o', `${missing}/`]);
    expect(created.status, created.stderr).toBe(0);
    expect(readdirSync(missing)).toEqual(['calvados-2024.json']);
  });

  it('--summary with -o is refused before any work', () => {
    const r = fdr(['extract', CALVADOS, '--summary', '-o', join(tempDir(), 'x.txt')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^fdr: --summary prints to the terminal and takes no -o — drop one of them \[USAGE\]\n$/);
  });

  it('--verbose adds the stack trace under the one line', () => {
    const r = fdr(['--verbose', 'extract', join(HOSTILE, 'empty.pdf')]);
    expect(r.status).toBe(4);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/empty\.pdf: file is empty .*\[EMPTY_FILE\]$/);
    expect(r.stderr).toMatch(/^\s+at /m);
  });

  // Found by the fuzzer (seed 1, case 2168): a broken xref makes pdf.js reject a promise nobody awaits; Node's
  // default used to kill the worker, and a file that extracts fine was reported as an INTERNAL crash.
  it.runIf(existsSync(join(FIXTURES, 'le-havre-2024.departmental.pdf')))('a broken xref that makes pdf.js leave a rejection unhandled does not crash the worker', () => {
    const pdf = new Uint8Array(readFileSync(join(FIXTURES, 'le-havre-2024.departmental.pdf')));
    const { bytes, steps } = mutate(caseSeed(1, 2168), pdf, pdf, 'pdf');
    expect(steps).toEqual(['breakXref']);
    const file = join(tempDir(), 'broken-xref.pdf');
    writeFileSync(file, bytes);
    const r = fdr(['extract', file, '-f', 'jsonl']);
    expect(r.stderr).not.toMatch(/Unhandled|crashed|INTERNAL/);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).kind).toBe('roadmap');
  });

  it.runIf(existsSync(join(HOSTILE, 'encrypted.pdf')))('the right --password opens the encrypted PDF', () => {
    const r = fdr(['extract', join(HOSTILE, 'encrypted.pdf'), '--password', 'secret', '-f', 'jsonl']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).kind).toBe('roadmap');
  });
});
