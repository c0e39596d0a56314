/** Renders a RoadmapDiff: terminal report, markdown (GitHub job summary), CSV, JSON. */
import type { ChalkInstance } from 'chalk';
import { stringify } from 'csv-stringify/sync';
import type { ActionChange, ActionSnapshot, ChantierPlace, RoadmapDiff, WordDiffPart } from '../model/index.js';
import { typographyKey } from './text.js';
import { escapeMarkdown, euros, markdownTable, oneLine, signedEuros, truncate } from './format.js';

export type DiffFormat = 'text' | 'json' | 'markdown' | 'csv';
export const DIFF_FORMATS: readonly DiffFormat[] = ['text', 'json', 'markdown', 'csv'];

/** In a word diff, unchanged runs longer than this are shortened to their ends. */
const CONTEXT_WORDS = 6;

function placeText(p: ChantierPlace): string {
  return `#${p.axis} › ${p.chantier || '(no chantier)'}`;
}

function countsLine(d: RoadmapDiff): string {
  const s = d.summary;
  const parts: [number, string][] = [
    [s.added, 'added'],
    [s.removed, 'removed'],
    [s.modified, 'modified'],
    [s.moved, 'moved'],
    [s.split, 'split'],
    [s.merged, 'merged'],
    [s.fundingChanged, s.fundingChanged === 1 ? 'funding change' : 'funding changes'],
  ];
  const actions = parts.map(([n, w]) => `${n} ${w}`).join(', ');
  const chantiers = `chantiers: ${s.chantiersAdded} added, ${s.chantiersRemoved} removed, ${s.chantiersRenamed} renamed, ${s.chantiersMoved} moved`;
  const axes = `axes: ${s.axesAdded} added, ${s.axesRemoved} removed`;
  return `actions: ${actions}; ${chantiers}; ${axes}`;
}

function shortenEqual(text: string): string {
  const words = text.split(' ');
  if (words.length <= 2 * CONTEXT_WORDS + 1) return text;
  return `${words.slice(0, CONTEXT_WORDS).join(' ')} … ${words.slice(-CONTEXT_WORDS).join(' ')}`;
}

function wordDiffText(parts: readonly WordDiffPart[], c: ChalkInstance | null, style: 'text' | 'markdown'): string {
  return parts
    .map((p) => {
      const text = style === 'markdown' ? escapeMarkdown(p.text) : oneLine(p.text);
      if (p.op === 'equal') return shortenEqual(text);
      if (style === 'markdown' || !c) return p.op === 'delete' ? `~~${text}~~` : `**${text}**`;
      return p.op === 'delete' ? c.red(`[-${text}-]`) : c.green(`{+${text}+}`);
    })
    .join(' ');
}

/** Where an action change is listed: its new place, or its old one when removed. */
function groupOf(change: ActionChange): ChantierPlace {
  const row = change.new[0] ?? change.old[0]!;
  return { axis: row.axis, chantier: row.chantier };
}

