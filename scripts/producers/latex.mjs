#!/usr/bin/env node
// LaTeX producer of roadmap fixture PDFs (issue 12, "variety beyond the producer").
//
// Renders a gold roadmap (fixtures/gold/*.gold.json) with pdflatex: longtable tables, Type 1 fonts
// (Latin Modern, TeX Gyre, the URW clones of Times / Helvetica / Courier, Bitstream Charter), T1 font
// encoding with real ligatures (fi, fl, ff…), French hyphenation from babel, fancyhdr footers,
// pdflscape landscape pages. See fixtures/producers/latex/README.md.
//
//   node scripts/producers/latex.mjs --fixed
//        renders the committed fixtures fixtures/producers/latex/<roadmap>.pdf (+ .tex)
//   node scripts/producers/latex.mjs --gold FILE --seed N --out FILE.pdf [--tex FILE.tex]
//        renders one variant (scripts/producers/variants.mjs, variantParams(N))
//
// API: ensureInstalled(), render(gold, params, outPdf, {texOut}) -> {unsupported, notes, font, pages, ms}
//
// Needs pdflatex and a few TeX packages: installed with apt-get when missing (as root).
// Output is deterministic: SOURCE_DATE_EPOCH=1704067200 with FORCE_SOURCE_DATE=1, and \pdftrailerid{}.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { variantParams, extraCellText, chantierHeading, headerText, prng } from './variants.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const EDITORIAL_TPL = path.join(ROOT, 'scripts', 'fixture-templates', 'roadmap-editorial.html');
const FIXED_DIR = path.join(ROOT, 'fixtures', 'producers', 'latex');
const SOURCE_DATE_EPOCH = '1704067200'; // 2024-01-01 00:00:00 UTC
const R = String.raw;

// ---------------------------------------------------------------------------------------------
// system packages

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0 && !opts.allowFail) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r;
}
const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
/** The files of TEX_FILES that kpsewhich cannot find (one kpsewhich call for all of them). */
function missingTexFiles() {
  const files = Object.keys(TEX_FILES);
  if (!have('kpsewhich')) return files;
  const r = spawnSync('kpsewhich', files, { encoding: 'utf8' });
  const found = new Set((r.stdout ?? '').split('\n').filter(Boolean).map((l) => path.basename(l.trim())));
  return files.filter((f) => !found.has(f));
}

/** TeX files this producer uses, and the Debian package that ships each (Debian 12, TeX Live 2022). */
const TEX_FILES = {
  'longtable.sty': 'texlive-latex-base', 'array.sty': 'texlive-latex-base', 'colortbl.sty': 'texlive-latex-base',
  'fancyhdr.sty': 'texlive-latex-base', 'multicol.sty': 'texlive-latex-base', 'geometry.sty': 'texlive-latex-base',
  'graphicx.sty': 'texlive-latex-base', 'mathptmx.sty': 'texlive-latex-base', 'helvet.sty': 'texlive-latex-base',
  'charter.sty': 'texlive-latex-base', 'courier.sty': 'texlive-latex-base', 'babel.sty': 'texlive-latex-base',
  'booktabs.sty': 'texlive-latex-recommended', 'pdflscape.sty': 'texlive-latex-recommended',
  'ragged2e.sty': 'texlive-latex-recommended', 'eso-pic.sty': 'texlive-latex-recommended',
  'xcolor.sty': 'texlive-latex-recommended', 'microtype.sty': 'texlive-latex-recommended',
  'enumitem.sty': 'texlive-latex-extra', 'needspace.sty': 'texlive-latex-extra',
  'eurosym.sty': 'texlive-fonts-recommended', 'ptmr8t.tfm': 'texlive-fonts-recommended',
  'french.ldf': 'texlive-lang-french', 'hyph-fr.tex': 'texlive-lang-french',
  'glyphtounicode.tex': 'texlive-base',
  'lmodern.sty': 'lmodern', 'texnansi-lmr10.tfm': 'lmodern',
  'tgtermes.sty': 'tex-gyre', 'tgheros.sty': 'tex-gyre', 'tgcursor.sty': 'tex-gyre',
};

