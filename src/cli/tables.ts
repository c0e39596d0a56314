/**
 * `fdr tables <pdf...>`: every table of every page, as JSON (the ICDAR scorer's format plus boxes, spans,
 * header rows, continuations and cell provenance), CSV or Markdown. Each PDF is read in a worker under the
 * same time and memory limits as `fdr extract`; one bad file never stops the others.
 */
import { mkdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, sep } from 'node:path';
import { outputNames } from '../batch/output-names.js';
import { type Isolation, WorkerPool, helperThreadsFor } from '../batch/pool.js';
import { checkTarget } from '../batch/run.js';
import { FdrError, toFdrError } from '../errors/index.js';
import type { TablesDocument } from '../export/tables.js';
import { writeFileAtomic } from '../export/write.js';
import { parsePageSpec } from '../tables.js';
import { DEFAULT_ISOLATION, DEFAULT_MAX_MEMORY_MB, batchSummaryLine } from './extract.js';
import { notice, runtime } from './index.js';
import { refuseBinaryOnTerminal, writeBinaryOutput } from './binary-output.js';
import { expandInputItems, type OcrFlag, ocrFlag } from './inputs.js';
import type { TablesTask, TablesTaskResult } from './tables-worker.js';

export interface TablesCliOptions {
  format: string;
  output?: string;
  pages?: string;
  debug?: string;
  password?: string;
  bom?: boolean;
  delimiter: string;
  force?: boolean;
  jobs?: string;
  timeout: string;
  maxMemory?: string;
  maxPages?: string;
  maxItems?: string;
  isolation?: string;
  ocr?: string;
}

type Format = 'json' | 'csv' | 'markdown' | 'xlsx';
const FORMATS: readonly Format[] = ['json', 'csv', 'markdown', 'xlsx'];
const EXTENSION: Record<Format, string> = { json: 'json', csv: 'csv', markdown: 'md', xlsx: 'xlsx' };

function integerFlag(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min) throw new FdrError('USAGE', `${flag} must be a whole number of at least ${min}, got "${value}"`);
  return n;
}

interface Checked {
  format: Format;
  jobs: number;
  timeoutMs: number;
  maxMemoryMb: number;
  isolation: Isolation;
  ocr: OcrFlag;
}

