/**
 * Binary outputs (`-f xlsx`). They never go to a terminal, where they would print garbage and could upset it:
 * without -o and with stdout a terminal, the command is refused before any work (USAGE). Redirected or piped
 * stdout gets the bytes; -o writes them atomically like every other output.
 */
import { FdrError } from '../errors/index.js';
import { writeFileAtomic } from '../export/write.js';

export const BINARY_FORMATS = ['xlsx'] as const;
export type BinaryFormat = (typeof BINARY_FORMATS)[number];

export const isBinaryFormat = (format: string): format is BinaryFormat => (BINARY_FORMATS as readonly string[]).includes(format);

/** Throws when a binary output would be written to a terminal. */
export function refuseBinaryOnTerminal(format: BinaryFormat, output: string | undefined, stdoutIsTerminal = Boolean(process.stdout.isTTY)): void {
  if (output === undefined && stdoutIsTerminal)
    throw new FdrError('USAGE', `-f ${format} writes a binary file, not to a terminal`, { hint: `add -o out.${format}, or redirect: > out.${format}` });
}

/** Writes the bytes to -o (atomically; --force to overwrite; never over an input) or to stdout. */
export async function writeBinaryOutput(bytes: Uint8Array, target: { output?: string; force?: boolean; inputs: readonly string[] }): Promise<void> {
  if (target.output !== undefined) return writeFileAtomic(target.output, bytes, { force: target.force, inputs: target.inputs });
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(bytes, (e) =>
      e ? reject(new FdrError('OUTPUT_WRITE_FAILED', `cannot write to standard output (${(e as NodeJS.ErrnoException).code ?? e.message})`)) : resolve(),
    ),
  );
}
