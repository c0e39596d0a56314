#!/usr/bin/env node
// ReportLab producer for the multi-producer fixture corpus (issue 12): renders a gold roadmap to PDF with
// ReportLab Platypus (Debian python3-reportlab), under a `VariantParams` from ./variants.mjs or under the
// fixed parameters of the committed fixtures (fixtures/producers/reportlab/).
//
//   node scripts/producers/reportlab.mjs --fixed                       committed fixtures, both roadmaps
//   node scripts/producers/reportlab.mjs --gold FILE --seed N --out FILE.pdf [--layout FILE.json]
//
// API: ensureInstalled(), render(gold, params, outPdf[, options]) -> {unsupported, pages, ...}.
// The Python side is scripts/producers/reportlab/render.py, run with /usr/bin/python3 (the pyenv python3 on
// PATH has no reportlab). It reads one JSON job on stdin and writes one JSON report on stdout.
// Output is deterministic (reportlab invariant=1): the same job gives the same bytes.
//
// Needs the Debian packages python3-reportlab, fonts-liberation, fonts-dejavu-core, fonts-dejavu-extra
// (DejaVu Sans Condensed) and, for hyphenation, python3-pyphen: installed with apt-get when missing (as root).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chantierHeading, extraCellText, headerText, prng, variantParams } from './variants.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const PY = '/usr/bin/python3';
const RENDER_PY = path.join(HERE, 'reportlab', 'render.py');
const FIXED_DIR = path.join(ROOT, 'fixtures', 'producers', 'reportlab');
const GOLD_DIR = path.join(ROOT, 'fixtures', 'gold');
const EDITORIAL_TPL = path.join(ROOT, 'scripts', 'fixture-templates', 'roadmap-editorial.html');
const KNOWN = new Set(['action', 'financement', 'indicateur', 'commentaire']);

// ---------------------------------------------------------------------------------------------
// installation

const FONT_FILES = {
  'fonts-liberation': ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf'],
  'fonts-dejavu-core': ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  'fonts-dejavu-extra': ['/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf'],
};
const pyHas = (mod) => fs.existsSync(PY) && spawnSync(PY, ['-c', `import ${mod}`]).status === 0;
const aptCandidate = (pkg) => {
  const r = spawnSync('apt-cache', ['policy', pkg], { encoding: 'utf8' });
  return r.status === 0 && /Candidate:\s+(?!\(none\))\S+/.test(r.stdout);
};

/** Installs what the producer needs with apt-get (as root) when it is missing. Returns the packages installed. */
export async function ensureInstalled() {
  const missing = [];
  if (!pyHas('reportlab')) missing.push('python3-reportlab');
  for (const [pkg, files] of Object.entries(FONT_FILES)) if (!files.every((f) => fs.existsSync(f))) missing.push(pkg);
  // python3-pyphen (hyphenation) is optional: installed when Debian has it, else `hyphenate` is reported unsupported
  const optional = pyHas('pyphen') || !aptCandidate('python3-pyphen') ? [] : ['python3-pyphen'];
  if (!missing.length && !optional.length) return [];
  const isRoot = typeof process.getuid !== 'function' || process.getuid() === 0;
  if (!isRoot) {
    if (missing.length) throw new Error(`missing Debian packages: ${missing.join(' ')} (as root: apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')})`);
    return [];
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.error) throw r.error;
    return r.status === 0;
  };
  if (!apt(['update'])) throw new Error('apt-get update failed');
  const want = [...missing, ...optional];
  console.error(`installing with apt-get: ${want.join(' ')}`);
  if (!apt(['install', '-y', '--no-install-recommends', ...want])) {
    if (missing.length) throw new Error(`apt-get install ${want.join(' ')} failed`);
  }
  return want;
}

// ---------------------------------------------------------------------------------------------
// job

function editorialParagraphs(gold) {
  const du = gold.title.replace(/^Feuille de route (territoriale|départementale)\s+/, '');
  const kind = /départementale/.test(gold.title) ? 'départementale' : 'territoriale';
  const vars = { du, kind, period: gold.period };
  const html = fs.readFileSync(EDITORIAL_TPL, 'utf8').replace(/<!--[\s\S]*?-->\s*/g, '');
  const paras = [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]
    .replace(/\{\{(\w+)\}\}/g, (_, k) => vars[k])
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ').trim());
  return { du, paras };
}

