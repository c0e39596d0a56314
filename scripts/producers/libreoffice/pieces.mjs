#!/usr/bin/env node
// Diagnostic beside scripts/producers/verify.mjs: for every gold string that verify.mjs cannot find whole,
// says whether it is printed in consecutive pieces on consecutive pages (a table row broken across a page
// break, the rest of the cell at the top of the next page) and where the page breaks fall.
//   node scripts/producers/libreoffice/pieces.mjs FILE.pdf GOLD.json
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [pdf, goldPath] = process.argv.slice(2);
if (!pdf || !goldPath) {
  console.error('usage: pieces.mjs FILE.pdf GOLD.json');
  process.exit(2);
}
const run = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
if (run.status !== 0) {
  console.error(run.stderr);
  process.exit(2);
}
const squash = (s) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const pages = run.stdout.split('\f').map(squash);
const whole = pages.join('');
const gold = JSON.parse(readFileSync(goldPath, 'utf8'));
const strings = [];
const add = (where, s) => s && strings.push([where, s]);
add('title', gold.title);
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

// longest prefix of q found in text (includes() is monotonic in the prefix length)
function longestPrefix(text, q) {
  let lo = 0;
  let hi = q.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (text.includes(q.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
// q printed as pieces on pages p, p+1, ...: returns the page numbers (1-based) of the pieces, or null
function piecesFrom(p, q) {
  const out = [];
  let rest = q;
  for (let i = p; i < pages.length && rest; i++) {
    const n = longestPrefix(pages[i], rest);
    if (n < Math.min(4, rest.length)) return null; // a piece is at least a short word
    out.push(i + 1);
    rest = rest.slice(n);
  }
  return rest ? null : out;
}

let whole_ = 0;
let pieced = 0;
let missing = 0;
for (const [where, s] of strings) {
  const q = squash(s);
  if (!q || whole.includes(q)) {
    whole_++;
    continue;
  }
  let found = null; // the chain with the fewest pieces
  for (let p = 0; p < pages.length; p++) {
    const f = piecesFrom(p, q);
    if (f && (!found || f.length < found.length)) found = f;
  }
  if (found) {
    pieced++;
    console.log(`pieces on pages ${found.join('→')}  ${where}: ${s.slice(0, 60).replace(/\n/g, ' / ')}`);
  } else {
    missing++;
    console.log(`MISSING  ${where}: ${s.slice(0, 70).replace(/\n/g, ' / ')}`);
  }
}
console.log(`${strings.length} strings: ${whole_} whole, ${pieced} in pieces on consecutive pages, ${missing} missing`);
process.exit(missing ? 1 : 0);
