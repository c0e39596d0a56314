// Chromium renderer of document blocks: HTML printed to PDF by Debian's chromium (playwright-core), with a
// seeded look (font, heading sizes/colours/weights, CSS columns, list markers as text or as CSS bullets,
// key figures as a CSS grid). Every job runs in one browser session (renderManyBlocks).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { prng } from './blocks.mjs';
import { CHROMIUM, CHROMIUM_ARGS, ensureChromium, fixPdfDates } from './install.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const ensureInstalled = ensureChromium;

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const lines = (s) => s.split('\n').map(esc).join('<br>');

const FONTS = ['"Liberation Sans", sans-serif', '"Liberation Serif", serif', '"DejaVu Sans", sans-serif', '"DejaVu Sans Condensed", sans-serif'];
const COLOURS = ['#00427a', '#1d1d1b', '#8a1538', '#0b6e4f', '#5b2c83'];

/** The look of one seed: independent of the document's layout parameters. */
export function lookOf(seed) {
  const r = prng((seed * 40503 + 101) >>> 0);
  const body = r.pick([8.5, 9, 9.5, 10, 10.5, 11]);
  return {
    font: r.pick(FONTS),
    body,
    h1: body * r.pick([1.35, 1.5, 1.7, 2]),
    h2: body * r.pick([1.1, 1.2, 1.3]),
    h3: body * r.pick([1.05, 1.15, 1.25]),
    headingWeight: r.pick(['bold', 'bold', 'normal']),
    headingColour: r.pick(COLOURS),
    lineHeight: r.pick([1.15, 1.25, 1.35, 1.5]),
    cssBullets: r.chance(0.5), // engine lists: CSS list-style markers instead of typed text
    justify: r.chance(0.4),
    margin: r.pick([12, 15, 18, 22]),
  };
}

