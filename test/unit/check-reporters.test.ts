import { describe, expect, it } from 'vitest';
import type { FileReport } from '../../src/check/findings.js';
import { escapeXml, githubReport, jsonReport, junitReport, textReport } from '../../src/check/reporters.js';
import { RULES } from '../../src/check/rules.js';

const reports: FileReport[] = [
  {
    file: 'roadmaps/le-havre.txt',
    kind: 'roadmap',
    format: 'text',
    findings: [
      {
        rule: 'row-without-action',
        severity: 'error',
        message: 'row has no action but a financement cell: "FIR : 30 000 € & <plus>"',
        path: 'axes[0].chantiers[1].actions[2]',
        lines: [120, 124],
        inputLine: 120,
        inputEndLine: 124,
      },
      { rule: 'duplicate-action', severity: 'warning', message: '100% "dupliquée"\nsur deux lignes', path: 'axes[1].chantiers[0].actions[0]' },
      { rule: 'empty-indicator', severity: 'info', message: 'no indicator', path: 'axes[1].chantiers[0].actions[0].indicateur' },
    ],
  },
  { file: 'roadmaps/b,c:d.pdf', kind: 'roadmap', format: 'pdf', findings: [{ rule: 'unassigned-text', severity: 'warning', message: 'stray text', page: 7, bbox: [335.4, 160, 420, 172] }] },
  { file: 'roadmaps/ateliers.json', kind: 'events', format: 'json', findings: [] },
  { file: 'missing.pdf', findings: [], error: { code: 'FILE_NOT_FOUND', message: 'fdr: missing.pdf: no such file — check the path [FILE_NOT_FOUND]' } },
];

describe('text reporter', () => {
  it('lists each finding with its location, and a summary with the verdict', () => {
    const out = textReport(reports, { failOn: 'error' });
    expect(out).toContain('roadmaps/le-havre.txt\n  error   row-without-action');
    expect(out).toContain('(axes[0].chantiers[1].actions[2], lines 120-124)');
    expect(out).toContain('stray text  (page 7 [335, 160, 420, 172])');
    expect(out).toContain('roadmaps/ateliers.json: clean');
    expect(out).toContain('missing.pdf: unreadable\n  fdr: missing.pdf: no such file');
    expect(out.trimEnd().split('\n').at(-1)).toBe('4 files checked, 1 unreadable: 1 error, 2 warnings, 1 info — FAIL (unreadable input)');
  });

  it('for JSON input, says the page and lines are those of the source document', () => {
    const json: FileReport = {
      file: 'out/le-havre.json',
      kind: 'roadmap',
      format: 'json',
      findings: [{ rule: 'empty-chantier', severity: 'warning', message: 'm', path: 'axes[0].chantiers[1]', lines: [12, 12], page: 3, inputLine: 40 }],
    };
    expect(textReport([json], { failOn: 'error' })).toContain('m  (axes[0].chantiers[1], source page 3, source line 12)');
    expect(githubReport([json], { failOn: 'error' })).toContain('::warning file=out/le-havre.json,line=40,title=fdr check%3A empty-chantier::m (axes[0].chantiers[1], source page 3, source line 12)');
  });

  it('says pass when nothing reaches --fail-on', () => {
    const out = textReport([{ ...reports[0]!, findings: reports[0]!.findings.slice(1) }], { failOn: 'error' });
    expect(out.trimEnd().split('\n').at(-1)).toBe('1 file checked: 0 errors, 1 warning, 1 info — pass');
  });
});