/**
 * Producer choices a VariantParams does not name, drawn from the seed (so a variant stays deterministic):
 * - canvasBand: for chantierBand "above" in landscape, about half the seeds print the chantier heading in a
 *   coloured band at the top of the page, drawn on the canvas after the table (each chantier on new pages);
 * - engineMarkers: markers turned into ListFlowable bullets ("engine" lists: all of them);
 * - pathBullets: for about a third of the "engine" seeds, "•" is drawn as a filled circle (not text);
 * - emptyRows: where the params.emptyRows empty rows go ([axis index, chantier index, before action k]).
 */
export function producerOptions(gold, params) {
  const r = prng((params.seed * 7919 + 17) >>> 0);
  const canvasBand = params.chantierBand === 'above' && params.orientation === 'landscape' && r.chance(0.5);
  const engine = params.lists === 'engine';
  const pathBullets = engine && r.chance(1 / 3);
  const chantiers = [];
  gold.axes.forEach((a, ai) => a.chantiers.forEach((c, ci) => chantiers.push([ai, ci, c.actions.length])));
  const emptyRows = [];
  for (let i = 0; i < (params.emptyRows || 0); i++) {
    const [ai, ci, n] = r.pick(chantiers);
    emptyRows.push([ai, ci, r.int(1, Math.max(1, n))]);
  }
  return { canvasBand, engineMarkers: engine ? ['-', '•', '⇒', '*'] : [], pathBullets, emptyRows };
}

function buildJob(gold, params, outPdf, options = {}) {
  const opts = { ...producerOptions(gold, params), ...options };
  const extras = {};
  const extraKeys = params.columns.map((c) => c.key).filter((k) => !KNOWN.has(k));
  gold.axes.forEach((axis, ai) => axis.chantiers.forEach((ch, ci) => ch.actions.forEach((_, k) => {
    if (!extraKeys.length) return;
    extras[`${ai}.${ci}.${k}`] = Object.fromEntries(extraKeys.map((key) => [key, extraCellText(key, params.seed, axis.number, ci, k)]));
  })));
  const { du, paras } = editorialParagraphs(gold);
  return {
    gold,
    params,
    out: path.resolve(outPdf),
    doc: {
      headers: params.columns.map((c) => headerText(params, c)),
      headings: gold.axes.map((a) => a.chantiers.map((c, ci) => chantierHeading(params, c.title, ci))),
      extras,
      emptyRows: opts.emptyRows,
      editorial: paras,
      du,
      producer: Object.fromEntries(Object.entries(opts).filter(([k]) => k !== 'emptyRows')),
    },
  };
}

/**
 * Renders `gold` under `params` to `outPdf`. Fields the producer cannot honour are pushed into
 * params.unsupported. Returns the Python report: {unsupported, pages, splitRowPages, layout, options, ...}.
 */
export async function render(gold, params, outPdf, options = {}) {
  const job = buildJob(gold, params, outPdf, options);
  fs.mkdirSync(path.dirname(job.out), { recursive: true });
  const r = spawnSync(PY, [RENDER_PY], { input: JSON.stringify(job), encoding: 'utf8', maxBuffer: 64 << 20, cwd: ROOT });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`render.py exited ${r.status}:\n${r.stderr}`);
  const report = JSON.parse(r.stdout);
  params.unsupported = params.unsupported || [];
  for (const u of report.unsupported) if (!params.unsupported.includes(u)) params.unsupported.push(u);
  report.unsupported = params.unsupported;
  report.options = job.doc.producer;
  report.emptyRows = job.doc.emptyRows;
  return report;
}

// ---------------------------------------------------------------------------------------------
// the committed fixtures

