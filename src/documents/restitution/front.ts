/** The parts of a restitution brochure outside its themes: date, signatories, key figures, workshop places, lists. */
import type { KeyFigures, Signatory } from '../../model/index.js';
import { cleanSpaces, isAllCaps } from '../../text/normalize.js';
import { GROUPED_NUMBER, parseGroupedNumber } from '../../text/numbers.js';
import { findFrenchDates, resolveDate } from '../../text/dates.js';
import type { SourceLine } from './source-lines.js';
import { type Unit, itemText, opensSentence } from './units.js';

/** "Pierre-André DURAND, préfet de la région Normandie" — given names capitalised, surname in capitals, then the role. */
const SIGNATURE =
  /^((?:\p{Lu}[\p{Ll}’']+)(?:[- ]\p{Lu}[\p{Ll}’']+)*)\s+(\p{Lu}{2,}(?:[-' ’]\p{Lu}{2,})*)\s*,\s*(\p{L}.*)$/u;

/**
 * Signatures: the name, then the role, which may wrap. A following line continues the role when it starts in
 * lower case, or when it is the one tail line of a wrapped signature ("… préfet de la région" + "Normandie, préfet
 * de la Seine-Maritime"): no longer than the signature line, not opening a sentence, and followed by a break
 * (blank line, heading, new paragraph) rather than by the rest of a paragraph. PDF text has no blank line to end
 * the signature, so these shapes are all there is to go on.
 */
export function findSignatories(lines: readonly SourceLine[]): Signatory[] {
  const out: Signatory[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = SIGNATURE.exec(lines[i]!.text);
    if (!m) continue;
    const role = [m[3]!];
    for (let j = i + 1; j < lines.length && role.length < 4; j++) {
      const next = lines[j]!.text;
      if (!next || isAllCaps(next) || /[.:;]$/.test(role[role.length - 1]!)) break;
      if (/^\p{Ll}/u.test(next)) {
        role.push(next);
        continue;
      }
      const after = lines[j + 1]?.text ?? '';
      const tail =
        role.length === 1 &&
        /^\p{Lu}/u.test(next) &&
        !opensSentence(next) &&
        next.length <= 1.25 * lines[i]!.text.length &&
        (!after || isAllCaps(after) || !/^\p{Ll}/u.test(after));
      if (!tail) break;
      role.push(next);
      break;
    }
    const name = `${m[1]} ${m[2]}`;
    if (!out.some((s) => s.name === name)) out.push({ name, role: cleanSpaces(role.join(' ')).replace(/[.;]$/, '') });
  }
  return out;
}

/** A number as printed, with spaces of any width as thousands separators ("1 250", "1\u202f250"). */
const NUMBER = `(${GROUPED_NUMBER})`;
const toNumber = (s: string) => parseGroupedNumber(s) ?? NaN;

function mostFrequent(values: number[]): number | null {
  if (!values.length) return null;
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0]!;
  for (const v of values) if (counts.get(v)! > counts.get(best)!) best = v;
  return best;
}

const ARTICLES = new Set(['la', 'le', 'les', 'des', 'du', 'l', 'un', 'une', 'ces', 'leur', 'leurs']);

/** Key figures: "1 250 participants", "80 heures d’échanges", "18 ateliers", "47% de soignants". */
export function findKeyFigures(text: string): KeyFigures {
  const all = (re: RegExp) => [...text.matchAll(re)].map((m) => toNumber(m[1]!));
  const participants = mostFrequent(all(new RegExp(`${NUMBER}\\s+participant(?:e)?s\\b`, 'giu')));
  const hours = mostFrequent(
    all(new RegExp(`${NUMBER}\\s*(?:h|heures?)\\s+(?:de\\s+|d['’]\\s*)(?:d[ée]bats?|[ée]changes?|discussions?|concertations?|travail)`, 'giu')),
  );
  const workshops = mostFrequent(all(new RegExp(`${NUMBER}\\s+ateliers\\b`, 'giu')));
  const participantShares: Record<string, number> = {};
  const share = /(\d{1,3}(?:[.,]\d+)?)\s*%\s*(?:de\s+|d['’]\s*)(\p{L}[\p{L}-]*)(?=[ \t]*(?:$|[,;]|\d{1,3}(?:[.,]\d+)?\s*%))/gmu;
  for (const m of text.matchAll(share)) {
    const group = m[2]!.toLowerCase();
    if (ARTICLES.has(group) || group in participantShares) continue;
    participantShares[group] = Number(m[1]!.replace(',', '.'));
  }
  return { participants, hours, workshops, participantShares };
}

/** Particles that may stay in lower case inside a place name ("Les Andelys", "Saint-Hilaire-du-Harcouët"). */
const PARTICLES = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'sur', 'sous', 'en', 'lès', 'lez', 'et', 'au', 'aux', "d'", "l'", 'd’', 'l’']);
const PLACE_LINE = /^-?\p{L}[\p{L}'’ -]*$/u;

function isPlaceFragment(text: string, continuing: boolean): boolean {
  if (text.length > 40 || !PLACE_LINE.test(text) || /^atelier/i.test(text) || isAllCaps(text)) return false;
  const words = text.split(' ');
  if (words.length > 4) return false;
  return words.every((w, i) => {
    if (i === 0 && (continuing || w.startsWith('-'))) return true;
    const head = w.split('-')[0]!;
    return /^\p{Lu}/u.test(w) || PARTICLES.has(head.toLowerCase());
  }) && (/^\p{Lu}/u.test(text) || continuing || text.startsWith('-'));
}

/**
 * Names from a run of place fragments: "Creully-" + "sur-Seulles Hérouville-" + "Saint-Clair", "Sotteville-lès" +
 * "-Rouen", "Pont-l’" + "Abbé".
 */
function assemblePlaces(fragments: readonly string[]): string[] {
  const names: string[] = [];
  for (const fragment of fragments) {
    let rest = fragment;
    const lastName = names[names.length - 1];
    if (lastName !== undefined && /[-’']$/.test(lastName)) {
      const [first, ...others] = rest.split(' ');
      names[names.length - 1] = lastName + first!.replace(/^-/, '');
      rest = others.join(' ');
    } else if (lastName !== undefined && rest.startsWith('-')) {
      const [first, ...others] = rest.split(' ');
      names[names.length - 1] = lastName + first!;
      rest = others.join(' ');
    }
    if (rest) names.push(rest);
  }
  return names.map((n) => n.replace(/-$/, '')).filter((n) => /\p{L}{2}/u.test(n));
}

/**
 * The places where the workshops were held: the longest run of place-name lines (a map's labels or a list of
 * towns), else the photo captions ("Atelier de Vire", "Atelier du Havre").
 */
export function findWorkshopPlaces(lines: readonly SourceLine[], expected: number | null): string[] {
  const runs: string[][] = [];
  let fragments: string[] = [];
  const close = () => {
    if (fragments.length) runs.push(assemblePlaces(fragments));
    fragments = [];
  };
  for (const l of lines) {
    if (!l.text) continue;
    const continuing = fragments.length > 0 && /[-’']$/.test(fragments[fragments.length - 1]!);
    if (isPlaceFragment(l.text, continuing)) fragments.push(l.text);
    else close();
  }
  close();
  const candidates = runs.filter((r) => r.length >= 4);
  candidates.sort((a, b) => {
    const fit = (r: string[]) => (expected !== null && r.length === expected ? 1 : 0);
    return fit(b) - fit(a) || b.length - a.length;
  });
  if (candidates[0]) return candidates[0];

  const captions: string[] = [];
  for (const l of lines)
    for (const m of l.text.matchAll(/\bAtelier\s+(du|des|de|d['’])\s*(\p{Lu}[\p{L}'’-]*(?:\s+(?!Atelier\b)\p{Lu}[\p{L}'’-]*)*)/gu)) {
      const prep = m[1]!.toLowerCase();
      const name = prep === 'du' ? `Le ${m[2]}` : prep === 'des' ? `Les ${m[2]}` : m[2]!;
      if (!captions.includes(name)) captions.push(name);
    }
  return captions;
}

/** The items of the first list introduced by a sentence that matches `intro` and ends with a colon. */
export function findIntroducedList(units: readonly Unit[], intro: RegExp): string[] {
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.type !== 'prose') continue;
    const lastParagraph = u.paragraphs[u.paragraphs.length - 1] ?? '';
    if (!/:\s*$/.test(lastParagraph) || !intro.test(lastParagraph)) continue;
    const items: string[] = [];
    for (let j = i + 1; j < units.length && units[j]!.type === 'item'; j++) items.push(itemText(units[j] as Extract<Unit, { type: 'item' }>));
    if (items.length) return items;
  }
  return [];
}

/** The date of the restitution: a full date in a sentence about the restitution, else a dated line on the cover. */
export function findRestitutionDate(lines: readonly SourceLine[]): string {
  const text = lines.map((l) => l.text || '\n').join(' ');
  const sentences = text.split(/(?<=[.!?])\s+|\n/);
  for (const sentence of sentences) {
    if (!/restitution/i.test(sentence)) continue;
    for (const d of findFrenchDates(sentence)) {
      if (d.year === undefined) continue;
      const r = resolveDate(d);
      if (r.iso) return r.iso;
    }
  }
  for (const l of lines.slice(0, 25)) {
    const d = findFrenchDates(l.text).find((x) => x.year !== undefined);
    if (d && l.text.length < 80) return resolveDate(d).iso;
  }
  return '';
}
