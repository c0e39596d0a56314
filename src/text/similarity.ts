import { comparisonKey } from './normalize.js';

/** A text prepared for repeated comparisons: its comparison key and the counts of its character bigrams. */
export interface TextProfile {
  key: string;
  bigrams: Map<string, number>;
}

export function textProfile(s: string): TextProfile {
  const key = comparisonKey(s);
  const bigrams = new Map<string, number>();
  for (let i = 0; i < key.length - 1; i++) {
    const g = key.slice(i, i + 2);
    bigrams.set(g, (bigrams.get(g) ?? 0) + 1);
  }
  return { key, bigrams };
}

/** Dice coefficient on character bigrams of two profiles: 1 same text, 0 nothing in common. */
export function profileSimilarity(a: TextProfile, b: TextProfile): number {
  if (a.key === b.key) return 1;
  if (a.key.length < 2 || b.key.length < 2) return 0;
  let inter = 0;
  for (const [g, n] of a.bigrams) inter += Math.min(n, b.bigrams.get(g) ?? 0);
  return (2 * inter) / (a.key.length - 1 + (b.key.length - 1));
}

/** Dice coefficient on character bigrams of the comparison keys: 1 same text, 0 nothing in common. */
export function similarity(a: string, b: string): number {
  return profileSimilarity(textProfile(a), textProfile(b));
}
