import { mkdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, sep } from 'node:path';
import { outputNames } from '../batch/output-names.js';
import type { Isolation } from '../batch/pool.js';
import { DEFAULT_MAX_MEMORY_MB, discardPrestartedPageReader } from '../batch/page-reader.js';

export { DEFAULT_MAX_MEMORY_MB };
import { ProgressBar } from '../batch/progress.js';
import type { ExtractTask } from '../batch/task.js';
import { type BatchItem, type Destination, checkTarget, runBatch } from '../batch/run.js';
import { FdrError } from '../errors/index.js';
import type { OutputFormat } from '../export/index.js';
import type { DocumentKind } from '../model/index.js';
import { notice, runtime } from './index.js';
import { expandInputItems, type OcrFlag, ocrFlag, withStdin } from './inputs.js';
import { STDIN_ARG, STDIN_NAME } from '../sources/stdin.js';
import { parsePageSpec } from '../sources/page-spec.js';
import { BINARY_FORMATS, isBinaryFormat } from './binary-output.js';

export interface ExtractCliOptions {
  format: string;
  output?: string;
  kind: string;
  bom?: boolean;
  delimiter: string;
  password?: string;
  pages?: string;
  debug?: string;
  summary?: boolean;
  thumbnails?: boolean;
  force?: boolean;
  jobs?: string;
  timeout: string;
  maxMemory?: string;
  maxPages?: string;
  maxItems?: string;
  isolation?: string;
  ocr?: string;
}

const KINDS = ['auto', 'roadmap', 'restitution', 'events'] as const;
/**
 * The exporters' formats, listed here rather than imported: the main process only routes text, and loading
 * the exporters (yaml, csv-stringify, zod) would cost it ~20 MB for nothing. The Record type keeps the list whole.
 */
const FORMATS: Record<OutputFormat, true> = { json: true, csv: true, yaml: true, jsonl: true, html: true };
const OUTPUT_FORMATS = [...(Object.keys(FORMATS) as OutputFormat[]), ...BINARY_FORMATS];
const ISOLATIONS: readonly Isolation[] = ['process', 'thread'];
/** Batches: a child process per worker, so that any crash stays inside it. */
export const DEFAULT_ISOLATION: Isolation = 'process';
/** A single PDF: its pages are read in a thread of the CLI process (see src/batch/single.ts). */
export const DEFAULT_SINGLE_PDF_ISOLATION: Isolation = 'thread';

interface CheckedOptions {
  /** As given; each path has its own default. */
  isolation: Isolation | undefined;
  /** The text format the workers write: JSON documents when the output is a workbook. */
  format: OutputFormat;
  workbook: boolean;
  kind: 'auto' | DocumentKind;
  jobs: number;
  timeoutMs: number;
  maxMemoryMb: number;
  maxPages?: number;
  maxItemsPerPage?: number;
  ocr: OcrFlag;
}

function integerFlag(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min)
    throw new FdrError('USAGE', `${flag} must be a whole number of at least ${min}, got "${value}"`);
  return n;
}

