/** Text helpers shared by every reader: whitespace, typography folding, wrapped-line joining. */

/** Non-breaking and exotic spaces become plain spaces; runs of spaces collapse; ends trimmed. */
export function cleanSpaces(s: string): string {
  return s.replace(/[\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\t]/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Folds typography so that two spellings of the same text compare equal (quotes, dashes, case, accents kept). */
export function foldTypography(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u00ad\ue000-\ue003]/g, '')
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

/** Bullet or arrow that opens a list item inside a cell ("- ", "• ", "⇒ ", "=> "). */
export const LIST_MARKER = /^\s*(?:[-•▪◦●■–—⇒➢►\u2022\uf0b7\uf0a7\uf0d8]|=>|\d+[.)])\s+/;

/**
 * Stands, inside a word, for a hyphen met at a line end that may be a soft (layout) hyphen or a real one
 * ("préven-/tion" or "médico-/social"). Only the whole document can tell which: `resolveLineEndHyphens`
 * settles every one of them from the document's own vocabulary before the document leaves its reader.
 */
export const LINE_END_HYPHEN = '\ue000';
/** The same, for a U+2010 "‐" at the line end: the glyph some producers (Chromium) draw for their own hyphenation. */
export const LINE_END_TYPO_HYPHEN = '\ue002';
/**
 * Stands for a hyphen drawn apart from the word before it at a line end ("anes -" / "thésie", "droits -" /
 * "accès"): the producer's hyphenation spaced out by justification, or a spaced dash (" - ") of the text.
 */
export const LINE_END_SPACED_HYPHEN = '\ue001';
/**
 * Stands for the end of a line filled by a single word and broken there without a hyphen, the next line going
 * on in lower case: a word longer than its column cut for want of room ("Identificatio" / "n"), or a long word
 * followed by the next one. Settled like the hyphens, joined or spaced.
 */
export const LINE_END_FULL = '\ue003';
/** Any of the four marks above. */
export const LINE_END_MARKS = /[\ue000-\ue003]/g;

/** The mark for a hyphen character met at a line end between letters. */
const markFor = (hyphen: string) => (hyphen === '\u2010' ? LINE_END_TYPO_HYPHEN : LINE_END_HYPHEN);

/** How much of the end of a joined text the line-end tests of joinTwo look at (with room for surrogate pairs). */
const TAIL = 16;

/**
 * Joins two wrapped lines (both cleaned, `line` not empty): the text after `prev` with the hyphen rules.
 * - U+00AD (soft hyphen) ending a line, even with the hyphen glyph drawn after it: the word is rejoined;
 * - a hyphen between letters, lower case after it: marked (soft or real is settled for the whole document);
 * - a hyphen spaced from its word ("anes -" / "thésie"), lower case after it: marked too;
 * - a hyphen before a capital ("Seine-/Maritime") is real, except between two words in capitals ("PARTE-/NAIRES": marked);
 * - a hyphen before a digit ("2023-/2027", "COVID-/19") is real and takes no space;
 * - anything else is joined with one space ("ARS -" / "2024" stays "ARS - 2024").
 */
function joinTwo(prev: string, line: string): string {
  // `prev` grows with each line of a paragraph: the end-anchored tests look at its last characters only
  // (a regex ending in $ would scan it all, line after line). No test below reaches back more than 4 units.
  const at = Math.max(0, prev.length - TAIL);
  const tail = prev.slice(at);
  let m: RegExpExecArray | null;
  if ((m = /\u00ad ?[-\u2010]?$/.exec(tail))) return prev.slice(0, at + m.index) + line;
  if ((m = /\p{L}([-\u2010\u2011])$/u.exec(tail))) {
    const hyphen = m[1]!;
    const head = prev.slice(0, -1);
    if (/^\p{Ll}/u.test(line)) return head + markFor(hyphen) + line;
    if (/^\p{Lu}/u.test(line)) {
      // Words in capitals both sides: a capitalised heading hyphenated like any other word, or "SEINE-MARITIME".
      if (/(?:^|[^\p{L}])\p{Lu}{2,}$/u.test(head) && /^\p{Lu}{2,}/u.test(line)) return head + markFor(hyphen) + line;
      return `${head}-${line}`; // "Seine-/Maritime": a capital never follows a soft hyphen
    }
  }
  if (/\p{Ll} [-\u2010\u2011]$/u.test(tail) && /^\p{Ll}/u.test(line)) return prev.slice(0, -2) + LINE_END_SPACED_HYPHEN + line;
  if (/[\p{L}\p{N}][-\u2010\u2011]$/u.test(tail) && /^\p{N}/u.test(line)) return `${prev.slice(0, -1)}-${line}`;
  // Line breaking may cut after a run of hyphens glued to a word ("Sain--" / "Laurent"), or after a slash
  // between names or acronyms ("ARS/" / "Département"): no space was typed there. Before a lower-case word the
  // slash may have been followed by a space ("urgence/CHRS/ accueil"), which a line break hides: kept.
  if (/\p{L}[-\u2010\u2011]{2,}$/u.test(tail) && /^\p{L}/u.test(line)) return prev + line;
  if (/[\p{L}\p{N}]\/$/u.test(tail) && /^[\p{Lu}\p{N}]/u.test(line)) return prev + line;
  return `${prev} ${line}`;
}

/**
 * Joins lines wrapped by the layout into the gold text form: wrapped lines are joined with one space,
 * list items keep their own line, and a word split by a hyphen at a line end is rejoined (see `joinTwo`):
 * certain cases at once, the others marked for `resolveLineEndHyphens`.
 */
export function joinWrappedLines(lines: readonly string[]): string {
  const out: string[] = [];
  for (const raw of lines) {
    const line = cleanSpaces(raw);
    if (!line) continue;
    const prev = out.length ? out[out.length - 1]! : undefined;
    if (prev === undefined || LIST_MARKER.test(line)) out.push(line);
    else out[out.length - 1] = joinTwo(prev, line);
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
