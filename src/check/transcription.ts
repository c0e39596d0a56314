import { z } from 'zod';
import { foldBlocks } from '../documents/roadmap/assemble.js';
import type { RoadmapBlock } from '../documents/roadmap/blocks.js';
import { Roadmap, SCHEMA_VERSION, type SourceInfo } from '../model/index.js';

/**
 * A roadmap transcribed by hand in the gold format (fixtures/gold/*.gold.json): the four cells of each row as
 * printed, without the fields fdr derives from them (fundings, indicators, provenance, prsTitle, warnings).
 */
export const TranscribedRoadmap = z.object({
  kind: z.literal('roadmap'),
  region: z.string().default(''),
  territory: z.string().default(''),
  territoryType: z.enum(['cts', 'departement']).default('cts'),
  title: z.string().default(''),
  period: z.string().default(''),
  signatories: z.array(z.object({ name: z.string(), role: z.string() })).default([]),
  prsAxes: z.array(z.string()).default([]),
  axes: z.array(
    z.object({
      number: z.number().int().min(1).max(99),
      title: z.string().default(''),
      chantiers: z.array(
        z.object({
          title: z.string(),
          actions: z.array(z.object({ action: z.string(), financement: z.string(), indicateur: z.string(), commentaire: z.string() })),
        }),
      ),
    }),
  ),
  transversalPriorities: z.array(z.object({ title: z.string(), text: z.string() })).default([]),
});
export type TranscribedRoadmap = z.infer<typeof TranscribedRoadmap>;

/**
 * Builds the full model of a transcribed roadmap through the assembler (the same fold and the same cell
 * parsing as an extraction), so the rules judge what fdr would make of those cells.
 */
export function roadmapFromTranscription(t: TranscribedRoadmap, source: SourceInfo): Roadmap {
  const blocks: RoadmapBlock[] = t.axes.flatMap((axis) => [
    { type: 'axis' as const, number: axis.number, title: axis.title },
    ...axis.chantiers.flatMap((chantier) => [
      { type: 'chantier' as const, title: chantier.title },
      ...chantier.actions.map((a) => ({
        type: 'row' as const,
        cells: { action: a.action, financement: a.financement, indicateur: a.indicateur, commentaire: a.commentaire },
        at: {},
      })),
    ]),
  ]);
  return Roadmap.parse({
    schemaVersion: SCHEMA_VERSION,
    kind: 'roadmap',
    source,
    region: t.region,
    territory: t.territory,
    territoryType: t.territoryType,
    title: t.title,
    period: t.period,
    signatories: t.signatories,
    prsAxes: t.prsAxes,
    axes: foldBlocks(blocks, new Map()),
    transversalPriorities: t.transversalPriorities,
    warnings: [],
  });
}
