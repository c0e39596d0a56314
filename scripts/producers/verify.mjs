#!/usr/bin/env node
// Checks that a rendered roadmap PDF holds every gold string (a producer's self-check, independent of fdr's
// reader): pdftotext's raw text and each gold string are reduced to letters and digits, and each string must
// be found. Strings cut by a page break (a running header or footer in between) are listed, not failed, when
// both halves are found.
//   node scripts/producers/verify.mjs FILE.pdf GOLD.json
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [pdf, goldPath] = process.argv.slice(2);
if (!pdf || !goldPath) {
  console.error('usage: verify.mjs FILE.pdf GOLD.json');
  process.exit(2);
}
const run = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
if (run.status !== 0) {
  console.error(run.stderr);
  process.exit(2);
}
const squash = (s) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const text = squash(run.stdout);
const gold = JSON.parse(readFileSync(goldPath, 'utf8'));
const strings = [];
const add = (where, s) => s && strings.push([where, s]);
add('title', gold.title);
add('period', gold.period);
gold.prsAxes?.forEach((a, i) => add(`prsAxes[${i}]`, a));
gold.signatories?.forEach((s, i) => (add(`signatories[${i}].name`, s.name), add(`signatories[${i}].role`, s.role)));
gold.axes.forEach((a, ai) => {
  add(`axes[${ai}].title`, a.title);
  a.chantiers.forEach((c, ci) => {
    add(`axes[${ai}].chantiers[${ci}].title`, c.title);
    c.actions.forEach((x, k) => {
      for (const f of ['action', 'financement', 'indicateur', 'commentaire']) add(`axes[${ai}].chantiers[${ci}].actions[${k}].${f}`, x[f]);
    });
  });
});
gold.transversalPriorities?.forEach((t, i) => (add(`transversal[${i}].title`, t.title), add(`transversal[${i}].text`, t.text)));
let missing = 0;
let split = 0;
for (const [where, s] of strings) {
  const q = squash(s);
  if (!q || text.includes(q)) continue;
  const half = Math.floor(q.length / 2);
  if (text.includes(q.slice(0, Math.min(half, 40))) && text.includes(q.slice(-Math.min(half, 40)))) {
    split++;
    console.log(`split?   ${where}: ${s.slice(0, 70)}`);
  } else {
    missing++;
    console.log(`MISSING  ${where}: ${s.slice(0, 70)}`);
  }
}
console.log(`${strings.length} strings, ${missing} missing, ${split} found in pieces`);
process.exit(missing ? 1 : 0);
