import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseSeed, mutate, TEXT_TOKENS } from '../../src/batch/mutate.js';
import { TEXT_PARSERS } from '../../src/documents/index.js';
import { readMarkdownRoadmap } from '../../src/documents/roadmap/markdown-reader.js';
import { isFdrError } from '../../src/errors/index.js';
import { extractFile, validateDocument } from '../../src/extract.js';
import type { DocumentKind, SourceFormat } from '../../src/model/index.js';
import { ExtractedDocument } from '../../src/model/index.js';
import type { LoadedFile } from '../../src/sources/load.js';
import { FIXTURES, fdr, tempDir } from '../helpers/cli.js';

/**
 * The contract every extractor keeps, whatever it is fed: a document that validates against its schema, or a
 * typed FdrError that is not INTERNAL. Anything else (a TypeError, a RangeError, a schema failure) is a bug.
 */
function expectContract(run: () => unknown, label: string): 'ok' | string {
  try {
    validateDocument(run());
    return 'ok';
  } catch (e) {
    if (!isFdrError(e)) throw new Error(`${label}: threw a non-FdrError: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    if (e.code === 'INTERNAL') throw new Error(`${label}: INTERNAL: ${e.message}`);
    return e.code;
  }
}

const fakeFile = (text: string, format: SourceFormat): LoadedFile => ({
  path: `prop.${format === 'markdown' ? 'md' : 'txt'}`,
  bytes: new Uint8Array(Buffer.from(text)),
  info: { file: 'prop.txt', sha256: '0'.repeat(64), format },
  text,
});

const TEXT_FIXTURES = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f, text: readFileSync(join(FIXTURES, f), 'utf8') }));


const cell = fc.oneof(fc.constantFrom(...TEXT_TOKENS), fc.string({ maxLength: 30 }), fc.integer({ min: -1, max: 2_000_000 }).map(String));
const line = fc.array(cell, { maxLength: 5 }).chain((cells) => fc.constantFrom('\t', ' ', '  ', ' | ').map((sep) => cells.join(sep)));
/** Roadmap-, restitution- and events-looking texts; arbitrary unicode; shuffled subsets of real fixture lines. */
const text = fc.oneof(
  fc.array(line, { maxLength: 60 }).map((ls) => ls.join('\n')),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.constantFrom(...TEXT_FIXTURES).chain((f) => fc.shuffledSubarray(f.text.split('\n'), { minLength: 0 }).map((ls) => ls.join('\n'))),
);

describe('text parsers: any string in, a valid model or a typed error out', () => {
  for (const kind of Object.keys(TEXT_PARSERS) as DocumentKind[])
    for (const format of ['text', 'markdown'] as const)
      it(`${kind} parser (${format})`, () => {
        const parse = TEXT_PARSERS[kind]!;
        fc.assert(
          fc.property(text, (t) => {
            expectContract(() => parse(t, fakeFile(t, format)), `${kind}/${format}`);
          }),
          { numRuns: 60, seed: 20240601 },
        );
      });

  it('the markdown roadmap reader never throws anything but a typed error', () => {
    fc.assert(
      fc.property(text, (t) => {
        try {
          readMarkdownRoadmap(t);
        } catch (e) {
          if (!isFdrError(e) || e.code === 'INTERNAL') throw e;
        }
      }),
      { numRuns: 100, seed: 20240602 },
    );
  });
});

describe('mutation fuzz smoke (npm run fuzz runs ≥ 10 000 cases)', () => {
  const SEED = 20240603;

  it('470 mutated text dumps: every outcome is a valid document or a typed error', async () => {
    const dir = tempDir('fdr-fuzz-smoke-');
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 470; i++) {
      const s = caseSeed(SEED, i);
      const base = TEXT_FIXTURES[s % TEXT_FIXTURES.length]!;
      const other = TEXT_FIXTURES[(s >>> 8) % TEXT_FIXTURES.length]!;
      const { bytes, steps } = mutate(s, new Uint8Array(Buffer.from(base.text)), new Uint8Array(Buffer.from(other.text)), 'text');
      const file = join(dir, `case-${i}${(s >>> 16) % 4 === 0 ? '.md' : '.txt'}`);
      writeFileSync(file, bytes);
      const label = `case ${i} (${base.name}: ${steps.join('+')}) in ${file}`;
      let outcome: string;
      try {
        validateDocument(await extractFile(file));
        outcome = 'ok';
      } catch (e) {
        if (!isFdrError(e)) throw new Error(`${label}: threw a non-FdrError: ${e instanceof Error ? e.stack : String(e)}`);
        if (e.code === 'INTERNAL') throw new Error(`${label}: INTERNAL: ${e.message}`);
        outcome = e.code;
      }
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    // The mutations must not all be rejected up front: most cases reach the parsers and many still extract.
    expect(outcomes.get('ok') ?? 0, JSON.stringify([...outcomes])).toBeGreaterThan(100);
  });

  it('30 mutated PDFs through the CLI batch: documents or typed errors, no INTERNAL, no hang, no crash', () => {
    const pdfs = readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.pdf') && !f.startsWith('long-'))
      .sort()
      .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(FIXTURES, f))) }));
    expect(pdfs.length).toBeGreaterThan(0);
    const dir = tempDir('fdr-fuzz-smoke-pdf-');
    const cases: string[] = [];
    for (let i = 0; i < 30; i++) {
      const s = caseSeed(SEED + 1, i);
      const base = pdfs[s % pdfs.length]!;
      const { bytes, steps } = mutate(s, base.bytes, pdfs[(s >>> 8) % pdfs.length]!.bytes, 'pdf');
      const name = `case-${String(i).padStart(2, '0')}.pdf`;
      writeFileSync(join(dir, name), bytes);
      cases.push(`${name}: ${base.name} ${steps.join('+')}`);
    }
    // Parsers are under test: a mutation that loses the text layer is NO_TEXT_LAYER, not minutes of OCR.
    const r = fdr(['extract', dir, '-f', 'jsonl', '--jobs', '2', '--timeout', '60', '--ocr', 'off']);
    const context = `${cases.join('\n')}\n${r.stderr}`;
    expect([0, 12], context).toContain(r.status);
    const lines = r.stderr.split('\n').filter(Boolean);
    const summary = lines.pop()!;
    expect(summary, context).toMatch(/^fdr: \d+ of 30 files extracted/);
    for (const l of lines) {
      expect(l, context).toMatch(/^fdr: .*case-\d\d\.pdf: .* \[[A-Z_]+\]$/);
      expect(l, context).not.toMatch(/\[(INTERNAL|TIMEOUT)\]$|of memory/);
    }
    const docs = r.stdout.split('\n').filter(Boolean);
    expect(docs.length + lines.length, context).toBe(30);
    for (const d of docs) expect(ExtractedDocument.safeParse(JSON.parse(d)).success, context).toBe(true);
  });
});
