#!/usr/bin/env node
// Renders the fixture PDFs in fixtures/ from the hand-checked gold JSON files (../shared/gold),
// using the HTML templates in scripts/fixture-templates/ printed to PDF by Debian's chromium
// driven by playwright-core. See fixtures/README.md for what each fixture is for.
//
//   node scripts/render-fixtures.mjs [--out DIR] [--gold DIR]      (npm run fixtures)
//
// Needs: playwright-core (devDependency), and the Debian packages chromium, qpdf, poppler-utils,
// fonts-liberation, fonts-dejavu-core — installed here with apt-get when missing (as root).
// Tests never need any of this: the generated PDFs are committed.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const TPL = path.join(HERE, 'fixture-templates');

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? path.resolve(argv[i + 1]) : dflt;
};
const OUT = opt('--out', path.join(ROOT, 'fixtures'));
// gold files: --gold DIR, else $FDR_GOLD_DIR, else ../shared/gold, else fixtures/gold (the repository's copy)
const GOLD = opt('--gold', process.env.FDR_GOLD_DIR ? path.resolve(process.env.FDR_GOLD_DIR)
  : [path.resolve(ROOT, '..', 'shared', 'gold'), path.join(ROOT, 'fixtures', 'gold')].find((d) => fs.existsSync(d)) ?? path.resolve(ROOT, '..', 'shared', 'gold'));
const HOSTILE = path.join(OUT, 'hostile');

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const FIXED_PDF_DATE = '20240101000000'; // written into /CreationDate and /ModDate
const LONG_MIN_PAGES = 200;

