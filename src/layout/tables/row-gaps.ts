/**
 * Rows from whitespace alone (no rules, no shading across the table): where a row starts is read from the
 * cells' own lines, measured against the table's own line pitch. Cells of a row are set top-aligned, so a row
 * opens on a printed line where the key column opens a block of text (its line stands further below the line
 * above than the line pitch) and no other column goes on with a line of its own paragraph. The space left
 * between rows (twice the cell padding) and between paragraphs of a cell (paragraph spacing) are learnt from
 * the table itself: a row start that only the key column shows is told from a paragraph by which of the two
 * its gap is nearer to.
 */
import type { TextItem } from '../../sources/page-model.js';
import { linePitchRatio, measuredPitchRatio } from '../cell-text.js';
import { centerY, median, mergeIntervals } from '../geometry.js';
import { groupRows, type Line, lineOf } from '../lines.js';
import { columnAt, type RowEvidence, type RowSpan } from './row-spans.js';

/** A list marker opening a line: a bullet or dash, or a number with its dot or bracket, before a space or alone. */
const MARKER_START = /^\s*(?:[-•▪◦●■–—⇒➢►\u2022\uf0b7\uf0a7\uf0d8]|\d+[.)])(?:\s|$)/;

/** A printed line of one column, and how far below the line above it (same column) it stands beyond the pitch. */
export interface ColumnLine {
  line: Line;
  column: number;
  /** Space beyond the line pitch since the column's line above (undefined for the column's first line). */
  extra: number | undefined;
  /** Stands clearly further below the line above than the pitch: opens a block (a row, or a paragraph). */
  opens: boolean;
}

/** Do two lines share a printed band (overlap by half the smaller height)? */
const sameBand = (a: Line, b: Line) => Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) >= 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0);

/**
 * Each column's printed lines, top to bottom, with the space each leaves above it beyond the table's line
 * pitch (a share of the line's type size, learnt from the cells' wrapped lines). A line opens a block when
 * that space stands out of the pitch's own jitter and of a tenth of the type size.
 */
export function columnLines(body: readonly TextItem[], xs: readonly number[], tolerance: number): { columns: ColumnLine[][]; pitch: number } {
  const perColumn: TextItem[][] = xs.slice(1).map(() => []);
  for (const i of body) {
    const c = columnAt(xs, i.x0 + 0.5 * tolerance, tolerance);
    if (c >= 0) perColumn[c]!.push(i);
  }
  const lines = perColumn.map((items) => groupRows(items).map(lineOf));
  // Text read by OCR (its items carry a confidence) has measured, not set, positions.
  const measured = body.some((i) => i.confidence !== undefined);
  const ratio = (measured ? measuredPitchRatio(lines) : linePitchRatio(lines)) ?? { pitch: 1.2, jitter: 0 };
  const columns = lines.map((column, c) =>
    column.map((line, k) => {
      const above = column[k - 1];
      const size = line.fontSize || 1;
      const extra = above ? line.y0 - above.y0 - ratio.pitch * size : undefined;
      // A line after a word cut at the line end ("Commu-" / "nautés") goes on that word: it opens nothing.
      const cutWord = above !== undefined && /\p{L}[-\u2010\u00ad]$/u.test(above.text.trim());
      return { line, column: c, extra, opens: !cutWord && (extra === undefined || extra > Math.max(3 * ratio.jitter, 0.1) * size) };
    }),
  );
  return { columns, pitch: ratio.pitch };
}

/**
 * Is the key column's line at `at` a list item, and the key column's line above it one ending with a colon? A
 * colon announces what follows: the list goes on in the same cell, whatever the gap before it.
 */
function listAfterColon(key: readonly ColumnLine[], at: number): boolean {
  const line = key[at]!.line;
  const above = key[at - 1]?.line;
  return above !== undefined && MARKER_START.test(line.text) && /:\s*$/.test(above.text);
}

/**
 * Rows from whitespace: row starts on the key column's lines (see the module comment), the edges put halfway
 * between the last line above and the first line of the row. Every run of text opens a row when there is no
 * key column (`key` < 0). `confirmedOnly`: only the row starts other columns confirm.
 */
export function spansFromGaps(e: RowEvidence, options: { confirmedOnly?: boolean } = {}): RowSpan[] {
  return gapRows(e, options).spans;
}

/**
 * spansFromGaps, and the paragraph space the table showed (a share of the type size; undefined when no cell
 * opened a paragraph where no row may start), for the document's next tables to fall back on.
 */
