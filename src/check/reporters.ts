import { atLeast, describeLocation, type FileReport, type Finding, type Severity, summarize } from './findings.js';
import { RULES, ruleApplies, type Rule } from './rules.js';

import type { ReporterName } from './reporter-names.js';

export { REPORTERS, type ReporterName } from './reporter-names.js';

export interface ReportOptions {
  failOn: Severity;
  rules?: readonly Rule[];
  /** Wraps a severity label in colour (text reporter on a terminal). */
  paint?: (severity: Severity, label: string) => string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function summaryLine(reports: readonly FileReport[], failOn: Severity): string {
  const s = summarize(reports);
  const failing = reports.some((r) => r.findings.some((f) => atLeast(f.severity, failOn)));
  const verdict = s.unreadable ? 'FAIL (unreadable input)' : failing ? `FAIL (findings at or above ${failOn})` : 'pass';
  const unreadable = s.unreadable ? `, ${s.unreadable} unreadable` : '';
  return `${plural(s.files, 'file')} checked${unreadable}: ${plural(s.error, 'error')}, ${plural(s.warning, 'warning')}, ${s.info} info — ${verdict}`;
}

/** Human-readable report: one block per file, one line per finding. */
export function textReport(reports: readonly FileReport[], options: ReportOptions): string {
  const paint = options.paint ?? ((_s, label) => label);
  const out: string[] = [];
  for (const r of reports) {
    if (r.error) {
      out.push(`${r.file}: unreadable`, `  ${r.error.message}`, '');
      continue;
    }
    out.push(`${r.file}${r.findings.length ? '' : ': clean'}`);
    for (const f of r.findings) {
      const where = describeLocation(f, r.format);
      out.push(`  ${paint(f.severity, f.severity.padEnd(7))} ${f.rule.padEnd(23)} ${f.message}${where ? `  (${where})` : ''}`);
    }
    out.push('');
  }
  out.push(summaryLine(reports, options.failOn));
  return `${out.join('\n')}\n`;
}

/** Machine-readable report. */
export function jsonReport(reports: readonly FileReport[], options: ReportOptions): string {
  const rules = options.rules ?? RULES;
  const summary = summarize(reports);
  const failed = summary.unreadable > 0 || reports.some((r) => r.findings.some((f) => atLeast(f.severity, options.failOn)));
  return `${JSON.stringify(
    {
      failOn: options.failOn,
      passed: !failed,
      summary,
      rules: rules.map(({ id, severity, description }) => ({ id, severity, description })),
      files: reports,
    },
    null,
    2,
  )}\n`;
}

/** Escaping of GitHub workflow commands: the message part, and property values (which also cannot hold ":" or ","). */
export function escapeGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
export function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITHUB_COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

function githubLine(command: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeGithubProperty(String(v))}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeGithubData(message)}`;
}

/** GitHub Actions workflow commands: each finding becomes an annotation on the file (and line, when known). */
export function githubReport(reports: readonly FileReport[], options: ReportOptions): string {
  const out: string[] = [];
  for (const r of reports) {
    if (r.error) {
      out.push(githubLine('error', { file: r.file, title: `fdr check: ${r.error.code}` }, r.error.message));
      continue;
    }
    for (const f of r.findings) {
      const where = describeLocation(f, r.format);
      out.push(
        githubLine(
          GITHUB_COMMAND[f.severity],
          { file: r.file, line: f.inputLine, endLine: f.inputEndLine, title: `fdr check: ${f.rule}` },
          `${f.message}${where ? ` (${where})` : ''}`,
        ),
      );
    }
  }
  out.push(summaryLine(reports, options.failOn));
  return `${out.join('\n')}\n`;
}

/** Text safe inside XML 1.0 content and attribute values: markup escaped, characters XML cannot hold removed. */
export function escapeXml(s: string): string {
  return s
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function findingText(f: Finding, inputFormat: FileReport['format']): string {
  const where = describeLocation(f, inputFormat);
  return `${f.severity}: ${f.message}${where ? ` (${where})` : ''}`;
}

/**
 * JUnit XML: one <testsuite> per file, one <testcase> per rule. A rule with findings at or above --fail-on is a
 * <failure> (all its findings in the body); lower findings go to the testcase's <system-out>; a rule that does not
 * apply to the document's kind is <skipped/>. An unreadable file is one testcase with an <error>.
 */
export function junitReport(reports: readonly FileReport[], options: ReportOptions): string {
  const rules = options.rules ?? RULES;
  const attr = (name: string, value: string | number) => ` ${name}="${escapeXml(String(value))}"`;
  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  let totalErrors = 0;
  let totalSkipped = 0;
  for (const r of reports) {
    const cases: string[] = [];
    let failures = 0;
    let errors = 0;
    let skipped = 0;
    if (r.error) {
      errors = 1;
      cases.push(
        `    <testcase${attr('classname', r.file)}${attr('name', 'read')}>\n      <error${attr('type', r.error.code)}${attr('message', r.error.message)}/>\n    </testcase>`,
      );
    } else {
      for (const rule of rules) {
        const name = rule.id;
        const open = `    <testcase${attr('classname', r.file)}${attr('name', name)}>`;
        if (r.kind && !ruleApplies(rule, r.kind)) {
          skipped++;
          cases.push(`${open}\n      <skipped${attr('message', `does not apply to a ${r.kind} document`)}/>\n    </testcase>`);
          continue;
        }
        const found = r.findings.filter((f) => f.rule === rule.id);
        if (!found.length) {
          cases.push(`    <testcase${attr('classname', r.file)}${attr('name', name)}/>`);
          continue;
        }
        const body = escapeXml(found.map((f) => findingText(f, r.format)).join('\n'));
        if (found.some((f) => atLeast(f.severity, options.failOn))) {
          failures++;
          cases.push(`${open}\n      <failure${attr('type', rule.severity)}${attr('message', `${plural(found.length, 'finding')}: ${found[0]!.message}`)}>${body}</failure>\n    </testcase>`);
        } else {
          cases.push(`${open}\n      <system-out>${body}</system-out>\n    </testcase>`);
        }
      }
    }
    totalTests += cases.length;
    totalFailures += failures;
    totalErrors += errors;
    totalSkipped += skipped;
    suites.push(
      `  <testsuite${attr('name', r.file)}${attr('tests', cases.length)}${attr('failures', failures)}${attr('errors', errors)}${attr('skipped', skipped)}>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const head = `<testsuites${attr('name', 'fdr check')}${attr('tests', totalTests)}${attr('failures', totalFailures)}${attr('errors', totalErrors)}${attr('skipped', totalSkipped)}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${suites.join('\n')}\n</testsuites>\n`;
}

export function renderReport(name: ReporterName, reports: readonly FileReport[], options: ReportOptions): string {
  switch (name) {
    case 'text':
      return textReport(reports, options);
    case 'json':
      return jsonReport(reports, options);
    case 'github':
      return githubReport(reports, options);
    case 'junit':
      return junitReport(reports, options);
  }
}
