/**
 * A page's lines in reading order for structure reading: running header and footer aside, drawn bullets in,
 * list markers set apart from their text joined to it, the page cut into sections above each heading that stands
 * alone across the page, each section read column by column (XY-cut), and figure grids read cell by cell.
 */
import type { PageModel, TextItem } from '../../sources/page-model.js';
import { cleanSpaces } from '../../text/normalize.js';
import { isFigureValue } from '../../text/numbers.js';
import { type Box, maxOf, minOf, unionBox } from '../geometry.js';
import { bandsOfLines, groupLines, isUpright, type Line, lineOf } from '../lines.js';
import { drawnBullets, findFooter, findRunningHeader } from '../page-layout.js';
import { type Block, SEGMENT_GAP, splitAtColumnGaps, xyCut } from '../reading-order.js';
import type { StructureLine } from './types.js';

/** A list marker opening a line: a bullet glyph (Symbol-font ones included), a dash, an arrow, an item number. */
const MARKER = /^([•▪◦●■□◆◇○⇒➢►✓✔*\u2022\uf0b7\uf0a7\uf0d8\uf076\uf0fc]|[-–—]|\(?\d{1,2}[.)]|[a-z][.)])(?=\s|$)|^(\d{1,2}[.)])(?=\p{Lu})/u;
/** Private-use bullets of Symbol and Wingdings fonts, printed as a bullet. */
const PUA_BULLET = /^[\uf0b7\uf0a7\uf0d8\uf076\uf0fc]/u;

/** The text of a line after its list marker. */
export function withoutMarker(text: string): string {
  return text.replace(MARKER, '').trim();
}

export function markerOf(text: string): string | undefined {
  const m = MARKER.exec(text);
  if (!m) return undefined;
  const marker = m[1] ?? m[2]!;
  return PUA_BULLET.test(marker) ? '•' : marker;
}

/**
 * An item number printed without its period ("8", then the text after a tab): a number of one or two digits alone
 * in its own text item, its text starting further than a word space to the right (a list engine's numbering).
 */
function bareNumberMarker(line: Line): string | undefined {
  const [first, second] = line.items;
  if (!first || !second || !/^\d{1,2}$/.test(first.text.trim())) return undefined;
  return second.x0 - first.x1 >= 0.4 * first.fontSize && second.fontSize <= 1.2 * first.fontSize ? `${first.text.trim()}.` : undefined;
}

/** Characters of each size, and of bold type: what the page's body size and a line's style are judged on. */
export function bodySizeOf(items: readonly Pick<TextItem, 'text' | 'fontSize'>[]): number {
  const weights = new Map<number, number>();
  for (const i of items) {
    const size = Math.round(i.fontSize * 2) / 2;
    weights.set(size, (weights.get(size) ?? 0) + i.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of weights) if (w > bestWeight) [best, bestWeight] = [size, w];
  return best || 10;
}

/** A marker printed apart from its text (a tab or an indent after it) is joined to the text on its right. */
function joinMarkers(lines: Line[]): Line[] {
  const joined = new Map<Line, Line>();
  const taken = new Set<Line>();
  for (const line of lines) {
    if (markerOf(line.text) === undefined || line.text.replace(MARKER, '').trim() !== '') continue;
    const cy = (line.y0 + line.y1) / 2;
    let best: Line | undefined;
    for (const o of lines) {
      if (o === line || taken.has(o) || o.x0 < line.x1 - 0.5 || o.x0 - line.x1 > 5 * Math.max(line.fontSize, o.fontSize)) continue;
      if (cy < o.y0 || cy > o.y1) continue;
      if (!best || o.x0 < best.x0) best = o;
    }
    if (best) {
      taken.add(best);
      joined.set(line, lineOf([...line.items, ...best.items]));
    }
  }
  return lines.filter((l) => !taken.has(l)).map((l) => joined.get(l) ?? l);
}

/**
 * Pieces of one justified line that a wide word gap cut apart are joined again: a gap that text of the same size
 * on the line just above or below (one line pitch away, not a paragraph's spacing) runs across is inside a column,
 * never a gutter between two.
 */
function joinJustifiedPieces(lines: Line[]): Line[] {
  const bands = bandsOfLines(lines);
  const out: Line[] = [];
  bands.forEach((band, k) => {
    if (band.length < 2) {
      out.push(...band);
      return;
    }
    const size = band[0]!.fontSize;
    const neighbours = [bands[k - 1], bands[k + 1]].filter((b): b is Line[] => b !== undefined).flat().filter(
      (o) => Math.abs(o.fontSize - size) <= 0.2 * size && Math.abs(o.y0 - band[0]!.y0) <= 1.6 * size,
    );
    let current = band[0]!;
    for (const next of band.slice(1)) {
      const covered = Math.abs(next.fontSize - current.fontSize) <= 0.2 * size && neighbours.some((o) => o.x0 <= current.x1 + 0.5 && o.x1 >= next.x0 - 0.5);
      if (covered) current = lineOf([...current.items, ...next.items]);
      else {
        out.push(current);
        current = next;
      }
    }
    out.push(current);
  });
  return out;
}

/** Leading items much larger than the page's body text that read as a figure value ("1 250", "47 %"). */
function figureValueOf(line: Line, bodySize: number): string | undefined {
  const lead: TextItem[] = [];
  for (const item of line.items) {
    if (item.fontSize < 1.5 * bodySize) break;
    lead.push(item);
  }
  if (!lead.length) return undefined;
  const value = cleanSpaces(lineOf(lead).text);
  return isFigureValue(value) ? value : undefined;
}

/** What reading order arranges: a line, or a row of figure-grid cells kept together (read cell after cell). */
type Unit = Block & { lines: Line[]; cells?: Line[][] };

const boxOf = (b: Box): Box => ({ x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 });
const sameBand = (a: Box, b: Box) => Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) >= 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0);

