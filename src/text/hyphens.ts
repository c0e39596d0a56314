import { LINE_END_FULL, LINE_END_SPACED_HYPHEN, LINE_END_TYPO_HYPHEN } from './normalize.js';

/**
 * Line-end hyphens, settled for a whole document. `joinWrappedLines` leaves a mark where a line ended on a
 * hyphen that may be soft (the producer's hyphenation: "préven-/tion") or real ("médico-/social"); only the
 * document as a whole can tell which, from:
 * - its own vocabulary: the compound or the joined word written elsewhere on one line (inflections counted:
 *   "médico-sociaux" speaks for "médico-/social");
 * - its typography: a producer that draws its hyphenation with U+2010 "‐" and never uses that character
 *   inside a line (Chromium) marks every soft hyphen, and then a plain "-" at a line end is a typed one;
 * - whether it hyphenates at all: words cut into pieces that are not words ("accompa-/gnement") at many line
 *   ends, or words it also writes whole. A document that does not hyphenate keeps every line-end hyphen; one
 *   that does keeps those between two words it knows ("gynécologie-/obstétrique", "médico-/social").
 * Every rule is about the document's own text: no word list.
 */

const MARK = /[\ue000-\ue003]/;
const HYPHEN = /[-\u2010\u2011]/;
/** A run of letters holding at least one mark: one word cut at one or more line ends. */
const MARKED_WORD = /[\p{L}\ue000-\ue003]*[\ue000-\ue003][\p{L}\ue000-\ue003]*/gu;

/** Every string in a JSON-like value, depth first (object keys too: extra columns are keyed by header text). */
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
    for (const [k, v] of Object.entries(value)) out[f(k)] = mapStrings(v, f);
    return out as T;
  }
  return value;
}

/**
 * Lower case, French rules: Unicode's language-sensitive lower-casing concerns only Turkish, Azeri and Lithuanian,
 * so French is the default mapping, without the locale look-up `toLocaleLowerCase('fr')` pays on every call
 * (25× slower; tested over every code point in test/unit/hyphens.test.ts).
 */
const lower = (s: string) => s.toLowerCase();

/**
 * A light French stem, so that inflected forms count as the same word: plural -s/-x, feminine -e,
 * "-aux" → "-al" ("sociaux", "sociales", "social" → "social"). Short words are kept whole.
 */
export function stem(word: string): string {
  if (word.length < 4) return word;
  return word.replace(/aux$/, 'al').replace(/[sx]$/, '').replace(/e$/, '');
}

const bump = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);

/** Words and hyphenated compounds the document writes on one line (never across a line end), lower case. */
export interface Vocabulary {
  /** Whole words, by stem, with their counts. */
  words: Map<string, number>;
  /** "head-tail" pairs of adjacent parts of hyphenated words, by stems, with their counts. */
  compounds: Map<string, number>;
  /** Stems met as the first / last part of a hyphenated word. */
  heads: Set<string>;
  tails: Set<string>;
  /** Single letters written as words of their own (not elided: "à", not the "l" of "l'"), with their counts. */
  letters: Map<string, number>;
  /** Words written with U+2010 between two letters inside a line. */
  typoHyphenated: number;
  /** Words counted in all. */
  tokens: number;
}

export function emptyVocabulary(): Vocabulary {
  return { words: new Map(), compounds: new Map(), heads: new Set(), tails: new Set(), letters: new Map(), typoHyphenated: 0, tokens: 0 };
}

/** A letter standing alone between spaces or punctuation (not elided, not "(s)", not the "n" of "n°", not next to a mark). */
const LONE_LETTER = /(?<![\p{L}\p{N}'’(\ue000-\ue003])(\p{L})(?![\p{L}\p{N}'’)°\ue000-\ue003])/gu;

/**
 * Adds the words of `texts` to `vocabulary`. Pieces that may be part of a word cut elsewhere are left out: those
 * next to a line-end mark, before or after a dangling hyphen ("accompa-" ending a cell), and a string's first
 * word when it starts in lower case (a cell that begins with the end of a word: "ment pour…").
 */
