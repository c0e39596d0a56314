/**
 * The CLI's entry point (bin/fdr.js). Before the CLI itself loads (commander and the command's modules, ~30 ms),
 * a command line that will read a PDF gets its page reader started (prestartPageReader), so that the worker
 * loads pdf.js meanwhile: pdf.js's loading and reading are the critical path of a single PDF.
 */
import { existsSync } from 'node:fs';

export async function start(argv: string[]): Promise<void> {
  const args = argv.slice(2);
  if (readingCommand(args) !== undefined) {
    const reader = await import('../batch/page-reader.js');
    if (willReadPdfs(args, reader.isPdfFile)) reader.prestartPageReader();
  }
  await (await import('./index.js')).main(argv);
}

/** The commands that read their PDFs with one page reader in this process (extract: for a single input). */
const READING_COMMANDS = new Set(['extract', 'diff', 'check', 'compare']);

/** The command of these arguments when it is one that reads PDFs (global options come before it). */
function readingCommand(args: readonly string[]): string | undefined {
  const command = args.find((a) => !a.startsWith('-'));
  return command !== undefined && READING_COMMANDS.has(command) ? command : undefined;
}

/** Options whose value names a path that is not an input. */
const PATH_OPTIONS = new Set(['-o', '--output', '--debug']);

/**
 * A guess from the raw arguments, before commander has parsed them, whether the command will read PDFs with a
 * page reader of the default options: a reading command, no option asking for another reader (--isolation,
 * --max-memory) or for help, and among its arguments a PDF file; for extract, the only existing file or folder
 * named (with another one, or a text file, it is a batch). A wrong guess costs only time: the command discards
 * a reader it does not need, and starts its own when this one does not fit.
 */
export function willReadPdfs(args: readonly string[], isPdfFile: (path: string) => boolean): boolean {
  const command = readingCommand(args);
  if (command === undefined) return false;
  const rest = args.slice(args.indexOf(command) + 1);
  if (rest.some((a) => /^(--isolation|--max-memory|--help|-h)(=|$)/.test(a))) return false;
  const named = rest.filter((a, i) => !a.startsWith('-') && !PATH_OPTIONS.has(rest[i - 1] ?? '') && existsSync(a));
  const pdfs = named.filter(isPdfFile).length;
  return command === 'extract' ? named.length === 1 && pdfs === 1 : pdfs > 0;
}
