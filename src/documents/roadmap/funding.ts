/**
 * Reads the "Financement" cell of a roadmap action into funding lines.
 *
 * The cell is free French text written by many hands: "PRIAC 400 000€ par CRT", "62,24 M€",
 * "99 000 €\n(CU : 21 000€, CPTS 10 000€ ; ARS : 68 000€)", "Montant à définir". Everything here is
 * pure and total: any string gives a (possibly empty) list, never an exception.
 */
import type { Funding } from '../../model/roadmap.js';
import { LIST_MARKER } from '../../text/normalize.js';

/** A funder or funding instrument, and how the documents write it. */
export interface FundingSource {
  /** Canonical name written to `Funding.source`. */
  readonly name: string;
  /** Global, case-sensitive whole-word pattern; use it with `matchAll`/`replace`, not `test`. */
  readonly pattern: RegExp;
}

/** Matches `body` as a whole word only, so that acronyms ("CD", "ARS") never match inside other words. */
function wholeWord(body: string): RegExp {
  return new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${body})(?![\p{L}\p{N}])`, 'gu');
}

/**
 * Funders and funding instruments recognised in the cell. Acronyms are case-sensitive so that ordinary
 * words are not taken for funders; longer names come first so that "FIR Région" is not also read as "FIR".
 */
export const FUNDING_SOURCES: readonly FundingSource[] = [
  { name: 'FIR Région', pattern: wholeWord(String.raw`FIR\s+R[ée]gion`) },
  { name: 'FIR', pattern: wholeWord(String.raw`FIR|[Ff]onds d'intervention r[ée]gional`) },
  { name: 'ARS', pattern: wholeWord(String.raw`ARS|[Aa]gence r[ée]gionale de sant[ée]`) },
  { name: 'PRIAC', pattern: wholeWord('PRIAC') },
  { name: 'ONDAM', pattern: wholeWord('ONDAM') },
  { name: 'CNR', pattern: wholeWord('CNR') },
  { name: 'T2A', pattern: wholeWord('T2A') },
  { name: 'CPOM', pattern: wholeWord('CPOM') },
  { name: 'SNU', pattern: wholeWord('SNU') },
  { name: 'CNSA', pattern: wholeWord('CNSA') },
  { name: 'CNH', pattern: wholeWord('CNH') },
  { name: 'DAF', pattern: wholeWord('DAF') },
  { name: 'MIGAC', pattern: wholeWord('MIGAC') },
  { name: 'MIG', pattern: wholeWord('MIG') },
  { name: 'FMIS', pattern: wholeWord('FMIS') },
  { name: 'FNPEIS', pattern: wholeWord('FNPEIS') },
  { name: 'FEDER', pattern: wholeWord('FEDER') },
  { name: 'DGOS', pattern: wholeWord('DGOS') },
  { name: 'DREETS', pattern: wholeWord('DREETS') },
  { name: 'DRAJES', pattern: wholeWord('DRAJES') },
  { name: 'CPAM', pattern: wholeWord('CPAM') },
  { name: 'Assurance maladie', pattern: wholeWord('[Aa]ssurance [Mm]aladie') },
  { name: 'Conseil départemental', pattern: wholeWord(String.raw`[Cc]onseil [Dd][ée]partemental|CD`) },
  // "pour la Région" names where the money goes, not who pays.
  { name: 'Région', pattern: wholeWord(String.raw`[Cc]onseil [Rr][ée]gional|(?<!pour la )R[ée]gion`) },
  { name: 'Etat', pattern: wholeWord(String.raw`[EÉ]tat(?!\s+(?:des\s+lieux|d'avancement))`) },
  { name: 'Conférence des financeurs', pattern: wholeWord('[Cc]onf[ée]rence des financeurs') },
  { name: 'Education nationale', pattern: wholeWord('[EÉ]ducation [Nn]ationale') },
];

// ---------------------------------------------------------------------------------------------------
// Amounts

/** French number: "400 000", "42.500" (dot + exactly 3 digits = thousands), "62,24", "1 000,50". */
const NUMBER = String.raw`\d{1,3}(?:[ .]\d{3})+(?:,\d+|\.\d{1,2}(?!\d))?|\d+(?:[.,]\d+)?`;
/**
 * A number starts neither inside another number nor at the second group of "1 000": the latter also keeps
 * the scan linear on long digit groups without a currency. "2024 15 000 €" still reads 15 000.
 */
