// exceljs costs a noticeable start-up: it is loaded only when a workbook is written (npm test builds dist/ first).
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

it('is not loaded by the CLI, nor by importing the workbook module, only by writing a workbook', () => {
  const script = `
    import { createRequire } from 'node:module';
    const Module = createRequire(import.meta.url)('node:module');
    const loaded = () => Object.keys(Module._cache).some((k) => k.includes('/node_modules/exceljs/'));
    const cli = await import('./dist/cli/index.js');
    cli.buildProgram();
    const a = loaded();
    const xlsx = await import('./dist/export/xlsx/index.js');
    const b = loaded();
    await xlsx.workbookBytes({ title: 't', sheets: [] });
    console.log(JSON.stringify([a, b, loaded()]));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout)).toEqual([false, false, true]);
});
