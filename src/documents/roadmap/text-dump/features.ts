import {
  CURRENCY_START,
  DATE_CUES,
  DECLARATIVE_VERBS,
  DETERMINERS,
  FUNDING_SOURCES,
  FUNCTION_WORDS,
  FUNDING_WORDS,
  INDICATOR_HEADS,
  ITEM_MARKER,
  MONEY,
  NOT_INFINITIVES,
  REMARK_OPENERS,
} from './lexicon.js';

/** The four table columns, in printed order. Row cells always come in this order in a dump. */
export const COLUMN_ORDER = ['action', 'financement', 'indicateur', 'commentaire'] as const;
export type Column = 0 | 1 | 2 | 3;
export const ACTION: Column = 0;
export const FINANCEMENT: Column = 1;
export const INDICATEUR: Column = 2;
export const COMMENTAIRE: Column = 3;

/** Words of a text, elisions split off ("l’UAPED" → "l", "UAPED"). */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+|%/gu) ?? [];
}

export function stripItemMarker(text: string): string {
  return text.replace(ITEM_MARKER, '');
}

/** "Développer", "Mettre", "- renforcer": an infinitive opening a command. */
export function isInfinitive(word: string): boolean {
  const lower = word.toLowerCase();
  if (lower.length < 4 || NOT_INFINITIVES.has(lower)) return false;
  if (/(?:ère|ière|eur|aire|oire|ètre|ure)$/.test(lower) && !/^(?:con|ex|in)clure$/.test(lower)) return false;
  return /^[\p{L}][\p{Ll}]+(?:er|ir|re)$/u.test(word);
}

/** Nouns made from verbs ("Création", "Déploiement", "Mise en place"): both actions and indicators use them. */
export function isNominalization(text: string): boolean {
  const first = words(stripItemMarker(text))[0] ?? '';
  return /^mise\s+en\b/i.test(stripItemMarker(text)) || (/^\p{Lu}/u.test(first) && /(?:tion|sion|ment|age|ure|ité|ance|ence)$/u.test(first));
}

/** The text opens with what an indicator counts ("Nb de", "Taux de", "% de", "Ouverture de"). */
export function startsWithIndicatorHead(text: string): boolean {
  const t = stripItemMarker(text).toLowerCase().trimStart();
  if (/^%/.test(t) || /^\d+\s*%/.test(t)) return true;
  return INDICATOR_HEADS.some((head) => t.startsWith(head) && !/[\p{L}]/u.test(t.charAt(head.length)));
}

export function moneyMatches(text: string): RegExpMatchArray[] {
  return [...text.matchAll(MONEY)];
}

export function fundingSourceCount(text: string): number {
  return (text.match(/[\p{Lu}\d]{2,}/gu) ?? []).filter((w) => FUNDING_SOURCES.has(w)).length;
}

/** Line widths, in characters, that tell the wide Actions column from the narrower ones. */
export interface WidthContext {
  /** Width of the Actions column on this page (longest wrapped line of the first action). */
  actionWidth: number;
  /** Longest line of the blank-separated block the text belongs to. */
  blockWidth: number;
  /** Number of lines of that block. */
  blockLines: number;
}

/** Features of what a piece says, evidence on every line of a cell. */
export const CONTENT_FEATURES = [
  'money',
  'fundingSource',
  'fundingWord',
  'yearSpan',
  'declarative',
  'dateCue',
  'innerSentence',
  'percent',
  'wide',
  'overwide',
  'narrowBlock',
  'longBlock',
  'endsWithPeriod',
] as const;
/** Features of how a piece starts, evidence only where a cell starts (a change of column or a new row). */
export const ENTRY_FEATURES = [
  'moneyFirst',
  'infinitive',
  'itemInfinitive',
  'indicatorHead',
  'nominal',
  'determiner',
  'participle',
  'statusPhrase',
  'remark',
  'shortPhrase',
  'itemMarker',
  'lowerStart',
  'fundingLead',
] as const;
export type FeatureName = (typeof CONTENT_FEATURES)[number] | (typeof ENTRY_FEATURES)[number];
export type Features = Record<FeatureName, number>;

/** "Travaux menés", "Projet travaillé", "Actions 2024 identifiées": a noun and a past participle report a status. */
function isStatusPhrase(ws: readonly string[]): boolean {
  const participle = (w: string | undefined) => w !== undefined && /^\p{Ll}{3,}(?:é|ée|és|ées|u|ue|us|ues|ise|ises)$/u.test(w);
  return participle(ws[1]) || (/^\d+$/.test(ws[1] ?? '') && participle(ws[2]));
}