const NUMBER_START = String.raw`(?<![\d.,])(?!(?<=(?<!\d)\d{1,3}[ .])\d{3}(?!\d))`;
const SCALE = String.raw`Mds?|Mrds?|[Mm]illiards?|[Mm]illions?|[Mm]illiers?|M|[kK]`;
const CURRENCY = String.raw`€|(?:[Ee]uros?|EUROS?|EUR)(?![\p{L}\p{N}])`;
const MONEY = new RegExp(
  String.raw`${NUMBER_START}(?<number>${NUMBER})\s{0,3}(?:(?<scale>${SCALE})\s{0,3}(?:d'\s{0,2}|de\s{1,3})?)?(?:${CURRENCY})`,
  'gu',
);
/**
 * Without a currency, a number is an amount only when it is the whole line ("400 000") or follows a money
 * word ("Enveloppe de 120 000 à répartir"); "1 250 participants" is not money.
 */
const BARE_NUMBER = new RegExp(String.raw`^\s*(${NUMBER})\s*$`, 'du');
const MONEY_WORD = String.raw`[Ee]nveloppes?|[Mm]ontants?|[Bb]udgets?|[Ff]orfaits?|[Ss]ubventions?|[Dd]otations?|[Cc]r[ée]dits?|hauteur`;
const CUED_NUMBER = new RegExp(
  String.raw`(?<!\p{L})(?:${MONEY_WORD})\s{1,3}(?:de\s{1,3}|d'\s{0,2}|:\s{0,3})?${NUMBER_START}(${NUMBER})(?![\d.,])`,
  'du',
);
/** "2 x 30.000 €" and "30 000 € x 2": the amount is the product. */
const MULTIPLIER_BEFORE = /(?<![\d.,])(\d{1,3})\s{0,3}[xX×]\s{0,3}$/u;
const MULTIPLIER_AFTER = /^\s{0,3}[xX×]\s{0,3}(\d{1,3})(?![\d.,])/u;

/** Years 2010–2049: wide enough for planning documents, narrow enough not to read "2000 places" as a year. */
const YEAR = String.raw`20[1-4]\d`;
const YEAR_RANGE = new RegExp(String.raw`(?<!\p{N})(${YEAR})\s{0,3}(?:-|/|à|au)\s{0,3}(${YEAR})(?!\p{N})`, 'gu');
const SINGLE_YEAR = new RegExp(String.raw`(?<!\p{N})${YEAR}(?!\p{N})`, 'gu');
const HAS_YEAR = new RegExp(String.raw`(?<!\p{N})${YEAR}(?!\p{N})`, 'u');
const IS_YEAR = new RegExp(String.raw`^${YEAR}$`, 'u');

/**
 * Unit an amount applies to, right after it: "par CRT", "pour 12 places d'Accueil de Jour (AJ)", "/an".
 * "par l'ARS" names a payer, so an article after "par" rules it out; "pour" gives a unit only before a
 * count ("pour 2 ans", "pour les 4 ateliers"), otherwise it names a purpose or a beneficiary.
 */
const PER_PAR = String.raw`par\s+(?!(?:les?|la|des|du|une?)\s|l')`;
const PER_POUR = String.raw`pour\s+(?=(?:(?:les|des)\s+)?\d)`;
/** The unit ends before punctuation, a full stop, or a word opening another clause ("par SMUR pour la …"). */
const PER_END = String.raw`(?=\s+(?:pour|afin|dont|soit|et|sur|avec)\s|\s*[,;:()+\n]|\.(?:\s|$)|\s*$)`;
const PER_ACRONYM = String.raw`(?:\s{0,3}\([A-Z][A-Za-z]{1,9}\))?`;
const PER_TIME = String.raw`\/\s{0,3}(?:an|année|mois|jour|semaine|trimestre)s?(?!\p{L})`;
const PER = new RegExp(
  String.raw`^\s*(?:(?:${PER_PAR}|${PER_POUR})[^,;:()+\n]{1,80}?${PER_END}${PER_ACRONYM}|${PER_TIME})`,
  'u',
);

/** An amount found in a line, with the span of text it was read from (multiplier included). */
interface Money {
  readonly start: number;
  readonly end: number;
  readonly amount: number;
}

/**
 * Replaces typographic variants by their plain form one character for one character, so that a position
 * in the result is the same position in the original text (raw text is always cut from the original).
 */
