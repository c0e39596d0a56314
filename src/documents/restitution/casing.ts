/**
 * Headings printed in capitals, given back in sentence case with the document's own capitalisation of proper
 * nouns and acronyms. The evidence is the document itself: how the heading's words are written in its running
 * (mixed-case) text, preferring the longest run of the heading found there ("… de tous les Français", "du Conseil
 * national de la refondation"), and ignoring capitals that only mark the start of a sentence.
 */
import { isAllCaps } from '../../text/normalize.js';
import { FRENCH_DEPARTMENTS, FRENCH_REGIONS } from '../events/places.js';

const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

interface CorpusToken {
  form: string;
  key: string;
  /** Its capital says nothing: it opens a sentence, a paragraph or a list item. */
  atSentenceStart: boolean;
}

export interface CaseCorpus {
  tokens: CorpusToken[];
  positions: Map<string, number[]>;
}

/** Comparison key of a word: lower case, accents and apostrophe variants folded. */
export function wordKey(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/’/g, "'");
}

/**
 * Builds the evidence from paragraphs of running text (each string one paragraph or list item). Lines printed
 * in capitals are not evidence and should be left out by the caller.
 */
export function buildCaseCorpus(paragraphs: readonly string[]): CaseCorpus {
  const tokens: CorpusToken[] = [];
  for (const paragraph of paragraphs) {
    const text = paragraph.replace(/^\s*(?:[-•▪◦●■–—⇒➢►\u2022\uf0b7\uf0a7\uf0d8]|\d+[.)])\s+/, '');
    let last = 0;
    let first = true;
    for (const m of text.matchAll(WORD)) {
      const between = text.slice(last, m.index);
      const atSentenceStart = first || /[.!?…]\s*["»”)]?\s*$/.test(between);
      tokens.push({ form: m[0], key: wordKey(m[0]), atSentenceStart });
      last = m.index + m[0].length;
      first = false;
    }
    // A paragraph boundary: no phrase runs across it.
    tokens.push({ form: '', key: '\u0000', atSentenceStart: true });
  }
  const positions = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    if (!t.form) return;
    const list = positions.get(t.key);
    if (list) list.push(i);
    else positions.set(t.key, [i]);
  });
  return { tokens, positions };
}

/** True when the form's capitals tell nothing: a capitalised word opening a sentence (an acronym still tells). */
function uninformative(t: CorpusToken): boolean {
  return t.atSentenceStart && /^\p{Lu}/u.test(t.form) && !(t.form.length >= 2 && isAllCaps(t.form));
}

/** Copies the letter case of `model` onto `word` when they spell the same letters; else takes `model` as is. */
function transferCase(word: string, model: string): string {
  const w = [...word];
  const m = [...model];
  if (w.length !== m.length) return model;
  return w
    .map((c, i) => {
      const mc = m[i]!;
      return mc !== mc.toLocaleLowerCase('fr-FR') ? c.toLocaleUpperCase('fr-FR') : c.toLocaleLowerCase('fr-FR');
    })
    .join('');
}

/** An acronym with no vowel (CTS, PRS, GHT) is kept in capitals even without evidence. */
function looksLikeAcronym(word: string): boolean {
  return word.length >= 2 && word.length <= 6 && isAllCaps(word) && !/[AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜ]/u.test(word);
}

/**
 * Place names whose capitals are known without evidence from the document: the regions, and the compound names
 * of départements ("Seine-Maritime", "Pays de la Loire"). Single-word département names are left out: several are
 * common words too (Manche, Nord, Lot, Somme, Vienne).
 */
const KNOWN_NAMES: readonly { keys: string[]; forms: string[] }[] = [
  ...FRENCH_REGIONS,
  ...FRENCH_DEPARTMENTS.filter((d) => /[\s-]/.test(d)),
]
  .filter((name) => !/^(?:la|le|les) /i.test(name)) // "LA RÉUNION DU COMITÉ" is a meeting, not the island
  .map((name) => {
  const forms = [...name.matchAll(WORD)].map((m) => m[0]);
  return { keys: forms.map(wordKey), forms };
});

const MAX_OCCURRENCES = 1000;
/** Longer "headings" (a page of capitals) get word-by-word evidence only: phrase search would be quadratic. */
const MAX_PHRASE_WORDS = 80;
/** Words in a run of the heading found in the text for that run's capitals to be trusted. */
const STRONG_PHRASE = 4;

