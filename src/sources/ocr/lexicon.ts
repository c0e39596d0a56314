/**
 * Word-list repair of the words the engine read with low confidence: such a word that is not a word of the
 * lexicon is replaced by the one lexicon word close to it, when exactly one is (one lookalike glyph, accent or
 * ligature apart, else one letter added, dropped or changed); with two or more equally close it is left as read
 * and flagged `ambiguous`. A word read with confidence is never touched, whatever the lexicon says.
 *
 * The lexicon is a general French word list (the npm package `an-array-of-french-words`, MIT, ~336,000 forms
 * from the Letterpress list) plus the words the document itself shows read with confidence (place names,
 * acronyms spelt out, the domain's words: "téléconsultation" is not in the general list). A repaired word keeps
 * the engine's confidence, so the cell's mean confidence, and what `fdr check` flags, stay as read.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Below this word confidence (0–100, the engine's scale) a word may be repaired. */
export const REPAIR_BELOW = 85;
/**
 * From this word confidence a word joins the document's own lexicon: the words it is sure of, not a low-confidence
 * one. A word the document prints again (a misprint too: "d'effection") is then kept as read where it reads unsure.
 */
const OWN_FROM = REPAIR_BELOW;

export interface Lexicon {
  /** The general word list, folded (see `fold`). */
  readonly general: ReadonlySet<string>;
  /** The document's own confident words, folded. */
  readonly own: Set<string>;
  /** How often the document shows each word of letters, however surely read, folded. */
  readonly seen: Map<string, number>;
}

export type WordRepair =
  | { outcome: 'kept'; text: string }
  | { outcome: 'repaired'; text: string; read: string }
  | { outcome: 'ambiguous'; text: string; candidates: string[] };

/** The form words are looked up in: lower case, ligatures spelt out, one apostrophe. */
export function fold(word: string): string {
  return word.toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/[’‘]/g, "'");
}

export function makeLexicon(general: Iterable<string>, own: Iterable<string> = []): Lexicon {
  return { general: new Set([...general].map(fold)), own: new Set([...own].map(fold)), seen: new Map() };
}

let generalWords: ReadonlySet<string> | undefined;

/** A new lexicon for one document: the general list (read once per process) and no own words yet. */
export function documentLexicon(): Lexicon {
  if (!generalWords) {
    const require = createRequire(import.meta.url);
    const words = JSON.parse(readFileSync(require.resolve('an-array-of-french-words/index.json'), 'utf8')) as string[];
    generalWords = new Set(words.map(fold));
  }
  return { general: generalWords, own: new Set(), seen: new Map() };
}

const has = (lexicon: Lexicon, word: string) => lexicon.general.has(fold(word)) || lexicon.own.has(fold(word));
/** Below this length, one letter edit from a word reaches too many other words to pick one. */
const LETTER_EDITS_FROM = 4;

