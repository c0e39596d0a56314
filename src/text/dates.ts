/** French dates as printed ("jeudi 17 novembre", "1er décembre 2022", "17/11/2022") → ISO, with the year from context. */

export const FRENCH_MONTHS: Readonly<Record<string, number>> = {
  janvier: 1,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  decembre: 12,
};

/** 0 = Sunday, as Date#getUTCDay. */
export const FRENCH_WEEKDAYS: Readonly<Record<string, number>> = {
  dimanche: 0,
  lundi: 1,
  mardi: 2,
  mercredi: 3,
  jeudi: 4,
  vendredi: 5,
  samedi: 6,
};

const WEEKDAY = '(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)';
const MONTH = '(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)';
const DAY = '(1er|1ᵉʳ|[12]\\d|3[01]|0?[1-9])';

/** A date in words: optional weekday, day, month, optional year. */
export const FRENCH_DATE_PATTERN = new RegExp(
  `(?<![\\p{L}\\d])(?:${WEEKDAY}\\s+)?${DAY}\\s+${MONTH}(?:\\s+((?:19|20)\\d{2}))?(?![\\p{L}\\d])`,
  'giu',
);
/** "1/12/2022", "01.12.2022", "01/12/22" (a two-digit year is of this century). */
const NUMERIC_DATE_PATTERN = /(?<![\p{L}\d/.,])(0?[1-9]|[12]\d|3[01])([/.])(0?[1-9]|1[0-2])\2((?:19|20)\d{2}|\d{2})(?![\d/.]|,\d)/gu;

export interface FrenchDate {
  day: number;
  month: number;
  year?: number;
  /** 0 = Sunday … 6 = Saturday, when the weekday is printed. */
  weekday?: number;
  /** Where the date starts in the searched text, and its length. */
  index: number;
  length: number;
  text: string;
}

function fold(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Every date printed in the text, in order. */
export function findFrenchDates(text: string): FrenchDate[] {
  const found: FrenchDate[] = [];
  for (const m of text.matchAll(FRENCH_DATE_PATTERN)) {
    const [whole, weekday, day, month, year] = m;
    const monthNumber = FRENCH_MONTHS[fold(month!)];
    if (!monthNumber) continue;
    found.push({
      day: Number.parseInt(day!, 10),
      month: monthNumber,
      ...(year ? { year: Number(year) } : {}),
      ...(weekday ? { weekday: FRENCH_WEEKDAYS[fold(weekday)]! } : {}),
      index: m.index,
      length: whole.length,
      text: whole,
    });
  }
  for (const m of text.matchAll(NUMERIC_DATE_PATTERN)) {
    const [whole, day, separator, month, year] = m;
    if (year!.length === 2 && separator !== '/') continue; // "1.2.35" is a version or a section, not a date
    const y = Number(year);
    found.push({ day: Number(day), month: Number(month), year: year!.length === 2 ? 2000 + y : y, index: m.index, length: whole.length, text: whole });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The first date in a string, if any. */
export function parseFrenchDate(s: string): FrenchDate | undefined {
  return findFrenchDates(s)[0];
}

/** "YYYY-MM-DD", or "" when the day does not exist (31 février). */
export function isoDate(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return '';
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Years (1900-2099) mentioned in a text, with their position. */
export function findYears(text: string): { year: number; index: number }[] {
  return [...text.matchAll(/(?<![\d\p{L}])((?:19|20)\d{2})(?![\d\p{L}])/gu)].map((m) => ({ year: Number(m[1]), index: m.index }));
}

export interface YearContext {
  /** The document's own date (ISO), when it has one. */
  documentDate?: string;
  /** The text the date was found in, and where; years mentioned near it are used when the document has no date. */
  text?: string;
  index?: number;
  /** findYears(text), when the caller resolves many dates against the same text. */
  years?: readonly { year: number; index: number }[];
}

export interface ResolvedDate {
  iso: string;
  /** How the year was obtained. */
  year: 'printed' | 'document-date' | 'nearby' | 'none';
  /** The printed weekday does not match the day in the year found. */
  weekdayMismatch: boolean;
}

/** How far back (in characters) a year mention still counts as "nearby", and forward as a last resort. */
const NEARBY_BEFORE = 4000;
const NEARBY_AFTER = 1500;

function nearbyYear(years: readonly { year: number; index: number }[], index: number): number | undefined {
  let before: number | undefined;
  for (const y of years) if (y.index < index && index - y.index <= NEARBY_BEFORE) before = y.year;
  if (before !== undefined) return before;
  const after = years.find((y) => y.index > index && y.index - index <= NEARBY_AFTER);
  return after?.year;
}

/**
 * The ISO form of a printed date. The year is the printed one; else the document date's year (the next year when
 * the day falls well before the document date, e.g. a January workshop announced in November); else a year
 * mentioned just before (or shortly after) the date. A printed weekday picks between the neighbouring years when
 * the context year does not fit it.
 */
export function resolveDate(date: Pick<FrenchDate, 'day' | 'month' | 'year' | 'weekday'>, context: YearContext = {}): ResolvedDate {
  if (date.year !== undefined) {
    const iso = isoDate(date.year, date.month, date.day);
    const weekdayMismatch = date.weekday !== undefined && iso !== '' && weekdayOf(date.year, date.month, date.day) !== date.weekday;
    return { iso, year: 'printed', weekdayMismatch };
  }
  let year: number | undefined;
  let source: ResolvedDate['year'] = 'none';
  const docDate = /^(\d{4})-(\d{2})-(\d{2})$/.exec(context.documentDate ?? '');
  if (docDate) {
    const [, y, m, d] = docDate.map(Number) as [number, number, number, number];
    year = y;
    const daysBefore = (Date.UTC(y, m - 1, d) - Date.UTC(y, date.month - 1, date.day)) / 86_400_000;
    if (daysBefore > 92) year = y + 1;
    source = 'document-date';
  } else if (context.text !== undefined && context.index !== undefined) {
    year = nearbyYear(context.years ?? findYears(context.text), context.index);
    if (year !== undefined) source = 'nearby';
  }
  if (year === undefined) return { iso: '', year: 'none', weekdayMismatch: false };
  let weekdayMismatch = false;
  if (date.weekday !== undefined && weekdayOf(year, date.month, date.day) !== date.weekday) {
    const fitting = [year + 1, year - 1].find((y) => isoDate(y, date.month, date.day) && weekdayOf(y, date.month, date.day) === date.weekday);
    if (fitting !== undefined) year = fitting;
    else weekdayMismatch = true;
  }
  return { iso: isoDate(year, date.month, date.day), year: source, weekdayMismatch };
}

/** A time or a range of times as printed ("9 h 30 – 9 h 45", "14H30"), in its compact form ("9h30 – 9h45"). */
export function compactTime(s: string): string {
  return s.replace(/(\d{1,2})\s*[hH](?:\s*(\d{2}))?(?!\d)/g, (_, h: string, m: string | undefined) => `${h}h${m ?? ''}`).replace(/\s+/g, ' ').trim();
}
