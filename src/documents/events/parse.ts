/**
 * Announcements and organisation notes of territorial workshops: a title, the document's date, the workshops
 * (a table "territoire | date | lieu", lists "Dans le Calvados : Bayeux ; Deauville", or dated lines), the day's
 * agenda ("9h30 – 9h45 : ouverture …"), the challenges the workshops address, and measures already deployed.
 */
import { FdrError } from '../../errors/index.js';
import { type Events, SCHEMA_VERSION, type SourceInfo, type Warning, type WorkshopEvent } from '../../model/index.js';
import { cleanSpaces, isAllCaps, joinWrappedLines } from '../../text/normalize.js';
import { buildCaseCorpus, type CaseCorpus, restoreHeadingCase } from '../restitution/casing.js';
import { findIntroducedList } from '../restitution/front.js';
import { runningParagraphs } from '../restitution/parse.js';
import {
  cleanLine,
  removeLayoutNoise,
  removeRepeatedBlocks,
  type SourceLine,
  spanProvenance,
  splitSourceLines,
} from '../restitution/source-lines.js';
import { ITEM_MARKER, itemMarker, type Unit, readUnits } from '../restitution/units.js';
import { type FrenchDate, compactTime, findFrenchDates, findYears, resolveDate } from '../../text/dates.js';
import { findRegion, matchDepartment } from './places.js';

interface Context {
  lines: SourceLine[];
  /** Lines joined with "\n"; offsets[i] is where line i starts in it. */
  flat: string;
  offsets: number[];
  /** Years mentioned in the text, for dates printed without one. */
  years: { year: number; index: number }[];
  documentDate: string;
  warnings: Warning[];
  provenance: { withLines: boolean; withPages: boolean };
}

