import { comparisonKey } from './normalize.js';

/**
 * A text prepared for repeated comparisons: its comparison key and its character bigrams, each coded as one
 * number (two UTF-16 units) and sorted, so that two profiles are compared by one merge of two integer arrays
 * (the PRS-axes finder compares thousands of candidate lines with the 12 axes).
 */
export interface TextProfile {
  key: string;
  bigrams: Int32Array;
}

export function textProfile(s: string): TextProfile {
  const key = comparisonKey(s);
  const bigrams = new Int32Array(Math.max(0, key.length - 1));
  for (let i = 0; i < bigrams.length; i++) bigrams[i] = (key.charCodeAt(i) << 16) | key.charCodeAt(i + 1);
  return { key, bigrams: bigrams.sort() };
}

/** Dice coefficient on character bigrams of two profiles: 1 same text, 0 nothing in common. */
export function profileSimilarity(a: TextProfile, b: TextProfile): number {
  if (a.key === b.key) return 1;
  if (a.key.length < 2 || b.key.length < 2) return 0;
  // Bigrams in common, counted with multiplicity (the smaller count of each): a merge of the sorted codes.
  const x = a.bigrams;
  const y = b.bigrams;
  let inter = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    if (x[i]! === y[j]!) {
      inter++;
      i++;
      j++;
    } else if (x[i]! < y[j]!) i++;
    else j++;
  }
  return (2 * inter) / (a.key.length - 1 + (b.key.length - 1));
}

/** Dice coefficient on character bigrams of the comparison keys: 1 same text, 0 nothing in common. */
export function similarity(a: string, b: string): number {
  return profileSimilarity(textProfile(a), textProfile(b));
}
