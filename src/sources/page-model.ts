/**
 * The page model every layout step works on: positioned text and drawn lines/rectangles of one page,
 * in PDF points with the origin at the TOP-LEFT corner (y grows downwards), whatever the PDF's own matrix.
 */
export interface TextItem {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Font size in points (height of the em box after the text matrix). */
  fontSize: number;
  fontName: string;
  bold: boolean;
  /** Index of the item in the page's content stream (drawing order). */
  order: number;
  /** Direction of the text baseline in degrees, counter-clockwise on the page (0 = normal left-to-right); absent means 0. */
  angle?: number;
  /** Set on text read by OCR: the mean confidence of its words, 0–1 (absent for a text layer). */
  confidence?: number;
}

/** A stroked line, or a filled rectangle thin enough to be one (table rules are often drawn as thin fills). */
export interface Ruling {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  orientation: 'h' | 'v';
}

/** A filled rectangle (header shading, cell backgrounds). */
export interface FilledRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** CSS-like colour "#rrggbb" when known. */
  fill: string | null;
}

export interface PageModel {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  items: TextItem[];
  rulings: Ruling[];
  rects: FilledRect[];
  /** Set when the page was read by OCR (no usable text layer, or `--ocr force`). */
  ocr?: OcrFacts;
}

/** What OCR tells about a page it read. */
export interface OcrFacts {
  /** Mean word confidence, 0–1. */
  confidence: number;
  words: number;
  /** Skew corrected, degrees (positive: the scan was turned counter-clockwise). */
  skew: number;
  /** Quarter turns applied to read the page upright, degrees counter-clockwise. */
  rotation: 0 | 90 | 180 | 270;
  /** Resolution the page was rendered at. */
  dpi: number;
  /** Low-confidence words replaced by the one close word of the lexicon ("read → repaired"), and those left as read between two or more. */
  repaired?: string[];
  ambiguous?: string[];
}
