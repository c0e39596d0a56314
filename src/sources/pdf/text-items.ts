import type { TextItem } from '../page-model.js';
import { type Matrix, asMatrix, multiply } from './matrix.js';

/** What pdf.js's getTextContent gives for one run of text (the fields we use). */
export interface RawTextItem {
  str: string;
  transform: ArrayLike<number>;
  width: number;
  height: number;
  fontName: string;
}

/** Per-font facts: vertical metrics from the text content styles, name and weight from the loaded font. */
export interface FontFacts {
  /** Ascent and descent as fractions of the font size (descent negative), when the font gives them. */
  ascent?: number;
  descent?: number;
  /** PostScript name of the font, subset prefix included or not ("ABCDEF+LiberationSans-Bold"). */
  name?: string;
  bold?: boolean;
}

const DEFAULT_ASCENT = 0.8;
const DEFAULT_DESCENT = -0.2;
const BOLD_NAME = /bold|black|heavy|semibold|demibold|extrabold|ultrabold|\bdemi\b|-bd\b|,bd\b/i;

/** "BCDEEE+LiberationSans-Bold" → "LiberationSans-Bold". */
export function cleanFontName(name: string): string {
  return name.replace(/^[A-Z]{6}\+/, '');
}

export function isBoldFont(facts: FontFacts | undefined): boolean {
  if (!facts) return false;
  if (facts.bold) return true;
  return facts.name !== undefined && BOLD_NAME.test(cleanFontName(facts.name));
}

/**
 * Converts one pdf.js text item to the page model: the item's matrix is taken through the viewport transform
 * (PDF space → top-left origin, page rotation applied), the box spans ascent to descent around the baseline
 * and follows the baseline direction, so rotated text gets the box it really covers and its angle.
 * Whitespace-only items (pdf.js emits them for the gaps between runs) and degenerate ones give undefined.
 */
export function toTextItem(raw: RawTextItem, viewport: Matrix, font: FontFacts | undefined, order: number): TextItem | undefined {
  if (!raw.str || !raw.str.trim()) return undefined;
  const itemMatrix = asMatrix(raw.transform);
  if (!itemMatrix) return undefined;
  const m = multiply(viewport, itemMatrix);
  const advanceScale = Math.hypot(m[0], m[1]);
  const size = Math.hypot(m[2], m[3]);
  if (!(size > 0) || !(advanceScale > 0) || !Number.isFinite(raw.width)) return undefined;
  // Baseline direction, and the text's "up" direction, on the page (y grows downwards).
  const dirX = m[0] / advanceScale;
  const dirY = m[1] / advanceScale;
  const upX = m[2] / size;
  const upY = m[3] / size;
  const ascent = font?.ascent && font.ascent > 0 && font.ascent < 2 ? font.ascent : DEFAULT_ASCENT;
  const descent = font?.descent !== undefined && font.descent < 0 && font.descent > -1 ? font.descent : DEFAULT_DESCENT;
  // pdf.js gives the width already in page units along the baseline.
  const width = Math.max(0, raw.width);
  const ox = m[4];
  const oy = m[5];
  // The box's four corners: along the baseline 0 or width, up to the ascent or down to the descent (no arrays:
  // this runs for every text item of every page, on the page reader's critical path).
  const up = ascent * size;
  const down = descent * size;
  const x00 = ox + dirX * 0 + upX * up;
  const x01 = ox + dirX * 0 + upX * down;
  const x10 = ox + dirX * width + upX * up;
  const x11 = ox + dirX * width + upX * down;
  const y00 = oy + dirY * 0 + upY * up;
  const y01 = oy + dirY * 0 + upY * down;
  const y10 = oy + dirY * width + upY * up;
  const y11 = oy + dirY * width + upY * down;
  const angleDeg = Math.round((Math.atan2(-dirY, dirX) * 180) / Math.PI);
  const item: TextItem = {
    text: raw.str,
    x0: Math.min(x00, x01, x10, x11),
    y0: Math.min(y00, y01, y10, y11),
    x1: Math.max(x00, x01, x10, x11),
    y1: Math.max(y00, y01, y10, y11),
    fontSize: round2(size),
    fontName: font?.name ? cleanFontName(font.name) : raw.fontName,
    bold: isBoldFont(font),
    order,
  };
  const angle = ((angleDeg % 360) + 360) % 360;
  if (angle !== 0) item.angle = angle;
  return item;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