function html(blocks, look) {
  const listHtml = (b) => {
    if (b.marker === 'engine' && look.cssBullets) return `<ul class="css">${b.items.map((i) => `<li>${lines(i)}</li>`).join('')}</ul>`;
    if (b.marker === '1.' && look.cssBullets) return `<ol class="css">${b.items.map((i) => `<li>${lines(i)}</li>`).join('')}</ol>`;
    const m = (k) => (b.marker === '1.' ? `${k + 1}.` : b.marker === 'engine' ? '•' : b.marker);
    return `<ul class="typed">${b.items.map((i, k) => `<li><span class="m">${esc(m(k))}</span>${lines(i)}</li>`).join('')}</ul>`;
  };
  const render = (bs) =>
    bs.map((b) => {
      switch (b.t) {
        case 'cover':
          return `<section class="cover">${b.lines.map((l) => `<div class="c-${l.size}${l.bold ? ' b' : ''}">${esc(l.text)}</div>`).join('')}</section>`;
        case 'h':
          return `<h${b.level}>${esc(b.text)}</h${b.level}>`;
        case 'kicker':
          return `<div class="kicker">${esc(b.text)}</div>`;
        case 'p':
          return `<p class="${b.boxed ? 'boxed' : ''}${b.bold ? ' b' : ''}">${lines(b.text)}</p>`;
        case 'list':
          return listHtml(b);
        case 'columns':
          return b.n <= 1 ? render(b.blocks) : `<div class="cols" style="column-count:${b.n}">${render(b.blocks)}</div>`;
        case 'grid':
          return `<div class="grid" style="grid-template-columns:repeat(${b.n},1fr)">${b.cells
            .map((c) => `<div class="cell">${c.value ? `<div class="big">${esc(c.value)}</div>` : ''}<div>${lines(c.caption)}</div></div>`)
            .join('')}</div>`;
        case 'table':
          return `<table class="ruled"><thead><tr>${b.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
            .map((row) => `<tr>${row.map((v) => (v === null ? '' : typeof v === 'object' ? `<td rowspan="${v.rowSpan ?? 1}">${lines(v.text)}</td>` : `<td>${lines(v)}</td>`)).join('')}</tr>`)
            .join('')}</tbody></table>`;
        case 'break':
          return '<div class="break"></div>';
        default:
          throw new Error(`unknown block ${b.t}`);
      }
    }).join('\n');
  const L = look;
  const css = `
@page { size: A4; margin: ${L.margin}mm; }
body { font-family: ${L.font}; font-size: ${L.body}pt; line-height: ${L.lineHeight}; color: #1d1d1b; margin: 0;
  text-align: ${L.justify ? 'justify' : 'left'}; hyphens: none; font-variant-ligatures: none; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
h1, h2, h3 { color: ${L.headingColour}; font-weight: ${L.headingWeight}; line-height: 1.2; break-after: avoid; text-align: left; }
h1 { font-size: ${L.h1}pt; margin: 0 0 ${L.body}pt 0; }
h2 { font-size: ${L.h2}pt; margin: ${L.body}pt 0 ${L.body * 0.5}pt 0; }
h3 { font-size: ${L.h3}pt; margin: ${L.body}pt 0 ${L.body * 0.4}pt 0; }
p { margin: 0 0 ${L.body * 0.6}pt 0; }
p.b { font-weight: bold; }
p.boxed { background: #f7b500; padding: 2mm 3mm; }
.kicker { font-size: ${L.body * 0.8}pt; letter-spacing: 1px; color: #555; margin-top: ${L.body}pt; }
.cols { column-gap: 8mm; margin-bottom: ${L.body}pt; }
ul, ol { margin: 0 0 ${L.body * 0.6}pt 0; }
ul.typed { list-style: none; padding: 0; }
ul.typed > li { padding-left: 1.2em; text-indent: -1.2em; margin-bottom: ${L.body * 0.3}pt; break-inside: avoid; }
ul.typed .m { display: inline-block; width: 1.2em; text-indent: 0; }
ul.css, ol.css { padding-left: 1.4em; }
ul.css > li, ol.css > li { margin-bottom: ${L.body * 0.3}pt; break-inside: avoid; }
.grid { display: grid; gap: 3mm 6mm; margin: 0 0 ${L.body}pt 0; break-inside: avoid; }
.grid .big { font-size: ${L.body * 2.2}pt; font-weight: bold; color: ${L.headingColour}; line-height: 1.1; }
table.ruled { border-collapse: collapse; width: 100%; margin-bottom: ${L.body}pt; }
table.ruled th, table.ruled td { border: 0.6pt solid #333; padding: 1mm 2mm; vertical-align: top; text-align: left; }
.cover { height: 240mm; break-after: page; padding-top: 50mm; }
.cover .c-xl { font-size: 36pt; } .cover .c-l { font-size: 22pt; } .cover .c-m { font-size: 14pt; } .cover .c-s { font-size: 11pt; }
.cover .b { font-weight: bold; }
.break { break-after: page; }`;
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>document</title><style>${css}</style></head><body>${render(blocks)}</body></html>`;
}

/** jobs: [{blocks, outPdf, params}] — the look comes from params.seed. */
export async function renderManyBlocks(jobs) {
  await ensureChromium();
  const require = createRequire(path.join(ROOT, 'package.json'));
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext()).newPage();
    for (const job of jobs) {
      await page.setContent(html(job.blocks, lookOf(job.params?.seed ?? 0)), { waitUntil: 'load', timeout: 0 });
      await page.evaluate(() => document.fonts.ready);
      const buf = fixPdfDates(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      fs.mkdirSync(path.dirname(path.resolve(job.outPdf)), { recursive: true });
      fs.writeFileSync(job.outPdf, buf);
    }
  } finally {
    await browser.close();
  }
}

export const renderBlocks = (blocks, outPdf, opts = {}) => renderManyBlocks([{ blocks, outPdf, params: opts.params }]);
