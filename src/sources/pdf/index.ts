export { readPdfPages, pdfError, DEFAULT_MAX_PAGES, DEFAULT_MAX_ITEMS_PER_PAGE } from './document.js';
export type { PdfReadOptions, PdfReadSummary } from './document.js';
export { readGraphics } from './graphics.js';
export type { OpCodes, Graphics } from './graphics.js';
export { toTextItem, isBoldFont, cleanFontName } from './text-items.js';
export type { RawTextItem, FontFacts } from './text-items.js';
