#!/usr/bin/env node
// Explains the MISSING lines of scripts/producers/verify.mjs for a ReportLab rendering.
//   node scripts/producers/reportlab/check.mjs FILE.pdf GOLD.json LAYOUT.json
// verify.mjs finds a string cut by a page break only when both its first and last 40 letters sit on one
// side of the break; a row split by splitInRow often leaves just a word or two on the next page, and
// then the string is reported MISSING. For each MISSING cell string, this script takes the row's pages
// from the layout JSON written by reportlab.mjs (rows[].part head/middle/tail) and checks that the string
// is there in pieces: a prefix at the end of one page's text and the rest on the following page(s).
// Exit 1 when a MISSING string is not explained that way (a rendering bug).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const [pdf, goldPath, layoutPath] = process.argv.slice(2);
if (!pdf || !goldPath || !layoutPath) {
  console.error('usage: check.mjs FILE.pdf GOLD.json LAYOUT.json');
  process.exit(2);
}
const gold = JSON.parse(readFileSync(goldPath, 'utf8'));
const layout = JSON.parse(readFileSync(layoutPath, 'utf8'));
const squash = (s) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const pageText = (n) => squash(spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' }).stdout);

const v = spawnSync(process.execPath, [path.join(HERE, '..', 'verify.mjs'), pdf, goldPath], { encoding: 'utf8' });
const missing = v.stdout.split('\n').filter((l) => l.startsWith('MISSING'));
const rowPages = new Map(); // row id -> pages holding a part of it
for (const p of layout.pages) for (const r of p.rows || []) rowPages.set(r.id, [...(rowPages.get(r.id) || []), p.page]);

let unexplained = 0;
for (const line of missing) {
  const m = /^MISSING\s+axes\[(\d+)\]\.chantiers\[(\d+)\]\.actions\[(\d+)\]\.(\w+):/.exec(line);
  if (!m) {
    unexplained++;
    console.log(`BUG      ${line.slice(9)}`);
    continue;
  }
  const [ai, ci, k, field] = [Number(m[1]), Number(m[2]), Number(m[3]), m[4]];
  const id = `${gold.axes[ai].number}.${ci}.${k}`;
  const pages = rowPages.get(id) || [];
  let rest = squash(gold.axes[ai].chantiers[ci].actions[k][field]);
  const cuts = [];
  for (const pg of pages) {
    if (!rest) break;
    const t = pageText(pg);
    if (t.includes(rest)) { rest = ''; cuts.push(pg); break; }
    let n = rest.length - 1; // longest prefix of what is left found on this page
    while (n > 0 && !t.includes(rest.slice(0, n))) n--;
    if (n > 0) { cuts.push(pg); rest = rest.slice(n); }
  }
  if (!rest && pages.length > 1) console.log(`split    ${id} ${field} over pages ${cuts.join(',')} (row split by splitInRow)`);
  else {
    unexplained++;
    console.log(`BUG      ${id} ${field}: not found even in pieces on pages ${pages.join(',') || '?'}`);
  }
}
console.log(`${missing.length} MISSING from verify.mjs, ${missing.length - unexplained} explained by split rows, ${unexplained} unexplained`);
process.exit(unexplained ? 1 : 0);