/** Punctuation around a word, and the elided article or pronoun before it (l', d', qu'...). */
const AROUND = /^([(«"“[]*)((?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’])?(.*?)([)»"”,.;:!?…\]]*)$/iu;
/** What a word's core may hold: letters, the glyphs the engine reads for letters, inner apostrophes and hyphens. */
const CORE = /^[\p{L}|!1]+(?:['’-][\p{L}|!1]+)*$/u;

/** Lookalike readings: what the engine printed → what the letters may have been. */
const LOOKALIKES: readonly (readonly [string, readonly string[]])[] = [
  ['|', ['l', 'I']],
  ['1', ['l', 'I', 'i']],
  ['!', ['l', 'i']],
  ['l', ['I', 'i']],
  ['I', ['l']],
  ['rn', ['m']],
  ['m', ['rn']],
  ['cl', ['d']],
  ['vv', ['w']],
  ['ii', ['ü', 'u']],
];
/** Accent and diacritic variants of a letter (the engine confuses é/è/ê/e, i/ï/î...). */
const VARIANTS: Record<string, string> = {
  a: 'aàâä',
  e: 'eéèêë',
  i: 'iîï',
  o: 'oôö',
  u: 'uùûü',
  c: 'cç',
  y: 'yÿ',
};
const BASE: Record<string, string> = {};
for (const [base, all] of Object.entries(VARIANTS)) for (const v of all) BASE[v] = base;
const LETTERS = [...'abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœ'];

/** Words one lookalike glyph or one accent apart; every glyph that cannot be a letter ("|", "1", "!") read as one. */
function lookalikeEdits(core: string): Set<string> {
  const out = new Set<string>();
  for (const [from, tos] of LOOKALIKES)
    for (let i = core.indexOf(from); i >= 0; i = core.indexOf(from, i + 1)) for (const to of tos) out.add(core.slice(0, i) + to + core.slice(i + from.length));
  for (let i = 0; i < core.length; i++) {
    const base = BASE[core[i]!.toLowerCase()];
    if (!base) continue;
    for (const v of VARIANTS[base]!) {
      const letter = core[i] === core[i]!.toUpperCase() ? v.toUpperCase() : v;
      if (letter !== core[i]) out.add(core.slice(0, i) + letter + core.slice(i + 1));
    }
  }
  // Glyphs no French word holds, all read as letters at once ("||" → "Il"): each may be l, I or i.
  const glyphs = [...core.matchAll(/[|!1]/g)].map((m) => m.index!);
  if (glyphs.length > 1 && glyphs.length <= 4) {
    let forms = [''];
    let at = 0;
    for (const i of glyphs) {
      // A bar has no dot: "|" is l or I, never i.
      const options = core[i] === '|' ? ['l', 'I'] : core[i] === '!' ? ['l', 'i'] : ['l', 'I', 'i'];
      forms = forms.flatMap((f) => options.map((o) => f + core.slice(at, i) + o));
      at = i + 1;
    }
    for (const f of forms) out.add(f + core.slice(at));
  }
  return out;
}

/** Words one letter added, dropped or changed. */
function letterEdits(core: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= core.length; i++) {
    if (i < core.length) out.add(core.slice(0, i) + core.slice(i + 1));
    for (const l of LETTERS) {
      out.add(core.slice(0, i) + l + core.slice(i));
      if (i < core.length && l !== core[i]!.toLowerCase()) out.add(core.slice(0, i) + l + core.slice(i + 1));
    }
  }
  return out;
}

/** A candidate in the case the word was printed in: a capital (or a glyph read for an I) first stays one. */
function inCase(candidate: string, core: string): string {
  const lower = candidate.toLowerCase();
  const first = core[0]!;
  const capital = (/\p{Lu}/u.test(first) && first !== 'I') || (first === 'I' && lower[0] === 'i') || (/[|1!]/.test(first) && lower[0] === 'i');
  return capital ? lower[0]!.toUpperCase() + lower.slice(1) : lower;
}

/**
 * One word as the engine read it (`confidence` 0–100) → as repaired against the lexicon (see the module
 * comment). Pure.
 */
export function repairWord(text: string, confidence: number, lexicon: Lexicon, below = REPAIR_BELOW): WordRepair {
  if (confidence >= below) return { outcome: 'kept', text };
  // No French word holds two apostrophes in a row ("l''ARS"): one of them is a speck.
  const single = text.replace(/(['’])['’]+/g, '$1');
  if (single !== text) {
    const again = repairWord(single, confidence, lexicon, below);
    return again.outcome === 'repaired' ? { ...again, read: text } : { outcome: 'repaired', text: single, read: text };
  }
  const [, open = '', elision = '', core = '', close = ''] = AROUND.exec(text) ?? [];
  // Too short to judge, a number or code, or an acronym (capitals after the first letter): left as read.
  const noLetter = !/\p{L}/u.test(core);
  if (core.length < 2 || !CORE.test(core) || /\p{Lu}/u.test(core.slice(1)) || (noLetter && /1/.test(core))) return { outcome: 'kept', text };
  if (has(lexicon, core)) return { outcome: 'kept', text };
  // The same unknown word read alike twice or more is the document's (a name, a misprint: "d'effection"), not a
  // misreading, which seldom comes out the same twice.
  if (!noLetter && /^[\p{L}'’-]+$/u.test(core) && (lexicon.seen.get(fold(core)) ?? 0) >= 2) return { outcome: 'kept', text };
  // French writes a diaeresis on a vowel after a vowel only (naïf, Noël): one after a consonant is a speck.
  const plain = core.replace(/(?<![aeiouyàâéèêîôûAEIOUYÀÂÉÈÊÎÔÛ])[ïëüÿ]/gu, (c) => BASE[c]!);
  if (plain !== core) return { outcome: 'repaired', text: open + elision + plain + close, read: text };
  for (const edits of core.length >= LETTER_EDITS_FROM ? [lookalikeEdits, letterEdits] : [lookalikeEdits]) {
    // An I read for a bar stands first only (a capital inside a word is no word's spelling).
    const found = [...new Set([...edits(core)].filter((c) => !/\p{Lu}/u.test(c.slice(1)) && has(lexicon, c)).map((c) => inCase(c, core)))];
    if (!found.length) continue;
    // Between lookalikes, the document's own confident words settle a tie (a word it prints elsewhere).
    const own = edits === lookalikeEdits ? found.filter((c) => lexicon.own.has(fold(c))) : [];
    const chosen = found.length === 1 ? found[0] : own.length === 1 ? own[0] : undefined;
    if (chosen === undefined) return { outcome: 'ambiguous', text, candidates: found.sort() };
    return { outcome: 'repaired', text: open + elision + chosen + close, read: text };
  }
  return { outcome: 'kept', text };
}

/** Adds a page's words to the document's lexicon: those read with confidence to its own words, all to its counts (letters only, three or more). */
export function learnWords(lexicon: Lexicon, words: readonly { text: string; confidence: number }[]): void {
  for (const w of words) {
    const core = AROUND.exec(w.text)?.[3] ?? '';
    if (core.length < 3 || !/^\p{L}+(?:['’-]\p{L}+)*$/u.test(core)) continue;
    lexicon.seen.set(fold(core), (lexicon.seen.get(fold(core)) ?? 0) + 1);
    if (w.confidence >= OWN_FROM) lexicon.own.add(fold(core));
  }
}

/** The words of a page repaired ("read → repaired") and those left as read between two or more candidates. */
export interface RepairTally {
  repaired: string[];
  ambiguous: string[];
}

/** A run's words repaired against the lexicon (see `repairWord`), noted in `tally`. */
export function repairWords<W extends { text: string; confidence: number }>(words: readonly W[], lexicon: Lexicon, tally: RepairTally): W[] {
  return words.map((w) => {
    const r = repairWord(w.text, w.confidence, lexicon);
    if (r.outcome === 'kept') return w;
    if (r.outcome === 'ambiguous') {
      tally.ambiguous.push(`${w.text} (${r.candidates.join(' / ')})`);
      return w;
    }
    tally.repaired.push(`${w.text} → ${r.text}`);
    return { ...w, text: r.text };
  });
}
