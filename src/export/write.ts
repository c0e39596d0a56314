import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsync, openSync, realpathSync, rmSync, writeFile } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { FdrError } from '../errors/index.js';

/** Temp files not yet renamed into place; removed if the process is interrupted. */
const pendingTemps = new Set<string>();
const writeFd = promisify(writeFile);
const fsyncFd = promisify(fsync);

export function removePendingTemps(): void {
  for (const t of pendingTemps) rmSync(t, { force: true });
  pendingTemps.clear();
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  return real(a) === real(b);
}

/**
 * Writes a file atomically: a temp file in the same folder, fsync, then rename over the target. A reader never
 * sees half a file, and an interrupted run leaves none. Refuses to overwrite an input, or an existing file
 * without `force`.
 */
export async function writeFileAtomic(target: string, content: string | Uint8Array, options: { force?: boolean; inputs?: readonly string[] } = {}): Promise<void> {
  if (options.inputs?.some((input) => samePath(input, target)))
    throw new FdrError('OUTPUT_IS_INPUT', 'output path is an input file', { file: target, hint: 'choose another -o' });
  if (!options.force && existsSync(target))
    throw new FdrError('OUTPUT_EXISTS', 'output file already exists', { file: target, hint: 'pass --force to overwrite it' });
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  pendingTemps.add(temp);
  try {
    // Created synchronously: a signal handler then runs either before the file exists or after it is listed in
    // `pendingTemps`, never while an asynchronous open is still creating it (which left a temp file behind).
    const fd = openSync(temp, 'wx');
    try {
      await writeFd(fd, content, typeof content === 'string' ? 'utf8' : undefined);
      await fsyncFd(fd);
    } finally {
      closeSync(fd);
    }
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true });
    if (e instanceof FdrError) throw e;
    throw new FdrError('OUTPUT_WRITE_FAILED', `cannot write output (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { file: target });
  } finally {
    pendingTemps.delete(temp);
  }
}