/** Action changes grouped by chantier (typography aside), groups in axis order then order of appearance. */
function groupChanges(changes: readonly ActionChange[]): { place: ChantierPlace; changes: ActionChange[] }[] {
  const groups = new Map<string, { place: ChantierPlace; changes: ActionChange[] }>();
  for (const change of changes) {
    const place = groupOf(change);
    const key = `${place.axis}|${typographyKey(place.chantier)}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { place, changes: [] }));
    group.changes.push(change);
  }
  return [...groups.values()].sort((a, b) => a.place.axis - b.place.axis);
}

function fundingText(change: ActionChange): string | null {
  if (!change.funding) return null;
  const f = change.funding;
  return `${euros(f.before)} → ${euros(f.after)}${f.delta !== null ? ` (${signedEuros(f.delta)})` : ''}`;
}

function otherFieldLines(change: ActionChange, max: number): { field: string; before: string; after: string }[] {
  const join = (rows: readonly ActionSnapshot[], f: 'financement' | 'indicateur' | 'commentaire') =>
    rows
      .map((r) => r[f])
      .filter((t) => t.trim())
      .join('\n');
  return change.fields
    .filter((f): f is 'financement' | 'indicateur' | 'commentaire' => f !== 'action')
    .map((f) => ({ field: f, before: truncate(oneLine(join(change.old, f)) || '∅', max), after: truncate(oneLine(join(change.new, f)) || '∅', max) }));
}

// ---------------------------------------------------------------------------------------------------
// Terminal

export function renderDiffText(d: RoadmapDiff, c: ChalkInstance): string {
  const out: string[] = [];
  const side = (label: string, e: RoadmapDiff['old']) =>
    `${label} ${e.file}  ${c.dim(`(${[e.territory, e.period].filter(Boolean).join(', ')}; ${e.chantiers} chantiers, ${e.actions} actions, ${euros(e.fundingTotalEur)})`)}`;
  out.push(c.bold('fdr diff'), side(c.red('---'), d.old), side(c.green('+++'), d.new), '');
  if (!d.hasChanges) {
    out.push('No changes (whitespace and typography aside).', '');
    return out.join('\n');
  }
  out.push(countsLine(d));
  const t = d.summary.fundingTotal;
  out.push(`total funding: ${euros(t.before)} → ${euros(t.after)}${t.delta ? ` (${signedEuros(t.delta)})` : ''}`, '');

  if (d.document.length) {
    out.push(c.bold('Document'));
    for (const f of d.document) out.push(`  ${f.field}: ${c.red(f.before || '∅')} → ${c.green(f.after || '∅')}`);
    out.push('');
  }
  if (d.axes.length) {
    out.push(c.bold('Axes'));
    for (const a of d.axes) {
      if (a.type === 'added') out.push(c.green(`  + #${a.number} ${a.after ?? ''}`));
      else if (a.type === 'removed') out.push(c.red(`  - #${a.number} ${a.before ?? ''}`));
      else out.push(c.yellow(`  ~ #${a.number} retitled: "${a.before}" → "${a.after}"`));
    }
    out.push('');
  }
  if (d.chantiers.length) {
    out.push(c.bold('Chantiers'));
    for (const ch of d.chantiers) {
      if (ch.type === 'added') out.push(c.green(`  + ${placeText(ch.after!)}`));
      else if (ch.type === 'removed') out.push(c.red(`  - ${placeText(ch.before!)}`));
      else if (ch.type === 'renamed') out.push(c.yellow(`  ~ #${ch.before!.axis} renamed: "${ch.before!.chantier}" → "${ch.after!.chantier}"`));
      else out.push(c.cyan(`  → moved: ${placeText(ch.before!)} → ${placeText(ch.after!)}`));
    }
    out.push('');
  }

  for (const group of groupChanges(d.actions)) {
    out.push(c.bold(placeText(group.place)));
    for (const change of group.changes) out.push(...actionLinesText(change, c));
  }
  out.push('');
  return out.join('\n');
}