function checkOptions(o: ExtractCliOptions): CheckedOptions {
  const workbook = isBinaryFormat(o.format);
  if (!Object.hasOwn(FORMATS, o.format) && !workbook)
    throw new FdrError('USAGE', `unknown --format "${o.format}"`, { hint: `use one of ${OUTPUT_FORMATS.join(', ')}` });
  if (!KINDS.includes(o.kind as (typeof KINDS)[number]))
    throw new FdrError('USAGE', `unknown --kind "${o.kind}"`, { hint: `use one of ${KINDS.join(', ')}` });
  if ([...o.delimiter].length !== 1 || /[\r\n"]/.test(o.delimiter))
    throw new FdrError('USAGE', `--delimiter must be one character other than a quote or line break, got "${o.delimiter}"`, { hint: 'e.g. --delimiter ";"' });
  const timeout = Number(o.timeout);
  if (!/^\s*[\d.]+\s*$/.test(o.timeout) || !Number.isFinite(timeout) || timeout < 0)
    throw new FdrError('USAGE', `--timeout must be a number of seconds, got "${o.timeout}"`, { hint: 'e.g. --timeout 60 (0: no limit)' });
  const isolation = o.isolation as Isolation | undefined;
  if (isolation !== undefined && !ISOLATIONS.includes(isolation)) throw new FdrError('USAGE', `unknown --isolation "${o.isolation}"`, { hint: `use one of ${ISOLATIONS.join(', ')}` });
  if (o.pages !== undefined) parsePageSpec(o.pages); // a bad list fails before any work
  if (o.thumbnails && o.format !== 'html') throw new FdrError('USAGE', '--thumbnails goes with -f html', { hint: 'add -f html, or drop --thumbnails' });
  if (o.summary && o.output) throw new FdrError('USAGE', '--summary prints to the terminal and takes no -o', { hint: 'drop one of them' });
  if (o.summary && workbook) throw new FdrError('USAGE', `--summary prints to the terminal and takes no -f ${o.format}`, { hint: 'drop one of them' });
  return {
    isolation,
    format: workbook ? 'json' : (o.format as OutputFormat),
    workbook,
    kind: o.kind as 'auto' | DocumentKind,
    jobs: integerFlag('--jobs', o.jobs, 1) ?? availableParallelism(),
    timeoutMs: timeout === 0 ? Infinity : timeout * 1000,
    maxMemoryMb: integerFlag('--max-memory', o.maxMemory, 64) ?? DEFAULT_MAX_MEMORY_MB,
    maxPages: integerFlag('--max-pages', o.maxPages, 1),
    maxItemsPerPage: integerFlag('--max-items', o.maxItems, 1),
    ocr: ocrFlag(o.ocr),
  };
}

/** What the extraction itself is told, wherever it runs. */
function extractTaskOptions(checked: CheckedOptions, options: ExtractCliOptions): ExtractTask['extract'] {
  return {
    kind: checked.kind,
    ocr: checked.ocr,
    verbose: runtime.verbose,
    ...(options.password === undefined ? {} : { password: options.password }),
    ...(options.pages === undefined ? {} : { pages: options.pages }),
    ...(options.debug === undefined ? {} : { debugDir: options.debug }),
    ...(checked.maxPages === undefined ? {} : { maxPages: checked.maxPages }),
    ...(checked.maxItemsPerPage === undefined ? {} : { maxItemsPerPage: checked.maxItemsPerPage }),
  };
}

const isDirectory = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

/**
 * Where each input's output goes. With several inputs `-o` is a folder (created if needed) holding one file per
 * input; with one input it is the output file, unless it names an existing folder or ends with a slash.
 */
function destinationFor(items: readonly BatchItem[], output: string | undefined, o: CheckedOptions & { summary: boolean }): Destination {
  const several = items.length > 1;
  // One page per document: several HTML reports are never run together on stdout.
  if (output === undefined && several && o.format === 'html' && !o.summary)
    throw new FdrError('USAGE', '-f html writes one report per document: give -o FOLDER when extracting several inputs', { hint: 'e.g. -o reports/' });
  if (output === undefined) return several && !o.summary && (o.format === 'json' || o.format === 'csv') ? { kind: 'stdout-combined' } : { kind: 'stdout' };
  const folder = several || isDirectory(output) || output.endsWith('/') || output.endsWith(sep);
  if (!folder) return { kind: 'files', paths: [output] };
  const st = statSync(output, { throwIfNoEntry: false });
  if (st && !st.isDirectory())
    throw new FdrError('USAGE', '-o must be a folder when extracting several inputs', { file: output, hint: 'give a folder (it is created if missing), or use --format jsonl without -o' });
  try {
    mkdirSync(output, { recursive: true });
  } catch (e) {
    throw new FdrError('OUTPUT_WRITE_FAILED', `cannot create the output folder (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { file: output });
  }
  return { kind: 'files', paths: outputNames(items.map((x) => (x.input === STDIN_ARG ? STDIN_NAME : x.input)), o.format).map((name) => join(output, name)) };
}

/** Stdout closed under us: `| head` is done reading (stop quietly, like other Unix tools), or a real failure. */
function onStdoutError(e: NodeJS.ErrnoException): void {
  if (e.code === 'EPIPE') process.exit(0);
  process.stderr.write(`${new FdrError('OUTPUT_WRITE_FAILED', `cannot write to standard output (${e.code ?? e.message})`).oneLine()}\n`);
  process.exit(new FdrError('OUTPUT_WRITE_FAILED', '').exitCode);
}

export async function run(inputArgs: string[], options: ExtractCliOptions): Promise<number> {
  const checked = checkOptions(options);
  process.stdout.on('error', onStdoutError);
  const items = await withStdin(await expandInputItems(inputArgs));
  const single = items.length === 1;
  const force = Boolean(options.force);
  const protectedInputs = items.map((x) => x.input);

  // A single input fails like a single command: its own error, its own exit code, nothing else printed.
  if (single && items[0]!.error) throw items[0]!.error;
  const workbook = checked.workbook ? await import('./extract-workbook.js') : undefined;
  const workbookPath = workbook?.workbookTarget(items, options.output, { force, protectedInputs });
  const destination: Destination = workbook ? { kind: 'documents' } : destinationFor(items, options.output, { ...checked, summary: Boolean(options.summary) });
  if (single && destination.kind === 'files') {
    const refusal = checkTarget(destination.paths[0]!, { force, protectedInputs });
    if (refusal) throw refusal;
  }

  if (single && !items[0]!.error && !checked.workbook) {
    const done = await extractSingleFile(items[0]!.input, destination, checked, options, protectedInputs);
    if (done) return 0;
  }

  // A batch (or a text input) reads its files in the batch's own workers.
  discardPrestartedPageReader();
  const progress = !single && !runtime.quiet && process.stderr.isTTY ? new ProgressBar(process.stderr, items.length) : undefined;
  const say = (line: string) => (progress ? progress.log(line) : process.stderr.write(`${line}\n`));
  const debugDirs =
    options.debug && !single ? outputNames(protectedInputs, 'debug').map((name) => join(options.debug!, name.replace(/\.debug$/, ''))) : undefined;

  const report = await runBatch(items, {
    jobs: checked.jobs,
    isolation: checked.isolation ?? DEFAULT_ISOLATION,
    timeoutMs: checked.timeoutMs,
    maxMemoryMb: checked.maxMemoryMb,
    extract: extractTaskOptions(checked, options),
    format: checked.format,
    csv: { bom: options.bom, delimiter: options.delimiter },
    ...(options.thumbnails ? { thumbnails: true } : {}),
    summary: Boolean(options.summary),
    destination,
    force,
    protectedInputs,
    ...(debugDirs ? { debugDirs } : {}),
    ...(progress ? { progress } : {}),
    ...(runtime.verbose ? { log: (line: string) => say(`fdr: ${line}`) } : {}),
  });

  if (workbook) await workbook.writeExtractWorkbook(items, report, { output: workbookPath, force, protectedInputs });
  const failures = report.outcomes.filter((o) => !o.ok);
  if (single) {
    if (failures[0]?.error) throw failures[0].error;
    return 0;
  }
  for (const f of failures) {
    process.stderr.write(`${f.error!.oneLine()}\n`);
    if (runtime.verbose && f.error!.cause instanceof Error) process.stderr.write(`${f.error!.cause.stack}\n`);
  }
  // The closing line is a notice, except after failures: then it carries the batch's error code.
  if (failures.length) process.stderr.write(`${batchSummaryLine(report.outcomes, report.seconds)}\n`);
  else notice(batchSummaryLine(report.outcomes, report.seconds));
  return failures.length ? new FdrError('BATCH_PARTIAL', '').exitCode : 0;
}

/**
 * One PDF is extracted in this process, its pages read in a page reader (src/batch/single.ts): false for any
 * other input (text, markdown), which goes to a worker like a batch of one. Throws the input's own error.
 */
async function extractSingleFile(
  input: string,
  destination: Destination,
  checked: CheckedOptions,
  options: ExtractCliOptions,
  protectedInputs: readonly string[],
): Promise<boolean> {
  const { loadFile } = await import('../sources/load.js');
  const file = await loadFile(input);
  if (file.info.format !== 'pdf') return false;
  const { extractSinglePdf } = await import('../batch/single.js');
  await extractSinglePdf(file, {
    isolation: checked.isolation ?? DEFAULT_SINGLE_PDF_ISOLATION,
    timeoutMs: checked.timeoutMs,
    maxMemoryMb: checked.maxMemoryMb,
    extract: extractTaskOptions(checked, options),
    output: {
      mode: options.summary ? 'summary' : 'serialized',
      format: checked.format,
      csv: { bom: options.bom, delimiter: options.delimiter },
      ...(options.thumbnails ? { thumbnails: true } : {}),
    },
    ...(destination.kind === 'files' ? { target: destination.paths[0]! } : {}),
    force: Boolean(options.force),
    protectedInputs,
    ...(runtime.verbose ? { log: (line: string) => process.stderr.write(`fdr: ${line}\n`) } : {}),
  });
  return true;
}

/** The last line of a batch on stderr: files, pages, failures, seconds. */
export function batchSummaryLine(outcomes: readonly { ok: boolean; pages: number | null }[], seconds: number): string {
  const failed = outcomes.filter((o) => !o.ok).length;
  const pages = outcomes.reduce((s, o) => s + (o.ok ? (o.pages ?? 0) : 0), 0);
  const files = `${outcomes.length - failed} of ${outcomes.length} files extracted`;
  const pageText = pages ? `, ${pages} PDF pages` : '';
  const time = `in ${seconds.toFixed(1)} s`;
  return failed
    ? `fdr: ${files}${pageText} ${time}; ${failed} failed (listed above) [BATCH_PARTIAL]`
    : `fdr: ${files}${pageText} ${time}`;
}