function check(o: TablesCliOptions): Checked {
  const format = (o.format === 'md' ? 'markdown' : o.format) as Format;
  if (!FORMATS.includes(format)) throw new FdrError('USAGE', `unknown --format "${o.format}"`, { hint: `use one of ${FORMATS.join(', ')}` });
  if ([...o.delimiter].length !== 1 || /[\r\n"]/.test(o.delimiter))
    throw new FdrError('USAGE', `--delimiter must be one character other than a quote or line break, got "${o.delimiter}"`, { hint: 'e.g. --delimiter ";"' });
  if (o.pages !== undefined) parsePageSpec(o.pages); // a bad list fails before any work
  const timeout = Number(o.timeout);
  if (!/^\s*[\d.]+\s*$/.test(o.timeout) || !Number.isFinite(timeout) || timeout < 0)
    throw new FdrError('USAGE', `--timeout must be a number of seconds, got "${o.timeout}"`, { hint: 'e.g. --timeout 60 (0: no limit)' });
  const isolation = (o.isolation ?? DEFAULT_ISOLATION) as Isolation;
  if (isolation !== 'process' && isolation !== 'thread') throw new FdrError('USAGE', `unknown --isolation "${o.isolation}"`, { hint: 'use process or thread' });
  return {
    format,
    jobs: integerFlag('--jobs', o.jobs, 1) ?? availableParallelism(),
    timeoutMs: timeout === 0 ? Infinity : timeout * 1000,
    maxMemoryMb: integerFlag('--max-memory', o.maxMemory, 64) ?? DEFAULT_MAX_MEMORY_MB,
    isolation,
    ocr: ocrFlag(o.ocr),
  };
}

const isDirectory = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

/** The compiled worker beside this module; from the TypeScript sources (tests), the one in dist/. */
function workerScript(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('../../dist/cli/tables-worker.js', import.meta.url) : new URL('./tables-worker.js', import.meta.url);
}

interface Result {
  input: string;
  doc?: TablesDocument;
  error?: FdrError;
}

export async function run(inputArgs: string[], options: TablesCliOptions): Promise<number> {
  const o = check(options);
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  // Folders and globs bring PDFs only (a text dump has no positions to find tables from); files named are kept.
  const items = (await expandInputItems(inputArgs)).filter((x) => x.error || /\.pdf$/i.test(x.input) || inputArgs.includes(x.input));
  if (!items.length) throw new FdrError('FILE_NOT_FOUND', 'no PDF among the inputs', { hint: 'fdr tables reads PDF files' });
  const single = items.length === 1;
  if (single && items[0]!.error) throw items[0]!.error;
  const inputs = items.map((x) => x.input);
  const force = Boolean(options.force);

  // -o: a folder with several inputs, or when it names one (existing, or ending with a slash); else a file.
  const output = options.output;
  const toFolder = output !== undefined && (!single || isDirectory(output) || output.endsWith('/') || output.endsWith(sep));
  // -f xlsx: one workbook for every input (like extract), never on a terminal.
  if (o.format === 'xlsx') refuseBinaryOnTerminal('xlsx', output);
  if (o.format === 'xlsx' && toFolder && !single)
    throw new FdrError('USAGE', '-f xlsx writes one workbook for all inputs: -o must name a file', { file: output, hint: 'e.g. -o tables.xlsx' });
  if (output !== undefined && toFolder) {
    if (!isDirectory(output) && statSync(output, { throwIfNoEntry: false }))
      throw new FdrError('USAGE', '-o must be a folder when reading several inputs', { file: output, hint: 'give a folder (it is created if missing)' });
    try {
      mkdirSync(output, { recursive: true });
    } catch (e) {
      throw new FdrError('OUTPUT_WRITE_FAILED', `cannot create the output folder (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { file: output });
    }
  }
  if (output !== undefined && !toFolder) {
    const refusal = checkTarget(output, { force, protectedInputs: inputs });
    if (refusal) throw refusal;
  }
  const names = outputNames(inputs, EXTENSION[o.format]);
  const debugDirs = options.debug ? (single ? [options.debug] : outputNames(inputs, 'debug').map((n) => join(options.debug!, n.replace(/\.debug$/, '')))) : undefined;

  const startedAt = performance.now();
  const size = Math.max(1, Math.min(o.jobs, items.filter((x) => !x.error).length));
  const pool = new WorkerPool<TablesTask, TablesTaskResult>({
    size,
    ...(o.isolation === 'process' ? { helperThreads: Math.max(1, helperThreadsFor(size, availableParallelism())) } : {}),
    script: workerScript(),
    isolation: o.isolation,
    timeoutMs: o.timeoutMs,
    maxMemoryMb: o.maxMemoryMb,
    ...(runtime.verbose ? { onOutput: (text: string) => process.stderr.write(text) } : {}),
  });
  const results: Result[] = [];
  const written: Promise<void>[] = [];
  try {
    await Promise.all(
      items.map(async (item, i) => {
        if (item.error) return void (results[i] = { input: item.input, error: item.error });
        const task: TablesTask = {
          input: item.input,
          verbose: runtime.verbose,
          ocr: o.ocr,
          ...(options.password === undefined ? {} : { password: options.password }),
          ...(options.pages === undefined ? {} : { pages: options.pages }),
          ...(debugDirs ? { debugDir: debugDirs[i] } : {}),
          ...(options.maxPages === undefined ? {} : { maxPages: integerFlag('--max-pages', options.maxPages, 1) }),
          ...(options.maxItems === undefined ? {} : { maxItemsPerPage: integerFlag('--max-items', options.maxItems, 1) }),
        };
        const outcome = await pool.run(task, {
          file: item.input,
          ...(runtime.verbose ? { onLog: (m: string) => process.stderr.write(`fdr: ${item.input}: ${m}\n`) } : {}),
        });
        if (!outcome.ok) return void (results[i] = { input: item.input, error: outcome.error });
        const doc = JSON.parse(outcome.result.json) as TablesDocument;
        results[i] = { input: item.input, doc };
        // Per-input files are written as soon as the input is read.
        if (toFolder) written.push(writePerInput(doc, join(output!, names[i]!), o.format, options, force, inputs).catch((e) => void (results[i] = { input: item.input, error: toFdrError(e) })));
      }),
    );
    await Promise.all(written);
  } finally {
    await pool.close();
  }

  // Inputs without any table say so (not an error: the file was read).
  for (const r of results) if (r.doc && !r.doc.tables.length) notice(`fdr: ${r.input}: no table found`);
  const docs = results.flatMap((r, i) => (r.doc ? [{ name: basename(inputs[i]!), doc: r.doc }] : []));
  if (!toFolder && docs.length && o.format === 'xlsx') await writeBinaryOutput(await tablesXlsx(docs), { output, force, inputs });
  else if (!toFolder && docs.length) {
    const text = await combined(docs, o.format, options, single);
    if (output !== undefined) await writeFileAtomic(output, text, { force, inputs });
    else process.stdout.write(text);
  }

  const failures = results.filter((r) => r.error);
  if (single) {
    if (failures[0]?.error) throw failures[0].error;
    return 0;
  }
  for (const f of failures) process.stderr.write(`${f.error!.oneLine()}\n`);
  const pages = results.map((r) => ({ ok: !r.error, pages: r.doc?.source.pages ?? null }));
  const closing = batchSummaryLine(pages, (performance.now() - startedAt) / 1000).replace('extracted', 'read');
  if (failures.length) process.stderr.write(`${closing}\n`);
  else notice(closing);
  return failures.length ? new FdrError('BATCH_PARTIAL', '').exitCode : 0;
}

/** Output of one input into a folder: its JSON or Markdown file, or one CSV per table (`name-table-N.csv`). */
async function writePerInput(doc: TablesDocument, path: string, format: Format, options: TablesCliOptions, force: boolean, inputs: readonly string[]): Promise<void> {
  const out = await import('../export/tables.js');
  if (format === 'json') return writeFileAtomic(path, `${JSON.stringify(doc, null, 2)}\n`, { force, inputs });
  if (format === 'markdown') return writeFileAtomic(path, out.tablesMarkdown([{ name: doc.source.file, doc }]), { force, inputs });
  if (format === 'xlsx') return writeBinaryOutput(await tablesXlsx([{ name: doc.source.file, doc }]), { output: path, force, inputs });
  const stem = path.replace(/\.csv$/, '');
  for (const t of out.logicalTables(doc)) await writeFileAtomic(`${stem}-table-${t.id}.csv`, out.tableCsv(t.rows, { bom: options.bom, delimiter: options.delimiter }), { force, inputs });
}

async function tablesXlsx(docs: { name: string; doc: TablesDocument }[]): Promise<Uint8Array> {
  const xlsx = await import('../export/xlsx/index.js');
  return xlsx.workbookBytes(xlsx.tablesWorkbook(docs));
}

/** Everything in one output: a JSON document (an array of them for several inputs), one CSV stream, or Markdown. */
async function combined(docs: { name: string; doc: TablesDocument }[], format: Format, options: TablesCliOptions, single: boolean): Promise<string> {
  if (format === 'json') return `${JSON.stringify(single ? docs[0]!.doc : docs.map((d) => d.doc), null, 2)}\n`;
  const out = await import('../export/tables.js');
  if (format === 'markdown') return out.tablesMarkdown(docs);
  return out.tablesCsvStream(docs, { bom: options.bom, delimiter: options.delimiter });
}
