/** `fdr diff`: the changes between two editions of a roadmap, as a RoadmapDiff (pure). */
import type {
  Action,
  ActionChange,
  ActionSnapshot,
  AxisChange,
  CellField,
  ChantierChange,
  ChantierPlace,
  DiffEdition,
  DocumentFieldChange,
  FundingChange,
  Roadmap,
  RoadmapDiff,
  SourceInfo,
} from '../model/index.js';
import { SCHEMA_VERSION, schemaId } from '../model/index.js';
import { type ChantierNode, type FlatRoadmap, flatten, joinRows, matchChantiers, matchRows, type Row } from './match.js';
import { sameText } from './text.js';
import { wordDiff } from './word-diff.js';

export interface DiffInput {
  roadmap: Roadmap;
  /** The input as given on the command line; defaults to the roadmap's own source. */
  file?: string;
  info?: SourceInfo;
}

const CELL_FIELDS: readonly CellField[] = ['action', 'financement', 'indicateur', 'commentaire'];
const DOCUMENT_FIELDS = ['title', 'region', 'territory', 'territoryType', 'period'] as const;

type Cells = Pick<Action, CellField>;

function sumFunding(values: readonly (number | null)[]): number | null {
  const amounts = values.filter((v): v is number => v !== null);
  return amounts.length ? Math.round(amounts.reduce((s, v) => s + v, 0) * 100) / 100 : null;
}

function fundingChange(before: number | null, after: number | null): FundingChange | null {
  if (before === after) return null;
  return { before, after, delta: before !== null && after !== null ? Math.round((after - before) * 100) / 100 : null };
}

function edition(input: DiffInput, flat: FlatRoadmap): DiffEdition {
  const doc = input.roadmap;
  const info = input.info ?? doc.source;
  return {
    file: input.file ?? info.file,
    sha256: info.sha256,
    format: info.format,
    territory: doc.territory,
    title: doc.title,
    period: doc.period,
    axes: doc.axes.length,
    chantiers: flat.chantiers.length,
    actions: flat.rows.length,
    fundingTotalEur: sumFunding(flat.rows.map((r) => r.cells.fundingTotalEur)) ?? 0,
  };
}

/** Compares two texts of the diffed rows and lists the cells that differ beyond typography. */
function changedFields(a: Cells, b: Cells): CellField[] {
  return CELL_FIELDS.filter((f) => !sameText(a[f], b[f]));
}