/**
 * Figure grids: bands holding two or more figure values side by side. Each value heads a cell reaching to the next
 * value on its right; the lines below it (smaller than the value, until the next band of values or a gap of two
 * lines) are its caption. Returns one unit per row of the grid, its cells left to right.
 */
function figureCells(lines: readonly Line[], values: ReadonlyMap<Line, string>, bodySize: number): Unit[] {
  const valueLines = lines.filter((l) => values.has(l)).sort((a, b) => a.y0 - b.y0);
  const rows: Line[][] = [];
  for (const v of valueLines) {
    const row = rows.find((r) => sameBand(r[0]!, v));
    if (row) row.push(v);
    else rows.push([v]);
  }
  const gridRows = rows.filter((r) => r.length >= 2).map((r) => r.sort((a, b) => a.x0 - b.x0));
  const units: Unit[] = [];
  const used = new Set<Line>();
  const pitch = 1.4 * bodySize;
  for (const row of gridRows) {
    const rowBottom = maxOf(row, (l) => l.y1);
    const nextRowTop = minOf(rows.filter((r) => r[0]!.y0 > rowBottom), (r) => minOf(r, (l) => l.y0));
    const cells: Line[][] = [];
    // A cell is as wide as the step from one value to the next; its caption stays within it.
    const steps = row.slice(1).map((v, i) => v.x0 - row[i]!.x0);
    const step = steps.reduce((a, b) => a + b, 0) / steps.length;
    row.forEach((value, i) => {
      const from = value.x0 - 0.5 * bodySize;
      const to = i + 1 < row.length ? row[i + 1]!.x0 - 0.5 * bodySize : value.x0 + step - 0.5 * bodySize;
      const cell = [value];
      used.add(value);
      let bottom = value.y1;
      const below = lines
        .filter((l) => !used.has(l) && l.y0 >= value.y1 - 1 && l.y0 < nextRowTop && l.x1 > from && l.x0 < to)
        .sort((a, b) => a.y0 - b.y0);
      for (const l of below) {
        // The caption ends at a gap of two lines, at text reaching out of the cell, at another value or larger text.
        if (l.y0 - bottom > 2 * pitch || l.x0 < from || l.x1 > to + bodySize || values.has(l) || l.fontSize >= value.fontSize) break;
        cell.push(l);
        used.add(l);
        bottom = l.y1;
      }
      cells.push(cell);
    });
    const all = cells.flat();
    units.push({ ...boxOf(unionBox(all)!), fontSize: bodySize, lines: all, cells });
  }
  return units;
}

/**
 * Lines of the page cut into sections: a line set larger than the body text (or bold and a little larger), alone on its band across the whole
 * page and starting at the text's left edge (or centred), opens a section; sections are read one after the other.
 */
