/**
 * Table rules and shaded boxes found in a scanned page: long dark runs, horizontal and vertical. A run is long
 * when it spans several ems of the page's own text (the em measured from the ink's vertical strokes), so letters
 * never make one; runs on neighbouring rows merge into one mark, thin marks are rules, thick ones filled boxes.
 */
import { binarize, type GreyImage } from './image.js';

/** A mark in image pixels: [x0, y0, x1, y1), inclusive-exclusive. */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PixelRuling extends PixelBox {
  orientation: 'h' | 'v';
}

export interface PixelRect extends PixelBox {
  /** Mean grey level of the box (0 = black). */
  grey: number;
}

export interface ImageMarks {
  rulings: PixelRuling[];
  rects: PixelRect[];
  /** The em of the page's text in pixels, as measured (0 when the page holds no text). */
  em: number;
}

/** Transposes a mask (columns become rows), so one run finder serves both directions. */
function transpose(mask: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) out[x * height + y] = mask[row + x]!;
  }
  return out;
}

/**
 * The stem height of lower-case letters (the x-height, about half an em), in pixels: vertical runs of ink
 * weighted by their length, the thin runs (horizontal strokes crossed, specks) set aside — the most frequent
 * run is a stroke's thickness, and stems are at least twice that, and at least `smallest` (the x-height of the
 * smallest type worth reading at the image's resolution): on a page with little text, the short runs of curves,
 * diagonals and scan noise can outweigh the stems, and an em measured from them makes rules of letters' bars.
 */
export function strokeHeight(mask: Uint8Array, width: number, height: number, smallest = 0): number {
  const counts = new Uint32Array(Math.min(height, 512) + 1);
  for (let x = 0; x < width; x++) {
    let run = 0;
    for (let y = 0; y <= height; y++) {
      if (y < height && mask[y * width + x]) run++;
      else if (run) {
        if (run < counts.length) counts[run]!++;
        run = 0;
      }
    }
  }
  let thickness = 1;
  for (let r = 1; r < counts.length; r++) if (counts[r]! > counts[thickness]!) thickness = r;
  // Runs longer than a 25th of the page are boxes and rules, not letters (whose weight they would swamp).
  const longest = Math.min(counts.length - 1, Math.floor(Math.min(width, height) / 25));
  let best = 0;
  for (let r = Math.max(2 * thickness, Math.ceil(smallest)); r <= longest; r++) if (r * counts[r]! > best * counts[best]!) best = r;
  return counts[best]! > 0 ? best : 0;
}

interface Run {
  row: number;
  from: number;
  to: number;
  /** Set pixels in the run (gaps bridged are not counted). */
  ink: number;
}

/** Runs of set pixels at least `minLength` long in each row, bridging gaps up to `maxGap` (scan dropouts). */
function longRuns(mask: Uint8Array, width: number, height: number, minLength: number, maxGap: number): Run[] {
  const runs: Run[] = [];
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let start = -1;
    let last = -1;
    let ink = 0;
    for (let x = 0; x <= width; x++) {
      const on = x < width && mask[row + x] === 1;
      if (on) {
        if (start < 0 || x - last - 1 > maxGap) {
          if (start >= 0 && last - start + 1 >= minLength) runs.push({ row: y, from: start, to: last + 1, ink });
          start = x;
          ink = 0;
        }
        last = x;
        ink++;
      }
    }
    if (start >= 0 && last - start + 1 >= minLength) runs.push({ row: y, from: start, to: last + 1, ink });
  }
  return runs;
}

