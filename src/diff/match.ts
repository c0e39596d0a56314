/**
 * Matches the chantiers and the rows of two editions of a roadmap. Rows are matched by the similarity of
 * their "Actions" text, helped by their other cells and their place (axis, chantier), so that a reworded
 * action, an action moved to another chantier or axis, and two look-alike actions in different chantiers
 * are each paired with the right counterpart. Rows left over are then tested for splits (one row became two
 * consecutive rows) and merges (two consecutive rows became one) by comparing joined texts.
 */
import type { Action, Roadmap } from '../model/index.js';
import { containment, coverage, sameText, textSimilarity, typographyKey, wordDice } from './text.js';

export interface Row {
  /** Order of the row in its document. */
  index: number;
  axis: number;
  chantierId: number;
  /** 0-based index within its chantier. */
  position: number;
  cells: Action;
}

export interface ChantierNode {
  id: number;
  axis: number;
  title: string;
  rows: Row[];
}

export interface FlatRoadmap {
  chantiers: ChantierNode[];
  rows: Row[];
}

export function flatten(doc: Roadmap): FlatRoadmap {
  const chantiers: ChantierNode[] = [];
  const rows: Row[] = [];
  for (const axis of doc.axes)
    for (const chantier of axis.chantiers) {
      const node: ChantierNode = { id: chantiers.length, axis: axis.number, title: chantier.title, rows: [] };
      chantiers.push(node);
      chantier.actions.forEach((cells, position) => {
        const row: Row = { index: rows.length, axis: axis.number, chantierId: node.id, position, cells };
        rows.push(row);
        node.rows.push(row);
      });
    }
  return { chantiers, rows };
}

// ---------------------------------------------------------------------------------------------------
// Chantiers

/** A chantier title this close to another in the same axis is the same chantier, reworded. */
const CHANTIER_SAME_AXIS = 0.7;
/** With half of its rows unchanged, a chantier can have been renamed more freely. */
const CHANTIER_SAME_AXIS_WITH_ROWS = 0.5;
/** Across axes only a near-identical title says the chantier moved. */
const CHANTIER_OTHER_AXIS = 0.85;

function rowOverlap(a: ChantierNode, b: ChantierNode): number {
  if (!a.rows.length || !b.rows.length) return 0;
  const keys = new Set(b.rows.map((r) => typographyKey(r.cells.action)));
  const shared = a.rows.filter((r) => keys.has(typographyKey(r.cells.action))).length;
  return shared / Math.min(a.rows.length, b.rows.length);
}

/** Old chantier id → new chantier id, one to one. */
export function matchChantiers(before: readonly ChantierNode[], after: readonly ChantierNode[]): Map<number, number> {
  const candidates: { a: ChantierNode; b: ChantierNode; score: number }[] = [];
  for (const a of before)
    for (const b of after) {
      const sameAxis = a.axis === b.axis;
      // An untitled table is only ever the untitled table of the same axis.
      if ((a.title === '' || b.title === '') && !(sameAxis && a.title === b.title)) continue;
      const titles = textSimilarity(a.title, b.title);
      const overlap = rowOverlap(a, b);
      const ok = sameAxis
        ? titles >= CHANTIER_SAME_AXIS || (titles >= CHANTIER_SAME_AXIS_WITH_ROWS && overlap >= 0.5)
        : titles >= CHANTIER_OTHER_AXIS;
      if (ok) candidates.push({ a, b, score: titles + (sameAxis ? 0.1 : 0) + 0.2 * overlap });
    }
  candidates.sort((x, y) => y.score - x.score || Math.abs(x.a.id - x.b.id) - Math.abs(y.a.id - y.b.id));
  const map = new Map<number, number>();
  const taken = new Set<number>();
  for (const c of candidates) {
    if (map.has(c.a.id) || taken.has(c.b.id)) continue;
    map.set(c.a.id, c.b.id);
    taken.add(c.b.id);
  }
  return map;
}

// ---------------------------------------------------------------------------------------------------
// Rows

export type RowMatch =
  | { kind: 'pair'; old: Row; new: Row; similarity: number }
  | { kind: 'split'; old: Row; new: [Row, Row]; similarity: number }
  | { kind: 'merge'; old: [Row, Row]; new: Row; similarity: number };

export interface RowMatching {
  matches: RowMatch[];
  removed: Row[];
  added: Row[];
}

