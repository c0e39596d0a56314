import { LINE_END_HYPHEN } from './normalize.js';

/** Every string in a JSON-like value, depth first. */
function* stringsOf(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* stringsOf(v);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      yield k;
      yield* stringsOf(v);
    }
}

function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[f(k)] = mapStrings(v, f); // keys too: extra columns are keyed by header text
    return out as T;
  }
  return value;
}

/** Words and hyphenated compounds the document writes on one line (never across a line end). */
export interface Vocabulary {
  words: Set<string>;
  compounds: Set<string>;
}

export function vocabularyOf(texts: Iterable<string>): Vocabulary {
  const words = new Set<string>();
  const compounds = new Set<string>();
  for (const text of texts)
    for (const token of text.toLocaleLowerCase('fr').split(/[^\p{L}\-\u2010\u2011\ue000]+/u)) {
      if (!token || token.includes(LINE_END_HYPHEN)) continue;
      const parts = token.split(/[-\u2010\u2011]/).filter(Boolean);
      if (parts.length > 1) compounds.add(parts.join('-'));
      for (const p of parts) words.add(p);
    }
  return { words, compounds };
}

const ENDS = new RegExp(`(\\p{L}+)${LINE_END_HYPHEN}(\\p{L}+)`, 'gu');

type Verdict = 'real' | 'soft' | undefined;

/** What the document itself says of "head-/tail": it writes the compound elsewhere, or the joined word. */
function evidence(h: string, t: string, vocabulary: Vocabulary): Verdict {
  if (vocabulary.compounds.has(`${h}-${t}`)) return 'real';
  if (vocabulary.words.has(h + t)) return 'soft';
  return undefined;
}

/**
 * Settles one hyphen met at a line end between `head` and `tail`: real when the document writes the compound
 * elsewhere, soft when it writes the joined word. Otherwise it depends on whether this document hyphenates
 * at all (`hyphenates`: some line-end hyphen was shown soft): if not, every line-end hyphen is real; if so,
 * real only for a combining form ("médico-", "socio-") or two words the document uses on their own.
 */
export function settleHyphen(head: string, tail: string, vocabulary: Vocabulary, hyphenates: boolean): string {
  const h = head.toLocaleLowerCase('fr');
  const t = tail.toLocaleLowerCase('fr');
  const known = evidence(h, t, vocabulary);
  if (known) return known === 'real' ? `${head}-${tail}` : head + tail;
  if (!hyphenates) return `${head}-${tail}`;
  if (h.length >= 4 && /o$/.test(h)) return `${head}-${tail}`;
  if (h.length >= 3 && t.length >= 3 && vocabulary.words.has(h) && vocabulary.words.has(t)) return `${head}-${tail}`;
  return head + tail;
}

/** Replaces every LINE_END_HYPHEN in a document by a hyphen or nothing, judged on the document's own words. */
export function resolveLineEndHyphens<T>(doc: T): T {
  const pending: [string, string][] = [];
  for (const s of stringsOf(doc)) if (s.includes(LINE_END_HYPHEN)) for (const m of s.matchAll(ENDS)) pending.push([m[1]!, m[2]!]);
  if (!pending.length && ![...stringsOf(doc)].some((s) => s.includes(LINE_END_HYPHEN))) return doc;
  const vocabulary = vocabularyOf(stringsOf(doc));
  const hyphenates = pending.some(([a, b]) => evidence(a.toLocaleLowerCase('fr'), b.toLocaleLowerCase('fr'), vocabulary) === 'soft');
  return mapStrings(doc, (s) =>
    s.includes(LINE_END_HYPHEN)
      ? s.replace(ENDS, (_, a: string, b: string) => settleHyphen(a, b, vocabulary, hyphenates)).replaceAll(LINE_END_HYPHEN, '-')
      : s,
  );
}