export function gapRows(e: RowEvidence, options: { confirmedOnly?: boolean } = {}): { spans: RowSpan[]; paragraphShare?: number } {
  const { body, xs, key, size, tolerance: tol } = e;
  if (!body.length) return { spans: [] };
  if (key < 0) return { spans: spansFromRuns(e) };
  const { columns, pitch } = columnLines(body, xs, tol);
  const keyLines = columns[key] ?? [];
  // Nothing in the key column (the tail of a row cut by the page): one row, it opens none of its own.
  if (!keyLines.length) return { spans: spansAt([], [], body) };
  // Columns right of the key one say where rows are; a column left of it may hold one merged cell over
  // several rows (a chantier beside its actions), whose lines run on over row starts.
  const others = columns.filter((_, c) => c > key).flat();
  // Where each line's block (its paragraph) opened.
  const blockTop = new Map<ColumnLine, number>();
  for (const column of columns) column.reduce((top, l) => (blockTop.set(l, l.opens ? l.line.y0 : top), l.opens ? l.line.y0 : top), -Infinity);
  const inBand = (k: ColumnLine) => others.filter((o) => sameBand(o.line, k.line));
  // A cell merged down several rows (left of the key column) starts only where a row starts: a block opening
  // there level with the key line (the next chantier's title beside its rows) confirms the row, whatever the spaces.
  const leftOpens = (k: ColumnLine) => columns.slice(0, Math.max(0, key)).some((column) => column.some((o) => o.opens && sameBand(o.line, k.line)));
  // A line of words standing more than a line and a half below its column's line above resumes after a blank
  // stretch: text runs on in a cell, so the cell above had ended. (A lone mark, such as a line-end hyphen
  // drawn apart from its word past a column edge, says nothing.)
  const resumes = (l: ColumnLine) => l.extra !== undefined && l.extra > 1.5 * pitch * (l.line.fontSize || size) && /[\p{L}\p{N}]{2}/u.test(l.line.text);
  type Verdict = 'row' | 'inside' | 'ambiguous';
  const verdicts: Verdict[] = keyLines.map((k, n) => {
    if (n === 0) return 'row';
    // A key line at the line pitch is inside its cell, unless another column resumes level with it (rows set
    // with almost no padding leave the key column no gap to show a row start).
    if (!k.opens && (/\p{L}[-\u2010\u00ad]$/u.test(keyLines[n - 1]!.line.text.trim()) || !inBand(k).some(resumes)))
      return 'inside';
    // Another cell going on with its paragraph beside the line (even off its baseline, paragraph spacing
    // shifting the columns apart): the line is inside a row.
    const h = k.line.y1 - k.line.y0;
    // (Not a paragraph that opened level with the line: a cell set in a smaller type wraps beside the line's own band.)
    if (others.some((o) => !o.opens && blockTop.get(o)! < k.line.y0 - 0.5 * h && Math.min(o.line.y1, k.line.y1) - Math.max(o.line.y0, k.line.y0) > 0.2 * h)) return 'inside';
    // A list announced by a colon goes on in its cell, whatever the other columns do.
    if (listAfterColon(keyLines, n)) return 'inside';
    return inBand(k).length || leftOpens(k) ? 'row' : 'ambiguous';
  });

  // The space between rows, from the rows the other columns confirm: at a row start the tallest cell of the
  // row above ended just above (the least space over the columns).
  const leastSpaces = keyLines.map((k, n) => {
    if (n === 0 || verdicts[n] !== 'row') return undefined;
    const spaces = columns.flatMap((column) => {
      const above = column.filter((l) => l.line.y1 <= k.line.y0 + 0.5 * (k.line.y1 - k.line.y0) && !sameBand(l.line, k.line)).pop();
      return above ? [k.line.y0 - above.line.y0 - pitch * (k.line.fontSize || size)] : [];
    });
    return spaces.length ? Math.min(...spaces) : undefined;
  });
  // Every row is set with the same padding: a band where all columns open a block with far less space than the
  // table's rows leave is paragraphs side by side in one row (an action and its funding each going on with a
  // list), weighed like a start only the key column shows. Far less: a paragraph's space (under half the type
  // size, under half the row space and short of it by half a type size), or nearer the space of the key column's
  // own blocks that no other column opens (its paragraphs, as the list item after it) than the row space.
  // The upper median: of two rows, the one further apart is the row space.
  const confirmed = leastSpaces.filter((s) => s !== undefined).sort((p, q) => p - q);
  const typical = confirmed[confirmed.length >> 1] ?? 0;
  const keyOnly = keyLines.flatMap((k, n) => (verdicts[n] === 'ambiguous' ? [k.extra!] : []));
  const keyOnlySpace = keyOnly.length ? median(keyOnly) : undefined;
  leastSpaces.forEach((s, n) => {
    if (s === undefined || leftOpens(keyLines[n]!)) return;
    const em = keyLines[n]!.line.fontSize || size;
    const paragraphLike = s < 0.5 * typical && s < 0.5 * em && typical - s > 0.5 * em;
    const likeKeyOnly = keyOnlySpace !== undefined && s < typical - 0.1 * em && Math.abs(s - keyOnlySpace) < Math.abs(s - typical);
    // Not when the key column and another resume after a blank stretch: both cells above had ended.
    const ended = resumes(keyLines[n]!) && inBand(keyLines[n]!).some(resumes);
    if ((paragraphLike || likeKeyOnly) && !ended) [verdicts[n], leastSpaces[n]] = ['ambiguous', undefined];
  });
  const rowSpaces = leastSpaces.filter((s) => s !== undefined);
  // The space between paragraphs of a cell: blocks opening where no row may start (no key line opens there).
  const rowBands = keyLines.filter((_, n) => verdicts[n] !== 'inside');
  const paragraphSpaces = columns
    .flat()
    .filter((l) => l.opens && l.extra !== undefined && !rowBands.some((k) => sameBand(k.line, l.line)))
    .map((l) => l.extra!);
  const rowSpace = rowSpaces.length ? median(rowSpaces) : undefined;
  const ownParagraphSpace = paragraphSpaces.length ? median(paragraphSpaces) : undefined;
  // A table that shows no paragraph of its own (one row on the page) is set like the document's tables before it.
  const paragraphSpace = ownParagraphSpace ?? (e.paragraphShare === undefined ? undefined : e.paragraphShare * size);

  const starts: number[] = [];
  keyLines.forEach((k, n) => {
    let opens = verdicts[n] === 'row';
    // Only the key column holds text (an action cut by the page goes on alone): nothing says a row starts.
    if (verdicts[n] === 'ambiguous' && !options.confirmedOnly && others.length > 0) opens = ambiguousOpensRow(k.extra!, rowSpace, paragraphSpace, k.line.y0 - keyLines[n - 1]!.line.y1, k.line.fontSize || size);
    if (opens) starts.push(n);
  });
  const startLines = starts.map((n) => keyLines[n]!.line);
  if (!options.confirmedOnly) {
    const tail = keylessStart(keyLines, others, rowSpace, paragraphSpace, size);
    if (tail) startLines.push(tail);
  }
  const spans = spansAt(startLines, columns.flat().map((l) => l.line), body);
  return ownParagraphSpace === undefined ? { spans } : { spans, paragraphShare: ownParagraphSpace / size };
}

