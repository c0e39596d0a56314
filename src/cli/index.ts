import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { FdrError, toFdrError } from '../errors/index.js';
import { removePendingTemps } from '../export/write.js';

const require = createRequire(import.meta.url);
const { version } = require('../../package.json') as { version: string };

/**
 * Set anywhere on the command line. --verbose: stack traces and diagnostics on stderr. --quiet: no progress
 * and no notices on stderr (errors are always printed); write notices through `notice()`.
 */
export const runtime = { verbose: false, quiet: false };

/** A line on stderr that is not an error (progress summary, "no table found"): silenced by --quiet. */
export function notice(line: string): void {
  if (!runtime.quiet) process.stderr.write(`${line}\n`);
}

export function reportError(e: unknown): number {
  const err = toFdrError(e);
  process.stderr.write(`${err.oneLine()}\n`);
  if (runtime.verbose || err.code === 'INTERNAL') {
    const cause = err.cause instanceof Error ? err.cause : err;
    if (runtime.verbose) process.stderr.write(`${cause.stack ?? String(cause)}\n`);
  }
  return err.exitCode;
}

/** Commands are imported when they run, so `fdr --version` does not load pdf.js or zod. */
function lazy(load: () => Promise<{ run: (...args: any[]) => Promise<number> }>) {
  return async (...args: unknown[]) => {
    const mod = await load();
    process.exitCode = await mod.run(...args);
  };
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('fdr')
    .description('Turn French public-health planning documents (feuilles de route, restitutions, announcements) into typed data.')
    .version(version, '-V, --version')
    .option('--verbose', 'diagnostics and stack traces on stderr')
    .addOption(new Option('-q, --quiet', 'no progress or notices on stderr (errors are still printed)').conflicts('verbose'))
    // Command-line mistakes get the same one-line shape as every other error.
    .configureOutput({
      outputError: (str, write) => write(`fdr: ${str.replace(/^error:\s*/i, '').trim().replace(/\s*\n\s*/g, ' ')} — run fdr --help for usage [USAGE]\n`),
    })
    .exitOverride();
  program.hook('preAction', (cmd) => {
    runtime.verbose = Boolean(cmd.optsWithGlobals().verbose);
    runtime.quiet = Boolean(cmd.optsWithGlobals().quiet);
  });

  program
    .command('extract')
    .description('extract PDF, text or markdown documents into JSON, CSV, YAML, an Excel workbook or an HTML report')
    .argument('<inputs...>', 'files, folders or globs; - reads standard input')
    .option('-f, --format <format>', 'json | csv | yaml | jsonl | xlsx | html', 'json')
    .option('-o, --output <path>', 'output file (one input) or folder (several inputs); default stdout')
    .option('-k, --kind <kind>', 'auto | roadmap | restitution | events', 'auto')
    .option('--bom', 'CSV: start with a UTF-8 byte-order mark (Excel)')
    .option('--delimiter <char>', 'CSV: field delimiter, e.g. ";" for French Excel', ',')
    .option('--password <password>', 'password of an encrypted PDF')
    .option('--pages <list>', 'PDF: pages to read, e.g. 1-3,7 or 5-')
    .option('--debug <dir>', 'PDF: write per-page SVG overlays of the detected layout into <dir>')
    .option('--summary', 'print a readable summary table instead of the data')
    .option('--thumbnails', 'HTML report of a PDF: show each action on a small image of its page')
    .option('--force', 'overwrite existing output files')
    .option('-j, --jobs <n>', 'files extracted in parallel (default: one per core)')
    .option('--timeout <seconds>', 'give up on a file after this many seconds (0: no limit)', '300')
    .option('--max-memory <mb>', 'heap limit of each extraction worker, in MB (default 1024)')
    .option('--max-pages <n>', 'refuse PDFs with more pages than this')
    .option('--max-items <n>', 'refuse PDF pages with more text items than this')
    .option('--isolation <mode>', 'process (default: a crash stays in its worker) | thread (lighter)')
    .option('--ocr <mode>', 'auto (OCR pages without a text layer) | off | force (OCR every page)', 'auto')
    .action(lazy(() => import('./extract.js')));

  program
    .command('tables')
    .description('every table of PDF files (ruled, partly ruled or whitespace only) as JSON, CSV or Markdown')
    .argument('<inputs...>', 'PDF files, folders or globs')
    .option('-f, --format <format>', 'json | csv | markdown | xlsx', 'json')
    .option('-o, --output <path>', 'output file, or folder (one file per input; CSV: one file per table)')
    .option('--pages <list>', 'pages to read, e.g. 2-5 or 1,4,7-')
    .option('--debug <dir>', 'write per-page SVG overlays of the tables found into <dir>')
    .option('--password <password>', 'password of an encrypted PDF')
    .option('--bom', 'CSV: start with a UTF-8 byte-order mark (Excel)')
    .option('--delimiter <char>', 'CSV: field delimiter', ',')
    .option('--force', 'overwrite existing output files')
    .option('-j, --jobs <n>', 'files read in parallel (default: one per core)')
    .option('--timeout <seconds>', 'give up on a file after this many seconds (0: no limit)', '300')
    .option('--max-memory <mb>', 'heap limit of each worker, in MB (default 1024)')
    .option('--max-pages <n>', 'refuse PDFs with more pages than this')
    .option('--max-items <n>', 'refuse PDF pages with more text items than this')
    .option('--isolation <mode>', 'process (default) | thread')
    .option('--ocr <mode>', 'auto (OCR pages without a text layer) | off | force (OCR every page)', 'auto')
    .action(lazy(() => import('./tables.js')));

  program
    .command('diff')
    .description('what changed between two editions of a roadmap (PDF, text or fdr JSON)')
    .argument('<old>')
    .argument('<new>')
    .option('-f, --format <format>', 'text | json | markdown | csv | xlsx | html', 'text')
    .option('-o, --output <path>', 'write the report to a file')
    .option('--force', 'overwrite an existing output file')
    .option('--ocr <mode>', 'auto (OCR pages without a text layer) | off | force (OCR every page)', 'auto')
    .action(lazy(() => import('./diff.js')));

  program
    .command('compare')
    .description('compare territories side by side, axis by axis')
    .argument('<inputs...>')
    .option('-f, --format <format>', 'text | json | csv | yaml | markdown | xlsx | html', 'text')
    .option('-o, --output <path>', 'write the table to a file')
    .option('--force', 'overwrite an existing output file')
    .action(lazy(() => import('./compare.js')));

  program
    .command('check')
    .description('run quality rules on roadmaps (for CI)')
    .argument('<inputs...>')
    .option('-r, --reporter <reporter>', 'text | json | github | junit', 'text')
    .option('--fail-on <severity>', 'error | warning', 'error')
    .option('--pages <list>', 'PDF: pages to check, e.g. 1-3,7 or 5-')
    .option('-o, --output <path>', 'write the report to a file')
    .option('--force', 'overwrite an existing output file')
    .option('--ocr <mode>', 'auto (OCR pages without a text layer) | off | force (OCR every page)', 'auto')
    .action(lazy(() => import('./check.js')));

  program
    .command('schema')
    .description('print the JSON Schema of a document kind')
    .argument('<kind>', 'roadmap | restitution | events | diff')
    .action(lazy(() => import('./schema.js')));

  program
    .command('completion')
    .description('print a shell completion script: source <(fdr completion bash)')
    .argument('<shell>', 'bash | zsh')
    .action(lazy(() => import('./completion.js')));

  return program;
}

export async function main(argv: string[]): Promise<void> {
  const stop = (signal: NodeJS.Signals) => {
    removePendingTemps();
    process.stderr.write(`fdr: interrupted by ${signal}; no partial output left [INTERRUPTED]\n`);
    process.exit(130);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      process.exitCode = e.exitCode === 0 ? 0 : new FdrError('USAGE', '').exitCode;
      return;
    }
    process.exitCode = reportError(e);
  }
}
