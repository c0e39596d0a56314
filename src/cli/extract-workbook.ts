/**
 * `fdr extract -f xlsx`: all inputs go into ONE workbook (a Source column tells them apart), so -o names a
 * file even with several inputs. Loaded only when -f xlsx is asked for.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { outputNames } from '../batch/output-names.js';
import { type BatchItem, type BatchReport, checkTarget } from '../batch/run.js';
import { FdrError } from '../errors/index.js';
import type { ExtractedDocument } from '../model/index.js';
import { refuseBinaryOnTerminal, writeBinaryOutput } from './binary-output.js';
import { STDIN_ARG, STDIN_NAME } from '../sources/stdin.js';

/**
 * Where the workbook goes, checked before any extraction: stdout (never a terminal), or -o. A folder as -o
 * (existing, or ending with a slash) is allowed with one input: the workbook is named after it.
 */
export function workbookTarget(items: readonly BatchItem[], output: string | undefined, o: { force: boolean; protectedInputs: readonly string[] }): string | undefined {
  refuseBinaryOnTerminal('xlsx', output);
  if (output === undefined) return undefined;
  const folder = statSync(output, { throwIfNoEntry: false })?.isDirectory() || output.endsWith('/') || output.endsWith(sep);
  if (folder && items.length > 1)
    throw new FdrError('USAGE', '-f xlsx writes one workbook for all inputs: -o must name a file', { file: output, hint: 'e.g. -o roadmaps.xlsx' });
  if (folder) mkdirSync(output, { recursive: true });
  const path = folder ? join(output, outputNames([items[0]!.input === STDIN_ARG ? STDIN_NAME : items[0]!.input], 'xlsx')[0]!) : output;
  const refusal = checkTarget(path, o);
  if (refusal) throw refusal;
  return path;
}

/** Writes the workbook of every document extracted (failed inputs are reported by the caller); nothing when none was. */
export async function writeExtractWorkbook(items: readonly BatchItem[], report: BatchReport, target: { output: string | undefined; force: boolean; protectedInputs: readonly string[] }): Promise<void> {
  const docs = items.flatMap((item, i) => {
    const doc = report.documents?.[i] as ExtractedDocument | undefined;
    return doc ? [{ source: item.input === STDIN_ARG ? STDIN_NAME : item.input, doc }] : [];
  });
  if (!docs.length) return;
  const { extractWorkbook, workbookBytes } = await import('../export/xlsx/index.js');
  const bytes = await workbookBytes(extractWorkbook(docs));
  await writeBinaryOutput(bytes, { output: target.output, force: target.force, inputs: target.protectedInputs });
}
