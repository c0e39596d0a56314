#!/usr/bin/env node
// Renders a gold document (any kind with a layout module in ./blocks.mjs KINDS) with one producer.
//
//   node scripts/producers/documents/render.mjs --kind restitution --gold FILE --producer word|reportlab|chromium
//        [--seed N | --fixed] --out FILE.pdf
//   node scripts/producers/documents/render.mjs --fixtures      the committed fixtures (fixtures/producers-documents/)
//
// API: renderDocument({ kind, gold, producer, params, outPdf }), renderMany(jobs) (one browser for chromium jobs).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { kindModule } from './blocks.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..', '..');
export const FIXTURE_DIR = path.join(ROOT, 'fixtures', 'producers-documents');
export const PRODUCERS = ['word', 'reportlab', 'chromium'];

const renderer = (producer) => {
  if (!PRODUCERS.includes(producer)) throw new Error(`unknown producer "${producer}" (known: ${PRODUCERS.join(', ')})`);
  return import(`./${producer}.mjs`);
};
const readGold = (gold) => (typeof gold === 'string' ? JSON.parse(fs.readFileSync(gold, 'utf8')) : gold);

/** The parameters of a job: the kind's fixed layout for the producer, or the seed's variant. */
export async function paramsFor(kind, producer, seed) {
  const mod = await kindModule(kind);
  if (seed === undefined) {
    const fixed = mod.FIXED?.[producer];
    if (!fixed) throw new Error(`no fixed ${kind} layout for ${producer}`);
    return { ...fixed };
  }
  return mod.variantParams(seed);
}

/** Renders jobs [{kind, gold, producer, params, outPdf}], chromium ones in one browser session. */
export async function renderMany(jobs) {
  const byProducer = new Map();
  for (const j of jobs) byProducer.set(j.producer, [...(byProducer.get(j.producer) ?? []), j]);
  for (const [producer, list] of byProducer) {
    const r = await renderer(producer);
    await r.ensureInstalled();
    const prepared = [];
    for (const j of list) {
      const mod = await kindModule(j.kind);
      prepared.push({ blocks: mod.blocks(readGold(j.gold), j.params), outPdf: j.outPdf, params: j.params });
    }
    if (r.renderManyBlocks) await r.renderManyBlocks(prepared);
    else for (const p of prepared) await r.renderBlocks(p.blocks, p.outPdf, { params: p.params });
  }
}

export const renderDocument = (job) => renderMany([job]);

/** The committed fixtures: each kind's fixed layouts, plus one seeded chromium variant. */
export const FIXTURES = [
  { kind: 'restitution', gold: 'normandie-restitution-2022', producer: 'word', name: 'normandie-restitution-2022.word.pdf' },
  { kind: 'restitution', gold: 'normandie-restitution-2022', producer: 'reportlab', name: 'normandie-restitution-2022.reportlab.pdf' },
  { kind: 'restitution', gold: 'normandie-restitution-2022', producer: 'chromium', seed: 7, name: 'normandie-restitution-2022.chromium-7.pdf' },
];

function goldPath(name) {
  const dirs = [path.resolve(ROOT, '..', 'shared', 'gold'), path.join(ROOT, 'fixtures', 'gold')];
  const dir = dirs.find((d) => fs.existsSync(path.join(d, `${name}.gold.json`)));
  if (!dir) throw new Error(`no gold file ${name}.gold.json in ${dirs.join(' or ')}`);
  return path.join(dir, `${name}.gold.json`);
}

async function main(argv) {
  const opt = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (argv.includes('--fixtures')) {
    const jobs = [];
    for (const f of FIXTURES) jobs.push({ ...f, gold: goldPath(f.gold), params: await paramsFor(f.kind, f.producer, f.seed), outPdf: path.join(FIXTURE_DIR, f.name) });
    await renderMany(jobs);
    for (const j of jobs) console.log(`wrote ${path.relative(ROOT, j.outPdf)}`);
    return;
  }
  const kind = opt('--kind') ?? 'restitution';
  const producer = opt('--producer') ?? 'chromium';
  const gold = opt('--gold');
  const out = opt('--out');
  if (!gold || !out) throw new Error('usage: render.mjs --kind KIND --gold FILE --producer P [--seed N] --out FILE.pdf | --fixtures');
  const seed = opt('--seed') === undefined ? undefined : Number(opt('--seed'));
  const params = await paramsFor(kind, producer, argv.includes('--fixed') ? undefined : seed ?? undefined);
  await renderDocument({ kind, gold, producer, params, outPdf: path.resolve(out) });
  console.log(`wrote ${out} (${JSON.stringify(params)})`);
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e.message);
    process.exitCode = 1;
  });
}
