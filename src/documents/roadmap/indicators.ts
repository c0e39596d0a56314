/**
 * Reads the "Indicateur(s)" cell of a roadmap action into indicators.
 *
 * One indicator per line; a line may also join several with semicolons ("Typologie des filières ;
 * Nb de créneaux…"). A target ("cible 2024 : 40") or a starting value ("valeur 7") is taken out of the
 * label into its own field, as printed. Pure and total: any string gives a list, never an exception.
 */
import type { Indicator } from '../../model/roadmap.js';
import { cleanSpaces, LIST_MARKER } from '../../text/normalize.js';

/** After the keyword: the year it is for, then a colon or directly a number ("cible 10", "cible 2024 : 40"). */
const VALUE_OPENING = String.raw`(?:\s+(20\d{2}))?\s*(?::\s*|(?=[+\-−≥≤<>~]?\s?\p{N}))`;
const WORD_START = String.raw`(?<![\p{L}\p{N}])`;

/**
 * "cible", "objectif", "valeur cible" then the value: "cible 2024 : 40", "Cible: 100%", "cible 10",
 * "cible : +10 MSP en 2024". "population cible vaccinée" has neither colon nor number and is not a target.
 */
const TARGET = new RegExp(String.raw`${WORD_START}(?:valeurs?\s+cibles?|cibles?|objectifs?)${VALUE_OPENING}`, 'giu');

/** "valeur 7", "valeur initiale : 12", "situation initiale 2023 : 5", "référence : 30 %". */
const BASELINE_WORDS = String.raw`valeurs?(?:\s+(?:initiales?|de\s+départ|de\s+référence|de\s+base|actuelles?))?|baseline|situation\s+initiale|point\s+de\s+départ|référence`;
const BASELINE = new RegExp(String.raw`${WORD_START}(?:${BASELINE_WORDS})${VALUE_OPENING}`, 'giu');

/** A comma that opens the next clause ends a value: "valeur 7, cible 10". */
const NEXT_CLAUSE = /,\s*(?:valeurs?|cibles?|objectifs?)(?![\p{L}])/iuy;
const YEAR_IN_VALUE = /(?<!\p{N})20\d{2}(?!\p{N})/u;

/** A clause found in an indicator: its span in the text, the value as printed and a year when printed. */
interface Clause {
  readonly start: number;
  readonly end: number;
  readonly value: string;
  readonly year: string | undefined;
}

/**
 * End of a value starting at `from`: a ")" or "]" that closes a bracket opened before the value, a ";" or
 * a comma opening the next clause, or the end of the text. Brackets opened inside the value are kept
 * ("+10 Maisons de santé Pluriprofessionnelle (MSP) en 2024").
 */
function valueEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      if (depth === 0) return i;
      depth--;
    } else if (depth === 0 && c === ';') return i;
    else if (depth === 0 && c === ',') {
      NEXT_CLAUSE.lastIndex = i;
      if (NEXT_CLAUSE.test(text)) return i;
    }
  }
  return text.length;
}

/** First clause of the kind `keyword` finds, with a non-empty value. */
function findClause(text: string, keyword: RegExp): Clause | null {
  for (const m of text.matchAll(keyword)) {
    const from = m.index + m[0].length;
    const end = valueEnd(text, from);
    const value = trimEnd(text.slice(from, end), ' .,;:');
    if (value) return { start: m.index, end, value, year: m[1] };
  }
  return null;
}

function trimEnd(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1]!)) end--;
  return s.slice(0, end).trim();
}

function trimStart(s: string, chars: string): string {
  let start = 0;
  while (start < s.length && chars.includes(s[start]!)) start++;
  return s.slice(start).trim();
}

const SEPARATORS = ' .,;:-–—';

/** Takes a clause out of a label, with the brackets around it when it filled them ("(cible 2024 : 40)"). */
function removeClause(text: string, clause: Clause): string {
  let left = text.slice(0, clause.start).trimEnd();
  let right = text.slice(clause.end).trimStart();
  if (/[([]$/.test(left) && /^[)\]]/.test(right)) {
    left = left.slice(0, -1);
    right = right.slice(1);
  }
  left = trimEnd(left, SEPARATORS);
  right = trimStart(right, ' ,;');
  if (!right) return left;
  return /^[)\]]/.test(right) ? left + right : `${left} ${right}`;
}

/** Strips list markers ("- ", "• ", "⇒ ") and the separators left at the ends. */
function tidy(text: string): string {
  let s = cleanSpaces(text);
  for (let marker = LIST_MARKER.exec(s); marker; marker = LIST_MARKER.exec(s)) s = s.slice(marker[0].length);
  return trimStart(trimEnd(s, ' ,;'), ' ,;');
}

function hasContent(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** One indicator: the label is what remains once target and baseline are taken out, or the whole text. */
function readIndicator(text: string): { indicator: Indicator; clausesOnly: boolean } {
  let label = text;
  const indicator: Omit<Indicator, 'label'> = {};
  const target = findClause(label, TARGET);
  if (target) {
    indicator.target = target.value;
    const year = target.year ?? YEAR_IN_VALUE.exec(target.value)?.[0];
    if (year) indicator.year = year;
    label = removeClause(label, target);
  }
  const baseline = findClause(label, BASELINE);
  if (baseline) {
    indicator.baseline = baseline.value;
    label = removeClause(label, baseline);
  }
  label = trimStart(trimEnd(label, SEPARATORS), SEPARATORS);
  const clausesOnly = !hasContent(label);
  return { indicator: { label: clausesOnly ? text : label, ...indicator }, clausesOnly };
}

/** Splits a line on semicolons outside brackets: "valeur 7 ; cible 10" inside "( )" stays whole. */
function splitOnSemicolons(line: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (c === ';' && depth === 0) {
      pieces.push(line.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(line.slice(start));
  return pieces;
}

/**
 * Indicators of one line. A piece that is only a target or a baseline ("cible 10" in "valeur 7 ; cible 10",
 * "Cible : 100%" after "… en leurs murs;") belongs to the indicator before it.
 */
function lineIndicators(line: string): Indicator[] {
  const texts: string[] = [];
  for (const piece of splitOnSemicolons(line)) {
    const text = tidy(piece);
    if (!hasContent(text)) continue;
    const previous = texts.length - 1;
    if (previous >= 0 && readIndicator(text).clausesOnly) texts[previous] = `${texts[previous]} ; ${text}`;
    else texts.push(text);
  }
  return texts.map((t) => readIndicator(t).indicator);
}

/** Parses an "Indicateur(s)" cell; "" gives []. Never throws. */
export function parseIndicators(indicateur: string): Indicator[] {
  if (typeof indicateur !== 'string') return [];
  return indicateur.split(/\r\n|\r|\n/).flatMap(lineIndicators);
}
