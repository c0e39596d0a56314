/**
 * From a grid (column and row edges, and which inner edges really separate cells) and the text inside it to a
 * table: merged cells, text put into cells, empty rows and columns dropped. Every finder ends here.
 */
import type { TextItem } from '../../sources/page-model.js';
import { type Box, unionBox } from '../geometry.js';
import { groupRows, lineOf } from '../lines.js';
import { cellLinesText } from './cell-lines.js';
import type { Flavor, PageTable, TableCell, TableQuality } from './types.js';

export interface GridSpec {
  /** Column edges, ascending (columns + 1). */
  xs: number[];
  /** Row edges, ascending (rows + 1). */
  ys: number[];
  /** Is there a separator between (row r, column c) and (r, c + 1)? */
  splitsColumns(r: number, c: number): boolean;
  /** Is there a separator between (row r, column c) and (r + 1, c)? */
  splitsRows(r: number, c: number): boolean;
}

/** A merged cell: rows r0..r1 and columns c0..c1, inclusive. */
export interface Span {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/**
 * Merges grid positions not separated from one another into rectangles. A union of positions that is not a
 * rectangle (an L-shaped gap in the rules) is grown to its bounding rectangle, absorbing what lies inside.
 */
export function mergeSpans(rows: number, cols: number, spec: Pick<GridSpec, 'splitsColumns' | 'splitsRows'>): { owner: Int32Array; spans: Span[] } {
  const n = rows * cols;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !spec.splitsColumns(r, c)) union(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !spec.splitsRows(r, c)) union(r * cols + c, (r + 1) * cols + c);
    }
  // Grow every group to its bounding rectangle until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    const rect = new Map<number, Span>();
    for (let i = 0; i < n; i++) {
      const root = find(i);
      const r = Math.floor(i / cols);
      const c = i % cols;
      const s = rect.get(root);
      if (!s) rect.set(root, { r0: r, c0: c, r1: r, c1: c });
      else {
        s.r0 = Math.min(s.r0, r);
        s.c0 = Math.min(s.c0, c);
        s.r1 = Math.max(s.r1, r);
        s.c1 = Math.max(s.c1, c);
      }
    }
    for (const [root, s] of rect)
      for (let r = s.r0; r <= s.r1; r++)
        for (let c = s.c0; c <= s.c1; c++)
          if (find(r * cols + c) !== find(root)) {
            union(root, r * cols + c);
            changed = true;
          }
  }
  const owner = new Int32Array(n);
  const index = new Map<number, number>();
  const spans: Span[] = [];
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let k = index.get(root);
    const r = Math.floor(i / cols);
    const c = i % cols;
    if (k === undefined) {
      k = spans.length;
      index.set(root, k);
      spans.push({ r0: r, c0: c, r1: r, c1: c });
    } else {
      const s = spans[k]!;
      s.r1 = Math.max(s.r1, r);
      s.c1 = Math.max(s.c1, c);
      s.c0 = Math.min(s.c0, c);
    }
    owner[i] = k;
  }
  return { owner, spans };
}

