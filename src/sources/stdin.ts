/**
 * `-` as an input: the document is read from standard input (`cat x.pdf | fdr extract -`). Standard input can
 * be read once, so its bytes are kept for the process; an extraction worker, which has no standard input of
 * its own, is handed the bytes its parent read.
 */
import { FdrError } from '../errors/index.js';

/** The command-line argument that names standard input. */
export const STDIN_ARG = '-';
/** How standard input is named in outputs (`source.file`, the Source column) and in error lines. */
export const STDIN_NAME = 'stdin';

let bytes: Promise<Uint8Array> | undefined;

/** A worker process: the bytes of standard input as its parent read them. */
export function provideStdin(given: Uint8Array): void {
  bytes = Promise.resolve(given);
}

/** The whole of standard input; refused when it is a terminal (nothing was piped in). */
export function readStdin(stream: NodeJS.ReadStream = process.stdin): Promise<Uint8Array> {
  if (bytes) return bytes;
  if (stream.isTTY)
    return Promise.reject(
      new FdrError('USAGE', 'standard input is a terminal: "-" reads a document piped in', { file: STDIN_NAME, hint: 'e.g. cat roadmap.pdf | fdr extract -' }),
    );
  bytes = (async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return new Uint8Array(Buffer.concat(chunks));
  })();
  return bytes;
}
