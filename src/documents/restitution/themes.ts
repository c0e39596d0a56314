/**
 * Themes of a restitution brochure: a heading in capitals with its summary, a tagline ("Imaginons des solutions
 * pour…"), and two proposition lists ("pour une impulsion locale", "pour alimenter les travaux nationaux").
 *
 * A text dump does not always give these in that order: a page's blocks can come out with a list before the
 * heading it belongs to. So the parts are first found as separate elements, then each element between two
 * headings is given to the previous or the next one: a theme has at most one list of each scope and one tagline,
 * elements follow their heading when that is possible, and the words of a list are compared with each candidate
 * theme's heading and summary to settle the rest.
 */
import type { Warning } from '../../model/index.js';
import { comparisonKey } from '../../text/normalize.js';
import { type CaseCorpus, restoreHeadingCase } from './casing.js';
import type { SourceLine } from './source-lines.js';
import { type Unit, itemText } from './units.js';

export type Scope = 'local' | 'national';

export type ThemeElement =
  | { type: 'heading'; title: string; summary: string; lines: SourceLine[] }
  | { type: 'list'; scope: Scope; items: string[]; lines: SourceLine[] }
  | { type: 'tagline'; text: string; lines: SourceLine[] };

export interface ThemeReading {
  title: string;
  summary: string;
  tagline: string;
  local: string[];
  national: string[];
  lines: SourceLine[];
}

const LOCAL = /\blocal(?:e|es)?\b/i;
const NATIONAL = /\bnationa(?:l|le|les|ux)\b/i;
const SCOPE_WORDS = /propositions?|impulsion|travaux nationaux|port[ée]e\s+(?:locale|nationale)|[ée]chelle\s+(?:locale|nationale)/i;

/** The scope a heading announces ("PROPOSITIONS … POUR UNE IMPULSION LOCALE"), if it is a scope header. */
export function scopeOf(text: string): Scope | undefined {
  if (!SCOPE_WORDS.test(text)) return undefined;
  const local = LOCAL.test(text);
  const national = NATIONAL.test(text);
  if (local === national) return undefined;
  return local ? 'local' : 'national';
}

/** A short line that could complete a kicker ("PROPOSITIONS CONVERGENTES" + "Pour une impulsion locale"). */
function isShortLabel(unit: Unit | undefined): boolean {
  return unit?.type === 'prose' && unit.lines.length <= 2 && unit.text.length <= 100 && !/[.]$/.test(unit.text);
}

/**
 * Reads the units into theme elements. A scope header is a heading (or a short label line followed by a list)
 * naming a scope; the items after it form the list. Other headings collect the prose and items after them as
 * their summary. Taglines stand alone.
 */
export function readThemeElements(units: readonly Unit[], corpus: CaseCorpus): ThemeElement[] {
  const elements: ThemeElement[] = [];
  let i = 0;
  while (i < units.length) {
    const unit = units[i]!;
    // Scope header: a heading, possibly completed by the label line after it, or a label line before a list.
    let scope: Scope | undefined;
    let headerEnd = i + 1;
    if (unit.type === 'heading' || (isShortLabel(unit) && units[i + 1]?.type === 'item')) {
      scope = scopeOf(unit.text);
      const next = units[i + 1];
      if (unit.type === 'heading' && isShortLabel(next) && units[i + 2]?.type === 'item') {
        const combined = scopeOf(`${unit.text} ${next!.text}`);
        if (combined && (!scope || SCOPE_WORDS.test(unit.text))) {
          scope = combined;
          headerEnd = i + 2;
        }
      }
    }
    if (scope) {
      const items: string[] = [];
      const lines = units.slice(i, headerEnd).flatMap((u) => u.lines);
      let j = headerEnd;
      while (j < units.length && units[j]!.type === 'item') {
        const item = units[j] as Extract<Unit, { type: 'item' }>;
        items.push(itemText(item));
        lines.push(...item.lines);
        j++;
      }
      elements.push({ type: 'list', scope, items, lines });
      i = j;
      continue;
    }
    if (unit.type === 'tagline') {
      elements.push({ type: 'tagline', text: unit.text, lines: [...unit.lines] });
      i++;
      continue;
    }
    if (unit.type === 'heading') {
      const parts: string[] = [];
      const lines = [...unit.lines];
      let j = i + 1;
      while (j < units.length) {
        const u = units[j]!;
        if (u.type === 'heading' || u.type === 'tagline') break;
        if (u.type === 'prose' && isShortLabel(u) && units[j + 1]?.type === 'item' && scopeOf(u.text)) break;
        if (u.type === 'prose') parts.push(...u.paragraphs);
        else parts.push(`${u.marker} ${itemText(u)}`);
        lines.push(...u.lines);
        j++;
      }
      elements.push({ type: 'heading', title: restoreHeadingCase(unit.text, corpus), summary: parts.join('\n'), lines });
      i = j;
      continue;
    }
    i++;
  }
  return mergeSplitLists(elements);
}

