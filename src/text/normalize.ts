/** Text helpers shared by every reader: whitespace, typography folding, wrapped-line joining. */

/** Non-breaking and exotic spaces become plain spaces; runs of spaces collapse; ends trimmed. */
export function cleanSpaces(s: string): string {
  return s.replace(/[\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\t]/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Folds typography so that two spellings of the same text compare equal (quotes, dashes, case, accents kept). */
export function foldTypography(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u00ad\ue000]/g, '')
    .replace(/[’‘‛`´]/g, "'")
    .replace(/[«»“”„]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:!?)])/g, '$1')
    .replace(/([(]) /g, '$1')
    .trim();
}

/** A comparison key: typography folded, lower case, accents removed. */
export function comparisonKey(s: string): string {
  return foldTypography(s)
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9%€#+ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Bullet or arrow that opens a list item inside a cell ("- ", "• ", "⇒ "). */
export const LIST_MARKER = /^\s*(?:[-•▪◦●■–—⇒➢►\u2022\uf0b7\uf0a7\uf0d8]|\d+[.)])\s+/;

/**
 * Stands, inside a word, for a hyphen met at a line end that may be a soft (layout) hyphen or a real one
 * ("préven-/tion" or "médico-/social"). Only the whole document can tell which: `resolveLineEndHyphens`
 * settles every one of them from the document's own vocabulary before the document leaves its reader.
 */
export const LINE_END_HYPHEN = '\ue000';

/**
 * Joins lines wrapped by the layout into the gold text form: wrapped lines are joined with one space,
 * list items keep their own line, and a word split by a soft hyphen at a line end is rejoined.
 * A real hyphen ("médico-") at the end of a line stays and the next word follows without a space.
 */
export function joinWrappedLines(lines: readonly string[]): string {
  const out: string[] = [];
  for (const raw of lines) {
    const line = cleanSpaces(raw);
    if (!line) continue;
    const prev = out.length ? out[out.length - 1]! : undefined;
    if (prev === undefined || LIST_MARKER.test(line)) {
      out.push(line);
    } else if (/\u00ad$/.test(prev)) {
      out[out.length - 1] = prev.slice(0, -1) + line;
    } else if (/\p{L}[-\u2010\u2011]$/u.test(prev) && /^\p{Ll}/u.test(line)) {
      out[out.length - 1] = prev.slice(0, -1) + LINE_END_HYPHEN + line;
    } else if (/\p{Ll} [\u2010\u2011]$/u.test(prev) && /^\p{Ll}/u.test(line)) {
      // A hyphenation hyphen some producers draw apart from its word ("anes ‐" / "thésie").
      out[out.length - 1] = prev.slice(0, -2) + LINE_END_HYPHEN + line;
    } else if (/\p{L}[-\u2010\u2011]$/u.test(prev) && /^\p{Lu}/u.test(line)) {
      out[out.length - 1] = `${prev.slice(0, -1)}-${line}`; // "Seine-/Maritime": a capital never follows a soft hyphen
    } else {
      out[out.length - 1] = `${prev} ${line}`;
    }
  }
  return out.join('\n');
}

/** "PROJET RÉGIONAL DE SANTÉ" → "Projet régional de santé" (first letter kept upper, rest lower). */
export function sentenceCase(s: string): string {
  const lower = s.toLocaleLowerCase('fr-FR');
  return lower.charAt(0).toLocaleUpperCase('fr-FR') + lower.slice(1);
}

/** True when the string has letters and all of them are capitals. */
export function isAllCaps(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length > 1 && letters === letters.toLocaleUpperCase('fr-FR');
}