/** Index of the interval of `edges` holding x (binary search); -1 outside. */
export function intervalOf(edges: readonly number[], x: number): number {
  if (x < edges[0]! || x > edges[edges.length - 1]!) return -1;
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Cuts an item at x, at the space nearest to where x falls if glyphs were of equal width: one text run drawn
 * over a column rule holds two cells. No space near enough: the item stays whole.
 */
export function splitItemAt(item: TextItem, x: number): [TextItem, TextItem] | undefined {
  const text = item.text;
  const width = item.x1 - item.x0;
  if (width <= 0 || text.length < 2) return undefined;
  const target = ((x - item.x0) / width) * text.length;
  let best = -1;
  for (let i = 1; i < text.length - 1; i++) if (text[i] === ' ' && (best < 0 || Math.abs(i - target) < Math.abs(best - target))) best = i;
  if (best < 0 || Math.abs(best - target) > Math.max(2, 0.2 * text.length)) return undefined;
  const cut = item.x0 + (best / text.length) * width;
  const left = text.slice(0, best).trimEnd();
  const right = text.slice(best + 1).trimStart();
  if (!left || !right) return undefined;
  return [
    { ...item, text: left, x1: cut },
    { ...item, text: right, x0: cut + width / text.length },
  ];
}

/** Items cut where they run over a separator of the grid (several cells drawn as one text run). */
function splitOverSeparators(items: readonly TextItem[], spec: GridSpec): TextItem[] {
  const out: TextItem[] = [];
  const { xs, ys } = spec;
  const queue = [...items];
  while (queue.length) {
    const item = queue.pop()!;
    const r = intervalOf(ys, (item.y0 + item.y1) / 2);
    let cut: [TextItem, TextItem] | undefined;
    if (r >= 0) {
      const pad = 0.25 * item.fontSize;
      for (let k = 1; k < xs.length - 1 && !cut; k++) {
        const x = xs[k]!;
        if (x > item.x0 + pad && x < item.x1 - pad && spec.splitsColumns(r, k - 1)) cut = splitItemAt(item, x);
      }
    }
    if (cut) queue.push(...cut);
    else out.push(item);
  }
  return out;
}

export interface BuildOptions {
  page: number;
  flavor: Flavor;
  /** Body font size of the page (fallback pitch). */
  fontSize: number;
  guesses?: string[];
  /** Cut text runs lying over a separator (ruled grids: one run may cover two cells). */
  splitRuns?: boolean;
}

/**
 * The table of a grid: merged cells from missing separators, items (centre inside the grid) put into cells,
 * rows and columns without any text dropped. Returns undefined when no text falls inside.
 */
export function buildTable(spec: GridSpec, items: readonly TextItem[], options: BuildOptions): PageTable | undefined {
  const { xs, ys } = spec;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 1 || cols < 1) return undefined;
  const placed = options.splitRuns ? splitOverSeparators(items, spec) : [...items];
  const { owner, spans } = mergeSpans(rows, cols, spec);
  const bySpan = new Map<number, TextItem[]>();
  const rowUsed = new Uint8Array(rows);
  const colUsed = new Uint8Array(cols);
  for (const item of placed) {
    const r = intervalOf(ys, (item.y0 + item.y1) / 2);
    const c = intervalOf(xs, (item.x0 + item.x1) / 2);
    if (r < 0 || c < 0) continue;
    const k = owner[r * cols + c]!;
    const list = bySpan.get(k);
    if (list) list.push(item);
    else bySpan.set(k, [item]);
    rowUsed[r] = 1;
    colUsed[c] = 1;
  }
  if (!bySpan.size) return undefined;
  // Share of the drawn cells (spans counted once) holding text, before empty rows and columns go.
  const drawnFill = bySpan.size / spans.length;

  // Keep rows and columns holding some text; spans shrink to what is kept.
  const rowMap = new Int32Array(rows).fill(-1);
  const colMap = new Int32Array(cols).fill(-1);
  let nr = 0;
  let nc = 0;
  for (let r = 0; r < rows; r++) if (rowUsed[r]) rowMap[r] = nr++;
  for (let c = 0; c < cols; c++) if (colUsed[c]) colMap[c] = nc++;
  const keptYs: number[] = [];
  for (let r = 0; r < rows; r++) if (rowUsed[r]) keptYs.push(ys[r]!);
  const keptXs: number[] = [];
  for (let c = 0; c < cols; c++) if (colUsed[c]) keptXs.push(xs[c]!);
  // Each kept row/column ends where the next kept one starts (or at the grid's end).
  keptYs.push(ys[rows]!);
  keptXs.push(xs[cols]!);

  const firstKept = (map: Int32Array, a: number, b: number) => {
    for (let i = a; i <= b; i++) if (map[i]! >= 0) return map[i]!;
    return -1;
  };
  const lastKept = (map: Int32Array, a: number, b: number) => {
    for (let i = b; i >= a; i--) if (map[i]! >= 0) return map[i]!;
    return -1;
  };

  const pending: { span: { r0: number; c0: number; r1: number; c1: number }; items: TextItem[]; lines: ReturnType<typeof lineOf>[] }[] = [];
  const covered = new Int32Array(nr * nc).fill(-1);
  spans.forEach((s, k) => {
    const r0 = firstKept(rowMap, s.r0, s.r1);
    const r1 = lastKept(rowMap, s.r0, s.r1);
    const c0 = firstKept(colMap, s.c0, s.c1);
    const c1 = lastKept(colMap, s.c0, s.c1);
    if (r0 < 0 || c0 < 0) return;
    const cellItems = bySpan.get(k) ?? [];
    const lines = groupRows(cellItems).map(lineOf).filter((l) => l.text);
    const idx = pending.length;
    pending.push({ span: { r0, c0, r1, c1 }, items: cellItems, lines });
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) covered[r * nc + c] = idx;
  });
  const cells: TableCell[] = [];
  let filled = 0;
  for (const p of pending) {
    const text = p.lines.length ? cellLinesText(p.lines) : '';
    if (text) filled += (p.span.r1 - p.span.r0 + 1) * (p.span.c1 - p.span.c0 + 1);
    cells.push({
      row: p.span.r0,
      col: p.span.c0,
      rowSpan: p.span.r1 - p.span.r0 + 1,
      colSpan: p.span.c1 - p.span.c0 + 1,
      text,
      box: unionBox(p.items),
      items: p.items,
    });
  }
  // Positions no span covers (cannot happen with a full grid; kept for safety): empty cells.
  for (let r = 0; r < nr; r++)
    for (let c = 0; c < nc; c++)
      if (covered[r * nc + c]! < 0) cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1, text: '', box: undefined, items: [] });
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  const box: Box = { x0: keptXs[0]!, y0: keptYs[0]!, x1: keptXs[nc]!, y1: keptYs[nr]! };
  const quality: TableQuality = { confidence: 0, fill: filled / (nr * nc), drawnFill, guesses: options.guesses ?? [] };
  return { page: options.page, box, flavor: options.flavor, xs: keptXs, ys: keptYs, cells, headerRows: 0, quality };
}

/** The table as the scorer and CSV want it: rows of strings, a span's text at its top-left position. */
export function tableRows(table: Pick<PageTable, 'xs' | 'ys' | 'cells'>): string[][] {
  const rows = Array.from({ length: table.ys.length - 1 }, () => Array<string>(table.xs.length - 1).fill(''));
  for (const c of table.cells) if (rows[c.row]) rows[c.row]![c.col] = c.text;
  return rows;
}
