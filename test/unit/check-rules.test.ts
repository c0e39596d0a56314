import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atLeast, exitCodeFor, type FileReport } from '../../src/check/findings.js';
import { checkDocument, documentFromJson } from '../../src/check/input.js';
import { mentionsMoney, ruleApplies, RULES, runRules } from '../../src/check/rules.js';
import { roadmapFromTranscription, TranscribedRoadmap } from '../../src/check/transcription.js';
import type { Roadmap, SourceInfo } from '../../src/model/index.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/check');
const SOURCE: SourceInfo = { file: 'fixture.json', sha256: '0'.repeat(64), format: 'json' };

function checkFixture(name: string): FileReport {
  const path = join(FIXTURES, name);
  const text = readFileSync(path, 'utf8');
  return checkDocument(path, { doc: documentFromJson(text, path, SOURCE), jsonText: text });
}

/** What each rule must report on its triggering fixture: [path or page, message fragment]. */
const EXPECTED: Record<string, { at: string | number; says: RegExp }[]> = {
  'row-without-action': [{ at: 'axes[0].chantiers[0].actions[1]', says: /no action but a financement, indicateur cell: "CNR : 30 000 €"/ }],
  'unassigned-text': [{ at: 7, says: /"Cofinancement CNR" inside the table on page 7 belongs to no cell/ }],
  'axis-mismatch': [
    { at: 'axes[1]', says: /axis #3 is titled "Renforcer l'évolution inclusive de la société" but PRS axis 3 is "Améliorer la santé mentale/ },
    { at: 'axes[2]', says: /axis #14 is not one of the 12 PRS Normandie axes/ },
  ],
  'empty-chantier': [{ at: 'axes[1].chantiers[1]', says: /chantier "Télésurveillance en psychiatrie" of axis #3 has no action/ }],
  'duplicate-action': [{ at: 'axes[1].chantiers[1].actions[1]', says: /"former les aides à domicile au repérage des fragilités\." repeats axes\[0\]\.chantiers\[0\]\.actions\[1\]/ }],
  'unparsed-amount': [
    { at: 'axes[0].chantiers[0].actions[0].financement', says: /"FIR : quarante mille euros" mentions money/ },
    { at: 'axes[1].chantiers[0].actions[0].financement', says: /"Cofinancement CNR : trente mille € par an" mentions money/ },
  ],
  'empty-indicator': [{ at: 'axes[1].chantiers[0].actions[0].indicateur', says: /"Former 150 habitants aux premiers secours en santé mentale" has no indicator/ }],
  'page-other-among-tables': [{ at: 8, says: /page 8 lies between table pages/ }],
  'low-confidence': [
    {
      at: 'axes[0].chantiers[0].actions[1]',
      says: /^action "Former les aides à domicile .*" read with confidence 0\.65: column-by-gutter, row-boundary-by-gap, row-joined-across-pages$/,
    },
  ],
  'ocr-low-confidence': [{ at: 'axes[0].chantiers[0].actions[0].financement', says: /^financement "FIR : 45 000 €" read by OCR with confidence 0\.62$/ }],
  'not-a-roadmap': [{ at: '', says: /read as "events", not as a roadmap/ }],
  'extractor-warning': [{ at: 2, says: /^signatory-role-missing: signatory "Jeanne MARTIN" has no role line$/ }],
};

describe('the rules table', () => {
  it('has unique ids, a severity and a one-line description for every rule', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.description).toMatch(/^\S.*\.$/);
      expect(rule.description).not.toContain('\n');
    }
  });

  it('has a triggering and a passing fixture, and an expectation, for every rule', () => {
    for (const rule of RULES) {
      expect(existsSync(join(FIXTURES, `${rule.id}.triggers.json`)), rule.id).toBe(true);
      expect(existsSync(join(FIXTURES, `${rule.id}.passes.json`)), rule.id).toBe(true);
      expect(EXPECTED[rule.id], rule.id).toBeDefined();
    }
    expect(Object.keys(EXPECTED).sort()).toEqual(RULES.map((r) => r.id).sort());
  });
});

describe.each(RULES.map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  it('reports exactly the expected findings on its triggering fixture, and nothing else', () => {
    const report = checkFixture(`${id}.triggers.json`);
    expect(report.error).toBeUndefined();
    const expected = EXPECTED[id]!;
    expect(report.findings.map((f) => f.rule)).toEqual(expected.map(() => id));
    report.findings.forEach((finding, i) => {
      const { at, says } = expected[i]!;
      expect(finding.severity).toBe(rule.severity);
      expect(finding.message).toMatch(says);
      if (typeof at === 'number') expect(finding.page).toBe(at);
      else if (at) expect(finding.path).toBe(at);
    });
  });

  it('does not fire on its near-miss fixture', () => {
    const report = checkFixture(`${id}.passes.json`);
    expect(report.error).toBeUndefined();
    expect(report.findings.filter((f) => f.rule === id)).toEqual([]);
  });
});

