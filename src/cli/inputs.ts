import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expandGlob, hasGlobMagic } from '../batch/glob.js';
import type { BatchItem } from '../batch/run.js';
import { FdrError } from '../errors/index.js';
import { STDIN_ARG, readStdin } from '../sources/stdin.js';

/** `--ocr`: pages without a text layer read by OCR (`auto`), never (`off`), or every page (`force`). */
export type OcrFlag = 'auto' | 'off' | 'force';

export function ocrFlag(value: string | undefined): OcrFlag {
  if (value === undefined || value === 'auto' || value === 'off' || value === 'force') return value ?? 'auto';
  throw new FdrError('USAGE', `unknown --ocr "${value}"`, { hint: 'use auto (OCR pages without text), off or force (OCR every page)' });
}

/** What a folder (or a glob matching a folder) contributes: documents by extension, found recursively. */
export const DOCUMENT_EXTENSIONS = /\.(pdf|txt|md|markdown)$/i;

/** Documents inside a folder and its sub-folders, sorted, hidden entries skipped. */
async function documentsIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = (await readdir(d, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const path = join(d, e.name);
      if (e.isDirectory()) await walk(path);
      else if (DOCUMENT_EXTENSIONS.test(e.name) && (e.isFile() || (e.isSymbolicLink() && (await stat(path).then((s) => s.isFile(), () => false)))))
        out.push(path);
    }
  };
  await walk(dir);
  return out;
}

function noDocuments(dir: string): FdrError {
  return new FdrError('FILE_NOT_FOUND', 'no documents in this folder', {
    file: dir,
    hint: 'fdr looks for .pdf, .txt, .md and .markdown files in it and its sub-folders',
  });
}

/**
 * The inputs of `fdr extract`, in command-line order: files as given, folders replaced by the documents inside
 * them (recursive), globs the shell left alone (quoted, or on Windows) expanded here. An argument that yields
 * nothing becomes an item carrying its error, so that one bad argument fails alone and the batch goes on.
 * The same file reached twice (a file inside a folder also named) is extracted once.
 */
export async function expandInputItems(args: readonly string[]): Promise<BatchItem[]> {
  const items: BatchItem[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    items.push({ input: path });
  };

  for (const arg of args) {
    if (arg === STDIN_ARG) {
      if (!seen.has(STDIN_ARG)) items.push({ input: STDIN_ARG });
      seen.add(STDIN_ARG);
      continue;
    }
    const st = await stat(arg).catch(() => undefined);
    if (st?.isDirectory()) {
      const docs = await documentsIn(arg);
      if (!docs.length) items.push({ input: arg, error: noDocuments(arg) });
      docs.forEach(add);
    } else if (st) {
      add(arg);
    } else if (hasGlobMagic(arg)) {
      // Like folders, globs pick documents by extension: 'reports/**' does not drag in every .json or .png.
      const found: string[] = [];
      for (const m of await expandGlob(arg)) {
        if (m.isDirectory) found.push(...(await documentsIn(m.path)));
        else if (DOCUMENT_EXTENSIONS.test(m.path)) found.push(m.path);
      }
      if (!found.length)
        items.push({
          input: arg,
          error: new FdrError('FILE_NOT_FOUND', 'no document matches this pattern', { file: arg, hint: 'check the pattern; globs pick .pdf, .txt, .md and .markdown files' }),
        });
      found.forEach(add);
    } else {
      items.push({ input: arg, error: new FdrError('FILE_NOT_FOUND', 'no such file or folder', { file: arg, hint: 'check the path' }) });
    }
  }
  return items;
}

/** The same expansion for commands that stop at the first bad argument: the paths, or the first argument's error. */
export async function expandInputs(args: readonly string[]): Promise<string[]> {
  const items = await expandInputItems(args);
  const failed = items.find((x) => x.error);
  if (failed?.error) throw failed.error;
  return items.map((x) => x.input);
}

/** Input "-" gets the bytes of standard input (read once here, handed to its worker), or its error. */
export async function withStdin(items: BatchItem[]): Promise<BatchItem[]> {
  for (const item of items)
    if (item.input === STDIN_ARG && !item.error)
      await readStdin().then(
        (bytes) => void (item.stdin = bytes),
        (e: unknown) => void (item.error = e instanceof FdrError ? e : new FdrError('FILE_NOT_FOUND', `cannot read standard input (${String(e)})`)),
      );
  return items;
}
