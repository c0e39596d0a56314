import { formatSummary } from '../cli/summary.js';
import { toJson } from '../export/json.js';
import type { ExtractedDocument } from '../model/index.js';
import type { ExtractTask } from './task.js';

/**
 * What one extracted document becomes on its way out: the output file's content, compact JSON, or the summary.
 * `source` is the input as read (its path and password), for the HTML report's page thumbnails.
 */
export async function renderOutput(doc: ExtractedDocument, output: ExtractTask['output'], source?: { input: string; password?: string | undefined }): Promise<string> {
  const { mode, format, csv } = output;
  if (mode === 'summary') return formatSummary(doc);
  if (mode === 'document') return JSON.stringify(doc);
  if (format === 'json' || format === 'jsonl') return toJson(doc, format);
  if (format === 'html') return htmlReport(doc, output, source);
  return (await import('../export/index.js')).serialize(doc, format, csv); // YAML and CSV writers load on demand
}

/** The HTML report (its code loads on demand), with page thumbnails when asked for. */
async function htmlReport(doc: ExtractedDocument, output: ExtractTask['output'], source: { input: string; password?: string | undefined } | undefined): Promise<string> {
  if (!output.thumbnails || !source) return (await import('../export/html/index.js')).extractReport(doc);
  const { extractReportWithThumbnails } = await import('../export/html/thumbnails.js');
  return extractReportWithThumbnails(doc, source.input, source.password === undefined ? {} : { password: source.password });
}
