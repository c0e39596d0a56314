/**
 * OCR words → the page model's text items, so everything downstream reads a scanned page as it reads a text
 * layer: the words of a line are joined into one item per run (a new item where the gap is wider than a space
 * can be, or a vertical rule runs between two words), the type size is the line's row height, and the box spans
 * ascent to descent around the baseline as pdf.js's items do.
 */
import type { TextItem } from '../page-model.js';
import type { OcrLine, OcrWord } from './engine.js';
import type { PixelRuling } from './rulings.js';

/** A text item read by OCR: its words' mean confidence (0–1) travels with it. */
export interface OcrTextItem extends TextItem {
  confidence: number;
}

/** Font name given to OCR'd items (the engine does not tell typefaces apart). */
export const OCR_FONT = 'OCR';
/** Row height (x-height + ascender + descender) as a share of the em, for usual text faces. */
const ROW_HEIGHT_PER_EM = 0.93;
/** A gap wider than this share of the em ends a run: word spaces, even justified, stay well below it. */
const RUN_BREAK_EM = 1.1;
/** Stem thickness, relative to the page's usual one, from which a run reads as bold. */
const BOLD_STEM = 1.3;
/**
 * Stem thickness (mean horizontal ink run, as a share of the em) past which a run is bold on any page: regular
 * sans-serif text measures 0.12–0.14 by this measure at 200–300 dpi, bold 0.15–0.20.
 */
const BOLD_STEM_EM = 0.145;

const crossing = (line: OcrLine, verticals: readonly PixelRuling[]) => {
  const middle = (line.y0 + line.y1) / 2;
  return verticals.filter((r) => r.y0 <= middle && r.y1 >= middle);
};

/** A vertical rule runs between two words (the right one may be a speck of the rule the engine read). */
function ruledBetween(left: OcrWord, right: OcrWord, rules: readonly PixelRuling[]): boolean {
  return rules.some((r) => (r.x0 + r.x1) / 2 > left.x1 - 2 && (r.x0 + r.x1) / 2 < Math.max(right.x0 + 2, right.x1));
}

/** What is left of an erased rule, read as a letter: one mark that is not a letter or digit, on the rule. */
function ruleSpeck(word: OcrWord, rules: readonly PixelRuling[]): boolean {
  return word.text.length === 1 && !/[\p{L}\p{N}]/u.test(word.text) && rules.some((r) => r.x1 >= word.x0 - 2 && r.x0 <= word.x1 + 2);
}

/**
 * Type sizes measured line by line vary with the letters a line holds (a line without ascenders reads smaller):
 * sizes within 12 % of each other are one size, the median of their group.
 */
export function snapSizes(sizes: readonly number[]): number[] {
  const order = sizes.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(sizes.length);
  let group: (readonly [number, number])[] = [];
  const close = () => {
    const median = group[Math.floor(group.length / 2)]![0];
    for (const [, i] of group) out[i] = median;
    group = [];
  };
  for (const entry of order) {
    if (group.length && entry[0] > group[0]![0] * 1.12) close();
    group.push(entry);
  }
  if (group.length) close();
  return out;
}

/**
 * Letters reaching the ascender (capitals, figures, tall lower-case, accented), only the shorter top of a "t",
 * and the descender.
 */