function normalizeForMatching(s: string): string {
  return s
    .replace(/[\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\t\r\v\f]/g, ' ')
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[‐‑‒–—−]/g, '-');
}

/** "1 123 902" → 1123902, "42.500" → 42500, "62,24" → 62.24, "1.5" → 1.5. */
function parseFrenchNumber(text: string): number {
  let integer = text;
  let fraction = '';
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  if (comma >= 0) {
    integer = text.slice(0, comma);
    fraction = text.slice(comma + 1);
  } else if (dot >= 0 && text.length - dot - 1 !== 3) {
    integer = text.slice(0, dot);
    fraction = text.slice(dot + 1);
  }
  return Number(`${integer.replace(/[ .]/g, '')}.${fraction || '0'}`);
}

function scaleFactor(scale: string | undefined): number {
  if (!scale) return 1;
  if (/^(?:[kK]|[Mm]illier)/.test(scale)) return 1e3;
  if (/^(?:Md|Mrd|[Mm]illiard)/.test(scale)) return 1e9;
  return 1e6;
}

/** Euros rounded to the cent, or null when the text does not give a usable (finite) amount. */
function toEuros(value: number): number | null {
  const cents = Math.round(value * 100);
  return Number.isFinite(cents) ? cents / 100 : null;
}

/** Amounts of one line, in order. Numbers without a currency ("1 250 participants", "2024") are not amounts. */
function findMoneys(line: string): Money[] {
  const found: { start: number; end: number; value: number }[] = [];
  for (const m of line.matchAll(MONEY)) {
    const number = m.groups?.['number'] ?? '';
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      value: parseFrenchNumber(number) * scaleFactor(m.groups?.['scale']),
    });
  }
  if (found.length === 0) {
    const bare = BARE_NUMBER.exec(line) ?? CUED_NUMBER.exec(line);
    const number = bare?.[1];
    const span = bare?.indices?.[1];
    if (number !== undefined && span && isBareAmount(number)) {
      found.push({ start: span[0], end: span[1], value: parseFrenchNumber(number) });
    }
  }
  const moneys: Money[] = [];
  found.forEach((f, i) => {
    const previousEnd = found[i - 1]?.end ?? 0;
    const nextStart = found[i + 1]?.start ?? line.length;
    const before = MULTIPLIER_BEFORE.exec(line.slice(Math.max(previousEnd, f.start - 12), f.start));
    const after = MULTIPLIER_AFTER.exec(line.slice(f.end, nextStart));
    const factor = Number(before?.[1] ?? 1) * Number(after?.[1] ?? 1);
    const amount = toEuros(f.value * factor);
    if (amount === null) return;
    moneys.push({
      start: before ? f.start - before[0].length : f.start,
      end: after ? f.end + after[0].length : f.end,
      amount,
    });
  });
  return moneys;
}

/** A lone number is an amount when it is grouped in thousands or long, and not a year. */
function isBareAmount(number: string): boolean {
  return /[ .]\d{3}/.test(number) || (/^\d{4,}$/.test(number) && !IS_YEAR.test(number));
}

// ---------------------------------------------------------------------------------------------------
// Sources, periods, text helpers

/** The sources named in `text` and the text with their names blanked out. */
function scanSources(text: string): { names: string[]; rest: string } {
  const hits: { index: number; name: string }[] = [];
  let rest = text;
  for (const { name, pattern } of FUNDING_SOURCES) {
    // Blank each hit so that a shorter name ("FIR") is not found again inside a longer one ("FIR Région").
    rest = rest.replace(pattern, (match: string, ...args: unknown[]) => {
      const offset = args.find((a): a is number => typeof a === 'number') ?? 0;
      hits.push({ index: offset, name });
      return ' '.repeat(match.length);
    });
  }
  const names = [...new Set(hits.sort((x, y) => x.index - y.index).map((h) => h.name))];
  return { names, rest };
}

/** Canonical names of the sources named in `text`, in order of appearance, joined with " / "; null if none. */
function findSources(text: string): string | null {
  const { names } = scanSources(text);
  return names.length ? names.join(' / ') : null;
}

