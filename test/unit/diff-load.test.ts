import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRoadmap } from '../../src/diff/load-roadmap.js';
import { FdrError } from '../../src/errors/index.js';
import { Roadmap } from '../../src/model/index.js';
import { PRS_NORMANDIE_AXES } from '../../src/reference/prs-normandie.js';
import { tempDir } from '../helpers/cli.js';

const ROOT = resolve(import.meta.dirname, '../..');
const fixture = (p: string) => join(ROOT, 'fixtures', p);

async function failure(path: string): Promise<FdrError> {
  const error = await loadRoadmap(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FdrError);
  return error as FdrError;
}

describe('loadRoadmap', () => {
  it('accepts a gold-format file and fills in the derived fields', async () => {
    const { roadmap, info } = await loadRoadmap(fixture('gold/le-havre-2024.gold.json'));
    expect(Roadmap.safeParse(roadmap).success).toBe(true);
    expect(info.format).toBe('json');
    expect(roadmap.source).toEqual(info);
    expect(roadmap.territory).toBe('Le Havre');
    expect(roadmap.warnings).toEqual([]);
    expect(roadmap.axes.map((a) => a.prsTitle)).toEqual(roadmap.axes.map((a) => PRS_NORMANDIE_AXES[a.number - 1]));
    const crt = roadmap.axes[0]!.chantiers[1]!.actions[0]!;
    expect(crt.financement).toBe('PRIAC 400 000€ par CRT');
    expect(crt.fundingTotalEur).toBe(400_000);
    expect(crt.fundings).toHaveLength(1);
    const first = roadmap.axes[0]!.chantiers[0]!.actions[0]!;
    expect(first.indicators.length).toBeGreaterThanOrEqual(2);
    expect(first.provenance).toEqual({});
  });

  it('reads JSON written by fdr as is', async () => {
    const { roadmap } = await loadRoadmap(fixture('gold/calvados-2024.gold.json'));
    const file = join(tempDir(), 'calvados.json');
    const marked = { ...roadmap, warnings: [{ code: 'kept', message: 'a warning survives the round trip' }] };
    writeFileSync(file, JSON.stringify(marked));
    const again = await loadRoadmap(file);
    expect(again.roadmap).toEqual(marked);
  });

  it('extracts a text dump', async () => {
    const { roadmap, info } = await loadRoadmap(fixture('calvados-2024.txt'));
    expect(info.format).not.toBe('json');
    expect(roadmap.territory).toBe('Calvados');
    expect(roadmap.axes.flatMap((a) => a.chantiers.flatMap((c) => c.actions))).toHaveLength(44);
  });

  it('refuses a JSON document of another kind', async () => {
    const e = await failure(fixture('gold/normandie-restitution-2022.gold.json'));
    expect(e.code).toBe('UNSUPPORTED_FORMAT');
    expect(e.message).toContain('"restitution"');
  });

  it('refuses invalid JSON and a roadmap that does not match the schema', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.json'), '{ "kind": "roadmap", ');
    writeFileSync(join(dir, 'no-axes.json'), JSON.stringify({ kind: 'roadmap', territory: 'X', territoryType: 'cts' }));
    writeFileSync(
      join(dir, 'bad-row.json'),
      JSON.stringify({ kind: 'roadmap', territory: 'X', territoryType: 'cts', axes: [{ number: 1, title: 'A', chantiers: [{ title: 'C', actions: [{ financement: 'FIR' }] }] }] }),
    );
    expect((await failure(join(dir, 'broken.json'))).code).toBe('UNSUPPORTED_FORMAT');
    const noAxes = await failure(join(dir, 'no-axes.json'));
    expect(noAxes.code).toBe('UNSUPPORTED_FORMAT');
    expect(noAxes.message).toContain('axes');
    const badRow = await failure(join(dir, 'bad-row.json'));
    expect(badRow.code).toBe('UNSUPPORTED_FORMAT');
    expect(badRow.message).toContain('axes.0.chantiers.0.actions.0');
  });

  it('reports a missing file and a document that is not a roadmap', async () => {
    expect((await failure(fixture('nope.json'))).code).toBe('FILE_NOT_FOUND');
    expect((await failure(fixture('normandie-restitution-2022.txt'))).code).toBe('NO_ROADMAP_TABLE');
  });
});
