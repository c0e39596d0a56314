/** Renders a TerritoryComparison: terminal tables, markdown, CSV, YAML, JSON. */
import type { ChalkInstance } from 'chalk';
import { stringify as toCsv } from 'csv-stringify/sync';
import { stringify as toYaml } from 'yaml';
import { escapeMarkdown, euros, markdownTable, textTable, truncate } from '../diff/format.js';
import type { TerritoryComparison, TerritoryFigures } from '../model/index.js';

export type CompareFormat = 'text' | 'json' | 'csv' | 'yaml' | 'markdown';
export const COMPARE_FORMATS: readonly CompareFormat[] = ['text', 'json', 'csv', 'yaml', 'markdown'];

const FIGURE_HEADERS = ['chantiers', 'actions', 'funding', 'no amount'];

function figureCells(f: TerritoryFigures): string[] {
  return [String(f.chantiers), String(f.actions), euros(f.fundingTotalEur), String(f.actionsWithoutAmount)];
}

/** Rows of the axis × territory table: one per axis and territory, then the totals. */
function figureRows(c: TerritoryComparison, axisLabel: (n: number, title: string) => string): string[][] {
  const rows: string[][] = [];
  for (const axis of c.axes)
    axis.figures.forEach((f, t) => rows.push([t === 0 ? axisLabel(axis.number, axis.title) : '', f.territory, ...figureCells(f)]));
  c.totals.forEach((f, t) => rows.push([t === 0 ? 'total' : '', f.territory, ...figureCells(f)]));
  return rows;
}

function presenceCell(p: { title: string | null; actions: number }): string {
  return p.title === null ? '—' : `✓ ${p.actions}`;
}

export function renderCompareText(c: TerritoryComparison, colors: ChalkInstance): string {
  const out: string[] = [];
  out.push(colors.bold(`fdr compare: ${c.territories.map((t) => `${t.name}${t.period ? ` (${t.period})` : ''}`).join(' · ')}`), '');
  out.push(
    textTable(['axis', 'territory', ...FIGURE_HEADERS], figureRows(c, (n, title) => `#${n} ${truncate(title, 40)}`), new Set([2, 3, 4, 5])),
    '',
  );
  out.push(colors.dim('funding: sum of the parsed amounts; no amount: actions whose funding has no readable amount (empty cell included)'), '');
  for (const axis of c.axes) {
    out.push(colors.bold(`#${axis.number} ${axis.title}`));
    const rows = axis.chantiers.map((ch) => [truncate(ch.title || '(no chantier)', 70), ...ch.territories.map(presenceCell)]);
    out.push(
      textTable(
        ['chantier', ...c.territories.map((t) => t.name)],
        rows,
        new Set(c.territories.map((_, i) => i + 1)),
      )
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n'),
      '',
    );
  }
  return out.join('\n');
}

export function renderCompareMarkdown(c: TerritoryComparison): string {
  const out: string[] = [];
  out.push(`## Territories compared: ${c.territories.map((t) => escapeMarkdown(t.name)).join(', ')}`, '');
  out.push(
    markdownTable(
      ['Axis', 'Territory', 'Chantiers', 'Actions', 'Funding', 'No amount'],
      figureRows(c, (n, title) => `#${n} ${escapeMarkdown(truncate(title, 60))}`).map((r) => r.map((cell, i) => (i === 1 ? escapeMarkdown(cell) : cell))),
      new Set([2, 3, 4, 5]),
    ),
    '',
    '_Funding: sum of the parsed amounts. No amount: actions whose funding has no readable amount (empty cell included)._',
    '',
  );
  for (const axis of c.axes) {
    out.push(`### #${axis.number} ${escapeMarkdown(axis.title)}`, '');
    out.push(
      markdownTable(
        ['Chantier', ...c.territories.map((t) => escapeMarkdown(t.name))],
        axis.chantiers.map((ch) => [escapeMarkdown(ch.title || '(no chantier)'), ...ch.territories.map(presenceCell)]),
      ),
      '',
    );
  }
  return out.join('\n');
}

export const COMPARE_CSV_COLUMNS = [
  'axis_number',
  'axis_title',
  'territory',
  'chantiers',
  'actions',
  'funding_total_eur',
  'actions_without_amount',
  'actions_without_financement',
] as const;

/** A territory's figures in the column order of the long tables (CSV, the workbook's "Axes × territoires"). */
export const figureValues = (f: TerritoryFigures) =>
  [f.territory, f.chantiers, f.actions, f.fundingTotalEur, f.actionsWithoutAmount, f.actionsWithoutFinancement] as const;

/** One row per axis and territory, then one "total" row per territory (axis_number "total"). */
export function renderCompareCsv(c: TerritoryComparison, options: { delimiter?: string; bom?: boolean } = {}): string {
  const row = (axis: string | number, title: string, f: TerritoryFigures) => [axis, title, ...figureValues(f)];
  const rows = [...c.axes.flatMap((a) => a.figures.map((f) => row(a.number, a.title, f))), ...c.totals.map((f) => row('total', '', f))];
  return toCsv(rows, { header: true, columns: [...COMPARE_CSV_COLUMNS], delimiter: options.delimiter ?? ',', bom: options.bom ?? false, record_delimiter: 'unix' });
}

export function renderCompare(c: TerritoryComparison, format: CompareFormat, colors: ChalkInstance): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(c, null, 2)}\n`;
    case 'yaml':
      return toYaml(c, { lineWidth: 0 });
    case 'csv':
      return renderCompareCsv(c);
    case 'markdown':
      return renderCompareMarkdown(c);
    case 'text':
      return renderCompareText(c, colors);
  }
}
