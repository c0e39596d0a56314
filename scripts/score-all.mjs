#!/usr/bin/env node
// Measures accuracy: runs the built CLI on every fixture that has a gold file and scores it with score.mjs.
// Usage: npm run score            (prints a markdown table; the README's accuracy table comes from it)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fx = (p) => join(root, 'fixtures', p);
const scorer = existsSync(join(root, '../shared/tools/score.mjs')) ? join(root, '../shared/tools/score.mjs') : join(root, 'scripts/score.mjs');

/** [input, gold, what it is] */
const CASES = [
  ['le-havre-2024.territorial.pdf', 'le-havre-2024.territorial.expected.json', 'PDF, territorial layout (no rules, bands drawn after the table)'],
  ['le-havre-2024.departmental.pdf', 'le-havre-2024.departmental.expected.json', 'PDF, departmental layout (ruled cells, split rows, "(suite)")'],
  ['calvados-2024.territorial.pdf', 'calvados-2024.territorial.expected.json', 'PDF, territorial layout'],
  ['calvados-2024.departmental.pdf', 'calvados-2024.departmental.expected.json', 'PDF, departmental layout'],
  ['long-roadmap.territorial.pdf', 'long-roadmap.expected.json', 'PDF, 202 pages'],
  ['producers/libreoffice/le-havre-2024.heading.pdf', 'gold/le-havre-2024.gold.json', 'LibreOffice from .docx: heading paragraphs, grid, engine lists'],
  ['producers/libreoffice/calvados-2024.heading.pdf', 'gold/calvados-2024.gold.json', 'LibreOffice from .docx: heading paragraphs, grid, engine lists'],
  ['producers/libreoffice/le-havre-2024.merged-row.pdf', 'gold/le-havre-2024.gold.json', 'LibreOffice from .docx: chantier as merged row, justified, hyphenated'],
  ['producers/libreoffice/calvados-2024.merged-row.pdf', 'gold/calvados-2024.gold.json', 'LibreOffice from .docx: chantier as merged row, justified, hyphenated'],
  ['producers/latex/le-havre-2024.pdf', 'gold/le-havre-2024.gold.json', 'pdflatex longtable, justified, French hyphenation, ligatures'],
  ['producers/latex/calvados-2024.pdf', 'gold/calvados-2024.gold.json', 'pdflatex longtable, justified, French hyphenation, ligatures'],
  ['producers/reportlab/le-havre-2024.pdf', 'gold/le-havre-2024.gold.json', 'ReportLab: no rules, zebra, canvas band, path bullets, split rows'],
  ['producers/reportlab/calvados-2024.pdf', 'gold/calvados-2024.gold.json', 'ReportLab: no rules, zebra, canvas band, path bullets, split rows'],
  ['producers/chromium/le-havre-2024.variant.pdf', 'gold/le-havre-2024.gold.json', 'Chromium variant: Pilote(s) column, chantier row, hyphenated'],
  ['producers/chromium/calvados-2024.variant.pdf', 'gold/calvados-2024.gold.json', 'Chromium variant: Pilote(s) column, chantier row, hyphenated'],
  ['normandie-restitution-2022.pdf', 'normandie-restitution-2022.expected.json', 'PDF, two-column restitution brochure'],
  ['producers-documents/normandie-restitution-2022.word.pdf', 'gold/normandie-restitution-2022.gold.json', 'restitution, Word (.docx by python-docx, LibreOffice): key figures 2×2 table, places in 3 columns, propositions in 2 columns'],
  ['producers-documents/normandie-restitution-2022.reportlab.pdf', 'gold/normandie-restitution-2022.gold.json', 'restitution, ReportLab: one column, serif, places on one line separated by " · "'],
  ['producers-documents/normandie-restitution-2022.chromium-7.pdf', 'gold/normandie-restitution-2022.gold.json', 'restitution, Chromium template seed 7'],
  ['producers/events/note.docx.pdf', 'gold/hauts-de-france-cnr-2022.gold.json', 'workshop note, Word via LibreOffice: ruled table Territoire / Lieu / Date'],
  ['producers/events/note.reportlab.pdf', 'gold/hauts-de-france-cnr-2022.gold.json', 'workshop note, ReportLab: Date / Lieu / Territoire, numeric dates, horizontal rules'],
  ['producers/events/note.chromium.pdf', 'gold/hauts-de-france-cnr-2022.gold.json', 'workshop note, Chromium: borderless table, agenda as a table, "9 h 30"'],
  ['producers/events/release.docx.pdf', 'gold/normandie-temps-forts-2024.gold.json', 'press release, Word via LibreOffice: département merged down the rows, over a page break'],
  ['producers/events/release.reportlab.pdf', 'gold/normandie-temps-forts-2024.gold.json', 'press release, ReportLab: Ville / Département, département repeated'],
  ['producers/events/release.chromium.pdf', 'gold/normandie-temps-forts-2024.gold.json', 'press release, Chromium: merged cells cut by a page break, header repeated'],
  ['calvados-2024.txt', 'gold/calvados-2024.gold.json', 'seed 004: converter markdown'],
  ['le-havre-2024.txt', 'gold/le-havre-2024.gold.json', 'seed 003: pdftotext dump, columns interleaved'],
  ['synthetic/rouen-elbeuf-2025.txt', 'synthetic/rouen-elbeuf-2025.gold.json', 'written for the tests, laid out like 003'],
  ['normandie-restitution-2022.txt', 'gold/normandie-restitution-2022.gold.json', 'seed 001: restitution dump'],
  ['hauts-de-france-cnr-2022.txt', 'gold/hauts-de-france-cnr-2022.gold.json', 'seed 002: workshop note'],
  ['normandie-temps-forts-2024.txt', 'gold/normandie-temps-forts-2024.gold.json', 'seed 000: press release'],
  ['synthetic/restitution-bretagne-2023.txt', 'synthetic/restitution-bretagne-2023.gold.json', 'written for the tests: jumbled restitution dump'],
  ['synthetic/events-grand-est-2024.txt', 'synthetic/events-grand-est-2024.gold.json', 'written for the tests: workshop note'],
  ['synthetic/events-occitanie-2024.txt', 'synthetic/events-occitanie-2024.gold.json', 'written for the tests: press release'],
];

