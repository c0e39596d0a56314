import { COMPARE_FORMATS, type CompareFormat } from '../compare/render.js';
import { FdrError } from '../errors/index.js';
import { writeFileAtomic } from '../export/write.js';
import { withPageReader } from './page-reading.js';
import { BINARY_FORMATS, isBinaryFormat, refuseBinaryOnTerminal, writeBinaryOutput } from './binary-output.js';

export interface CompareCliOptions {
  format: string;
  output?: string;
  force?: boolean;
}

/** `fdr compare FILE...`: one table per axis × territory, and the chantier presence matrix of each axis. */
export async function run(inputs: string[], options: CompareCliOptions): Promise<number> {
  const workbook = isBinaryFormat(options.format) ? options.format : undefined;
  const html = options.format === 'html';
  if (!COMPARE_FORMATS.includes(options.format as CompareFormat) && !workbook && !html)
    throw new FdrError('USAGE', `unknown --format "${options.format}"`, { hint: `use one of ${[...COMPARE_FORMATS, ...BINARY_FORMATS, 'html'].join(', ')}` });
  if (workbook) refuseBinaryOnTerminal(workbook, options.output);
  const format = options.format as CompareFormat;
  const loaded = await withPageReader(inputs, {}, async (readPages) => {
    // Imported once the page reader is loading pdf.js, so that both load at the same time.
    const { loadRoadmap } = await import('../diff/load-roadmap.js');
    const out = [];
    for (const input of inputs) out.push(await loadRoadmap(input, { readPages }));
    return out;
  });
  const { compareRoadmaps, renderCompare } = await import('../compare/index.js');
  const { reportColors } = await import('../diff/format.js');
  const comparison = compareRoadmaps(loaded.map((l) => ({ roadmap: l.roadmap, file: l.path, info: l.info })));
  if (workbook) {
    const xlsx = await import('../export/xlsx/index.js');
    await writeBinaryOutput(await xlsx.workbookBytes(xlsx.compareWorkbook(comparison)), { output: options.output, force: options.force, inputs });
    return 0;
  }
  // The HTML report's code loads only when a report is asked for.
  const text = html
    ? (await import('../export/html/index.js')).compareReport(comparison)
    : renderCompare(comparison, format, reportColors({ toFile: Boolean(options.output) }));
  if (options.output) await writeFileAtomic(options.output, text, { force: options.force, inputs });
  else process.stdout.write(text);
  return 0;
}
