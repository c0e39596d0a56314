import { z } from 'zod';
import { Provenance, SCHEMA_VERSION, Signatory, SourceInfo, Warning } from './common.js';

export const Theme = z
  .object({
    title: z.string().describe('Theme heading in sentence case, accents kept'),
    summary: z.string().describe('What the workshops said about the theme; "" if none'),
    tagline: z.string().describe('"Imaginons des solutions pour..." line; "" if none'),
    propositions: z
      .object({
        local: z.array(z.string()).describe('Propositions "pour une impulsion locale"'),
        national: z.array(z.string()).describe('Propositions "pour alimenter les travaux nationaux"'),
      })
      .describe('Propositions of the theme, by scope'),
    provenance: Provenance.optional(),
  })
  .describe('A workshop theme with its propositions');
export type Theme = z.infer<typeof Theme>;

export const KeyFigures = z
  .object({
    participants: z.number().nullable().describe('Number of participants'),
    hours: z.number().nullable().describe('Hours of debate'),
    workshops: z.number().nullable().describe('Number of workshops'),
    participantShares: z.record(z.string(), z.number()).describe('Share of participants (%) by group, e.g. {"soignants": 47}'),
  })
  .describe('Key figures of the consultation');
export type KeyFigures = z.infer<typeof KeyFigures>;

export const Restitution = z
  .object({
    $schema: z.string().optional().describe('URL of this JSON Schema'),
    schemaVersion: z.string().default(SCHEMA_VERSION).describe('Version of the fdr output schema'),
    kind: z.literal('restitution').describe('Document kind'),
    source: SourceInfo,
    region: z.string().describe('Region, e.g. "Normandie"'),
    date: z.string().describe('Date of the restitution, ISO (YYYY-MM-DD), "" if none'),
    signatories: z.array(Signatory).describe('Signatories of the editorial page, in printed order'),
    keyFigures: KeyFigures,
    workshops: z.array(z.string()).describe('Places where workshops were held, as named'),
    challenges: z.array(z.string()).describe('The challenges (défis) the consultation addressed'),
    engagements: z.array(z.string()).describe('Commitments taken'),
    themes: z.array(Theme).describe('Workshop themes, in document order'),
    warnings: z.array(Warning).describe('What the extractor could not settle; [] when nothing'),
  })
  .describe('A CNR santé restitution brochure');
export type Restitution = z.infer<typeof Restitution>;
