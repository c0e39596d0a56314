/**
 * Small images of PDF pages, for the HTML report's thumbnails: pdf.js draws each page on a canvas from
 * @napi-rs/canvas (pdf.js's own Node canvas, an optional dependency of pdfjs-dist), encoded as JPEG.
 * Loaded only when thumbnails are asked for; extraction never renders.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadPdfjs, pdfError } from './document.js';

export interface RenderedPage {
  /** `data:image/jpeg;base64,…` */
  dataUri: string;
  /** Page size in PDF points, as the boxes of the provenance are measured. */
  width: number;
  height: number;
}

type Canvas = typeof import('@napi-rs/canvas');

const require = createRequire(import.meta.url);

/** The canvas library, or why it cannot be used here (not installed for this platform). */
function loadCanvas(): Canvas | string {
  try {
    return require('@napi-rs/canvas') as Canvas;
  } catch (e) {
    return `la bibliothèque de rendu @napi-rs/canvas n’a pas pu être chargée (${(e as Error).message.split('\n')[0]})`;
  }
}

/**
 * pdf.js draws with DOMMatrix, Path2D and ImageData. A process that loaded pdf.js for extraction only holds an
 * inert DOMMatrix stand-in (see useLeanPdfjs): put the canvas library's real classes in place before drawing.
 */
function installDrawingGlobals(canvas: Canvas): void {
  const g = globalThis as Record<string, unknown>;
  const dm = g['DOMMatrix'] as { prototype?: { multiplySelf?: unknown } } | undefined;
  if (typeof dm?.prototype?.multiplySelf !== 'function') g['DOMMatrix'] = canvas.DOMMatrix;
  g['Path2D'] ??= canvas.Path2D;
  g['ImageData'] ??= canvas.ImageData;
}

/**
 * Renders the given 1-based pages `widthPx` wide. Returns the images, or a reason (in French, shown in the
 * report) when rendering is not available; a damaged PDF throws the usual typed error.
 */
export async function renderPages(
  file: string,
  pages: readonly number[],
  options: { widthPx?: number; quality?: number; password?: string } = {},
): Promise<Map<number, RenderedPage> | string> {
  const canvas = loadCanvas();
  if (typeof canvas === 'string') return canvas;
  installDrawingGlobals(canvas);
  const pdfjs = await loadPdfjs();
  const fontDir = join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts/');
  const bytes = new Uint8Array(await readFile(file));
  const task = pdfjs.getDocument({
    data: bytes,
    password: options.password,
    isEvalSupported: false,
    useSystemFonts: false,
    // Fonts not embedded in the file (the 14 standard ones) are drawn from pdf.js's own copies.
    standardFontDataUrl: fontDir,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isOffscreenCanvasSupported: false,
  });
  const out = new Map<number, RenderedPage>();
  try {
    const doc = await task.promise;
    for (const n of pages) {
      if (n < 1 || n > doc.numPages) continue;
      const page = await doc.getPage(n);
      const size = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: (options.widthPx ?? 300) / size.width });
      const surface = canvas.createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const context = surface.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, surface.width, surface.height);
      await page.render({ canvasContext: context as never, canvas: surface as never, viewport }).promise;
      const jpeg = await surface.encode('jpeg', options.quality ?? 72);
      out.set(n, { dataUri: `data:image/jpeg;base64,${jpeg.toString('base64')}`, width: size.width, height: size.height });
      page.cleanup();
    }
  } catch (e) {
    throw pdfError(e, file, { password: options.password });
  } finally {
    await task.destroy();
  }
  return out;
}
