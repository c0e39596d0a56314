#!/usr/bin/env node
// Makes the synthetic roadmaps of the five Normandie CTS we have no transcription of (Rouen-Elbeuf, Dieppe, Orne,
// Manche, Évreux-Vernon), so that `fdr compare` can be exercised on the seven territories. Each is a copy of one
// of the two hand-checked gold roadmaps (Le Havre, Calvados) with its own territory and title and a deterministic
// selection of axes, chantiers and actions, so that every territory has its own figures and some axes are not
// covered. The cells are the gold's, word for word: these files test comparison and reporting, not reading.
//
//   node scripts/make-territories.mjs [--check]      writes fixtures/territories/<slug>-2024.gold.json
//     --check  write nothing; exit 1 if a file is missing or stale

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TERRITORIES_DIR = join(ROOT, 'fixtures/territories');
const gold = (name) => JSON.parse(readFileSync(join(ROOT, 'fixtures/gold', `${name}-2024.gold.json`), 'utf8'));

/**
 * from: gold roadmap; axes: the axis numbers kept; chantiers: at most this many chantiers per axis;
 * actions: at most this many actions per chantier.
 */
const DERIVED = [
  { slug: 'rouen-elbeuf', territory: 'Rouen-Elbeuf', title: 'Feuille de route territoriale de Rouen-Elbeuf', from: 'le-havre', axes: [1, 2, 3, 6, 7, 9, 10], chantiers: 3, actions: 3 },
  { slug: 'dieppe', territory: 'Dieppe', title: 'Feuille de route territoriale de Dieppe', from: 'calvados', axes: [1, 2, 4, 6, 9], chantiers: 2, actions: 2 },
  { slug: 'orne', territory: 'Orne', title: 'Feuille de route territoriale de l’Orne', from: 'calvados', axes: [1, 2, 3, 4, 5, 6], chantiers: 4, actions: 2 },
  { slug: 'manche', territory: 'Manche', title: 'Feuille de route territoriale de la Manche', from: 'le-havre', axes: [1, 2, 3, 6, 10, 12], chantiers: 5, actions: 1 },
  { slug: 'evreux-vernon', territory: 'Évreux-Vernon', title: 'Feuille de route territoriale d’Évreux-Vernon', from: 'calvados', axes: [2, 3, 4, 7, 8, 10], chantiers: 2, actions: 3 },
];

export function derive(spec) {
  const base = gold(spec.from);
  return {
    ...base,
    source: `synthetic:${spec.slug} (derived from fixtures/gold/${spec.from}-2024.gold.json by scripts/make-territories.mjs)`,
    territory: spec.territory,
    territoryType: 'cts',
    title: spec.title,
    signatories: base.signatories.slice(0, 1),
    axes: base.axes
      .filter((a) => spec.axes.includes(a.number))
      .map((a) => ({ ...a, chantiers: a.chantiers.slice(0, spec.chantiers).map((c) => ({ ...c, actions: c.actions.slice(0, spec.actions) })) })),
    transversalPriorities: [],
  };
}

/** The seven territories' roadmaps, in the README's order: the two gold files and the five derived ones. */
export function sevenTerritoryFiles() {
  return [
    join(ROOT, 'fixtures/gold/le-havre-2024.gold.json'),
    join(ROOT, 'fixtures/gold/calvados-2024.gold.json'),
    ...DERIVED.map((d) => join(TERRITORIES_DIR, `${d.slug}-2024.gold.json`)),
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  mkdirSync(TERRITORIES_DIR, { recursive: true });
  for (const spec of DERIVED) {
    const file = join(TERRITORIES_DIR, `${spec.slug}-2024.gold.json`);
    const text = `${JSON.stringify(derive(spec), null, 1)}\n`;
    if (check) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
        console.log(`stale: ${file}`);
        stale++;
      }
    } else {
      writeFileSync(file, text);
      console.log(`wrote ${file}`);
    }
  }
  process.exit(stale ? 1 : 0);
}