/**
 * A row whose key cell went on to the next page (a row cut by the page, its first cell moved whole): below the
 * key column's last line, a band where two other columns at least open a block together, every line of the band
 * opening one with the table's row space (not its paragraph space). Its first line, or undefined.
 */
function keylessStart(keyLines: readonly ColumnLine[], others: readonly ColumnLine[], rowSpace: number | undefined, paragraphSpace: number | undefined, size: number): Line | undefined {
  const lastKey = keyLines[keyLines.length - 1]?.line;
  if (!lastKey || rowSpace === undefined) return undefined;
  for (const o of others) {
    if (!o.opens || o.extra === undefined || o.line.y0 <= lastKey.y1) continue;
    const band = others.filter((b) => sameBand(b.line, o.line));
    if (band.length < 2 || band.some((b) => !b.opens || b.extra === undefined)) continue;
    const space = Math.min(...band.map((b) => b.extra!));
    const gap = Math.min(...band.map((b) => b.line.y0)) - lastKey.y1;
    if (ambiguousOpensRow(space, rowSpace, paragraphSpace, gap, o.line.fontSize || size)) return o.line;
  }
  return undefined;
}

/**
 * A block that only the key column opens (the other cells of the row are empty): a row when its space is
 * nearer to the table's row space than to its paragraph space. When the two cannot be told apart (within a
 * tenth of the type size) it is a paragraph unless the space exceeds both by a line: a row of one filled cell is
 * rarer than an action of several paragraphs. Without rows to learn from, the gap between the lines' boxes must
 * exceed three quarters of the type size, and the space must not be the paragraph space.
 */
