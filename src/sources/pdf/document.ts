import Module from 'node:module';
import { parsePageSpec } from '../page-spec.js';
import { FdrError } from '../../errors/index.js';
import type { PageModel } from '../page-model.js';
import { DirectPdf } from './direct/file.js';
import { scanPageGraphics } from './direct/content-graphics.js';
import { Ref } from './direct/objects.js';
import { Unsupported } from './direct/syntax.js';
import { type Graphics, type OpCodes, readGraphics } from './graphics.js';
import { asMatrix, type Matrix } from './matrix.js';
import { type FontFacts, type RawTextItem, toTextItem } from './text-items.js';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocumentProxy = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
type PdfPageProxy = Awaited<ReturnType<PdfDocumentProxy['getPage']>>;

export const DEFAULT_MAX_PAGES = 5000;
export const DEFAULT_MAX_ITEMS_PER_PAGE = 200_000;

export interface PdfReadOptions {
  /** File name used in error messages. */
  file: string;
  password?: string;
  maxPages?: number;
  maxItemsPerPage?: number;
  /** How rules are read (default `direct`). */
  graphics?: GraphicsReader;
  /**
   * OCR of pages without a usable text layer: `auto` (default) reads by OCR the pages that have no text, `off`
   * never (an image-only PDF is NO_TEXT_LAYER), `force` reads every page by OCR, ignoring the text layer.
   */
  ocr?: OcrMode;
  /** `--pages`: the pages the caller keeps; the others are not worth an OCR pass (seconds a page). */
  pages?: string;
  log?: (message: string) => void;
}

export type OcrMode = 'auto' | 'off' | 'force';
export const OCR_MODES: readonly OcrMode[] = ['auto', 'off', 'force'];

export interface PdfReadSummary {
  pages: number;
  textItems: number;
  /** 1-based numbers of the pages that carry no text layer (scanned or drawn), OCR'd or not. */
  pagesWithoutText: number[];
  /** 1-based numbers of the pages read by OCR. */
  ocrPages: number[];
}

let pdfjsModule: Promise<Pdfjs> | undefined;
let lean = false;

/**
 * For processes that only extract (the CLI's workers, the benchmark's floor): load pdf.js without the native
 * canvas library it pulls in under Node (@napi-rs/canvas, ~20 MB resident and ~15 ms to load) only to polyfill
 * DOMMatrix, ImageData and Path2D for rendering, which fdr never does. pdf.js builds one DOMMatrix when it loads,
 * so an inert stand-in is installed when none exists. Library users keep pdf.js's default loading, since their
 * process may render. Call before the first PDF is read.
 */
export function useLeanPdfjs(): void {
  lean = true;
}

/** pdf.js is loaded on first use only, so commands that never read a PDF start fast. */
export function loadPdfjs(): Promise<Pdfjs> {
  pdfjsModule ??= (async () => {
    // While loading, pdf.js warns (console.warn, console.log in older builds: stdout may be carrying the JSON
    // output) that its canvas package is missing and rendering may be broken; we never render: drop those
    // warnings, for the import only.
    const { log, warn } = console;
    const quiet =
      (print: (...args: unknown[]) => void) =>
      (...args: unknown[]) => {
        if (typeof args[0] !== 'string' || !args[0].startsWith('Warning:')) print(...args);
      };
    console.log = quiet(log);
    console.warn = quiet(warn);
    // The legacy build's core-js polyfills replace Array.prototype.push and JSON.parse/stringify for the whole
    // thread with slow JavaScript versions (for features Node 20 lacks and fdr never uses: JSON.rawJSON, parse
    // with source) that our layout and output code would pay for too (push ~12% of CPU; stringify with a
    // callback per key, ~30 ms on a 40-page roadmap's JSON): keep the native ones. The worker module is loaded
    // here as well (pdf.js would load it lazily, re-applying the polyfills afterwards).
    const nativePush = Array.prototype.push;
    const { parse: nativeParse, stringify: nativeStringify } = JSON;
    const restoreRequire = lean ? withoutCanvas() : () => undefined;
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      return pdfjs;
    } finally {
      restoreRequire();
      Array.prototype.push = nativePush;
      JSON.parse = nativeParse;
      JSON.stringify = nativeStringify;
      console.log = log;
      console.warn = warn;
    }
  })();
  return pdfjsModule;
}