/** "2023 / 2027" → "2023-2027", "2024" → "2024", several → "2024, 2025"; null if no year. */
function findPeriod(text: string): string | null {
  const hits: { index: number; period: string }[] = [];
  const rest = text.replace(YEAR_RANGE, (match: string, from: string, to: string, offset: number) => {
    hits.push({ index: offset, period: `${from}-${to}` });
    return ' '.repeat(match.length);
  });
  for (const m of rest.matchAll(SINGLE_YEAR)) hits.push({ index: m.index, period: m[0] });
  const periods = [...new Set(hits.sort((a, b) => a.index - b.index).map((h) => h.period))];
  return periods.length ? periods.join(', ') : null;
}

/** Blanks the amounts so that their digits are never read as years. */
function maskMoneys(line: string, moneys: readonly Money[]): string {
  let out = '';
  let from = 0;
  for (const m of moneys) {
    out += line.slice(from, m.start) + ' '.repeat(m.end - m.start);
    from = m.end;
  }
  return out + line.slice(from);
}

function collapseSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Punctuation left around a component once the text is cut between amounts. */
const SEPARATOR_CHARS = new Set([' ', ',', ';', '/', '+', ':', '-']);

/**
 * Trims the separators left around a component ("(CU : 21 000€," → "CU : 21 000€"), dropping a parenthesis
 * only when it is unbalanced. Loops, not regexes, so that long runs of separators stay linear.
 */
function trimSeparators(text: string): string {
  const s = collapseSpaces(text);
  let opens = count(s, '(');
  let closes = count(s, ')');
  let start = 0;
  let end = s.length;
  for (let moved = true; moved; ) {
    const [oldStart, oldEnd] = [start, end];
    for (let c = s[start]; start < end && c !== undefined; c = s[start]) {
      if (c === '(' && opens > closes) opens--;
      else if (c === ')') closes--; // a leading ")" can never be matched
      else if (!SEPARATOR_CHARS.has(c)) break;
      start++;
    }
    for (let c = s[end - 1]; end > start && c !== undefined; c = s[end - 1]) {
      if (c === ')' && closes > opens) closes--;
      else if (c === '(') opens--; // nor can a trailing "("
      else if (!SEPARATOR_CHARS.has(c)) break;
      end--;
    }
    const conjunction = /^(?:et|dont|puis) /.exec(s.slice(start, start + 5));
    if (conjunction && start + conjunction[0].length <= end) start += conjunction[0].length;
    moved = start !== oldStart || end !== oldEnd;
  }
  return s.slice(start, end);
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------------
// One line holding amounts

/** Where one amount's text ends and the next one's begins, within the text between them. */
interface Cut {
  readonly end: number;
  readonly nextStart: number;
}

/**
 * Splits the text between two amounts. A parenthesis opened there and not closed starts the next amount's
 * text ("162 920 euros à la PCO (répartition : 98 667 euros …"); otherwise the first separator outside
 * parentheses does (",", ";", "/" not between digits, "+", "et", "dont", "puis"), so that
 * "71 190 € / HT : 68 250 €" gives " HT : " to the second amount. With no separator at all the text stays
 * with the first amount ("10 000 € en 2024 20 000 € en 2025").
 */
function cutBetween(gap: string): Cut {
  const unclosed = unclosedParenthesis(gap);
  if (unclosed >= 0) return { end: unclosed, nextStart: unclosed };
  let depth = 0;
  for (let i = 0; i < gap.length; i++) {
    const c = gap[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (',;+'.includes(c) || (c === '/' && !(/\d/.test(gap[i - 1] ?? '') && /\d/.test(gap[i + 1] ?? '')))) {
      return { end: i, nextStart: i + 1 };
    } else if (!/\p{L}/u.test(gap[i - 1] ?? '')) {
      const word = /^(?:et|dont|puis)(?!\p{L})/u.exec(gap.slice(i, i + 5));
      if (word) return { end: i, nextStart: i + word[0].length };
    }
  }
  return { end: gap.length, nextStart: gap.length };
}

/** Position of the outermost "(" left open at the end of `text`, or -1. */
function unclosedParenthesis(text: string): number {
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')') open.pop();
  }
  return open[0] ?? -1;
}

/** Words a label never ends with: "répartition indicative à" introduces an amount, it does not name it. */
const FUNCTION_WORDS = new Set([
  ...['à', 'a', 'de', 'du', 'des', "d'", 'en', 'pour', 'par', 'sur', 'soit', 'dont', 'et'],
  ...['le', 'la', 'les', "l'", 'au', 'aux', 'avec'],
]);

