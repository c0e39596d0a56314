import type { Signatory, TransversalPriority, Warning } from '../../model/index.js';
import { NORMANDIE_TERRITORIES, PRS_NORMANDIE_AXES } from '../../reference/prs-normandie.js';
import { cleanSpaces, comparisonKey, isAllCaps, joinWrappedLines } from '../../text/normalize.js';
import { profileSimilarity, similarity, textProfile } from '../../text/similarity.js';
import type { ProseLine } from './blocks.js';

export interface FrontMatter {
  region: string;
  territory: string;
  territoryType: 'cts' | 'departement';
  title: string;
  period: string;
  signatories: Signatory[];
  prsAxes: string[];
  transversalPriorities: TransversalPriority[];
  warnings: Warning[];
}

const TITLE_WORDS = /feuille de route (territoriale|départementale|departementale)/i;
/** "… du Havre", "… de l’Eure", "… de la Manche", "… de Rouen-Elbeuf" */
const PLACE_AFTER = /^(du|de la|de l['’]|des|de|d['’])\s*(.+)$/i;

/** The territory named after a preposition, with "du Havre" → "Le Havre" when that is the known name. */
export function territoryFromPhrase(phrase: string): string {
  const cleaned = cleanSpaces(phrase).replace(/^(?:CTS|conseil territorial de santé)\s+(?=d)/i, '');
  const m = PLACE_AFTER.exec(cleaned);
  if (!m) return cleaned;
  const [, prep, rest] = m as unknown as [string, string, string];
  const name = rest.replace(/^(?:CTS|territoire)\s+(?:du|de la|de l['’]|de|d['’])\s*/i, '').replace(/[\s.,;:]+$/, '');
  const candidates = prep.toLowerCase() === 'du' ? [`Le ${name}`, name] : [name];
  for (const c of candidates) {
    const known = NORMANDIE_TERRITORIES.find((t) => comparisonKey(t.name) === comparisonKey(c));
    if (known) return known.name;
  }
  return name;
}

interface TitleGuess {
  title: string;
  territory: string;
  territoryType: 'cts' | 'departement';
}

/**
 * The title is "Feuille de route territoriale|départementale <de> <Place>". It is printed on the cover or in the
 * running footer; text converters sometimes swap the two halves of the footer ("4 du HavreFeuille de route
 * territoriale"), so both orders are read.
 */