/**
 * "FAIRE ENTRER LA PRÉVENTION DANS LE QUOTIDIEN DE TOUS LES FRANÇAIS" → "Faire entrer la prévention dans le
 * quotidien de tous les Français". A heading that is not in capitals is returned unchanged (spaces cleaned).
 */
export function restoreHeadingCase(heading: string, corpus: CaseCorpus): string {
  const text = heading.replace(/\s+/g, ' ').trim();
  if (!isAllCaps(text)) return text;

  // Words and the separators around them.
  const words: { form: string; key: string; sepBefore: string }[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    words.push({ form: m[0], key: wordKey(m[0]), sepBefore: text.slice(last, m.index) });
    last = m.index + m[0].length;
  }
  const tail = text.slice(last);
  if (!words.length) return text;

  // A hyphen lost in the heading ("HAUTS-DE FRANCE") is put back when the running text has the joined word.
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1]!;
    const joined = `${a.key}-${b.key}`;
    if (b.sepBefore === ' ' && corpus.positions.has(joined)) {
      words.splice(i, 2, { form: `${a.form}-${b.form}`, key: joined, sepBefore: a.sepBefore });
    }
  }

  const n = words.length;
  // phrase[i]: forms of word i in the longest run of the heading found in the text (informative forms only);
  // votes[i]: forms of word i wherever it occurs informatively.
  const phrase: { length: number; forms: string[] }[] = words.map(() => ({ length: 0, forms: [] }));
  const votes: string[][] = words.map(() => []);
  for (let a = 0; a < n; a++) {
    const starts = corpus.positions.get(words[a]!.key) ?? [];
    for (const p of starts.slice(0, MAX_OCCURRENCES)) {
      let len = 0;
      if (n <= MAX_PHRASE_WORDS) while (a + len < n && corpus.tokens[p + len]?.key === words[a + len]!.key) len++;
      if (!uninformative(corpus.tokens[p]!)) votes[a]!.push(corpus.tokens[p]!.form);
      for (let j = 0; j < len; j++) {
        const token = corpus.tokens[p + j]!;
        if (uninformative(token)) continue;
        const slot = phrase[a + j]!;
        if (len > slot.length) {
          slot.length = len;
          slot.forms = [token.form];
        } else if (len === slot.length) slot.forms.push(token.form);
      }
    }
  }

  const known: (string | undefined)[] = words.map(() => undefined);
  for (const name of KNOWN_NAMES)
    for (let a = 0; a + name.keys.length <= n; a++)
      if (name.keys.every((k, j) => words[a + j]!.key === k)) name.forms.forEach((f, j) => (known[a + j] = f));

  const out = words.map((w, i) => {
    const knownForm = known[i];
    if (knownForm !== undefined) return w.sepBefore + transferCase(w.form, knownForm);
    // A long run of the heading is decisive ("… de tous les Français"); a short one ("de la Prévention", part of
    // a ministry's name) is not, and the word's usual form in the text decides.
    const slot = phrase[i]!;
    const strong = slot.length >= Math.min(STRONG_PHRASE, n);
    const forms = strong ? slot.forms : votes[i]!;
    let chosen: string;
    if (!forms.length) chosen = looksLikeAcronym(w.form) ? w.form : w.form.toLocaleLowerCase('fr-FR');
    else chosen = transferCase(w.form, majority(forms));
    return w.sepBefore + chosen;
  });
  const result = out.join('') + tail;
  return capitalizeFirstLetter(result);
}

/** Most frequent form; a tie goes to the form with fewer capitals. */
function majority(forms: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const f of forms) counts.set(f, (counts.get(f) ?? 0) + 1);
  return [...counts.entries()].sort((x, y) => y[1] - x[1] || capitals(x[0]) - capitals(y[0]))[0]![0];
}

function capitals(s: string): number {
  return [...s].filter((c) => c !== c.toLocaleLowerCase('fr-FR')).length;
}

function capitalizeFirstLetter(s: string): string {
  const i = s.search(/\p{L}/u);
  if (i < 0) return s;
  return s.slice(0, i) + s.charAt(i).toLocaleUpperCase('fr-FR') + s.slice(i + 1);
}