/** Installs pdflatex, the TeX packages and poppler-utils when missing. Returns the packages installed. */
export async function ensureInstalled() {
  const missing = new Set();
  if (!have('pdflatex') || !have('kpsewhich')) missing.add('texlive-latex-base').add('texlive-binaries');
  if (!have('pdftotext') || !have('pdfinfo')) missing.add('poppler-utils');
  for (const file of missingTexFiles()) missing.add(TEX_FILES[file]);
  if (!missing.size) return [];
  const pkgs = [...missing];
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`missing Debian packages: ${pkgs.join(' ')} (run as root: apt-get update && apt-get install -y --no-install-recommends ${pkgs.join(' ')})`);
  }
  console.error(`installing with apt-get: ${pkgs.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { stdio: 'inherit', env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
  const still = missingTexFiles();
  if (!have('pdflatex') || still.length) throw new Error(`still missing after apt-get: ${have('pdflatex') ? still.join(' ') : 'pdflatex'}`);
  return pkgs;
}

// ---------------------------------------------------------------------------------------------
// fonts
//
// Every font is Type 1 in T1 encoding. "…" has no slot in T1, so it is taken from the same family in an
// 8-bit Windows-ANSI-like encoding (texnansi / 8r: ellipsis at 133), declared below as encoding XLY.
// "€": TS1 \texteuro where the family has a real Euro glyph (Latin Modern, TeX Gyre); the psnfss fonts
// only fake one from a C, so they use eurosym's \euro, whose glyph is named "e": \pdfglyphtounicode maps it.

const FONTS = {
  lmodern: {
    name: 'Latin Modern Roman', cls: 'serif', lig: true, euro: 'ts1',
    pre: R`\usepackage{lmodern}`, fam: 'lmr', xly: { m: 'texnansi-lmr10', b: 'texnansi-lmbx10' },
  },
  termes: {
    name: 'TeX Gyre Termes (Times)', cls: 'serif', lig: true, euro: 'ts1',
    pre: R`\usepackage{tgtermes}`, fam: 'qtm', xly: { m: 'texnansi-qtmr', b: 'texnansi-qtmb' },
  },
  times: {
    name: 'Nimbus Roman (mathptmx Times)', cls: 'serif', lig: true, euro: 'eurosym',
    pre: R`\usepackage{mathptmx}`, fam: 'ptm', xly: { m: 'ptmr8r', b: 'ptmb8r' },
  },
  charter: {
    name: 'Bitstream Charter', cls: 'serif', lig: true, euro: 'eurosym',
    pre: R`\usepackage{charter}`, fam: 'bch', xly: { m: 'bchr8r', b: 'bchb8r' },
  },
  heros: {
    name: 'TeX Gyre Heros (Helvetica)', cls: 'sans', lig: true, euro: 'ts1',
    pre: R`\usepackage{tgheros}\renewcommand{\familydefault}{\sfdefault}`, fam: 'qhv', xly: { m: 'texnansi-qhvr', b: 'texnansi-qhvb' },
  },
  helvet: {
    name: 'Nimbus Sans (helvet), ligatures disabled', cls: 'sans', lig: false, euro: 'eurosym',
    pre: R`\usepackage[scaled=0.92]{helvet}\renewcommand{\familydefault}{\sfdefault}`, fam: 'phv', xly: { m: 's*[0.92]phvr8r', b: 's*[0.92]phvb8r' },
  },
  lmss: {
    name: 'Latin Modern Sans, ligatures disabled', cls: 'sans', lig: false, euro: 'ts1',
    pre: R`\usepackage{lmodern}\renewcommand{\familydefault}{\sfdefault}`, fam: 'lmss', xly: { m: 'texnansi-lmss10', b: 'texnansi-lmssbx10' },
  },
  heroscond: {
    name: 'TeX Gyre Heros Condensed', cls: 'condensed', lig: true, euro: 'ts1',
    pre: R`\usepackage[condensed]{tgheros}\renewcommand{\familydefault}{\sfdefault}`, fam: 'qhvc', xly: { m: 'texnansi-qhvcr', b: 'texnansi-qhvcb' },
  },
  helvnarrow: {
    name: 'Nimbus Sans Narrow (Helvetica Narrow)', cls: 'condensed', lig: true, euro: 'eurosym',
    pre: R`\usepackage{helvet}\renewcommand{\familydefault}{\sfdefault}\renewcommand{\mddefault}{mc}\renewcommand{\seriesdefault}{mc}\renewcommand{\bfdefault}{bc}`,
    fam: 'phv', xly: { m: 'phvr8rn', b: 'phvb8rn', mc: 'phvr8rn', bc: 'phvb8rn' },
  },
  lmvtt: {
    name: 'Latin Modern Mono Proportional', cls: 'mono-ish', lig: false, euro: 'ts1',
    pre: R`\usepackage{lmodern}\renewcommand{\familydefault}{lmvtt}`, fam: 'lmvtt', xly: { m: 'texnansi-lmvtt10', b: 'texnansi-lmvtk10' },
  },
  cursor: {
    name: 'TeX Gyre Cursor (Courier)', cls: 'mono-ish', lig: false, euro: 'ts1',
    pre: R`\usepackage{tgcursor}\renewcommand{\familydefault}{\ttdefault}`, fam: 'qcr', xly: { m: 'texnansi-qcrr', b: 'texnansi-qcrb' },
  },
  courier: {
    name: 'Nimbus Mono (courier)', cls: 'mono-ish', lig: false, euro: 'eurosym',
    pre: R`\usepackage{courier}\renewcommand{\familydefault}{\ttdefault}`, fam: 'pcr', xly: { m: 'pcrr8r', b: 'pcrb8r' },
  },
};
const FONTS_BY_CLASS = {
  serif: ['lmodern', 'termes', 'times', 'charter'],
  sans: ['heros', 'helvet', 'lmss'],
  condensed: ['heroscond', 'helvnarrow'],
  'mono-ish': ['lmvtt', 'cursor', 'courier'],
};

// ---------------------------------------------------------------------------------------------
// text

const MARKER = /^(- |• |⇒ |\* )/;
const ELLIPSIS_CHAR = '\u2026';

/** Gold text -> LaTeX source that prints exactly the same characters. */
export function texEsc(s) {
  let out = '';
  const str = String(s);
  for (let i = 0; i < str.length; i++) {
    const c = str[i];
    const next = str[i + 1];
    switch (c) {
      case '\\': out += R`\textbackslash{}`; break;
      case '{': out += R`\{`; break;
      case '}': out += R`\}`; break;
      case '%': out += R`\%`; break;
      case '&': out += R`\&`; break;
      case '_': out += R`\_`; break;
      case '#': out += R`\#`; break;
      case '$': out += R`\$`; break;
      case '~': out += R`\textasciitilde{}`; break;
      case '^': out += R`\textasciicircum{}`; break;
      case '<': out += R`\textless{}`; break;
      case '>': out += R`\textgreater{}`; break;
      case '|': out += R`\textbar{}`; break;
      // a straight apostrophe (T1 ' is a curly quoteright); \nobreak\hspace{0pt} lets TeX hyphenate the
      // word after it (TS1 glyph = another font, which ends the word for hyphenation) without a break there
      case "'": out += R`\textquotesingle` + (/\p{L}/u.test(next ?? '') ? R`\nobreak\hspace{0pt}` : '{}'); break;
      case '‘': out += R`\textquoteleft` + (/\p{L}/u.test(next ?? '') ? R`\nobreak\hspace{0pt}` : '{}'); break;
      case '"': out += R`\textquotedbl{}`; break;
      case '`': out += R`\textasciigrave{}`; break;
      case '€': out += R`\FdrEuro{}`; break;
      case ELLIPSIS_CHAR: out += R`\ELLIP{}`; break;
      case '•': out += R`\textbullet{}`; break;
      case '⇒': out += R`\ensuremath{\Rightarrow}`; break;
      case '\u00a0': out += '~'; break;
      case '\u202f': out += R`\,`; break;
      case '\u00ad': break;
      case '-': out += next === '-' ? '-{}' : '-'; break; // no -- / --- ligature
      case ',': out += next === ',' ? ',{}' : ','; break; // no ,, ligature
      case '\t': case '\r': case '\n': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// the fixed ("academic / administrative") look of the committed fixtures

/** Parameters of the committed fixtures: a VariantParams with a few LaTeX-only fields (latex*). */
export function fixedParams(roadmap) {
  const columns = [
    { key: 'action', header: 'Actions', width: 0.33 },
    { key: 'financement', header: 'Financement', width: 0.18 },
    { key: 'indicateur', header: 'Indicateur', width: 0.22 },
    { key: 'commentaire', header: 'Commentaires', width: 0.27 },
  ];
  return {
    seed: 0,
    roadmap,
    orientation: 'landscape',
    columns,
    headerCase: 'as-is',
    chantierBand: 'above',
    chantierPrefix: 'Chantier : ',
    sideTab: 'none',
    axisDividers: true,
    font: 'serif',
    fontSize: 9,
    lineSpacing: 1.2,
    paragraphSpacing: 2,
    justify: true,
    hyphenate: true,
    zebra: false,
    rules: 'horizontal',
    headerShading: false,
    repeatHeader: true,
    rowsBreakAcrossPages: false,
    lists: 'engine',
    emptyRows: 0,
    cellPadding: 3,
    unsupported: [],
    // LaTeX-only knobs
    latexFont: roadmap === 'le-havre-2024' ? 'lmodern' : 'termes',
    latexLandscape: 'pdflscape', // table pages rotated with pdflscape, the rest portrait
    latexBooktabs: true, // \toprule / \hline between rows / \bottomrule
    latexListsMixed: true, // lists: itemize in some cells, typed markers in others
    latexFooterAlign: 'L',
  };
}

/** The LaTeX-only choices of a variant, drawn from its seed (kept apart from variants.mjs's stream). */
function latexChoices(params) {
  const r = prng((params.seed * 40503 + 977) >>> 0);
  const fonts = FONTS_BY_CLASS[params.font] ?? FONTS_BY_CLASS.serif;
  const font = params.latexFont ?? fonts[r.int(0, fonts.length - 1)];
  const landscape = params.latexLandscape ?? (r.chance(0.5) ? 'pdflscape' : 'geometry');
  const footerAlign = params.latexFooterAlign ?? r.pick(['L', 'C', 'R']);
  const booktabs = params.latexBooktabs ?? (params.rules === 'horizontal' && r.chance(0.5));
  const cover = r.pick(['rules', 'box']);
  return { font, landscape, footerAlign, booktabs, cover };
}

// ---------------------------------------------------------------------------------------------
// document

function editorialParagraphs(gold) {
  const du = gold.title.replace(/^Feuille de route (territoriale|départementale)\s+/, '');
  const kind = /départementale/.test(gold.title) ? 'départementale' : 'territoriale';
  let html = fs.readFileSync(EDITORIAL_TPL, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  html = html.replace(/\{\{(\w+)\}\}/g, (m, k) => ({ du, kind, period: gold.period })[k] ?? m);
  const ent = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&nbsp;': ' ' };
  return [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1].replace(/<[^>]+>/g, '').replace(/&\w+;/g, (e) => ent[e] ?? e).replace(/\s+/g, ' ').trim());
}

/** Page margins in mm. With pdflscape the right margin of a landscape view is the portrait top margin. */
function margins(params, ch) {
  const m = { left: 18, right: 18, top: 18, bottom: 20 };
  if (params.sideTab !== 'none') {
    if (params.orientation === 'landscape' && ch.landscape === 'pdflscape') m.top = 30;
    else m.right = 32;
  }
  return m;
}

const pt = (x) => `${Math.round(x * 100) / 100}pt`;

function preamble(gold, params, ch) {
  const f = FONTS[ch.font];
  const landscapeAll = params.orientation === 'landscape' && ch.landscape === 'geometry';
  const m = margins(params, ch);
  const fs_ = params.fontSize;
  const bs = fs_ * params.lineSpacing;
  const xlyShapes = Object.entries(f.xly).map(([series, tfm]) => R`\DeclareFontShape{XLY}{${f.fam}}{${series}}{n}{<-> ${tfm}}{}`);
  const mSeries = f.xly.m ? 'm' : 'mc';
  const bSeries = f.xly.b ? 'b' : 'bc';
  xlyShapes.push(R`\DeclareFontShape{XLY}{${f.fam}}{bx}{n}{<->ssub * ${f.fam}/${bSeries}/n}{}`);
  for (const s of ['it', 'sl', 'sc']) {
    xlyShapes.push(R`\DeclareFontShape{XLY}{${f.fam}}{${mSeries}}{${s}}{<->ssub * ${f.fam}/${mSeries}/n}{}`);
    xlyShapes.push(R`\DeclareFontShape{XLY}{${f.fam}}{${bSeries}}{${s}}{<->ssub * ${f.fam}/${bSeries}/n}{}`);
  }
  if (mSeries !== 'm') xlyShapes.push(R`\DeclareFontShape{XLY}{${f.fam}}{m}{n}{<->ssub * ${f.fam}/${mSeries}/n}{}`);
  const lines = [
    R`\pdfobjcompresslevel=2 \pdfcompresslevel=9 \pdftrailerid{}`,
    R`\documentclass[10pt]{article}`,
    R`\usepackage[a4paper${landscapeAll ? ',landscape' : ''},left=${m.left}mm,right=${m.right}mm,top=${m.top}mm,bottom=${m.bottom}mm,footskip=9mm]{geometry}`,
    R`\usepackage[T1]{fontenc}`,
    R`\usepackage[utf8]{inputenc}`,
    R`\usepackage{textcomp}`,
    f.pre,
    R`\usepackage[french]{babel}`,
    // a space typed before ; : ! ? stays a (non-breaking) space; none is added where the gold has none
    R`\frenchsetup{AutoSpacePunctuation=false}`,
    R`\usepackage[table]{xcolor}`,
    R`\usepackage{array,longtable,booktabs,multicol,graphicx,fancyhdr,needspace,eso-pic,pdflscape}`,
    R`\usepackage{ragged2e}`,
    R`\usepackage{enumitem}`,
    R`\usepackage[protrusion=true,expansion=false]{microtype}`,
    f.lig ? R`% ligatures on (fi, fl, ff, ffi, ffl)` : R`\DisableLigatures[f]{encoding = T1}`,
    f.euro === 'eurosym' ? R`\usepackage[official]{eurosym}\newcommand{\FdrEuro}{\euro}` : R`\newcommand{\FdrEuro}{\texteuro}`,
    R`\pdfgentounicode=1 \input{glyphtounicode}`,
    R`\pdfglyphtounicode{tfm:feymr10/e}{20AC}\pdfglyphtounicode{tfm:feybr10/e}{20AC}`,
    R`\pdfglyphtounicode{tfm:feymo10/e}{20AC}\pdfglyphtounicode{tfm:feybo10/e}{20AC}`,
    R`% "…": ellipsis glyph of the current family, from its texnansi/8r font (slot 133)`,
    R`\DeclareFontEncoding{XLY}{}{}\DeclareFontSubstitution{XLY}{${f.fam}}{${mSeries}}{n}`,
    R`\DeclareFontFamily{XLY}{${f.fam}}{}`,
    ...xlyShapes,
    R`\DeclareRobustCommand{\ELLIP}{{\fontencoding{XLY}\selectfont\char133}}`,
    R`\DeclareUnicodeCharacter{2026}{\ELLIP}`,
    R`\DeclareUnicodeCharacter{20AC}{\FdrEuro}`,
    R`\renewcommand{\normalsize}{\fontsize{${fs_}}{${pt(bs)}}\selectfont}`,
    R`\setlength{\parindent}{0pt}\setlength{\parskip}{4pt}`,
    R`\setlength{\emergencystretch}{2em}\tolerance=1500 \widowpenalty=10000 \clubpenalty=10000`,
  ];
  if (f.cls === 'mono-ish') {
    // typewriter fonts come with \hyphenchar -1 (no break even at a real hyphen) and rigid spaces
    lines.push(R`\AddToHook{selectfont}{\hyphenchar\font=45 }`);
    if (params.justify) lines.push(R`\AddToHook{selectfont}{\spaceskip=\fontdimen2\font plus 0.6\fontdimen2\font minus 0.25\fontdimen2\font}`);
  }
  if (params.hyphenate) {
    lines.push(R`% French hyphenation (babel) everywhere, ragged or justified`);
    lines.push(R`\AtBeginDocument{\hyphenpenalty=50 \exhyphenpenalty=50}`);
  } else {
    lines.push(R`\AtBeginDocument{\hyphenpenalty=10000 \sloppy}`);
  }
  lines.push(
    R`\definecolor{hdr}{gray}{0.86}`,
    R`\definecolor{zebra}{gray}{0.94}`,
    R`\definecolor{band}{gray}{0.90}`,
    R`\definecolor{tab}{RGB}{232,163,61}`,
    R`\definecolor{accent}{RGB}{11,79,138}`,
    // running footer
    R`\newif\ifLS`,
    R`\newcommand{\FooterText}{{\fontsize{8}{10}\selectfont\thepage\ \textbar\ ${texEsc(gold.title)}}}`,
    R`\pagestyle{fancy}\fancyhf{}\renewcommand{\headrulewidth}{0pt}\renewcommand{\footrulewidth}{0pt}`,
    R`\fancyfoot[${ch.footerAlign}]{\ifLS\else\FooterText\fi}`,
    R`\fancypagestyle{plain}{\fancyhf{}\fancyfoot[${ch.footerAlign}]{\ifLS\else\FooterText\fi}}`,
    // page overlays: side tab (background) and, on pdflscape pages, the footer turned with the page
    R`\makeatletter`,
    R`% \PutView{x}{y}{angle}{material}: place material at (x, y) of the page as it is viewed;`,
    R`% on a pdflscape page (shown turned by /Rotate 90) this is rotated into the portrait page.`,
    R`\newcommand{\PutView}[4]{\ifLS\put(\LenToUnit{\paperwidth-(#2)},\LenToUnit{#1}){\rotatebox{\numexpr#3+90\relax}{#4}}\else\put(\LenToUnit{#1},\LenToUnit{#2}){\rotatebox{#3}{#4}}\fi}`,
    R`% \PutViewC: the same, with the material's centre at (x, y)`,
    R`\newcommand{\PutViewC}[4]{\ifLS\put(\LenToUnit{\paperwidth-(#2)},\LenToUnit{#1}){\makebox(0,0){\rotatebox{\numexpr#3+90\relax}{#4}}}\else\put(\LenToUnit{#1},\LenToUnit{#2}){\makebox(0,0){\rotatebox{#3}{#4}}}\fi}`,
    R`\newcommand{\ViewW}{\ifLS\paperheight\else\paperwidth\fi}`,
    R`\newcommand{\ViewH}{\ifLS\paperwidth\else\paperheight\fi}`,
    R`\makeatother`,
    R`\gdef\CurTab{}`,
  );
  if (params.sideTab === 'rotated') {
    lines.push(R`\newcommand{\DrawTab}{\PutViewC{\ViewW-9mm}{\ViewH-85mm}{90}{\colorbox{tab}{\parbox[c][7mm][c]{60mm}{\centering\fontsize{12}{14}\selectfont\bfseries Action prioritaire \#\CurTab}}}}`);
  } else if (params.sideTab === 'horizontal') {
    lines.push(R`\newcommand{\DrawTab}{\PutViewC{\ViewW-15mm}{\ViewH-60mm}{0}{\colorbox{tab}{\parbox[c][30mm][c]{20mm}{\centering\fontsize{10}{12}\selectfont\bfseries Action\\prioritaire\\[2mm]{\fontsize{18}{20}\selectfont\#\CurTab}}}}}`);
  } else {
    lines.push(R`\newcommand{\DrawTab}{}`);
  }
  lines.push(
    R`\AddToShipoutPictureBG{\ifx\CurTab\empty\else\DrawTab\fi}`,
    R`\AddToShipoutPictureFG{\ifLS\PutView{${m.bottom}mm}{10mm}{0}{\FooterText}\fi}`,
    // table cells
    R`\newlength{\TW}\newlength{\PadTop}\newlength{\PadBot}`,
    R`\setlength{\tabcolsep}{${pt(params.cellPadding)}}`,
    R`\setlength{\PadTop}{${pt(params.cellPadding)}}\setlength{\PadBot}{${pt(params.cellPadding)}}`,
    R`\setlength{\LTleft}{0pt}\setlength{\LTright}{0pt plus 1fill}\setlength{\LTpre}{6pt}\setlength{\LTpost}{10pt}`,
    R`\setlength{\extrarowheight}{0pt}`,
    R`\renewcommand{\arraystretch}{1}`,
    R`% top padding of a row: a strut on its first line`,
    R`\newcommand{\PT}{\rule{0pt}{\dimexpr\ht\strutbox+\PadTop\relax}}`,
    R`\newcommand{\CellFont}{\fontsize{${fs_}}{${pt(bs)}}\selectfont}`,
    R`\newcommand{\CellStart}{\CellFont${params.justify ? '' : R`\RaggedRight`}\setlength{\parskip}{${pt(params.paragraphSpacing)}}\ignorespaces}`,
    R`\newlist{celllist}{itemize}{1}`,
    R`\setlist[celllist]{nosep,leftmargin=*,labelsep=0.35em,itemsep=${pt(params.paragraphSpacing)},topsep=0pt,partopsep=0pt,parsep=0pt,label=\textbullet}`,
    R`\newenvironment{CellList}[1]{\begin{minipage}[t]{\linewidth}\begin{celllist}[label={#1}]}{\end{celllist}\end{minipage}}`,
    R`\newcommand{\HeadCell}[1]{\PT\nobreak\hspace{0pt}\bfseries #1}`,
    R`% position marks (rows that may break across pages): written at shipout, read back by the producer`,
    R`\newif\ifMarks\Markstrue\newwrite\posfile\immediate\openout\posfile=\jobname.pos`,
    R`\newcommand{\RowMark}[2]{\ifMarks\pdfsavepos\write\posfile{R #1 #2 \thepage\space\the\pdflastypos}\fi}`,
    R`\newcommand{\WM}[4]{\ifMarks\pdfsavepos\write\posfile{W #1 #2 #3 #4 \thepage\space\the\pdflastypos}\fi}`,
    R`\newcommand{\ChantierFont}{\fontsize{${pt(Math.max(fs_ + 2, 10.5))}}{${pt(Math.max(fs_ + 2, 10.5) * 1.2)}}\selectfont\bfseries}`,
  );
  return lines;
}

/**
 * A cell's text as paragraphs of words: [{marker: '- ' | null, words: string[]}]. Words are the text
 * (after the marker) split at single spaces, so joining them with ' ' gives the gold back exactly.
 */
function cellUnits(text) {
  if (text === '') return [];
  return text.split('\n').map((p) => {
    const m = MARKER.exec(p);
    return { marker: m ? m[1] : null, words: (m ? p.slice(m[0].length) : p).split(' ') };
  });
}

/**
 * LaTeX of the part of a cell between positions `from` and `to` ({p, w}: paragraph p, word w; `to` is
 * exclusive). A paragraph cut in the middle continues in the next part without its marker (an \item[]
 * with no label in an itemize). `first`: the part's first line gets the top padding strut;
 * `mark(p, w)`: LaTeX put right after word w of paragraph p (position marks).
 */
function cellTex(units, from, to, mode, first, mark) {
  const pieces = [];
  for (let p = from.p; p <= Math.min(to.p, units.length - 1); p++) {
    const w0 = p === from.p ? from.w : 0;
    const w1 = p === to.p ? to.w : units[p].words.length;
    if (w1 <= w0) continue;
    pieces.push({ p, w0, marker: units[p].marker, cont: w0 > 0, words: units[p].words.slice(w0, w1) });
  }
  // \hspace{0pt} lets TeX hyphenate a cell's first word; \nobreak: never an empty first line
  const pad = first ? R`\PT\nobreak\hspace{0pt}` : R`\nobreak\hspace{0pt}`;
  if (!pieces.length) return first ? R`\PT` : '';
  const out = [];
  let list = null;
  let lead = pad;
  const flush = () => {
    if (!list) return;
    out.push(R`\begin{CellList}{${list.label}}` + list.items.join(' ') + R`\end{CellList}`);
    list = null;
  };
  for (const pc of pieces) {
    // the mark goes after the word; before a final "-" though: TeX puts a discretionary after a hyphen,
    // and a line broken there would start with the mark's whatsit and keep the space after it
    const body = pc.words.map((w, i) => {
      const e = texEsc(w);
      const m = mark(pc.p, pc.w0 + i);
      return w.endsWith('-') ? e.slice(0, -1) + m + '-' : e + m;
    }).join(' ');
    const mk = pc.marker?.trim();
    if (pc.marker && mode === 'engine') {
      const label = mk === '•' ? R`\textbullet` : mk === '⇒' ? R`\ensuremath{\Rightarrow}` : mk === '*' ? '*' : '-';
      if (list && list.mk !== mk) flush();
      if (!list) list = { mk, label, items: [] };
      list.items.push((pc.cont ? R`\item[] ` : R`\item `) + lead + body);
    } else {
      flush();
      // a typed marker stays in the text; a non-breaking space keeps it with the next word
      out.push(lead + (pc.marker && !pc.cont ? texEsc(mk) + '~' : '') + body);
    }
    lead = R`\nobreak\hspace{0pt}`;
  }
  flush();
  return out.join(R`\par `);
}

function buildTex(gold, params, splits = new Map(), { marks = false } = {}) {
  const ch = latexChoices(params);
  const unsupported = [];
  const notes = [];
  const f = FONTS[ch.font];
  notes.push(`font: ${f.name}${f.lig ? ' (ligatures on)' : ' (no ligatures)'}`);
  const lscape = params.orientation === 'landscape' && ch.landscape === 'pdflscape';
  if (params.orientation === 'landscape') notes.push(lscape ? 'landscape: table pages turned with pdflscape (/Rotate 90), cover and prose pages portrait' : 'landscape: whole document A4 landscape (geometry)');
  if (params.chantierBand === 'beside') {
    unsupported.push('chantierBand');
    notes.push('chantierBand beside: the heading is top-aligned in the first column of the chantier\'s first row, inner rules skip that column (\\cline), so it looks merged; no \\multirow, which misplaces its text when longtable breaks the page inside the block');
  }
  if (params.rowsBreakAcrossPages) notes.push('rowsBreakAcrossPages: a row that longtable would move whole to the next page is re-typeset as two longtable rows with no rule between them, cut cell by cell after the last line that fits in the space left (a cut list item goes on as an unlabelled \\item[]); cut points come from \\pdfsavepos marks of a previous pass');
  const listsMixed = !!params.latexListsMixed;
  if (listsMixed) notes.push('lists: itemize (enumitem) in the rows whose chantier index + action index is even, typed markers in the others');

  const L = preamble(gold, params, ch);
  const margins_ = margins(params, ch);
  L.push(R`\begin{document}`);
  const title = texEsc(gold.title);
  const du = gold.title.replace(/^Feuille de route (territoriale|départementale)\s+/, '');
  const terrLine = `${gold.territoryType === 'departement' ? 'Département' : 'Territoire de santé'} : ${gold.territory}`;

  // --- cover
  L.push(R`\thispagestyle{empty}`);
  if (ch.cover === 'box') {
    L.push(R`\noindent\colorbox{accent}{\parbox{\dimexpr\linewidth-2\fboxsep}{\vspace*{8mm}\color{white}\fontsize{11}{14}\selectfont\bfseries\hspace*{4mm}SANTÉ NORMANDIE\vspace*{8mm}}}`);
  } else {
    L.push(R`{\fontsize{11}{14}\selectfont\bfseries SANTÉ NORMANDIE\par}\vspace{2mm}\hrule height 1.2pt\relax`);
  }
  L.push(
    R`\vspace*{45mm}`,
    R`{\raggedright\fontsize{28}{33}\selectfont\bfseries ${title}\par}`,
    R`\vspace{8mm}`,
    R`{\fontsize{20}{24}\selectfont\bfseries ${texEsc(gold.period)}\par}`,
    R`\vspace{6mm}`,
    R`{\fontsize{13}{16}\selectfont Conseil territorial de santé ${texEsc(du)}\par}`,
    R`{\fontsize{11}{14}\selectfont ${texEsc(terrLine)}\par}`,
    R`\vfill`,
    R`{\fontsize{12}{15}\selectfont\bfseries Projet régional de santé Normandie 2023-2028\par}`,
    R`\clearpage`,
  );

  // --- editorial + signatories
  const eds = editorialParagraphs(gold).map(texEsc);
  L.push(R`{\fontsize{16}{20}\selectfont\bfseries ÉDITORIAL\par}\vspace{4mm}`);
  if (gold.territoryType === 'cts') L.push(R`\begin{multicols}{2}`, eds.join('\n\n'), R`\end{multicols}`);
  else L.push(eds.join('\n\n'));
  // signatories, two by two: the name on one bold line, the role in a box 70 mm wide
  L.push(R`\par\vspace{8mm}`);
  gold.signatories.forEach((s, i) => {
    if (i % 2 === 0) L.push(i ? R`\par\vspace{6mm}\noindent` : R`\noindent`);
    L.push(R`\begin{minipage}[t]{75mm}\raggedright\textbf{${texEsc(s.name)}}\par\parbox[t]{70mm}{\raggedright ${texEsc(s.role)}}\end{minipage}` + (i % 2 === 0 ? R`\hspace{8mm}` : ''));
  });
  L.push(R`\par\clearpage`);

  // --- the 12 axes
  L.push(R`{\fontsize{16}{20}\selectfont\bfseries RAPPEL DES 12 AXES PRIORITAIRES :\par}\vspace{4mm}`);
  L.push(R`\begin{enumerate}[label=\textbf{\arabic*.},leftmargin=10mm,itemsep=2mm]`);
  gold.prsAxes.forEach((t, i) => L.push(R`\item ` + texEsc(t) + (i < gold.prsAxes.length - 1 ? ' ;' : '.')));
  L.push(R`\end{enumerate}`, R`\clearpage`);

  // --- axes
  // empty rows: deterministic places (after action k of chantier c of axis a)
  const emptyAfter = new Map();
  if (params.emptyRows > 0) {
    const r = prng((params.seed * 7919 + 31) >>> 0);
    const slots = [];
    gold.axes.forEach((a, ai) => a.chantiers.forEach((c, ci) => c.actions.forEach((x, k) => slots.push(`${ai}.${ci}.${k}`))));
    for (let i = 0; i < params.emptyRows; i++) {
      const s = r.pick(slots);
      emptyAfter.set(s, (emptyAfter.get(s) ?? 0) + 1);
    }
  }
  const cols = params.columns;
  const beside = params.chantierBand === 'beside';
  const BESIDE_W = 0.14;
  const allCols = beside ? [{ key: '__chantier', header: '', width: BESIDE_W }, ...cols.map((c) => ({ ...c, width: c.width * (1 - BESIDE_W) }))] : cols;
  const n = allCols.length;
  const grid = params.rules === 'grid';
  const V = grid ? '|' : '';
  const nRules = grid ? n + 1 : 0;
  const colSpec = V + allCols.map((c) => R`>{\CellStart}p{${c.width.toFixed(4)}\TW}`).join(V) + V;
  const rowRule = params.rules === 'grid' || params.rules === 'horizontal' ? R`\hline` : '';
  const booktabs = ch.booktabs && params.rules === 'horizontal';
  if (params.latexBooktabs && !booktabs) notes.push('booktabs rules need rules=horizontal');
  if (booktabs) notes.push('rules: booktabs \\toprule / \\midrule under the header / \\hline between rows / \\bottomrule');
  const topRule = booktabs ? R`\toprule` : rowRule;
  const headRule = booktabs ? R`\midrule` : params.rules === 'none' ? '' : R`\hline`;
  const lastRule = booktabs ? R`\bottomrule` : rowRule;
  const headerRow = () => {
    const cells = allCols.map((c) => (c.key === '__chantier' ? R`\PT` : R`\HeadCell{${texEsc(headerText(params, c))}}`));
    return (params.headerShading ? R`\rowcolor{hdr}` : '') + cells.join(' & ') + R` \\[\PadBot]`;
  };
  // the chantier heading "above" the table is the first row of its first head (\multicolumn, no rules):
  // longtable then never leaves it alone at the bottom of a page
  const tableBegin = (heading = '') => [
    R`\setlength{\TW}{\dimexpr\linewidth-${2 * n}\tabcolsep-${nRules}\arrayrulewidth\relax}`,
    R`\begin{longtable}{${colSpec}}`,
    ...(heading ? [R`\multicolumn{${n}}{@{}>{\raggedright}p{\linewidth}@{}}{\ChantierFont ${texEsc(heading)}} \\[1.5mm]`] : []),
    topRule, headerRow(), headRule, R`\endfirsthead`,
    ...(params.repeatHeader ? [topRule, headerRow(), headRule] : [grid ? R`\hline` : '']), R`\endhead`,
    R`\endfoot`,
    lastRule, R`\endlastfoot`,
  ].filter((x) => x !== '');
  let logicalRow = 0;
  const rowMeta = []; // document order: {id, table, units: cellUnits[] per cell}
  let tableNo = 0;
  /**
   * One logical row. A cell is gold text ('' = empty) or {tex}: LaTeX put as is on the row's first line.
   * A row listed in `splits` (id -> list of cut positions, one {p, w} per cell) is typeset as several
   * longtable rows with no rule between them, so that longtable can break the page between them.
   */
  const rowTex = (id, cells, { zebra, isLast, innerRule, mode }) => {
    const units = cells.map((t) => (typeof t === 'object' ? [{ marker: null, words: [''], tex: t.tex }] : cellUnits(t)));
    rowMeta.push({ id, table: tableNo, units, axis: id.split('.')[0] });
    const ends = units.map((u) => ({ p: u.length, w: 0 }));
    const bounds = [units.map(() => ({ p: 0, w: 0 })), ...(splits.get(id) ?? []), ends];
    const out = [];
    for (let j = 0; j < bounds.length - 1; j++) {
      const tex = units.map((u, c) => {
        const rowMark = marks && c === 0 ? R`\RowMark{${id}}{${j}}` : '';
        const mark = marks ? (p, w) => R`\WM{${id}}{${c}}{${p}}{${w}}` : () => '';
        if (u[0]?.tex !== undefined) return j === 0 ? R`\PT` + rowMark + u[0].tex + mark(0, 0) : rowMark;
        const body = cellTex(u, bounds[j][c], bounds[j + 1][c], mode, true, mark);
        return rowMark ? (body.startsWith(R`\PT`) ? R`\PT` + rowMark + body.slice(3) : rowMark + body) : body;
      });
      const last = j === bounds.length - 2;
      out.push((zebra ? R`\rowcolor{zebra}` : '') + tex.join(' & ') + ' ' + (last ? R`\\[\PadBot]` : R`\\`));
    }
    if (!isLast) out.push(innerRule);
    return out.filter((x) => x !== '').join('\n');
  };

  for (const [ai, axis] of gold.axes.entries()) {
    const N = axis.number;
    L.push(R`\clearpage\gdef\CurTab{}`);
    if (params.axisDividers) {
      L.push(
        R`\thispagestyle{empty}`,
        R`\null\vspace{40mm}`,
        R`{\color{accent}\rule{\linewidth}{2pt}}\par\vspace{8mm}`,
        R`{\fontsize{24}{29}\selectfont\bfseries Action prioritaire\par}\vspace{4mm}`,
        R`{\fontsize{48}{56}\selectfont\bfseries\color{accent}\#${N}\par}\vspace{8mm}`,
        R`{\raggedright\fontsize{19}{23}\selectfont\bfseries ${texEsc(axis.title)}\par}\vspace{8mm}`,
        R`{\color{accent}\rule{\linewidth}{2pt}}\par`,
        R`\vfill`,
        R`{\fontsize{12}{15}\selectfont Projet régional de santé Normandie 2023-2028\par}`,
        R`\clearpage`,
      );
    }
    if (lscape) L.push(R`\begin{landscape}\global\LStrue\gdef\CurTab{${N}}`);
    else L.push(R`\gdef\CurTab{${N}}`);
    if (!params.axisDividers) {
      L.push(R`{\raggedright\fontsize{${pt(Math.max(params.fontSize + 5, 14))}}{${pt(Math.max(params.fontSize + 5, 14) * 1.2)}}\selectfont\bfseries Action prioritaire \#${N} : ${texEsc(axis.title)}\par}\vspace{4mm}`);
    }
    const modeFor = (ci, k) => (listsMixed ? ((ci + k) % 2 === 0 ? 'engine' : 'typed') : params.lists);
    const actionCells = (x, ci, k) => cols.map((c) => (c.key in x ? x[c.key] : extraCellText(c.key, params.seed, N, ci, k)));

    if (params.chantierBand === 'above') {
      for (const [ci, chn] of axis.chantiers.entries()) {
        const head = chantierHeading(params, chn.title, ci);
        L.push(...tableBegin(head));
        tableNo++;
        const rows = [];
        chn.actions.forEach((x, k) => {
          rows.push({ id: `${N}.${ci}.${k}`, cells: actionCells(x, ci, k), mode: modeFor(ci, k) });
          for (let e = 0; e < (emptyAfter.get(`${ai}.${ci}.${k}`) ?? 0); e++) rows.push({ id: `${N}.${ci}.${k}.e${e}`, cells: cols.map(() => ''), mode: 'typed' });
        });
        rows.forEach((r, i) => L.push(rowTex(r.id, r.cells, { zebra: params.zebra && logicalRow++ % 2 === 1, isLast: i === rows.length - 1, innerRule: rowRule, mode: r.mode })));
        L.push(R`\end{longtable}`);
      }
    } else {
      // one table per axis; chantier headings inside it
      L.push(...tableBegin());
      tableNo++;
      const rows = [];
      for (const [ci, chn] of axis.chantiers.entries()) {
        const head = chantierHeading(params, chn.title, ci);
        const start = rows.length;
        if (params.chantierBand === 'inside' && head) rows.push({ band: head });
        chn.actions.forEach((x, k) => {
          rows.push({ id: `${N}.${ci}.${k}`, cells: actionCells(x, ci, k), mode: modeFor(ci, k), ci });
          for (let e = 0; e < (emptyAfter.get(`${ai}.${ci}.${k}`) ?? 0); e++) rows.push({ id: `${N}.${ci}.${k}.e${e}`, cells: cols.map(() => ''), mode: 'typed', ci });
        });
        if (beside) {
          rows[start].chantier = head;
          rows.slice(start).forEach((r, i, arr) => { r.lastOfChantier = i === arr.length - 1; });
        }
      }
      rows.forEach((r, i) => {
        const isLast = i === rows.length - 1;
        if (r.band !== undefined) {
          const w = R`\dimexpr\linewidth-2\tabcolsep-${grid ? 2 : 0}\arrayrulewidth\relax`;
          L.push((params.headerShading ? R`\rowcolor{band}` : '') + R`\multicolumn{${n}}{${V}>{\CellFont\raggedright}p{${w}}${V}}{\PT\ChantierFont ${texEsc(r.band)}} \\*[\PadBot]`);
          if (params.rules !== 'none' && params.rules !== 'header-only') L.push(R`\hline`);
          return;
        }
        const cells = beside ? [r.chantier ? { tex: R`\raggedright\bfseries ${texEsc(r.chantier)}` } : '', ...r.cells] : r.cells;
        const inner = beside && !r.lastOfChantier && rowRule ? R`\cline{2-${n}}` : rowRule;
        if (r.band === undefined && rows[i - 1]?.band !== undefined) tableNo++; // no split right under a band (\\*)
        const tex = rowTex(r.id, cells, { zebra: params.zebra && logicalRow++ % 2 === 1, isLast, innerRule: inner, mode: r.mode });
        L.push(tex);
      });
      L.push(R`\end{longtable}`);
    }
    if (lscape) L.push(R`\end{landscape}\global\LSfalse\gdef\CurTab{}`);
    else L.push(R`\clearpage\gdef\CurTab{}`);
  }

  // --- transversal priorities
  L.push(R`\clearpage`);
  L.push(R`{\fontsize{15}{19}\selectfont\bfseries LES PRIORITÉS RÉGIONALES TRANSVERSALES\par}\vspace{3mm}`);
  for (const t of gold.transversalPriorities ?? []) {
    L.push(R`\Needspace{5\baselineskip}`, R`{\raggedright\fontsize{11}{14}\selectfont\bfseries ${texEsc(t.title)}\par}\nopagebreak`);
    L.push(t.text.split('\n').map(texEsc).join('\n\n'), '');
  }
  L.push(R`\end{document}`, '');
  return { tex: L.join('\n'), unsupported, notes, font: f.name, rowMeta, bottomMargin: margins_.bottom };
}

// ---------------------------------------------------------------------------------------------
// rendering

function readPositions(file) {
  const rows = new Map(); // id -> [{page, y}] per part (the part's first baseline)
  const words = new Map(); // id -> [{c, p, w, page, y}] (baseline of the line where the word ends)
  if (!fs.existsSync(file)) return { rows, words };
  for (const line of fs.readFileSync(file, 'latin1').split('\n')) {
    const t = line.trim().split(/\s+/);
    if (t[0] === 'R' && t.length === 5) {
      if (!rows.has(t[1])) rows.set(t[1], []);
      rows.get(t[1])[Number(t[2])] = { page: Number(t[3]), y: Number(t[4]) };
    } else if (t[0] === 'W' && t.length === 7) {
      if (!words.has(t[1])) words.set(t[1], []);
      words.get(t[1]).push({ c: Number(t[2]), p: Number(t[3]), w: Number(t[4]), page: Number(t[5]), y: Number(t[6]) });
    }
  }
  return { rows, words };
}

const cmpPos = (a, b) => a.p - b.p || a.w - b.w;

/** Rows with words still below the text area after the last pass. */
function finalOverflow(built, pos) {
  const SP = 65536;
  const limit = (built.bottomMargin * 72.27 / 25.4) * SP - 2 * SP;
  return built.rowMeta.filter((r) => (pos.words.get(r.id) ?? []).some((q) => q.y < limit)).map((r) => r.id);
}

/**
 * Finds where rows must be cut, from the \pdfsavepos marks of the last pass (sp; on pdflscape pages they
 * are in the unrotated typesetting frame, whose text area also ends `bottomMargin` above the page edge):
 *  - a row part whose lines run below the text area (a row taller than the space it has) is cut after
 *    its last line that fits, cell by cell (always: otherwise text would be lost);
 *  - with rowsBreakAcrossPages, a row that longtable moved whole to the next page although some of its
 *    lines would have fitted in the space left is cut the same way (first part on the previous page).
 * Cuts are between words, at a line end. Adds the first one of each axis (in document order) to `splits`:
 * every position after it changes up to the end of the axis, which ends its page; returns {added, overflow}.
 */
function findSplits(built, pos, splits, params) {
  const SP = 65536;
  const bs = params.fontSize * params.lineSpacing * SP;
  const pad = params.cellPadding * SP;
  const limit = (built.bottomMargin * 72.27 / 25.4) * SP + 0.3 * bs + pad + 1.5 * SP; // lowest baseline allowed
  let added = 0;
  const overflow = [];
  const meta = built.rowMeta;
  const done = new Set(); // axes that got a cut in this pass
  for (let i = 0; i < meta.length; i++) {
    const row = meta[i];
    if (done.has(row.axis)) continue;
    const cuts = splits.get(row.id) ?? [];
    const parts = pos.rows.get(row.id);
    if (!parts || parts.length !== cuts.length + 1) continue;
    const j = cuts.length; // last part
    const from = j ? cuts[j - 1] : row.units.map(() => ({ p: 0, w: 0 }));
    const ws = (pos.words.get(row.id) ?? []).filter((q) => cmpPos(q, from[q.c]) >= 0);
    if (!ws.length) continue;
    let shift = null; // how far below its position on the page the line would be (case "moved")
    if (ws.some((q) => q.y < limit)) {
      shift = 0;
      overflow.push(row.id);
    } else if (params.rowsBreakAcrossPages && j === 0 && i > 0 && meta[i - 1].table === row.table) {
      const prev = pos.rows.get(meta[i - 1].id);
      if (!prev || parts[0].page !== prev[prev.length - 1].page + 1) continue;
      const prevPage = prev[prev.length - 1].page;
      let low = prev[prev.length - 1].y;
      for (const q of pos.words.get(meta[i - 1].id) ?? []) if (q.page === prevPage) low = Math.min(low, q.y);
      // where this row's first baseline would have been, had it stayed on the previous page
      const y0 = low - 0.3 * bs - pad - 0.4 * SP - pad - 0.7 * bs;
      if (y0 - limit < bs) continue; // not even two lines of room
      shift = parts[0].y - y0;
    } else continue;
    // per cell: the first line (in text order) that does not fit, then widow / orphan control: a cut
    // paragraph keeps at least 2 lines on each side, and each side of a cut cell holds at least 40
    // letters or digits (else the cut moves up a line, or to the paragraph's / the cell's start)
    const chars = (q) => (row.units[q.c][q.p].words[q.w] ?? '').replace(/[^\p{L}\p{N}]+/gu, '').length;
    const cut = row.units.map((u, c) => {
      const end = { p: u.length, w: 0 };
      const cw = ws.filter((q) => q.c === c).sort(cmpPos);
      const lines = [];
      for (const q of cw) {
        const l = lines[lines.length - 1];
        if (l && l.p === q.p && l.y === q.y) l.chars += chars(q);
        else lines.push({ start: { p: q.p, w: q.w }, p: q.p, y: q.y, chars: chars(q) });
      }
      let k = lines.findIndex((l) => l.y - shift < limit);
      if (k < 0) return end;
      const sum = (a, b) => lines.slice(a, b).reduce((t, l) => t + l.chars, 0);
      const inside = (k) => k > 0 && k < lines.length && lines[k].p === lines[k - 1].p;
      const paraLines = (k, dir) => {
        let n = 0;
        for (let i = dir > 0 ? k : k - 1; i >= 0 && i < lines.length && lines[i].p === lines[k].p; i += dir) n++;
        return n;
      };
      while (k > 0 && (sum(k) < 40 || (inside(k) && paraLines(k, 1) < 2))) k--;
      if (k > 0 && (sum(0, k) < 40 || (inside(k) && paraLines(k, -1) < 2))) {
        while (inside(k)) k--;
        if (sum(0, k) < 40) k = 0;
      }
      return k === 0 ? from[c] : lines[k].start;
    });
    const nothingFits = cut.every((x, c) => cmpPos(x, from[c]) <= 0);
    const allFit = cut.every((x, c) => x.p >= row.units[c].length);
    if (nothingFits || allFit) continue;
    // a cut never goes backwards
    splits.set(row.id, [...cuts, cut.map((x, c) => (cmpPos(x, from[c]) < 0 ? from[c] : x))]);
    added++;
    // everything after this cut moves, up to the end of the axis (each axis starts a new page): the
    // axis' next cut is found on the next pass, from fresh positions
    done.add(row.axis);
  }
  return { added, overflow };
}

/**
 * Renders `gold` under `params` to `outPdf`. Returns {unsupported, notes, font, pages, runs, ms, splitRows};
 * also pushes the unsupported field names into params.unsupported.
 * opts: {texOut: write the final .tex there, keepDir: keep the temporary directory}.
 */
export async function render(gold, params, outPdf, opts = {}) {
  const t0 = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdr-latex-'));
  const splits = new Map();
  const overflowRows = new Set();
  const MAX_PASSES = 16;
  try {
    const env = { ...process.env, SOURCE_DATE_EPOCH, FORCE_SOURCE_DATE: '1', TZ: 'UTC' };
    let runs = 0;
    let log = '';
    let built;
    let pos;
    for (let pass = 1; ; pass++) {
      built = buildTex(gold, params, splits, { marks: true });
      fs.writeFileSync(path.join(dir, 'main.tex'), built.tex);
      for (let k = 0; ; k++) {
        runs++;
        const r = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-file-line-error', 'main.tex'], { cwd: dir, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        log = fs.existsSync(path.join(dir, 'main.log')) ? fs.readFileSync(path.join(dir, 'main.log'), 'latin1') : r.stdout;
        if (r.status !== 0) {
          if (opts.texOut) fs.writeFileSync(opts.texOut, built.tex);
          const ls = log.split('\n');
          const at = ls.findIndex((l) => /^(!|main\.tex:\d+:)/.test(l));
          const err = at >= 0 ? ls.slice(at, at + 12).join('\n') : ls.slice(-20).join('\n');
          throw new Error(`pdflatex failed (run ${runs}):\n${err}`);
        }
        if (!/Rerun|Table widths have changed/.test(log) || k >= 3) break;
      }
      pos = readPositions(path.join(dir, 'main.pos'));
      const found = findSplits(built, pos, splits, params);
      for (const id of found.overflow) overflowRows.add(id);
      if (!found.added || pass >= MAX_PASSES) break;
    }
    const { unsupported, notes, font } = built;
    fs.mkdirSync(path.dirname(path.resolve(outPdf)), { recursive: true });
    fs.copyFileSync(path.join(dir, 'main.pdf'), outPdf);
    // the .tex handed out has no position marks (they add nothing to the PDF)
    if (opts.texOut) fs.writeFileSync(opts.texOut, buildTex(gold, params, splits, { marks: false }).tex);
    const splitRows = [...splits.keys()].map((id) => {
      const p = pos.rows.get(id) ?? [];
      const pages = [...new Set(p.map((x) => x.page))];
      return pages.length > 1 ? `${id} (p. ${pages.join('→')})` : null;
    }).filter(Boolean);
    if (params.rowsBreakAcrossPages || splitRows.length) notes.push(`rows split across pages: ${splitRows.length ? splitRows.join(', ') : 'none'}`);
    if (!params.rowsBreakAcrossPages && overflowRows.size) notes.push(`rowsBreakAcrossPages is false, but rows taller than a page were cut all the same (else their text runs off the page): ${[...overflowRows].join(', ')}`);
    const lost = finalOverflow(built, pos);
    if (lost.length) notes.push(`WARNING text below the text area (a single line taller than a page?): ${lost.join(', ')}`);
    const over = (log.match(/Overfull \\hbox \((\d+\.\d+)pt/g) ?? []).map((x) => Number(/\((\d+\.\d+)pt/.exec(x)[1])).filter((x) => x > 3);
    if (over.length) notes.push(`${over.length} overfull line(s) > 3pt (max ${Math.max(...over)}pt)`);
    if (/Overfull \\vbox/.test(log)) notes.push('overfull vbox: some row may run past the page bottom');
    const pages = Number(/Output written on main\.pdf \((\d+) page/.exec(log)?.[1] ?? 0);
    if (params.unsupported) for (const u of unsupported) if (!params.unsupported.includes(u)) params.unsupported.push(u);
    return { unsupported, notes, font, pages, runs, ms: Date.now() - t0, splitRows };
  } finally {
    if (!opts.keepDir) fs.rmSync(dir, { recursive: true, force: true });
    else console.error(`kept ${dir}`);
  }
}

// ---------------------------------------------------------------------------------------------
// CLI

function goldPath(roadmap) {
  const c = [path.join(ROOT, 'fixtures', 'gold', `${roadmap}.gold.json`), path.resolve(ROOT, '..', 'shared', 'gold', `${roadmap}.gold.json`)];
  const p = c.find((x) => fs.existsSync(x));
  if (!p) throw new Error(`no gold file for ${roadmap}`);
  return p;
}

async function main(argv) {
  const opt = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (argv.includes('--help') || argv.length === 0) {
    console.log('usage: latex.mjs --fixed | --gold FILE --seed N --out FILE.pdf [--tex FILE.tex] [--keep]');
    return 0;
  }
  await ensureInstalled();
  if (argv.includes('--fixed')) {
    fs.mkdirSync(FIXED_DIR, { recursive: true });
    for (const roadmap of ['le-havre-2024', 'calvados-2024']) {
      const gold = JSON.parse(fs.readFileSync(goldPath(roadmap), 'utf8'));
      const params = fixedParams(roadmap);
      const out = path.join(FIXED_DIR, `${roadmap}.pdf`);
      const res = await render(gold, params, out, { texOut: path.join(FIXED_DIR, `${roadmap}.tex`) });
      console.log(`${path.relative(ROOT, out)}: ${res.pages} pages, ${res.runs} runs, ${res.ms} ms; ${res.notes.join('; ')}${res.unsupported.length ? `; unsupported: ${res.unsupported.join(', ')}` : ''}`);
    }
    return 0;
  }
  const goldFile = opt('--gold');
  const seed = Number(opt('--seed'));
  const out = opt('--out');
  if (!goldFile || !Number.isInteger(seed) || !out) {
    console.error('usage: latex.mjs --gold FILE --seed N --out FILE.pdf [--tex FILE.tex]');
    return 2;
  }
  const gold = JSON.parse(fs.readFileSync(goldFile, 'utf8'));
  const params = variantParams(seed);
  const res = await render(gold, params, out, { texOut: opt('--tex'), keepDir: argv.includes('--keep') });
  console.log(JSON.stringify({ out, seed, roadmap: params.roadmap, gold: path.basename(goldFile), pages: res.pages, runs: res.runs, ms: res.ms, font: res.font, unsupported: res.unsupported, notes: res.notes }));
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (e) => {
    console.error(e.message ?? e);
    process.exit(1);
  });
}
