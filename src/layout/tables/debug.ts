/**
 * SVG overlay of a page and the tables found on it (`fdr tables --debug DIR`): text boxes, rules and shapes in
 * grey; each table's box (colour by flavor), column and row edges, cells (spans outlined), header rows shaded,
 * and a label with the flavor, confidence, guesses and continuation. Hover an element to see what it is.
 */
import type { PageModel } from '../../sources/page-model.js';
import type { Box } from '../geometry.js';
import type { DocumentTable } from './types.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (x: number) => (Math.round(x * 10) / 10).toString();

function rect(b: Box, style: string, title?: string): string {
  const t = title ? `<title>${esc(title)}</title>` : '';
  return `<rect x="${n(b.x0)}" y="${n(b.y0)}" width="${n(Math.max(0.5, b.x1 - b.x0))}" height="${n(Math.max(0.5, b.y1 - b.y0))}" ${style}>${t}</rect>`;
}

const COLOURS = { ruled: '#1c7ed6', hybrid: '#7048e8', stream: '#f08c00' } as const;

/** The overlay of one page; `tables` are the document's tables (those of other pages are ignored). */
export function renderTablesSvg(page: PageModel, tables: readonly DocumentTable[]): string {
  const out: string[] = [];
  const { width: w, height: h } = page;
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(w)} ${n(h)}" width="${n(w * 1.5)}" height="${n(h * 1.5)}">`);
  out.push(`<rect x="0" y="0" width="${n(w)}" height="${n(h)}" fill="#ffffff"/>`);
  out.push('<g id="shapes">');
  for (const r of page.rects) out.push(rect(r, `fill="${r.fill ?? '#eeeeee'}" fill-opacity="0.12" stroke="#bbbbbb" stroke-width="0.3"`, `filled ${r.fill ?? '?'}`));
  for (const r of page.rulings) out.push(`<line x1="${n(r.x0)}" y1="${n(r.y0)}" x2="${n(r.x1)}" y2="${n(r.y1)}" stroke="#888888" stroke-width="0.5"/>`);
  out.push('</g><g id="items">');
  for (const item of page.items) {
    out.push(rect(item, 'fill="#f1f3f5" stroke="#ced4da" stroke-width="0.2"', `${item.text} (${item.fontSize}pt${item.bold ? ' bold' : ''})`));
    if (!item.angle)
      out.push(`<text x="${n(item.x0)}" y="${n(item.y1 - (item.y1 - item.y0) * 0.22)}" font-size="${n(Math.max(3, item.fontSize * 0.85))}" font-family="sans-serif" fill="#868e96">${esc(item.text)}</text>`);
  }
  out.push('</g><g id="tables" fill="none">');
  tables.forEach((t, index) => {
    if (t.page !== page.number) return;
    const colour = COLOURS[t.flavor];
    const id = index + 1;
    const link = [t.continues !== undefined ? `continues table ${t.continues + 1}` : '', t.continuedBy !== undefined ? `continued by table ${t.continuedBy + 1}` : '', t.repeatsHeader ? 'header repeated' : '']
      .filter(Boolean)
      .join(', ');
    const about = `table ${id}: ${t.flavor}, confidence ${t.quality.confidence}${t.quality.guesses.length ? `; ${t.quality.guesses.join('; ')}` : ''}${link ? `; ${link}` : ''}`;
    if (t.headerRows > 0) out.push(rect({ ...t.box, y1: t.ys[t.headerRows]! }, `fill="${colour}" fill-opacity="0.08" stroke="none"`, `${t.headerRows} header row(s)`));
    for (const x of t.xs.slice(1, -1)) out.push(`<line x1="${n(x)}" y1="${n(t.box.y0)}" x2="${n(x)}" y2="${n(t.box.y1)}" stroke="${colour}" stroke-width="0.4" stroke-dasharray="3 2"/>`);
    for (const y of t.ys.slice(1, -1)) out.push(`<line x1="${n(t.box.x0)}" y1="${n(y)}" x2="${n(t.box.x1)}" y2="${n(y)}" stroke="${colour}" stroke-width="0.4" stroke-dasharray="3 2"/>`);
    for (const c of t.cells) {
      if (!c.text && c.rowSpan === 1 && c.colSpan === 1) continue;
      const box = { x0: t.xs[c.col]!, y0: t.ys[c.row]!, x1: t.xs[c.col + c.colSpan]!, y1: t.ys[c.row + c.rowSpan]! };
      const span = c.rowSpan > 1 || c.colSpan > 1 ? ` (spans ${c.rowSpan}×${c.colSpan})` : '';
      out.push(rect(box, `stroke="#2f9e44" stroke-width="${span ? 0.9 : 0.3}" fill="#2f9e44" fill-opacity="0.03"`, `r${c.row + 1} c${c.col + 1}${span}: ${c.text.slice(0, 300)}`));
    }
    out.push(rect(t.box, `stroke="${colour}" stroke-width="1.2"`, about));
    const label = `#${id} ${t.flavor} ${t.quality.confidence}${t.continues !== undefined ? ` ← #${t.continues + 1}` : ''}${t.continuedBy !== undefined ? ` → #${t.continuedBy + 1}` : ''}`;
    out.push(`<text x="${n(t.box.x0)}" y="${n(Math.max(7, t.box.y0 - 2))}" font-size="7" font-family="sans-serif" fill="${colour}">${esc(label)}<title>${esc(about)}</title></text>`);
  });
  out.push('</g>');
  const count = tables.filter((t) => t.page === page.number).length;
  const badge = `page ${page.number} · ${count ? `${count} table(s)` : 'no table'}`;
  out.push(`<rect x="2" y="2" width="${n(badge.length * 4.2 + 8)}" height="12" fill="#212529" fill-opacity="0.85" rx="2"/>`);
  out.push(`<text x="6" y="11" font-size="7.5" font-family="sans-serif" fill="#ffffff">${esc(badge)}</text>`);
  out.push('</svg>');
  return out.join('\n');
}