const ASCENDING = /[\p{Lu}\p{N}bdfhklij'’"#%&!?/()[\]{}|àâäéèêëîïôöùûüÿœæ]/u;
const T_ONLY = /t/;
const DESCENDING = /[gjpqyçQ()[\]{}|;,@]/u;
/** Heights of the parts of a usual face, as shares of the em: x-height, a "t", the ascent, the descent. */
const X_HEIGHT = 0.52;
const T_HEIGHT = 0.64;
const ASCENT = 0.72;
const DESCENT = 0.21;

/**
 * The em and baseline of a run measured from its own words: a word's box spans the x-height, the ascent when it
 * holds a tall letter and the descent when it holds one reaching below; the medians over the words. Undefined
 * when no word holds a letter or figure.
 */
export function runMeasure(words: readonly OcrWord[]): { em: number; baseline: number } | undefined {
  const ems: number[] = [];
  const baselines: number[] = [];
  for (const w of words) {
    if (!/[\p{L}\p{N}]/u.test(w.text)) continue;
    const descends = DESCENDING.test(w.text);
    const top = ASCENDING.test(w.text) ? ASCENT : T_ONLY.test(w.text) ? T_HEIGHT : X_HEIGHT;
    const em = (w.y1 - w.y0) / (top + (descends ? DESCENT : 0));
    ems.push(em);
    baselines.push(descends ? w.y1 - DESCENT * em : w.y1);
  }
  if (!ems.length) return undefined;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { em: median(ems), baseline: median(baselines) };
}

function baselineAt(line: OcrLine, x: number): number {
  const b = line.baseline;
  if (!b || b.x1 === b.x0) return line.y1 - 0.2 * (line.y1 - line.y0);
  return b.y0 + ((b.y1 - b.y0) * (x - b.x0)) / (b.x1 - b.x0);
}

/**
 * Converts the lines of one page to text items in PDF points (`scale` pixels per point), in reading order as
 * the engine gave them. `strokeWidth` measures a run's stems on the image (pixels): a run whose stems are
 * clearly thicker than the page's usual ones is bold.
 */
export function linesToItems(
  lines: readonly OcrLine[],
  scale: number,
  verticals: readonly PixelRuling[],
  strokeWidth: (box: { x0: number; y0: number; x1: number; y1: number }) => number = () => 0,
  repair: (line: OcrLine, em: number, baseline: number) => OcrWord[] = (line) => line.words,
): OcrTextItem[] {
  const lineEms = lines.map((line) => {
    const boxHeight = line.y1 - line.y0;
    return (line.rowHeight > 0.5 * boxHeight && line.rowHeight < 2 * boxHeight ? line.rowHeight : boxHeight) / ROW_HEIGHT_PER_EM;
  });
  const runs: { words: OcrWord[]; em: number; baseline: number }[] = [];
  for (const [index, line] of lines.entries()) {
    const em = lineEms[index]!;
    const rules = crossing(line, verticals);
    const sorted = { ...line, words: line.words.filter((w) => !ruleSpeck(w, rules)).sort((a, b) => a.x0 - b.x0) };
    const split: OcrWord[][] = [];
    for (const word of sorted.words) {
      const run = split[split.length - 1];
      const previous = run?.[run.length - 1];
      if (run && previous && !(word.x0 - previous.x1 > RUN_BREAK_EM * em || ruledBetween(previous, word, rules))) run.push(word);
      else split.push([word]);
    }
    // Repaired run by run: the engine's line may cross columns, and a cell's bullet opens a run, not the line.
    const lineRuns = split.map((run) => repair({ ...sorted, words: run }, em, baselineAt(line, run[0]!.x0)));
    for (const run of lineRuns) {
      const x0 = Math.min(...run.map((w) => w.x0));
      const x1 = Math.max(...run.map((w) => w.x1));
      // Size and baseline from the run's own words: the engine's row height varies with the letters a line holds
      // (a last line "société" reads smaller than the line above it), and it may join runs of different sizes
      // into one line (a big "#2" beside a title). The engine's line measures serve a run of marks only.
      const own = runMeasure(run);
      runs.push(own ? { words: run, ...own } : { words: run, em, baseline: baselineAt(line, (x0 + x1) / 2) });
    }
  }
  const ems = snapSizes(runs.map((r) => r.em));
  const items: OcrTextItem[] = [];
  const stems: number[] = [];
  for (const [index, run] of runs.entries()) {
    const em = ems[index]!;
    const { words, baseline } = run;
    const box = { x0: Math.min(...words.map((w) => w.x0)), y0: baseline - 0.8 * em, x1: Math.max(...words.map((w) => w.x1)), y1: baseline + 0.2 * em };
    items.push({
      text: words.map((w) => w.text).join(' '),
      x0: round2(box.x0 / scale),
      y0: round2(box.y0 / scale),
      x1: round2(box.x1 / scale),
      y1: round2(box.y1 / scale),
      fontSize: round2(em / scale),
      fontName: OCR_FONT,
      bold: false,
      order: items.length,
      confidence: Math.round(words.reduce((s, w) => s + w.confidence, 0) / words.length) / 100,
    });
    stems.push(strokeWidth(box) / em);
  }
  // Stems as a share of the em, against the page's median: bold faces are ~1.4× thicker.
  const usual = [...stems].sort((a, b) => a - b)[Math.floor(stems.length / 2)] ?? 0;
  // A page set all in bold (an axis divider) has a bold median: a stem past BOLD_STEM_EM is bold whatever the page.
  if (usual > 0) items.forEach((item, i) => (item.bold = stems[i]! > Math.min(BOLD_STEM * usual, BOLD_STEM_EM)));
  return items;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
