import { z } from 'zod';
import { Provenance, SCHEMA_VERSION, SourceInfo, Warning } from './common.js';

export const IsoDateOrEmpty = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/)
  .describe('ISO date YYYY-MM-DD, or "" when the document gives none');

export const WorkshopEvent = z
  .object({
    territory: z.string().describe('Territory (e.g. CTS) as printed; "" if none'),
    department: z.string().describe('Département; "" if none'),
    place: z.string().describe('Place (town, venue) as printed'),
    date: IsoDateOrEmpty,
    provenance: Provenance.optional(),
  })
  .describe('One announced workshop');
export type WorkshopEvent = z.infer<typeof WorkshopEvent>;

export const Events = z
  .object({
    $schema: z.string().optional().describe('URL of this JSON Schema'),
    schemaVersion: z.string().default(SCHEMA_VERSION).describe('Version of the fdr output schema'),
    kind: z.literal('events').describe('Document kind'),
    source: SourceInfo,
    region: z.string().describe('Region, e.g. "Hauts-de-France"'),
    title: z.string().describe('Document title as printed'),
    date: IsoDateOrEmpty.describe("The document's own date"),
    period: z
      .object({ start: IsoDateOrEmpty, end: IsoDateOrEmpty })
      .optional()
      .describe('Period the events span, when the document states one'),
    events: z.array(WorkshopEvent).describe('The announced workshops, in document order'),
    agenda: z
      .array(
        z
          .object({ time: z.string().describe('Time as printed, e.g. "9h"'), item: z.string().describe('What happens at that time') })
          .describe('One agenda slot'),
      )
      .describe('Programme of a workshop day, in order'),
    challenges: z
      .array(
        z
          .object({ title: z.string().describe('Challenge heading'), text: z.string().describe('Challenge explanation, wrapped lines joined') })
          .describe('A challenge the workshops address'),
      )
      .describe('Challenges the workshops address, in document order'),
    deployedMeasures: z.array(z.string()).describe('Measures already deployed, as listed'),
    warnings: z.array(Warning).describe('What the extractor could not settle; [] when nothing'),
  })
  .describe('An announcement or organisation note of territorial workshops');
export type Events = z.infer<typeof Events>;
