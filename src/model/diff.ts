import { z } from 'zod';
import { SCHEMA_VERSION, SourceFormat } from './common.js';

/** The four cells of a roadmap row, the unit `fdr diff` compares field by field. */
export const CellField = z
  .enum(['action', 'financement', 'indicateur', 'commentaire'])
  .describe('A cell of a roadmap row: "action", "financement", "indicateur" or "commentaire"');
export type CellField = z.infer<typeof CellField>;

export const DiffEdition = z
  .object({
    file: z.string().describe('Input file as given on the command line'),
    sha256: z.string().describe('SHA-256 of the input bytes'),
    format: SourceFormat,
    territory: z.string().describe('Territory the roadmap is for, as read from the document'),
    title: z.string().describe('Document title'),
    period: z.string().describe('Period covered, "" if not found'),
    axes: z.number().int().nonnegative().describe('Number of axes in this edition'),
    chantiers: z.number().int().nonnegative().describe('Number of chantiers in this edition'),
    actions: z.number().int().nonnegative().describe('Number of actions (table rows) in this edition'),
    fundingTotalEur: z.number().describe('Sum of the parsed funding amounts of all actions, in euros'),
  })
  .describe('One of the two editions being compared');
export type DiffEdition = z.infer<typeof DiffEdition>;

export const ChantierPlace = z
  .object({
    axis: z.number().int().describe('Axis number (N of "Action prioritaire #N")'),
    chantier: z.string().describe('Chantier title; "" for a table without a chantier line'),
  })
  .describe('Where an action sits: axis and chantier');
export type ChantierPlace = z.infer<typeof ChantierPlace>;

export const ActionSnapshot = z
  .object({
    axis: z.number().int().describe('Axis number (N of "Action prioritaire #N")'),
    chantier: z.string().describe('Chantier title; "" for a table without a chantier line'),
    position: z.number().int().nonnegative().describe('0-based index of the row within its chantier'),
    action: z.string().describe('The "Actions" cell'),
    financement: z.string().describe('The "Financement" cell'),
    indicateur: z.string().describe('The "Indicateur(s)" cell'),
    commentaire: z.string().describe('The "Commentaires" cell'),
    fundingTotalEur: z.number().nullable().describe('Parsed funding of the row in euros, null when no amount could be read'),
  })
  .describe('One action (table row) as it reads in one edition');
export type ActionSnapshot = z.infer<typeof ActionSnapshot>;

export const WordDiffPart = z
  .object({
    op: z.enum(['equal', 'delete', 'insert']).describe('"equal": in both texts; "delete": only in the old text; "insert": only in the new text'),
    text: z.string().describe('The words of this part, joined with single spaces'),
  })
  .describe('A run of words of a word-level diff');
export type WordDiffPart = z.infer<typeof WordDiffPart>;

export const FundingChange = z
  .object({
    before: z.number().nullable().describe('Parsed funding before, in euros; null when no amount could be read'),
    after: z.number().nullable().describe('Parsed funding after, in euros; null when no amount could be read'),
    delta: z.number().nullable().describe('after − before in euros; null when either side has no amount'),
  })
  .describe('Change of the parsed funding amount');
export type FundingChange = z.infer<typeof FundingChange>;

export const ActionChangeType = z
  .enum(['added', 'removed', 'changed', 'split', 'merged'])
  .describe(
    '"added": only in the new edition; "removed": only in the old one; "changed": the same action, modified and/or moved and/or re-funded; "split": one old row became two; "merged": two old rows became one',
  );
export type ActionChangeType = z.infer<typeof ActionChangeType>;

export const ActionChange = z
  .object({
    type: ActionChangeType,
    old: z.array(ActionSnapshot).describe('The action(s) in the old edition: none for "added", two for "merged"'),
    new: z.array(ActionSnapshot).describe('The action(s) in the new edition: none for "removed", two for "split"'),
    fields: z
      .array(CellField)
      .describe('Cells whose text changed (whitespace and typography ignored); for a split or merge, the two rows are compared joined'),
    textDiff: z
      .array(WordDiffPart)
      .nullable()
      .describe('Word-level diff of the "Actions" cell when it changed (joined rows for a split or merge), else null'),
    moved: z
      .object({ from: ChantierPlace, to: ChantierPlace })
      .nullable()
      .describe('Set when the action now sits in another chantier or axis'),
    funding: FundingChange.nullable().describe('Set when the parsed funding amount changed'),
    similarity: z.number().min(0).max(1).describe('Similarity of the old and new "Actions" texts, 0 to 1 (1 for added/removed)'),
  })
  .describe('What happened to one action between the two editions');
