/** The workbook of `fdr diff -f xlsx`: one row per change, then the two editions and the counts. Pure. */
import type { ActionChange, ActionSnapshot, CellField, DiffEdition, RoadmapDiff, WordDiffPart } from '../../model/index.js';
import type { CellValue, RichText, SheetSpec, WorkbookSpec } from './sheet.js';

const ACTION_CHANGE: Record<Exclude<ActionChange['type'], 'changed'>, string> = { added: 'ajout', removed: 'suppression', split: 'scission', merged: 'fusion' };
const PLACE_CHANGE = { added: 'ajout', removed: 'suppression', renamed: 'renommage', moved: 'déplacement', retitled: 'changement de titre' } as const;

/** Parsed funding of one or two rows; null when none has an amount (or there is no row). */
function fundingOf(rows: readonly ActionSnapshot[]): number | null {
  const amounts = rows.map((r) => r.fundingTotalEur).filter((v): v is number => v !== null);
  return amounts.length ? Math.round(amounts.reduce((s, v) => s + v, 0) * 100) / 100 : null;
}

function changeLabel(a: ActionChange): string {
  if (a.type !== 'changed') return ACTION_CHANGE[a.type];
  return [a.fields.length ? 'modification' : '', a.moved ? 'déplacement' : ''].filter(Boolean).join(' + ') || 'financement';
}

/** The changed cells other than the action text, "financement : …" one per line. */
function otherCells(rows: readonly ActionSnapshot[], fields: readonly CellField[]): string {
  return fields
    .filter((f) => f !== 'action')
    .map((f) => `${f} : ${rows.map((r) => r[f]).join(' / ')}`)
    .join('\n');
}

/** The word-level diff of the action text as one rich-text cell: words removed struck through, words added underlined. */
function wordDiffCell(parts: readonly WordDiffPart[] | null): RichText | null {
  if (!parts?.length) return null;
  const mark = { equal: undefined, delete: 'deleted', insert: 'inserted' } as const;
  return { runs: parts.map((p, i) => ({ text: i < parts.length - 1 ? `${p.text} ` : p.text, ...(mark[p.op] ? { mark: mark[p.op] } : {}) })) };
}

function changesSheet(d: RoadmapDiff): SheetSpec {
  const rows: CellValue[][] = [];
  const blank = (n: number) => Array.from({ length: n }, () => null);
  for (const f of d.document) rows.push(['document', 'modification', null, null, null, null, f.field, f.before, f.after, ...blank(7)]);
  for (const a of d.axes)
    rows.push(['axe', PLACE_CHANGE[a.type], a.before !== null ? a.number : null, null, a.after !== null ? a.number : null, null, 'titre', a.before, a.after, ...blank(7)]);
  for (const ch of d.chantiers)
    rows.push(['chantier', PLACE_CHANGE[ch.type], ch.before?.axis ?? null, ch.before?.chantier ?? null, ch.after?.axis ?? null, ch.after?.chantier ?? null, 'titre', ch.before?.chantier ?? null, ch.after?.chantier ?? null, ...blank(7)]);
  for (const a of d.actions) {
    const before = fundingOf(a.old);
    const after = fundingOf(a.new);
    rows.push([
      'action',
      changeLabel(a),
      a.old[0]?.axis ?? null,
      a.old[0]?.chantier ?? null,
      a.new[0]?.axis ?? null,
      a.new[0]?.chantier ?? null,
      a.fields.join(', '),
      a.old.map((r) => r.action).join('\n'),
      a.new.map((r) => r.action).join('\n'),
      wordDiffCell(a.textDiff),
      before,
      after,
      // The delta of a matched action; an added or removed action changes the total by its whole amount.
      a.funding?.delta ?? (a.type === 'added' ? after : a.type === 'removed' && before !== null ? -before : null),
      otherCells(a.old, a.fields),
      otherCells(a.new, a.fields),
      a.type === 'added' || a.type === 'removed' ? null : a.similarity,
    ]);
  }
  return {
    name: 'Changements',
    columns: [
      { header: 'Niveau', type: 'text' },
      { header: 'Changement', type: 'text' },
      { header: 'Axe avant', type: 'integer' },
      { header: 'Chantier avant', type: 'text', maxWidth: 32 },
      { header: 'Axe après', type: 'integer' },
      { header: 'Chantier après', type: 'text', maxWidth: 32 },
      { header: 'Champs', type: 'text' },
      { header: 'Avant', type: 'text' },
      { header: 'Après', type: 'text' },
      { header: 'Différence (mots)', type: 'text' },
      { header: 'Financement avant (€)', type: 'eur' },
      { header: 'Financement après (€)', type: 'eur' },
      { header: 'Écart (€)', type: 'eur-delta' },
      { header: 'Autres cellules avant', type: 'text', maxWidth: 40 },
      { header: 'Autres cellules après', type: 'text', maxWidth: 40 },
      { header: 'Similarité', type: 'ratio' },
    ],
    rows,
  };
}

function editionsSheet(d: RoadmapDiff): SheetSpec {
  const row = (label: string, e: DiffEdition): CellValue[] => [label, e.file, e.territory, e.title, e.period, e.axes, e.chantiers, e.actions, e.fundingTotalEur];
  return {
    name: 'Éditions',
    columns: [
      { header: 'Édition', type: 'text' },
      { header: 'Fichier', type: 'text' },
      { header: 'Territoire', type: 'text' },
      { header: 'Titre', type: 'text' },
      { header: 'Période', type: 'text' },
      { header: 'Axes', type: 'integer' },
      { header: 'Chantiers', type: 'integer' },
      { header: 'Actions', type: 'integer' },
      { header: 'Financement total (€)', type: 'eur' },
    ],
    rows: [row('ancienne', d.old), row('nouvelle', d.new)],
  };
}

function summarySheet(d: RoadmapDiff): SheetSpec {
  const s = d.summary;
  const counts: [string, number][] = [
    ['actions ajoutées', s.added],
    ['actions supprimées', s.removed],
    ['actions modifiées', s.modified],
    ['actions déplacées', s.moved],
    ['lignes scindées', s.split],
    ['lignes fusionnées', s.merged],
    ['financements modifiés', s.fundingChanged],
    ['actions inchangées', s.unchanged],
    ['chantiers ajoutés', s.chantiersAdded],
    ['chantiers supprimés', s.chantiersRemoved],
    ['chantiers renommés', s.chantiersRenamed],
    ['chantiers déplacés', s.chantiersMoved],
    ['axes ajoutés', s.axesAdded],
    ['axes supprimés', s.axesRemoved],
  ];
  return {
    name: 'Résumé',
    columns: [
      { header: 'Mesure', type: 'text' },
      { header: 'Nombre', type: 'integer' },
    ],
    rows: counts,
  };
}

export function diffWorkbook(d: RoadmapDiff): WorkbookSpec {
  const edition = (e: DiffEdition) => `${e.territory}${e.period ? ` ${e.period}` : ''}`;
  return {
    title: `fdr diff — ${edition(d.old)} → ${edition(d.new)}`,
    subject: 'Changements entre deux éditions (fdr diff)',
    sheets: [changesSheet(d), editionsSheet(d), summarySheet(d)],
  };
}
