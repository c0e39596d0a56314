import { FdrError } from '../errors/index.js';
import type { ExtractedDocument } from '../model/index.js';
import type { LoadedFile } from '../sources/load.js';
import type { ExtractOptions } from './index.js';

/** PDF input: placeholder until the PDF pipeline lands. */
export async function extractPdf(file: LoadedFile, _options: ExtractOptions): Promise<ExtractedDocument> {
  throw new FdrError('UNSUPPORTED_FORMAT', 'PDF input is not supported yet', { file: file.path });
}