/** Keeps require('@napi-rs/canvas') from loading while pdf.js initialises; returns the undo. */
function withoutCanvas(): () => void {
  const globals = globalThis as { DOMMatrix?: unknown };
  globals.DOMMatrix ??= class InertDOMMatrix {
    a = 1;
    b = 0;
    c = 0;
    d = 1;
    e = 0;
    f = 0;
  };
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    if (request === '@napi-rs/canvas') throw new Error('not loaded: fdr does not render');
    return load.call(this, request, ...rest);
  };
  return () => {
    loader._load = load;
  };
}

/** Opens a document the way fdr reads every PDF (the benchmark's floor opens it the same way). */
export function openPdfjsDocument(pdfjs: Pdfjs, bytes: Uint8Array, password?: string, options: { images?: boolean } = {}) {
  return pdfjs.getDocument({
    // pdf.js may transfer (detach) the buffer it is given: hand it a copy.
    data: bytes.slice(),
    password,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    // Errors only: pdf.js warns about every font quirk it repairs, which is noise for a CLI user.
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    stopAtErrors: false,
    // Text and rules are all we read: images are skipped rather than decoded (time and memory), except in the
    // document opened to render pages for OCR.
    maxImageSize: options.images ? -1 : 1,
    isOffscreenCanvasSupported: false,
  });
}

function opCodes(pdfjs: Pdfjs): OpCodes {
  const O = pdfjs.OPS;
  return {
    save: O.save,
    restore: O.restore,
    transform: O.transform,
    constructPath: O.constructPath,
    paintFormXObjectBegin: O.paintFormXObjectBegin,
    paintFormXObjectEnd: O.paintFormXObjectEnd,
    setFillRGBColor: O.setFillRGBColor,
    setFillGray: O.setFillGray,
    setFillCMYKColor: O.setFillCMYKColor,
    setFillColor: O.setFillColor,
    setFillColorN: O.setFillColorN,
    stroke: O.stroke,
    closeStroke: O.closeStroke,
    fill: O.fill,
    eoFill: O.eoFill,
    fillStroke: O.fillStroke,
    eoFillStroke: O.eoFillStroke,
    closeFillStroke: O.closeFillStroke,
    closeEOFillStroke: O.closeEOFillStroke,
    endPath: O.endPath,
  };
}

const PDFJS_ERRORS = new Set(['InvalidPDFException', 'FormatError', 'XRefEntryException', 'XRefParseException', 'UnknownErrorException', 'MissingPDFException', 'ResponseException', 'AbortException', 'Error']);

/**
 * Maps what pdf.js throws to the error taxonomy. pdf.js reports damage with its own exception classes (or a
 * plain Error); a TypeError or RangeError is a bug on our side and is passed through to surface as INTERNAL.
 */
export function pdfError(e: unknown, file: string, options: { password?: string; page?: number } = {}): unknown {
  if (e instanceof FdrError) return e;
  const name = (e as { name?: string } | null)?.name ?? '';
  const message = e instanceof Error ? e.message : String(e);
  const where = options.page ? ` (page ${options.page})` : '';
  if (name === 'PasswordException') {
    const wrong = (e as { code?: number }).code === 2 || options.password !== undefined;
    return wrong
      ? new FdrError('ENCRYPTED_PDF', 'PDF is encrypted and the password given is wrong', { file, hint: 'check --password', cause: e })
      : new FdrError('ENCRYPTED_PDF', 'PDF is encrypted', { file, hint: 'pass its password with --password', cause: e });
  }
  if (!PDFJS_ERRORS.has(name)) return e;
  return new FdrError('CORRUPT_PDF', `PDF is damaged or truncated${where}: ${message}`, {
    file,
    hint: 'get a complete copy of the file, or try repairing it (qpdf in.pdf repaired.pdf)',
    cause: e,
  });
}