export function addToVocabulary(vocabulary: Vocabulary, texts: Iterable<string>): Vocabulary {
  for (const text of texts) {
    for (const m of lower(text).matchAll(LONE_LETTER)) bump(vocabulary.letters, m[1]!);
    const tokens = lower(text).split(/[^\p{L}\-\u2010\u2011\ue000-\ue003]+/u);
    const skipFirst = /^\s*\p{Ll}/u.test(text);
    tokens.forEach((token, n) => {
      if (!token) return;
      if (/\p{L}\u2010\p{L}/u.test(token)) vocabulary.typoHyphenated++;
      const segments = token.split(MARK);
      segments.forEach((segment, i) => {
        const parts = segment.split(HYPHEN);
        const whole = (k: number) =>
          !!parts[k] && !(k === 0 && i > 0) && !(k === parts.length - 1 && i < segments.length - 1) && parts[k - 1] !== '' && parts[k + 1] !== '';
        for (let k = 0; k < parts.length; k++)
          if (whole(k) && !(skipFirst && n === 0 && i === 0 && k === 0)) {
            bump(vocabulary.words, stem(parts[k]!));
            vocabulary.tokens++;
          }
        for (let k = 0; k + 1 < parts.length; k++) {
          if (!whole(k) || !whole(k + 1)) continue;
          const [a, b] = [parts[k]!, parts[k + 1]!];
          bump(vocabulary.compounds, `${stem(a)}-${stem(b)}`);
          vocabulary.heads.add(stem(a));
          vocabulary.tails.add(stem(b));
        }
      });
    });
  }
  return vocabulary;
}

export function vocabularyOf(texts: Iterable<string>): Vocabulary {
  return addToVocabulary(emptyVocabulary(), texts);
}

type Verdict = 'real' | 'soft' | undefined;

/**
 * What the document itself says of "head-/tail": it writes the compound more often than the joined word, or the
 * joined word more often (at least `minSoft` times) than the compound.
 */
export function evidence(head: string, tail: string, vocabulary: Vocabulary, minSoft = 1): Verdict {
  const h = lower(head);
  const t = lower(tail);
  const real = vocabulary.compounds.get(`${stem(h)}-${stem(t)}`) ?? 0;
  const soft = vocabulary.words.get(stem(h + t)) ?? 0;
  return real > soft ? 'real' : soft > real && soft >= minSoft ? 'soft' : undefined;
}

const knownWord = (w: string, vocabulary: Vocabulary) => vocabulary.words.has(stem(lower(w)));

const VOWEL_END = /[aeiouyàâäéèêëîïôöùûüœæ]$/u;
const VOWEL_START = /^[aeiouyàâäéèêëîïôöùûüœæ]/u;

/**
 * French hyphenation never cuts between two vowels, except after a short prefix ("co-/ordination",
 * "ré-/adaptation", "pluri-/annuels"): a cut between two vowels after a longer head is a compound's hyphen
 * ("gynécologie-/obstétrique").
 */
function betweenVowels(head: string, tail: string): boolean {
  const h = lower(head);
  return h.length >= 6 && VOWEL_END.test(h) && VOWEL_START.test(lower(tail));
}

/**
 * A grammatical word ("de", "par", "pour"): short and among the document's most frequent words. It does not
 * start a compound; a cut after it is the hyphenation of a longer word ("par-/tout", "pour-/suite").
 */
function grammatical(head: string, vocabulary: Vocabulary): boolean {
  const h = lower(head);
  return h.length <= 4 && (vocabulary.words.get(stem(h)) ?? 0) >= Math.max(10, vocabulary.tokens / 500);
}

/**
 * Could "head-tail" be a compound of the document's words? The tail is a word it uses (or the last part of one
 * of its compounds), and the head too (or the first part of one of its compounds: "médico-", "co-").
 */
