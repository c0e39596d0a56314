import type { BBox, DocumentKind, Provenance, SourceFormat } from '../model/index.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** True when `severity` is at or above `threshold` (error > warning > info). */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}

/**
 * Where a finding is. Any of: the JSON path of the object in the extracted model
 * (e.g. "axes[2].chantiers[0].actions[3]"), the page and box in a PDF, the lines in a text/markdown source.
 */
export interface FindingLocation {
  path?: string;
  page?: number;
  bbox?: BBox;
  lines?: [number, number];
}

export interface Finding extends FindingLocation {
  rule: string;
  severity: Severity;
  message: string;
  /**
   * Line in the checked file itself, for annotations: the source line for text/markdown input,
   * the line of `path` in the JSON for JSON input; absent for PDF input.
   */
  inputLine?: number;
  inputEndLine?: number;
}

/** The outcome for one checked file: its findings, or the one-line error that made it unreadable. */
export interface FileReport {
  file: string;
  kind?: DocumentKind;
  format?: SourceFormat;
  findings: Finding[];
  error?: { code: string; message: string };
}

export function locationOf(at: Provenance | undefined, path?: string): FindingLocation {
  const location: FindingLocation = {};
  if (path !== undefined) location.path = path;
  if (at?.page !== undefined) location.page = at.page;
  if (at?.bbox !== undefined) location.bbox = at.bbox;
  if (at?.lines !== undefined) location.lines = at.lines;
  return location;
}

/**
 * "axes[2].chantiers[0], page 4" / "lines 120-125": the location for a human. For JSON input the page and lines
 * are those of the document the JSON was extracted from, and say so.
 */
export function describeLocation(f: FindingLocation, inputFormat?: SourceFormat): string {
  const source = inputFormat === 'json' ? 'source ' : '';
  const parts: string[] = [];
  if (f.path) parts.push(f.path);
  if (f.page !== undefined) parts.push(`${source}page ${f.page}${f.bbox ? ` [${f.bbox.map((n) => Math.round(n)).join(', ')}]` : ''}`);
  if (f.lines) parts.push(f.lines[0] === f.lines[1] ? `${source}line ${f.lines[0]}` : `${source}lines ${f.lines[0]}-${f.lines[1]}`);
  return parts.join(', ');
}

export interface CheckSummary {
  files: number;
  unreadable: number;
  error: number;
  warning: number;
  info: number;
}

export function summarize(reports: readonly FileReport[]): CheckSummary {
  const summary: CheckSummary = { files: reports.length, unreadable: 0, error: 0, warning: 0, info: 0 };
  for (const r of reports) {
    if (r.error) summary.unreadable++;
    for (const f of r.findings) summary[f.severity]++;
  }
  return summary;
}

/** 0 clean, 1 findings at or above `failOn`, 2 some input could not be read. */
export function exitCodeFor(reports: readonly FileReport[], failOn: Severity): number {
  if (reports.some((r) => r.error)) return 2;
  return reports.some((r) => r.findings.some((f) => atLeast(f.severity, failOn))) ? 1 : 0;
}