function fontFacts(page: PdfPageProxy, fontName: string, style: { ascent?: number; descent?: number } | undefined): FontFacts {
  const facts: FontFacts = { ascent: style?.ascent, descent: style?.descent };
  try {
    // Fonts reach commonObjs once the operator list has been built.
    if (page.commonObjs.has(fontName)) {
      const font = page.commonObjs.get(fontName) as { name?: string; bold?: boolean; black?: boolean } | undefined;
      if (font) {
        facts.name = font.name;
        facts.bold = Boolean(font.bold || font.black);
      }
    }
  } catch {
    // A font pdf.js could not load: keep the metrics, no name.
  }
  return facts;
}

/**
 * How a document's rules are read. `direct` scans each page's content stream (src/sources/pdf/direct), falling
 * back to pdf.js's operator list for a page it cannot read; `pdfjs` always uses the operator list (slower, kept
 * to check one against the other).
 */
export type GraphicsReader = 'direct' | 'pdfjs';

/** What one document's pages share while they are read. */
interface DocumentContext {
  pdfjs: Pdfjs;
  ops: OpCodes;
  options: PdfReadOptions;
  /** The direct reader, or null when the file is not for it (encrypted, unreadable structure). */
  direct: DirectPdf | null;
  /** Fonts whose facts pdf.js has been asked for (through an operator list), found or not. */
  fontsAsked: Set<string>;
  /** Pages read each way, for --verbose. */
  pagesBy: { direct: number; pdfjs: number };
}

/** Reads one page into the page model. Pure of side effects beyond pdf.js's own caches (released by the caller). */
async function readPage(context: DocumentContext, page: PdfPageProxy, number: number): Promise<PageModel> {
  const { pdfjs, ops, options } = context;
  const viewport = page.getViewport({ scale: 1 });
  const toViewport: Matrix = asMatrix(viewport.transform) ?? [1, 0, 0, -1, 0, viewport.height];
  const content = await page.getTextContent();
  const maxItems = options.maxItemsPerPage ?? DEFAULT_MAX_ITEMS_PER_PAGE;
  if (content.items.length > maxItems)
    throw new FdrError('LIMIT_EXCEEDED', `page ${number} has ${content.items.length} text items, more than the limit of ${maxItems}`, {
      file: options.file,
      hint: 'raise the limit with --max-items if the file is legitimate',
    });
  const textItems = content.items.filter((raw): raw is typeof raw & RawTextItem => 'str' in raw);

  // A font's name and weight reach pdf.js's commonObjs only through an operator list: build one for a page
  // that uses a font not met before (usually the first page or two), and read the other pages' rules directly.
  const newFonts = [...new Set(textItems.map((i) => i.fontName))].filter((f) => !context.fontsAsked.has(f) && !page.commonObjs.has(f));
  let graphics: Graphics | undefined;
  if (newFonts.length === 0 && context.direct && page.ref) {
    try {
      graphics = scanPageGraphics(context.direct, context.direct.page(new Ref(page.ref.num, page.ref.gen)), toViewport);
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      options.log?.(`page ${number}: rules read through pdf.js (${e.message})`);
    }
  }
  if (graphics) context.pagesBy.direct++;
  else {
    const operators = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
    graphics = readGraphics(operators.fnArray, operators.argsArray, ops, toViewport);
    for (const f of newFonts) context.fontsAsked.add(f);
    context.pagesBy.pdfjs++;
  }

  const fonts = new Map<string, FontFacts>();
  const items: PageModel['items'] = [];
  for (const raw of textItems) {
    let facts = fonts.get(raw.fontName);
    if (!facts) {
      facts = fontFacts(page, raw.fontName, content.styles[raw.fontName]);
      fonts.set(raw.fontName, facts);
    }
    const item = toTextItem(raw, toViewport, facts, items.length);
    if (item) items.push(item);
  }
  return { number, width: viewport.width, height: viewport.height, items, rulings: graphics.rulings, rects: graphics.rects };
}