describe('clean documents', () => {
  it.each(['clean.gold.json', 'clean.fdr.json'])('%s has no finding at all', (name) => {
    expect(checkFixture(name).findings).toEqual([]);
  });

  it('the near-miss fixtures of the structural rules are entirely clean', () => {
    for (const id of ['row-without-action', 'axis-mismatch', 'empty-chantier', 'duplicate-action', 'unparsed-amount', 'empty-indicator'])
      expect(checkFixture(`${id}.passes.json`).findings, id).toEqual([]);
  });
});

describe('locations', () => {
  it('a PDF finding carries the page and box of the cell', () => {
    const doc = documentFromJson(readFileSync(join(FIXTURES, 'clean.fdr.json'), 'utf8'), 'x.json', SOURCE) as Roadmap;
    doc.axes[0]!.chantiers[0]!.actions[1]!.indicateur = '';
    const [finding] = runRules(doc);
    expect(finding).toMatchObject({ rule: 'empty-indicator', path: 'axes[0].chantiers[0].actions[1].indicateur', page: 7, bbox: [480, 90, 640, 150] });
  });

  it('a JSON input finding points at the line of its path in the file', () => {
    const report = checkFixture('empty-chantier.triggers.json');
    const lines = readFileSync(join(FIXTURES, 'empty-chantier.triggers.json'), 'utf8').split('\n');
    const line = report.findings[0]!.inputLine!;
    // axes[1].chantiers[1] is the second "{" of the second axis's "chantiers" array
    expect(lines[line - 1]).toMatch(/^\s*\{$/);
    expect(lines[line]).toContain('"title": "Télésurveillance en psychiatrie"');
  });

  it('a text input finding keeps the source lines and uses them as the input line', () => {
    const doc = documentFromJson(readFileSync(join(FIXTURES, 'clean.fdr.json'), 'utf8'), 'x.json', SOURCE) as Roadmap;
    const text: Roadmap = { ...doc, source: { ...doc.source, format: 'text' } };
    const action = text.axes[0]!.chantiers[0]!.actions[0]!;
    action.indicateur = '';
    action.provenance = { lines: [40, 44] };
    const report = checkDocument('roadmap.txt', { doc: text });
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: 'empty-indicator', lines: [40, 44], inputLine: 40, inputEndLine: 44 }),
    ]);
  });
});

describe('extractor warnings are reported once', () => {
  const transcription = TranscribedRoadmap.parse(JSON.parse(readFileSync(join(FIXTURES, 'axis-mismatch.triggers.json'), 'utf8')));

  it('axis warnings already in the document are not repeated; ones the model cannot show are kept', () => {
    const doc = roadmapFromTranscription(transcription, SOURCE);
    const fromAssembler = runRules(doc).filter((f) => f.rule === 'axis-mismatch');
    expect(fromAssembler).toHaveLength(2);
    doc.warnings = [
      ...fromAssembler.map((f) => ({ code: f.message.includes('not one of') ? 'axis-number-unknown' : 'axis-title-mismatch', message: f.message })),
      { code: 'axis-title-mismatch', message: 'axis #1 divider page reads "Relever le défi" only', at: { page: 3 } },
    ];
    const findings = runRules(doc);
    expect(findings.filter((f) => f.rule === 'axis-mismatch').map((f) => f.message)).toEqual([
      ...fromAssembler.map((f) => f.message),
      'axis #1 divider page reads "Relever le défi" only',
    ]);
    expect(findings.filter((f) => f.rule === 'extractor-warning')).toEqual([]);
  });

  it('text in a column that is not a roadmap column is unassigned text too', () => {
    const doc = documentFromJson(readFileSync(join(FIXTURES, 'clean.fdr.json'), 'utf8'), 'x.json', SOURCE);
    doc.warnings = [
      { code: 'cell-outside-columns', message: 'column "Pilote" is not a roadmap column; its text "CPTS" was not read', at: { page: 6, bbox: [700, 120, 760, 130] } },
      { code: 'row-without-header', message: 'a table row appears before any table header', at: { lines: [12, 12] } },
    ];
    expect(runRules(doc).map((f) => [f.rule, f.severity, f.page ?? f.lines])).toEqual([
      ['unassigned-text', 'warning', 6],
      ['extractor-warning', 'info', [12, 12]],
    ]);
  });

  it('a "chantier-empty" warning is the empty-chantier rule, not an extractor warning too', () => {
    const doc = roadmapFromTranscription(TranscribedRoadmap.parse(JSON.parse(readFileSync(join(FIXTURES, 'empty-chantier.triggers.json'), 'utf8'))), SOURCE);
    doc.warnings = [{ code: 'chantier-empty', message: 'chantier "Télésurveillance en psychiatrie" of axis #3 has no action' }];
    expect(runRules(doc).map((f) => f.rule)).toEqual(['empty-chantier']);
  });
});

