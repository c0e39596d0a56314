import { COMPARE_FORMATS, type CompareFormat, compareRoadmaps, renderCompare } from '../compare/index.js';
import { reportColors } from '../diff/format.js';
import { loadRoadmap } from '../diff/load-roadmap.js';
import { FdrError } from '../errors/index.js';
import { writeFileAtomic } from '../export/write.js';

export interface CompareCliOptions {
  format: string;
  output?: string;
  force?: boolean;
}

/** `fdr compare FILE...`: one table per axis × territory, and the chantier presence matrix of each axis. */
export async function run(inputs: string[], options: CompareCliOptions): Promise<number> {
  if (!COMPARE_FORMATS.includes(options.format as CompareFormat))
    throw new FdrError('USAGE', `unknown --format "${options.format}"`, { hint: `use one of ${COMPARE_FORMATS.join(', ')}` });
  const format = options.format as CompareFormat;
  const loaded = [];
  for (const input of inputs) loaded.push(await loadRoadmap(input));
  const comparison = compareRoadmaps(loaded.map((l) => ({ roadmap: l.roadmap, file: l.path, info: l.info })));
  const text = renderCompare(comparison, format, reportColors({ toFile: Boolean(options.output) }));
  if (options.output) await writeFileAtomic(options.output, text, { force: options.force, inputs });
  else process.stdout.write(text);
  return 0;
}
