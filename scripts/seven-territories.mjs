#!/usr/bin/env node
// Seven roadmaps, one per CTS of Normandie, for `fdr compare` tests and the README screenshots:
//   node scripts/seven-territories.mjs OUTDIR     writes OUTDIR/<territory>.json (gold format) and lists them
//
// Only three territories have a roadmap in fixtures/ (Le Havre and Calvados, hand-checked golds; Rouen-Elbeuf,
// a synthetic text-dump fixture). The other four are DERIVED from those files — the 2025 editions made by
// scripts/make-editions.mjs, or a subset of a gold's axes — and renamed: their figures are test data, not the
// real roadmaps of Dieppe, Orne, Manche or Évreux-Vernon.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

/** @returns {{ file: string, territory: string, roadmap: object }[]} the seven roadmaps, in the CTS order of the README. */
export function sevenTerritories() {
  const renamed = (roadmap, territory, title, territoryType, keepAxis = () => true) => ({
    ...roadmap,
    source: `${territory} (derived from ${roadmap.territory} ${roadmap.period} by scripts/seven-territories.mjs)`,
    territory,
    territoryType,
    title,
    axes: roadmap.axes.filter(keepAxis),
  });
  const leHavre = read('fixtures/gold/le-havre-2024.gold.json');
  const calvados = read('fixtures/gold/calvados-2024.gold.json');
  const list = [
    renamed(read('fixtures/synthetic/rouen-elbeuf-2025.gold.json'), 'Rouen-Elbeuf', 'Feuille de route territoriale de Rouen-Elbeuf', 'cts'),
    calvados,
    renamed(read('fixtures/editions/le-havre-2025.gold.json'), 'Dieppe', 'Feuille de route territoriale de Dieppe', 'cts'),
    renamed(read('fixtures/editions/calvados-2025.gold.json'), 'Orne', 'Feuille de route départementale de l’Orne', 'departement'),
    renamed(calvados, 'Manche', 'Feuille de route départementale de la Manche', 'departement', (a) => a.number % 2 === 1),
    leHavre,
    renamed(leHavre, 'Évreux-Vernon', 'Feuille de route territoriale d’Évreux-Vernon', 'cts', (a) => a.number <= 6),
  ];
  return list.map((roadmap) => ({ file: `${roadmap.territory.toLowerCase().replace(/\s+/g, '-').normalize('NFD').replace(/\p{M}/gu, '')}.json`, territory: roadmap.territory, roadmap }));
}

/** Writes the seven roadmaps into `dir`; returns their paths. */
export function writeSevenTerritories(dir) {
  mkdirSync(dir, { recursive: true });
  return sevenTerritories().map(({ file, roadmap }) => {
    const path = join(dir, file);
    writeFileSync(path, `${JSON.stringify(roadmap, null, 2)}\n`);
    return path;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/seven-territories.mjs OUTDIR');
    process.exit(2);
  }
  for (const path of writeSevenTerritories(dir)) console.log(path);
}