/** Short name written before an amount of a list ("AJ", "CPTS"): at most 3 words, no year, not a phrase. */
function labelOf(text: string): string | null {
  const label = trimSeparators(text);
  const words = label.split(' ');
  const last = (words[words.length - 1] ?? '').toLowerCase();
  if (!/\p{L}/u.test(label) || label.length > 30 || words.length > 3 || HAS_YEAR.test(label)) return null;
  return FUNCTION_WORDS.has(last) || last.endsWith("'") ? null : label;
}

/**
 * Funder named before a parenthesis that opens the list of amounts: "PRIAC (AJ : 71 190 € / HT : 68 250 €)"
 * gives PRIAC to both amounts. Returns that funder and where the first amount's own label may start.
 */
function listHead(masked: string, first: Money): { funder: string | null; labelStart: number } {
  const paren = unclosedParenthesis(masked.slice(0, first.start));
  if (paren < 0) return { funder: null, labelStart: 0 };
  return { funder: findSources(masked.slice(0, paren)), labelStart: paren + 1 };
}

/** Fundings of a line that holds at least one amount; several amounts give one funding each. */
function parseMoneyLine(original: string, line: string, moneys: readonly Money[]): Funding[] {
  const masked = maskMoneys(line, moneys);
  const single = moneys.length === 1;
  const head = moneys[0] ? listHead(masked, moneys[0]) : { funder: null, labelStart: 0 };
  const fundings: Funding[] = [];
  let segmentStart = 0;
  moneys.forEach((money, i) => {
    const next = moneys[i + 1];
    const perMatch = PER.exec(line.slice(money.end, next?.start ?? line.length));
    const tailEnd = money.end + (perMatch?.[0].length ?? 0);
    const cut = next ? cutBetween(line.slice(tailEnd, next.start)) : null;
    const segmentEnd = cut ? tailEnd + cut.end : line.length;

    const segment = masked.slice(segmentStart, segmentEnd);
    let source = findSources(segment);
    let per = perMatch ? collapseSpaces(original.slice(money.end, tailEnd)) : null;
    if (!single) {
      // In a list of amounts each one may carry a label ("AJ : 71 190 €"): a funder is its source,
      // anything else is what the amount is for. An unlabelled amount keeps the previous funder.
      const before = scanSources(masked.slice(i === 0 ? head.labelStart : segmentStart, money.start)).rest;
      const label = labelOf(before);
      per ??= label;
      if (source === null) source = head.funder;
      if (source === null && trimSeparators(before) === '') source = fundings[i - 1]?.source ?? null;
    }
    fundings.push({
      source,
      amount: money.amount,
      per,
      period: findPeriod(segment),
      raw: single ? original.trim() : trimSeparators(original.slice(segmentStart, segmentEnd)),
    });
    segmentStart = cut ? tailEnd + cut.nextStart : line.length;
  });
  return fundings;
}

// ---------------------------------------------------------------------------------------------------
// Lines grouped into blocks

/**
 * One funding entry of the cell: an optional amount line with the text lines around it that describe it
 * ("PRIAC 2023 / 2027" above "65 000 euros par PASA").
 */
interface Block {
  readonly header: Line[];
  money: Line | null;
  readonly footer: Line[];
}

interface Line {
  readonly original: string;
  readonly normalized: string;
  readonly fundings: Funding[];
  readonly namesSource: boolean;
  readonly namesPeriod: boolean;
}

function readLine(original: string): Line {
  const normalized = normalizeForMatching(original);
  const moneys = findMoneys(normalized);
  const fundings = moneys.length ? parseMoneyLine(original, normalized, moneys) : [];
  return {
    original: original.trim(),
    normalized,
    fundings,
    namesSource: findSources(normalized) !== null,
    namesPeriod: findPeriod(normalized) !== null,
  };
}

/**
 * Groups lines: each amount line opens or closes a block; a text line naming a funder or a year heads the
 * next amount line; other text lines belong to the block they follow.
 */
function groupLines(lines: readonly Line[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const line of lines) {
    if (line.fundings.length) {
      if (!current || current.money) blocks.push((current = { header: [], money: null, footer: [] }));
      current.money = line;
      continue;
    }
    const informative = line.namesSource || line.namesPeriod;
    // A second funder line before any amount starts a funding of its own ("FIR\nCPOM").
    const opens =
      (current?.money && informative) || (!current?.money && line.namesSource && current?.header.some((l) => l.namesSource));
    if (!current || opens) blocks.push((current = { header: [], money: null, footer: [] }));
    (current.money ? current.footer : current.header).push(line);
  }
  return mergeTrailingFunders(blocks);
}

