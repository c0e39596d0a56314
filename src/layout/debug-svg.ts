import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FdrError } from '../errors/index.js';
import type { PageModel } from '../sources/page-model.js';
import type { Box } from './geometry.js';
import type { PageLayout } from './page-layout.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (x: number) => (Math.round(x * 10) / 10).toString();

function rect(b: Box, style: string, title?: string): string {
  const t = title ? `<title>${esc(title)}</title>` : '';
  return `<rect x="${n(b.x0)}" y="${n(b.y0)}" width="${n(Math.max(0.5, b.x1 - b.x0))}" height="${n(Math.max(0.5, b.y1 - b.y0))}" ${style}>${t}</rect>`;
}

function label(x: number, y: number, text: string, colour: string, size = 6): string {
  return `<text x="${n(x)}" y="${n(y)}" font-size="${size}" font-family="sans-serif" fill="${colour}">${esc(text)}</text>`;
}

/**
 * One SVG overlay of a page: the text items as light boxes with their text, rules and filled shapes in grey, then
 * what the layout made of them: tables (columns, rows, cells), chantier titles, side tab, footer, text left in
 * no cell (red), the reading order of the prose (numbers), and the page class in the top-left corner.
 * Hovering an element shows what it is (SVG <title>).
 */
export function renderDebugSvg(page: PageModel, layout: PageLayout): string {
  const out: string[] = [];
  const { width: w, height: h } = page;
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(w)} ${n(h)}" width="${n(w * 1.5)}" height="${n(h * 1.5)}">`);
  out.push(`<rect x="0" y="0" width="${n(w)}" height="${n(h)}" fill="#ffffff"/>`);
  out.push('<g id="shapes">');
  for (const r of page.rects) out.push(rect(r, `fill="${r.fill ?? '#eeeeee'}" fill-opacity="0.12" stroke="#bbbbbb" stroke-width="0.3"`, `filled ${r.fill ?? '?'}`));
  for (const r of page.rulings) out.push(`<line x1="${n(r.x0)}" y1="${n(r.y0)}" x2="${n(r.x1)}" y2="${n(r.y1)}" stroke="#888888" stroke-width="0.4"/>`);
  out.push('</g><g id="items">');
  for (const item of page.items) {
    const rotated = (item.angle ?? 0) !== 0;
    out.push(rect(item, `fill="${rotated ? '#fde2e2' : '#f1f3f5'}" stroke="#ced4da" stroke-width="0.2"`, `${item.text} (${item.fontName} ${item.fontSize}pt${item.bold ? ' bold' : ''}${rotated ? `, rotated ${item.angle}°` : ''}, #${item.order})`));
    if (!rotated) out.push(label(item.x0, item.y1 - (item.y1 - item.y0) * 0.22, item.text, '#868e96', Math.max(3, item.fontSize * 0.85)));
  }
  out.push('</g><g id="layout" fill="none">');
  for (const table of layout.tables) {
    out.push(rect(table, 'stroke="#1c7ed6" stroke-width="1"', `table: columns from ${table.columnSource}, rows from ${table.ruled ? 'rules' : 'shading or gaps'}`));
    out.push(rect(table.header, 'stroke="#1c7ed6" stroke-width="0.6" stroke-dasharray="2 1"', 'header row'));
    for (const c of table.columns) {
      out.push(`<line x1="${n(c.x0)}" y1="${n(table.y0)}" x2="${n(c.x0)}" y2="${n(table.y1)}" stroke="#1c7ed6" stroke-width="0.6" stroke-dasharray="3 2"/>`);
      out.push(label(c.x0 + 1, table.y0 - 1.5, c.name ?? `? ${c.label}`, '#1c7ed6'));
    }
    table.rows.forEach((row, i) => {
      out.push(rect(row, `stroke="#2f9e44" stroke-width="0.8"${row.openBottom ? ' stroke-dasharray="4 2"' : ''}`, `row ${i + 1}${row.openBottom ? ' (continues on the next page)' : ''}`));
      out.push(label(row.x0 - 9, row.y0 + 6, `r${i + 1}`, '#2f9e44'));
      for (const [name, cell] of Object.entries(row.cells))
        if (cell?.box) out.push(rect(cell.box, 'stroke="#f08c00" stroke-width="0.4"', `${name}: ${cell.text.slice(0, 200)}`));
    });
    if (table.title) {
      out.push(rect(table.title, 'stroke="#9c36b5" stroke-width="1"', `chantier: ${table.title.text}`));
      out.push(label(table.title.x0, table.title.y0 - 1.5, 'chantier title', '#9c36b5'));
    }
  }
  for (const t of layout.otherTables ?? []) {
    out.push(rect(t, 'stroke="#c2255c" stroke-width="1" stroke-dasharray="5 2"', `unrecognised table: ${t.rows[0]?.join(' | ').slice(0, 200) ?? ''}`));
    out.push(label(t.x0, t.y0 - 1.5, 'unrecognised table', '#c2255c'));
  }
  for (const l of layout.side) out.push(rect(l, 'stroke="#e8590c" stroke-width="0.8"', `side tab: ${l.text}`));
  if (layout.axisMarker) {
    out.push(rect(layout.axisMarker, 'stroke="#e8590c" stroke-width="1.2"', `axis marker #${layout.axisMarker.number}`));
    out.push(label(layout.axisMarker.x0, layout.axisMarker.y1 + 7, `axis #${layout.axisMarker.number}`, '#e8590c', 7));
  }
  if (layout.axisTitle) out.push(rect(layout.axisTitle, 'stroke="#9c36b5" stroke-width="1"', `axis title: ${layout.axisTitle.text}`));
  for (const l of layout.footer) {
    out.push(rect(l, 'stroke="#495057" stroke-width="0.8" stroke-dasharray="1 1"', `footer: ${l.text}`));
    out.push(label(l.x0, l.y0 - 1.5, 'footer', '#495057'));
  }
  for (const item of layout.unassigned) out.push(rect(item, 'stroke="#e03131" stroke-width="1"', `unassigned: ${item.text}`));
  layout.prose.forEach((l, i) => out.push(label(Math.max(0, l.x0 - 8), l.y1 - 1, String(i + 1), '#ae3ec9', 5)));
  out.push('</g>');
  const badge = `page ${layout.page} · ${layout.kind}${layout.tables.length ? ` · ${layout.tables.length} table(s), ${layout.tables.reduce((s, t) => s + t.rows.length, 0)} row(s)` : ''}`;
  out.push(`<rect x="2" y="2" width="${n(badge.length * 4.2 + 8)}" height="12" fill="#212529" fill-opacity="0.85" rx="2"/>`);
  out.push(label(6, 11, badge, '#ffffff', 7.5));
  out.push('</svg>');
  return out.join('\n');
}

/** Writes page-001.svg, page-002.svg, … into `dir` (created if missing). */
export async function writeDebugOverlays(dir: string, pages: readonly PageModel[], layouts: readonly PageLayout[]): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    for (let i = 0; i < pages.length; i++) {
      const page = pages[i]!;
      const layout = layouts[i]!;
      await writeFile(join(dir, `page-${String(page.number).padStart(3, '0')}.svg`), renderDebugSvg(page, layout));
    }
  } catch (e) {
    throw new FdrError('OUTPUT_WRITE_FAILED', `cannot write debug overlays into ${dir}: ${(e as Error).message}`, { hint: 'check --debug DIR', cause: e });
  }
}
