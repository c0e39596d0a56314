import { stringify as toYamlString } from 'yaml';
import type { ExtractedDocument } from '../model/index.js';
import { schemaId } from '../model/index.js';
import { type CsvOptions, toCsv } from './csv.js';

export type OutputFormat = 'json' | 'csv' | 'yaml' | 'jsonl';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'csv', 'yaml', 'jsonl'];

/** `$schema` and `schemaVersion` first, so a reader sees what the file is at a glance. */
export function withSchemaHeader<T extends ExtractedDocument>(doc: T): T {
  const { $schema: _ignored, schemaVersion, ...rest } = doc;
  return { $schema: schemaId(doc.kind), schemaVersion, ...rest } as T;
}

export function serialize(doc: ExtractedDocument, format: OutputFormat, csv: CsvOptions = {}): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(withSchemaHeader(doc), null, 2)}\n`;
    case 'jsonl':
      return `${JSON.stringify(withSchemaHeader(doc))}\n`;
    case 'yaml':
      return toYamlString(withSchemaHeader(doc), { lineWidth: 0 });
    case 'csv':
      return toCsv(doc, csv);
  }
}

export { toCsv, toCsvTable, ROADMAP_CSV_COLUMNS } from './csv.js';
export type { CsvOptions } from './csv.js';
