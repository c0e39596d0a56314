// Builders shared by the diff and compare tests (not a test file itself: no .test in the name).
import { roadmapFromJson } from '../../src/diff/load-roadmap.js';
import type { Roadmap, RoadmapDiff } from '../../src/model/index.js';
import { comparisonKey } from '../../src/text/normalize.js';
import type { LoadedFile } from '../../src/sources/load.js';

export type RowSpec = string | { action: string; financement?: string; indicateur?: string; commentaire?: string };
export interface AxisSpec {
  number: number;
  title?: string;
  chantiers: { title: string; actions: RowSpec[] }[];
}

export function fakeFile(name = 'test.json'): LoadedFile {
  return { path: name, bytes: new Uint8Array(), info: { file: name, sha256: '0'.repeat(64), format: 'json' } };
}

/** A roadmap from a compact description, through the gold-format loader (so fundings are parsed). */
export function roadmap(axes: AxisSpec[], front: { territory?: string; period?: string } = {}): Roadmap {
  return roadmapFromJson(
    {
      kind: 'roadmap',
      region: 'Normandie',
      territory: front.territory ?? 'Testville',
      territoryType: 'cts',
      title: `Feuille de route territoriale de ${front.territory ?? 'Testville'}`,
      period: front.period ?? '2024-2025',
      axes: axes.map((a) => ({
        number: a.number,
        title: a.title ?? `Axe ${a.number}`,
        chantiers: a.chantiers.map((c) => ({
          title: c.title,
          actions: c.actions.map((r) => (typeof r === 'string' ? { action: r, financement: '', indicateur: '', commentaire: '' } : r)),
        })),
      })),
    },
    fakeFile(),
  );
}

// ---------------------------------------------------------------------------------------------------
// Facts: the atomic changes a diff reports, as comparable strings (for precision and recall).

export interface Place {
  axis: number;
  chantier: string;
}
export type Expected =
  | { type: 'document'; field: string }
  | { type: 'axis-added' | 'axis-removed'; axis: number }
  | ({ type: 'chantier-added' | 'chantier-removed' } & Place)
  | ({ type: 'added' | 'removed'; action: string } & Place)
  | { type: 'modified'; field: string; action: string }
  | { type: 'moved'; from: Place; to: Place; action: string }
  | { type: 'funding'; before: number | null; after: number | null; action: string }
  | { type: 'split'; action: string; into: string[] }
  | { type: 'merged'; from: string[]; action: string };

export interface EditsFile {
  old: string;
  new: string;
  edits: { op: string; field?: string; action?: string; before?: string; after?: string }[];
  expected: Expected[];
}

/** Texts are keyed by their comparison key (typography folded), cut short: enough to tell rows apart. */
export const k = (s: string) => comparisonKey(s).slice(0, 80);
const placeKey = (p: Place) => `${p.axis}|${k(p.chantier)}`;

export function expectedFacts(list: readonly Expected[]): string[] {
  return list.map((e) => {
    switch (e.type) {
      case 'document':
        return `document|${e.field}`;
      case 'axis-added':
      case 'axis-removed':
        return `${e.type}|${e.axis}`;
      case 'chantier-added':
      case 'chantier-removed':
        return `${e.type}|${placeKey(e)}`;
      case 'added':
      case 'removed':
        return `${e.type}|${placeKey(e)}|${k(e.action)}`;
      case 'modified':
        return `modified|${e.field}|${k(e.action)}`;
      case 'moved':
        return `moved|${placeKey(e.from)}|${placeKey(e.to)}|${k(e.action)}`;
      case 'funding':
        return `funding|${e.before}|${e.after}|${k(e.action)}`;
      case 'split':
        return `split|${k(e.action)}|${e.into.map(k).join('+')}`;
      case 'merged':
        return `merged|${e.from.map(k).join('+')}|${k(e.action)}`;
    }
  });
}

export function reportedFacts(d: RoadmapDiff): string[] {
  const facts: string[] = [];
  for (const f of d.document) facts.push(`document|${f.field}`);
  for (const a of d.axes) facts.push(`axis-${a.type}|${a.number}`);
  for (const c of d.chantiers) facts.push(`chantier-${c.type}|${placeKey(c.after ?? c.before!)}`);
  for (const a of d.actions) {
    const o = a.old[0];
    const n = a.new[0];
    switch (a.type) {
      case 'added':
        facts.push(`added|${placeKey(n!)}|${k(n!.action)}`);
        break;
      case 'removed':
        facts.push(`removed|${placeKey(o!)}|${k(o!.action)}`);
        break;
      case 'split':
        facts.push(`split|${k(o!.action)}|${a.new.map((r) => k(r.action)).join('+')}`);
        break;
      case 'merged':
        facts.push(`merged|${a.old.map((r) => k(r.action)).join('+')}|${k(n!.action)}`);
        break;
      case 'changed':
        for (const f of a.fields) facts.push(`modified|${f}|${k(n!.action)}`);
        if (a.moved) facts.push(`moved|${placeKey(a.moved.from)}|${placeKey(a.moved.to)}|${k(n!.action)}`);
        if (a.funding) facts.push(`funding|${a.funding.before}|${a.funding.after}|${k(n!.action)}`);
        break;
    }
  }
  return facts;
}

/** Precision and recall of reported facts against expected ones (multisets). */
export function score(reported: readonly string[], expected: readonly string[]) {
  const pool = [...expected];
  const falsePositives: string[] = [];
  for (const r of reported) {
    const i = pool.indexOf(r);
    if (i >= 0) pool.splice(i, 1);
    else falsePositives.push(r);
  }
  const truePositives = reported.length - falsePositives.length;
  return {
    precision: reported.length ? truePositives / reported.length : 1,
    recall: expected.length ? truePositives / expected.length : 1,
    falsePositives,
    missed: pool,
  };
}