/** Runs on consecutive rows that overlap along their length become one mark. */
function mergeRuns(runs: Run[], maxGapRows: number): (PixelBox & { area: number })[] {
  const open: (PixelBox & { area: number; lastRow: number })[] = [];
  const done: (PixelBox & { area: number })[] = [];
  for (const run of runs) {
    for (let i = open.length - 1; i >= 0; i--)
      if (run.row - open[i]!.lastRow > maxGapRows + 1) done.push(...open.splice(i, 1));
    const length = run.to - run.from;
    const mark = open.find((m) => m.lastRow < run.row && Math.min(m.x1, run.to) - Math.max(m.x0, run.from) > 0.5 * Math.min(m.x1 - m.x0, length));
    if (mark) {
      mark.x0 = Math.min(mark.x0, run.from);
      mark.x1 = Math.max(mark.x1, run.to);
      mark.y1 = run.row + 1;
      mark.lastRow = run.row;
      mark.area += length;
    } else open.push({ x0: run.from, x1: run.to, y0: run.row, y1: run.row + 1, lastRow: run.row, area: length });
  }
  return [...done, ...open].map(({ x0, y0, x1, y1, area }) => ({ x0, y0, x1, y1, area }));
}

function meanGrey(image: GreyImage, box: PixelBox): number {
  let sum = 0;
  let n = 0;
  const step = Math.max(1, Math.floor(Math.sqrt(((box.x1 - box.x0) * (box.y1 - box.y0)) / 4000)));
  for (let y = box.y0; y < box.y1; y += step)
    for (let x = box.x0; x < box.x1; x += step) {
      sum += image.data[y * image.width + x]!;
      n++;
    }
  return n ? sum / n : 255;
}

/** The paper's grey: the most frequent level in the brighter half (scans are rarely pure white). */
export function paperLevel(image: GreyImage): number {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < image.data.length; i += 7) histogram[image.data[i]!]!++;
  let best = 128;
  for (let v = 128; v < 256; v++) if (histogram[v]! > histogram[best]!) best = v;
  return best;
}

/**
 * Share of a box's rows that are tinted nearly end to end: from its first tinted pixel to its last, spanning at
 * least half the box (a box scanned askew is wider than each of its rows).
 */
function solidRowShare(tint: Uint8Array, width: number, box: PixelBox): number {
  const w = box.x1 - box.x0;
  let solid = 0;
  for (let y = box.y0; y < box.y1; y++) {
    let n = 0;
    let first = -1;
    let last = -1;
    for (let x = box.x0; x < box.x1; x++)
      if (tint[y * width + x]) {
        n++;
        if (first < 0) first = x;
        last = x;
      }
    const span = last - first + 1;
    if (first >= 0 && span >= 0.5 * w && n >= SOLID_ROW * span) solid++;
  }
  return solid / Math.max(1, box.y1 - box.y0);
}

/**
 * A row of a box counts as solid when this share of it is tinted; a box needs this share of solid rows. A
 * shaded box has a ground: the margins above and below its text, and between its lines, are tinted end to end
 * (noise leaves a few specks). A patch of dense dark text is as dark on average, but its texture is letters and
 * gaps: no row of it is tinted end to end.
 */
const SOLID_ROW = 0.9;
const SOLID_ROWS = 0.1;

/**
 * Shaded boxes (header shading, title bands, side tabs): areas clearly darker than the paper, at least 5 % of the
 * page wide and a line of small text high, whose rows stay mostly filled. Light text on a dark box breaks its
 * rows with thin strokes, so gaps up to 1 % of the page width are bridged; a line of dark text is not that filled,
 * and dense text that is has no ground (see SOLID_ROWS).
 * Measured before any text, so sizes are shares of the page.
 */
export function findBoxes(image: GreyImage): PixelRect[] {
  const { width, height } = image;
  const paper = paperLevel(image);
  const tint = new Uint8Array(width * height);
  const limit = paper - Math.max(12, (255 - paper) * 2);
  for (let i = 0; i < tint.length; i++) tint[i] = image.data[i]! < limit ? 1 : 0;
  const minLength = Math.round(0.05 * width);
  const rows = longRuns(tint, width, height, minLength, Math.round(0.01 * width)).filter((r) => r.ink >= 0.6 * (r.to - r.from));
  const rects: PixelRect[] = [];
  // Rows through bold light text may fall short of filled: the box bridges up to 1.5 % of the page height.
  for (const m of mergeRuns(rows, Math.round(0.015 * height))) {
    const h = m.y1 - m.y0;
    const w = m.x1 - m.x0;
    // Mostly filled (not a rule's outline), not the whole page (a dark scan border).
    if (h < 0.005 * height || m.area < 0.75 * w * h || (w > 0.95 * width && h > 0.95 * height)) continue;
    if (solidRowShare(tint, width, m) < SOLID_ROWS) continue;
    rects.push({ x0: m.x0, y0: m.y0, x1: m.x1, y1: m.y1, grey: meanGrey(image, m) });
  }
  return rects;
}