describe('json reporter', () => {
  it('carries the rules, the files with their findings, and the verdict', () => {
    const out = JSON.parse(jsonReport(reports, { failOn: 'warning' }));
    expect(out.passed).toBe(false);
    expect(out.failOn).toBe('warning');
    expect(out.summary).toEqual({ files: 4, unreadable: 1, error: 1, warning: 2, info: 1 });
    expect(out.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(out.files[0].findings[0]).toMatchObject({ rule: 'row-without-action', path: 'axes[0].chantiers[1].actions[2]', lines: [120, 124] });
    expect(out.files[3].error.code).toBe('FILE_NOT_FOUND');
  });
});

describe('github reporter', () => {
  const lines = githubReport(reports, { failOn: 'error' }).trimEnd().split('\n');

  it('writes one workflow command per finding, info as notice, with file and line', () => {
    expect(lines[0]).toBe(
      '::error file=roadmaps/le-havre.txt,line=120,endLine=124,title=fdr check%3A row-without-action::row has no action but a financement cell: "FIR : 30 000 € & <plus>" (axes[0].chantiers[1].actions[2], lines 120-124)',
    );
    expect(lines[1]).toMatch(/^::warning file=roadmaps\/le-havre\.txt,title=fdr check%3A duplicate-action::/);
    expect(lines[2]).toMatch(/^::notice file=roadmaps\/le-havre\.txt,title=fdr check%3A empty-indicator::no indicator/);
  });

  it('escapes % and line breaks in messages, and also : and , in properties', () => {
    expect(lines[1]).toContain('::100%25 "dupliquée"%0Asur deux lignes');
    expect(lines[3]).toMatch(/^::warning file=roadmaps\/b%2Cc%3Ad\.pdf,title=fdr check%3A unassigned-text::stray text \(page 7/);
  });

  it('reports an unreadable file as an error annotation with its one line, then the summary', () => {
    expect(lines[4]).toBe('::error file=missing.pdf,title=fdr check%3A FILE_NOT_FOUND::fdr: missing.pdf: no such file — check the path [FILE_NOT_FOUND]');
    expect(lines[5]).toMatch(/^4 files checked/);
    expect(lines).toHaveLength(6);
  });
});

/** A strict-enough XML well-formedness check: balanced tags, quoted attributes, no raw "<" or bare "&". */
function assertWellFormedXml(xml: string): { name: string; attrs: Record<string, string>; parent: string | undefined }[] {
  const elements: { name: string; attrs: Record<string, string>; parent: string | undefined }[] = [];
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const body = xml.slice(xml.indexOf('\n') + 1);
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = token.exec(body))) {
    consumed = token.lastIndex;
    const [, closing, name, attrText, selfClosing, text] = m;
    if (text !== undefined) {
      expect(text.replace(/&(?:amp|lt|gt|quot|apos);/g, '')).not.toMatch(/[&<>]/);
      continue;
    }
    if (closing) {
      expect(stack.pop()).toBe(name);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText!.matchAll(/([\w-]+)="([^"]*)"/g)) {
      expect(a[2]!.replace(/&(?:amp|lt|gt|quot|apos);/g, '')).not.toMatch(/[&<>]/);
      attrs[a[1]!] = a[2]!;
    }
    elements.push({ name: name!, attrs, parent: stack.at(-1) });
    if (!selfClosing) stack.push(name!);
  }
  expect(consumed).toBe(body.length);
  expect(stack).toEqual([]);
  return elements;
}

describe('junit reporter', () => {
  const xml = junitReport(reports, { failOn: 'warning' });
  const elements = assertWellFormedXml(xml);
  const of = (name: string) => elements.filter((e) => e.name === name);

  it('is well-formed XML with one testsuite per file under one testsuites', () => {
    expect(elements[0]).toMatchObject({ name: 'testsuites', parent: undefined });
    expect(of('testsuite').map((s) => s.attrs.name)).toEqual(['roadmaps/le-havre.txt', 'roadmaps/b,c:d.pdf', 'roadmaps/ateliers.json', 'missing.pdf']);
    expect(of('testsuite').every((s) => s.parent === 'testsuites')).toBe(true);
  });

  it('has one testcase per rule in each readable file, failures for findings at or above --fail-on', () => {
    const suites = of('testsuite');
    expect(suites.slice(0, 3).map((s) => Number(s.attrs.tests))).toEqual([RULES.length, RULES.length, RULES.length]);
    expect(suites.map((s) => [s.attrs.failures, s.attrs.errors])).toEqual([
      ['2', '0'], // error + warning fail at --fail-on warning; the info finding does not
      ['1', '0'],
      ['0', '0'],
      ['0', '1'],
    ]);
    expect(of('failure').map((f) => f.attrs.type)).toEqual(['error', 'warning', 'warning']);
    expect(of('testcase')).toHaveLength(3 * RULES.length + 1);
    const totals = of('testsuites')[0]!.attrs;
    expect([totals.tests, totals.failures, totals.errors]).toEqual([String(3 * RULES.length + 1), '3', '1']);
  });

  it('puts findings below --fail-on in system-out, and skips roadmap rules on other kinds', () => {
    expect(of('system-out')).toHaveLength(1);
    expect(xml).toContain('<system-out>info: no indicator (axes[1].chantiers[0].actions[0].indicateur)</system-out>');
    const skippedInEvents = Number(of('testsuite')[2]!.attrs.skipped);
    expect(skippedInEvents).toBe(RULES.filter((r) => r.kinds !== 'all' && !r.kinds.includes('events')).length);
    expect(skippedInEvents).toBeGreaterThan(0);
  });

  it('escapes markup in messages and file names', () => {
    expect(xml).toContain('&quot;FIR : 30 000 € &amp; &lt;plus&gt;&quot;');
    expect(xml).not.toContain('<plus>');
  });

  it('drops characters XML 1.0 cannot hold', () => {
    expect(escapeXml('a\u0000b\u0007c\ud800d\tok\u{1F600}')).toBe('abcd\tok\u{1F600}');
  });
});
