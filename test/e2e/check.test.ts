import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, FIXTURES, fdr, tempDir } from '../helpers/cli.js';

const CHECK = join(FIXTURES, 'check');
const SEEDS = ['le-havre-2024.txt', 'calvados-2024.txt'].map((f) => join(FIXTURES, f));
const GOLDS = ['le-havre-2024.gold.json', 'calvados-2024.gold.json'].map((f) => join(FIXTURES, 'gold', f));

interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  path?: string;
  lines?: [number, number];
}
interface JsonReport {
  passed: boolean;
  summary: { files: number; unreadable: number; error: number; warning: number; info: number };
  rules: { id: string; severity: string; description: string }[];
  files: { file: string; kind?: string; format?: string; findings: JsonFinding[]; error?: { code: string; message: string } }[];
}

const jsonCheck = (args: string[]) => {
  const run = fdr(['check', '--reporter', 'json', ...args]);
  return { ...run, report: JSON.parse(run.stdout) as JsonReport };
};

/**
 * Every finding the real seeds and their gold transcriptions produce, with why it is right.
 * Anything else appearing here is a regression of a reader or of a rule.
 */
const JUSTIFIED: Record<string, { rule: string; path: string; why: string }[]> = {
  'le-havre-2024.txt': [],
  'calvados-2024.txt': [],
  'le-havre-2024.gold.json': [],
  'calvados-2024.gold.json': [],
};

describe('fdr check on the real roadmaps', () => {
  const { status, stderr, report } = jsonCheck([...SEEDS, ...GOLDS]);

  it('exits 0 at --fail-on error, with nothing on stderr', () => {
    expect(stderr).toBe('');
    expect(report.summary.unreadable).toBe(0);
    expect(report.summary.error).toBe(0);
    expect(status).toBe(0);
  });

  it('reports exactly the justified findings', () => {
    for (const file of report.files) {
      const name = file.file.split('/').at(-1)!;
      expect(
        file.findings.map((f) => ({ rule: f.rule, path: f.path })),
        `${name}: ${JSON.stringify(file.findings, null, 1)}`,
      ).toEqual(JUSTIFIED[name]!.map(({ rule, path }) => ({ rule, path })));
    }
  });

  it('finds the same things in a text dump and in the JSON fdr extracted from it', () => {
    const out = join(tempDir(), 'calvados.json');
    expect(fdr(['extract', SEEDS[1]!, '-o', out]).status).toBe(0);
    const fromJson = jsonCheck([out]).report.files[0]!.findings;
    const fromText = report.files[1]!.findings;
    expect(fromJson.map(({ rule, path, message, lines }) => ({ rule, path, message, lines }))).toEqual(
      fromText.map(({ rule, path, message, lines }) => ({ rule, path, message, lines })),
    );
  });
});