/**
 * Shaded boxes made plain paper, so that text and rules are measured and read as on white: a box filled darker
 * than mid-grey holds light text and is inverted; then the box's own grey is stretched to white.
 */
export function plainBoxes(image: GreyImage, rects: readonly PixelRect[]): GreyImage {
  if (!rects.length) return image;
  const data = image.data.slice();
  for (const r of rects) {
    const dark = r.grey < 150;
    const ground = Math.max(1, dark ? 255 - r.grey : r.grey);
    for (let y = r.y0; y < r.y1; y++)
      for (let i = y * image.width + r.x0; i < y * image.width + r.x1; i++) {
        const v = dark ? 255 - data[i]! : data[i]!;
        data[i] = Math.min(255, (v * 255) / ground);
      }
  }
  return { ...image, data };
}

/**
 * The rules of a page (thin long dark marks, horizontal and vertical) and the em of its text; `ink` is the
 * binarized page, boxes made plain first (see plainBoxes).
 */
export function findRulings(image: GreyImage, ink: Uint8Array, smallestStem = 0): { rulings: PixelRuling[]; em: number } {
  const { width, height } = image;
  const stem = strokeHeight(ink, width, height, smallestStem);
  if (stem === 0) return { rulings: [], em: 0 };
  const em = 2 * stem;
  const minLength = Math.round(3 * em);
  // Bridging more than a pixel would join the letters of a bold word along its baseline.
  const maxGap = 1;
  const thin = Math.max(2, Math.round(em / 4));
  const rulings: PixelRuling[] = [];
  for (const m of mergeRuns(longRuns(ink, width, height, minLength, maxGap), 1))
    if (m.y1 - m.y0 <= thin) rulings.push({ ...m, orientation: 'h' });
  const across = transpose(ink, width, height);
  for (const m of mergeRuns(longRuns(across, height, width, minLength, maxGap), 1))
    if (m.y1 - m.y0 <= thin) rulings.push({ x0: m.y0, x1: m.y1, y0: m.x0, y1: m.x1, orientation: 'v' });
  return { rulings, em };
}

/** Type smaller than this (points) is not a page's text: footnote and table text are 7–9 pt. */
const SMALLEST_TEXT_PT = 6;
/** The x-height of usual text faces, as a share of the em. */
const X_HEIGHT_PER_EM = 0.5;

/**
 * Boxes, then rules and em on the page with its boxes made plain (what the OCR of a page uses);
 * `pixelsPerPoint` (the image's resolution, when known) bounds the em from below.
 */
export function findMarks(image: GreyImage, pixelsPerPoint = 0): ImageMarks & { plain: GreyImage; ink: Uint8Array } {
  const rects = findBoxes(image);
  const plain = plainBoxes(image, rects);
  const ink = binarize(plain);
  const { rulings, em } = findRulings(plain, ink, SMALLEST_TEXT_PT * X_HEIGHT_PER_EM * pixelsPerPoint);
  return { rulings, rects, em, plain, ink };
}

/** Paints the rules white, so the recogniser does not read them as letters (I, l, _). */
export function eraseRulings(image: GreyImage, rulings: readonly PixelRuling[], paper = 255): GreyImage {
  const data = image.data.slice();
  for (const r of rulings) {
    const pad = 1;
    for (let y = Math.max(0, r.y0 - pad); y < Math.min(image.height, r.y1 + pad); y++)
      data.fill(paper, y * image.width + Math.max(0, r.x0 - pad), y * image.width + Math.min(image.width, r.x1 + pad));
  }
  return { ...image, data };
}
