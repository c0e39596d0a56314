import { formatSummary } from '../cli/summary.js';
import { toJson } from '../export/json.js';
import type { ExtractedDocument } from '../model/index.js';
import type { ExtractTask } from './task.js';

/** What one extracted document becomes on its way out: the output file's content, compact JSON, or the summary. */
export async function renderOutput(doc: ExtractedDocument, output: ExtractTask['output']): Promise<string> {
  const { mode, format, csv } = output;
  if (mode === 'summary') return formatSummary(doc);
  if (mode === 'document') return JSON.stringify(doc);
  if (format === 'json' || format === 'jsonl') return toJson(doc, format);
  return (await import('../export/index.js')).serialize(doc, format, csv); // YAML and CSV writers load on demand
}
