/**
 * The pieces every HTML report is made of: escaping, the page shell (inline CSS and a few lines of inline JS,
 * nothing fetched at view time), tables with real header cells, the filter box. Pure functions: data in, text out.
 */
import { euros } from '../../diff/format.js';
import { REPORT_CSS, REPORT_JS } from './assets.js';

/** Escapes text for HTML content and double-quoted attribute values. Everything from a document goes through it. */
export function esc(value: string | number | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Cell text with its line breaks kept (list items, wrapped cells as the document printed them). */
export function multiline(text: string): string {
  return text
    .split('\n')
    .map((l) => esc(l.trim()))
    .filter(Boolean)
    .join('<br>');
}

/** Euros written the French way; "—" when no amount. */
export function eurosHtml(n: number | null): string {
  return esc(euros(n));
}

/** Numbers the French way: "1 234". */
export function count(n: number): string {
  return esc(n.toLocaleString('fr-FR').replace(/[\u202f\u00a0]/g, ' '));
}

/** Links to the report's sections (its h2 headings), placed after the header. */
function withContents(body: string): string {
  const entries = [...body.matchAll(/<section id="([^"]+)" aria-labelledby="[^"]+"><h2 id="[^"]+">([^<]*)<\/h2>/g)];
  if (entries.length < 3) return body;
  const nav = `<nav class="toc" aria-label="Sommaire"><ul>${entries.map((m) => `<li><a href="#${m[1]}">${m[2]}</a></li>`).join('')}</ul></nav>`;
  const end = body.indexOf('</header>');
  return end < 0 ? nav + body : body.slice(0, end + 9) + nav + body.slice(end + 9);
}

/** A complete, self-contained page: `lang="fr"`, inline style and script, no external resource. */
export function htmlDocument(options: { title: string; body: string; extraCss?: string; fundingNote?: boolean }): string {
  const note = options.fundingNote
    ? ' Les montants sont lus dans les cellules « Financement » ; une action sans montant lisible compte pour 0 dans les totaux.'
    : '';
  return [
    '<!doctype html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="fdr">',
    `<title>${esc(options.title)}</title>`,
    `<style>${REPORT_CSS}${options.extraCss ?? ''}</style>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#contenu">Aller au contenu</a>',
    `<main id="contenu">${withContents(options.body)}</main>`,
    `<footer><p>Rapport produit par <code>fdr</code> (feuille-de-route).${note}</p></footer>`,
    `<script>${REPORT_JS}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export interface Column {
  /** Header text (escaped here). */
  label: string;
  /** Right-aligned numbers. */
  numeric?: boolean;
  /** Long text (an action, a comment): given room before the table scrolls. */
  wide?: boolean;
}

/** The figures every summary states, in this order: chantiers, actions, funding read, actions without amount. */
export const FIGURE_COLUMNS: readonly Column[] = [
  { label: 'Chantiers', numeric: true },
  { label: 'Actions', numeric: true },
  { label: 'Financement lu', numeric: true },
  { label: 'Actions sans montant', numeric: true },
];

/** The cells of FIGURE_COLUMNS. */
export function figureCells(f: { chantiers: number; actions: number; funding: string; withoutAmount: number }): string[] {
  return [count(f.chantiers), count(f.actions), f.funding, count(f.withoutAmount)];
}

/** One body row: the first cell is the row's header (`<th scope="row">`); cells are HTML already escaped. */
export interface Row {
  cells: readonly string[];
  id?: string;
  className?: string;
}

/**
 * A real table: caption, `<th scope="col">` headers, a row header per row, optional footer rows (totals).
 * Wrapped in a focusable scrolling region so that a wide table scrolls by itself on a phone, never the page.
 */
export function table(options: { id?: string; caption: string; columns: readonly Column[]; rows: readonly Row[]; foot?: readonly Row[]; className?: string }): string {
  const { columns } = options;
  const cls = (i: number) => (columns[i]?.numeric ? ' class="num"' : columns[i]?.wide ? ' class="wide"' : '');
  const row = (r: Row) =>
    `<tr${r.id ? ` id="${esc(r.id)}"` : ''}${r.className ? ` class="${esc(r.className)}"` : ''}>${r.cells
      .map((c, i) => (i === 0 ? `<th scope="row"${cls(i)}>${c}</th>` : `<td${cls(i)}>${c}</td>`))
      .join('')}</tr>`;
  const head = `<thead><tr>${columns.map((c, i) => `<th scope="col"${cls(i)}>${esc(c.label)}</th>`).join('')}</tr></thead>`;
  const foot = options.foot?.length ? `<tfoot>${options.foot.map(row).join('')}</tfoot>` : '';
  const id = options.id ? ` id="${esc(options.id)}"` : '';
  return `<div class="scroll" role="region" tabindex="0" aria-label="${esc(options.caption)}"><table${id}${options.className ? ` class="${esc(options.className)}"` : ''}><caption>${esc(options.caption)}</caption>${head}<tbody>${options.rows.map(row).join('')}</tbody>${foot}</table></div>`;
}

/**
 * A search box filtering the rows of a table. Hidden until the inline script shows it: without JavaScript the
 * whole table stays readable and no dead control is shown.
 */
export function filterBox(tableId: string, label: string): string {
  const inputId = `${tableId}-filtre`;
  return `<div class="filter" data-filter-for="${esc(tableId)}" hidden><label for="${esc(inputId)}">${esc(label)}</label> <input type="search" id="${esc(inputId)}" autocomplete="off" spellcheck="false"> <output for="${esc(inputId)}" aria-live="polite"></output></div>`;
}

/** A `<dl>` of label → value pairs (values already HTML), empty values left out. */
export function facts(pairs: readonly [string, string][]): string {
  const shown = pairs.filter(([, v]) => v !== '');
  return shown.length ? `<dl class="facts">${shown.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${v}</dd></div>`).join('')}</dl>` : '';
}

/** A section with its heading; `level` keeps headings in order (h2 under the h1, h3 under an h2). */
export function section(id: string, heading: string, body: string, level: 2 | 3 = 2): string {
  return `<section id="${esc(id)}" aria-labelledby="${esc(id)}-titre"><h${level} id="${esc(id)}-titre">${esc(heading)}</h${level}>${body}</section>`;
}

/** A bulleted list of texts (escaped), or nothing. */
export function list(items: readonly string[]): string {
  return items.length ? `<ul>${items.map((i) => `<li>${multiline(i)}</li>`).join('')}</ul>` : '';
}

/** The place a piece of data comes from, as the reader can check it: "p. 6" (PDF) or "l. 12–15" (text). */
export function provenanceText(p: { page?: number | undefined; lines?: readonly [number, number] | undefined } | undefined): string {
  if (!p) return '';
  if (p.page !== undefined) return `p. ${p.page}`;
  if (p.lines) return p.lines[0] === p.lines[1] ? `l. ${p.lines[0]}` : `l. ${p.lines[0]}–${p.lines[1]}`;
  return '';
}