/** A list cut by a page or column break under a repeated header is one list. */
function mergeSplitLists(elements: ThemeElement[]): ThemeElement[] {
  const out: ThemeElement[] = [];
  for (const e of elements) {
    const prev = out[out.length - 1];
    if (e.type === 'list' && prev?.type === 'list' && prev.scope === e.scope) {
      prev.items.push(...e.items);
      prev.lines.push(...e.lines);
    } else out.push(e);
  }
  return out;
}

type Slot = 'local' | 'national' | 'tagline';
const slotOf = (e: ThemeElement): Slot | undefined => (e.type === 'list' ? e.scope : e.type === 'tagline' ? 'tagline' : undefined);

/** Could be a theme heading: not a question box ("LE CNR, C'EST QUOI ?"), and made of words. */
function isThemeHeadingShape(e: Extract<ThemeElement, { type: 'heading' }>): boolean {
  return !/\?\s*$/.test(e.title) && /\p{L}{3}/u.test(e.title);
}

const STOP = new Set(
  'avec dans pour sans sous leur leurs notamment entre ainsi mais plus moins tous toutes tout toute cette ces des les une aux par sur est sont ont été être faire afin dont elle elles ils nous vous'.split(
    ' ',
  ),
);
function contentWords(s: string): Set<string> {
  return new Set(
    comparisonKey(s)
      .split(' ')
      .filter((w) => w.length >= 5 && !STOP.has(w))
      .map((w) => w.slice(0, 7)),
  );
}
function affinity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / Math.sqrt(a.size * b.size);
}

/** Weight of content affinity against the layout preference (an element follows its heading). */
const CONTENT_WEIGHT = 4;
/** Cost of putting a second list of the same scope (or a second tagline) into a theme. */
const DUPLICATE_COST = 100;

/**
 * Assigns the elements to themes and builds them. Theme headings are the headings between the first and the last
 * list or tagline, plus the heading just before the first one when fewer headings than lists were found.
 */
export function assembleThemes(elements: readonly ThemeElement[], warnings: Warning[]): ThemeReading[] {
  const partIndexes = elements.map((e, i) => (slotOf(e) ? i : -1)).filter((i) => i >= 0);
  if (!partIndexes.length) return [];
  const first = partIndexes[0]!;
  const last = partIndexes[partIndexes.length - 1]!;
  const expected = Math.max(...(['local', 'national', 'tagline'] as Slot[]).map((s) => elements.filter((e) => slotOf(e) === s).length));

  const headingIdx: number[] = [];
  for (let i = first; i <= last; i++) {
    const e = elements[i]!;
    if (e.type === 'heading' && isThemeHeadingShape(e)) headingIdx.push(i);
  }
  if (headingIdx.length < expected) {
    for (let i = first - 1; i >= 0; i--) {
      const e = elements[i]!;
      if (e.type !== 'heading') continue;
      if (isThemeHeadingShape(e)) headingIdx.unshift(i);
      break;
    }
  }
  if (!headingIdx.length) {
    warnings.push({ code: 'theme-heading-missing', message: 'proposition lists were found but no theme heading' });
    return [];
  }

  const themes = headingIdx.map((h) => {
    const e = elements[h] as Extract<ThemeElement, { type: 'heading' }>;
    return { heading: e, parts: [] as ThemeElement[], words: contentWords(`${e.title} ${e.summary}`) };
  });

  // Elements before the first theme heading go to it; after the last, to the last.
  const from = Math.min(first, headingIdx[0]!);
  for (let i = from; i < headingIdx[0]!; i++) if (slotOf(elements[i]!)) themes[0]!.parts.push(elements[i]!);
  for (let i = headingIdx[headingIdx.length - 1]! + 1; i <= last; i++) if (slotOf(elements[i]!)) themes[themes.length - 1]!.parts.push(elements[i]!);

  // Gaps between consecutive headings: choose where each gap splits, all gaps together (small dynamic programme).
  const gaps: ThemeElement[][] = [];
  for (let k = 0; k + 1 < headingIdx.length; k++)
    gaps.push(elements.slice(headingIdx[k]! + 1, headingIdx[k + 1]!).filter((e) => slotOf(e) !== undefined));
  const splits = chooseSplits(gaps, themes, warnings);
  gaps.forEach((gap, k) => {
    const p = splits[k]!;
    themes[k]!.parts.push(...gap.slice(0, p));
    themes[k + 1]!.parts.unshift(...gap.slice(p));
  });

  return themes.map((t) => {
    const local: string[] = [];
    const national: string[] = [];
    const taglines: string[] = [];
    const lines = [...t.heading.lines];
    for (const p of t.parts) {
      lines.push(...p.lines);
      if (p.type === 'list') (p.scope === 'local' ? local : national).push(...p.items);
      else if (p.type === 'tagline') taglines.push(p.text);
    }
    const counts = { local: 0, national: 0, tagline: 0 } as Record<Slot, number>;
    for (const p of t.parts) counts[slotOf(p)!]++;
    for (const [slot, n] of Object.entries(counts))
      if (n > 1)
        warnings.push({
          code: 'theme-parts-merged',
          message: `theme "${t.heading.title}" received ${n} ${slot} parts; they were concatenated`,
        });
    lines.sort((a, b) => a.line - b.line || a.page - b.page);
    return { title: t.heading.title, summary: t.heading.summary, tagline: taglines.join(' '), local, national, lines };
  });
}

