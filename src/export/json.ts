import type { ExtractedDocument } from '../model/index.js';
import { schemaId } from '../model/index.js';

/** `$schema` and `schemaVersion` first, so a reader sees what the file is at a glance. */
export function withSchemaHeader<T extends ExtractedDocument>(doc: T): T {
  const { $schema: _ignored, schemaVersion, ...rest } = doc;
  return { $schema: schemaId(doc.kind), schemaVersion, ...rest } as T;
}

/** JSON (indented) or JSON Lines (one line). Kept apart from the YAML and CSV writers, which the common case need not load. */
export function toJson(doc: ExtractedDocument, format: 'json' | 'jsonl'): string {
  const compact = JSON.stringify(withSchemaHeader(doc));
  return `${format === 'json' ? indentJson(compact) : compact}\n`;
}

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Indents compact JSON exactly as JSON.stringify(value, null, 2) would. V8 serializes with indentation on a slow
 * path (~3× the compact time: 130 ms for a 200-page roadmap); re-indenting the compact text is one linear scan.
 */
export function indentJson(compact: string): string {
  const out: string[] = [];
  const indents = ['\n'];
  const newline = (level: number) => (indents[level] ??= `\n${'  '.repeat(level)}`);
  let level = 0;
  let copiedTo = 0;
  const n = compact.length;
  for (let i = 0; i < n; i++) {
    const c = compact.charCodeAt(i);
    if (c === QUOTE) {
      // Skip the string: structural characters inside it are text.
      for (i++; i < n; i++) {
        const s = compact.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      const next = compact.charCodeAt(i + 1);
      if (next === CLOSE_OBJECT || next === CLOSE_ARRAY) {
        i++; // {} and [] stay on one line
        continue;
      }
      out.push(compact.slice(copiedTo, i + 1), newline(++level));
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      out.push(compact.slice(copiedTo, i), newline(--level), compact[i]!);
    } else if (c === COMMA) {
      out.push(compact.slice(copiedTo, i + 1), newline(level));
    } else if (c === COLON) {
      out.push(compact.slice(copiedTo, i + 1), ' ');
    } else continue;
    copiedTo = i + 1;
  }
  out.push(compact.slice(copiedTo));
  return out.join('');
}
