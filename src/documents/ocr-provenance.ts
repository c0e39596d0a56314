/**
 * Marks what was read by OCR: every provenance on an OCR'd page gets `ocr: true` and the mean confidence of the
 * words in its box (the page's, for a provenance without a box); a roadmap action's confidence is multiplied by
 * its least sure cell's, and a cell read below `OCR_LOW_CONFIDENCE` is named in its weak evidence. Pure: the
 * document is copied where it changes.
 */
import type { Action, ExtractedDocument } from '../model/index.js';
import type { OcrFacts, TextItem } from '../sources/page-model.js';

/** A cell read by OCR with a mean word confidence below this is worth a look (`fdr check`: ocr-low-confidence). */
export const OCR_LOW_CONFIDENCE = 0.8;

/** What is kept of an OCR'd page to mark the document: its words' boxes and confidences. */
export interface OcrPageWords {
  facts: OcrFacts;
  items: Pick<TextItem, 'x0' | 'y0' | 'x1' | 'y1' | 'text' | 'confidence'>[];
}

type Box = [number, number, number, number];

/** Mean confidence of the items whose centre lies in the box, weighted by their length; undefined when none. */
export function confidenceIn(page: OcrPageWords, box: Box): number | undefined {
  let sum = 0;
  let weight = 0;
  for (const item of page.items) {
    const cx = (item.x0 + item.x1) / 2;
    const cy = (item.y0 + item.y1) / 2;
    if (cx < box[0] || cx > box[2] || cy < box[1] || cy > box[3] || item.confidence === undefined) continue;
    sum += item.confidence * item.text.length;
    weight += item.text.length;
  }
  return weight ? Math.round((sum / weight) * 100) / 100 : undefined;
}

function isProvenance(value: Record<string, unknown>): value is { page: number; bbox?: Box } {
  return typeof value.page === 'number' && (value.bbox === undefined || Array.isArray(value.bbox));
}

function mark(value: unknown, pages: ReadonlyMap<number, OcrPageWords>): unknown {
  if (Array.isArray(value)) return value.map((v) => mark(v, pages));
  if (!value || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(object)) out[k] = mark(v, pages);
  if (isProvenance(object)) {
    const page = pages.get(object.page);
    if (page) {
      out.ocr = true;
      out.ocrConfidence = (object.bbox && confidenceIn(page, object.bbox)) ?? page.facts.confidence;
    }
  }
  return out;
}

const CELLS = ['action', 'financement', 'indicateur', 'commentaire'] as const;

/** An action's confidence with its cells' OCR confidence taken in. */
function withOcrConfidence(action: Action): Action {
  const cells = action.provenance.cells ?? {};
  const read = CELLS.filter((c) => action[c].trim() && cells[c]?.ocrConfidence !== undefined);
  if (!read.length) return action;
  const least = Math.min(...read.map((c) => cells[c]!.ocrConfidence!));
  const low = read.filter((c) => cells[c]!.ocrConfidence! < OCR_LOW_CONFIDENCE);
  return {
    ...action,
    confidence: Math.max(0.05, Math.round(action.confidence * least * 100) / 100),
    weakEvidence: [...action.weakEvidence, ...low.map((field) => ({ field, reason: 'ocr-low-confidence' as const }))],
  };
}

export function markOcr<T extends ExtractedDocument>(doc: T, pages: ReadonlyMap<number, OcrPageWords>): T {
  if (!pages.size) return doc;
  const marked = mark(doc, pages) as T;
  let words = 0;
  let sum = 0;
  for (const { facts } of pages.values()) {
    words += facts.words;
    sum += facts.confidence * facts.words;
  }
  marked.source = { ...marked.source, ocr: { pages: [...pages.keys()].sort((a, b) => a - b), confidence: words ? Math.round((sum / words) * 100) / 100 : 0 } };
  if (marked.kind === 'roadmap')
    for (const axis of marked.axes) for (const chantier of axis.chantiers) chantier.actions = chantier.actions.map(withOcrConfidence);
  return marked;
}