/** Below this "Actions" similarity two rows are never the same action (unrelated actions of one gold roadmap reach 0.47). */
const MIN_TEXT_SIMILARITY = 0.55;
/** Share of content words (Dice) below which two rows are not compared further. */
const MIN_SHARED_WORDS = 0.2;
/** Weighted score (text, other cells, place) a pair needs. */
const MIN_PAIR_SCORE = 0.6;
/** Each of two rows split from one is mostly made of that row's words, in order... */
const MIN_PART_CONTAINMENT = 0.6;
/** ...together they hold most of its words... */
const MIN_JOINED_COVERAGE = 0.8;
/** ...and the second row brings words the first lacks (else it is a look-alike row, added). */
const MIN_COVERAGE_GAIN = 0.1;
/** The two rows are in one chantier, in order, with at most two other rows (added or moved there) between. */
const MAX_PART_DISTANCE = 3;

const OTHER_CELLS = ['financement', 'indicateur', 'commentaire'] as const;

function cellsSimilarity(a: Action, b: Action): number | null {
  const scores: number[] = [];
  for (const f of OTHER_CELLS) {
    const x = a[f];
    const y = b[f];
    if (!x.trim() && !y.trim()) continue;
    scores.push(!x.trim() || !y.trim() ? 0 : textSimilarity(x, y));
  }
  return scores.length ? scores.reduce((s, v) => s + v, 0) / scores.length : null;
}

function joinCells(a: string, b: string): string {
  return [a, b].filter((s) => s.trim()).join('\n');
}

/** The two rows read as one: each cell joined. */
export function joinRows(a: Action, b: Action): Pick<Action, 'action' | 'financement' | 'indicateur' | 'commentaire'> {
  return {
    action: joinCells(a.action, b.action),
    financement: joinCells(a.financement, b.financement),
    indicateur: joinCells(a.indicateur, b.indicateur),
    commentaire: joinCells(a.commentaire, b.commentaire),
  };
}

interface PairState {
  oldToNew: Map<Row, Row>;
  newToOld: Map<Row, Row>;
}

/**
 * Rows identical in all four cells (typography aside) and still in the same chantier pair first, in order:
 * they would top the scores anyway, and leaving them out keeps the all-pairs comparison to the rest.
 */
function pairUnchangedRows(before: FlatRoadmap, after: FlatRoadmap, chantierMap: Map<number, number>, state: PairState): void {
  const cellsKey = (r: Row) => [r.cells.action, r.cells.financement, r.cells.indicateur, r.cells.commentaire].map(typographyKey).join('\u0000');
  const waiting = new Map<string, Row[]>();
  for (const n of after.rows) {
    const key = `${n.chantierId}\u0000${cellsKey(n)}`;
    const list = waiting.get(key);
    if (list) list.push(n);
    else waiting.set(key, [n]);
  }
  for (const o of before.rows) {
    const chantier = chantierMap.get(o.chantierId);
    if (chantier === undefined) continue;
    const n = waiting.get(`${chantier}\u0000${cellsKey(o)}`)?.shift();
    if (!n) continue;
    state.oldToNew.set(o, n);
    state.newToOld.set(n, o);
  }
}

function pairRows(before: FlatRoadmap, after: FlatRoadmap, chantierMap: Map<number, number>): PairState {
  const state: PairState = { oldToNew: new Map(), newToOld: new Map() };
  pairUnchangedRows(before, after, chantierMap, state);
  const olds = before.rows.filter((o) => !state.oldToNew.has(o));
  const news = after.rows.filter((n) => !state.newToOld.has(n));
  const candidates: { o: Row; n: Row; score: number }[] = [];
  for (const o of olds)
    for (const n of news) {
      const a = o.cells.action;
      const b = n.cells.action;
      // Cheap reject first: with under a fifth of their words shared, two rows would need a bigram similarity
      // of 0.9 to reach the bar; among the 4 095 pairs of actions of the two gold roadmaps, the 3 954 such pairs
      // reach 0.68 at most. This skips most of the costly comparisons.
      if (!sameText(a, b) && wordDice(a, b) < MIN_SHARED_WORDS) continue;
      const text = textSimilarity(a, b);
      if (text < MIN_TEXT_SIMILARITY) continue;
      const cells = cellsSimilarity(o.cells, n.cells) ?? text;
      const place = (chantierMap.get(o.chantierId) === n.chantierId ? 0.05 : 0) + (o.axis === n.axis ? 0.02 : 0);
      const score = 0.8 * text + 0.2 * cells + place;
      if (score >= MIN_PAIR_SCORE) candidates.push({ o, n, score });
    }
  candidates.sort((x, y) => y.score - x.score || Math.abs(x.o.index - x.n.index) - Math.abs(y.o.index - y.n.index));
  for (const c of candidates) {
    if (state.oldToNew.has(c.o) || state.newToOld.has(c.n)) continue;
    state.oldToNew.set(c.o, c.n);
    state.newToOld.set(c.n, c.o);
  }
  return state;
}

interface Grouping {
  one: Row;
  two: [Row, Row];
  similarity: number;
}

