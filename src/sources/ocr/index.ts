/**
 * OCR of one PDF page into the page model (positioned text items, ruling lines, filled boxes), for pages with no
 * usable text layer. Loaded on demand only (a dynamic import from the PDF reader), so text PDFs pay nothing.
 *
 * The page is rendered at ~300 dpi, turned upright (text running down the page is turned a quarter; a page read
 * upside down, found by the engine's confidence, half a turn), straightened (skew within ±3°), its rules and
 * shaded boxes found as long dark runs and the rules erased, then read by the engine. Coordinates are those of
 * the straightened page, in points, origin top-left.
 */
import type { FilledRect, OcrFacts, PageModel, Ruling } from '../page-model.js';
import { recognize, recognizeLine, type OcrResult } from './engine.js';
import { estimateSkew, type GreyImage, horizontalTextRatio, rotateQuarter, straighten, toPgm } from './image.js';
import { repairGlyphs } from './glyphs.js';
import { linesToItems } from './items.js';
import { type Lexicon, learnWords, type RepairTally, repairWords } from './lexicon.js';
import { rereadLargeType } from './large-type.js';
import { eraseRulings, findMarks, type ImageMarks, type PixelBox } from './rulings.js';
import { renderPage } from './render.js';

export { closeEngine as closeOcr, openEngine as openOcr } from './engine.js';
export { OCR_FONT } from './items.js';
export { documentLexicon } from './lexicon.js';
export type { OcrTextItem } from './items.js';


/** Below this mean confidence (0–100) the page is read again upside down, in case it was scanned that way. */
const UPSIDE_DOWN_SUSPECT = 60;

interface Reading {
  image: GreyImage;
  marks: ImageMarks;
  ocr: OcrResult;
  skew: number;
}

/**
 * How much was read with confidence: the confidences of the words laid out along the lines (the engine also
 * reads text running down a page, word boxes taller than wide: a sign the page is not upright).
 */
function weight(ocr: OcrResult): number {
  let sum = 0;
  for (const line of ocr.lines) for (const w of line.words) if (w.text.length <= 2 || w.x1 - w.x0 > w.y1 - w.y0) sum += w.confidence;
  return sum;
}

/** A page printed light on dark (a cover) turned to dark on light, as the measures and the engine expect. */
function lightPaper(image: GreyImage): GreyImage {
  let sum = 0;
  for (let i = 0; i < image.data.length; i += 13) sum += image.data[i]!;
  if (sum / Math.ceil(image.data.length / 13) >= 128) return image;
  return { ...image, data: image.data.map((v) => 255 - v) };
}

/** Mean horizontal run of ink inside a box (pixels): the thickness of the letters' stems. */
function stemWidth(ink: Uint8Array, width: number, box: PixelBox): number {
  let runs = 0;
  let total = 0;
  const x0 = Math.max(0, Math.floor(box.x0));
  const x1 = Math.min(width, Math.ceil(box.x1));
  const height = ink.length / width;
  for (let y = Math.max(0, Math.floor(box.y0)); y < Math.min(height, Math.ceil(box.y1)); y++) {
    let run = 0;
    for (let x = x0; x <= x1; x++) {
      if (x < x1 && ink[y * width + x]) run++;
      else if (run) {
        runs++;
        total += run;
        run = 0;
      }
    }
  }
  return runs ? total / runs : 0;
}

async function read(upright: GreyImage, dpi: number): Promise<Reading & { ink: Uint8Array }> {
  const skew = estimateSkew(upright);
  const straight = straighten(upright, skew);
  const { plain: image, ink, ...marks } = findMarks(straight, dpi / 72);
  // No letter stems at all: a blank or drawn-only page, nothing to read.
  const erased = eraseRulings(image, marks.rulings);
  const ocr = marks.em === 0 ? { lines: [], confidence: 0 } : await rereadLargeType(await recognize(toPgm(erased), dpi), erased, dpi, recognizeLine);
  return { image, marks, ocr, skew, ink };
}

/**
 * OCRs one rendered PDF page (see the module comment). With a `lexicon` (the document's, shared by its pages),
 * the page's confident words join it and its low-confidence words are repaired against it (see lexicon.ts).
 */
export async function ocrPage(page: Parameters<typeof renderPage>[0], number: number, lexicon?: Lexicon): Promise<PageModel & { ocr: OcrFacts }> {
  const { image: rendered, scale } = await renderPage(page);
  const dpi = Math.round(scale * 72);
  // Text lines make the profile across them sharp: much sharper along the columns suggests text running down
  // the page. A cover or a figure can mislead that measure, so the page is also read as it is, and the reading
  // with more confident words is kept; likewise a page read poorly is read again upside down.
  const upright = lightPaper(rendered);
  const suspect = horizontalTextRatio(upright) < 0.7;
  let rotation: OcrFacts['rotation'] = 0;
  let reading = await read(upright, dpi);
  const tryTurn = async (turned: OcrFacts['rotation']) => {
    const again = await read(rotateQuarter(upright, turned), dpi);
    if (weight(again.ocr) > weight(reading.ocr) * 1.1) {
      reading = again;
      rotation = turned;
    }
  };
  if (suspect) await tryTurn(90);
  if (reading.ocr.lines.length > 0 && reading.ocr.confidence < UPSIDE_DOWN_SUSPECT) await tryTurn(((rotation + 180) % 360) as OcrFacts['rotation']);
  const { image, marks, ocr, ink } = reading;
  const verticals = marks.rulings.filter((r) => r.orientation === 'v');
  if (lexicon) learnWords(lexicon, ocr.lines.flatMap((l) => l.words));
  const tally: RepairTally = { repaired: [], ambiguous: [] };
  const items = linesToItems(
    ocr.lines,
    scale,
    verticals,
    (box) => stemWidth(ink, image.width, box),
    (line, em, baseline) => {
      const words = repairGlyphs(line, em, baseline, ink, image.width);
      return lexicon ? repairWords(words, lexicon, tally) : words;
    },
  );
  const toPoints = (b: PixelBox) => ({ x0: round2(b.x0 / scale), y0: round2(b.y0 / scale), x1: round2(b.x1 / scale), y1: round2(b.y1 / scale) });
  const rulings: Ruling[] = marks.rulings.map((r) => ({ ...toPoints(r), orientation: r.orientation }));
  const rects: FilledRect[] = marks.rects.map((r) => ({ ...toPoints(r), fill: greyHex(r.grey) }));
  const words = ocr.lines.reduce((n, l) => n + l.words.length, 0);
  return {
    number,
    width: round2(image.width / scale),
    height: round2(image.height / scale),
    items,
    rulings,
    rects,
    ocr: { confidence: Math.round(ocr.confidence) / 100, words, skew: reading.skew, rotation, dpi, ...(lexicon ? tally : {}) },
  };
}

function greyHex(grey: number): string {
  const v = Math.max(0, Math.min(255, Math.round(grey))).toString(16).padStart(2, '0');
  return `#${v}${v}${v}`;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
