#!/usr/bin/env node
// Chromium producer of the multi-producer fixture corpus: renders a gold roadmap under a seeded template
// variant (scripts/producers/variants.mjs) with an HTML template printed to PDF by Debian's chromium,
// driven by playwright-core. Chrome's own pagination lays the tables out (repeated <thead>, rows that may
// or may not break, page-margin boxes for the footer and the side tab), so each variant is one
// setContent + one fitting pass + one page.pdf().
//
//   node scripts/producers/chromium.mjs --fixed [--out-dir DIR]
//        the committed fixtures fixtures/producers/chromium/<roadmap>.variant.pdf (+ .params.json)
//   node scripts/producers/chromium.mjs --gold FILE --seed N --out FILE.pdf
//   node scripts/producers/chromium.mjs --gold FILE --params PARAMS.json --out FILE.pdf
//   node scripts/producers/chromium.mjs --seeds 1..10 --out-dir DIR [--gold-dir DIR]
//        many variants in one browser session; the gold of each is params.roadmap
//
// API: ensureInstalled(), render(gold, params, outPdf) -> {unsupported, pages, fixes, ms},
//      renderMany(jobs) (one browser for all jobs), variantHtml(gold, params), fixedParams(roadmap).
//
// Needs: playwright-core (devDependency), Debian chromium, poppler-utils, fonts-liberation,
// fonts-dejavu-core, fonts-dejavu-extra (DejaVu Sans Condensed) and French hyphenation patterns
// (texlive-lang-french's hyph-fr.pat.txt, or hyphen-fr's hyph_fr.dic): installed with apt-get when missing.
// The output is deterministic: /CreationDate and /ModDate are rewritten to 2024-01-01 00:00:00.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { variantParams, extraCellText, chantierHeading, headerText, prng } from './variants.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const TPL = path.join(HERE, 'chromium');
const EDITORIAL = path.join(ROOT, 'scripts', 'fixture-templates', 'roadmap-editorial.html');
const GOLD_DIR = path.join(ROOT, 'fixtures', 'gold');
const FIXED_DIR = path.join(ROOT, 'fixtures', 'producers', 'chromium');

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const FIXED_PDF_DATE = '20240101000000';
const HYPH_FILES = [
  process.env.FDR_HYPH_PATTERNS, // optional override (a .pat.txt or a hyphen .dic)
  '/usr/share/texlive/texmf-dist/tex/generic/hyph-utf8/patterns/txt/hyph-fr.pat.txt', // texlive-lang-french
  '/usr/share/hyphen/hyph_fr.dic', // hyphen-fr
].filter(Boolean);
const MIN_FONT_PT = 6;

