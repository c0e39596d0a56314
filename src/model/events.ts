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
    $schema: z.string().optional(),
    schemaVersion: z.string().default(SCHEMA_VERSION),
    kind: z.literal('events'),
    source: SourceInfo,
    region: z.string(),
    title: z.string(),
    date: IsoDateOrEmpty.describe("The document's own date"),
    period: z
      .object({ start: IsoDateOrEmpty, end: IsoDateOrEmpty })
      .optional()
      .describe('Period the events span, when the document states one'),
    events: z.array(WorkshopEvent),
    agenda: z.array(z.object({ time: z.string(), item: z.string() }).describe('One agenda slot')),
    challenges: z.array(z.object({ title: z.string(), text: z.string() }).describe('A challenge the workshops address')),
    deployedMeasures: z.array(z.string()).describe('Measures already deployed, as listed'),
    warnings: z.array(Warning),
  })
  .describe('An announcement or organisation note of territorial workshops');
export type Events = z.infer<typeof Events>;
