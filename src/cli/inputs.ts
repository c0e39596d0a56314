import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FdrError } from '../errors/index.js';

const DOCUMENT_EXTENSIONS = /\.(pdf|txt|md|markdown)$/i;

/** Files named on the command line, with folders expanded to the documents inside them (sorted, recursive). */
export async function expandInputs(args: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    let st;
    try {
      st = await stat(arg);
    } catch {
      throw new FdrError('FILE_NOT_FOUND', 'no such file or folder', { file: arg, hint: 'check the path' });
    }
    if (!st.isDirectory()) {
      out.push(arg);
      continue;
    }
    const walk = async (dir: string): Promise<void> => {
      const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
      for (const e of entries) {
        const path = join(dir, e.name);
        if (e.isDirectory()) await walk(path);
        else if (DOCUMENT_EXTENSIONS.test(e.name)) out.push(path);
      }
    };
    await walk(arg);
  }
  if (!out.length) throw new FdrError('FILE_NOT_FOUND', 'no input documents found', { file: args.join(' ') });
  return [...new Set(out)];
}