// ---------------------------------------------------------------------------------------------
// installation

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0 && !opts.allowFail) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r;
}
const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
function hasFont(family) {
  const r = spawnSync('fc-list', [`:family=${family}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
}

/** Installs (apt-get, as root) the Debian packages the producer needs; returns the ones installed. */
export async function ensureInstalled() {
  const missing = [];
  if (!fs.existsSync(CHROMIUM)) missing.push('chromium');
  if (!have('pdfinfo') || !have('pdftoppm') || !have('pdftotext')) missing.push('poppler-utils');
  if (!have('fc-list')) missing.push('fontconfig', 'fonts-liberation', 'fonts-dejavu-core', 'fonts-dejavu-extra');
  else {
    if (!['Liberation Sans', 'Liberation Serif', 'Liberation Mono'].every(hasFont)) missing.push('fonts-liberation');
    if (!hasFont('DejaVu Sans')) missing.push('fonts-dejavu-core');
    if (!hasFont('DejaVu Sans Condensed')) missing.push('fonts-dejavu-extra');
  }
  if (!HYPH_FILES.some((f) => fs.existsSync(f))) missing.push('hyphen-fr');
  let installed = [];
  if (missing.length) {
    const pkgs = [...new Set(missing)];
    if (typeof process.getuid === 'function' && process.getuid() !== 0) {
      throw new Error(`missing Debian packages: ${pkgs.join(' ')} (run: apt-get update && apt-get install -y ${pkgs.join(' ')})`);
    }
    console.log(`installing with apt-get: ${pkgs.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update'], { stdio: 'inherit', env });
    run('apt-get', ['install', '-y', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
    installed = pkgs;
  }
  loadPlaywright(); // throws with the npm command when playwright-core is missing
  return installed;
}

function loadPlaywright() {
  const require = createRequire(path.join(ROOT, 'package.json'));
  try {
    return require('playwright-core');
  } catch {
    throw new Error('playwright-core is not installed: run `npm install` (devDependency) or `npm install --no-save playwright-core@1.56.1`');
  }
}

// ---------------------------------------------------------------------------------------------
// French hyphenation (Liang's algorithm over the TeX / hyphen patterns): Debian's chromium has no
// hyphenation dictionary (Chrome downloads them as a component), so `hyphens: auto` alone does nothing.
// Soft hyphens are inserted at every allowed point; fit.js removes the ones that do not end a line.

const LEFT_MIN = 2;
const RIGHT_MIN = 3;
let PATTERNS = null;
function patterns() {
  if (PATTERNS) return PATTERNS;
  const file = HYPH_FILES.find((f) => fs.existsSync(f));
  if (!file) throw new Error('no French hyphenation patterns (install texlive-lang-french or hyphen-fr)');
  let lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  if (file.endsWith('.dic')) {
    lines = lines.slice(1); // charset
    const next = lines.indexOf('NEXTLEVEL');
    if (next >= 0) lines = lines.slice(next + 1);
  }
  const map = new Map();
  let maxLen = 0;
  for (const raw of lines) {
    const p = raw.trim();
    if (!p || p.startsWith('%') || /^[A-Z]{3,}/.test(p) || p.includes('/')) continue;
    const letters = p.replace(/\d/g, '');
    const digits = new Array(letters.length + 1).fill(0);
    let i = 0;
    for (const ch of p) {
      if (ch >= '0' && ch <= '9') digits[i] = Number(ch);
      else i++;
    }
    map.set(letters, digits);
    maxLen = Math.max(maxLen, letters.length);
  }
  PATTERNS = { map, maxLen, file };
  return PATTERNS;
}
/** Soft-hyphenates one word of letters (and apostrophes); words with two capitals are left alone unless `caps`. */
const HYPH_MEMO = new Map();
function hyphenateWord(w, caps = false) {
  const key = (caps ? '1' : '0') + w;
  let r = HYPH_MEMO.get(key);
  if (r === undefined) HYPH_MEMO.set(key, (r = hyphenateWordRaw(w, caps)));
  return r;
}
function hyphenateWordRaw(w, caps) {
  const letters = [...w].filter((c) => /\p{L}/u.test(c)).length;
  if (letters < LEFT_MIN + RIGHT_MIN) return w;
  if (!caps && /\p{Lu}.*\p{Lu}/u.test(w)) return w; // acronyms and words in capitals
  const { map, maxLen } = patterns();
  const word = `.${w.toLowerCase()}.`;
  const pts = new Array(word.length + 1).fill(0);
  for (let i = 0; i < word.length; i++) {
    for (let j = i + 1; j <= Math.min(word.length, i + maxLen); j++) {
      const d = map.get(word.slice(i, j));
      if (d) for (let k = 0; k < d.length; k++) if (d[k] > pts[i + k]) pts[i + k] = d[k];
    }
  }
  let out = '';
  for (let k = 0; k < w.length; k++) {
    // a break before w[k] is pts[k + 1] (word has a leading dot)
    if (k >= LEFT_MIN && k <= w.length - RIGHT_MIN && pts[k + 1] % 2 === 1 && /\p{L}/u.test(w[k - 1]) && /\p{L}/u.test(w[k])) out += '\u00ad';
    out += w[k];
  }
  return out;
}
const hyphenateToken = (t, caps = false) => t.replace(/[\p{L}’']+/gu, (m) => hyphenateWord(m, caps));

// ---------------------------------------------------------------------------------------------
// text helpers (same wrapping rules as scripts/render-fixtures.mjs: a token holding a hyphen, slash or
// dash never wraps, so joining wrapped lines with one space gives the gold back; a typed list marker
// stays with the word after it)

const BREAKY = /[-/\u2010-\u2015]/;
const MARKER = /^(- |• |⇒ |\* )/;
const MARKER_CLASS = { '- ': 'mk-dash', '• ': 'mk-bullet', '⇒ ': 'mk-arrow', '* ': 'mk-star' };
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * One line of gold text as HTML. mode: "plain"; "hyph" (soft hyphens, the variant's hyphenation);
 * "fallback" (soft hyphens in capitals too: fit.js, a word wider than its column); "unglue" (fallback,
 * and tokens holding a hyphen, slash or dash may wrap after it: fit.js, last resort before cutting words).
 */
function inline(line, mode = 'plain') {
  const toks = line.split(' ');
  const out = [];
  const hy = (t) => (mode === 'plain' ? t : hyphenateToken(t, mode !== 'hyph'));
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (mode !== 'unglue' && i === 0 && toks.length > 1 && MARKER.test(t + ' ')) {
      out.push(`<span class="nw">${esc(t)} ${esc(toks[1])}</span>`);
      i++;
      continue;
    }
    if (t.length > 1 && BREAKY.test(t)) {
      if (mode === 'unglue') out.push(t.split(/([-/\u2010-\u2015])/).map((x, k) => (k % 2 ? `${esc(x)}<wbr>` : esc(hy(x)))).join(''));
      else out.push(`<span class="nw">${esc(t)}</span>`);
    } else out.push(esc(hy(t)));
  }
  return out.join(' ');
}

/**
 * One block of a cell (one gold line). data-hy / data-ug carry the "fallback" / "unglue" forms for fit.js
 * (used only in a cell whose text does not fit its column).
 */
function block(tag, cls, line, P, hyph = P.hyphenate) {
  const html = inline(line, hyph ? 'hyph' : 'plain');
  const h = inline(line, 'fallback');
  const u = inline(line, 'unglue');
  return `<${tag} class="l${cls ? ' ' + cls : ''}"${h !== html ? ` data-hy="${esc(h)}"` : ''}${u !== h ? ` data-ug="${esc(u)}"` : ''}>${html}</${tag}>`;
}

function cellHtml(text, P) {
  if (!text) return '';
  const out = [];
  let list = null;
  for (const l of text.split('\n')) {
    const m = MARKER.exec(l);
    if (m && P.lists === 'engine') {
      if (!list) { list = []; out.push(list); }
      list.push(block('li', MARKER_CLASS[m[1]], l.slice(m[1].length), P));
    } else {
      list = null;
      out.push(block('p', m ? 'm' : '', l, P));
    }
  }
  return out.map((x) => (Array.isArray(x) ? `<ul>${x.join('')}</ul>` : x)).join('');
}

const tpl = (name) => fs.readFileSync(path.join(TPL, name), 'utf8');
function fill(text, vars) {
  return text.replace(/\{\{(\w+)\}\}/g, (m, k) => {
    if (!(k in vars)) throw new Error(`template placeholder ${m} has no value`);
    return vars[k];
  });
}
const stripComments = (html) => html.replace(/<!--[\s\S]*?-->\s*/g, '');
const cssString = (s) => `"${String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ')}"`;

const territoryPhrase = (g) => g.title.replace(/^Feuille de route (territoriale|départementale)\s+/, '');

// ---------------------------------------------------------------------------------------------
// the variant's HTML

const FONT_STACKS = {
  sans: '"Liberation Sans", "DejaVu Sans", sans-serif',
  serif: '"Liberation Serif", "DejaVu Serif", "DejaVu Sans", serif',
  condensed: '"DejaVu Sans Condensed", "DejaVu Sans", sans-serif',
  'mono-ish': '"Liberation Mono", "DejaVu Sans Mono", "DejaVu Sans", monospace',
};
const PALETTES = [
  { accent: '#0b4f8a', accent2: '#0b3a66', soft: '#cfe3f5', head: '#dbe6f1', zebra: '#eef3f8', tab: '#e8a33d' },
  { accent: '#2c6e49', accent2: '#1f5235', soft: '#d4ead9', head: '#e4e4e4', zebra: '#f0f5f1', tab: '#2c6e49' },
  { accent: '#7a1f3d', accent2: '#5c1730', soft: '#f0d9e1', head: '#ead7de', zebra: '#f7eef1', tab: '#7a1f3d' },
  { accent: '#35505f', accent2: '#22343e', soft: '#dbe5ea', head: '#d9dee2', zebra: '#f1f3f5', tab: '#c0504d' },
];
const MARGIN = { top: 14, bottom: 16, left: 15, right: 15 }; // mm
const TAB_MARGIN = { none: 15, rotated: 24, horizontal: 33 }; // right margin of table pages, mm

/** Choices the params do not cover (palette, footer alignment), drawn from the seed. */
function cosmetics(P) {
  if (P.cosmetics) return P.cosmetics;
  const r = prng((P.seed * 40503 + 17) >>> 0);
  return { palette: r.int(0, PALETTES.length - 1), footer: r.pick(['left', 'center', 'right']) };
}

/** Slots where the empty rows go: "<axis index>.<chantier index>.<before action k>". */
function emptySlots(gold, P) {
  const slots = [];
  gold.axes.forEach((a, ai) => a.chantiers.forEach((c, ci) => {
    for (let k = 0; k <= c.actions.length; k++) slots.push(`${ai}.${ci}.${k}`);
  }));
  const r = prng((P.seed * 7919 + 3) >>> 0);
  return new Set(r.shuffle(slots).slice(0, Math.min(P.emptyRows || 0, slots.length)));
}

function tableColumns(P) {
  if (P.chantierBand !== 'beside') return P.columns;
  return [{ key: 'chantier', header: '', width: 0.14, band: true }, ...P.columns.map((c) => ({ ...c, width: c.width * 0.86 }))];
}

function tableOpen(cols, P) {
  const colgroup = `<colgroup>${cols.map((c) => `<col style="width:${(c.width * 100).toFixed(3)}%">`).join('')}</colgroup>`;
  // header words are not hyphenated (only as a last resort, by fit.js, when a word is wider than its column)
  const head = cols.map((c) => `<th data-col="${c.key}">${c.band ? '' : block('div', '', headerText(P, c), P, false)}</th>`).join('');
  return `<table class="t">${colgroup}<thead><tr>${head}</tr></thead><tbody>`;
}

function axisTables(gold, axis, ai, P, empties) {
  const cols = tableColumns(P);
  const dataCols = P.columns;
  const parts = [];
  let z = 0;
  const rowsOf = (ch, ci) => {
    const rows = [];
    ch.actions.forEach((a, k) => {
      if (empties.has(`${ai}.${ci}.${k}`)) rows.push({ empty: true });
      rows.push({ a, k });
    });
    if (empties.has(`${ai}.${ci}.${ch.actions.length}`)) rows.push({ empty: true });
    return rows;
  };
  const rowHtml = (row, ci, lead) => {
    const cls = `r z${z++ % 2}${row.empty ? ' empty' : ''}`;
    const id = row.empty ? '' : ` data-id="${axis.number}.${ci}.${row.k}"`;
    const cells = dataCols.map((c) => {
      if (row.empty) return `<td data-col="${c.key}"></td>`;
      const text = c.key in row.a ? row.a[c.key] : extraCellText(c.key, P.seed, axis.number, ci, row.k);
      return `<td data-col="${c.key}">${cellHtml(text, P)}</td>`;
    }).join('');
    return `<tr class="${cls}"${id}>${lead}${cells}</tr>`;
  };

  if (P.chantierBand === 'above') {
    axis.chantiers.forEach((ch, ci) => {
      const h = chantierHeading(P, ch.title, ci);
      parts.push(h ? `<div class="chantier-h">${inline(h)}</div>` : '<div class="chantier-gap"></div>');
      z = 0;
      parts.push(tableOpen(cols, P) + rowsOf(ch, ci).map((r) => rowHtml(r, ci, '')).join('\n') + '</tbody></table>');
    });
    return parts.join('\n');
  }
  const body = [];
  axis.chantiers.forEach((ch, ci) => {
    const h = chantierHeading(P, ch.title, ci);
    const rows = rowsOf(ch, ci);
    if (P.chantierBand === 'inside') {
      if (h) body.push(`<tr class="band"><td colspan="${cols.length}" data-col="chantier"><div class="l">${inline(h)}</div></td></tr>`);
      rows.forEach((r) => body.push(rowHtml(r, ci, '')));
    } else {
      rows.forEach((r, i) => body.push(rowHtml(r, ci, i === 0
        ? `<td class="bandcell" rowspan="${rows.length}" data-col="chantier">${h ? block('div', '', h, P, false) : ''}</td>` : '')));
    }
  });
  return tableOpen(cols, P) + body.join('\n') + '</tbody></table>';
}

/** The complete HTML document of one variant. */
export function variantHtml(gold, params) {
  const P = params;
  const cos = cosmetics(P);
  const pal = PALETTES[cos.palette % PALETTES.length];
  const land = P.orientation === 'landscape';
  const W = land ? 297 : 210;
  const H = land ? 210 : 297;
  const tabRight = TAB_MARGIN[P.sideTab] ?? 15;
  const du = territoryPhrase(gold);
  const kindWord = /départementale/.test(gold.title) ? 'départementale' : 'territoriale';
  const empties = emptySlots(gold, P);
  const parts = [];

  // cover
  parts.push(`<section class="bare cover" data-kind="cover"><div class="panel"><div class="brand">SANTÉ NORMANDIE</div>` +
    `<h1>${inline(gold.title)}</h1><div class="period">${esc(gold.period)}</div>` +
    `<div class="cts">Conseil territorial de santé ${esc(du)}</div>` +
    `<div class="terr">${gold.territoryType === 'departement' ? 'Département' : 'Territoire de santé'} : ${inline(gold.territory)}</div></div>` +
    `<div class="prs">Projet régional de santé Normandie 2023-2028</div></section>`);

  // editorial + signatories
  let editorial = stripComments(fs.readFileSync(EDITORIAL, 'utf8'))
    .replace(/\{\{du\}\}/g, esc(du)).replace(/\{\{kind\}\}/g, kindWord).replace(/\{\{period\}\}/g, esc(gold.period));
  if (P.hyphenate) editorial = editorial.replace(/>([^<]+)</g, (m, t) => `>${t.split(' ').map((w) => (BREAKY.test(w) ? w : hyphenateToken(w))).join(' ')}<`);
  const sigs = gold.signatories.map((s) => `<div class="signatory"><div class="name">${inline(s.name)}</div><div class="role">${inline(s.role)}</div></div>`).join('');
  parts.push(`<section class="prose editorial" data-kind="editorial"><h2>ÉDITORIAL</h2><div class="cols">${editorial}</div>` +
    `<div class="signatories">${sigs}</div></section>`);

  // the 12 PRS axes
  const axesLines = gold.prsAxes.map((t, i) => `<div class="axis-line"><span class="n">${i + 1}.</span><span class="t">${inline(t)}${i < gold.prsAxes.length - 1 ? ' ;' : '.'}</span></div>`).join('');
  parts.push(`<section class="prose axes-list" data-kind="axes"><h2>RAPPEL DES 12 AXES PRIORITAIRES :</h2>${axesLines}</section>`);

  // axes: divider (or heading) then the tables
  gold.axes.forEach((axis, ai) => {
    if (P.axisDividers) {
      parts.push(`<section class="bare divider" data-kind="divider" data-axis="${axis.number}"><div class="block"></div>` +
        `<div class="ap">Action prioritaire</div><div class="num">#${axis.number}</div>` +
        `<div class="axis-title">${inline(axis.title)}</div><div class="prs">Projet régional de santé Normandie 2023-2028</div></section>`);
    }
    const heading = P.axisDividers ? '' : `<h2 class="axis-h">${inline(`Action prioritaire #${axis.number} : ${axis.title}`)}</h2>`;
    parts.push(`<section class="axis" style="page: ax${axis.number}" data-axis="${axis.number}">${heading}\n${axisTables(gold, axis, ai, P, empties)}\n</section>`);
  });

  // transversal priorities
  const blocks = ['<h2>LES PRIORITÉS RÉGIONALES TRANSVERSALES</h2>'];
  for (const t of gold.transversalPriorities) {
    blocks.push(`<h4>${inline(t.title)}</h4>`);
    for (const p of t.text.split('\n')) blocks.push(`<p>${inline(p, P.hyphenate ? 'hyph' : 'plain')}</p>`);
  }
  parts.push(`<section class="prose transversal" data-kind="transversal">${blocks.join('\n')}</section>`);

  // page rules: size, margins, footer, the side tab of each axis's pages
  const footerBox = { left: '@bottom-left', center: '@bottom-center', right: '@bottom-right' }[cos.footer];
  const footerCss = `${footerBox} { content: counter(page) ${cssString(' | ' + gold.title)}; font-family: ${FONT_STACKS.sans}; font-size: 8pt; color: #444; vertical-align: middle; }`;
  const pageCss = [
    `@page { size: A4 ${land ? 'landscape' : 'portrait'}; margin: ${MARGIN.top}mm ${MARGIN.right}mm ${MARGIN.bottom}mm ${MARGIN.left}mm; ${footerCss} }`,
    `@page bare { margin: 0; ${footerBox} { content: none; } }`,
  ];
  for (const axis of gold.axes) {
    let tab = '';
    if (P.sideTab === 'rotated') {
      tab = `@right-top { content: ${cssString(`Action prioritaire #${axis.number}`)}; writing-mode: vertical-rl; ` +
        `width: 10mm; height: 64mm; margin: 24mm 0 0 ${tabRight - 10}mm; background: ${pal.tab}; color: #fff; ` +
        `font-family: ${FONT_STACKS.sans}; font-weight: bold; font-size: 11pt; text-align: center; vertical-align: middle; }`;
    } else if (P.sideTab === 'horizontal') {
      tab = `@right-top { content: ${cssString(`Action\nprioritaire\n#${axis.number}`)}; white-space: pre; ` +
        `width: 24mm; height: 30mm; margin: 24mm 0 0 ${tabRight - 24}mm; background: ${pal.tab}; color: #fff; ` +
        `font-family: ${FONT_STACKS.sans}; font-weight: bold; font-size: 10pt; line-height: 1.3; text-align: center; vertical-align: middle; }`;
    }
    pageCss.push(`@page ax${axis.number} { margin-right: ${tabRight}mm; ${tab} }`);
  }
  pageCss.push(`:root { --font: ${FONT_STACKS[P.font] ?? FONT_STACKS.sans}; --fs: ${P.fontSize}pt; --lh: ${P.lineSpacing}; ` +
    `--psp: ${P.paragraphSpacing}pt; --pad: ${P.cellPadding}pt; --page-w: ${W}mm; --page-h: ${H}mm; --ed-cols: ${land ? 2 : 1}; ` +
    `--accent: ${pal.accent}; --accent-2: ${pal.accent2}; --accent-soft: ${pal.soft}; --head-bg: ${pal.head}; --zebra-bg: ${pal.zebra}; }`);
  // sections have the printed content width, so that the fitting pass measures the printed lines
  pageCss.push(`body > section.prose { width: ${W - MARGIN.left - MARGIN.right}mm; }`);
  pageCss.push(`body > section.axis { width: ${W - MARGIN.left - tabRight}mm; }`);

  const bodyClass = [
    `rules-${P.rules}`, P.headerShading && 'hshade', P.zebra && 'zebra', P.justify && 'justify', P.hyphenate && 'hyph',
    !P.repeatHeader && 'norepeat', !P.rowsBreakAcrossPages && 'nobreak', `band-${P.chantierBand}`, `lists-${P.lists}`,
  ].filter(Boolean).join(' ');

  return fill(stripComments(tpl('roadmap.html')), {
    title: esc(gold.title),
    pageCss: pageCss.join('\n'),
    baseCss: tpl('base.css'),
    bodyClass,
    body: parts.join('\n'),
    fit: tpl('fit.js'),
  });
}

// ---------------------------------------------------------------------------------------------
// rendering

function fixPdfDates(buf) {
  // same byte length, so the xref offsets stay valid
  const s = buf.toString('latin1').replace(/\/(CreationDate|ModDate) \(D:\d{14}/g, (m, k) => `/${k} (D:${FIXED_PDF_DATE}`);
  return Buffer.from(s, 'latin1');
}
function pageCount(buf) {
  const m = buf.toString('latin1').match(/\/Type\s*\/Page[^s]/g);
  return m ? m.length : null;
}

/** Fields of VariantParams this producer cannot honour (none: chromium does them all). */
function unsupportedOf(P) {
  const u = [];
  if (!['portrait', 'landscape'].includes(P.orientation)) u.push('orientation');
  if (!['above', 'inside', 'beside'].includes(P.chantierBand)) u.push('chantierBand');
  if (!['rotated', 'horizontal', 'none'].includes(P.sideTab)) u.push('sideTab');
  if (!(P.font in FONT_STACKS)) u.push('font');
  if (!['grid', 'horizontal', 'header-only', 'none'].includes(P.rules)) u.push('rules');
  if (!['typed', 'engine'].includes(P.lists)) u.push('lists');
  return u;
}

async function renderOn(page, gold, params, outPdf) {
  const t0 = Date.now();
  const P = { ...params };
  const unsupported = unsupportedOf(P);
  await page.setContent(variantHtml(gold, P), { waitUntil: 'load', timeout: 0 });
  await page.evaluate(() => document.fonts.ready);
  const land = P.orientation === 'landscape';
  const contentPx = ((land ? 210 : 297) - MARGIN.top - MARGIN.bottom) * 96 / 25.4;
  const fit = await page.evaluate((o) => window.fdrFit(o), { minFont: Math.min(MIN_FONT_PT, P.fontSize), contentPx });
  const buf = fixPdfDates(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  fs.mkdirSync(path.dirname(path.resolve(outPdf)), { recursive: true });
  fs.writeFileSync(outPdf, buf);
  params.unsupported = unsupported;
  return { unsupported, pages: pageCount(buf), fixes: fit.fixes, tallRows: fit.tallRows, softHyphens: fit.used, heightChanged: fit.heightChanged, ms: Date.now() - t0 };
}

/**
 * Renders many variants in one browser session. jobs: [{gold, params, outPdf}] (gold: object or path).
 * Returns one result per job, in order ({unsupported, pages, fixes, softHyphens, ms, outPdf}).
 */
export async function renderMany(jobs, { onResult } = {}) {
  const { chromium } = loadPlaywright();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const results = [];
  try {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await ctx.newPage();
    for (const job of jobs) {
      const gold = typeof job.gold === 'string' ? JSON.parse(fs.readFileSync(job.gold, 'utf8')) : job.gold;
      const res = { outPdf: job.outPdf, ...(await renderOn(page, gold, job.params, job.outPdf)) };
      results.push(res);
      if (onResult) onResult(res, job);
    }
  } finally {
    await browser.close();
  }
  return results;
}

/** Renders one variant: gold (object) under params (VariantParams) to outPdf. */
export async function render(gold, params, outPdf) {
  const [res] = await renderMany([{ gold, params, outPdf }]);
  return res;
}

/**
 * The layout of the committed fixtures (fixtures/producers/chromium/<roadmap>.variant.pdf): different from
 * both fixture templates: portrait, a "Pilote(s)" column between Actions and Financement, other header
 * wordings, horizontal rules only, zebra rows, CSS list bullets, hyphenation + justification, a serif
 * 9 pt font, rows that may break across pages, and the chantier as a merged first row inside the table.
 */
export function fixedParams(roadmap) {
  return {
    seed: 0,
    roadmap,
    orientation: 'portrait',
    columns: [
      { key: 'action', header: 'Action(s)', width: 0.32 },
      { key: 'pilote', header: 'Pilote(s)', width: 0.1 },
      { key: 'financement', header: 'Financements', width: 0.16 },
      { key: 'indicateur', header: 'Indicateurs de suivi', width: 0.2 },
      { key: 'commentaire', header: 'Commentaires / Observations', width: 0.22 },
    ],
    headerCase: 'as-is',
    chantierBand: 'inside',
    chantierPrefix: 'Chantier : ',
    sideTab: 'horizontal',
    axisDividers: true,
    font: 'serif',
    fontSize: 9,
    lineSpacing: 1.2,
    paragraphSpacing: 2,
    justify: true,
    hyphenate: true,
    zebra: true,
    rules: 'horizontal',
    headerShading: true,
    repeatHeader: true,
    rowsBreakAcrossPages: true,
    lists: 'engine',
    emptyRows: 0,
    cellPadding: 3,
    cosmetics: { palette: 2, footer: 'right' },
    unsupported: [],
  };
}

// ---------------------------------------------------------------------------------------------
// CLI

const VERBOSE = process.argv.includes('--verbose');
function summary(res, label) {
  const fx = res.fixes.length ? `; ${res.fixes.length} cell(s) fitted (${[...new Set(res.fixes.map((f) => `${f.column}:${f.stage}`))].join(', ')})` : '';
  const warn = res.fixes.some((f) => f.stage === 'anywhere' || f.stage === 'overflow') ? '  WARNING: a word was cut or overflows' : '';
  console.log(`${label}: ${path.relative(process.cwd(), res.outPdf)}  ${res.pages} pages, ${res.ms} ms` +
    `${res.unsupported.length ? `; unsupported: ${res.unsupported.join(',')}` : ''}${fx}` +
    `${res.tallRows ? `; ${res.tallRows} row(s) taller than a page may break` : ''}${res.heightChanged ? '; WARNING: soft-hyphen pruning moved lines' : ''}${warn}`);
  const seen = new Set();
  for (const f of res.fixes) {
    const line = `   ${f.where === 'header' ? 'header' : 'cell'} ${f.column}: ${f.stage} at ${f.fontPt} pt  «${f.text}»`;
    if ((VERBOSE || f.stage === 'anywhere' || f.stage === 'overflow') && !seen.has(line)) console.log(line + (f.where !== 'header' ? ` (${f.where})` : ''));
    seen.add(line);
  }
}

async function main(argv) {
  const opt = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const installed = await ensureInstalled();
  if (installed.length) console.log(`apt-get installed ${installed.join(' ')}`);
  const t0 = Date.now();
  if (argv.includes('--fixed')) {
    const dir = path.resolve(opt('--out-dir') ?? FIXED_DIR);
    const jobs = ['le-havre-2024', 'calvados-2024'].map((n) => ({
      gold: path.join(opt('--gold-dir') ?? GOLD_DIR, `${n}.gold.json`),
      params: fixedParams(n),
      outPdf: path.join(dir, `${n}.variant.pdf`),
    }));
    await renderMany(jobs, {
      onResult: (res, job) => {
        const { cosmetics: _c, ...p } = job.params;
        fs.writeFileSync(job.outPdf.replace(/\.pdf$/, '.params.json'), JSON.stringify({ producer: 'chromium', ...p, cosmetics: _c }, null, 1) + '\n');
        summary(res, 'fixed');
      },
    });
  } else if (opt('--seeds')) {
    const m = /^(\d+)(?:\.\.(\d+))?$/.exec(opt('--seeds'));
    if (!m) throw new Error('--seeds A..B');
    const dir = path.resolve(opt('--out-dir') ?? '.');
    const jobs = [];
    for (let s = Number(m[1]); s <= Number(m[2] ?? m[1]); s++) {
      const params = variantParams(s);
      jobs.push({ gold: path.join(opt('--gold-dir') ?? GOLD_DIR, `${params.roadmap}.gold.json`), params, outPdf: path.join(dir, `seed-${s}.${params.roadmap}.pdf`) });
    }
    await renderMany(jobs, {
      onResult: (res, job) => {
        fs.writeFileSync(job.outPdf.replace(/\.pdf$/, '.params.json'), JSON.stringify({ producer: 'chromium', ...job.params }, null, 1) + '\n');
        summary(res, `seed ${job.params.seed}`);
      },
    });
  } else if (opt('--gold') && opt('--out') && (opt('--seed') !== undefined || opt('--params'))) {
    const goldFile = path.resolve(opt('--gold'));
    const gold = JSON.parse(fs.readFileSync(goldFile, 'utf8'));
    const params = opt('--params') ? JSON.parse(fs.readFileSync(opt('--params'), 'utf8')) : variantParams(Number(opt('--seed')));
    const name = path.basename(goldFile).replace(/\.gold\.json$|\.json$/, '');
    if (params.roadmap !== name) params.roadmap = name; // the gold given wins over the seed's choice
    const res = await render(gold, params, path.resolve(opt('--out')));
    summary(res, `seed ${params.seed}`);
  } else {
    console.error('usage: chromium.mjs --fixed [--out-dir DIR] [--gold-dir DIR]\n' +
      '       chromium.mjs --gold FILE (--seed N | --params FILE.json) --out FILE.pdf\n' +
      '       chromium.mjs --seeds A..B [--out-dir DIR] [--gold-dir DIR]');
    process.exit(2);
  }
  console.log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(`chromium producer: ${e.stack || e.message}`);
    process.exit(1);
  });
}
