/**
 * Renders a PDF page to a greyscale image with pdf.js and its Node canvas (@napi-rs/canvas). The resolution is
 * chosen from the page size: about 300 dpi, less for a page so large that the image would pass `MAX_PIXELS`.
 */
import { createRequire } from 'node:module';
import { type GreyImage, rgbaToGrey } from './image.js';

export const TARGET_DPI = 300;
/** ~ A3 at 300 dpi: beyond it the resolution drops so memory stays bounded whatever the page size. */
const MAX_PIXELS = 18_000_000;

interface RenderablePage {
  getViewport(options: { scale: number }): { width: number; height: number };
  render(params: Record<string, unknown>): { promise: Promise<void> };
}

/** Points-to-pixels scale for a page of `width` × `height` points. */
export function renderScale(width: number, height: number): number {
  const scale = TARGET_DPI / 72;
  const pixels = width * height * scale * scale;
  return pixels > MAX_PIXELS ? scale * Math.sqrt(MAX_PIXELS / pixels) : scale;
}

let canvasModule: typeof import('@napi-rs/canvas') | undefined;

/**
 * The canvas library, and the DOMMatrix / ImageData / Path2D it provides, which pdf.js's renderer needs: a worker
 * that only extracts text loads pdf.js without them (see useLeanPdfjs); they are installed here, on the first
 * page that is rendered.
 */
function canvas(): typeof import('@napi-rs/canvas') {
  if (canvasModule) return canvasModule;
  const loaded = createRequire(import.meta.url)('@napi-rs/canvas') as typeof import('@napi-rs/canvas');
  const globals = globalThis as Record<string, unknown>;
  const matrix = globals.DOMMatrix as { name?: string } | undefined;
  if (!matrix || matrix.name === 'InertDOMMatrix') globals.DOMMatrix = loaded.DOMMatrix;
  globals.ImageData ??= loaded.ImageData;
  globals.Path2D ??= loaded.Path2D;
  canvasModule = loaded;
  return loaded;
}

/** The page on white paper, in grey, and the scale used (pixels per point). */
export async function renderPage(page: RenderablePage): Promise<{ image: GreyImage; scale: number }> {
  const { createCanvas } = canvas();
  const base = page.getViewport({ scale: 1 });
  const scale = renderScale(base.width, base.height);
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.round(viewport.width));
  const height = Math.max(1, Math.round(viewport.height));
  const surface = createCanvas(width, height);
  const context = surface.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  await page.render({ canvasContext: context, canvas: surface, viewport, background: '#ffffff' }).promise;
  const pixels = context.getImageData(0, 0, width, height).data;
  return { image: rgbaToGrey(pixels, width, height), scale };
}
