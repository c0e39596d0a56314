#!/usr/bin/env node
// Producers of events documents (issue 17): the workshop note and the press release golds printed as a
// communications team would, by three producers, from the blocks of ./model.mjs:
//   docx      Word document written with python-docx (./build_docx.py), printed to PDF by LibreOffice headless
//   reportlab ReportLab Platypus (./build_reportlab.py)
//   chromium  an HTML page (this file, htmlOf) printed by Debian's chromium through playwright-core
//
//   node scripts/producers/events/render.mjs --fixed
//        the committed fixtures fixtures/producers/events/<doc>.<producer>.pdf (+ .params.json)
//   node scripts/producers/events/render.mjs --doc note|release --producer P --seed N --out FILE.pdf
//
// API: renderMany(jobs) with jobs [{doc, producer, params, outPdf}] (one soffice run for all .docx, one browser
// for all pages), GOLDS (doc → gold file). Debian packages are installed by the roadmap producers'
// ensureInstalled() (libreoffice-writer-nogui, python3-docx, python3-reportlab, chromium, fonts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { eventsBlocks, eventsParams, fixedEventsParams } from './model.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..', '..');
const PY = '/usr/bin/python3';
export const GOLDS = {
  note: path.join(ROOT, 'fixtures/gold/hauts-de-france-cnr-2022.gold.json'),
  release: path.join(ROOT, 'fixtures/gold/normandie-temps-forts-2024.gold.json'),
};
export const PRODUCERS = ['docx', 'reportlab', 'chromium'];
const FIXED_DIR = path.join(ROOT, 'fixtures/producers/events');

