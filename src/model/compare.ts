import { z } from 'zod';
import { SCHEMA_VERSION, SourceFormat } from './common.js';

export const ComparedTerritory = z
  .object({
    name: z.string().describe('Column name: the territory read from the document, with the file name added when two documents share it'),
    territory: z.string().describe('Territory as read from the document'),
    territoryType: z.enum(['cts', 'departement']).describe('"cts" or "departement"'),
    title: z.string().describe('Document title'),
    period: z.string().describe('Period covered, "" if not found'),
    file: z.string().describe('Input file as given on the command line'),
    format: SourceFormat,
  })
  .describe('One compared document');
export type ComparedTerritory = z.infer<typeof ComparedTerritory>;

export const TerritoryFigures = z
  .object({
    territory: z.string().describe('Territory name (see territories[].name)'),
    chantiers: z.number().int().nonnegative().describe('Number of chantiers'),
    actions: z.number().int().nonnegative().describe('Number of actions (table rows)'),
    fundingTotalEur: z.number().nonnegative().describe('Sum of the parsed funding amounts, in euros'),
    actionsWithoutAmount: z
      .number()
      .int()
      .nonnegative()
      .describe('Actions whose funding has no readable amount (empty financement cell included)'),
    actionsWithoutFinancement: z.number().int().nonnegative().describe('Actions whose financement cell is empty'),
  })
  .describe('Figures of one territory for one axis (or for the whole document)');
export type TerritoryFigures = z.infer<typeof TerritoryFigures>;

export const ChantierPresence = z
  .object({
    title: z.string().describe('Chantier title, as written by the first territory that has it; "" for a table without a chantier line'),
    territories: z
      .array(
        z
          .object({
            territory: z.string().describe('Territory name (see territories[].name)'),
            title: z.string().nullable().describe('The chantier title as this territory writes it; null when the territory does not address it'),
            actions: z.number().int().nonnegative().describe('Number of actions of this territory in the chantier (0 when absent)'),
          })
          .describe('Presence of the chantier in one territory'),
      )
      .describe('One entry per territory, in the order of the inputs'),
  })
  .describe('A row of the chantier presence matrix: chantier titles matched across territories by similarity');
export type ChantierPresence = z.infer<typeof ChantierPresence>;

export const AxisComparison = z
  .object({
    number: z.number().int().describe('Axis number (N of "Action prioritaire #N")'),
    title: z.string().describe('Axis title, from the first document that has it, else the PRS reference title'),
    figures: z.array(TerritoryFigures).describe('One entry per territory, in the order of the inputs (zeros when a territory lacks the axis)'),
    chantiers: z.array(ChantierPresence).describe('Chantier presence matrix of the axis'),
  })
  .describe('One axis compared across territories');
export type AxisComparison = z.infer<typeof AxisComparison>;

export const TerritoryComparison = z
  .object({
    $schema: z.string().optional().describe('URL of this JSON Schema'),
    schemaVersion: z.string().default(SCHEMA_VERSION).describe('Version of the fdr output schema'),
    kind: z.literal('compare').describe('Always "compare"'),
    territories: z.array(ComparedTerritory).describe('The compared documents, in the order of the inputs'),
    axes: z.array(AxisComparison).describe('Every axis present in at least one document, by number'),
    totals: z.array(TerritoryFigures).describe('Whole-document figures, one entry per territory'),
  })
  .describe('Territories compared side by side, axis by axis (fdr compare)');
export type TerritoryComparison = z.infer<typeof TerritoryComparison>;