describe('exit codes', () => {
  it('exits 1 on an error finding (default --fail-on error) and prints the report', () => {
    const run = fdr(['check', join(CHECK, 'row-without-action.triggers.json')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/error\s+row-without-action\s+row of axis #1 has no action/);
    expect(run.stdout).toMatch(/1 error, 0 warnings, 0 info — FAIL \(findings at or above error\)\n$/);
  });

  it('exits 0 on warnings only, and 1 when --fail-on warning', () => {
    const file = join(CHECK, 'duplicate-action.triggers.json');
    expect(fdr(['check', file]).status).toBe(0);
    expect(fdr(['check', '--fail-on', 'warning', file]).status).toBe(1);
  });

  it('info findings never fail the check', () => {
    expect(fdr(['check', '--fail-on', 'warning', join(CHECK, 'empty-indicator.triggers.json')]).status).toBe(0);
  });

  it('exits 2 when an input is unreadable, still checking and reporting the others', () => {
    const dir = tempDir();
    const fakePdf = join(dir, 'scan.pdf');
    writeFileSync(fakePdf, 'not a pdf at all');
    const run = jsonCheck([join(dir, 'missing.txt'), join(CHECK, 'row-without-action.triggers.json'), fakePdf]);
    expect(run.status).toBe(2);
    expect(run.report.files.map((f) => f.error?.code ?? f.findings.map((x) => x.rule).join())).toEqual(['FILE_NOT_FOUND', 'row-without-action', 'NOT_PDF']);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^fdr: .*missing\.txt: no such file or folder .*\[FILE_NOT_FOUND\]$/);
    expect(lines[1]).toMatch(/^fdr: .*scan\.pdf: not a PDF file .*\[NOT_PDF\]$/);
  });

  it('exits 2 on a bad --reporter or --fail-on', () => {
    const reporter = fdr(['check', '--reporter', 'xml', join(CHECK, 'clean.fdr.json')]);
    expect(reporter.status).toBe(2);
    expect(reporter.stderr).toMatch(/unknown --reporter "xml".*\[USAGE\]/);
    const failOn = fdr(['check', '--fail-on', 'info', join(CHECK, 'clean.fdr.json')]);
    expect(failOn.status).toBe(2);
    expect(failOn.stderr).toMatch(/unknown --fail-on "info".*\[USAGE\]/);
  });
});

describe('reporters', () => {
  it('github: annotations with the file, and the line of the finding in a JSON input', () => {
    const run = fdr(['check', '--reporter', 'github', join(CHECK, 'empty-chantier.triggers.json'), join(CHECK, 'unassigned-text.triggers.json')]);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^::warning file=.*empty-chantier\.triggers\.json,line=\d+,title=fdr check%3A empty-chantier::chantier "Télésurveillance en psychiatrie"/);
    expect(lines[1]).toMatch(/^::warning file=.*unassigned-text\.triggers\.json,title=fdr check%3A unassigned-text::.*\(source page 7 \[335, 160, 420, 172\]\)$/);
    expect(lines[2]).toMatch(/^2 files checked: 0 errors, 2 warnings, 0 info — pass$/);
    expect(run.status).toBe(0);
  });

  it('github: annotations on a text dump carry its source lines', () => {
    const run = fdr(['check', '--reporter', 'github', SEEDS[0]!]);
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::'));
    // The printed Le Havre roadmap has rows with an empty indicator cell (see the gold): at least those.
    expect(annotations.filter((l) => l.includes('empty-indicator')).length).toBeGreaterThanOrEqual(3);
    for (const line of annotations) expect(line).toMatch(/^::(error|warning|notice) file=[^,]*le-havre-2024\.txt,line=\d+,endLine=\d+,title=/);
  });

  it('junit: writes the report with -o, refuses to overwrite it without --force', () => {
    const out = join(tempDir(), 'check.xml');
    const args = ['check', '--reporter', 'junit', '-o', out, join(CHECK, 'row-without-action.triggers.json'), join(CHECK, 'not-a-roadmap.triggers.json')];
    const first = fdr(args);
    expect(first.status).toBe(1);
    expect(first.stdout).toBe('');
    const xml = readFileSync(out, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="fdr check"/);
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(xml).toContain('<failure type="error" message="1 finding: row of axis #1 has no action');
    expect(xml).toMatch(/<skipped message="does not apply to a events document"\/>/);
    const again = fdr(args);
    expect(again.status).toBe(10);
    expect(again.stderr).toMatch(/\[OUTPUT_EXISTS\]/);
    expect(fdr([...args, '--force']).status).toBe(1);
  });

  it('json: lists the rules with their severities', () => {
    const { report, status } = jsonCheck([join(CHECK, 'clean.gold.json')]);
    expect(status).toBe(0);
    expect(report.passed).toBe(true);
    expect(report.rules.find((r) => r.id === 'row-without-action')?.severity).toBe('error');
    expect(report.files[0]).toMatchObject({ kind: 'roadmap', format: 'json', findings: [] });
  });
});

describe('fdr schema', () => {
  it.each(['roadmap', 'restitution', 'events', 'diff'])('prints schemas/%s.schema.json', (kind) => {
    const run = fdr(['schema', kind]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(ROOT, 'schemas', `${kind}.schema.json`), 'utf8'));
  });

  it('exits 2 on an unknown kind', () => {
    const run = fdr(['schema', 'budget']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown schema kind "budget".*roadmap, restitution, events, diff.*\[USAGE\]/);
  });

  it('the committed schemas exist for every kind', () => {
    for (const kind of ['roadmap', 'restitution', 'events', 'diff']) expect(existsSync(join(ROOT, 'schemas', `${kind}.schema.json`))).toBe(true);
  });
});
