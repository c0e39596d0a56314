/**
 * Generic reading of a document's structure from its page model, whatever its kind: a heading hierarchy from the
 * relative size and weight of its lines, lists (markers typed, drawn as glyphs or as shapes, hanging indents),
 * multi-column sections read column by column, key-figure grids (big numbers with captions) and run-in lists.
 */
import type { PageModel } from '../../sources/page-model.js';
import { readBlocks, textStyles } from './blocks.js';
import { readPageLines } from './page.js';
import type { StructureBlock, StructureLine, TextStyles } from './types.js';

export { headingLevel, isStandaloneHeading, readBlocks, type StyledText, textStyles } from './blocks.js';
export { runInItems } from './lists.js';
export { bodySizeOf, markerOf, readPageLines } from './page.js';
export type { HeadingStyle, StructureBlock, StructureLine, TextStyles } from './types.js';

/** Collects each page's structure lines as pages arrive (numbering reading units across pages). */
export class StructureCollector {
  readonly lines: StructureLine[] = [];
  private leaves = 0;

  add(page: PageModel): void {
    const lines = readPageLines(page, this.leaves);
    for (const l of lines) this.leaves = Math.max(this.leaves, l.leaf);
    this.lines.push(...lines);
  }
}

export interface DocumentStructure {
  styles: TextStyles;
  blocks: StructureBlock[];
  lines: StructureLine[];
}

/** The structure of a document from its pages' lines (see StructureCollector), or from page models directly. */
export function readDocumentStructure(source: readonly PageModel[] | { lines: readonly StructureLine[] }): DocumentStructure {
  let lines: StructureLine[];
  if ('lines' in source) lines = [...source.lines];
  else {
    const c = new StructureCollector();
    for (const p of source) c.add(p);
    lines = c.lines;
  }
  const styles = textStyles(lines);
  return { styles, blocks: readBlocks(lines, styles), lines };
}
