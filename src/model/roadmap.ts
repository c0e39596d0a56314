import { z } from 'zod';
import { BBox, Provenance, SCHEMA_VERSION, Signatory, SourceInfo, Warning } from './common.js';

export const Funding = z
  .object({
    source: z
      .string()
      .nullable()
      .describe('Funding instrument: FIR, PRIAC, ONDAM, CNR, T2A, ARS, FIR Région, CPOM, SNU, … or null when none is named'),
    amount: z.number().nonnegative().nullable().describe('Amount in euros, or null when none is given ("Montant à définir", "NC")'),
    per: z.string().nullable().describe('Unit the amount applies to, e.g. "par CRT", "par an", or null'),
    period: z.string().nullable().describe('Year or range of years the funding covers, e.g. "2024", "2023-2027", or null'),
    raw: z.string().describe('The text this funding was read from'),
  })
  .describe('One funding line parsed from the financement cell');
export type Funding = z.infer<typeof Funding>;

export const Indicator = z
  .object({
    label: z.string().describe('What is measured'),
    target: z.string().optional().describe('Target value as printed ("100%", "40", "+10 MSP en 2024")'),
    baseline: z.string().optional().describe('Starting value as printed'),
    year: z.string().optional().describe('Year the target applies to, when printed'),
  })
  .describe('One indicator parsed from the indicateur cell');
export type Indicator = z.infer<typeof Indicator>;

export const CellProvenance = z
  .object({
    action: Provenance.optional(),
    financement: Provenance.optional(),
    indicateur: Provenance.optional(),
    commentaire: Provenance.optional(),
  })
  .describe('Location of each cell of the row');

export const ActionProvenance = Provenance.extend({ cells: CellProvenance.optional() }).describe(
  'Location of the whole row, and of each of its cells',
);
export type ActionProvenance = z.infer<typeof ActionProvenance>;

/** Why a part of an action rests on weak evidence (what a reviewer should look at first). */
export const WeakEvidenceReason = z
  .enum([
    'chantier-continued-by-guess',
    'column-by-gutter',
    'row-boundary-by-gap',
    'header-matched-fuzzily',
    'row-joined-across-pages',
    'cells-inferred-from-content',
    'ocr-low-confidence',
  ])
  .describe(
    'chantier-continued-by-guess: no chantier title on the page, the previous one was carried over; column-by-gutter: the column edges come from whitespace only (no rules, no shading); row-boundary-by-gap: the row was cut from its neighbours by vertical gaps only (no rules); header-matched-fuzzily: a header cell was recognised from a variant wording; row-joined-across-pages: the row was joined with its continuation on the next page; cells-inferred-from-content: a text dump without positions, cells attributed by their wording; ocr-low-confidence: the cell was read by OCR with a mean word confidence below 0.8',
  );
export type WeakEvidenceReason = z.infer<typeof WeakEvidenceReason>;

export const WeakEvidence = z
  .object({
    field: z
      .enum(['chantier', 'row', 'action', 'financement', 'indicateur', 'commentaire'])
      .describe('The part of the action concerned: a cell, the row as a whole, or its chantier'),
    reason: WeakEvidenceReason,
  })
  .describe('One piece of weak evidence behind an action');
export type WeakEvidence = z.infer<typeof WeakEvidence>;

export const Action = z
  .object({
    action: z.string().describe('The "Actions" cell, as printed (wrapped lines joined, list items on their own lines)'),
    financement: z.string().describe('The "Financement" cell, as printed; "" when empty'),
    indicateur: z.string().describe('The "Indicateur(s)" cell, as printed, one indicator per line; "" when empty'),
    commentaire: z.string().describe('The "Commentaires" cell, as printed; "" when empty'),
    fundings: z.array(Funding).describe('The financement cell parsed into funding lines'),
    fundingTotalEur: z
      .number()
      .nullable()
      .describe('Sum of the parsed amounts (null when no amount could be read); components of a stated total are not double-counted'),
    indicators: z.array(Indicator).describe('The indicateur cell split into indicators'),
    extra: z
      .record(z.string(), z.string())
      .default({})
      .describe('Cells of columns that are not one of the four roadmap columns ("Pilote(s)", "Échéance", "Partenaires"…), by header text as printed; {} when the table has none'),
    confidence: z
      .number()
      .min(0)
      .max(1)
      .default(1)
      .describe('How sure the reader is that this row was read right (1 = ruled cells, recognised header, nothing guessed); below 0.7 is worth a look'),
    weakEvidence: z.array(WeakEvidence).default([]).describe('What this action rests on that is weaker than rules and an exact header; [] when nothing'),
    provenance: ActionProvenance,
  })
  .describe('One row of a chantier table');
