import type { ActionProvenance, Provenance, Warning } from '../../model/index.js';
import type { ProseLine, RoadmapBlock, RoadmapReading } from './blocks.js';
import { type CellLine, columnName, emptyCells, joinCell } from './text-dump/cells.js';
import { actionWidthOf, readRows } from './text-dump/columns.js';
import { type Column, COLUMN_ORDER } from './text-dump/features.js';
import { type Band, readLayout, type TableSegment } from './text-dump/layout.js';

const lines1 = (first: number, last: number): Provenance => ({ lines: [first + 1, last + 1] });

/** Median of the pages' action-column widths: a page whose first action is one short line borrows it. */
function documentActionWidth(segments: readonly TableSegment[]): number | undefined {
  const widths = segments
    .filter((s) => s.lines.length >= 2 && !s.lines[1]!.blankBefore)
    .map((s) => actionWidthOf(s.lines))
    .sort((a, b) => a - b);
  return widths.length ? widths[Math.floor(widths.length / 2)] : undefined;
}

function bandBlocks(band: Band | undefined): RoadmapBlock[] {
  if (!band) return [];
  const out: RoadmapBlock[] = [];
  if (band.axis) out.push({ type: 'axis', number: band.axis.number, at: lines1(band.axis.first, band.axis.last) });
  if (band.chantier) out.push({ type: 'chantier', title: band.chantier.title, at: lines1(band.chantier.first, band.chantier.last) });
  return out;
}

function rowBlocks(segment: TableSegment, documentWidth: number | undefined): RoadmapBlock[] {
  let width = actionWidthOf(segment.lines);
  if (documentWidth && (width < documentWidth * 0.8 || width > documentWidth * 1.25)) width = documentWidth;
  const out: RoadmapBlock[] = [];
  for (const row of readRows(segment.lines, width)) {
    const byColumn: CellLine[][] = [[], [], [], []];
    const where: { first: number; last: number }[] = [];
    for (const p of row.pieces) {
      byColumn[p.column]!.push({ text: p.text, blankBefore: p.blankBefore });
      const w = where[p.column];
      where[p.column] = w ? { first: Math.min(w.first, p.index), last: Math.max(w.last, p.index) } : { first: p.index, last: p.index };
    }
    const cells = emptyCells();
    const cellsAt: NonNullable<ActionProvenance['cells']> = {};
    COLUMN_ORDER.forEach((_, c) => {
      const name = columnName(c as Column);
      cells[name] = joinCell(c as Column, byColumn[c]!);
      const w = where[c];
      if (w && cells[name]) cellsAt[name] = lines1(w.first, w.last);
    });
    const indices = row.pieces.map((p) => p.index);
    // Without positions, which line went into which cell is read from its wording only.
    out.push({
      type: 'row',
      cells,
      at: { ...lines1(Math.min(...indices), Math.max(...indices)), cells: cellsAt },
      weak: [{ field: 'row', reason: 'cells-inferred-from-content' }],
    });
  }
  return out;
}

/**
 * Reads a roadmap dumped to plain text by a PDF converter (reading order, no positions; see text-dump/layout.ts
 * for the page structure). Table rows are rebuilt by text-dump/columns.ts; everything outside the tables is
 * returned as prose for the front-matter reader.
 */
export function readTextDumpRoadmap(text: string): RoadmapReading {
  const layout = readLayout(text);
  const warnings: Warning[] = [];
  const documentWidth = documentActionWidth(layout.segments);
  const ordered: { key: number; blocks: RoadmapBlock[] }[] = [];
  const axisTitles: RoadmapReading['axisTitles'] = new Map();

  for (const divider of layout.dividers) {
    const { marker, title } = divider;
    const at = lines1(marker.first, marker.last);
    if (title && !axisTitles.has(marker.number)) axisTitles.set(marker.number, { title: title.text, at: lines1(title.first, title.last) });
    ordered.push({ key: marker.first, blocks: [{ type: 'axis', number: marker.number, ...(title ? { title: title.text } : {}), at }] });
  }
  for (const segment of layout.segments) {
    if (!segment.lines.length) continue;
    if (!segment.band)
      warnings.push({
        code: 'table-without-chantier',
        message: 'a table page has no "Chantier :" band: its rows continue the previous chantier',
        at: lines1(segment.header, segment.header),
      });
    ordered.push({ key: segment.header, blocks: [...bandBlocks(segment.band), ...rowBlocks(segment, documentWidth)] });
  }
  for (const band of layout.orphanBands) {
    warnings.push({
      code: 'chantier-without-table',
      message: `chantier "${band.chantier?.title ?? ''}" has no table rows`,
      at: lines1(band.first, band.last),
    });
    ordered.push({ key: band.first, blocks: bandBlocks(band) });
  }
  ordered.sort((a, b) => a.key - b.key);

  const prose: ProseLine[] = layout.prose.map((k) => ({ text: layout.lines[k]!, at: lines1(k, k) }));
  return { blocks: ordered.flatMap((o) => o.blocks), prose, axisTitles, warnings };
}