const out = mkdtempSync(join(tmpdir(), 'fdr-score-'));
const rows = [];
let worst = 100;
for (const [input, gold, what] of CASES) {
  if (!existsSync(fx(input)) || !existsSync(fx(gold))) continue;
  const pred = join(out, 'pred.json');
  const run = spawnSync(process.execPath, [join(root, 'bin/fdr.js'), 'extract', fx(input), '-o', pred, '--force'], { encoding: 'utf8' });
  if (run.status !== 0) {
    rows.push(`| \`${input}\` | ${what} | failed: ${run.stderr.trim()} |`);
    worst = 0;
    continue;
  }
  const scored = spawnSync(process.execPath, [scorer, fx(gold), pred], { encoding: 'utf8' });
  const score = Number(/score: ([\d.]+)\s*$/.exec(scored.stdout)?.[1] ?? 0);
  worst = Math.min(worst, score);
  rows.push(`| \`${input}\` | ${what} | ${score} |`);
}
rmSync(out, { recursive: true, force: true });
console.log('| input | what it is | score |\n|---|---|---:|');
console.log(rows.join('\n'));
console.log(`\nscorer: ${scorer}`);
process.exitCode = worst > 0 ? 0 : 1;

// Image-only (scanned) PDFs read by OCR (issue 15). The whole-document scans are made by
// scripts/make-scanned-fixtures.mjs --full when missing (not committed); `--no-ocr` skips this part.
if (!process.argv.includes('--no-ocr')) {
  const { FULL, SMALL, makeScanned } = await import('./make-scanned-fixtures.mjs');
  const OCR_CASES = [
    ['scanned/full/le-havre-2024.territorial.300dpi.pdf', 'gold/le-havre-2024.gold.json', '300 dpi scan of the territorial PDF, light noise', 97],
    ['scanned/full/calvados-2024.departmental.300dpi.pdf', 'gold/calvados-2024.gold.json', '300 dpi scan of the departmental PDF, light noise', 97],
    ['scanned/full/le-havre-2024.territorial.200dpi-noisy-skewed.pdf', 'gold/le-havre-2024.gold.json', '200 dpi, noisy, skewed −0.8° to 2.5°', 93],
    ['scanned/full/calvados-2024.departmental.200dpi-noisy-skewed.pdf', 'gold/calvados-2024.gold.json', '200 dpi, noisy, skewed −2.8° to 2.2°', 93],
    ['scanned/full/normandie-restitution-2022.300dpi.pdf', 'gold/normandie-restitution-2022.gold.json', '300 dpi scan of the restitution brochure', 95],
    ['scanned/normandie-restitution-2022.200dpi.pdf', 'gold/normandie-restitution-2022.gold.json', '200 dpi scan, turned 0.6° (committed, in the tests)', 95],
    ['scanned/calvados-2024.departmental.mixed-p7.pdf', 'gold/calvados-2024.gold.json', 'text PDF with one scanned page (committed, in the tests)', 97],
  ];
  const missing = [...FULL, ...SMALL].filter((f) => OCR_CASES.some(([input]) => input.endsWith(`/${f.name}`) && !existsSync(fx(input))));
  if (missing.length) makeScanned({ full: true, only: missing.map((f) => f.name) });
  const dir = mkdtempSync(join(tmpdir(), 'fdr-score-ocr-'));
  const inputs = OCR_CASES.map(([input]) => fx(input));
  const started = performance.now();
  // --verbose: the pages read by OCR and their time are in the log.
  const run = spawnSync(process.execPath, [join(root, 'bin/fdr.js'), '--verbose', 'extract', ...inputs, '-o', dir, '--force', '--jobs', '2', '--timeout', '0'], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  const ocrPages = (run.stderr.match(/: OCR at \d+ dpi/g) ?? []).length;
  const names = spawnSync(process.execPath, ['-e', `import('${join(root, 'dist/batch/output-names.js')}').then((m) => console.log(JSON.stringify(m.outputNames(${JSON.stringify(inputs)}, 'json'))))`], { encoding: 'utf8' });
  const outputs = JSON.parse(names.stdout);
  const lines = [];
  OCR_CASES.forEach(([input, gold, what, target], i) => {
    const pred = join(dir, outputs[i]);
    if (!existsSync(pred)) {
      lines.push(`| \`${input}\` | ${what} | failed | ≥ ${target} |`);
      process.exitCode = 1;
      return;
    }
    const scored = spawnSync(process.execPath, [scorer, fx(gold), pred], { encoding: 'utf8' });
    const score = Number(/score: ([\d.]+)\s*$/.exec(scored.stdout)?.[1] ?? 0);
    const conf = JSON.parse(readFileSync(pred, 'utf8')).source?.ocr?.confidence;
    lines.push(`| \`${input}\` | ${what} | ${conf ?? ''} | ${score} | ≥ ${target} ${score >= target ? 'met' : '**not met**'} |`);
  });
  rmSync(dir, { recursive: true, force: true });
  console.log(`\nOCR (image-only pages; ${ocrPages} pages OCR'd in ${seconds.toFixed(0)} s with --jobs 2: ${((ocrPages / seconds) * 60).toFixed(1)} pages/min, extraction included):\n`);
  console.log('| input | what it is | OCR confidence | score | target |\n|---|---|---:|---:|---|');
  console.log(lines.join('\n'));
}

// The table layer on the ICDAR 2013 set (skipped when ../shared/icdar is absent): `fdr tables`, micro/macro F1, time.
const icdar = spawnSync(process.execPath, [join(root, 'scripts/score-icdar.mjs')], { encoding: 'utf8' });
console.log(`\n${icdar.stdout.trim()}`);
if (icdar.status !== 0) process.exitCode = 1;

// Seeded template variants per producer (issue 12): renders are cached, so a rerun only re-extracts.
// `npm run score -- --no-variants` skips them; `--seeds N` changes how many.
if (!process.argv.includes('--no-variants')) {
  // Restitution / events documents under seeded layouts (issue 17; rows in scripts/score-documents.mjs).
  const i = process.argv.indexOf('--document-seeds');
  const docSeeds = i >= 0 ? process.argv[i + 1] : '30';
  console.log(`\nseeded document layouts (${docSeeds} per row for Chromium, fewer for slower producers; scripts/score-documents.mjs):\n`);
  const d = spawnSync(process.execPath, [join(root, 'scripts/score-documents.mjs'), '--seeds', docSeeds], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (d.status !== 0) process.exitCode = 1;
}
if (!process.argv.includes('--no-variants')) {
  const i = process.argv.indexOf('--seeds');
  const seeds = i >= 0 ? process.argv[i + 1] : '50';
  console.log(`\nseeded variants (${seeds} per producer; scripts/score-variants.mjs):\n`);
  const v = spawnSync(process.execPath, [join(root, 'scripts/score-variants.mjs'), '--seeds', seeds], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (v.status !== 0) process.exitCode = 1;
  // The events documents (issue 17): workshop note and press release, seeded layouts per producer.
  const j = process.argv.indexOf('--event-seeds');
  const eventSeeds = j >= 0 ? process.argv[j + 1] : '30';
  console.log(`\nseeded events layouts (${eventSeeds} per producer and document; scripts/score-events-variants.mjs):\n`);
  const e = spawnSync(process.execPath, [join(root, 'scripts/score-events-variants.mjs'), '--seeds', eventSeeds], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (e.status !== 0) process.exitCode = 1;
}
