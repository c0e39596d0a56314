import { stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { FdrError } from '../errors/index.js';
import { type OutputFormat, OUTPUT_FORMATS, serialize, toCsv } from '../export/index.js';
import { writeFileAtomic } from '../export/write.js';
import { extractFile } from '../extract.js';
import type { DocumentKind, ExtractedDocument } from '../model/index.js';
import { runtime } from './index.js';
import { expandInputs } from './inputs.js';
import { formatSummary } from './summary.js';

export interface ExtractCliOptions {
  format: string;
  output?: string;
  kind: string;
  bom?: boolean;
  delimiter: string;
  password?: string;
  debug?: string;
  summary?: boolean;
  force?: boolean;
  jobs?: string;
  timeout: string;
}

const KINDS = ['auto', 'roadmap', 'restitution', 'events'] as const;

function checkOptions(o: ExtractCliOptions): { format: OutputFormat; kind: 'auto' | DocumentKind } {
  if (!OUTPUT_FORMATS.includes(o.format as OutputFormat))
    throw new FdrError('USAGE', `unknown --format "${o.format}"`, { hint: `use one of ${OUTPUT_FORMATS.join(', ')}` });
  if (!KINDS.includes(o.kind as (typeof KINDS)[number]))
    throw new FdrError('USAGE', `unknown --kind "${o.kind}"`, { hint: `use one of ${KINDS.join(', ')}` });
  if ([...o.delimiter].length !== 1) throw new FdrError('USAGE', `--delimiter must be one character, got "${o.delimiter}"`);
  return { format: o.format as OutputFormat, kind: o.kind as 'auto' | DocumentKind };
}

export function outputName(input: string, format: OutputFormat): string {
  const ext = format === 'jsonl' ? 'jsonl' : format;
  return `${basename(input, extname(input))}.${ext}`;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export async function run(inputArgs: string[], options: ExtractCliOptions): Promise<number> {
  const { format, kind } = checkOptions(options);
  const inputs = await expandInputs(inputArgs);
  const log = runtime.verbose ? (m: string) => process.stderr.write(`fdr: ${m}\n`) : undefined;
  const csv = { bom: options.bom, delimiter: options.delimiter };

  if (inputs.length === 1 && !(options.output && (await isDirectory(options.output)))) {
    const input = inputs[0]!;
    const doc = await extractFile(input, { kind, password: options.password, debugDir: options.debug, log: log && ((m) => log(`${input}: ${m}`)) });
    if (options.summary) {
      process.stdout.write(formatSummary(doc));
      return 0;
    }
    const text = serialize(doc, format, csv);
    if (options.output) await writeFileAtomic(options.output, text, { force: options.force, inputs });
    else process.stdout.write(text);
    return 0;
  }

  // Several inputs: one output per input in -o DIR, or a stream on stdout.
  const failures: { input: string; error: FdrError }[] = [];
  const docs: ExtractedDocument[] = [];
  for (const input of inputs) {
    try {
      const doc = await extractFile(input, { kind, password: options.password, debugDir: options.debug, log });
      if (options.summary) process.stdout.write(`${input}\n${formatSummary(doc)}\n`);
      else if (options.output) await writeFileAtomic(join(options.output, outputName(input, format)), serialize(doc, format, csv), { force: options.force, inputs });
      else if (format === 'jsonl' || format === 'yaml') process.stdout.write(serialize(doc, format, csv) + (format === 'yaml' ? '---\n' : ''));
      else docs.push(doc);
    } catch (e) {
      const error = e instanceof FdrError ? e : new FdrError('INTERNAL', String(e), { file: input });
      failures.push({ input, error });
      process.stderr.write(`${error.oneLine()}\n`);
    }
  }
  if (docs.length) process.stdout.write(format === 'csv' ? toCsv(docs, csv) : `${JSON.stringify(docs.map((d) => JSON.parse(serialize(d, 'jsonl'))), null, 2)}\n`);
  if (failures.length) {
    process.stderr.write(`fdr: ${inputs.length - failures.length} of ${inputs.length} files extracted, ${failures.length} failed [BATCH_PARTIAL]\n`);
    return failures.length === inputs.length && inputs.length === 1 ? failures[0]!.error.exitCode : new FdrError('BATCH_PARTIAL', '').exitCode;
  }
  return 0;
}
