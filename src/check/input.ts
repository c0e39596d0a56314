import { FdrError } from '../errors/index.js';
import { type ExtractOptions, extractFile } from '../extract.js';
import { ExtractedDocument, type SourceInfo } from '../model/index.js';
import { loadFile } from '../sources/load.js';
import type { FileReport, Finding } from './findings.js';
import { jsonLineIndex, lineOfPath } from './json-lines.js';
import { RULES, runRules, type Rule } from './rules.js';
import { roadmapFromTranscription, TranscribedRoadmap } from './transcription.js';

/** A document to check, and the JSON text it was read from (JSON input only, to locate findings by line). */
export interface CheckInput {
  doc: ExtractedDocument;
  jsonText?: string;
}

const firstIssues = (error: { issues: { path: PropertyKey[]; message: string }[] }) =>
  error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');

/**
 * Reads an fdr JSON document (what `fdr extract` writes), or a roadmap transcribed in the gold format.
 * Anything else is an unreadable input, with the first schema issues in the message.
 */
export function documentFromJson(text: string, file: string, source: SourceInfo): ExtractedDocument {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new FdrError('UNSUPPORTED_FORMAT', `not valid JSON (${(e as Error).message})`, { file });
  }
  const extracted = ExtractedDocument.safeParse(data);
  if (extracted.success) return extracted.data;
  const transcribed = TranscribedRoadmap.safeParse(data);
  if (transcribed.success) return roadmapFromTranscription(transcribed.data, source);
  throw new FdrError('UNSUPPORTED_FORMAT', `JSON is not an fdr document: ${firstIssues(extracted.error)}`, {
    file,
    hint: 'check reads PDF, text, markdown, or the JSON written by fdr extract',
  });
}

/** Where each finding is in the checked file itself: source lines for text input, the JSON line for JSON input. */
function withInputLines(findings: Finding[], input: CheckInput): Finding[] {
  const format = input.doc.source.format;
  const index = input.jsonText === undefined ? undefined : jsonLineIndex(input.jsonText);
  return findings.map((f) => {
    if (index) {
      const line = f.path === undefined ? undefined : lineOfPath(index, f.path);
      return line === undefined ? f : { ...f, inputLine: line };
    }
    if ((format === 'text' || format === 'markdown') && f.lines) return { ...f, inputLine: f.lines[0], inputEndLine: f.lines[1] };
    return f;
  });
}

/** Runs the rules on a document already read. Pure. */
export function checkDocument(file: string, input: CheckInput, rules: readonly Rule[] = RULES): FileReport {
  const findings = withInputLines(runRules(input.doc, rules), input);
  return { file, kind: input.doc.kind, format: input.jsonText === undefined ? input.doc.source.format : 'json', findings };
}

/** Reads one file (extracting PDF, text or markdown; parsing JSON) and checks it. Never throws an FdrError. */
export async function checkFile(path: string, rules: readonly Rule[] = RULES, options: Pick<ExtractOptions, 'readPages' | 'pages' | 'ocr'> = {}): Promise<FileReport> {
  try {
    const loaded = await loadFile(path);
    if (loaded.info.format === 'json') {
      if (options.pages !== undefined) throw new FdrError('USAGE', '--pages selects pages of a PDF, and this input is JSON', { file: path, hint: 'drop --pages for JSON inputs' });
      const text = loaded.text ?? '';
      return checkDocument(path, { doc: documentFromJson(text, path, loaded.info), jsonText: text }, rules);
    }
    return checkDocument(path, { doc: await extractFile(path, options) }, rules);
  } catch (e) {
    // Bugs are not "unreadable input": let them surface as INTERNAL with their stack.
    if (!(e instanceof FdrError)) throw e;
    return { file: path, findings: [], error: { code: e.code, message: e.oneLine() } };
  }
}