export type ActionChange = z.infer<typeof ActionChange>;

export const ChantierChange = z
  .object({
    type: z
      .enum(['added', 'removed', 'renamed', 'moved'])
      .describe('"added"/"removed": the chantier exists in one edition only; "renamed": its title was reworded; "moved": it now sits in another axis'),
    before: ChantierPlace.nullable().describe('The chantier in the old edition; null when added'),
    after: ChantierPlace.nullable().describe('The chantier in the new edition; null when removed'),
  })
  .describe('A chantier added, removed, renamed or moved to another axis');
export type ChantierChange = z.infer<typeof ChantierChange>;

export const AxisChange = z
  .object({
    type: z.enum(['added', 'removed', 'retitled']).describe('"added"/"removed": the axis exists in one edition only; "retitled": its title was reworded'),
    number: z.number().int().describe('Axis number'),
    before: z.string().nullable().describe('Axis title in the old edition; null when added'),
    after: z.string().nullable().describe('Axis title in the new edition; null when removed'),
  })
  .describe('An axis added, removed or retitled');
export type AxisChange = z.infer<typeof AxisChange>;

export const DocumentFieldChange = z
  .object({
    field: z.enum(['title', 'region', 'territory', 'territoryType', 'period']).describe('Front-matter field that changed'),
    before: z.string().describe('Value in the old edition'),
    after: z.string().describe('Value in the new edition'),
  })
  .describe('A change of the document front matter');
export type DocumentFieldChange = z.infer<typeof DocumentFieldChange>;

export const DiffSummary = z
  .object({
    added: z.number().int().nonnegative().describe('Actions added'),
    removed: z.number().int().nonnegative().describe('Actions removed'),
    modified: z.number().int().nonnegative().describe('Actions whose cells changed (split and merged rows not included)'),
    moved: z.number().int().nonnegative().describe('Actions now in another chantier or axis'),
    split: z.number().int().nonnegative().describe('Rows split in two'),
    merged: z.number().int().nonnegative().describe('Pairs of rows merged into one'),
    fundingChanged: z.number().int().nonnegative().describe('Matched actions whose parsed funding changed'),
    unchanged: z.number().int().nonnegative().describe('Actions identical in both editions (whitespace and typography aside)'),
    chantiersAdded: z.number().int().nonnegative().describe('Chantiers added'),
    chantiersRemoved: z.number().int().nonnegative().describe('Chantiers removed'),
    chantiersRenamed: z.number().int().nonnegative().describe('Chantiers whose title was reworded'),
    chantiersMoved: z.number().int().nonnegative().describe('Chantiers moved to another axis'),
    axesAdded: z.number().int().nonnegative().describe('Axes added'),
    axesRemoved: z.number().int().nonnegative().describe('Axes removed'),
    fundingTotal: FundingChange.describe('Total parsed funding of the whole document, before and after'),
  })
  .describe('Counts of the changes');
export type DiffSummary = z.infer<typeof DiffSummary>;

export const RoadmapDiff = z
  .object({
    $schema: z.string().optional().describe('URL of this JSON Schema'),
    schemaVersion: z.string().default(SCHEMA_VERSION).describe('Version of the fdr output schema'),
    kind: z.literal('diff').describe('Always "diff"'),
    old: DiffEdition.describe('The old edition'),
    new: DiffEdition.describe('The new edition'),
    hasChanges: z.boolean().describe('False when the editions are the same (whitespace and typography aside)'),
    summary: DiffSummary,
    document: z.array(DocumentFieldChange).describe('Front-matter changes'),
    axes: z.array(AxisChange).describe('Axes added, removed or retitled'),
    chantiers: z.array(ChantierChange).describe('Chantiers added, removed, renamed or moved'),
    actions: z.array(ActionChange).describe('Actions added, removed, changed, split or merged; unchanged actions are not listed'),
  })
  .describe('What changed between two editions of a roadmap (fdr diff)');
export type RoadmapDiff = z.infer<typeof RoadmapDiff>;
