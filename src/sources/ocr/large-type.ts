/**
 * Display type (an axis number "#3" in 50-pt type, a cover title) read again on its own. The engine reads a
 * page's lines at the scale of the page, and a few huge glyphs with little context around them are its worst
 * case ("#3" read "#2", "#7" "HT"); the same crop read as a single line at a few smaller scales is read right,
 * and the reading the engine is surest of is kept (the first reading included).
 */
import type { OcrLine, OcrResult, OcrWord } from './engine.js';
import { downsample, type GreyImage } from './image.js';
import { runMeasure } from './items.js';

/** A word set this many times larger than the page's median word is display type. */
const DISPLAY_SIZE = 1.75;
/** Only short groups are read again: a long line of display type gives the engine context enough. */
const MAX_GROUP_WORDS = 3;
/** The ems (pixels) the crop is brought down to: about twice, 1.5× and once the engine's favourite line height. */
const TARGET_EMS = [96, 64, 48];
/** Margin kept around the crop, in ems (the engine needs a little paper round the ink). */
const MARGIN_EM = 0.3;
/** Words closer than this (ems) are one group read together. */
const GROUP_GAP_EM = 1.1;

export type ReadLine = (image: GreyImage, dpi: number) => Promise<OcrWord[]>;

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const meanConfidence = (words: readonly OcrWord[]) => (words.length ? words.reduce((s, w) => s + w.confidence, 0) / words.length : 0);

function crop(image: GreyImage, x0: number, y0: number, x1: number, y1: number): GreyImage {
  const left = Math.max(0, Math.floor(x0));
  const top = Math.max(0, Math.floor(y0));
  const width = Math.max(1, Math.min(image.width, Math.ceil(x1)) - left);
  const height = Math.max(1, Math.min(image.height, Math.ceil(y1)) - top);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) data.set(image.data.subarray((top + y) * image.width + left, (top + y) * image.width + left + width), y * width);
  return { width, height, data };
}

/** Groups of neighbouring display-type words in a line (each group is read again as one line). */
function displayGroups(line: OcrLine, isDisplay: (w: OcrWord) => boolean, emOf: (w: OcrWord) => number): OcrWord[][] {
  const groups: OcrWord[][] = [];
  for (const word of [...line.words].sort((a, b) => a.x0 - b.x0)) {
    if (!isDisplay(word)) continue;
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    if (group && last && word.x0 - last.x1 < GROUP_GAP_EM * emOf(word) && !line.words.some((w) => !isDisplay(w) && w.x0 >= last.x1 && w.x1 <= word.x0)) group.push(word);
    else groups.push([word]);
  }
  return groups;
}

/**
 * The result with its display-type words read again (see the module comment). `image` is the image the engine
 * read, `dpi` its resolution; `readLine` reads an image as one line of text.
 */
export async function rereadLargeType(result: OcrResult, image: GreyImage, dpi: number, readLine: ReadLine): Promise<OcrResult> {
  const emOf = new Map<OcrWord, number>();
  for (const line of result.lines) for (const w of line.words) {
    const em = runMeasure([w])?.em;
    if (em) emOf.set(w, em);
  }
  const usual = median([...emOf.values()]);
  if (!usual) return result;
  const isDisplay = (w: OcrWord) => (emOf.get(w) ?? 0) > DISPLAY_SIZE * usual;
  const lines: OcrLine[] = [];
  for (const line of result.lines) {
    let words = line.words;
    for (const group of displayGroups(line, isDisplay, (w) => emOf.get(w)!)) {
      if (group.length > MAX_GROUP_WORDS) continue;
      const em = median(group.map((w) => emOf.get(w)!));
      const x0 = Math.min(...group.map((w) => w.x0)) - MARGIN_EM * em;
      const y0 = Math.min(...group.map((w) => w.y0)) - MARGIN_EM * em;
      const area = crop(image, x0, y0, Math.max(...group.map((w) => w.x1)) + MARGIN_EM * em, Math.max(...group.map((w) => w.y1)) + MARGIN_EM * em);
      let best = { words: group, confidence: meanConfidence(group) };
      for (const factor of new Set(TARGET_EMS.map((t) => Math.round(em / t)).filter((f) => f >= 2))) {
        const read = await readLine(downsample(area, factor), dpi);
        const confidence = meanConfidence(read);
        if (read.length && confidence > best.confidence) {
          const left = Math.max(0, Math.floor(x0));
          const top = Math.max(0, Math.floor(y0));
          const scaled = <B extends { x0: number; y0: number; x1: number; y1: number }>(b: B) => ({ x0: left + b.x0 * factor, y0: top + b.y0 * factor, x1: left + b.x1 * factor, y1: top + b.y1 * factor });
          const back = (w: OcrWord): OcrWord => ({ text: w.text, confidence: w.confidence, ...scaled(w), ...(w.first ? { first: scaled(w.first) } : {}) });
          best = { words: read.map(back), confidence };
        }
      }
      if (best.words !== group) words = [...words.filter((w) => !group.includes(w)), ...best.words].sort((a, b) => a.x0 - b.x0);
    }
    lines.push(words === line.words ? line : { ...line, words });
  }
  return { ...result, lines };
}
