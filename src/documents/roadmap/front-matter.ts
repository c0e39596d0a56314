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
/** "… du Havre", "… d’Évreux-Vernon", "… de la Manche", "… de Rouen-Elbeuf" */
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

/**
 * Lines joined into one running text for reading a phrase across line ends: a word cut by a hyphen at the end
 * of a line ("pé-" / "riode") is rejoined, other lines are joined with a newline. Offsets of the result are
 * what the period search reports.
 */
function runningText(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = cleanSpaces(raw);
    if (out && /\p{L}(?:\u00ad|\s?[-\u2010\u2011])$/u.test(out) && /^\p{Ll}/u.test(line)) out = out.replace(/(?:\u00ad|\s?[-\u2010\u2011])$/u, '') + line;
    else out += (out ? '\n' : '') + line;
  }
  return out;
}

/** "pour l’année 2024/2025" → "2024-2025"; the PRS's own 2023-2028 is never the roadmap's period. */
export function findPeriod(lines: readonly string[]): string {
  const scored: { period: string; score: number; index: number }[] = [];
  const text = runningText(lines);
  // A range may be cut at its dash by a line end ("2024-" / "2025"): separators may be followed by a newline.
  const re = /(?<!\d)(20\d\d)(?:\s*(?:[/\u002d\u2010\u2011\u2012\u2013\u2014]|\sà\s)\s*(20\d\d))?(?!\d)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index).replace(/\s+/g, ' ').toLowerCase();
    const lineStart = m.index === 0 || text[m.index - 1] === '\n';
    const end = m.index + m[0].length;
    const lineEnd = end === text.length || text[end] === '\n';
    let score = 0;
    if (/ann[ée]es?\s*$/.test(before)) score += 3;
    if (/feuille de route[\p{L} ]*\s*$/u.test(before)) score += 3;
    if (/p[ée]riode\s*$/.test(before)) score += 1;
    if (m[2] && lineStart && lineEnd) score += 2; // a range alone on its line, as on a cover under the title
    if (/projet r[ée]gional|prs/.test(before) || /plan|strat[ée]gie/.test(before)) score -= 5;
    if (m[2] && Number(m[2]) - Number(m[1]) > 3) score -= 2; // five-year PRS spans are not a roadmap period
    else if (m[2] && score > 0) score += 1; // "2024/2025" says more than "2024" alone
    if (score > 0) scored.push({ period: m[2] ? `${m[1]}-${m[2]}` : m[1]!, score, index: m.index });
  }
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored[0]?.period ?? '';
}

