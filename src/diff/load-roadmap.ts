/**
 * Reads a roadmap for `fdr diff` and `fdr compare`, whatever the input: a PDF, a text or markdown dump
 * (extracted on the fly), JSON written by `fdr extract`, or a gold-format transcription (same field names,
 * without fdr's derived fields), whose fundings and indicators are then parsed here.
 */
import { extname } from 'node:path';
import { z } from 'zod';
import { type ExtractOptions, extractLoaded } from '../documents/index.js';
import { buildAction } from '../documents/roadmap/assemble.js';
import { FdrError } from '../errors/index.js';
import { validateDocument } from '../extract.js';
import {
  Action,
  Roadmap,
  SCHEMA_VERSION,
  Signatory,
  SourceInfo,
  TransversalPriority,
  Warning,
} from '../model/index.js';
import { PRS_NORMANDIE_AXES } from '../reference/prs-normandie.js';
import { type LoadedFile, loadFile } from '../sources/load.js';

/** The gold transcription format: fdr's field names, derived fields optional. */
const LooseAction = z.object({
  action: z.string(),
  financement: z.string().default(''),
  indicateur: z.string().default(''),
  commentaire: z.string().default(''),
});
const LooseChantier = z.object({ title: z.string().default(''), actions: z.array(z.unknown()) });
const LooseAxis = z.object({
  number: z.number().int().min(1).max(99),
  title: z.string().default(''),
  prsTitle: z.string().nullable().optional(),
  chantiers: z.array(LooseChantier),
});
const LooseRoadmap = z.object({
  kind: z.literal('roadmap'),
  source: z.unknown().optional(),
  region: z.string().default(''),
  territory: z.string(),
  territoryType: z.enum(['cts', 'departement']),
  title: z.string().default(''),
  period: z.string().default(''),
  signatories: z.array(Signatory).default([]),
  prsAxes: z.array(z.string()).default([]),
  axes: z.array(LooseAxis),
  transversalPriorities: z.array(TransversalPriority).default([]),
  warnings: z.array(Warning).default([]),
});

function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/** An action as stored, or rebuilt from its four cells when the derived fields are missing. */
function upgradeAction(raw: unknown, where: string, file: string): Action {
  const full = Action.safeParse(raw);
  if (full.success) return full.data;
  const cells = LooseAction.safeParse(raw);
  if (!cells.success)
    throw new FdrError('UNSUPPORTED_FORMAT', `JSON roadmap has an invalid action at ${where}: ${issuesText(cells.error)}`, { file });
  const provenance = (raw as { provenance?: unknown }).provenance;
  const at = Action.shape.provenance.safeParse(provenance);
  return buildAction(cells.data, at.success ? at.data : {});
}

/**
 * A roadmap from parsed JSON: fdr output is validated as is; a gold-format file gets its derived fields
 * (fundings, fundingTotalEur, indicators, provenance, prsTitle, warnings, source) filled in.
 */
export function roadmapFromJson(json: unknown, file: LoadedFile): Roadmap {
  const kind = (json as { kind?: unknown } | null)?.kind;
  if (kind !== 'roadmap') {
    const what = typeof kind === 'string' ? `a "${kind}" document` : 'not an fdr document (no "kind")';
    throw new FdrError('UNSUPPORTED_FORMAT', `JSON is ${what}, not a roadmap`, {
      file: file.path,
      hint: 'diff and compare read roadmaps (PDF, text, markdown, or JSON from `fdr extract`)',
    });
  }
  const strict = Roadmap.safeParse(json);
  if (strict.success) return strict.data;

  const loose = LooseRoadmap.safeParse(json);
  if (!loose.success)
    throw new FdrError('UNSUPPORTED_FORMAT', `JSON roadmap does not match the roadmap schema: ${issuesText(loose.error)}`, {
      file: file.path,
      hint: 'run `fdr schema roadmap` to see the expected shape',
    });
  const doc = loose.data;
  const source = SourceInfo.safeParse(doc.source);
  const upgraded: Roadmap = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'roadmap',
    source: source.success ? source.data : file.info,
    region: doc.region,
    territory: doc.territory,
    territoryType: doc.territoryType,
    title: doc.title,
    period: doc.period,
    signatories: doc.signatories,
    prsAxes: doc.prsAxes,
    axes: doc.axes.map((axis, a) => ({
      number: axis.number,
      title: axis.title,
      prsTitle: axis.prsTitle !== undefined ? axis.prsTitle : (PRS_NORMANDIE_AXES[axis.number - 1] ?? null),
      chantiers: axis.chantiers.map((chantier, c) => ({
        title: chantier.title,
        actions: chantier.actions.map((raw, i) => upgradeAction(raw, `axes.${a}.chantiers.${c}.actions.${i}`, file.path)),
      })),
    })),
    transversalPriorities: doc.transversalPriorities,
    unrecognisedTables: [],
    warnings: doc.warnings,
  };
  const checked = Roadmap.safeParse(upgraded);
  if (!checked.success)
    throw new FdrError('UNSUPPORTED_FORMAT', `JSON roadmap does not match the roadmap schema: ${issuesText(checked.error)}`, { file: file.path });
  return checked.data;
}

export interface LoadedRoadmap {
  /** The path as given on the command line. */
  path: string;
  info: SourceInfo;
  roadmap: Roadmap;
}

/** Reads one input of `diff`/`compare` into a validated Roadmap; every failure is an FdrError. */
export async function loadRoadmap(path: string, options: Pick<ExtractOptions, 'password' | 'readPages' | 'ocr'> = {}): Promise<LoadedRoadmap> {
  let file = await loadFile(path);
  // A ".json" file is JSON even when it is truncated (loadFile would then take it for text).
  if (file.info.format !== 'pdf' && file.info.format !== 'json' && extname(path).toLowerCase() === '.json')
    file = { ...file, info: { ...file.info, format: 'json' } };
  if (file.info.format === 'json') {
    let json: unknown;
    try {
      json = JSON.parse(file.text ?? '');
    } catch (e) {
      throw new FdrError('UNSUPPORTED_FORMAT', `not valid JSON (${e instanceof Error ? e.message : String(e)})`, {
        file: path,
        hint: 'pass a PDF, a text/markdown dump, or JSON written by `fdr extract`',
      });
    }
    return { path, info: file.info, roadmap: roadmapFromJson(json, file) };
  }
  const doc = validateDocument(await extractLoaded(file, { ...options, kind: 'roadmap' }), path);
  if (doc.kind !== 'roadmap') throw new FdrError('UNKNOWN_DOCUMENT', `read as a ${doc.kind} document, not a roadmap`, { file: path });
  return { path, info: file.info, roadmap: doc };
}
