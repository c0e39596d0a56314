import { DIFF_FORMATS, type DiffFormat, diffRoadmaps, loadRoadmap, renderDiff } from '../diff/index.js';
import { reportColors } from '../diff/format.js';
import { FdrError } from '../errors/index.js';
import { writeFileAtomic } from '../export/write.js';
import { reportError } from './index.js';

export interface DiffCliOptions {
  format: string;
  output?: string;
  force?: boolean;
}

/**
 * `fdr diff OLD NEW`. Exit codes follow diff(1): 0 the editions are the same (whitespace and typography
 * aside), 1 they differ, 2 trouble (any error, printed as one line on stderr).
 */
export async function run(oldPath: string, newPath: string, options: DiffCliOptions): Promise<number> {
  try {
    if (!DIFF_FORMATS.includes(options.format as DiffFormat))
      throw new FdrError('USAGE', `unknown --format "${options.format}"`, { hint: `use one of ${DIFF_FORMATS.join(', ')}` });
    const format = options.format as DiffFormat;
    const [before, after] = await Promise.all([loadRoadmap(oldPath), loadRoadmap(newPath)]);
    const diff = diffRoadmaps(
      { roadmap: before.roadmap, file: oldPath, info: before.info },
      { roadmap: after.roadmap, file: newPath, info: after.info },
    );
    const text = renderDiff(diff, format, reportColors({ toFile: Boolean(options.output) }));
    if (options.output) await writeFileAtomic(options.output, text, { force: options.force, inputs: [oldPath, newPath] });
    else process.stdout.write(text);
    return diff.hasChanges ? 1 : 0;
  } catch (e) {
    reportError(e);
    return 2;
  }
}