const NAME_LINE = /^((?:[A-ZÀ-Ý][a-zà-ÿ]+)(?:[- ][A-ZÀ-Ý][a-zà-ÿ]+)*)\s+((?:[A-ZÀ-Ý]{2,}['’]?)(?:[- ][A-ZÀ-Ý]{2,})*)$/;
const ROLE_START = /^(?:(?:le|la|l['’])\s*)?(directeur|directrice|président|présidente|vice-président|vice-présidente|préfet|préfète|maire|délégué|déléguée|secrétaire|chef|responsable|conseiller|conseillère|sous-préfet)/i;

/** A prose line with its place on the page (PDF input). */
interface Placed {
  index: number;
  text: string;
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  size: number;
  bold: boolean;
}

function placedLines(lines: readonly (string | ProseLine)[]): (Placed | undefined)[] {
  return lines.map((l, index) => {
    if (typeof l === 'string' || !l.at?.bbox || l.at.page === undefined) return undefined;
    const [x0, y0, x1, y1] = l.at.bbox;
    return { index, text: cleanSpaces(l.text), page: l.at.page, x0, y0, x1, y1, size: l.size ?? y1 - y0, bold: !!l.bold };
  });
}

const overlapX = (a: Placed, b: Placed) => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));

/**
 * The role under a signatory's name, read from the page: the lines stacked right under the name (no wider gap
 * than a font size, the same line pitch from one to the next), in its column (overlapping the name more than
 * any other name of its row), in one size. The first must read as a role, or be set apart from a bold name.
 */
function roleBelow(name: Placed, placed: readonly (Placed | undefined)[], rowNames: readonly Placed[]): string[] {
  const onPage = placed.filter((l): l is Placed => l !== undefined && l.page === name.page && l.index !== name.index);
  const taken: Placed[] = [];
  let previous = name;
  let pitch: number | undefined;
  while (taken.length < 4) {
    const size = previous.size || name.size;
    const below = onPage.filter(
      (l) =>
        !taken.includes(l) &&
        l.y0 >= previous.y1 - 0.3 * size &&
        l.y0 - previous.y1 <= size &&
        overlapX(l, name) > 0 &&
        rowNames.every((other) => other === name || overlapX(l, other) <= overlapX(l, name)),
    );
    if (!below.length) break;
    const next = below.reduce((a, b) => (b.y0 < a.y0 - 0.5 || (Math.abs(b.y0 - a.y0) <= 0.5 && overlapX(b, name) > overlapX(a, name)) ? b : a));
    if (!next.text || NAME_LINE.test(next.text)) break;
    if (!taken.length && !ROLE_START.test(next.text) && !(name.bold && !next.bold)) break;
    if (taken.length && (Math.abs(next.size - taken[0]!.size) > 0.5 || (pitch !== undefined && next.y0 - previous.y0 > pitch + 0.3 * size))) break;
    if (taken.length === 1) pitch = next.y0 - previous.y0;
    taken.push(next);
    previous = next;
  }
  return taken.map((l) => l.text);
}

/** The role lines after a name in reading order, for text without geometry (a role wraps in lower case or after "… de"). */
function roleAfter(lines: readonly string[], i: number): string[] {
  const roleLines: string[] = [];
  for (let j = i + 1; j < lines.length && roleLines.length < 4; j++) {
    const next = cleanSpaces(lines[j]!);
    if (!next) {
      if (roleLines.length) break;
      continue;
    }
    const cutShort = /(?:^|\s)(?:du|de|des|de la|d['’]|l['’]|le|la|les|et|au|aux|en|à|pour|sur)$/i.test(roleLines[roleLines.length - 1] ?? '');
    const continues = roleLines.length > 0 && (/^[a-zà-ÿ]/.test(next) || cutShort) && !NAME_LINE.test(next) && next.length < 70;
    if ((roleLines.length === 0 && ROLE_START.test(next)) || continues) roleLines.push(next);
    else break;
  }
  return roleLines;
}

/**
 * "Thomas DEROCHE" with its role lines ("Directeur général ARS Normandie"). From a PDF the role is read under
 * the name on the page, so that signatures set side by side (a borderless table) keep their own lines, and the
 * signatories come in the page's order: row by row, left to right. Plain lines are read in their order.
 */
export function findSignatories(lines: readonly (string | ProseLine)[]): Signatory[] {
  const texts = lines.map((l) => cleanSpaces(typeof l === 'string' ? l : l.text));
  const placed = placedLines(lines);
  const names = texts.flatMap((t, i) => (NAME_LINE.test(t) ? [i] : []));
  const placedNames = names.map((i) => placed[i]).filter((p): p is Placed => p !== undefined);
  const found: { name: string; role: string; at?: Placed }[] = [];
  for (const i of names) {
    const m = NAME_LINE.exec(texts[i]!)!;
    const at = placed[i];
    let roleLines: string[];
    if (at) {
      const row = placedNames.filter((o) => o.page === at.page && Math.abs(o.y0 - at.y0) <= 0.5 * at.size);
      roleLines = roleBelow(at, placed, row);
      if (!roleLines.length) roleLines = roleAfter(texts, i); // not under the name: read on in reading order
    } else roleLines = roleAfter(texts, i);
    if (!roleLines.length) continue;
    const name = `${m[1]} ${m[2]}`;
    if (!found.some((s) => s.name === name)) found.push({ name, role: joinProse(roleLines), at });
  }
  // Page order: rows of names top to bottom, each left to right (reading order may take columns first).
  if (found.every((f) => f.at)) {
    const rowOf = new Map<(typeof found)[number], number>();
    const sorted = [...found].sort((a, b) => a.at!.page - b.at!.page || a.at!.y0 - b.at!.y0);
    let rowTop: Placed | undefined;
    let row = 0;
    for (const f of sorted) {
      if (!rowTop || f.at!.page !== rowTop.page || f.at!.y0 - rowTop.y0 > 0.5 * rowTop.size) [rowTop, row] = [f.at!, row + 1];
      rowOf.set(f, row);
    }
    found.sort((a, b) => rowOf.get(a)! - rowOf.get(b)! || a.at!.x0 - b.at!.x0);
  }
  return found.map(({ name, role }) => ({ name, role }));
}

/**
 * Wrapped lines joined into one text (see joinWrappedLines), after two line ends some producers print their own
 * way: a hyphen set apart from its word ("po -" / "pulation"), and a range cut after its dash ("2023-" /
 * "2028"), which goes on without a space.
 */
export function joinProse(lines: readonly string[]): string {
  const out: string[] = [];
  for (const raw of lines) {
    const line = cleanSpaces(raw);
    if (!line) continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && /\d[-\u2010\u2011]$/.test(prev) && /^\d/.test(line)) out[out.length - 1] = prev + line;
    else {
      if (prev !== undefined && /\p{Ll} -$/u.test(prev) && /^\p{Ll}/u.test(line)) out[out.length - 1] = `${prev.slice(0, -2)}-`;
      out.push(line);
    }
  }
  return joinWrappedLines(out).replace(/\n/g, ' ');
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
      const candidate = joinProse(parts);
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
  const text = joinProse(section.lines);
  return section.at ? { title: section.title, text, provenance: section.at } : { title: section.title, text };
}

const TRANSVERSAL_HEADING = /priorit[ée]s\s+(?:r[ée]gionales\s+)?transversales/i;
const ENDS_ON_FUNCTION_WORD = /(?:^|\s)(?:de|des|du|la|le|les|et|à|au|aux|en|pour|sur|dans|avec)$/i;

/**
 * The style of a section's running text (the size and weight carrying most of its characters), and a test
 * for lines set apart from it: larger, or bold in non-bold text. Undefined when the lines carry no style
 * (text input) or none stands out.
 */
function headingStyle(lines: readonly ProseLine[]): ((l: ProseLine) => boolean) | undefined {
  const sized = lines.filter((l) => l.size !== undefined && cleanSpaces(l.text));
  if (sized.length < 2) return undefined;
  const weight = new Map<number, number>();
  let boldChars = 0;
  let chars = 0;
  for (const l of sized) {
    const n = cleanSpaces(l.text).length;
    const key = Math.round(l.size! * 10) / 10;
    weight.set(key, (weight.get(key) ?? 0) + n);
    chars += n;
    if (l.bold) boldChars += n;
  }
  const body = [...weight].sort((a, b) => b[1] - a[1])[0]![0];
  const bodyBold = boldChars * 2 > chars;
  const standsOut = (l: ProseLine) => l.size !== undefined && (l.size >= body + Math.max(0.5, 0.04 * body) || (!!l.bold && !bodyBold));
  return sized.some(standsOut) ? standsOut : undefined;
}

/**
 * Sections under "LES PRIORITÉS RÉGIONALES TRANSVERSALES …": a short title line, then its paragraphs, up to
 * the next capitalised heading. When the titles are set apart by their style (larger or bold), the style tells
 * titles from text; otherwise a title is a short line without end punctuation after a finished sentence.
 */
export function findTransversalPriorities(prose: readonly ProseLine[]): TransversalPriority[] {
  const start = prose.findIndex((l) => TRANSVERSAL_HEADING.test(l.text) && isAllCaps(l.text));
  if (start < 0) return [];
  let i = start + 1;
  // The heading may wrap over a second capitalised line ("APPLIQUÉES DANS LE CTS DU HAVRE").
  while (i < prose.length && (!cleanSpaces(prose[i]!.text) || isAllCaps(prose[i]!.text))) i++;
  const section: ProseLine[] = [];
  for (; i < prose.length; i++) {
    const line = cleanSpaces(prose[i]!.text.replace(/\*\*/g, ''));
    if (!line) continue;
    if (isAllCaps(line) && line.length > 12) break; // next capitalised section heading
    section.push({ ...prose[i]!, text: line });
  }
  const styled = headingStyle(section);
  const out: TransversalPriority[] = [];
  let current: { title: string; lines: string[]; at?: ProseLine['at'] } | undefined;
  let previousEnded = true;
  let previousTitle = false;
  for (const l of section) {
    const line = l.text;
    if (styled) {
      if (styled(l)) {
        // Consecutive title lines are one wrapped title.
        if (current && previousTitle) current.title = `${current.title} ${line}`;
        else {
          if (current) out.push(toPriority(current));
          current = { title: line, lines: [], at: l.at };
        }
        previousTitle = true;
      } else {
        current?.lines.push(line);
        previousTitle = false;
      }
      continue;
    }
    // A title wrapped after a function word ("… la transformation des" / "organisations") goes on.
    if (current && !current.lines.length && ENDS_ON_FUNCTION_WORD.test(current.title) && /^[a-zà-ÿ]/.test(line)) {
      current.title = `${current.title} ${line}`;
      continue;
    }
    const looksLikeTitle =
      previousEnded && /^[A-ZÀ-Ý]/.test(line) && line.length <= 90 && !/[.,;:!?]$/.test(line) && line.split(' ').length <= 14;
    if (looksLikeTitle) {
      if (current) out.push(toPriority(current));
      current = { title: line, lines: [], at: l.at };
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
    signatories: findSignatories(prose),
    prsAxes,
    transversalPriorities: findTransversalPriorities(prose),
    warnings,
  };
}
