/** The workbook of `fdr compare -f xlsx`: one sheet per view of the comparison. Pure. */
import { figureValues } from '../../compare/render.js';
import type { TerritoryComparison, TerritoryFigures } from '../../model/index.js';
import type { CellValue, ColumnSpec, ColumnType, SheetSpec, WorkbookSpec } from './sheet.js';

type Measure = 'chantiers' | 'actions' | 'fundingTotalEur' | 'actionsWithoutAmount';

/**
 * Axes down, territories across, one figure per cell, a total row: the sheet to read or chart at a glance.
 * Funding of a territory without any action on the axis is an empty cell, not "0 €" (nothing planned is not
 * nothing funded); counts stay 0.
 */
function wideSheet(c: TerritoryComparison, name: string, measure: Measure, type: ColumnType): SheetSpec {
  const names = c.territories.map((t) => t.name);
  const row = (label: [CellValue, CellValue], figures: readonly TerritoryFigures[]): CellValue[] => {
    const values = figures.map((f) => (measure === 'fundingTotalEur' && f.actions === 0 ? null : f[measure]));
    return [...label, ...values, Math.round(values.reduce((s: number, v) => s + (v ?? 0), 0) * 100) / 100];
  };
  return {
    name,
    frozenColumns: 2,
    totalRow: true,
    columns: [
      { header: 'Axe n°', type: 'integer' },
      { header: 'Axe', type: 'text' },
      ...names.map((n): ColumnSpec => ({ header: n, type })),
      { header: 'Ensemble', type },
    ],
    rows: [...c.axes.map((a) => row([a.number, a.title], a.figures)), row([null, 'Total'], c.totals)],
  };
}

/** One row per axis and territory (and a total per territory): the long form, for filters and pivot tables. */
function figuresSheet(c: TerritoryComparison): SheetSpec {
  const row = (axis: number | null, title: string, f: TerritoryFigures): CellValue[] => [axis, title, ...figureValues(f)];
  return {
    name: 'Axes × territoires',
    columns: [
      { header: 'Axe n°', type: 'integer' },
      { header: 'Axe', type: 'text' },
      { header: 'Territoire', type: 'text' },
      { header: 'Chantiers', type: 'integer' },
      { header: 'Actions', type: 'integer' },
      { header: 'Financement total (€)', type: 'eur' },
      { header: 'Actions sans montant', type: 'integer' },
      { header: 'Actions sans financement', type: 'integer' },
    ],
    rows: [...c.axes.flatMap((a) => a.figures.map((f) => row(a.number, a.title, f))), ...c.totals.map((f) => row(null, 'Total', f))],
  };
}

/** The chantier presence matrix: one row per chantier, its number of actions in each territory (empty: absent). */
function presenceSheet(c: TerritoryComparison): SheetSpec {
  const rows: CellValue[][] = c.axes.flatMap((a) =>
    a.chantiers.map((ch) => [
      a.number,
      ch.title,
      ch.territories.filter((t) => t.title !== null).length,
      ...ch.territories.map((t) => (t.title === null ? null : t.actions)),
    ]),
  );
  return {
    name: 'Chantiers',
    frozenColumns: 2,
    columns: [
      { header: 'Axe n°', type: 'integer' },
      { header: 'Chantier', type: 'text' },
      { header: 'Territoires', type: 'integer' },
      ...c.territories.map((t): ColumnSpec => ({ header: t.name, type: 'integer' })),
    ],
    rows,
  };
}

function territoriesSheet(c: TerritoryComparison): SheetSpec {
  return {
    name: 'Territoires',
    columns: [
      { header: 'Territoire', type: 'text' },
      { header: 'Type', type: 'text' },
      { header: 'Titre', type: 'text' },
      { header: 'Période', type: 'text' },
      { header: 'Fichier', type: 'text' },
      { header: 'Format', type: 'text' },
    ],
    rows: c.territories.map((t) => [t.name, t.territoryType === 'cts' ? 'CTS' : 'département', t.title, t.period, t.file, t.format]),
  };
}

export function compareWorkbook(c: TerritoryComparison): WorkbookSpec {
  return {
    title: `fdr compare — ${c.territories.map((t) => t.name).join(', ')}`,
    subject: 'Comparaison de territoires (fdr compare)',
    sheets: [
      wideSheet(c, 'Financement par axe', 'fundingTotalEur', 'eur'),
      wideSheet(c, 'Actions par axe', 'actions', 'integer'),
      wideSheet(c, 'Chantiers par axe', 'chantiers', 'integer'),
      wideSheet(c, 'Sans montant par axe', 'actionsWithoutAmount', 'integer'),
      figuresSheet(c),
      presenceSheet(c),
      territoriesSheet(c),
    ],
  };
}