export function looksCompound(head: string, tail: string, vocabulary: Vocabulary): boolean {
  const h = stem(lower(head));
  const t = stem(lower(tail));
  const tailKnown = (t.length >= 3 && (vocabulary.words.get(t) ?? 0) >= 2) || vocabulary.tails.has(t);
  const headKnown = (h.length >= 3 && vocabulary.words.has(h) && !grammatical(head, vocabulary)) || vocabulary.heads.has(h);
  return tailKnown && headKnown;
}

/** What the whole document says of its line-end hyphens (see the module comment). */
export interface HyphenContext {
  vocabulary: Vocabulary;
  /** The document draws its own hyphenation with U+2010 (and never uses it inside a line). */
  typoConvention: boolean;
  /** The document hyphenates words at line ends. */
  hyphenates: boolean;
  /** What `hyphenates` was judged on: cuts, and those the vocabulary shows soft, real, or cut into non-words. */
  counts: { cuts: number; soft: number; real: number; pieces: number };
}

/** A mark between two runs of letters: its kind, the letters before it and the rest of the word after it. */
interface Cut {
  mark: string;
  head: string;
  tail: string;
  /** The tail is followed by an apostrophe: an elided word ("d'", "l'"), a word of its own. */
  elided?: boolean;
}

function* cutsOf(texts: Iterable<string>): Generator<Cut> {
  for (const s of texts)
    if (MARK.test(s))
      for (const m of s.matchAll(MARKED_WORD)) {
        const segments = m[0].split(/([\ue000-\ue003])/);
        for (let i = 1; i < segments.length; i += 2) {
          const head = segments[i - 1]!;
          const tail = segments.slice(i + 1).filter((_, k) => k % 2 === 0).join('');
          if (head && tail) yield { mark: segments[i]!, head, tail };
        }
      }
}

/** Reads the document's conventions from its marks and vocabulary. */
export function hyphenContext(cuts: readonly Cut[], vocabulary: Vocabulary): HyphenContext {
  const typoConvention = vocabulary.typoHyphenated === 0 && cuts.some((c) => c.mark === LINE_END_TYPO_HYPHEN);
  let soft = 0;
  let real = 0;
  let pieces = 0;
  for (const c of cuts) {
    const verdict = evidence(c.head, c.tail, vocabulary);
    if (verdict === 'soft') soft++;
    else if (verdict === 'real') real++;
    else if (!knownWord(c.head, vocabulary) && !knownWord(c.tail, vocabulary) && !looksCompound(c.head, c.tail, vocabulary)) pieces++;
  }
  // Hyphenation shows as words the document also writes whole (a real compound may too: "co-/financement"
  // beside "cofinancement", hence the margin over the real ones), and as most line-end cuts leaving pieces.
  const hyphenates = typoConvention || (soft >= 2 && soft >= 2 * real && soft + pieces >= 0.5 * cuts.length);
  return { vocabulary, typoConvention, hyphenates, counts: { cuts: cuts.length, soft, real, pieces } };
}

/**
 * Settles one mark between `head` and `tail` (the rest of the word: following marks taken as soft): the
 * text that replaces the mark, "" (soft), "-" (real) or " - " (a spaced dash).
 */
export function settleMark(cut: Cut, context: HyphenContext): string {
  const { vocabulary } = context;
  if (cut.mark === LINE_END_FULL) return settleFullLine(cut, vocabulary);
  const spaced = cut.mark === LINE_END_SPACED_HYPHEN;
  const real = spaced ? ' - ' : '-';
  // A producer that draws its hyphenation apart: its hyphens are soft, and any other one was typed.
  if (context.typoConvention) return cut.mark === LINE_END_TYPO_HYPHEN ? '' : real;
  // In a document that does not hyphenate, a joined word written once is rather a spelling variant
  // ("seinomarin" beside "Seino-/marin").
  const verdict = evidence(cut.head, cut.tail, vocabulary, context.hyphenates ? 1 : 2);
  if (verdict) return verdict === 'soft' ? '' : '-';
  if (!context.hyphenates) return real;
  if (spaced) return knownWord(cut.head, vocabulary) || knownWord(cut.tail, vocabulary) ? real : '';
  return looksCompound(cut.head, cut.tail, vocabulary) || betweenVowels(cut.head, cut.tail) ? real : '';
}

