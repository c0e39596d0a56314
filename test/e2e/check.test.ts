import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, FIXTURES, fdr, tempDir } from '../helpers/cli.js';

const CHECK = join(FIXTURES, 'check');
const SEEDS = ['le-havre-2024.txt', 'calvados-2024.txt'].map((f) => join(FIXTURES, f));
const GOLDS = ['le-havre-2024.gold.json', 'calvados-2024.gold.json'].map((f) => join(FIXTURES, 'gold', f));
const PDFS = ['le-havre-2024.territorial.pdf', 'le-havre-2024.departmental.pdf', 'calvados-2024.territorial.pdf', 'calvados-2024.departmental.pdf', 'long-roadmap.territorial.pdf'].map((f) =>
  join(FIXTURES, f),
);

interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  path?: string;
  page?: number;
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

/** The three rows of the printed Le Havre roadmap whose Indicateur cell is empty (see its gold). */
const LE_HAVRE_EMPTY_INDICATORS = [
  'axes[3].chantiers[2].actions[0].indicateur',
  'axes[4].chantiers[1].actions[0].indicateur',
  'axes[4].chantiers[1].actions[1].indicateur',
];

describe('fdr check on the real roadmaps and the fixture PDFs', () => {
  const { status, stderr, report } = jsonCheck([...SEEDS, ...GOLDS, ...PDFS]);
  const findingsOf = (name: string) => report.files.find((f) => f.file.endsWith(`/${name}`))!.findings;
  const summary = (findings: JsonFinding[]) => findings.map((f) => `${f.rule} ${f.path ?? ''}`.trim());

  it('exits 0 at --fail-on error, with nothing on stderr', () => {
    expect(stderr).toBe('');
    expect(report.summary.unreadable).toBe(0);
    expect(report.summary.error).toBe(0);
    expect(status).toBe(0);
  });

  it('the gold transcriptions: Le Havre has its three empty indicator cells, Calvados is clean', () => {
    expect(summary(findingsOf('le-havre-2024.gold.json'))).toEqual(LE_HAVRE_EMPTY_INDICATORS.map((p) => `empty-indicator ${p}`));
    expect(findingsOf('calvados-2024.gold.json')).toEqual([]);
  });

  it('the PDFs rendered from the golds give the same findings, located by page', () => {
    for (const name of ['le-havre-2024.territorial.pdf', 'le-havre-2024.departmental.pdf']) {
      const findings = findingsOf(name);
      expect(summary(findings), name).toEqual(LE_HAVRE_EMPTY_INDICATORS.map((p) => `empty-indicator ${p}`));
      for (const f of findings) expect(f.page, name).toBeGreaterThan(0);
    }
    expect(findingsOf('calvados-2024.territorial.pdf')).toEqual([]);
    expect(findingsOf('calvados-2024.departmental.pdf')).toEqual([]);
  });

  it('the long roadmap repeats each chantier 13 times: every repeat is a duplicate-action warning, within its chantier', () => {
    const findings = findingsOf('long-roadmap.territorial.pdf');
    const duplicates = findings.filter((f) => f.rule === 'duplicate-action');
    expect(duplicates).toHaveLength(47 * 12);
    for (const d of duplicates) {
      const chantier = d.path!.replace(/\.actions\[\d+\]$/, '');
      expect(d.message).toContain(`repeats ${chantier}.actions[`);
    }
    expect(findings.filter((f) => f.rule === 'empty-indicator')).toHaveLength(3 * 13);
    expect(findings).toHaveLength(47 * 12 + 3 * 13);
  });

  it('the text dumps: no warning; the printed empty indicator cells are found', () => {
    const leHavre = findingsOf('le-havre-2024.txt');
    expect(leHavre.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(leHavre.filter((f) => f.rule === 'empty-indicator').map((f) => f.path)).toEqual(expect.arrayContaining(LE_HAVRE_EMPTY_INDICATORS));
    // Seed 004 spilled a funding into the action cell; the reader mends it and says so (an info, never a failure).
    expect(findingsOf('calvados-2024.txt').map((f) => `${f.rule}: ${f.message}`)).toEqual([
      'extractor-warning: funding-moved-from-action: moved "FIR: 15.000 €" from the action cell to the empty financement cell',
    ]);
  });

  it('finds the same things in a text dump and in the JSON fdr extracted from it', () => {
    const out = join(tempDir(), 'calvados.json');
    expect(fdr(['extract', SEEDS[1]!, '-o', out]).status).toBe(0);
    const fromJson = jsonCheck([out]).report.files[0]!.findings;
    const fromText = findingsOf('calvados-2024.txt');
    expect(fromText.length).toBeGreaterThan(0);
    expect(fromJson.map(({ rule, path, message, lines }) => ({ rule, path, message, lines }))).toEqual(
      fromText.map(({ rule, path, message, lines }) => ({ rule, path, message, lines })),
    );
  });

  it('a restitution brochure is reported as not a roadmap', () => {
    const run = jsonCheck([join(FIXTURES, 'normandie-restitution-2022.pdf')]);
    expect(run.status).toBe(0);
    expect(run.report.files[0]!.findings.map((f) => f.rule)).toEqual(['not-a-roadmap']);
    expect(fdr(['check', '--fail-on', 'warning', join(FIXTURES, 'normandie-restitution-2022.pdf')]).status).toBe(1);
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

  it('exits 2 on damaged, encrypted and image-only PDFs (OCR off), one line each on stderr', () => {
    const files = ['truncated.pdf', 'encrypted.pdf', 'image-only.pdf'].map((f) => join(FIXTURES, 'hostile', f));
    const run = fdr(['check', '--reporter', 'github', '--ocr', 'off', ...files]);
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split('\n').map((l) => /\[([A-Z_]+)\]$/.exec(l)?.[1])).toEqual(['CORRUPT_PDF', 'ENCRYPTED_PDF', 'NO_TEXT_LAYER']);
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations.map((l) => /^::error file=[^,]+,title=fdr check%3A ([A-Z_]+)::fdr: /.exec(l)?.[1])).toEqual(['CORRUPT_PDF', 'ENCRYPTED_PDF', 'NO_TEXT_LAYER']);
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
