#!/usr/bin/env node
// Writes schemas/<kind>.schema.json from the Zod schemas (via the built dist/check/schemas.js).
// Usage: npm run build && node scripts/gen-schemas.mjs [--check]
//   --check: write nothing; exit 1 and name the stale files when a committed schema differs from the generated one.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist/check/schemas.js');
if (!existsSync(built)) {
  console.error(`gen-schemas: ${built} not found: run \`npm run build\` first`);
  process.exit(2);
}
const { SCHEMA_KINDS, schemaFileName, schemaFileText } = await import(built);

const checkOnly = process.argv.includes('--check');
const outDir = join(root, 'schemas');
mkdirSync(outDir, { recursive: true });
const stale = [];
for (const kind of SCHEMA_KINDS) {
  const file = join(outDir, schemaFileName(kind));
  const text = schemaFileText(kind);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (current === text) continue;
  if (checkOnly) stale.push(file);
  else {
    writeFileSync(file, text);
    console.log(`gen-schemas: wrote ${file}`);
  }
}
if (stale.length) {
  console.error(`gen-schemas: stale (run npm run schemas): ${stale.join(', ')}`);
  process.exit(1);
}