/** Beyond this many parts between two headings the document is not a brochure page; they stay with the first. */
const MAX_GAP_PARTS = 40;

function chooseSplits(gaps: ThemeElement[][], themes: { parts: ThemeElement[]; words: Set<string> }[], warnings: Warning[]): number[] {
  if (gaps.some((g) => g.length > MAX_GAP_PARTS)) {
    warnings.push({ code: 'theme-parts-unassigned', message: 'too many proposition lists between two theme headings; each was kept with the heading before it' });
    return gaps.map((g) => g.length);
  }
  const listWords = new Map<ThemeElement, Set<string>>();
  for (const gap of gaps) for (const e of gap) if (e.type === 'list') listWords.set(e, contentWords(e.items.join(' ')));
  const listAffinity = (e: ThemeElement, words: Set<string>) => {
    const w = listWords.get(e);
    return w ? affinity(w, words) : 0;
  };
  // State: the slots theme k+1 already holds when gap k+1 is decided (from gap k and its own fixed parts).
  const key = (s: Set<Slot>) => [...s].sort().join(',');
  type Entry = { score: number; splits: number[]; carried: Set<Slot> };
  const fixedSlots = (k: number) => new Set(themes[k]!.parts.map((p) => slotOf(p)!));
  let states = new Map<string, Entry>([[key(fixedSlots(0)), { score: 0, splits: [], carried: fixedSlots(0) }]]);
  // The last theme's fixed parts (after the last heading) constrain the last gap.
  gaps.forEach((gap, k) => {
    const next = new Map<string, Entry>();
    const lastGap = k === gaps.length - 1;
    for (const entry of states.values()) {
      for (let p = 0; p <= gap.length; p++) {
        let score = entry.score;
        const prevSlots = new Set(entry.carried);
        for (const e of gap.slice(0, p)) {
          const s = slotOf(e)!;
          if (prevSlots.has(s)) score -= DUPLICATE_COST;
          prevSlots.add(s);
          score += 1 + CONTENT_WEIGHT * listAffinity(e, themes[k]!.words);
        }
        const nextSlots = new Set<Slot>(lastGap ? fixedSlots(k + 1) : []);
        for (const e of gap.slice(p)) {
          const s = slotOf(e)!;
          if (nextSlots.has(s)) score -= DUPLICATE_COST;
          nextSlots.add(s);
          score += CONTENT_WEIGHT * listAffinity(e, themes[k + 1]!.words);
        }
        const id = key(nextSlots);
        const existing = next.get(id);
        if (!existing || score > existing.score) next.set(id, { score, splits: [...entry.splits, p], carried: nextSlots });
      }
    }
    states = next;
  });
  let best: Entry | undefined;
  for (const e of states.values()) if (!best || e.score > best.score) best = e;
  return best?.splits ?? [];
}
