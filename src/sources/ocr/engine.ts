/**
 * The OCR engine: tesseract.js (WebAssembly) with the French model shipped in the npm package
 * @tesseract.js-data/fra. Every path points inside node_modules, so nothing is downloaded at run time, and the
 * model cache is off, so nothing is written next to the user's files. One engine per process, created on the
 * first page that needs it and stopped when the last document using it is closed (`fdr diff` reads two at once).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FdrError } from '../../errors/index.js';
import { type GreyImage, toPgm } from './image.js';

type Tesseract = typeof import('tesseract.js');
type TesseractWorker = Awaited<ReturnType<Tesseract['createWorker']>>;

export interface OcrWord {
  text: string;
  /** Pixel box in the image given to the engine. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** 0–100, as tesseract gives it. */
  confidence: number;
  /** Boxes of the first and last letters (pixels), kept to check what the engine often confuses (see glyphs.ts). */
  first?: { x0: number; y0: number; x1: number; y1: number };
  last?: { x0: number; y0: number; x1: number; y1: number };
}

export interface OcrLine {
  words: OcrWord[];
  /** Baseline at the line's left and right ends (pixels). */
  baseline: { x0: number; y0: number; x1: number; y1: number } | null;
  /** Height of the text row (x-height + ascenders + descenders), pixels. */
  rowHeight: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrResult {
  lines: OcrLine[];
  /** Mean confidence of the words, 0–100 (0 when there is none). */
  confidence: number;
}

const require = createRequire(import.meta.url);

/** The model, engine and worker script locations inside node_modules. */
export function enginePaths(): { langPath: string; workerPath: string; corePath: string } {
  const model = dirname(require.resolve('@tesseract.js-data/fra/package.json'));
  const tesseract = dirname(require.resolve('tesseract.js/package.json'));
  const core = dirname(require.resolve('tesseract.js-core/package.json'));
  // The LSTM model ("best", integer): the engine reads LSTM only, the legacy model would only add weight.
  return { langPath: join(model, '4.0.0_best_int'), workerPath: join(tesseract, 'src', 'worker-script', 'node', 'index.js'), corePath: core };
}

let engine: Promise<TesseractWorker> | undefined;
let users = 0;

async function tesseractModule(): Promise<Tesseract> {
  const tesseract = (await import('tesseract.js')) as unknown as Tesseract & { default?: Tesseract };
  return tesseract.default ?? tesseract;
}

async function createEngine(dpi: number): Promise<TesseractWorker> {
  const { createWorker, OEM, PSM } = await tesseractModule();
  const paths = enginePaths();
  try {
    const worker = await createWorker('fra', OEM.LSTM_ONLY, { ...paths, cacheMethod: 'none', gzip: true, errorHandler: () => undefined });
    await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, user_defined_dpi: String(dpi), preserve_interword_spaces: '0' });
    return worker;
  } catch (e) {
    throw new FdrError('INTERNAL', `the OCR engine could not start: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

/** Takes a share of the engine (started on first use); give it back with `closeEngine`. */
export function openEngine(): void {
  users++;
}

/** Reads the words of a greyscale image (PGM bytes) rendered at `dpi`. */
export async function recognize(pgm: Uint8Array, dpi: number): Promise<OcrResult> {
  engine ??= createEngine(dpi);
  const worker = await engine;
  await worker.setParameters({ user_defined_dpi: String(dpi) });
  const { data } = await worker.recognize(pgm as unknown as Buffer, { rotateAuto: false }, { blocks: true, text: false });
  return resultOf(data);
}

/** Reads a small greyscale image as one line of text (display type read again, see large-type.ts). */
export async function recognizeLine(image: GreyImage, dpi: number): Promise<OcrWord[]> {
  engine ??= createEngine(dpi);
  const worker = await engine;
  const { PSM } = await tesseractModule();
  await worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_LINE, user_defined_dpi: String(dpi) });
  try {
    const { data } = await worker.recognize(toPgm(image) as unknown as Buffer, { rotateAuto: false }, { blocks: true, text: false });
    return resultOf(data).lines.flatMap((l) => l.words);
  } finally {
    await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO });
  }
}

type EngineData = Awaited<ReturnType<TesseractWorker['recognize']>>['data'];

/** The engine's blocks → lines of words with their boxes and confidences, and the mean confidence. */
function resultOf(data: EngineData): OcrResult {
  const lines: OcrLine[] = [];
  let sum = 0;
  let count = 0;
  for (const block of data.blocks ?? [])
    for (const paragraph of block.paragraphs)
      for (const line of paragraph.lines) {
        const words: OcrWord[] = [];
        for (const w of line.words) {
          const text = w.text.trim();
          if (!text) continue;
          const first = w.symbols?.[0]?.bbox;
          const last = w.symbols && w.symbols.length > 1 ? w.symbols[w.symbols.length - 1]?.bbox : undefined;
          words.push({ text, ...w.bbox, confidence: w.confidence, ...(first ? { first } : {}), ...(last ? { last } : {}) });
          sum += w.confidence;
          count++;
        }
        if (!words.length) continue;
        const b = line.baseline as OcrLine['baseline'] & { has_baseline?: boolean };
        lines.push({ words, baseline: b && b.has_baseline !== false ? { x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 } : null, rowHeight: rowHeightOf(line), ...line.bbox });
      }
  return { lines, confidence: count ? sum / count : 0 };
}

/** Gives back a share; the last one stops the engine's thread (its WebAssembly memory goes with it). */
export async function closeEngine(): Promise<void> {
  users = Math.max(0, users - 1);
  if (users > 0) return;
  const running = engine;
  engine = undefined;
  if (running) await (await running.catch(() => undefined))?.terminate();
}

/** The engine's row height, under whichever name this build gives it. */
function rowHeightOf(line: { rowAttributes?: unknown }): number {
  const attributes = (line.rowAttributes ?? {}) as { row_height?: number; rowHeight?: number };
  return attributes.row_height ?? attributes.rowHeight ?? 0;
}