export function findTitle(lines: readonly string[]): TitleGuess | undefined {
  const direct = /feuille de route (territoriale|départementale|departementale)\s+((?:du|de la|de l['’]|des|de|d['’])\s*[A-ZÀ-Ý][\p{L}'’ -]*?)\s*(?:\d{4}.*)?$/iu;
  const swapped = /^\s*(?:\d+\s*\|?\s*)?((?:du|de la|de l['’]|des|de|d['’])\s*[A-ZÀ-Ý][\p{L}'’ -]*?)\s*feuille de route (territoriale|départementale|departementale)\s*$/iu;
  const guesses: { guess: TitleGuess; weight: number }[] = [];
  for (const raw of lines) {
    const line = cleanSpaces(raw.replace(/\*\*/g, ''));
    if (line.length > 90 || !TITLE_WORDS.test(line)) continue;
    let kind: string | undefined;
    let place: string | undefined;
    let m = direct.exec(line);
    if (m && /^(?:\d+\s*\|\s*)?feuille/i.test(line)) [kind, place] = [m[1], m[2]];
    else if ((m = swapped.exec(line))) [place, kind] = [m[1], m[2]];
    if (!kind || !place || /\bCTS\b/.test(place)) continue;
    const type = /territoriale/i.test(kind) ? 'cts' : 'departement';
    const placeText = cleanSpaces(place);
    const title = `Feuille de route ${type === 'cts' ? 'territoriale' : 'départementale'} ${placeText}`;
    guesses.push({ guess: { title, territory: territoryFromPhrase(placeText), territoryType: type }, weight: 1 });
  }
  if (!guesses.length) return undefined;
  // The most repeated reading wins (footers repeat the title on every page).
  const counts = new Map<string, { guess: TitleGuess; n: number }>();
  for (const { guess } of guesses) {
    const entry = counts.get(guess.title) ?? { guess, n: 0 };
    entry.n++;
    counts.set(guess.title, entry);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]!.guess;
}

/** A prose mention such as "feuille de route territoriale du CTS du Havre" when no title line exists. */
function titleFromMentions(lines: readonly string[]): TitleGuess | undefined {
  const re = /feuille de route (territoriale|départementale)\s+(?:du CTS\s+)?((?:du|de la|de l['’]|de|d['’])\s*[A-ZÀ-Ý][\p{L}'’-]*(?:\s+[A-ZÀ-Ý][\p{L}'’-]*)*)/u;
  for (const line of lines) {
    const m = re.exec(line);
    if (!m) continue;
    const type = m[1]!.startsWith('t') ? 'cts' : 'departement';
    const place = m[2]!;
    return { title: `Feuille de route ${m[1]} ${place}`, territory: territoryFromPhrase(place), territoryType: type };
  }
  return undefined;
}

/** "pour l’année 2024/2025" → "2024-2025"; the PRS's own 2023-2028 is never the roadmap's period. */
export function findPeriod(lines: readonly string[]): string {
  const scored: { period: string; score: number; index: number }[] = [];
  lines.forEach((line, index) => {
    const re = /(20\d\d)(?:\s*[/-]\s*(20\d\d))?/g;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const before = line.slice(Math.max(0, m.index - 40), m.index).toLowerCase();
      let score = 0;
      if (/ann[ée]es?\s*$/.test(before)) score += 3;
      if (/feuille de route[\p{L} ]*\s*$/u.test(before)) score += 3;
      if (/p[ée]riode\s*$/.test(before)) score += 1;
      if (m[2] && line.trim() === m[0]) score += 2; // a range alone on its line, as on a cover under the title
      if (/projet r[ée]gional|prs/.test(before) || /plan|strat[ée]gie/.test(before)) score -= 5;
      if (m[2] && Number(m[2]) - Number(m[1]) > 3) score -= 2; // five-year PRS spans are not a roadmap period
      else if (m[2] && score > 0) score += 1; // "2024/2025" says more than "2024" alone
      if (score > 0) scored.push({ period: m[2] ? `${m[1]}-${m[2]}` : m[1]!, score, index });
    }
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored[0]?.period ?? '';
}

const NAME_LINE = /^((?:[A-ZÀ-Ý][a-zà-ÿ]+)(?:[- ][A-ZÀ-Ý][a-zà-ÿ]+)*)\s+((?:[A-ZÀ-Ý]{2,}['’]?)(?:[- ][A-ZÀ-Ý]{2,})*)$/;
const ROLE_START = /^(directeur|directrice|président|présidente|vice-président|vice-présidente|préfet|préfète|maire|délégué|déléguée|secrétaire|chef|responsable|conseiller|conseillère|sous-préfet)/i;

/** "Thomas DEROCHE" followed by its role lines ("Directeur général ARS Normandie"). */
export function findSignatories(lines: readonly string[]): Signatory[] {
  const out: Signatory[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = NAME_LINE.exec(cleanSpaces(lines[i]!));
    if (!m) continue;
    const roleLines: string[] = [];
    for (let j = i + 1; j < lines.length && roleLines.length < 4; j++) {
      const next = cleanSpaces(lines[j]!);
      if (!next) {
        if (roleLines.length) break;
        continue;
      }
      // A role wraps onto a line starting in lower case, or after a line that cannot end there ("… santé du").
      const cutShort = /(?:^|\s)(?:du|de|des|de la|d['’]|l['’]|le|la|les|et|au|aux|en|à|pour|sur)$/i.test(roleLines[roleLines.length - 1] ?? '');
      const continues = roleLines.length > 0 && (/^[a-zà-ÿ]/.test(next) || cutShort) && !NAME_LINE.test(next) && next.length < 70;
      if ((roleLines.length === 0 && ROLE_START.test(next)) || continues) roleLines.push(next);
      else break;
    }
    if (!roleLines.length) continue;
    const name = `${m[1]} ${m[2]}`;
    if (!out.some((s) => s.name === name)) out.push({ name, role: joinWrappedLines(roleLines).replace(/\n/g, ' ') });
  }
  return out;
}

function stripListDecoration(s: string): string {
  return cleanSpaces(s)
    .replace(/^(?:[-•▪]\s*)?(?:\d{1,2}\s*[.)]\s*)?/, '')
    .replace(/\s*[;.]\s*$/, '')
    .trim();
}

/**
 * The document's own list of the 12 PRS axes. Located by similarity to the reference list (every Normandie
 * roadmap recalls the same 12 axes), but the document's words are kept. The list is searched near its heading
 * ("RAPPEL DES 12 AXES PRIORITAIRES") when there is one, so editorial mentions of an axis are not taken.
 */
export function findPrsAxes(lines: readonly string[]): string[] {
  const text = lines.map(stripListDecoration);
  const heading = lines.findIndex((l) => /axes prioritaires/i.test(l) && isAllCaps(l.replace(/\d+/g, '')));
  const from = heading >= 0 ? Math.max(0, heading - 80) : 0;
  const to = heading >= 0 ? Math.min(lines.length, heading + 80) : lines.length;
  const references = PRS_NORMANDIE_AXES.map(textProfile);
  const best = references.map(() => ({ score: 0, text: '', distance: Infinity }));
  // Each candidate (1 to 4 consecutive lines) is profiled once and compared with the 12 references.
  for (let i = from; i < to; i++) {
    if (!text[i] || text[i]!.length < 8) continue;
    // Equal wording (an editorial bullet repeats an axis): the line nearer the heading is the list's.
    const distance = heading >= 0 ? Math.abs(i - heading) : i;
    const parts: string[] = [];
    for (let k = i; k < Math.min(to, i + 6) && parts.length < 4; k++) {
      if (!text[k]) continue;
      if (parts.length && /^\d{1,2}\s*[.)]/.test(cleanSpaces(lines[k]!))) break;
      parts.push(text[k]!);
      const candidate = joinWrappedLines(parts).replace(/\n/g, ' '); // a word hyphenated at a line end rejoined
      const profile = textProfile(candidate);
      references.forEach((ref, r) => {
        const score = profileSimilarity(profile, ref);
        const current = best[r]!;
        if (score > current.score || (score === current.score && distance < current.distance)) best[r] = { score, text: candidate, distance };
      });
    }
  }
  const found = best.filter((b) => b.score >= 0.8).map((b) => b.text);
  return found.length >= 6 ? found : [];
}

function toPriority(section: { title: string; lines: string[]; at?: ProseLine['at'] }): TransversalPriority {
  const text = joinWrappedLines(section.lines).replace(/\n/g, ' ');
  return section.at ? { title: section.title, text, provenance: section.at } : { title: section.title, text };
}

const TRANSVERSAL_HEADING = /priorit[ée]s\s+(?:r[ée]gionales\s+)?transversales/i;

/** Sections under "LES PRIORITÉS RÉGIONALES TRANSVERSALES …": a short title line, then its paragraphs. */
export function findTransversalPriorities(prose: readonly ProseLine[]): TransversalPriority[] {
  const start = prose.findIndex((l) => TRANSVERSAL_HEADING.test(l.text) && isAllCaps(l.text));
  if (start < 0) return [];
  let i = start + 1;
  // The heading may wrap over a second capitalised line ("APPLIQUÉES DANS LE CTS DU HAVRE").
  while (i < prose.length && (!cleanSpaces(prose[i]!.text) || isAllCaps(prose[i]!.text))) i++;
  const out: TransversalPriority[] = [];
  let current: { title: string; lines: string[]; at?: ProseLine['at'] } | undefined;
  let previousEnded = true;
  for (; i < prose.length; i++) {
    const line = cleanSpaces(prose[i]!.text.replace(/\*\*/g, ''));
    if (!line) continue;
    if (isAllCaps(line) && line.length > 12) break; // next capitalised section heading
    // A title wrapped after a function word ("… la transformation des" / "organisations") goes on.
    if (current && !current.lines.length && /(?:^|\s)(?:de|des|du|la|le|les|et|à|au|aux|en|pour|sur|dans|avec)$/i.test(current.title) && /^[a-zà-ÿ]/.test(line)) {
      current.title = `${current.title} ${line}`;
      continue;
    }
    const looksLikeTitle =
      previousEnded && /^[A-ZÀ-Ý]/.test(line) && line.length <= 90 && !/[.,;:!?]$/.test(line) && line.split(' ').length <= 14;
    if (looksLikeTitle) {
      if (current) out.push(toPriority(current));
      current = { title: line, lines: [], at: prose[i]!.at };
      previousEnded = false; // a title is followed by at least one line of its text
      continue;
    }
    current?.lines.push(line);
    previousEnded = /[.!?:]$/.test(line);
  }
  if (current) out.push(toPriority(current));
  return out.filter((p) => p.text);
}

export function readFrontMatter(prose: readonly ProseLine[]): FrontMatter {
  const lines = prose.map((l) => l.text);
  const warnings: Warning[] = [];
  const title = findTitle(lines) ?? titleFromMentions(lines);
  if (!title) warnings.push({ code: 'title-not-found', message: 'no "Feuille de route territoriale/départementale …" title found' });
  const prsAxes = findPrsAxes(lines);
  if (prsAxes.length && prsAxes.length !== 12)
    warnings.push({ code: 'prs-axes-incomplete', message: `the recalled list of PRS axes has ${prsAxes.length} of 12 axes` });
  const period = findPeriod(lines);
  if (!period) warnings.push({ code: 'period-not-found', message: 'no roadmap period ("pour l’année 2024/2025") found' });
  return {
    region: /normandie/i.test(lines.join(' ')) ? 'Normandie' : '',
    territory: title?.territory ?? '',
    territoryType: title?.territoryType ?? 'cts',
    title: title?.title ?? '',
    period,
    signatories: findSignatories(lines),
    prsAxes,
    transversalPriorities: findTransversalPriorities(prose),
    warnings,
  };
}