const INSTALLERS = { docx: '../libreoffice.mjs', reportlab: '../reportlab.mjs', chromium: '../chromium.mjs' };
async function ensureInstalled(producers) {
  for (const p of new Set(producers)) await (await import(INSTALLERS[p])).ensureInstalled();
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.slice(0, 2).join(' ')} exited ${r.status}: ${r.stderr}`);
  return r;
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The Chromium template: the same blocks as HTML, styled by the parameters. */
export function htmlOf(params, blocks) {
  const p = params;
  const font = p.font === 'serif' ? '"Liberation Serif", serif' : '"Liberation Sans", sans-serif';
  const css = `
  @page { size: A4; margin: 20mm 22mm; }
  body { font-family: ${font}; font-size: ${p.bodySize}pt; line-height: 1.3; color: #111; }
  p { margin: 0 0 ${p.bodySize * 0.6}pt; }
  .banner { color: #${p.headingColor}; font-weight: bold; font-size: ${p.bodySize * 0.9}pt; margin: 0; }
  .dateline { text-align: right; }
  .title { font-size: ${p.bodySize * 1.7}pt; font-weight: bold; color: #${p.headingColor}; margin: ${p.bodySize}pt 0; }
  h1 { font-size: ${p.bodySize * p.headingScale}pt; font-weight: ${p.headingBold ? 'bold' : 'normal'}; color: #${p.headingColor}; margin: ${p.bodySize * 1.2}pt 0 ${p.bodySize * 0.6}pt; }
  h2 { font-size: ${p.bodySize * Math.max(1, p.headingScale * 0.85)}pt; font-weight: bold; color: #${p.headingColor}; margin: ${p.bodySize * 0.8}pt 0 ${p.bodySize * 0.4}pt; }
  ul { margin: 0 0 ${p.bodySize * 0.6}pt; padding-left: 18pt; list-style: none; }
  li { margin: 0 0 2pt; } li::before { content: "${p.bullet}"; display: inline-block; width: 12pt; margin-left: -12pt; }
  table { border-collapse: collapse; width: 100%; margin: 4pt 0 ${p.bodySize}pt; }
  th, td { text-align: left; vertical-align: top; padding: 3pt 5pt; }
  th { background: #${p.headerFill}; color: ${p.headerFill === '1F3864' ? '#fff' : '#000'}; }
  ${p.rules === 'grid' ? 'th, td { border: 0.6pt solid #808080; }' : p.rules === 'horizontal' ? 'tr { border-bottom: 0.6pt solid #808080; } thead tr { border-top: 0.6pt solid #808080; }' : ''}
  `;
  const out = [];
  for (const b of blocks) {
    if (b.t === 'banner') out.push(...b.lines.map((l) => `<p class="banner">${esc(l)}</p>`), '<p>&nbsp;</p>');
    else if (b.t === 'label') out.push(`<p><b>${esc(b.text)}</b></p>`);
    else if (b.t === 'dateline') out.push(`<p class="dateline">${esc(b.text)}</p>`);
    else if (b.t === 'title') out.push(`<p class="title">${esc(b.text)}</p>`);
    else if (b.t === 'heading') out.push(`<h${b.level}>${esc(b.text)}</h${b.level}>`);
    else if (b.t === 'p') out.push(b.bold ? `<p><b>${esc(b.text)}</b></p>` : `<p>${esc(b.text)}</p>`);
    else if (b.t === 'list') out.push(`<ul>${b.items.map((i) => `<li>${esc(i.text)}</li>`).join('')}</ul>`);
    else if (b.t === 'table') {
      const cols = b.widths.map((w) => `<col style="width:${(w * 100).toFixed(1)}%">`).join('');
      const body = b.rows.map((row, r) => `<tr>${row.map((text, k) => {
        if (!b.merge.includes(k)) return `<td>${esc(text)}</td>`;
        if (r > 0 && b.rows[r - 1][k] === text) return '';
        let n = 1;
        while (r + n < b.rows.length && b.rows[r + n][k] === text) n++;
        return `<td rowspan="${n}">${esc(text)}</td>`;
      }).join('')}</tr>`).join('');
      out.push(`<table><colgroup>${cols}</colgroup><thead><tr>${b.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table>`);
    }
  }
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>${css}</style></head><body>${out.join('\n')}</body></html>`;
}

function loadPlaywright() {
  return createRequire(path.join(ROOT, 'package.json'))('playwright-core');
}

/** Renders every job; returns the PDFs written. */
export async function renderMany(jobs) {
  await ensureInstalled(jobs.map((j) => j.producer));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fdr-events-render-'));
  const golds = Object.fromEntries(Object.entries(GOLDS).map(([k, f]) => [k, JSON.parse(fs.readFileSync(f, 'utf8'))]));
  const written = [];
  try {
    const docx = [];
    let browser;
    let page;
    for (const [i, job] of jobs.entries()) {
      fs.mkdirSync(path.dirname(path.resolve(job.outPdf)), { recursive: true });
      const blocks = eventsBlocks(golds[job.doc], job.params);
      const jobFile = path.join(tmp, `job${i}.json`);
      fs.writeFileSync(jobFile, JSON.stringify({ params: job.params, blocks }));
      if (job.producer === 'reportlab') {
        run(PY, [path.join(HERE, 'build_reportlab.py'), jobFile, job.outPdf]);
        written.push(job.outPdf);
      } else if (job.producer === 'docx') {
        run(PY, [path.join(HERE, 'build_docx.py'), jobFile, path.join(tmp, `doc${i}.docx`)]);
        docx.push({ i, job });
      } else {
        if (!browser) {
          browser = await loadPlaywright().chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
          page = await browser.newPage();
        }
        await page.setContent(htmlOf(job.params, blocks), { waitUntil: 'load' });
        fs.writeFileSync(job.outPdf, await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
        written.push(job.outPdf);
      }
    }
    if (browser) await browser.close();
    if (docx.length) {
      const profile = path.join(tmp, 'lo-profile');
      run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--invisible', '--norestore', '--nolockcheck', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', tmp,
        ...docx.map((d) => path.join(tmp, `doc${d.i}.docx`))], { env: { ...process.env, TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', SAL_USE_VCLPLUGIN: 'svp' } });
      for (const { i, job } of docx) {
        const pdf = path.join(tmp, `doc${i}.pdf`);
        if (!fs.existsSync(pdf)) throw new Error(`soffice wrote no PDF for ${job.outPdf}`);
        fs.copyFileSync(pdf, job.outPdf);
        if (job.keepDocx) fs.copyFileSync(path.join(tmp, `doc${i}.docx`), job.outPdf.replace(/\.pdf$/, '.docx'));
        written.push(job.outPdf);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return written;
}

/** Jobs for seeded variants: every producer × document × seed. */
export function variantJobs(seeds, outDir, producers = PRODUCERS) {
  const jobs = [];
  for (const producer of producers)
    for (const doc of Object.keys(GOLDS))
      for (const seed of seeds) jobs.push({ doc, producer, params: eventsParams(seed, doc), outPdf: path.join(outDir, producer, `${doc}-${seed}.pdf`) });
  return jobs;
}

async function main() {
  const argv = process.argv.slice(2);
  const opt = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  if (argv.includes('--fixed')) {
    const jobs = PRODUCERS.flatMap((producer) =>
      Object.keys(GOLDS).map((doc) => ({ doc, producer, params: fixedEventsParams(producer, doc), outPdf: path.join(FIXED_DIR, `${doc}.${producer}.pdf`), keepDocx: producer === 'docx' })),
    );
    for (const j of jobs) fs.mkdirSync(FIXED_DIR, { recursive: true }), fs.writeFileSync(j.outPdf.replace(/\.pdf$/, '.params.json'), `${JSON.stringify(j.params, null, 1)}\n`);
    for (const f of await renderMany(jobs)) console.log(`wrote ${path.relative(ROOT, f)}`);
    return;
  }
  const doc = opt('--doc');
  const producer = opt('--producer');
  const out = opt('--out');
  if (!GOLDS[doc] || !PRODUCERS.includes(producer) || !out) {
    console.error('usage: render.mjs --fixed | --doc note|release --producer docx|reportlab|chromium --seed N --out FILE.pdf');
    process.exit(2);
  }
  await renderMany([{ doc, producer, params: eventsParams(Number(opt('--seed') ?? 1), doc), outPdf: out, keepDocx: argv.includes('--docx') }]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