/** Parameters of fixtures/producers/reportlab/<roadmap>.pdf (not drawn from a seed). */
export function fixedParams(roadmap) {
  return {
    seed: 0,
    roadmap,
    orientation: 'landscape',
    columns: [
      { key: 'action', header: 'Actions', width: 0.34 },
      { key: 'financement', header: 'Financement', width: 0.17 },
      { key: 'indicateur', header: 'Indicateur', width: 0.22 },
      { key: 'commentaire', header: 'Commentaires', width: 0.27 },
    ],
    headerCase: 'as-is',
    chantierBand: 'above',
    chantierPrefix: 'Chantier : ',
    sideTab: 'rotated',
    axisDividers: true,
    font: 'condensed',
    fontSize: 8,
    lineSpacing: 1.45,
    paragraphSpacing: 3,
    justify: false,
    hyphenate: false,
    zebra: true,
    rules: 'none',
    headerShading: true,
    repeatHeader: true,
    rowsBreakAcrossPages: true,
    lists: 'typed',
    emptyRows: 0,
    cellPadding: 4,
    unsupported: [],
  };
}
// "•" items go through ListFlowable with the bullet drawn as a path; "- ", "⇒ " stay typed in the text.
// A narrower table area (73 % of the width, centred) and a 100 pt band make some chantiers run over a page, so
// that rows are split in the middle (splitInRow): Le Havre rows 3.0.2 (p. 15→16) and 4.2.1 (p. 22→23),
// Calvados rows 2.0.3 (p. 10→11) and 6.2.2 (p. 26→27) (see <roadmap>.layout.json, splitRowPages).
export const FIXED_OPTIONS = { canvasBand: true, engineMarkers: ['•'], pathBullets: true, emptyRows: [], tableWidth: 0.73, bandHeight: 100 };

// ---------------------------------------------------------------------------------------------
// CLI

async function main(argv) {
  const opt = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const readGold = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));
  await ensureInstalled();
  if (argv.includes('--fixed')) {
    for (const roadmap of ['le-havre-2024', 'calvados-2024']) {
      const t0 = Date.now();
      const params = fixedParams(roadmap);
      const out = path.join(FIXED_DIR, `${roadmap}.pdf`);
      const rep = await render(readGold(path.join(GOLD_DIR, `${roadmap}.gold.json`)), params, out, FIXED_OPTIONS);
      const { layout, ...summary } = rep;
      fs.writeFileSync(path.join(FIXED_DIR, `${roadmap}.layout.json`), JSON.stringify({
        pdf: `${roadmap}.pdf`, producer: 'reportlab', params, ...summary,
        note: 'rows[].id is "<axis number>.<chantier index>.<action index>" into the gold; part is whole, head (split row, first part), tail (its continuation) or middle',
        pages: layout,
      }, null, 1) + '\n');
      console.log(`wrote ${path.relative(ROOT, out)}  ${fs.statSync(out).size} bytes, ${rep.pages} pages, split rows on pages ${rep.splitRowPages.join(',') || '-'}, ` +
        `${rep.pathBullets} path bullets, ${Date.now() - t0} ms${params.unsupported.length ? `, unsupported: ${params.unsupported.join(',')}` : ''}`);
    }
    return;
  }
  const goldFile = opt('--gold');
  const seed = Number(opt('--seed'));
  const out = opt('--out');
  if (!goldFile || !Number.isInteger(seed) || !out) {
    console.error('usage: reportlab.mjs --fixed | --gold FILE --seed N --out FILE.pdf [--layout FILE.json]');
    process.exit(2);
  }
  const gold = readGold(goldFile);
  const params = variantParams(seed);
  const t0 = Date.now();
  const rep = await render(gold, params, out);
  const { layout, ...summary } = rep;
  if (opt('--layout')) fs.writeFileSync(opt('--layout'), JSON.stringify({ params, ...summary, pages: layout }, null, 1) + '\n');
  console.log(`wrote ${out}  ${rep.pages} pages in ${Date.now() - t0} ms  (seed ${seed}: ${params.orientation}, band ${params.chantierBand}` +
    `${rep.options.canvasBand ? ' (canvas)' : ''}, tab ${params.sideTab}, dividers ${params.axisDividers}, font ${params.font} ${params.fontSize}, ` +
    `rules ${params.rules}, zebra ${params.zebra}, lists ${params.lists}${rep.options.pathBullets ? ' (path bullets)' : ''}, ` +
    `rowsBreak ${params.rowsBreakAcrossPages}, emptyRows ${params.emptyRows}, columns ${params.columns.map((c) => c.key).join('/')}; ` +
    `split rows on ${rep.splitRowPages.join(',') || '-'}; unsupported: ${params.unsupported.join(',') || 'none'})`);
  if (params.roadmap !== path.basename(goldFile).replace(/\.gold\.json$/, '')) {
    console.error(`note: seed ${seed} is drawn for ${params.roadmap}; rendered ${path.basename(goldFile)} anyway`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e.stack || String(e));
    process.exit(1);
  });
}