describe('unparsed-amount on documents from elsewhere', () => {
  const load = () => documentFromJson(readFileSync(join(FIXTURES, 'clean.fdr.json'), 'utf8'), 'x.json', SOURCE) as Roadmap;

  it('flags a financement with money but no funding line at all, at the financement cell', () => {
    const doc = load();
    const action = doc.axes[0]!.chantiers[0]!.actions[0]!;
    action.fundings = [];
    action.fundingTotalEur = null;
    expect(runRules(doc)).toEqual([
      expect.objectContaining({ rule: 'unparsed-amount', path: 'axes[0].chantiers[0].actions[0].financement', page: 6, bbox: [330, 120, 480, 180] }),
    ]);
  });

  it('flags each funding line that lost its amount, not the ones that kept it', () => {
    const doc = load();
    const action = doc.axes[0]!.chantiers[0]!.actions[0]!;
    action.fundings = [
      { source: 'FIR', amount: 45000, per: null, period: null, raw: 'FIR : 45 000 €' },
      { source: 'CNR', amount: null, per: null, period: null, raw: 'CNR : 12 k€ (à confirmer)' },
      { source: null, amount: null, per: null, period: null, raw: 'Montant à définir' },
    ];
    expect(runRules(doc).map((f) => f.message)).toEqual(['financement "CNR : 12 k€ (à confirmer)" mentions money but no amount was read']);
  });
});

describe('mentionsMoney', () => {
  it.each(['FIR : 45 000 €', '12 k€', '3,5 M€', '20 000 Euros par an', 'PRIAC: 243.224', 'soit 1 123 902 pour la région', 'quarante mille euros', '65000€'])(
    'sees money in %j',
    (text) => expect(mentionsMoney(text)).toBe(true),
  );
  it.each(['PRIAC 2023-2027', 'Montant à définir', 'CPOM 2024 2025', 'Maison 1000 1ers jours', 'Fonds européen', 'NC', '2 x 3 ateliers', 'CTSM 2021-2025'])(
    'sees no money in %j',
    (text) => expect(mentionsMoney(text)).toBe(false),
  );
});

describe('severities and exit codes', () => {
  const report = (severities: ('error' | 'warning' | 'info')[], error = false): FileReport => ({
    file: 'f',
    findings: severities.map((severity) => ({ rule: 'r', severity, message: 'm' })),
    ...(error ? { error: { code: 'CORRUPT_PDF', message: 'fdr: f: damaged [CORRUPT_PDF]' } } : {}),
  });

  it('orders error > warning > info', () => {
    expect(atLeast('error', 'warning')).toBe(true);
    expect(atLeast('warning', 'warning')).toBe(true);
    expect(atLeast('info', 'warning')).toBe(false);
    expect(atLeast('warning', 'error')).toBe(false);
  });

  it('exits 0 clean, 1 on findings at or above --fail-on, 2 when an input is unreadable', () => {
    expect(exitCodeFor([report([])], 'error')).toBe(0);
    expect(exitCodeFor([report(['warning', 'info'])], 'error')).toBe(0);
    expect(exitCodeFor([report(['warning', 'info'])], 'warning')).toBe(1);
    expect(exitCodeFor([report(['info'])], 'warning')).toBe(0);
    expect(exitCodeFor([report([]), report(['error'])], 'error')).toBe(1);
    expect(exitCodeFor([report(['error']), report([], true)], 'error')).toBe(2);
  });

  it('roadmap rules do not apply to other kinds; warning mappings apply to all', () => {
    const byId = Object.fromEntries(RULES.map((r) => [r.id, r]));
    expect(ruleApplies(byId['duplicate-action']!, 'restitution')).toBe(false);
    expect(ruleApplies(byId['duplicate-action']!, 'roadmap')).toBe(true);
    expect(ruleApplies(byId['unassigned-text']!, 'events')).toBe(true);
    expect(ruleApplies(byId['not-a-roadmap']!, 'roadmap')).toBe(false);
  });
});

describe('reading JSON for check', () => {
  it('reads a gold-format transcription through the assembler (fundings parsed, PRS titles attached)', () => {
    const doc = documentFromJson(readFileSync(join(FIXTURES, 'clean.gold.json'), 'utf8'), 'x.json', SOURCE) as Roadmap;
    expect(doc.kind).toBe('roadmap');
    expect(doc.axes.map((a) => a.prsTitle)).toEqual([expect.stringMatching(/^Relever le défi/), 'Améliorer la santé mentale des Normands']);
    expect(doc.axes[0]!.chantiers[0]!.actions[0]!.fundingTotalEur).toBe(45000);
  });

  it.each([
    ['not JSON at all', '{"kind": "roadmap", ', /not valid JSON/],
    ['JSON of something else', '{"hello": "world"}', /JSON is not an fdr document/],
    ['a roadmap with a bad field', '{"kind": "roadmap", "axes": [{"number": "one", "chantiers": []}]}', /JSON is not an fdr document/],
  ])('rejects %s as unreadable input (UNSUPPORTED_FORMAT)', (_label, text, message) => {
    expect(() => documentFromJson(text, 'bad.json', SOURCE)).toThrow(message);
    try {
      documentFromJson(text, 'bad.json', SOURCE);
    } catch (e) {
      expect((e as { code: string }).code).toBe('UNSUPPORTED_FORMAT');
    }
  });
});