export type Action = z.infer<typeof Action>;

export const Chantier = z
  .object({
    title: z.string().describe('Title after "Chantier :", "(suite)" removed; "" for a table without a chantier line'),
    actions: z.array(Action).describe('Rows of the chantier table, in document order'),
    provenance: Provenance.optional(),
  })
  .describe('A work stream of an axis');
export type Chantier = z.infer<typeof Chantier>;

export const Axis = z
  .object({
    number: z.number().int().min(0).max(99).describe('N of "Action prioritaire #N"; 0 for rows the document placed under no axis marker (never dropped, always with a warning)'),
    title: z.string().describe('Axis title as printed on its divider page'),
    prsTitle: z.string().nullable().describe('Reference title of PRS Normandie axis N, null if N is out of range'),
    chantiers: z.array(Chantier).describe('Chantiers of the axis in document order; one continued over several pages is one chantier'),
    provenance: Provenance.optional(),
  })
  .describe('A priority axis of the Projet régional de santé');
export type Axis = z.infer<typeof Axis>;

export const TransversalPriority = z
  .object({
    title: z.string().describe('Section heading as printed'),
    text: z.string().describe('Section body, wrapped lines joined'),
    provenance: Provenance.optional(),
  })
  .describe('A transversal priority section');
export type TransversalPriority = z.infer<typeof TransversalPriority>;

export const UnrecognisedTable = z
  .object({
    page: z.number().int().positive().describe('1-based page number'),
    bbox: BBox,
    rows: z.array(z.array(z.string())).describe('The table as text, row by row, cell by cell (first row = its header, as printed)'),
    reason: z.string().describe('Why it was not read as a roadmap table'),
  })
  .describe('A table the roadmap reader could not map to Actions / Financement / Indicateur / Commentaires');
export type UnrecognisedTable = z.infer<typeof UnrecognisedTable>;

export const Roadmap = z
  .object({
    $schema: z.string().optional().describe('URL of this JSON Schema'),
    schemaVersion: z.string().default(SCHEMA_VERSION).describe('Version of the fdr output schema'),
    kind: z.literal('roadmap').describe('Document kind'),
    source: SourceInfo,
    region: z.string().describe('Region, e.g. "Normandie"'),
    territory: z.string().describe('CTS or département the roadmap is for, e.g. "Le Havre", "Calvados"'),
    territoryType: z.enum(['cts', 'departement']).describe('"cts" for a feuille de route territoriale, "departement" for a départementale'),
    title: z.string().describe('Document title, e.g. "Feuille de route territoriale du Havre"'),
    period: z.string().describe('Period covered, e.g. "2024-2025"; "" if not found'),
    signatories: z.array(Signatory).describe('Signatories of the editorial page, in printed order'),
    prsAxes: z.array(z.string()).describe('The 12 PRS axes as listed in the document, in order'),
    axes: z.array(Axis).describe('Priority axes with their chantier tables, in document order'),
    transversalPriorities: z.array(TransversalPriority).describe('Transversal priority sections, in document order'),
    unrecognisedTables: z
      .array(UnrecognisedTable)
      .default([])
      .describe('Tables found among the roadmap pages whose header names no roadmap columns: kept as rows, never dropped (each also has a warning)'),
    warnings: z.array(Warning).describe('What the extractor could not settle; [] when nothing'),
  })
  .describe('A feuille de route territoriale or départementale');
export type Roadmap = z.infer<typeof Roadmap>;
