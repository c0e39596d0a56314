#!/usr/bin/env node
// Screenshots of each HTML report kind for the README (docs/screenshots/report-<kind>.png): the reports are made
// by the built CLI from the fixtures, opened in Debian's chromium (scripts/browser.mjs, installed when missing),
// and a part of each page is captured at a desktop width.
//
//   npm run screenshots          (builds first)

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureChromium, openBrowser } from './browser.mjs';
import { sevenTerritoryFiles } from './make-territories.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'docs/screenshots');
const F = (p) => join(ROOT, 'fixtures', p);
const WIDTH = 1100;
const HEIGHT = 1150;

/** kind → the CLI arguments of its report, and the element the capture starts at. */
const SHOTS = [
  { kind: 'roadmap', args: ['extract', F('le-havre-2024.territorial.pdf'), '--thumbnails'], from: 'body' },
  { kind: 'roadmap-actions', args: ['extract', F('le-havre-2024.territorial.pdf'), '--thumbnails'], from: '#actions' },
  { kind: 'restitution', args: ['extract', F('normandie-restitution-2022.pdf')], from: 'body' },
  { kind: 'events', args: ['extract', F('hauts-de-france-cnr-2022.txt')], from: 'body' },
  { kind: 'compare', args: ['compare', ...sevenTerritoryFiles()], from: '#financement' },
  { kind: 'diff', args: ['diff', F('gold/le-havre-2024.gold.json'), F('editions/le-havre-2025.gold.json')], from: '#financement' },
];

const why = ensureChromium();
if (why) {
  console.error(`report-screenshots: ${why}`);
  process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), 'fdr-screenshots-'));
mkdirSync(OUT, { recursive: true });
const browser = await openBrowser();
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  for (const shot of SHOTS) {
    const html = join(work, `${shot.kind}.html`);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/fdr.js'), ...shot.args, '-f', 'html', '-o', html], { encoding: 'utf8' });
    if (r.status !== 0 && !(shot.kind === 'diff' && r.status === 1)) throw new Error(`fdr ${shot.args[0]} failed: ${r.stderr}`);
    await page.goto(pathToFileURL(html).href);
    const top = await page.evaluate((sel) => document.querySelector(sel).getBoundingClientRect().top + window.scrollY, shot.from);
    const file = join(OUT, `report-${shot.kind}.png`);
    await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: Math.max(0, top - 8), width: WIDTH, height: HEIGHT } });
    console.log(`wrote ${file}`);
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
