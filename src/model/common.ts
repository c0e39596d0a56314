import { z } from 'zod';

/** Version of the JSON documents `fdr` writes; bumped on any breaking change of the schemas. */
export const SCHEMA_VERSION = '1.0.0';

/** x0, y0, x1, y1 in PDF points, origin at the top-left corner of the page. */
export const BBox = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .describe('Bounding box [x0, y0, x1, y1] in PDF points, origin at the top-left corner of the page');
export type BBox = z.infer<typeof BBox>;

/** Where a piece of extracted text came from, so a user can check it against the source. */
export const Provenance = z
  .object({
    page: z.number().int().positive().optional().describe('1-based page number (PDF input)'),
    bbox: BBox.optional(),
    lines: z
      .tuple([z.number().int().positive(), z.number().int().positive()])
      .optional()
      .describe('1-based first and last source line (text or markdown input)'),
    ocr: z.literal(true).optional().describe('The text was read by OCR from an image of the page (no text layer, or --ocr force)'),
    ocrConfidence: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe('OCR: mean confidence of the words read in the box (or on the page), 0–1'),
  })
  .describe('Location of the text in the source document');
export type Provenance = z.infer<typeof Provenance>;

export const SourceFormat = z.enum(['pdf', 'text', 'markdown', 'json']).describe('Format of the input file');
export type SourceFormat = z.infer<typeof SourceFormat>;

export const SourceInfo = z
  .object({
    file: z.string().describe('Input file name as given on the command line'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the input bytes'),
    format: SourceFormat,
    pages: z.number().int().nonnegative().optional().describe('Number of pages (PDF input)'),
    ocr: z
      .object({
        pages: z.array(z.number().int().positive()).describe('1-based pages read by OCR'),
        confidence: z.number().min(0).max(1).describe('Mean word confidence over those pages, 0–1'),
      })
      .optional()
      .describe('Present when pages were read by OCR (PDF input without a usable text layer, or --ocr force)'),
  })
  .describe('The document the data was extracted from');
export type SourceInfo = z.infer<typeof SourceInfo>;

export const Warning = z
  .object({
    code: z.string().describe('Stable identifier of the warning, e.g. "axis-title-mismatch"'),
    message: z.string().describe('Human-readable explanation'),
    at: Provenance.optional(),
  })
  .describe('Something the extractor noticed but could not settle: never silent, never fatal');
export type Warning = z.infer<typeof Warning>;

export const Signatory = z
  .object({
    name: z.string().describe('Person name as printed'),
    role: z.string().describe('Role or title as printed, wrapped lines joined'),
  })
  .describe('A signatory of the editorial page');
export type Signatory = z.infer<typeof Signatory>;

/** The `$id` of each published JSON Schema (schemas/<kind>.schema.json), also written as `$schema` in outputs. */
export function schemaId(kind: string): string {
  return `https://feuille-de-route.org/schemas/v1/${kind}.schema.json`;
}
