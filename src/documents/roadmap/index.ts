import { FdrError } from '../../errors/index.js';
import type { Roadmap, SourceInfo } from '../../model/index.js';
import { assembleRoadmap } from './assemble.js';
import type { RoadmapReading } from './blocks.js';
import { readMarkdownRoadmap } from './markdown-reader.js';
import { readTextDumpRoadmap } from './text-dump-reader.js';

export { assembleRoadmap } from './assemble.js';
export type { RoadmapBlock, RoadmapReading, ProseLine, RowCells } from './blocks.js';

/** A reading with no table row is not a roadmap we can extract: say so rather than return an empty model. */
export function requireRows(reading: RoadmapReading, file: string): void {
  if (!reading.blocks.some((b) => b.type === 'row'))
    throw new FdrError('NO_ROADMAP_TABLE', 'no roadmap table found (no "Actions | Financement | Indicateur | Commentaires" rows)', {
      file,
      hint: 'the document does not look like a feuille de route (is it a restitution or an announcement?)',
    });
}

/** Roadmap from a text or markdown dump made by a PDF converter. */
export function parseRoadmapText(text: string, source: SourceInfo): Roadmap {
  const reading = source.format === 'markdown' ? readMarkdownRoadmap(text) : readTextDumpRoadmap(text);
  requireRows(reading, source.file);
  return assembleRoadmap(reading, source);
}