/** The direct reader for this file, or null when it is not for it (pdf.js then reads every page's rules). */
function openDirect(bytes: Uint8Array, options: PdfReadOptions): DirectPdf | null {
  if (options.graphics === 'pdfjs') return null;
  try {
    return DirectPdf.open(bytes);
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    options.log?.(`rules read through pdf.js (${e.message})`);
    return null;
  }
}

/**
 * Opens a PDF with pdf.js (legacy build, in-process fake worker, no eval, no system fonts) and hands its pages
 * to `onPage` one at a time, releasing each page's resources before the next, so memory stays flat on long
 * documents. Throws FdrError for encrypted, damaged, over-limit and text-less PDFs.
 */
export async function readPdfPages(
  bytes: Uint8Array,
  options: PdfReadOptions,
  onPage: (page: PageModel) => void | Promise<void>,
): Promise<PdfReadSummary> {
  const pdfjs = await loadPdfjs();
  const ops = opCodes(pdfjs);
  const task = openPdfjsDocument(pdfjs, bytes, options.password);
  let doc: PdfDocumentProxy;
  let ocr: import('./ocr-pages.js').OcrPages | undefined;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw pdfError(e, options.file, { password: options.password });
  }
  try {
    const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
    if (doc.numPages > maxPages)
      throw new FdrError('LIMIT_EXCEEDED', `PDF has ${doc.numPages} pages, more than the limit of ${maxPages}`, {
        file: options.file,
        hint: 'split the document, or raise the limit with --max-pages',
      });
    if (doc.numPages === 0) throw new FdrError('CORRUPT_PDF', 'PDF has no pages', { file: options.file });
    let textItems = 0;
    const pagesWithoutText: number[] = [];
    const ocrPages: number[] = [];
    const mode = options.ocr ?? 'auto';
    const kept = options.pages === undefined ? () => true : parsePageSpec(options.pages);
    const context: DocumentContext = { pdfjs, ops, options, direct: openDirect(bytes, options), fontsAsked: new Set(), pagesBy: { direct: 0, pdfjs: 0 } };
    for (let n = 1; n <= doc.numPages; n++) {
      let model: PageModel;
      let page: PdfPageProxy | undefined;
      try {
        page = await doc.getPage(n);
        model = await readPage(context, page, n);
      } catch (e) {
        throw pdfError(e, options.file, { page: n });
      } finally {
        page?.cleanup();
      }
      if (model.items.length === 0) pagesWithoutText.push(n);
      if (kept(n) && (mode === 'force' || (mode === 'auto' && model.items.length === 0))) {
        // OCR (tesseract, a canvas) is loaded on the first page that needs it: text PDFs never load it.
        ocr ??= new (await import('./ocr-pages.js')).OcrPages(pdfjs, bytes, options);
        model = await ocr.read(n);
        ocrPages.push(n);
      }
      textItems += model.items.length;
      await onPage(model);
    }
    options.log?.(`read ${doc.numPages} pages, ${textItems} text items; rules read directly on ${context.pagesBy.direct} pages, through pdf.js on ${context.pagesBy.pdfjs}${ocrPages.length ? `; ${ocrPages.length} page(s) by OCR` : ''}`);
    if (textItems === 0)
      throw mode === 'off'
        ? new FdrError('NO_TEXT_LAYER', 'no text layer: scanned/image-only PDF, run OCR first', {
            file: options.file,
            hint: 'drop --ocr off (fdr reads such pages by OCR), or e.g. ocrmypdf -l fra in.pdf ocr.pdf, then extract ocr.pdf',
          })
        : new FdrError('NO_TEXT_LAYER', 'no text layer, and OCR found no text on any page', {
            file: options.file,
            hint: 'the pages hold no legible text (blank, drawings, or a scan too faint to read)',
          });
    return { pages: doc.numPages, textItems, pagesWithoutText, ocrPages };
  } finally {
    await ocr?.close();
    await doc.destroy().catch(() => undefined);
  }
}