export function ambiguousOpensRow(space: number, rowSpace: number | undefined, paragraphSpace: number | undefined, gap: number, size: number): boolean {
  const margin = 0.1 * size;
  // No row to learn from (a page holding one row, or the rest of one): a block opening with the table's own
  // paragraph space is a paragraph, whatever the gap.
  if (rowSpace === undefined) return (paragraphSpace === undefined || Math.abs(space - paragraphSpace) > margin) && gap > 0.75 * size;
  if (space < rowSpace - margin) return false;
  if (paragraphSpace === undefined) return true;
  if (Math.abs(rowSpace - paragraphSpace) <= margin) return space > Math.max(rowSpace, paragraphSpace) + size;
  // Nearer the paragraph space: a paragraph; beyond it by more than half the difference (an empty row): a row.
  return Math.abs(space - rowSpace) < Math.abs(space - paragraphSpace) || space > paragraphSpace + Math.max(margin, 0.5 * Math.abs(rowSpace - paragraphSpace));
}

/** Spans from the lines that open rows: each edge halfway between the line centres on either side. */
function spansAt(startLines: readonly Line[], all: readonly Line[], body: readonly TextItem[]): RowSpan[] {
  const top = Math.min(...body.map((i) => i.y0)) - 0.5;
  const bottom = Math.max(...body.map((i) => i.y1)) + 0.5;
  const spans: RowSpan[] = [];
  let y0 = top;
  for (const start of startLines) {
    const band = all.filter((l) => sameBand(l, start));
    const bandCentre = Math.min(...band.map(centerY));
    // Text above the first row start (the tail of a row cut by the page) is a row of its own.
    const h = start.y1 - start.y0;
    const above = all.filter((l) => centerY(l) < bandCentre - 0.25 * h);
    if (!above.length) continue;
    // A line above running beside the first start (a cut cell's tail set off the baseline) is of its row.
    if (start === startLines[0] && above.some((l) => !l.items.every((i) => i.y1 <= start.y0 + 0.2 * h))) continue;
    const aboveCentres = above.map(centerY);
    const edge = (Math.max(...aboveCentres) + bandCentre) / 2;
    spans.push({ y0, y1: edge, open: false });
    y0 = edge;
  }
  spans.push({ y0, y1: bottom, open: false });
  return spans;
}

/** Without a key column: runs of text separated by gaps wider than three quarters of the type size. */
function spansFromRuns(e: RowEvidence): RowSpan[] {
  const runs = mergeIntervals(e.body.map((i) => [i.y0, i.y1] as [number, number]), 0.75 * e.size);
  const spans = runs.map(([a, b]) => ({ y0: a - 0.5, y1: b + 0.5, open: false }));
  for (let k = 0; k + 1 < spans.length; k++) {
    const mid = (spans[k]!.y1 + spans[k + 1]!.y0) / 2;
    spans[k]!.y1 = mid;
    spans[k + 1]!.y0 = mid;
  }
  return spans;
}

/** The font carrying most of the line's characters. */
function mainFont(line: Line): string | undefined {
  const chars = new Map<string, number>();
  for (const i of line.items) chars.set(i.fontName, (chars.get(i.fontName) ?? 0) + i.text.length);
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * Lines that wrap a header cell ("Partenaires" over "associés") when nothing drawn closes the header: in a
 * column, the lines following the header's own line in its type (size, weight and font) that open no block (they
 * stand at the line pitch, where the first row stands a cell padding further down), or stand less than half as
 * far below it as the first lines of the other columns (a header set with its own leading).
 */
export function headerWraps(headerItems: readonly TextItem[], body: readonly TextItem[], xs: readonly number[], tolerance: number): TextItem[] {
  const inHeader = new Set(headerItems);
  const { columns } = columnLines([...headerItems, ...body], xs, tolerance);
  const lastHeaderLine = columns.map((column) => {
    let k = column.findIndex((l) => l.line.items.some((i) => inHeader.has(i)));
    while (k >= 0 && column[k + 1]?.line.items.some((i) => inHeader.has(i))) k++;
    return k;
  });
  const firstSpaces = columns.flatMap((column, c) => {
    const next = lastHeaderLine[c]! >= 0 ? column[lastHeaderLine[c]! + 1] : undefined;
    return next?.extra !== undefined ? [next.extra] : [];
  });
  const rowSpace = median(firstSpaces);
  const wraps: TextItem[] = [];
  columns.forEach((column, c) => {
    const k0 = lastHeaderLine[c]!;
    if (k0 < 0) return;
    const head = column[k0]!.line;
    // Its type: size, weight and font (a producer may set the header in a font its name does not call bold).
    const headerType = (l: Line) => l.bold === head.bold && Math.abs(l.fontSize - head.fontSize) <= 0.05 * head.fontSize && mainFont(l) === mainFont(head);
    for (let k = k0 + 1; k < column.length; k++) {
      const l = column[k]!;
      if (!headerType(l.line) || (l.opens && l.extra! >= 0.5 * rowSpace)) break;
      wraps.push(...l.line.items.filter((i) => !inHeader.has(i)));
    }
  });
  return wraps;
}
