/** Synthetic pages for layout tests: text items placed by hand, no PDF needed. */
import type { FilledRect, PageModel, Ruling, TextItem } from '../../src/sources/page-model.js';

export interface ItemOptions {
  size?: number;
  bold?: boolean;
  angle?: number;
}

/** A text item at (x, y) (top-left of its box); width estimated at half an em per character. */
export function item(text: string, x: number, y: number, o: ItemOptions = {}): TextItem {
  const size = o.size ?? 9;
  const w = text.length * size * 0.5;
  const vertical = o.angle === 90 || o.angle === 270;
  const it: TextItem = {
    text,
    x0: x,
    y0: y,
    x1: vertical ? x + size * 1.1 : x + w,
    y1: vertical ? y + w : y + size * 1.1,
    fontSize: size,
    fontName: o.bold ? 'Sans-Bold' : 'Sans',
    bold: o.bold ?? false,
    order: 0,
  };
  if (o.angle) it.angle = o.angle;
  return it;
}

/** Lines of a paragraph, one item each, `pitch` points apart. */
export function lines(texts: readonly string[], x: number, y: number, o: ItemOptions & { pitch?: number } = {}): TextItem[] {
  const pitch = o.pitch ?? (o.size ?? 9) * 1.25;
  return texts.map((t, i) => item(t, x, y + i * pitch, o));
}

export interface PageOptions {
  number?: number;
  width?: number;
  height?: number;
  rulings?: Ruling[];
  rects?: FilledRect[];
}

/** A page from items in the given (content-stream) order. */
export function page(items: readonly TextItem[], o: PageOptions = {}): PageModel {
  return {
    number: o.number ?? 1,
    width: o.width ?? 842,
    height: o.height ?? 595,
    items: items.map((it, order) => ({ ...it, order })),
    rulings: o.rulings ?? [],
    rects: o.rects ?? [],
  };
}

export const hRule = (x0: number, x1: number, y: number): Ruling => ({ x0, y0: y, x1, y1: y, orientation: 'h' });
export const vRule = (x: number, y0: number, y1: number): Ruling => ({ x0: x, y0, x1: x, y1, orientation: 'v' });

/** Deterministic shuffle (the content stream may draw things in any order). */
export function shuffled<T>(values: readonly T[], seed: number): T[] {
  const out = [...values];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * A territorial-style table page (A4 landscape): shaded header, rows separated by whitespace only, the top band
 * ("Engagements du CTS" / "Chantier : …") and the side tab ("Action prioritaire #N") drawn after the table in
 * the content stream, a running footer.
 */
export function territorialPage(o: {
  number?: number;
  chantier?: string;
  axis?: number;
  rows: { action: string[]; financement?: string[]; indicateur?: string[]; commentaire?: string[] }[];
  startY?: number;
}): PageModel {
  const cols = [41, 273, 400, 554];
  const bounds = [34, 266, 392, 547, 737];
  const table: TextItem[] = [
    item('Actions', cols[0]!, 114, { size: 9.5, bold: true }),
    item('Financement', cols[1]!, 114, { size: 9.5, bold: true }),
    item('Indicateur', cols[2]!, 114, { size: 9.5, bold: true }),
    item('Commentaires', cols[3]!, 114, { size: 9.5, bold: true }),
  ];
  let y = o.startY ?? 139;
  for (const row of o.rows) {
    const cells = [row.action, row.financement ?? [], row.indicateur ?? [], row.commentaire ?? []];
    let height = 0;
    cells.forEach((cell, c) => {
      table.push(...lines(cell, cols[c]!, y, { size: 8.5, pitch: 10.6 }));
      height = Math.max(height, cell.length * 10.6);
    });
    y += height + 16;
  }
  const band = [item('Engagements du CTS', 34, 15, { size: 11, bold: true })];
  if (o.chantier) band.push(item(`Chantier : ${o.chantier}`, 34, 34, { size: 12.5, bold: true }));
  const tab = o.axis ? [item('Action', 789, 150, { size: 10, bold: true }), item('prioritaire', 782, 163, { size: 10, bold: true }), item(`#${o.axis}`, 795, 179, { size: 18, bold: true })] : [];
  const footer = [item(`${o.number ?? 1} | Feuille de route territoriale de Testville`, 40, 565, { size: 8 })];
  const rects: FilledRect[] = bounds.slice(0, -1).map((x0, i) => ({ x0, y0: 108, x1: bounds[i + 1]!, y1: 132, fill: '#d5e3f2' }));
  rects.push({ x0: 0, y0: 0, x1: 842, y1: 91, fill: '#0b4f8a' });
  return page([...table, ...band, ...tab, ...footer], { number: o.number, rects });
}
