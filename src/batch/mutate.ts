/**
 * Input mutations for fuzzing the extractors (scripts/fuzz.mjs and the smoke test): byte-level damage that any
 * file may suffer (flips, truncation, deleted or duplicated ranges, two files spliced), plus structure-aware
 * damage for PDFs (duplicated objects, wrong lengths and counts, broken xref) and for text dumps (roadmap
 * vocabulary sprinkled in, lines shuffled or duplicated). Deterministic: the same seed gives the same case.
 */

/** mulberry32: small, fast, good enough to pick mutations. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of case `index` of a run seeded with `seed` (cases are independent: replay one alone). */
export function caseSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}

type Random = () => number;
const int = (r: Random, n: number) => Math.floor(r() * n);
const pick = <T>(r: Random, xs: readonly T[]): T => xs[int(r, xs.length)]!;

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
const fromLatin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const utf8 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');
const fromUtf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

/** A random range, biased towards short ones (most real damage is local). */
function range(r: Random, length: number): [number, number] {
  const start = int(r, length + 1);
  const max = Math.max(1, length - start);
  const len = Math.min(max, r() < 0.7 ? 1 + int(r, 64) : 1 + int(r, max));
  return [start, start + len];
}

export type Mutator = (r: Random, input: Uint8Array, other: Uint8Array) => Uint8Array;

const INTERESTING_BYTES = [0x00, 0xff, 0x7f, 0x80, 0x0a, 0x0d, 0x09, 0x20, 0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x2f, 0x25, 0x5c];

export const BYTE_MUTATORS: Record<string, Mutator> = {
  flipBytes(r, input) {
    const out = input.slice();
    const n = 1 + int(r, 16);
    for (let i = 0; i < n && out.length; i++) {
      const at = int(r, out.length);
      out[at] = r() < 0.5 ? out[at]! ^ (1 << int(r, 8)) : pick(r, INTERESTING_BYTES);
    }
    return out;
  },
  truncate(r, input) {
    return input.slice(0, int(r, input.length));
  },
  deleteRange(r, input) {
    const [a, b] = range(r, input.length);
    return concat(input.subarray(0, a), input.subarray(b));
  },
  duplicateRange(r, input) {
    const [a, b] = range(r, input.length);
    const at = int(r, input.length + 1);
    const copies = r() < 0.9 ? 1 : 1 + int(r, 50);
    return concat(input.subarray(0, at), ...Array.from({ length: copies }, () => input.subarray(a, b)), input.subarray(at));
  },
  splice(r, input, other) {
    return concat(input.subarray(0, int(r, input.length + 1)), other.subarray(int(r, other.length + 1)));
  },
};

/** Numbers that break naive code: zero, negative, huge, fractional, past 32 bits. */
const NASTY_NUMBERS = ['0', '-1', '1', '2147483648', '99999999999', '-0', '1e308', '0.5', '4294967297', '65535'];

