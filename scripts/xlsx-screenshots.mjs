#!/usr/bin/env node
// The README's pictures of the Excel workbooks: `fdr extract`, `fdr compare` (the seven CTS) and `fdr diff`
// written with -f xlsx by the built CLI, printed to PDF by LibreOffice headless (each sheet as Excel would print
// it: A4 landscape, fit to width, header row repeated), and the top of the first sheet cut out as a PNG by
// pdftoppm. Installs libreoffice-calc-nogui, poppler-utils and the Carlito font (Calibri's metrics) if missing.
//
//   npm run build && node scripts/xlsx-screenshots.mjs      → docs/screenshots/xlsx-{extract,compare,diff}.png

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages } from './ensure-debian.mjs';
import { sevenTerritoryFiles } from './make-territories.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'docs', 'screenshots');
const work = mkdtempSync(join(tmpdir(), 'fdr-xlsx-shots-'));

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', ...options });
  // fdr diff exits 1 when the editions differ: that is its success.
  if (r.status !== 0 && !(options.okStatus ?? []).includes(r.status)) {
    console.error(`${command} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    process.exit(1);
  }
  return r;
}

const packages = ensureDebianPackages(['libreoffice-calc-nogui', 'poppler-utils', 'fonts-crosextra-carlito'], { log: console.log });
if (!packages.ok) {
  console.error(`cannot make the screenshots: ${packages.reason}`);
  process.exit(1);
}

const fdr = (args, okStatus) => run(process.execPath, [join(ROOT, 'bin/fdr.js'), ...args], { okStatus });
const workbooks = {
  extract: join(work, 'extract.xlsx'),
  compare: join(work, 'compare.xlsx'),
  diff: join(work, 'diff.xlsx'),
};
fdr(['extract', 'fixtures/le-havre-2024.territorial.pdf', '-f', 'xlsx', '-o', workbooks.extract]);
fdr(['compare', ...sevenTerritoryFiles(), '-f', 'xlsx', '-o', workbooks.compare]);
fdr(['diff', 'fixtures/le-havre-2024.territorial.pdf', 'fixtures/editions/le-havre-2025.territorial.pdf', '-f', 'xlsx', '-o', workbooks.diff], [1]);

/**
 * What to cut from the first printed page: the sheet's top left, from inside the page margins (`x`, `y` in
 * points), `width` × `height` pixels at `dpi`. Wide sheets are printed small to fit the page: a higher
 * resolution keeps their text legible, and the cut shows their first columns.
 */
const VIEWS = {
  extract: { dpi: 300, x: 44, y: 50, width: 1800, height: 760 },
  compare: { dpi: 150, x: 40, y: 46, width: 1560, height: 590 },
  diff: { dpi: 250, x: 44, y: 50, width: 2400, height: 640 },
};

mkdirSync(OUT, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'fdr-lo-profile-'));
for (const [name, xlsx] of Object.entries(workbooks)) {
  run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, xlsx]);
  const view = VIEWS[name];
  const stem = join(work, `${name}-shot`);
  const px = (points) => String(Math.round((points * view.dpi) / 72));
  run('pdftoppm', ['-png', '-singlefile', '-f', '1', '-l', '1', '-r', String(view.dpi), '-x', px(view.x), '-y', px(view.y), '-W', String(view.width), '-H', String(view.height), xlsx.replace(/\.xlsx$/, '.pdf'), stem]);
  renameSync(`${stem}.png`, join(OUT, `xlsx-${name}.png`));
  console.log(`docs/screenshots/xlsx-${name}.png`);
}
