import chalk from 'chalk';
import { exitCodeFor, type FileReport, type Severity } from '../check/findings.js';
import { type ReporterName, REPORTERS } from '../check/reporter-names.js';
import { FdrError } from '../errors/index.js';
import { writeFileAtomic } from '../export/write.js';
import { parsePageSpec } from '../sources/page-spec.js';
import { expandInputs, ocrFlag } from './inputs.js';
import { withPageReader } from './page-reading.js';

export interface CheckCliOptions {
  reporter: string;
  failOn: string;
  pages?: string;
  output?: string;
  force?: boolean;
  ocr?: string;
}

const FAIL_ON: readonly Severity[] = ['error', 'warning'];


const PAINT: Record<Severity, (s: string) => string> = { error: chalk.red, warning: chalk.yellow, info: chalk.cyan };

/**
 * `fdr check FILE...`: runs the quality rules on each file and reports them all.
 * Exit 0 clean, 1 findings at or above --fail-on, 2 an input could not be read (or a bad command line).
 */
export async function run(inputArgs: string[], options: CheckCliOptions): Promise<number> {
  const reporter = options.reporter as ReporterName;
  if (!REPORTERS.includes(reporter)) throw new FdrError('USAGE', `unknown --reporter "${options.reporter}"`, { hint: `use one of ${REPORTERS.join(', ')}` });
  const failOn = options.failOn as Severity;
  if (!FAIL_ON.includes(failOn)) throw new FdrError('USAGE', `unknown --fail-on "${options.failOn}"`, { hint: `use one of ${FAIL_ON.join(', ')}` });

  if (options.pages !== undefined) parsePageSpec(options.pages); // a bad list is a bad command line, before any work
  // One missing path must not hide the findings of the others: it is reported like any unreadable file.
  const ocr = ocrFlag(options.ocr);
  const expanded: { arg: string; files?: string[]; error?: FdrError }[] = [];
  for (const arg of inputArgs) {
    try {
      expanded.push({ arg, files: await expandInputs([arg]) });
    } catch (e) {
      if (!(e instanceof FdrError)) throw e;
      expanded.push({ arg, error: e });
    }
  }
  const reports: FileReport[] = await withPageReader(
    expanded.flatMap((x) => x.files ?? []),
    { ocr, ...(options.pages === undefined ? {} : { pages: options.pages }) },
    async (readPages) => {
      // Imported once the page reader is loading pdf.js, so that both load at the same time.
      const { checkFile } = await import('../check/input.js');
      const out: FileReport[] = [];
      for (const x of expanded) {
        if (x.error) out.push({ file: x.arg, findings: [], error: { code: x.error.code, message: x.error.oneLine() } });
        for (const file of x.files ?? []) out.push(await checkFile(file, undefined, { readPages, ocr, ...(options.pages === undefined ? {} : { pages: options.pages }) }));
      }
      return out;
    },
  );

  const { renderReport } = await import('../check/reporters.js');
  const toTerminal = !options.output && reporter === 'text';
  const text = renderReport(reporter, reports, {
    failOn,
    paint: toTerminal ? (severity, label) => PAINT[severity](label) : undefined,
  });
  if (options.output) await writeFileAtomic(options.output, text, { force: options.force, inputs: reports.map((r) => r.file) });
  else process.stdout.write(text);
  // Unreadable inputs also get their one line on stderr, whatever the reporter.
  for (const r of reports) if (r.error) process.stderr.write(`${r.error.message}\n`);
  return exitCodeFor(reports, failOn);
}