// ---------------------------------------------------------------------------------------------
// tools

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: opts.encoding ?? 'utf8', maxBuffer: 256 * 1024 * 1024, ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0 && !opts.allowFail) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return r;
}
const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
function hasFont(family) {
  const r = spawnSync('fc-list', [`:family=${family}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
}

function ensureSystemPackages() {
  const missing = [];
  if (!fs.existsSync(CHROMIUM)) missing.push('chromium');
  if (!have('qpdf')) missing.push('qpdf');
  if (!have('pdftoppm') || !have('pdfinfo')) missing.push('poppler-utils');
  if (!have('fc-list')) missing.push('fontconfig', 'fonts-liberation', 'fonts-dejavu-core');
  else {
    if (!hasFont('Liberation Sans') || !hasFont('Liberation Serif')) missing.push('fonts-liberation');
    if (!hasFont('DejaVu Sans')) missing.push('fonts-dejavu-core');
  }
  if (!missing.length) return [];
  const pkgs = [...new Set(missing)];
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`missing Debian packages: ${pkgs.join(' ')} (run: apt-get update && apt-get install -y ${pkgs.join(' ')})`);
  }
  console.log(`installing with apt-get: ${pkgs.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { stdio: 'inherit', env });
  run('apt-get', ['install', '-y', ...pkgs], { stdio: 'inherit', env });
  return pkgs;
}

function loadPlaywright() {
  const require = createRequire(path.join(ROOT, 'package.json'));
  try {
    return require('playwright-core');
  } catch {
    throw new Error('playwright-core is not installed: run `npm install` (devDependency) or `npm install --no-save playwright-core@1.56.1`');
  }
}

function pdfPages(file) {
  const r = run('pdfinfo', [file], { allowFail: true });
  const m = /^Pages:\s+(\d+)/m.exec(r.stdout || '');
  return m ? Number(m[1]) : null;
}

// ---------------------------------------------------------------------------------------------
// text helpers (kept in step with fmt() in fixture-templates/paginate.js)

const BREAKY = /[-/\u2010-\u2015]/;
const MARKER = /^(- |• |⇒ |\* )/;
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// One printed line of gold text. Every gold string is printed verbatim; the only markup is a
// nowrap span around tokens holding a hyphen, slash or dash (so that a wrap never happens at a
// real hyphen: a reader joining wrapped lines with one space gets the gold back), and around a
// list marker and the word after it.
function inline(line) {
  const toks = line.split(' ');
  const out = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (i === 0 && toks.length > 1 && MARKER.test(t + ' ')) {
      out.push(`<span class="nw">${esc(t)} ${esc(toks[1])}</span>`);
      i++;
      continue;
    }
    out.push(t.length > 1 && BREAKY.test(t) ? `<span class="nw">${esc(t)}</span>` : esc(t));
  }
  return out.join(' ');
}

const tpl = (name) => fs.readFileSync(path.join(TPL, name), 'utf8');
function fill(text, vars) {
  return text.replace(/\{\{(\w+)\}\}/g, (m, k) => {
    if (!(k in vars)) throw new Error(`template placeholder ${m} has no value`);
    return vars[k];
  });
}
const stripComments = (html) => html.replace(/<!--[\s\S]*?-->\s*/g, '');

// ---------------------------------------------------------------------------------------------
// roadmap HTML

const HEADERS = ['Actions', 'Financement', 'Indicateur', 'Commentaires'];
const COLGROUP = '<colgroup><col class="c1"><col class="c2"><col class="c3"><col class="c4"></colgroup>';
const THEAD = `<thead><tr>${HEADERS.map((h) => `<th>${h}</th>`).join('')}</tr></thead>`;

// "Feuille de route territoriale du Havre" -> "du Havre"
const territoryPhrase = (g) => g.title.replace(/^Feuille de route (territoriale|départementale)\s+/, '');

// the territory exactly as the gold names it ("Le Havre", "Calvados")
const territoryLine = (g) => `<div class="terr">${g.territoryType === 'departement' ? 'Département' : 'Territoire de santé'} : ${inline(g.territory)}</div>`;

function cellTerritorial(text) {
  if (text === '') return '';
  return text.split('\n').map((l) => `<div class="l${MARKER.test(l) ? ' m' : ''}">${inline(l)}</div>`).join('');
}
function cellDepartmental(text) {
  if (text === '') return '';
  const out = [];
  let list = null;
  for (const l of text.split('\n')) {
    if (MARKER.test(l)) {
      if (!list) { list = []; out.push(list); }
      list.push(`<li>${inline(l)}</li>`);
    } else {
      list = null;
      out.push(`<div class="l">${inline(l)}</div>`);
    }
  }
  return out.map((x) => (Array.isArray(x) ? `<ul>${x.join('')}</ul>` : x)).join('');
}
function rowsHtml(axis, ci, chantier, cell) {
  return chantier.actions.map((a, ri) => `<tr data-id="${axis.number}.${ci}.${ri}">` +
    `<td>${cell(a.action)}</td><td>${cell(a.financement)}</td><td>${cell(a.indicateur)}</td><td>${cell(a.commentaire)}</td></tr>`).join('\n');
}

function roadmapHtml(gold, layout) {
  const du = territoryPhrase(gold);
  const kindWord = /départementale/.test(gold.title) ? 'départementale' : 'territoriale';
  const parts = [];

  // cover
  if (layout === 'territorial') {
    parts.push(`<section class="page cover" data-kind="cover"><div class="panel"><div class="brand">SANTÉ NORMANDIE</div>` +
      `<h1>${inline(gold.title)}</h1><div class="period">${esc(gold.period)}</div>` +
      `<div class="cts">Conseil territorial de santé ${esc(du)}</div>${territoryLine(gold)}</div>` +
      `<div class="prs">Projet régional de santé<br>Normandie 2023-2028</div></section>`);
  } else {
    parts.push(`<section class="page cover" data-kind="cover"><div class="top"></div><div class="brand">SANTÉ NORMANDIE</div>` +
      `<h1>${inline(gold.title)}</h1><div class="period">${esc(gold.period)}</div>` +
      `<div class="cts">Conseil territorial de santé ${esc(du)}</div>${territoryLine(gold)}` +
      `<div class="prs">Projet régional de santé Normandie 2023-2028</div></section>`);
  }

  // editorial + signatories
  const editorial = fill(stripComments(tpl('roadmap-editorial.html')), { du: esc(du), kind: kindWord, period: esc(gold.period) });
  const sigs = gold.signatories.map((s) => `<div class="signatory"><div class="name">${inline(s.name)}</div><div class="role">${inline(s.role)}</div></div>`).join('');
  parts.push(`<section class="page prose editorial" data-kind="editorial"><h2>ÉDITORIAL</h2><div class="cols">${editorial}</div>` +
    `<div class="signatories">${sigs}</div><div class="footer"></div></section>`);

  // the 12 PRS axes
  const axesLines = gold.prsAxes.map((t, i) => `<div class="axis-line"><span class="n">${i + 1}.</span><span class="t">${inline(t)}${i < gold.prsAxes.length - 1 ? ' ;' : '.'}</span></div>`).join('');
  parts.push(`<section class="page prose axes-list" data-kind="axes"><h2>RAPPEL DES 12 AXES PRIORITAIRES :</h2>${axesLines}<div class="footer"></div></section>`);

  for (const axis of gold.axes) {
    parts.push(`<section class="page divider" data-kind="divider" data-axis="${axis.number}">` +
      (layout === 'territorial' ? '<div class="left"></div>' : '<div class="block"></div>') +
      `<div class="ap">Action prioritaire</div><div class="num">#${axis.number}</div>` +
      `<div class="axis-title">${inline(axis.title)}</div><div class="prs">Projet régional de santé Normandie 2023-2028</div></section>`);

    if (layout === 'territorial') {
      axis.chantiers.forEach((ch, ci) => {
        const band = `<div class="band"><div class="eng">Engagements du CTS</div>` +
          (ch.title ? `<div class="ch">Chantier : ${inline(ch.title)}</div>` : '') + `</div>`;
        const tab = `<div class="tab"><div>Action</div><div>prioritaire</div><div class="hash">#${axis.number}</div></div>`;
        parts.push(`<div class="flow" data-flow="rows"><template class="skel"><section class="page table-page" data-kind="table" data-axis="${axis.number}" data-chantier="${esc(ch.title)}">` +
          `<div class="content"></div>${band}${tab}<div class="footer"></div></section></template>\n` +
          `<table class="src">${COLGROUP}${THEAD}<tbody>\n${rowsHtml(axis, ci, ch, cellTerritorial)}\n</tbody></table></div>`);
      });
    } else {
      const srcs = axis.chantiers.map((ch, ci) => `<div class="chantier-src" data-title="${esc(ch.title)}">` +
        `<table class="src">${COLGROUP}${THEAD}<tbody>\n${rowsHtml(axis, ci, ch, cellDepartmental)}\n</tbody></table></div>`).join('\n');
      parts.push(`<div class="flow" data-flow="ruled"><template class="skel"><section class="page table-page" data-kind="table" data-axis="${axis.number}">` +
        `<div class="content"></div><div class="footer"></div></section></template>\n${srcs}</div>`);
    }
  }

  // transversal priorities
  const blocks = ['<h2>LES PRIORITÉS RÉGIONALES TRANSVERSALES</h2>'];
  for (const t of gold.transversalPriorities) {
    blocks.push(`<h4>${inline(t.title)}</h4>`);
    for (const p of t.text.split('\n')) blocks.push(`<p>${inline(p)}</p>`);
  }
  parts.push(`<div class="flow" data-flow="blocks"><template class="skel"><section class="page transversal" data-kind="transversal">` +
    `<div class="content"></div><div class="footer"></div></section></template><div class="src">${blocks.join('\n')}</div></div>`);

  return fill(stripComments(tpl(`${layout}.html`)), {
    title: esc(gold.title),
    body: parts.join('\n'),
    paginate: tpl('paginate.js'),
  });
}

// ---------------------------------------------------------------------------------------------
// restitution HTML

const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
const deOf = (w) => (/^[aeiouyéèêàâîôûh]/i.test(w) ? `d’${w}` : `de ${w}`);

function bulletItem(text) {
  const [first, ...subs] = text.split('\n');
  return `<li>${inline('• ' + first)}${subs.map((s) => `<span class="sub">${inline(s)}</span>`).join('')}</li>`;
}
const bulletList = (items) => `<ul class="b">${items.map(bulletItem).join('')}</ul>`;

function restitutionHtml(g) {
  const sig = (i) => (g.signatories[i] ? `<p class="sig">${inline(`${g.signatories[i].name}, ${g.signatories[i].role}`)}</p>` : '');
  const kf = g.keyFigures;
  const shares = Object.entries(kf.participantShares || {}).map(([k, v]) => `<div><span class="big">${v}%</span> ${esc(deOf(k))}</div>`).join('');
  const keyFigures = `<div class="box figs"><h3>Chiffres clés</h3>` +
    `<div><span class="big nw">${thousands(kf.participants)}</span> participants</div>${shares}` +
    `<div><span class="big">${kf.hours}</span> heures d’échanges</div>` +
    `<div><span class="big">${kf.workshops}</span> ateliers organisés au niveau des arrondissements de chaque département</div></div>`;
  const workshops = `<ul class="places">${g.workshops.map((w) => `<li>${inline(w)}</li>`).join('')}</ul>`;

  const themes = g.themes.map((t, i) => {
    const summary = t.summary.split('\n').map((l) => (MARKER.test(l) ? `<p class="bl">${inline(l)}</p>` : `<p>${inline(l)}</p>`)).join('');
    let tagline = '';
    if (t.tagline) {
      const lead = 'Imaginons des solutions pour...';
      tagline = t.tagline.startsWith(lead + ' ')
        ? `<div class="tagline"><div class="lead">${esc(lead)}</div><div>${inline(t.tagline.slice(lead.length + 1))}</div></div>`
        : `<div class="tagline"><div>${inline(t.tagline)}</div></div>`;
    }
    const props = (label, items) => (items && items.length
      ? `<div class="kicker">PROPOSITIONS CONVERGENTES DES 18 ATELIERS</div><h4>${label}</h4>${bulletList(items)}` : '');
    return `<section class="sec theme"><div class="side">CNR SANTÉ – THÈME ${i + 1}</div>` +
      `<h2>${inline(t.title.toUpperCase())}</h2><div class="cols">${summary}${tagline}` +
      props('Pour une impulsion locale', t.propositions.local) +
      props('Pour alimenter les travaux nationaux', t.propositions.national) + `</div></section>`;
  }).join('\n');

  return fill(stripComments(tpl('restitution.html')), {
    sig0: sig(0), sig1: sig(1), sig2: sig(2),
    engagements: bulletList(g.engagements),
    workshops, keyFigures,
    challenges: bulletList(g.challenges),
    themes,
  });
}

// ---------------------------------------------------------------------------------------------
// rendering

function fixPdfDates(buf) {
  // Same byte length, so the xref offsets stay valid.
  const s = buf.toString('latin1').replace(/\/(CreationDate|ModDate) \(D:\d{14}/g, (m, k) => `/${k} (D:${FIXED_PDF_DATE}`);
  return Buffer.from(s, 'latin1');
}

async function layout(page, html, footer) {
  await page.setContent(html, { waitUntil: 'load', timeout: 0 });
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate((f) => window.fdrPaginate({ footer: f }), footer);
}

async function printPdf(page, file) {
  const buf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, fixPdfDates(buf));
}

// qpdf's AES-256 encryption uses random salts, so its output differs on every run. To keep the
// committed file stable, a new encryption replaces the existing one only when their decrypted
// contents differ. Returns true when the existing file was kept.
function encryptStable(src, dest) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fdr-qpdf-'));
  try {
    const fresh = path.join(tmp, 'fresh.pdf');
    run('qpdf', ['--static-id', '--encrypt', 'secret', 'secret', '256', '--', src, fresh]);
    if (fs.existsSync(dest)) {
      const plain = (f, out) => run('qpdf', ['--deterministic-id', '--password=secret', '--decrypt', f, out], { allowFail: true }).status === 0
        && fs.readFileSync(out);
      const a = plain(fresh, path.join(tmp, 'a.pdf'));
      const b = plain(dest, path.join(tmp, 'b.pdf'));
      if (a && b && a.equals(b)) return true;
    }
    fs.copyFileSync(fresh, dest);
    return false;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const written = [];
function note(file, extra = '') {
  const size = fs.statSync(file).size;
  const pages = file.endsWith('.pdf') && size > 0 ? pdfPages(file) : null;
  written.push({ file: path.relative(ROOT, file), size, pages, extra });
  console.log(`wrote ${path.relative(ROOT, file)}  ${size} bytes${pages ? `, ${pages} pages` : ''}${extra ? '  ' + extra : ''}`);
}

function writeJson(file, obj) {
  fs.writeFileSync(file, JSON.stringify(obj, null, 1) + '\n');
}

// name: the PDF's base name; base: the name of its .expected.json / .layout.json (defaults to name)
async function renderRoadmap(page, gold, layoutName, name, goldFile, base = name) {
  const html = roadmapHtml(gold, layoutName);
  const rep = await layout(page, html, gold.title);
  if (rep.warnings.length) throw new Error(`${name}: ${rep.warnings.join('; ')}`);
  const pdf = path.join(OUT, `${name}.pdf`);
  await printPdf(page, pdf);
  const pages = pdfPages(pdf);
  if (pages !== rep.pages.length) throw new Error(`${name}: printed ${pages} pages but laid out ${rep.pages.length}`);
  const splits = rep.pages.filter((p) => (p.rows || []).some((r) => r.part === 'head' || r.part === 'middle')).map((p) => p.page);
  const suites = rep.pages.filter((p) => p.suite).map((p) => p.page);
  const continued = rep.pages.filter((p) => p.continued).map((p) => p.page);
  if (layoutName === 'departmental' && (!splits.length || !suites.length)) {
    throw new Error(`${name}: the departmental layout must have a split row and a "(suite)" title (splits ${splits}, suites ${suites})`);
  }
  const expected = path.join(OUT, `${base}.expected.json`);
  if (goldFile) fs.writeFileSync(expected, fs.readFileSync(goldFile)); // verbatim bytes, fresh file mode
  else writeJson(expected, gold);
  writeJson(path.join(OUT, `${base}.layout.json`), {
    pdf: `${name}.pdf`, layout: layoutName,
    page: layoutName === 'territorial' ? { size: 'A4 landscape', widthPt: 841.92, heightPt: 594.96 } : { size: 'A4 portrait', widthPt: 594.96, heightPt: 841.92 },
    pageCount: pages, splitRowPages: splits, suitePages: suites, continuedPages: continued,
    note: 'rows[].id is "<axis number>.<chantier index>.<action index>" into the expected JSON; part is whole, head (split row, first part), tail (its continuation) or middle',
    pages: rep.pages,
  });
  note(pdf, layoutName === 'departmental' ? `(split rows on pages ${splits.join(',')}; "(suite)" on ${suites.join(',')})`
    : continued.length ? `(continued chantier pages: ${continued.length})` : '');
  note(expected);
  return rep;
}

function repeatActions(gold, k) {
  const g = JSON.parse(JSON.stringify(gold));
  for (const a of g.axes) for (const c of a.chantiers) c.actions = Array.from({ length: k }, () => c.actions).flat().map((x) => ({ ...x }));
  return g;
}

async function main() {
  const installed = ensureSystemPackages();
  const { chromium } = loadPlaywright();
  const pwVersion = JSON.parse(fs.readFileSync(createRequire(path.join(ROOT, 'package.json')).resolve('playwright-core/package.json'), 'utf8')).version;
  const goldPath = (n) => path.join(GOLD, `${n}.gold.json`);
  for (const n of ['le-havre-2024', 'calvados-2024', 'normandie-restitution-2022']) {
    if (!fs.existsSync(goldPath(n))) throw new Error(`gold file not found: ${goldPath(n)} (use --gold DIR)`);
  }
  const readGold = (n) => JSON.parse(fs.readFileSync(goldPath(n), 'utf8'));
  fs.mkdirSync(HOSTILE, { recursive: true });

  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdr-chromium-'));
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 1000 },
  });
  try {
    const page = await ctx.newPage();
    const t0 = Date.now();

    // 1-2. roadmaps in both layouts
    for (const n of ['le-havre-2024', 'calvados-2024']) {
      for (const l of ['territorial', 'departmental']) await renderRoadmap(page, readGold(n), l, `${n}.${l}`, goldPath(n));
    }

    // 3. long roadmap: the Le Havre actions repeated k times per chantier, smallest k giving >= 200 pages
    const lh = readGold('le-havre-2024');
    const pagesFor = async (k) => (await layout(page, roadmapHtml(repeatActions(lh, k), 'territorial'), lh.title)).pages.length;
    const p1 = await pagesFor(1);
    const fixed = 3 + lh.axes.length + 2;
    let k = Math.max(2, Math.ceil((LONG_MIN_PAGES - fixed) / Math.max(1, p1 - fixed)));
    while (k > 2 && (await pagesFor(k - 1)) >= LONG_MIN_PAGES) k--;
    while ((await pagesFor(k)) < LONG_MIN_PAGES) k++;
    console.log(`long roadmap: each chantier's actions repeated ${k} times`);
    await renderRoadmap(page, repeatActions(lh, k), 'territorial', 'long-roadmap.territorial', null, 'long-roadmap');

    // 4. restitution brochure
    {
      const g = readGold('normandie-restitution-2022');
      await page.setContent(restitutionHtml(g), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const pdf = path.join(OUT, 'normandie-restitution-2022.pdf');
      await printPdf(page, pdf);
      fs.writeFileSync(path.join(OUT, 'normandie-restitution-2022.expected.json'), fs.readFileSync(goldPath('normandie-restitution-2022')));
      note(pdf);
      note(path.join(OUT, 'normandie-restitution-2022.expected.json'));
    }

    // 5. hostile fixtures
    const letter = stripComments(tpl('letter.html'));
    await page.setContent(letter, { waitUntil: 'load' });
    await printPdf(page, path.join(HOSTILE, 'not-a-roadmap.pdf'));
    note(path.join(HOSTILE, 'not-a-roadmap.pdf'));

    fs.writeFileSync(path.join(HOSTILE, 'not-a-pdf.pdf'), letter);
    note(path.join(HOSTILE, 'not-a-pdf.pdf'));

    fs.writeFileSync(path.join(HOSTILE, 'empty.pdf'), Buffer.alloc(0));
    note(path.join(HOSTILE, 'empty.pdf'));

    const real = fs.readFileSync(path.join(OUT, 'le-havre-2024.territorial.pdf'));
    fs.writeFileSync(path.join(HOSTILE, 'truncated.pdf'), real.subarray(0, Math.floor(real.length * 0.4)));
    note(path.join(HOSTILE, 'truncated.pdf'), '(first 40% of le-havre-2024.territorial.pdf)');

    const enc = path.join(HOSTILE, 'encrypted.pdf');
    const kept = encryptStable(path.join(OUT, 'le-havre-2024.territorial.pdf'), enc);
    note(enc, `(le-havre-2024.territorial.pdf, AES-256, user and owner password "secret"${kept ? '; unchanged, kept' : ''})`);

    {
      // two pages rasterised (the cover and the first table page), printed back as images only
      const src = path.join(OUT, 'le-havre-2024.territorial.pdf');
      const lay = JSON.parse(fs.readFileSync(path.join(OUT, 'le-havre-2024.territorial.layout.json'), 'utf8'));
      const tablePage = lay.pages.find((p) => p.kind === 'table').page;
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fdr-png-'));
      const imgs = [];
      for (const n of [1, tablePage]) {
        run('pdftoppm', ['-png', '-r', '80', '-f', String(n), '-l', String(n), '-singlefile', src, path.join(tmp, `p${n}`)]);
        imgs.push(fs.readFileSync(path.join(tmp, `p${n}.png`)).toString('base64'));
      }
      fs.rmSync(tmp, { recursive: true, force: true });
      const html = fill(stripComments(tpl('image-only.html')), {
        size: 'A4 landscape', width: '297mm', height: '210mm',
        pages: imgs.map((b) => `<div class="page"><img alt="" src="data:image/png;base64,${b}"></div>`).join('\n'),
      });
      await page.setContent(html, { waitUntil: 'load' });
      await printPdf(page, path.join(HOSTILE, 'image-only.pdf'));
      note(path.join(HOSTILE, 'image-only.pdf'), `(pages 1 and ${tablePage} of le-havre-2024.territorial.pdf as 80 dpi images)`);
    }

    {
      // deterministic pseudo-random bytes (xorshift32), 64 KiB
      const buf = Buffer.alloc(64 * 1024);
      let x = 0x2545f491;
      for (let i = 0; i < buf.length; i++) {
        x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
        buf[i] = x & 0xff;
      }
      fs.writeFileSync(path.join(HOSTILE, 'random-bytes.bin'), buf);
      note(path.join(HOSTILE, 'random-bytes.bin'));
    }

    const total = written.reduce((s, w) => s + w.size, 0);
    console.log(`\n${written.length} files, ${(total / 1024 / 1024).toFixed(2)} MiB, in ${((Date.now() - t0) / 1000).toFixed(1)} s` +
      ` (playwright-core ${pwVersion}, ${ctx.browser()?.version?.() ?? 'chromium'}` +
      `${installed.length ? `; apt-get installed ${installed.join(' ')}` : ''})`);
  } finally {
    await ctx.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`render-fixtures: ${e.stack || e.message}`);
  process.exit(1);
});
