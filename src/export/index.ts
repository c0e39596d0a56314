import { stringify as toYamlString } from 'yaml';
import type { ExtractedDocument } from '../model/index.js';
import { type CsvOptions, toCsv } from './csv.js';
import { toJson, withSchemaHeader } from './json.js';

export type OutputFormat = 'json' | 'csv' | 'yaml' | 'jsonl' | 'html';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'csv', 'yaml', 'jsonl', 'html'];

/** HTML reports are made by export/html (loaded on demand, and async when it renders thumbnails). */
export function serialize(doc: ExtractedDocument, format: Exclude<OutputFormat, 'html'>, csv: CsvOptions = {}): string {
  switch (format) {
    case 'json':
    case 'jsonl':
      return toJson(doc, format);
    case 'yaml':
      return toYamlString(withSchemaHeader(doc), { lineWidth: 0 });
    case 'csv':
      return toCsv(doc, csv);
  }
}

export { withSchemaHeader } from './json.js';
export { toCsv, toCsvTable, ROADMAP_CSV_COLUMNS } from './csv.js';
export type { CsvOptions } from './csv.js';
