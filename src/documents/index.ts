import { FdrError } from '../errors/index.js';
import type { DocumentKind, ExtractedDocument } from '../model/index.js';
import type { LoadedFile } from '../sources/load.js';
import type { PageModel } from '../sources/page-model.js';
import type { OcrMode, PdfReadOptions, PdfReadSummary } from '../sources/pdf/document.js';
import { resolveLineEndHyphens } from '../text/hyphens.js';
import { detectKind, scoreKinds, type StructureClue } from './detect.js';
import { parseEventsText } from './events/index.js';
import { parseRestitutionText } from './restitution/index.js';
import { parseRoadmapText } from './roadmap/index.js';

export interface ExtractOptions {
  kind?: 'auto' | DocumentKind;
  password?: string;
  /** Called with diagnostics (kind detection, page counts) when --verbose is on. */
  log?: (message: string) => void;
  /** Where --debug writes per-page overlays (PDF input). */
  debugDir?: string;
  maxPages?: number;
  maxItemsPerPage?: number;
  /**
   * How a PDF's pages are read: readPdfPages in this thread by default; the CLI passes a reader that runs in a
   * worker under its time and memory limits (src/batch/page-reader.ts).
   */
  readPages?: PageReading;
  /** PDF input: the pages to read, e.g. "1-3,7" (`--pages`); an error for text input, which has no pages. */
  pages?: string;
  /** PDF: OCR of pages without a text layer (`auto`, default), never (`off`), or of every page (`force`). */
  ocr?: OcrMode;
}

/** Reads a PDF's pages and hands them to `onPage` in page order (the contract of readPdfPages). */
export type PageReading = (bytes: Uint8Array, options: PdfReadOptions, onPage: (page: PageModel) => void | Promise<void>) => Promise<PdfReadSummary>;

type TextParser = (text: string, file: LoadedFile) => ExtractedDocument;

/** Parsers of text/markdown dumps, by kind. Restitution and events register here too. */
export const TEXT_PARSERS: Partial<Record<DocumentKind, TextParser>> = {
  roadmap: (text, file) => parseRoadmapText(text, file.info),
  restitution: (text, file) => parseRestitutionText(text, file.info),
  events: (text, file) => parseEventsText(text, file.info),
};

/** `clues`: evidence read from the page's structure (PDF input), added to what the words say. */
export function chooseKind(text: string, options: ExtractOptions, file: string, clues: readonly StructureClue[] = []): DocumentKind {
  if (options.kind && options.kind !== 'auto') return options.kind;
  const kind = detectKind(text, clues);
  options.log?.(`kind scores: ${scoreKinds(text, clues).map((s) => `${s.kind}=${s.score}`).join(', ')}`);
  if (!kind)
    throw new FdrError('UNKNOWN_DOCUMENT', 'not a roadmap, restitution or events document', {
      file,
      hint: 'force one with --kind roadmap|restitution|events',
    });
  options.log?.(`detected kind: ${kind}`);
  return kind;
}

/** Extracts a loaded file into its typed model (not yet validated). */
export async function extractLoaded(file: LoadedFile, options: ExtractOptions = {}): Promise<ExtractedDocument> {
  if (file.info.format === 'pdf') {
    const { extractPdf } = await import('./pdf.js');
    return extractPdf(file, options); // line-end hyphens settled there, with the pages' words
  }
  if (options.pages !== undefined)
    throw new FdrError('USAGE', '--pages selects pages of a PDF, and this input is text', { file: file.path, hint: 'drop --pages for text and markdown inputs' });
  if (file.info.format === 'json')
    throw new FdrError('UNSUPPORTED_FORMAT', 'this is already a JSON document', { file: file.path, hint: 'extract reads PDF, text or markdown' });
  const text = file.text ?? '';
  const kind = chooseKind(text, options, file.path);
  const parser = TEXT_PARSERS[kind];
  if (!parser) throw new FdrError('UNKNOWN_DOCUMENT', `no reader for kind "${kind}" yet`, { file: file.path });
  return resolveLineEndHyphens(parser(text, file));
}