/** Labels that name the kind of document, not its subject. */
const DOCUMENT_LABEL = /^(?:communiqu[ée] de presse|dossier de presse|invitation|note|note d['’]organisation|programme|save the date|information)\s*:?$/i;

/** The document's own date: a short dated line near the top ("Caen, le 15 mai 2024", "Le 3 septembre 2024"). */
export function findDocumentDate(lines: readonly SourceLine[]): { iso: string; line?: number } {
  const top = lines.filter((l) => l.text).slice(0, 12);
  for (const l of top) {
    const words = l.text.split(' ').length;
    if (words > 10) continue;
    const d = findFrenchDates(l.text).find((x) => x.year !== undefined);
    if (!d) continue;
    // The date is the line's point: "<Place>, le <date>" or the date alone.
    const rest = cleanSpaces(l.text.slice(0, d.index) + l.text.slice(d.index + d.length)).replace(/[,.\s]*(?:le|du)?\s*$/i, '');
    if (rest.split(' ').filter(Boolean).length <= 4) {
      const iso = resolveDate(d).iso;
      if (iso) return { iso, line: l.line };
    }
  }
  return { iso: '' };
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}

/** The title: the first heading or paragraph long enough to be one (logos and labels are short lines). */
export function findTitle(units: readonly Unit[], corpus: CaseCorpus, dateLine?: number): string {
  const blocks = units.flatMap((u) =>
    u.type === 'heading'
      ? [{ text: u.text, lines: u.lines, prose: false }]
      : u.type === 'prose'
        ? u.paragraphs.map((text, k) => ({ text, lines: u.paragraphLines[k] ?? [], prose: true }))
        : [],
  );
  for (const b of blocks) {
    if (dateLine !== undefined && b.lines.some((l) => l.line === dateLine)) continue;
    if (DOCUMENT_LABEL.test(b.text)) continue;
    const longestLine = Math.max(0, ...b.lines.map((l) => wordCount(l.text)));
    const words = wordCount(b.text);
    if (words < 6 || longestLine < 5 || words > 60) continue;
    if (b.prose && /[.]$/.test(b.text) && words > 25) continue; // a sentence of body text
    return isAllCaps(b.text) ? restoreHeadingCase(b.text, corpus) : cleanSpaces(b.text);
  }
  return '';
}

const PERIOD =
  /\b(?:du|entre le)\s+(1er|\d{1,2})(?:\s+(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre))?(?:\s+((?:19|20)\d{2}))?\s+(?:au|et le)\s+((?:1er|\d{1,2})\s+(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)(?:\s+(?:19|20)\d{2})?)/iu;

/** "du 21 mai au 4 juillet" → the period's ISO bounds, the year from the document date or the context. */
export function findPeriod(text: string, ctx: { documentDate: string; flat: string; index: number }): { start: string; end: string } | undefined {
  const m = PERIOD.exec(text);
  if (!m) return undefined;
  const end = findFrenchDates(m[4]!)[0];
  if (!end) return undefined;
  const startText = `${m[1]} ${m[2] ?? m[4]!.replace(/^\S+\s+/, '').replace(/\s+\d{4}$/, '')}${m[3] ? ` ${m[3]}` : ''}`;
  const start = findFrenchDates(startText)[0];
  if (!start) return undefined;
  const context = { documentDate: ctx.documentDate, text: ctx.flat, index: ctx.index };
  const endIso = resolveDate(end, context).iso;
  let startYear = start.year;
  if (startYear === undefined && end.year !== undefined) startYear = start.month > end.month ? end.year - 1 : end.year;
  const startIso = resolveDate({ ...start, ...(startYear !== undefined ? { year: startYear } : {}) }, context).iso;
  return { start: startIso, end: endIso };
}

function eventDate(date: FrenchDate | undefined, ctx: Context, lineIndex: number, at: WorkshopEvent['provenance']): string {
  if (!date) return '';
  const r = resolveDate(date, { documentDate: ctx.documentDate, text: ctx.flat, years: ctx.years, index: (ctx.offsets[lineIndex] ?? 0) + date.index });
  if (!r.iso)
    ctx.warnings.push({ code: 'event-date-without-year', message: `no year found for the date "${date.text}"`, ...(at ? { at } : {}) });
  else if (r.weekdayMismatch)
    ctx.warnings.push({ code: 'event-weekday-mismatch', message: `"${date.text}" is not a ${date.text.split(' ')[0]} in the year found (${r.iso})`, ...(at ? { at } : {}) });
  return r.iso;
}

function lineProvenance(ctx: Context, l: SourceLine): WorkshopEvent['provenance'] {
  return spanProvenance(l, l, ctx.provenance);
}

/** An event with the index of the line it was read from, for ordering (PDF input has no line provenance). */
export interface Found {
  at: number;
  event: WorkshopEvent & { printedDate?: FrenchDate };
}

function event(territory: string, department: string, place: string, date: string, provenance: WorkshopEvent['provenance']): WorkshopEvent {
  return { territory, department, place, date, ...(provenance ? { provenance } : {}) };
}

/** Cells of a table row: TAB-separated (converter output) or separated by runs of spaces (layout dumps). */
function cellsOf(raw: string): string[] {
  const parts = raw.includes('\t') ? raw.split('\t') : raw.trim().split(/ {3,}/);
  return parts.map((c) => cleanLine(c)).filter((c, i, all) => c || (i > 0 && i < all.length - 1));
}

const COLUMN_PATTERNS = {
  date: /^dates?\b/i,
  place: /\b(?:lieux?|villes?|sites?|adresses?|communes?|salles?)\b/i,
  department: /\bd[ée]partements?\b/i,
  territory: /\b(?:territoires?|tas|cts|secteurs?|bassins?|zones?|arrondissements?)\b/i,
};

/** Events from tables whose header names a date column and a place column. */
function tableEvents(ctx: Context, used: Set<number>): Found[] {
  const out: Found[] = [];
  const { lines } = ctx;
  for (let i = 0; i < lines.length; i++) {
    const header = cellsOf(lines[i]!.raw);
    if (header.length < 2) continue;
    const column = (re: RegExp) => header.findIndex((h) => re.test(h));
    const dateCol = column(COLUMN_PATTERNS.date);
    const placeCol = column(COLUMN_PATTERNS.place);
    if (dateCol < 0 || placeCol < 0) continue;
    const departmentCol = column(COLUMN_PATTERNS.department);
    const territoryCol = header.findIndex((h, k) => k !== departmentCol && k !== dateCol && k !== placeCol && COLUMN_PATTERNS.territory.test(h));
    used.add(i);
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (!l.text) {
        if (out.length && lines[j + 1] && cellsOf(lines[j + 1]!.raw).length < 2) break;
        continue;
      }
      const cells = cellsOf(l.raw);
      if (cells.length < 2) break;
      used.add(j);
      const cell = (k: number) => (k >= 0 ? (cells[k] ?? '') : '');
      const provenance = lineProvenance(ctx, l);
      const date = findFrenchDates(cell(dateCol))[0];
      const department = cell(departmentCol);
      out.push({
        at: j,
        event: event(cell(territoryCol), department ? (matchDepartment(department) ?? department) : '', cell(placeCol), eventDate(date, ctx, j, provenance), provenance),
      });
    }
    i = j - 1; // rows are not headers of another table
  }
  return out;
}

/** "Dans le Calvados : Bayeux ; Deauville ; Falaise" — one event per place, the département from the line. */
const DEPARTMENT_LIST = /^(?:[-•]\s*)?(?:dans|en)\s+((?:le|la|les|l['’])?\s*[^:]{2,40}?)\s*:\s*(.+)$/iu;
/** "Calvados :" alone, then the places as list items. */
const DEPARTMENT_HEADER = /^(?:(?:dans|en)\s+)?((?:le|la|les|l['’])?\s*[^:]{2,40}?)\s*:?$/iu;

function splitPlaces(list: string): string[] {
  const parts = list.includes(';') ? list.split(';') : list.split(/,(?![^()]*\))/);
  return parts.map((p) => cleanSpaces(p).replace(/[.;,]$/, '')).filter(Boolean);
}

/** A place with an optional date ("Bayeux (jeudi 23 mai)", "Bayeux – 23 mai", "Bayeux, le 23 mai"). */
function placeAndDate(item: string): { place: string; date?: FrenchDate } {
  const date = findFrenchDates(item)[0];
  if (!date) return { place: item };
  const before = item.slice(0, date.index);
  const after = item.slice(date.index + date.length);
  const trim = (s: string) => s.replace(/^[\s:–—,()-]+|[\s:–—,(-]+$/g, '').replace(/\s*\b(?:le|du)$/i, '').replace(/^\)\s*/, '').trim();
  let place = trim(before);
  if (!place) place = trim(after).replace(/^(?:à|a)\s+/i, '');
  return { place: place.replace(/\)$/, '').replace(/\($/, '').trim(), date };
}

function departmentListEvents(ctx: Context, used: Set<number>): Found[] {
  const out: Found[] = [];
  const { lines } = ctx;
  for (let i = 0; i < lines.length; i++) {
    if (used.has(i)) continue;
    const l = lines[i]!;
    const m = DEPARTMENT_LIST.exec(l.text);
    if (m) {
      const department = matchDepartment(m[1]!);
      if (!department) continue;
      // The list may run on over the next lines (or the next page) after a separator.
      const segments = [{ text: m[2]!, at: i }];
      for (let j = i + 1; j < lines.length && /[;,]\s*$/.test(segments[segments.length - 1]!.text); j++) {
        const next = lines[j]!.text;
        if (!next) continue;
        if (DEPARTMENT_LIST.test(next) || isAllCaps(next) || wordCount(next) > 40) break;
        segments.push({ text: next, at: j });
      }
      const items = segments.flatMap((seg) => splitPlaces(seg.text).map((text) => ({ text, at: seg.at })));
      if (!items.length || items.some((p) => wordCount(p.text) > 8)) continue;
      for (const seg of segments) used.add(seg.at);
      for (const item of items) {
        const provenance = lineProvenance(ctx, lines[item.at]!);
        const { place, date } = placeAndDate(item.text);
        out.push({ at: item.at, event: event('', department, place, eventDate(date, ctx, item.at, provenance), provenance) });
      }
      continue;
    }
    // A département alone on its line, its places as the list items that follow.
    const h = DEPARTMENT_HEADER.exec(l.text);
    const department = h ? matchDepartment(h[1]!) : undefined;
    if (!department) continue;
    let j = i + 1;
    while (j < lines.length && !lines[j]!.text) j++;
    const items: number[] = [];
    while (j < lines.length && itemMarker(lines[j]!.text)) {
      items.push(j);
      j++;
      while (j < lines.length && !lines[j]!.text) j++;
    }
    if (!items.length) continue;
    used.add(i);
    for (const k of items) {
      used.add(k);
      const provenance = lineProvenance(ctx, lines[k]!);
      const { place, date } = placeAndDate(lines[k]!.text.replace(ITEM_MARKER, ''));
      out.push({ at: k, event: event('', department, place, eventDate(date, ctx, k, provenance), provenance) });
    }
  }
  return out;
}

/**
 * Lines that carry one workshop each: "ARTOIS-DOUAISIS Jeudi 17 novembre Douai – Gayant Expo" (a table flattened
 * to text), "- Jeudi 12 septembre : Metz – Arsenal", "• Nancy (Meurthe-et-Moselle) – mardi 17 septembre".
 * Only short lines whose date has a weekday, or list items and lines the date opens, which rules out dated
 * sentences of the prose.
 */
function datedLineEvents(ctx: Context, used: Set<number>): Found[] {
  const out: Found[] = [];
  ctx.lines.forEach((l, i) => {
    if (used.has(i) || !l.text || wordCount(l.text) > 14 || TIME_ENTRY.test(l.text)) return;
    const dates = findFrenchDates(l.text);
    if (dates.length !== 1) return;
    const date = dates[0]!;
    const text = l.text.replace(ITEM_MARKER, '');
    const shift = l.text.length - text.length;
    // Without a weekday, only a list item or a line the date opens ("17 novembre : Douai"): not a dated sentence.
    if (date.weekday === undefined && !shift && date.index > 0) return;
    const before = cleanSpaces(text.slice(0, date.index - shift)).replace(/[\s:–—,-]+$/, '');
    const after = cleanSpaces(text.slice(date.index - shift + date.length)).replace(/^[\s.:–—,-]+/, '').replace(/^(?:à|a)\s+/i, '');
    if (/[.!?]$/.test(after) && wordCount(after) > 6) return;
    let territory = '';
    let department = '';
    let place = after;
    if (before && isAllCaps(before)) territory = before;
    else if (before && !after) place = before;
    else if (before) return;
    if (!place || wordCount(place) > 8) return;
    // "Nancy (Meurthe-et-Moselle)": the département in brackets; "Douai – Gayant Expo (ARTOIS-DOUAISIS)": a
    // territory, printed in capitals as territories are.
    const bracket = /\(([^()]+)\)\s*$/.exec(place);
    if (bracket && !territory) {
      const name = cleanSpaces(bracket[1]!);
      if (isAllCaps(name) && wordCount(name) <= 6) territory = name;
      else if (matchDepartment(name)) department = matchDepartment(name)!;
      if (territory || department) place = place.slice(0, bracket.index).trim();
    }
    used.add(i);
    const provenance = lineProvenance(ctx, l);
    out.push({ at: i, event: event(territory, department, place.replace(/[.;]$/, ''), eventDate(date, ctx, i, provenance), provenance) });
  });
  return out;
}

/** "9h", "9h30 – 9h45", "14h-16h30", "10 h 45" at the start of a line, then ":" and the item. */
const TIME_ENTRY =
  /^(?:[-•▪–]\s+)?((?:de\s+)?\d{1,2}\s*h\s*(?:\d{2})?(?:\s*(?:[–—-]|à)\s*\d{1,2}\s*h\s*(?:\d{2})?)?)\s*(?::|[–—-](?=\s))\s*(.+)$/iu;

/** A paragraph's lines cut where a line opens with a time: slots set as paragraphs may be read as one. */
function slotsOf(lines: readonly SourceLine[]): string[] {
  const slots: string[][] = [];
  for (const l of lines) {
    if (!slots.length || TIME_ENTRY.test(l.text)) slots.push([l.text]);
    else slots[slots.length - 1]!.push(l.text);
  }
  return slots.map((s) => joinWrappedLines(s).replace(/\n/g, ' '));
}

export function findAgenda(units: readonly Unit[]): { time: string; item: string }[] {
  const out: { time: string; item: string }[] = [];
  for (const u of units) {
    const texts = u.type === 'item' ? [`${u.text}`] : u.type === 'prose' ? u.paragraphLines.flatMap(slotsOf) : [];
    for (const t of texts) {
      const m = TIME_ENTRY.exec(cleanSpaces(t));
      if (m) out.push({ time: compactTime(m[1]!), item: cleanSpaces(m[2]!) });
    }
  }
  return out;
}

const CONTACT = /^(?:contacts?|pour en savoir plus|renseignements|inscriptions?)\b|@[\w-]+\.|https?:\/\/|www\.|\b0\d(?:[ .]?\d{2}){4}\b/i;
const CHALLENGE_ANCHOR = /d[ée]fis?\b|enjeux|th[ée]matiques|priorit[ée]s/i;

/**
 * Challenges: the run of headings after a heading (or sentence) announcing them ("CES DÉFIS POURRAIENT ÊTRE LES
 * SUIVANTS :"), each with the paragraph under it; else the items of a list introduced by "… défis … :".
 */
export function findChallenges(units: readonly Unit[], corpus: CaseCorpus): { title: string; text: string }[] {
  // Find the longest run of headings after an announcing unit, then read it.
  let best = { from: -1, count: 0 };
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if ((u.type !== 'heading' && u.type !== 'prose') || !CHALLENGE_ANCHOR.test(u.text)) continue;
    if (u.type === 'prose' && !/:\s*$/.test(u.text)) continue;
    let count = 0;
    let j = i + 1;
    while (j < units.length && units[j]!.type === 'heading' && !/[:?]\s*$/.test(units[j]!.text)) {
      count++;
      j++;
      while (j < units.length && units[j]!.type === 'prose') j++;
    }
    if (count > best.count) best = { from: i + 1, count };
    if (count) i = j - 1;
  }
  if (best.count) {
    const found: { title: string; text: string }[] = [];
    let j = best.from;
    for (let k = 0; k < best.count; k++) {
      const heading = units[j]!;
      const paragraphs: string[] = [];
      j++;
      let ended = false;
      while (j < units.length && units[j]!.type === 'prose') {
        const more = (units[j] as Extract<Unit, { type: 'prose' }>).paragraphs;
        // Contact lines and links after the last challenge are the document's end matter, not its text.
        const end = ended ? 0 : more.findIndex((p) => CONTACT.test(p));
        if (end >= 0) ended = true;
        paragraphs.push(...(end < 0 ? more : more.slice(0, end)));
        j++;
      }
      found.push({ title: restoreHeadingCase(heading.text, corpus), text: paragraphs.join(' ') });
    }
    return found;
  }
  const items = findIntroducedList(units, /d[ée]fis?\b|enjeux/i);
  return items.map((title) => ({ title, text: '' }));
}

/** "(plus d’informations : <https://…>)" and bare links are references, not the measure. */
function withoutLinks(s: string): string {
  return cleanSpaces(
    s
      .replace(/\s*\([^()]*(?:https?:\/\/|www\.)[^()]*\)/gi, '')
      .replace(/<(?:https?:\/\/|www\.)[^>]*>/gi, '')
      .replace(/\s*(?:https?:\/\/|www\.)\S+/gi, ''),
  ).replace(/\s*:$/, '');
}

export function parseEventsText(text: string, source: SourceInfo): Events {
  const lines = removeRepeatedBlocks(removeLayoutNoise(splitSourceLines(text)));
  return assembleEvents({ lines, units: readUnits(lines), source, hasPages: text.includes('\f') });
}

/** What a reader of the page's structure found before the line rules run (PDF input). */
export interface StructureFinds {
  /** Workshops read from tables, each with the index of the line standing where its table begins. */
  events: Found[];
  /** Agenda slots read from tables, likewise. */
  agenda: (AgendaSlot & { at: number })[];
  /** Lines already read from a table, not to be read again. */
  used: ReadonlySet<number>;
}

export interface EventsInput {
  lines: SourceLine[];
  units: Unit[];
  source: SourceInfo;
  hasPages: boolean;
  structure?: StructureFinds;
}

/** The events document from its lines and reading units (and, for PDF input, what its tables gave). */
export function assembleEvents({ lines, units, source, hasPages, structure }: EventsInput): Events {
  const corpus = buildCaseCorpus(runningParagraphs(units));
  const warnings: Warning[] = [];
  const offsets: number[] = [];
  let pos = 0;
  for (const l of lines) {
    offsets.push(pos);
    pos += l.text.length + 1;
  }
  const flat = lines.map((l) => l.text).join('\n');
  const docDate = findDocumentDate(lines);
  const ctx: Context = {
    lines,
    flat,
    offsets,
    years: findYears(flat),
    documentDate: docDate.iso,
    warnings,
    provenance: { withLines: source.format !== 'pdf', withPages: hasPages || source.format === 'pdf' },
  };

  const title = findTitle(units, corpus, docDate.line);
  // The period is read in the title first ("… organisés du 21 mai au 4 juillet …"), else anywhere in the text.
  const inText = PERIOD.exec(flat);
  const period =
    findPeriod(title, { documentDate: docDate.iso, flat, index: Math.max(0, flat.indexOf(title.slice(0, 30))) }) ??
    (inText ? findPeriod(inText[0], { documentDate: docDate.iso, flat, index: inText.index }) : undefined);

  const used = new Set<number>(structure?.used ?? []);
  const fromTables = (structure?.events ?? []).map((f) => ({ at: f.at, event: withYear(f.event, ctx, f.at) }));
  const events = [...fromTables, ...tableEvents(ctx, used), ...departmentListEvents(ctx, used), ...datedLineEvents(ctx, used)]
    .sort((a, b) => a.at - b.at)
    .map((f) => f.event);
  const agenda = mergeAgenda(structure?.agenda ?? [], findAgenda(units));
  const challenges = findChallenges(units, corpus);
  const deployedMeasures = findIntroducedList(units, /d[ée]ploy|en place|[œo]euvre|d[ée]j[àa]/i).map(withoutLinks);

  if (!events.length && !agenda.length && !challenges.length)
    throw new FdrError('UNKNOWN_DOCUMENT', 'no workshop, agenda or challenge found', {
      file: source.file,
      hint: 'is this an announcement of workshops? try --kind auto',
    });
  // A section laid out in a way not read is named, never silently missing.
  if (!events.length) warnings.push({ code: 'events-not-found', message: 'no workshop (place and date) was found' });
  if (!agenda.length && /\b\d{1,2}\s*h\s*\d{0,2}\s*(?::|[–—-]\s*\d)/.test(flat))
    warnings.push({ code: 'agenda-not-read', message: 'the document gives times, but no agenda was read' });
  if (!challenges.length && /\bd[ée]fis\b/i.test(flat)) warnings.push({ code: 'challenges-not-read', message: 'the document speaks of challenges, but none was read' });

  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'events',
    source: hasPages && source.pages === undefined ? { ...source, pages: lines.reduce((m, l) => Math.max(m, l.page), 0) } : source,
    region: findRegion(flat),
    title,
    date: docDate.iso,
    ...(period && (period.start || period.end) ? { period } : {}),
    events,
    agenda,
    challenges,
    deployedMeasures,
    warnings,
  };
}

type AgendaSlot = { time: string; item: string };

/** Slots read from a table, then those read from text (a programme is laid out one way or the other). */
function mergeAgenda(fromTables: readonly (AgendaSlot & { at: number })[], fromText: readonly AgendaSlot[]): AgendaSlot[] {
  return [...fromTables.map(({ time, item }) => ({ time, item })), ...fromText];
}

/** A table event's printed date resolved against the document's years, like the line rules do. */
function withYear(e: WorkshopEvent & { printedDate?: FrenchDate }, ctx: Context, at: number): WorkshopEvent {
  const { printedDate, ...event } = e;
  if (!printedDate) return event;
  return { ...event, date: eventDate(printedDate, ctx, Math.min(at, ctx.lines.length - 1), event.provenance) };
}