/**
 * A line filled by one word, broken without a hyphen before a lower-case line: one word cut for want of room
 * ("accompagneme" / "nt"), or a long word followed by the next one. Joined when the document writes the joined
 * word; spaced when the second part is an elided word ("d'"); a short second part (three letters or fewer) is
 * a word only when the document writes it more than once on its own (a single letter as often as its common
 * words: "à", not the "l" of "l'", the "n" of "n°"), a longer one when it or the first part is a word of it.
 */
function settleFullLine(cut: Cut, vocabulary: Vocabulary): string {
  // An elided word ("d'", "l'") is a word of its own: no word goes on past an apostrophe.
  if (cut.elided) return ' ';
  if ((vocabulary.words.get(stem(lower(cut.head + cut.tail))) ?? 0) > 0) return '';
  const tail = lower(cut.tail);
  if (tail.length === 1) return (vocabulary.letters.get(tail) ?? 0) >= Math.max(3, vocabulary.tokens / 1000) ? ' ' : '';
  if (tail.length <= 3) return (vocabulary.words.get(tail) ?? 0) >= 2 ? ' ' : '';
  return knownWord(cut.head, vocabulary) || knownWord(cut.tail, vocabulary) ? ' ' : '';
}

/** Replaces the marks of one string, left to right (a word cut twice is judged with its first cut settled). */
function settleString(s: string, context: HyphenContext): string {
  return s.replace(MARKED_WORD, (word: string, offset: number) => {
    const segments = word.split(/([\ue000-\ue003])/);
    const elided = /^['’]/.test(s.slice(offset + word.length));
    let out = segments[0]!;
    for (let i = 1; i < segments.length; i += 2) {
      const head = /\p{L}*$/u.exec(out)![0];
      const mark = segments[i]!;
      // A full line ends a word (or a piece of one): what follows it up to the next mark is all it joins.
      const tail = mark === LINE_END_FULL ? segments[i + 1]! : segments.slice(i + 1).filter((_, k) => k % 2 === 0).join('');
      const cut = { mark, head, tail, elided: elided && i === segments.length - 2 };
      out += head && tail ? settleMark(cut, context) : mark === LINE_END_SPACED_HYPHEN ? ' - ' : mark === LINE_END_FULL ? ' ' : '-';
      out += segments[i + 1]!;
    }
    return out;
  });
}

/**
 * Replaces every line-end mark in a document by "", "-" or " - ", judged on the document's own words.
 * `context` adds text the reader saw beside the document's strings (the pages' reading lines of a PDF),
 * for a richer vocabulary; its own marks do not count as the document's.
 */
export function resolveLineEndHyphens<T>(doc: T, context: Iterable<string> = []): T {
  // Full lines broken without a hyphen say nothing of the document's hyphenation.
  const cuts = [...cutsOf(stringsOf(doc))].filter((c) => c.mark !== LINE_END_FULL);
  if (!cuts.length && ![...stringsOf(doc)].some((s) => MARK.test(s))) return doc;
  // Distinct strings: a cell's text is also in the page's reading lines, a funding's raw text in its cell.
  const vocabulary = vocabularyOf(new Set([...stringsOf(doc), ...context]));
  const settled = hyphenContext(cuts, vocabulary);
  // A word rejoined from pieces that are no words of the document ("Pluriprofes-/sionnelle") is as good as one
  // written whole: it speaks for its other cuts ("Pluri-/professionnelle", where "pluri" alone is a word).
  const rejoined = cuts
    .filter((c) => settleMark(c, settled) === '' && !knownWord(c.head, vocabulary) && !knownWord(c.tail, vocabulary))
    .map((c) => c.head + c.tail);
  addToVocabulary(vocabulary, rejoined);
  return mapStrings(doc, (s) => (MARK.test(s) ? settleString(s, settled) : s));
}
