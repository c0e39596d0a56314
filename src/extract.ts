import { FdrError } from './errors/index.js';
import { type ExtractOptions, extractLoaded } from './documents/index.js';
import { ExtractedDocument } from './model/index.js';
import { type LoadedFile, loadFile } from './sources/load.js';

export type { ExtractOptions } from './documents/index.js';

/**
 * Validates a document against its Zod schema. A failure here is a bug in fdr (the readers built something
 * the schema does not allow), reported as INTERNAL with the first issues listed. `once`: this process validates
 * one document or two (the CLI's single file, a diff): zod's compiled object parsers would cost more to build
 * than they save (~10 ms on a roadmap); a batch worker, which validates one document after another, keeps them.
 */
export function validateDocument(doc: unknown, file?: string, options: { once?: boolean } = {}): ExtractedDocument {
  const result = ExtractedDocument.safeParse(doc, options.once ? { jitless: true } : undefined);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  throw new FdrError('INTERNAL', `extracted document does not match the schema: ${issues}`, {
    file,
    hint: 'this is a bug in fdr, please report it with the input file',
  });
}

/** Library entry point: read a file (PDF, text, markdown) and return its validated model. */
export async function extractFile(path: string, options: ExtractOptions = {}): Promise<ExtractedDocument> {
  return extractLoadedFile(await loadFile(path), options);
}

/** A file already read (see loadFile) into its validated model (`once`: see validateDocument). */
export async function extractLoadedFile(file: LoadedFile, options: ExtractOptions = {}, validation: { once?: boolean } = {}): Promise<ExtractedDocument> {
  return validateDocument(await extractLoaded(file, options), file.path, validation);
}