export const PDF_MUTATORS: Record<string, Mutator> = {
  duplicateObject(r, input) {
    const text = latin1(input);
    const objects = [...text.matchAll(/\d+ \d+ obj[\s\S]*?endobj/g)];
    if (!objects.length) return BYTE_MUTATORS.duplicateRange!(r, input, input);
    const o = pick(r, objects);
    const at = text.indexOf('endobj', int(r, text.length)) + 6;
    const pos = at < 6 ? text.length : at;
    return fromLatin1(text.slice(0, pos) + '\n' + o[0] + text.slice(pos));
  },
  nastyNumber(r, input) {
    // Lengths, counts, sizes, indexes, widths: the numbers a parser trusts to allocate or index.
    const text = latin1(input);
    const keys = [...text.matchAll(/\/(Length|Count|Size|W|N|First|Prev|Columns|Rows|BitsPerComponent|Width|Height|Index|Predictor|K)\s*\[?\s*(\d+)/g)];
    if (!keys.length) return BYTE_MUTATORS.flipBytes!(r, input, input);
    const k = pick(r, keys);
    const numberAt = k.index! + k[0].length - k[2]!.length;
    return fromLatin1(text.slice(0, numberAt) + pick(r, NASTY_NUMBERS) + text.slice(numberAt + k[2]!.length));
  },
  breakXref(r, input) {
    const text = latin1(input);
    const xref = text.lastIndexOf('startxref');
    if (xref < 0) return BYTE_MUTATORS.truncate!(r, input, input);
    const choice = int(r, 3);
    if (choice === 0) return fromLatin1(text.slice(0, xref) + 'startxref\n' + pick(r, NASTY_NUMBERS) + '\n%%EOF\n');
    if (choice === 1) return fromLatin1(text.replace(/(\d{10}) (\d{5}) n/g, (m, off: string, gen: string) => (r() < 0.2 ? `${String(int(r, 1e10)).padStart(10, '0')} ${gen} n` : m)));
    return fromLatin1(text.slice(0, xref));
  },
  dropKeyword(r, input) {
    const text = latin1(input);
    const keyword = pick(r, ['endstream', 'endobj', 'stream', 'trailer', '>>', 'obj', 'xref']);
    const hits = [...text.matchAll(new RegExp(keyword.replace(/[>]/g, '\\$&'), 'g'))];
    if (!hits.length) return BYTE_MUTATORS.deleteRange!(r, input, input);
    const h = pick(r, hits);
    return fromLatin1(text.slice(0, h.index) + text.slice(h.index! + keyword.length));
  },
};

/** Words of the documents' own vocabulary: mutations that reach deep into the text parsers' logic. */
export const TEXT_TOKENS: readonly string[] = [
  'Action prioritaire #3',
  'Action prioritaire #',
  'Chantier : ',
  'Chantier :',
  'Actions\tFinancement\tIndicateur\tCommentaires',
  'Actions Financements Indicateurs Commentaires',
  '\t',
  '\t\t\t',
  '|',
  '**',
  '# ',
  '<p>',
  '</p>',
  '<ul><li>',
  '<br>',
  '&amp;',
  '&#0;',
  '12 000 €',
  '1,5 M€',
  '-',
  '•',
  '(suite)',
  'Feuille de route territoriale',
  'Restitution',
  'Impulsion locale',
  'Travaux nationaux',
  'lundi 3 juin',
  '9h30 – 12h',
  '2024-2025',
  '\u00a0',
  '\u202f',
  '\ufeff',
  '\r',
  '\u0000',
  '\ud800',
  'é',
  'ﬁ',
  '\n\n\n',
  'Action prioritaire #1',
  'Action prioritaire #12',
  'Feuille de route départementale',
  'Imaginons des solutions',
  'jeudi 12 septembre',
  '9h30 – 12h30',
  '14h-17h',
  '150 000 €',
  '1,2 M€',
  'ARS',
  'CPTS',
];

export const TEXT_MUTATORS: Record<string, Mutator> = {
  insertTokens(r, input) {
    let text = utf8(input);
    const n = 1 + int(r, 12);
    for (let i = 0; i < n; i++) {
      const at = int(r, text.length + 1);
      text = text.slice(0, at) + pick(r, TEXT_TOKENS) + text.slice(at);
    }
    return fromUtf8(text);
  },
  shuffleLines(r, input) {
    const lines = utf8(input).split('\n');
    const n = 1 + int(r, 20);
    for (let i = 0; i < n && lines.length > 1; i++) {
      const a = int(r, lines.length);
      const b = int(r, lines.length);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    }
    return fromUtf8(lines.join('\n'));
  },
  duplicateLines(r, input) {
    const lines = utf8(input).split('\n');
    const [a, b] = range(r, lines.length);
    const at = int(r, lines.length + 1);
    return fromUtf8([...lines.slice(0, at), ...lines.slice(a, b), ...lines.slice(a, b), ...lines.slice(at)].join('\n'));
  },
  deleteLines(r, input) {
    const lines = utf8(input).split('\n');
    const [a, b] = range(r, lines.length);
    return fromUtf8([...lines.slice(0, a), ...lines.slice(b)].join('\n'));
  },
  mangleNumbers(r, input) {
    return fromUtf8(utf8(input).replace(/\d+/g, (m) => (r() < 0.1 ? pick(r, NASTY_NUMBERS) : m)));
  },
};

export interface MutationCase {
  bytes: Uint8Array;
  /** Mutators applied, in order, e.g. ["nastyNumber", "truncate"]. */
  steps: string[];
}

/**
 * One fuzz case: 1 to 3 mutations of `input` (PDF-aware or text-aware ones according to its kind, byte-level
 * ones for both), `other` used by splice.
 */
export function mutate(seed: number, input: Uint8Array, other: Uint8Array, kind: 'pdf' | 'text'): MutationCase {
  const r = rng(seed);
  const families = kind === 'pdf' ? [BYTE_MUTATORS, PDF_MUTATORS, PDF_MUTATORS] : [BYTE_MUTATORS, TEXT_MUTATORS, TEXT_MUTATORS];
  let bytes = input;
  const steps: string[] = [];
  const n = 1 + int(r, 3);
  for (let i = 0; i < n; i++) {
    const family = pick(r, families);
    const name = pick(r, Object.keys(family));
    bytes = family[name]!(r, bytes, other);
    steps.push(name);
  }
  return { bytes, steps };
}