function sections(units: readonly Unit[], bodySize: number, pageWidth: number): Unit[][] {
  if (!units.length) return [];
  const left = minOf(units, (u) => u.x0);
  const opens = (u: Unit) =>
    !u.cells &&
    (u.fontSize >= 1.15 * bodySize || (u.lines.every((l) => l.bold) && u.fontSize >= 1.04 * bodySize)) &&
    (u.x0 <= left + bodySize || Math.abs((u.x0 + u.x1) / 2 - pageWidth / 2) <= 2 * bodySize) &&
    !units.some((o) => o !== u && sameBand(o, u));
  const sorted = [...units].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const openers = sorted.filter(opens);
  // A heading wrapped over several lines opens one section: its following lines continue it.
  const groups: Unit[][] = [];
  openers.forEach((u, k) => {
    const above = openers[k - 1];
    if (above && Math.abs(above.fontSize - u.fontSize) < 0.5 && u.y0 - above.y1 <= 0.8 * u.fontSize) groups[groups.length - 1]!.push(u);
    else groups.push([u]);
  });
  // Nothing may stand level with any part of the heading (text of a column going on beside it).
  const starts = groups
    .filter((g) => {
      const [top, bottom] = [g[0]!.y0 + 0.5, g[g.length - 1]!.y1 - 0.5];
      return !units.some((o) => !g.includes(o) && o.y1 > top && o.y0 < bottom);
    })
    .map((g) => ({ ...g[0]!, y1: g[g.length - 1]!.y1, x1: maxOf(g, (u) => u.x1) }));
  // A heading inside the first column of text set in columns (the other columns ended higher up) opens no
  // section: text stands beside its column above it, and what follows it stays within that column.
  const cuts: number[] = [];
  starts.forEach((h, k) => {
    const from = cuts.length ? cuts[cuts.length - 1]! : -Infinity;
    const to = starts[k + 1]?.y0 ?? Infinity;
    const above = sorted.filter((u) => u.y0 >= from && u.y1 <= h.y0 + 0.5);
    const below = sorted.filter((u) => u.y0 >= h.y1 - 0.5 && u.y0 < to);
    // The heading's column: the text above it that starts at its left edge or further in (text across the page
    // above, a theme's summary, is no column); beside it: text wholly left or right of that column.
    const column = above.filter((u) => u.x0 < h.x1 && u.x0 >= h.x0 - bodySize);
    const columnRight = column.length ? maxOf(column, (u) => u.x1) : Infinity;
    const besideAbove = column.length > 0 && above.some((u) => u.x0 > columnRight || u.x1 < h.x0);
    const besideBelow = below.some((u) => u.x1 > columnRight + bodySize || u.x0 < h.x0 - bodySize);
    if (!besideAbove || besideBelow) cuts.push(h.y0 - 0.01);
  });
  const out: Unit[][] = cuts.map(() => []);
  out.push([]);
  for (const u of sorted) {
    const c = (u.y0 + u.y1) / 2;
    let k = 0;
    while (k < cuts.length && c > cuts[k]!) k++;
    out[k]!.push(u);
  }
  return out.filter((s) => s.length);
}

/** The page's lines in reading order; `leafBase` numbers the page's reading units after the previous pages'. */
export function readPageLines(page: PageModel, leafBase = 0): StructureLine[] {
  const upright0 = page.items.filter(isUpright);
  const upright = upright0.concat(drawnBullets(upright0, page.rects));
  if (!upright.length) return [];
  const bodySize = bodySizeOf(upright);
  let lines = groupLines(upright, { splitGap: SEGMENT_GAP });
  const noise = new Set([...findRunningHeader(lines, page, bodySize, new Set()), ...findFooter(lines, page)]);
  lines = joinJustifiedPieces(joinMarkers(splitAtColumnGaps(lines.filter((l) => !noise.has(l)))));

  const values = new Map<Line, string>();
  for (const l of lines) {
    const v = figureValueOf(l, bodySize);
    if (v !== undefined) values.set(l, v);
  }
  const cells = figureCells(lines, values, bodySize);
  const inCell = new Set(cells.flatMap((c) => c.lines));
  const units: Unit[] = [
    ...lines.filter((l) => !inCell.has(l)).map((l) => ({ ...boxOf(l), fontSize: l.fontSize, lines: [l] })),
    ...cells,
  ];

  const out: StructureLine[] = [];
  let leaf = leafBase;
  for (const section of sections(units, bodySize, page.width)) {
    for (const leafUnits of xyCut(section)) {
      const emit = (ls: readonly Line[], id: number) => {
        // Pieces of one printed line in one reading unit are one line (justified text spreads its words apart).
        for (const band of bandsOfLines(ls))
          for (const l of band.length > 1 ? [lineOf(band.flatMap((b) => b.items).sort((a, b) => a.x0 - b.x0))] : band) {
            const marker = markerOf(l.text) ?? bareNumberMarker(l);
            const textItem = marker ? l.items.find((i) => !MARKER.test(i.text.trim()) || i.text.trim().length > marker.length) : undefined;
            const value = values.get(l);
            out.push({
              ...boxOf(l),
              page: page.number,
              text: l.text,
              fontSize: value !== undefined ? maxOf(l.items, (i) => i.fontSize) : l.fontSize,
              bold: l.bold,
              leaf: id,
              textX0: textItem && textItem !== l.items[0] ? textItem.x0 : l.x0 + (marker ? (marker.length + 1) * 0.5 * l.fontSize : 0),
              ...(marker ? { marker } : {}),
              ...(value !== undefined ? { figure: 'value' as const } : {}),
            });
          }
      };
      // Loose lines and grid cells in the leaf's top-down order, each cell a reading unit of its own.
      const ordered = [...leafUnits].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
      let pending: Line[] = [];
      let pendingLeaf = -1;
      const flush = () => {
        if (pending.length) emit(pending, pendingLeaf);
        pending = [];
      };
      for (const u of ordered) {
        if (u.cells) {
          flush();
          for (const cell of u.cells) emit(cell, ++leaf);
        } else {
          if (!pending.length) pendingLeaf = ++leaf;
          pending.push(...u.lines);
        }
      }
      flush();
    }
  }
  return out;
}

