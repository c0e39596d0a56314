/** Text comparison for diffs: what counts as "the same text", and how alike two texts are. */
import { cleanSpaces, comparisonKey, foldTypography } from '../text/normalize.js';
import { profileSimilarity, textProfile } from '../text/similarity.js';

/**
 * Per-text results are memoised: the matcher compares every row with every row, and normalising a text
 * (NFKC, typography folding) costs far more than comparing two normalised ones. Bounded, so a long-running
 * process diffing many documents does not grow without limit.
 */
const MEMO_LIMIT = 20_000;
function memo<T>(compute: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string) => {
    let value = cache.get(s);
    if (value === undefined) {
      if (cache.size >= MEMO_LIMIT) cache.clear();
      value = compute(s);
      cache.set(s, value);
    }
    return value;
  };
}

/**
 * Key under which two spellings of a text are the same edition-wise: typography folded (quotes, dashes,
 * NBSP, soft hyphens) and every whitespace removed, so spacing ("400 000€" / "400 000 €") and line wrapping
 * ("médico-\nsocial") never count as a change. Case, accents, words and digits still do.
 */
export const typographyKey = memo((s: string): string => foldTypography(cleanSpaces(s)).replace(/\s+/g, ''));

export function sameText(a: string, b: string): boolean {
  return a === b || typographyKey(a) === typographyKey(b);
}

/** French function words: shared by any two sentences, so they say nothing about two texts being alike. */
const FUNCTION_WORDS = new Set(
  (
    'les des une aux pour par dans sur avec que qui est sont son ses leur leurs ces cet cette entre vers afin ainsi ' +
    'dont plus tout tous toute toutes lors via sans sous chez elle ils elles nous vous mais donc car'
  ).split(' '),
);

/**
 * A word cut to its first letters, so that inflections and derived nouns meet ("renforcer" / "renforcement",
 * "prévenir" / "prévention"): the documents of two years, or two territories, word the same action both ways.
 */
const STEM_LENGTH = 6;

/** Stems of the content words (3 letters or more, function words left out) of the comparison key, in order. */
export const contentWords = memo((s: string): readonly string[] => {
  const key = comparisonKey(s);
  return key ? key.split(' ').filter((w) => w.length >= 3 && !FUNCTION_WORDS.has(w)).map((w) => w.slice(0, STEM_LENGTH)) : [];
});

/** Dice coefficient on content-word multisets. */
export function wordDice(a: string, b: string): number {
  const x = contentWords(a);
  const y = contentWords(b);
  if (!x.length && !y.length) return comparisonKey(a) === comparisonKey(b) ? 1 : 0;
  const counts = new Map<string, number>();
  for (const w of x) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of y) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(w, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/** A text's bigram profile (its comparison key, NFKC and all), made once per text however many pairs it is in. */
const profileOf = memo(textProfile);

/**
 * Similarity of two action texts, 0 to 1. Character bigrams alone rate unrelated actions of the same
 * document up to ~0.68 (they share the domain's vocabulary), content words alone are harsh on rewording;
 * their mean keeps unrelated pairs near or below 0.5 and lightly reworded ones above 0.75.
 */
export function textSimilarity(a: string, b: string): number {
  if (sameText(a, b)) return 1;
  return (profileSimilarity(profileOf(a), profileOf(b)) + wordDice(a, b)) / 2;
}

/** Length of the longest common subsequence of two word lists (two-row dynamic programming). */
export function lcsLength(x: readonly string[], y: readonly string[]): number {
  if (!x.length || !y.length) return 0;
  let row = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const next = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++)
      next[j] = x[i - 1] === y[j - 1] ? row[j - 1]! + 1 : Math.max(row[j]!, next[j - 1]!);
    row = next;
  }
  return row[y.length]!;
}

/**
 * Share of the content words of `part` found, in order, in `whole`: 1 when `part` is a piece of `whole`
 * (a row split off from it), low for an unrelated text even on the same topic.
 */
export function containment(part: string, whole: string): number {
  const p = contentWords(part);
  if (!p.length) return 0;
  return lcsLength(p, contentWords(whole)) / p.length;
}

/** Share of the content words of `text` found in `other` (as a bag: each word of `other` counts once). */
export function coverage(text: string, other: string): number {
  const words = contentWords(text);
  if (!words.length) return 0;
  const bag = new Map<string, number>();
  for (const w of contentWords(other)) bag.set(w, (bag.get(w) ?? 0) + 1);
  let found = 0;
  for (const w of words) {
    const n = bag.get(w) ?? 0;
    if (n > 0) {
      found++;
      bag.set(w, n - 1);
    }
  }
  return found / words.length;
}