/**
 * Finds rows of `ones` that became two nearby rows of one chantier of `twos` (a split, or a merge seen backwards).
 * Each of the two rows must be unpaired or paired with that very row and be mostly a piece of it; joined,
 * they must hold most of its words, clearly more than either row alone. Texts are compared as words rather
 * than as a whole because a split often repeats the subject in both rows ("Renforcer X en A." → "Renforcer X
 * en A." + "Renforcer X pour B.").
 */
function findGroupings(
  ones: readonly Row[],
  twoChantiers: readonly ChantierNode[],
  oneToTwo: Map<Row, Row>,
  twoToOne: Map<Row, Row>,
): Grouping[] {
  const found: Grouping[] = [];
  const used = new Set<Row>();
  for (const one of ones) {
    const free = (r: Row) => !used.has(r) && (!twoToOne.has(r) || twoToOne.get(r) === one);
    let best: Grouping | undefined;
    for (const chantier of twoChantiers)
      chantier.rows.forEach((first, i) => {
        for (let j = i + 1; j < chantier.rows.length && j - i <= MAX_PART_DISTANCE; j++) {
          const second = chantier.rows[j]!;
          if (!free(first) || !free(second)) continue;
          const similarity = groupingSimilarity(one.cells.action, first.cells.action, second.cells.action);
          if (similarity !== null && (!best || similarity > best.similarity)) best = { one, two: [first, second], similarity };
        }
      });
    if (!best) continue;
    found.push(best);
    used.add(best.two[0]);
    used.add(best.two[1]);
    const partner = oneToTwo.get(one);
    if (partner) twoToOne.delete(partner);
    oneToTwo.delete(one);
    for (const r of best.two) twoToOne.set(r, one);
  }
  return found;
}

/** Similarity of `whole` to the two rows joined when they look like its two pieces, else null. */
function groupingSimilarity(whole: string, first: string, second: string): number | null {
  if (containment(first, whole) < MIN_PART_CONTAINMENT || containment(second, whole) < MIN_PART_CONTAINMENT) return null;
  const joinedText = joinCells(first, second);
  const joined = coverage(whole, joinedText);
  const alone = Math.max(coverage(whole, first), coverage(whole, second));
  if (joined < MIN_JOINED_COVERAGE || joined < alone + MIN_COVERAGE_GAIN) return null;
  return textSimilarity(whole, joinedText);
}

/** Pairs the rows of two editions, then finds splits and merges among the rest. */
export function matchRows(before: FlatRoadmap, after: FlatRoadmap, chantierMap: Map<number, number>): RowMatching {
  const { oldToNew, newToOld } = pairRows(before, after, chantierMap);

  // A split: one old row → two nearby new rows. Only rows not already paired with something identical.
  const splitCandidates = before.rows.filter((o) => {
    const n = oldToNew.get(o);
    return !n || !sameText(n.cells.action, o.cells.action);
  });
  const splits = findGroupings(splitCandidates, after.chantiers, oldToNew, newToOld);
  const splitOld = new Set(splits.map((s) => s.one));
  const splitNew = new Set(splits.flatMap((s) => s.two));

  // A merge: two nearby old rows → one new row (a split read from the new edition).
  const mergeCandidates = after.rows.filter((n) => {
    if (splitNew.has(n)) return false;
    const o = newToOld.get(n);
    return !o || !sameText(n.cells.action, o.cells.action);
  });
  const beforeChantiers = before.chantiers.map((c) => ({ ...c, rows: c.rows.filter((r) => !splitOld.has(r)) }));
  const merges = findGroupings(mergeCandidates, beforeChantiers, newToOld, oldToNew);
  const mergeNew = new Set(merges.map((m) => m.one));
  const mergeOld = new Set(merges.flatMap((m) => m.two));

  const matches: RowMatch[] = [];
  for (const o of before.rows) {
    if (splitOld.has(o) || mergeOld.has(o)) continue;
    const n = oldToNew.get(o);
    if (n && !splitNew.has(n) && !mergeNew.has(n))
      matches.push({ kind: 'pair', old: o, new: n, similarity: textSimilarity(o.cells.action, n.cells.action) });
  }
  for (const s of splits) matches.push({ kind: 'split', old: s.one, new: s.two, similarity: s.similarity });
  for (const m of merges) matches.push({ kind: 'merge', old: m.two, new: m.one, similarity: m.similarity });

  const matchedOld = new Set(matches.flatMap((m) => (m.kind === 'merge' ? m.old : [m.old])));
  const matchedNew = new Set(matches.flatMap((m) => (m.kind === 'split' ? m.new : [m.new])));
  return {
    matches,
    removed: before.rows.filter((r) => !matchedOld.has(r)),
    added: after.rows.filter((r) => !matchedNew.has(r)),
  };
}
