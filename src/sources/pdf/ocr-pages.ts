/**
 * The pages of a PDF read by OCR. Rendering needs the page's images, which the text reader skips: a second
 * pdf.js document is opened for them, on the first page that needs OCR, and closed with the reading.
 */
import type { PageModel } from '../page-model.js';
import { type OcrMode, type PdfReadOptions, loadPdfjs, openPdfjsDocument, pdfError } from './document.js';

type Pdfjs = Awaited<ReturnType<typeof loadPdfjs>>;
type PdfDocumentProxy = Awaited<ReturnType<typeof openPdfjsDocument>['promise']>;

export type { OcrMode };

export class OcrPages {
  private doc: Promise<PdfDocumentProxy> | undefined;
  private ocr: typeof import('../ocr/index.js') | undefined;
  /** The document's lexicon for the repair of low-confidence words, shared by its pages. */
  private lexicon: ReturnType<typeof import('../ocr/index.js')['documentLexicon']> | undefined;

  constructor(
    private readonly pdfjs: Pdfjs,
    private readonly bytes: Uint8Array,
    private readonly options: Pick<PdfReadOptions, 'file' | 'password' | 'log'>,
  ) {}

  /** Page `number` (1-based) read by OCR into the page model. */
  async read(number: number): Promise<PageModel> {
    if (!this.ocr) {
      this.ocr = await import('../ocr/index.js');
      this.ocr.openOcr();
      this.lexicon = this.ocr.documentLexicon();
    }
    this.doc ??= openPdfjsDocument(this.pdfjs, this.bytes, this.options.password, { images: true }).promise;
    const started = Date.now();
    let page: Awaited<ReturnType<PdfDocumentProxy['getPage']>> | undefined;
    try {
      page = await (await this.doc).getPage(number);
      const model = await this.ocr.ocrPage(page, number, this.lexicon);
      const f = model.ocr;
      this.options.log?.(
        `page ${number}: OCR at ${f.dpi} dpi, ${f.words} words, confidence ${f.confidence}, skew ${f.skew}°${f.rotation ? `, turned ${f.rotation}°` : ''} (${Date.now() - started} ms)`,
      );
      if (f.repaired?.length) this.options.log?.(`page ${number}: words repaired from the lexicon: ${f.repaired.join(', ')}`);
      if (f.ambiguous?.length) this.options.log?.(`page ${number}: words left as read, between candidates: ${f.ambiguous.join(', ')}`);
      return model;
    } catch (e) {
      throw pdfError(e, this.options.file, { page: number });
    } finally {
      page?.cleanup();
    }
  }

  async close(): Promise<void> {
    const doc = this.doc;
    this.doc = undefined;
    if (doc) await (await doc.catch(() => undefined))?.destroy().catch(() => undefined);
    await this.ocr?.closeOcr();
  }
}
