#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/cli (built by `npm run build`).
import('../dist/cli/start.js').then((cli) => cli.start(process.argv)).catch((e) => {
  process.stderr.write(`fdr: cannot start (${e && e.message ? e.message : e}); run \`npm run build\` first [INTERNAL]\n`);
  process.exit(70);
});