function actionLinesText(change: ActionChange, c: ChalkInstance): string[] {
  const out: string[] = [];
  const text = (rows: readonly ActionSnapshot[]) => truncate(oneLine(rows.map((r) => r.action).join('\n')), 200);
  const funding = fundingText(change);
  switch (change.type) {
    case 'added':
      out.push(c.green(`  + added: ${text(change.new)}`));
      if (change.new[0]!.financement.trim()) out.push(c.green(`      financement: ${truncate(oneLine(change.new[0]!.financement), 120)}`));
      break;
    case 'removed':
      out.push(c.red(`  - removed: ${text(change.old)}`));
      break;
    case 'split':
      out.push(c.magenta(`  ⑃ split into 2 rows: ${text(change.old)}`));
      change.new.forEach((r, i) => out.push(c.magenta(`      ${i + 1}. ${truncate(oneLine(r.action), 200)}`)));
      break;
    case 'merged':
      out.push(c.magenta(`  ⑂ 2 rows merged: ${text(change.new)}`));
      change.old.forEach((r, i) => out.push(c.magenta(`      ${i + 1}. ${truncate(oneLine(r.action), 200)}`)));
      break;
    case 'changed':
      out.push(
        c.yellow(`  ~ ${change.fields.length ? `modified (${change.fields.join(', ')})` : 'moved'}: `) +
          (change.textDiff ? '' : text(change.new)),
      );
      break;
  }
  if (change.textDiff) out.push(`      ${wordDiffText(change.textDiff, c, 'text')}`);
  for (const f of otherFieldLines(change, 120)) out.push(`      ${f.field}: ${c.red(f.before)} → ${c.green(f.after)}`);
  if (change.moved) out.push(c.cyan(`      moved from ${placeText(change.moved.from)}`));
  if (funding) out.push(c.blue(`      funding: ${funding}`));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Markdown

export function renderDiffMarkdown(d: RoadmapDiff): string {
  const out: string[] = [];
  const title = (e: RoadmapDiff['old']) => escapeMarkdown([e.territory, e.period].filter(Boolean).join(' ') || e.file);
  out.push(`## Roadmap diff: ${title(d.old)} → ${title(d.new)}`, '');
  out.push(`Old: \`${d.old.file}\` · New: \`${d.new.file}\``, '');
  if (!d.hasChanges) {
    out.push('No changes (whitespace and typography aside).', '');
    return out.join('\n');
  }
  const s = d.summary;
  out.push(
    markdownTable(
      ['Change', 'Count'],
      [
        ['Actions added', String(s.added)],
        ['Actions removed', String(s.removed)],
        ['Actions modified', String(s.modified)],
        ['Actions moved', String(s.moved)],
        ['Rows split', String(s.split)],
        ['Rows merged', String(s.merged)],
        ['Funding changes', String(s.fundingChanged)],
        ['Chantiers added / removed', `${s.chantiersAdded} / ${s.chantiersRemoved}`],
        ['Chantiers renamed / moved', `${s.chantiersRenamed} / ${s.chantiersMoved}`],
        ['Axes added / removed', `${s.axesAdded} / ${s.axesRemoved}`],
        ['Total funding', `${euros(s.fundingTotal.before)} → ${euros(s.fundingTotal.after)} (${signedEuros(s.fundingTotal.delta)})`],
      ],
      new Set([1]),
    ),
    '',
  );
  if (d.document.length) {
    out.push('### Document', '');
    for (const f of d.document) out.push(`- **${f.field}**: ${escapeMarkdown(f.before) || '∅'} → ${escapeMarkdown(f.after) || '∅'}`);
    out.push('');
  }
  if (d.axes.length || d.chantiers.length) {
    out.push('### Axes and chantiers', '');
    for (const a of d.axes) out.push(`- Axis #${a.number} **${a.type}**: ${escapeMarkdown(a.before ?? '')}${a.type === 'retitled' ? ' → ' : ''}${escapeMarkdown(a.after ?? '')}`);
    for (const ch of d.chantiers) {
      const from = ch.before ? escapeMarkdown(placeText(ch.before)) : '';
      const to = ch.after ? escapeMarkdown(placeText(ch.after)) : '';
      out.push(`- Chantier **${ch.type}**: ${from}${from && to ? ' → ' : ''}${to}`);
    }
    out.push('');
  }
  for (const group of groupChanges(d.actions)) {
    out.push('', `### ${escapeMarkdown(placeText(group.place))}`, '');
    for (const change of group.changes) out.push(...actionLinesMarkdown(change));
  }
  out.push('');
  return out.join('\n');
}

function actionLinesMarkdown(change: ActionChange): string[] {
  const text = (rows: readonly ActionSnapshot[]) => escapeMarkdown(rows.map((r) => r.action).join('\n'));
  const lines: string[] = [];
  if (change.type === 'added') lines.push(`- ➕ **Added**: ${text(change.new)}`);
  else if (change.type === 'removed') lines.push(`- ➖ **Removed**: ${text(change.old)}`);
  else if (change.type === 'split')
    lines.push(`- ✂️ **Split**: “${text(change.old)}” became ${change.new.map((r) => `“${escapeMarkdown(r.action)}”`).join(' and ')}`);
  else if (change.type === 'merged')
    lines.push(`- 🔗 **Merged**: ${change.old.map((r) => `“${escapeMarkdown(r.action)}”`).join(' and ')} became “${text(change.new)}”`);
  else {
    const label = change.fields.length ? `Modified (${change.fields.join(', ')})` : 'Moved';
    lines.push(`- ✏️ **${label}**${change.textDiff ? '' : `: ${text(change.new)}`}`);
  }
  if (change.textDiff) lines.push(`  - text: ${wordDiffText(change.textDiff, null, 'markdown')}`);
  for (const f of otherFieldLines(change, 200)) lines.push(`  - ${f.field}: ${escapeMarkdown(f.before)} → ${escapeMarkdown(f.after)}`);
  if (change.moved) lines.push(`  - moved from ${escapeMarkdown(placeText(change.moved.from))} to ${escapeMarkdown(placeText(change.moved.to))}`);
  const funding = fundingText(change);
  if (funding) lines.push(`  - 💶 funding: ${funding}`);
  return lines;
}

// ---------------------------------------------------------------------------------------------------
// CSV

export const DIFF_CSV_COLUMNS = [
  'level',
  'change',
  'old_axis',
  'old_chantier',
  'new_axis',
  'new_chantier',
  'fields',
  'before',
  'after',
  'funding_before_eur',
  'funding_after_eur',
  'funding_delta_eur',
  'similarity',
] as const;

/** Parsed funding of one or two rows; null when none has an amount (or there is no row). */
export function fundingOf(rows: readonly ActionSnapshot[]): number | null {
  const amounts = rows.map((r) => r.fundingTotalEur).filter((v): v is number => v !== null);
  return amounts.length ? Math.round(amounts.reduce((s, v) => s + v, 0) * 100) / 100 : null;
}

export function renderDiffCsv(d: RoadmapDiff, options: { delimiter?: string; bom?: boolean } = {}): string {
  const rows: (string | number)[][] = [];
  const num = (n: number | null | undefined) => (n === null || n === undefined ? '' : n);
  for (const f of d.document) rows.push(['document', 'changed', '', '', '', '', f.field, f.before, f.after, '', '', '', '']);
  for (const a of d.axes) rows.push(['axis', a.type, a.before !== null ? a.number : '', '', a.after !== null ? a.number : '', '', '', a.before ?? '', a.after ?? '', '', '', '', '']);
  for (const ch of d.chantiers)
    rows.push(['chantier', ch.type, num(ch.before?.axis), ch.before?.chantier ?? '', num(ch.after?.axis), ch.after?.chantier ?? '', '', '', '', '', '', '', '']);
  for (const a of d.actions) {
    const type = a.type === 'changed' ? [a.fields.length ? 'modified' : '', a.moved ? 'moved' : ''].filter(Boolean).join('+') : a.type;
    rows.push([
      'action',
      type,
      num(a.old[0]?.axis),
      a.old[0]?.chantier ?? '',
      num(a.new[0]?.axis),
      a.new[0]?.chantier ?? '',
      a.fields.join(' '),
      a.old.map((r) => r.action).join('\n'),
      a.new.map((r) => r.action).join('\n'),
      num(fundingOf(a.old)),
      num(fundingOf(a.new)),
      num(a.funding?.delta),
      a.similarity,
    ]);
  }
  return stringify(rows, { header: true, columns: [...DIFF_CSV_COLUMNS], delimiter: options.delimiter ?? ',', bom: options.bom ?? false, record_delimiter: 'unix' });
}

export function renderDiff(d: RoadmapDiff, format: DiffFormat, colors: ChalkInstance): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(d, null, 2)}\n`;
    case 'markdown':
      return renderDiffMarkdown(d);
    case 'csv':
      return renderDiffCsv(d);
    case 'text':
      return renderDiffText(d, colors);
  }
}