/** Diffs two editions of a roadmap. Whitespace and typography changes are never reported. */
export function diffRoadmaps(oldInput: DiffInput, newInput: DiffInput): RoadmapDiff {
  const before = flatten(oldInput.roadmap);
  const after = flatten(newInput.roadmap);
  const chantierMap = matchChantiers(before.chantiers, after.chantiers);
  const { matches, removed, added } = matchRows(before, after, chantierMap);

  const place = (flat: FlatRoadmap, row: Row): ChantierPlace => ({ axis: row.axis, chantier: flat.chantiers[row.chantierId]!.title });
  const snapshot = (flat: FlatRoadmap, row: Row): ActionSnapshot => ({
    ...place(flat, row),
    position: row.position,
    action: row.cells.action,
    financement: row.cells.financement,
    indicateur: row.cells.indicateur,
    commentaire: row.cells.commentaire,
    fundingTotalEur: row.cells.fundingTotalEur,
  });
  const movedBetween = (o: Row, n: Row) =>
    chantierMap.get(o.chantierId) === n.chantierId ? null : { from: place(before, o), to: place(after, n) };

  const changes: { change: ActionChange; order: number }[] = [];
  let unchanged = 0;
  for (const m of matches) {
    const olds = m.kind === 'merge' ? m.old : [m.old];
    const news = m.kind === 'split' ? m.new : [m.new];
    const a: Cells = olds.length === 2 ? joinRows(olds[0]!.cells, olds[1]!.cells) : olds[0]!.cells;
    const b: Cells = news.length === 2 ? joinRows(news[0]!.cells, news[1]!.cells) : news[0]!.cells;
    const fields = changedFields(a, b);
    const moved = movedBetween(olds[0]!, news[0]!);
    const funding = fields.includes('financement')
      ? fundingChange(sumFunding(olds.map((r) => r.cells.fundingTotalEur)), sumFunding(news.map((r) => r.cells.fundingTotalEur)))
      : null;
    if (m.kind === 'pair' && !fields.length && !moved) {
      unchanged++;
      continue;
    }
    changes.push({
      order: news[0]!.index,
      change: {
        type: m.kind === 'pair' ? 'changed' : m.kind === 'split' ? 'split' : 'merged',
        old: olds.map((r) => snapshot(before, r)),
        new: news.map((r) => snapshot(after, r)),
        fields,
        textDiff: fields.includes('action') ? wordDiff(a.action, b.action) : null,
        moved,
        funding,
        similarity: Math.round(m.similarity * 1000) / 1000,
      },
    });
  }
  for (const n of added)
    changes.push({
      order: n.index,
      change: { type: 'added', old: [], new: [snapshot(after, n)], fields: [], textDiff: null, moved: null, funding: null, similarity: 1 },
    });
  // A removed row is listed where it would have been in the new edition: after its predecessor's match.
  const newIndexOfOld = new Map<Row, number>();
  for (const m of matches) {
    const n = m.kind === 'split' ? m.new[1] : m.new;
    for (const o of m.kind === 'merge' ? m.old : [m.old]) newIndexOfOld.set(o, n.index);
  }
  for (const o of removed) {
    let order = -1;
    for (let i = o.index - 1; i >= 0; i--) {
      const n = newIndexOfOld.get(before.rows[i]!);
      if (n !== undefined) {
        order = n;
        break;
      }
    }
    changes.push({
      order: order + 0.5,
      change: { type: 'removed', old: [snapshot(before, o)], new: [], fields: [], textDiff: null, moved: null, funding: null, similarity: 1 },
    });
  }
  changes.sort((x, y) => x.order - y.order);
  const actions = changes.map((c) => c.change);

  const chantiers = chantierChanges(before.chantiers, after.chantiers, chantierMap);
  const axes = axisChanges(oldInput.roadmap, newInput.roadmap);
  const document: DocumentFieldChange[] = DOCUMENT_FIELDS.filter((f) => !sameText(oldInput.roadmap[f], newInput.roadmap[f])).map((f) => ({
    field: f,
    before: oldInput.roadmap[f],
    after: newInput.roadmap[f],
  }));

  const oldEdition = edition(oldInput, before);
  const newEdition = edition(newInput, after);
  const count = (p: (c: ActionChange) => boolean) => actions.filter(p).length;
  const countChantiers = (t: ChantierChange['type']) => chantiers.filter((c) => c.type === t).length;
  const countAxes = (t: AxisChange['type']) => axes.filter((c) => c.type === t).length;
  const totalChange = fundingChange(oldEdition.fundingTotalEur, newEdition.fundingTotalEur);
  return {
    $schema: schemaId('diff'),
    schemaVersion: SCHEMA_VERSION,
    kind: 'diff',
    old: oldEdition,
    new: newEdition,
    hasChanges: actions.length + chantiers.length + axes.length + document.length > 0,
    summary: {
      added: count((c) => c.type === 'added'),
      removed: count((c) => c.type === 'removed'),
      modified: count((c) => c.type === 'changed' && c.fields.length > 0),
      moved: count((c) => c.moved !== null),
      split: count((c) => c.type === 'split'),
      merged: count((c) => c.type === 'merged'),
      fundingChanged: count((c) => c.funding !== null),
      unchanged,
      chantiersAdded: countChantiers('added'),
      chantiersRemoved: countChantiers('removed'),
      chantiersRenamed: countChantiers('renamed'),
      chantiersMoved: countChantiers('moved'),
      axesAdded: countAxes('added'),
      axesRemoved: countAxes('removed'),
      fundingTotal: totalChange ?? { before: oldEdition.fundingTotalEur, after: newEdition.fundingTotalEur, delta: 0 },
    },
    document,
    axes,
    chantiers,
    actions,
  };
}

function chantierChanges(before: readonly ChantierNode[], after: readonly ChantierNode[], map: Map<number, number>): ChantierChange[] {
  const changes: ChantierChange[] = [];
  const at = (c: ChantierNode): ChantierPlace => ({ axis: c.axis, chantier: c.title });
  const mapped = new Set(map.values());
  for (const c of before) {
    const id = map.get(c.id);
    if (id === undefined) {
      changes.push({ type: 'removed', before: at(c), after: null });
      continue;
    }
    const n = after[id]!;
    if (n.axis !== c.axis) changes.push({ type: 'moved', before: at(c), after: at(n) });
    else if (!sameText(c.title, n.title)) changes.push({ type: 'renamed', before: at(c), after: at(n) });
  }
  for (const n of after) if (!mapped.has(n.id)) changes.push({ type: 'added', before: null, after: at(n) });
  return changes;
}

function axisChanges(before: Roadmap, after: Roadmap): AxisChange[] {
  const changes: AxisChange[] = [];
  for (const a of before.axes) {
    const b = after.axes.find((x) => x.number === a.number);
    if (!b) changes.push({ type: 'removed', number: a.number, before: a.title, after: null });
    else if (!sameText(a.title, b.title)) changes.push({ type: 'retitled', number: a.number, before: a.title, after: b.title });
  }
  for (const b of after.axes)
    if (!before.axes.some((a) => a.number === b.number)) changes.push({ type: 'added', number: b.number, before: null, after: b.title });
  return changes.sort((x, y) => x.number - y.number);
}