/** "65 000 €\nFIR": a funder line after an amount with no funder, and before no other amount, is its funder. */
function mergeTrailingFunders(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const previous = out[out.length - 1];
    const previousLacksFunder =
      previous?.money?.fundings.every((f) => f.source === null) === true && previous.footer.every((l) => !l.namesSource);
    if (block.money === null && previous && previousLacksFunder) {
      previous.footer.push(...block.header);
    } else {
      out.push(block);
    }
  }
  return out;
}

/** Funder and period a block gives to the list items that follow it. */
interface Context {
  readonly source: string | null;
  readonly period: string | null;
}

/** A list item ("- 2024-2025 : 80 000 €") with no heading line of its own continues the list above it. */
function isListItem(block: Block): boolean {
  return block.header.length === 0 && block.money !== null && LIST_MARKER.test(block.money.original);
}

function blockFundings(block: Block, inherited: Context): Funding[] {
  const context = [...block.header, ...block.footer].map((l) => l.normalized).join('\n');
  const source = findSources(context) ?? inherited.source;
  const period = findPeriod(context) ?? inherited.period;
  const headerRaw = block.header.map((l) => l.original);
  const footerRaw = block.footer.map((l) => l.original);
  if (!block.money) {
    return [{ source, amount: null, per: null, period, raw: headerRaw.join('\n') }];
  }
  const fundings = block.money.fundings;
  return fundings.map((f, i) => {
    const raw = [...(i === 0 ? headerRaw : []), f.raw, ...(i === fundings.length - 1 ? footerRaw : [])];
    return { ...f, source: f.source ?? source, period: f.period ?? period, raw: raw.join('\n') };
  });
}

/**
 * Fundings of all blocks. List items inherit the funder and period of the last block that was not a bare
 * list item: "PRIAC 2023-2027" above three "- … euros" lines is the funder of all three.
 */
function resolveBlocks(blocks: readonly Block[]): Funding[] {
  const out: Funding[] = [];
  let listContext: Context = { source: null, period: null };
  for (const block of blocks) {
    const listItem = isListItem(block);
    const fundings = blockFundings(block, listItem ? listContext : { source: null, period: null });
    const first = fundings[0];
    if (!listItem && first) listContext = { source: first.source, period: first.period };
    out.push(...fundings);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Public API

/**
 * Parses a "Financement" cell into funding lines. An empty cell gives []; a cell with text but no amount
 * gives fundings with `amount: null` (the text is kept in `raw`). Never throws.
 */
export function parseFundings(financement: string): Funding[] {
  if (typeof financement !== 'string') return [];
  const lines = financement
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map(readLine);
  return resolveBlocks(groupLines(lines));
}

/** Longest run of components looked for after a stated total; keeps the sum linear on huge cells. */
const MAX_COMPONENTS = 50;

/**
 * Number of fundings right after `index` whose amounts add up exactly to the amount at `index`
 * ("99 000 €" then "(CU : 21 000€, CPTS 10 000€ ; ARS : 68 000€)"), or 0. At least two are needed.
 */
function componentCount(cents: readonly (number | null)[], index: number): number {
  const whole = cents[index];
  if (whole === null || whole === undefined) return 0;
  let sum = 0;
  for (let j = index + 1; j < cents.length && j - index <= MAX_COMPONENTS; j++) {
    const part = cents[j];
    if (part === null || part === undefined) return 0;
    sum += part;
    if (sum === whole && j - index >= 2) return j - index;
    if (sum > whole) return 0;
  }
  return 0;
}

/**
 * Sum of the amounts in euros, or null when no funding has an amount. A stated total followed by its
 * components is counted once. Per-unit amounts ("par CRT") are counted once: the number of units is unknown.
 */
export function fundingTotal(fundings: readonly Funding[]): number | null {
  // Work in cents so that components add up exactly.
  const cents = fundings.map((f) =>
    typeof f.amount === 'number' && Number.isFinite(f.amount) ? Math.round(f.amount * 100) : null,
  );
  let total = 0;
  let any = false;
  for (let i = 0; i < cents.length; i++) {
    const c = cents[i];
    if (c === null || c === undefined) continue;
    any = true;
    total += c;
    i += componentCount(cents, i);
  }
  return any ? total / 100 : null;
}