/** What a piece of a table line looks like, as numbers (mostly 0/1). */
export function pieceFeatures(rawText: string, width: WidthContext): Features {
  const text = rawText.trim();
  const body = stripItemMarker(text);
  const ws = words(body);
  const first = ws[0] ?? '';
  const firstLower = first.toLowerCase();
  const money = moneyMatches(text);
  const ratio = text.length / Math.max(20, width.actionWidth);
  const blockRatio = width.blockWidth / Math.max(20, width.actionWidth);
  return {
    money: money.length ? 1 : 0,
    fundingSource: Math.min(2, fundingSourceCount(text)),
    fundingWord: FUNDING_WORDS.test(text) || CURRENCY_START.test(body) ? 1 : 0,
    yearSpan: /\b20\d\d\s*[-/–]\s*20\d\d\b/.test(text) ? 1 : 0,
    declarative: DECLARATIVE_VERBS.test(text) ? 1 : 0,
    dateCue: DATE_CUES.test(text) ? 1 : 0,
    innerSentence: /[.!?]\s+\p{Lu}/u.test(text) ? 1 : 0,
    percent: /%/.test(text) ? 1 : 0,
    wide: ratio >= 0.88 && ratio <= 1.12 ? 1 : 0,
    overwide: ratio > 1.12 ? 1 : 0,
    narrowBlock: blockRatio < 0.75 && width.blockLines >= 2 ? 1 : 0,
    longBlock: width.blockLines >= 5 ? 1 : 0,
    moneyFirst: /^[(\s]*\d/.test(body) && money.length > 0 && (money[0]!.index ?? 99) <= 3 + text.length - body.length ? 1 : 0,
    infinitive: !ITEM_MARKER.test(text) && isInfinitive(first) && /^\p{Lu}/u.test(first) ? 1 : 0,
    itemInfinitive: ITEM_MARKER.test(text) && isInfinitive(first) ? 1 : 0,
    indicatorHead: startsWithIndicatorHead(text) ? 1 : 0,
    nominal: isNominalization(text) ? 1 : 0,
    determiner: /^\p{Lu}/u.test(first) && DETERMINERS.has(firstLower) ? 1 : 0,
    participle: /^\p{Lu}\p{Ll}+(?:é|ée|és|ées|u|ue|us|ues|i|is|ie|ies)$/u.test(first) && !isInfinitive(first) && first.length > 4 ? 1 : 0,
    statusPhrase: isStatusPhrase(ws) ? 1 : 0,
    remark: REMARK_OPENERS.test(body) ? 1 : 0,
    shortPhrase: ws.length <= 8 && !/[.!?]\s*$/.test(text) && !FUNCTION_WORDS.has((ws[ws.length - 1] ?? '').toLowerCase()) ? 1 : 0,
    itemMarker: ITEM_MARKER.test(text) ? 1 : 0,
    lowerStart: /^\p{Ll}/u.test(body) && !startsWithIndicatorHead(body) ? 1 : 0,
    endsWithPeriod: /[.!?…]\s*$/.test(text) && !/\b(?:etc|cf)\.$/i.test(text) ? 1 : 0,
    fundingLead: FUNDING_SOURCES.has(first) || FUNDING_WORDS.test(first) ? 1 : 0,
  };
}

type Weights = readonly [number, number, number, number];

/**
 * The model: one weight per feature and column (action, financement, indicateur, commentaire). Positive weights
 * are evidence for the column. Set by hand from what the columns of ARS roadmaps look like, then checked on the
 * fixtures (le-havre-2024 and the synthetic rouen-elbeuf-2025).
 */
export const CONTENT_WEIGHTS: Record<(typeof CONTENT_FEATURES)[number], Weights> = {
  money: [-3, 3, -1.5, -1.5],
  fundingSource: [-0.2, 0.8, -0.3, -0.1],
  fundingWord: [-0.8, 1.8, -0.8, -0.4],
  yearSpan: [0, 0.5, -0.3, 0],
  declarative: [-0.6, -0.5, -1, 1],
  dateCue: [-0.3, 0, -0.6, 1.1],
  innerSentence: [0, -0.2, -0.6, 0.5],
  percent: [-0.3, -0.2, 0.6, -0.2],
  wide: [0.8, -0.3, -0.8, -0.2],
  overwide: [-0.5, -0.3, -0.8, 0.3],
  narrowBlock: [-0.3, 0.1, 0.1, 0.1],
  longBlock: [0, 0, 0, 0],
  endsWithPeriod: [0.2, 0, -0.8, 0.6],
};

export const ENTRY_WEIGHTS: Record<(typeof ENTRY_FEATURES)[number], Weights> = {
  moneyFirst: [-1, 1.5, -1, -1],
  infinitive: [2, -1.5, -1.5, -0.3],
  itemInfinitive: [1, -1, -1, 0],
  indicatorHead: [-0.5, -1, 2.2, -0.6],
  nominal: [0.4, 0, 0.6, 0.1],
  determiner: [-1.5, -0.8, -1.2, 1.8],
  participle: [-1, -0.5, -0.3, 1.2],
  statusPhrase: [-0.5, -0.3, -1, 1.5],
  remark: [-1, -0.3, -0.8, 1.5],
  shortPhrase: [-0.3, 0.2, 0.4, -0.3],
  itemMarker: [0.5, 0, -0.5, 0.2],
  lowerStart: [-1, -0.3, -0.3, -0.3],
  fundingLead: [-0.8, 1, -0.5, -0.3],
};

function weigh<N extends FeatureName>(features: Features, names: readonly N[], weights: Record<N, Weights>): [number, number, number, number] {
  const out: [number, number, number, number] = [0, 0, 0, 0];
  for (const name of names) {
    const value = features[name];
    if (!value) continue;
    const w = weights[name];
    for (let c = 0; c < 4; c++) out[c] = out[c]! + value * w[c]!;
  }
  return out;
}

/** Evidence for each column from what the piece says (counts on every line). */
export function contentScores(features: Features): [number, number, number, number] {
  return weigh(features, CONTENT_FEATURES, CONTENT_WEIGHTS);
}

/** Evidence for each column from how the piece starts (counts where a cell starts). */
export function entryScores(features: Features): [number, number, number, number] {
  return weigh(features, ENTRY_FEATURES, ENTRY_WEIGHTS);
}

/** Both together: how a piece that starts a cell scores on its own. */
export function columnScores(features: Features): [number, number, number, number] {
  const a = contentScores(features);
  const b = entryScores(features);
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]];
}

/** The column a piece looks most like on its own (no context): used in tests and diagnostics. */
export function likeliestColumn(text: string, width: WidthContext): Column {
  const scores = columnScores(pieceFeatures(text, width));
  let best: Column = 0;
  for (let c = 1; c < 4; c++) if (scores[c]! > scores[best]!) best = c as Column;
  return best;
}
