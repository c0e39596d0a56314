import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fdr, score, tempDir } from '../helpers/cli.js';

const out = tempDir('fdr-restitution-events-');

/** Extracts with --kind auto (the default) and --verbose; returns the run, the output path and the document. */
function extract(input: string, name: string) {
  const path = join(out, `${name}.json`);
  const run = fdr(['--verbose', 'extract', join(FIXTURES, input), '-o', path, '--force']);
  return { run, path, doc: run.status === 0 ? JSON.parse(readFileSync(path, 'utf8')) : undefined };
}

describe.each([
  // seeds (real documents), then fictitious documents laid out the same way, with their own gold
  ['normandie-restitution-2022.txt', 'gold/normandie-restitution-2022.gold.json', 'restitution'],
  ['hauts-de-france-cnr-2022.txt', 'gold/hauts-de-france-cnr-2022.gold.json', 'events'],
  ['normandie-temps-forts-2024.txt', 'gold/normandie-temps-forts-2024.gold.json', 'events'],
  ['synthetic/restitution-bretagne-2023.txt', 'synthetic/restitution-bretagne-2023.gold.json', 'restitution'],
  ['synthetic/restitution-bretagne-2023.reading-order.txt', 'synthetic/restitution-bretagne-2023.gold.json', 'restitution'],
  ['synthetic/restitution-normandie-2022.reading-order.txt', 'gold/normandie-restitution-2022.gold.json', 'restitution'],
  ['synthetic/events-grand-est-2024.txt', 'synthetic/events-grand-est-2024.gold.json', 'events'],
  ['synthetic/events-occitanie-2024.txt', 'synthetic/events-occitanie-2024.gold.json', 'events'],
])('fdr extract %s', (input, gold, kind) => {
  const name = input.replace(/[/.]/g, '-');
  const { run, path, doc } = extract(input, name);

  it(`detects the kind "${kind}" and logs the scores`, () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/kind scores: \w+=\d+, \w+=\d+, \w+=\d+/);
    expect(run.stderr).toContain(`detected kind: ${kind}`);
    expect(doc.kind).toBe(kind);
    expect(doc.$schema).toMatch(new RegExp(`${kind}\\.schema\\.json$`));
  });

  it('scores at least 99 against its gold', () => {
    const { score: s, report } = score(join(FIXTURES, gold), path);
    expect(s, report).toBeGreaterThanOrEqual(99);
  });

  it('writes one CSV row per proposition or event', () => {
    const csv = fdr(['extract', join(FIXTURES, input), '-f', 'csv']);
    expect(csv.status, csv.stderr).toBe(0);
    const header = csv.stdout.split('\r\n')[0];
    const rows =
      kind === 'restitution'
        ? doc.themes.reduce((n: number, t: any) => n + t.propositions.local.length + t.propositions.national.length, 0)
        : doc.events.length;
    expect(header).toBe(kind === 'restitution' ? 'region,theme,scope,proposition,page,source_lines' : 'region,territory,department,place,date,page,source_lines');
    // Quoted fields may hold line breaks (sub-items); records end with CRLF.
    expect(csv.stdout.split('\r\n').filter(Boolean)).toHaveLength(rows + 1);
  });
});

describe('provenance and front matter', () => {
  it('dates and sources every theme of the restitution seed', () => {
    const { doc } = extract('normandie-restitution-2022.txt', 'restitution-front');
    expect(doc.date).toBe('2022-12-08');
    expect(doc.region).toBe('Normandie');
    expect(doc.signatories.map((s: { name: string }) => s.name)).toEqual(['Pierre-André DURAND', 'Thomas DEROCHE', 'Pascale DESPRES']);
    for (const t of doc.themes) expect(t.provenance.lines[0]).toBeGreaterThan(300);
    expect(doc.themes.map((t: { tagline: string }) => t.tagline.startsWith('Imaginons des solutions pour...'))).toEqual([true, true, true, true]);
  });

  it('reads the press release’s own date, period and deployed measures', () => {
    const { doc } = extract('normandie-temps-forts-2024.txt', 'events-front');
    expect(doc.date).toBe('2024-05-15');
    expect(doc.period).toEqual({ start: '2024-05-21', end: '2024-07-04' });
    expect(doc.deployedMeasures).toHaveLength(4);
    expect(doc.deployedMeasures.join(' ')).not.toMatch(/https?:/);
    expect(doc.events[0].provenance).toEqual({ lines: [32, 32] });
  });
});

describe('documents of no known kind', () => {
  it('refuses an ordinary letter with UNKNOWN_DOCUMENT (exit 9)', () => {
    const dir = tempDir('fdr-letter-');
    const letter = join(dir, 'lettre.txt');
    const text = [
      'Mairie de Saint-Aubin-sur-Orne',
      'Saint-Aubin-sur-Orne, le 14 mars 2024',
      'Madame, Monsieur,',
      'Les travaux de la rue des Tilleuls débuteront le lundi 8 avril prochain.',
      'Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.',
    ].join('\n');
    writeFileSync(letter, text);
    const run = fdr(['extract', letter]);
    expect(run.status).toBe(9);
    expect(run.stderr).toContain('[UNKNOWN_DOCUMENT]');
    const forced = fdr(['extract', letter, '--kind', 'events']);
    expect(forced.status).toBe(9);
    expect(forced.stderr).toContain('no workshop, agenda or challenge found');
  });
});
