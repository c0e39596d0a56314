import { DIFF_FORMATS, type DiffFormat } from '../diff/render.js';
import { FdrError } from '../errors/index.js';
import { writeFileAtomic } from '../export/write.js';
import { BINARY_FORMATS, isBinaryFormat, refuseBinaryOnTerminal, writeBinaryOutput } from './binary-output.js';
import { reportError } from './index.js';
import { ocrFlag } from './inputs.js';
import { withPageReader } from './page-reading.js';

export interface DiffCliOptions {
  format: string;
  output?: string;
  force?: boolean;
  ocr?: string;
}

/**
 * `fdr diff OLD NEW`. Exit codes follow diff(1): 0 the editions are the same (whitespace and typography
 * aside), 1 they differ, 2 trouble (any error, printed as one line on stderr).
 */
export async function run(oldPath: string, newPath: string, options: DiffCliOptions): Promise<number> {
  try {
    const workbook = isBinaryFormat(options.format) ? options.format : undefined;
    const html = options.format === 'html';
    if (!DIFF_FORMATS.includes(options.format as DiffFormat) && !workbook && !html)
      throw new FdrError('USAGE', `unknown --format "${options.format}"`, { hint: `use one of ${[...DIFF_FORMATS, ...BINARY_FORMATS, 'html'].join(', ')}` });
    if (workbook) refuseBinaryOnTerminal(workbook, options.output);
    const format = options.format as DiffFormat;
    const ocr = ocrFlag(options.ocr);
    const [before, after] = await withPageReader([oldPath, newPath], { ocr }, async (readPages) => {
      // Imported once the page reader is loading pdf.js, so that both load at the same time.
      const { loadRoadmap } = await import('../diff/load-roadmap.js');
      return Promise.all([loadRoadmap(oldPath, { readPages, ocr }), loadRoadmap(newPath, { readPages, ocr })]);
    });
    const { diffRoadmaps, renderDiff } = await import('../diff/index.js');
    const { reportColors } = await import('../diff/format.js');
    const diff = diffRoadmaps(
      { roadmap: before.roadmap, file: oldPath, info: before.info },
      { roadmap: after.roadmap, file: newPath, info: after.info },
    );
    if (workbook) {
      const xlsx = await import('../export/xlsx/index.js');
      await writeBinaryOutput(await xlsx.workbookBytes(xlsx.diffWorkbook(diff)), { output: options.output, force: options.force, inputs: [oldPath, newPath] });
      return diff.hasChanges ? 1 : 0;
    }
    // The HTML report's code loads only when a report is asked for.
    const text = html
      ? (await import('../export/html/index.js')).diffReport(diff)
      : renderDiff(diff, format, reportColors({ toFile: Boolean(options.output) }));
    if (options.output) await writeFileAtomic(options.output, text, { force: options.force, inputs: [oldPath, newPath] });
    else process.stdout.write(text);
    return diff.hasChanges ? 1 : 0;
  } catch (e) {
    reportError(e);
    return 2;
  }
}
