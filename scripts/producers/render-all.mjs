#!/usr/bin/env node
// Renders the committed producer fixtures (fixtures/producers/<producer>/) from the gold roadmaps: each
// producer installs what it needs (Debian packages) and renders its fixed layouts of both roadmaps.
//   node scripts/producers/render-all.mjs [chromium libreoffice latex reportlab]      (part of `npm run fixtures`)
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const producers = process.argv.slice(2).length ? process.argv.slice(2) : ['chromium', 'libreoffice', 'latex', 'reportlab'];
let failed = 0;
for (const p of producers) {
  console.log(`== ${p}`);
  const r = spawnSync(process.execPath, [join(here, `${p}.mjs`), '--fixed'], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
