import type { Action, Axis, Chantier, Roadmap, SourceInfo, Warning, WeakEvidence } from '../../model/index.js';
import { SCHEMA_VERSION } from '../../model/index.js';
import { PRS_NORMANDIE_AXES } from '../../reference/prs-normandie.js';
import { comparisonKey } from '../../text/normalize.js';
import type { RoadmapBlock, RoadmapReading, RowCells } from './blocks.js';
import { readFrontMatter } from './front-matter.js';
import { fundingTotal, parseFundings } from './funding.js';
import { parseIndicators } from './indicators.js';
import { similarity } from '../../text/similarity.js';

/** "Chantier : X (suite)" continues chantier X. */
export function chantierKey(title: string): string {
  return comparisonKey(title.replace(/\(\s*suite\s*\)\s*$/i, ''));
}

export function stripSuite(title: string): string {
  return title.replace(/\s*\(\s*suite\s*\)\s*$/i, '').trim();
}

/** Each kind of weak evidence lowers the confidence by this much (a field counted once per reason). */
const EVIDENCE_COST: Record<WeakEvidence['reason'], number> = {
  'chantier-continued-by-guess': 0.1,
  'column-by-gutter': 0.1,
  'row-boundary-by-gap': 0.1,
  'header-matched-fuzzily': 0.05,
  'row-joined-across-pages': 0.15,
  'cells-inferred-from-content': 0.3,
  // OCR confidence is counted on its own (see documents/ocr-provenance.ts): the reason only names the cell.
  'ocr-low-confidence': 0,
};

/** Confidence of a row from its weak evidence: 1 minus the cost of each distinct reason, floored at 0.05. */
export function confidenceOf(weak: readonly WeakEvidence[]): number {
  const reasons = new Set(weak.map((w) => w.reason));
  let c = 1;
  for (const r of reasons) c -= EVIDENCE_COST[r];
  return Math.max(0.05, Math.round(c * 100) / 100);
}

export function buildAction(cells: RowCells, at: Action['provenance'], extra: Record<string, string> = {}, weak: WeakEvidence[] = []): Action {
  const fundings = parseFundings(cells.financement);
  return {
    action: cells.action,
    financement: cells.financement,
    indicateur: cells.indicateur,
    commentaire: cells.commentaire,
    fundings,
    fundingTotalEur: fundingTotal(fundings),
    indicators: parseIndicators(cells.indicateur),
    extra,
    confidence: confidenceOf(weak),
    weakEvidence: weak,
    provenance: at,
  };
}

/**
 * Folds the block stream into axes → chantiers → actions.
 * - An axis block switches axis only when its number changes (side tabs repeat it on every page).
 * - A chantier block opens a chantier, or continues the one with the same title in this axis ("(suite)").
 * - Rows before any chantier of the axis go to a chantier titled "".
 */
export function foldBlocks(blocks: readonly RoadmapBlock[], axisTitles: RoadmapReading['axisTitles']): Axis[] {
  const axes: Axis[] = [];
  let axis: Axis | undefined;
  let chantier: Chantier | undefined;

  const openAxis = (n: number, at?: Axis['provenance']): Axis => {
    const existing = axes.find((a) => a.number === n);
    if (existing) return existing;
    const created: Axis = {
      number: n,
      title: axisTitles.get(n)?.title ?? '',
      prsTitle: PRS_NORMANDIE_AXES[n - 1] ?? null,
      chantiers: [],
      provenance: axisTitles.get(n)?.at ?? at,
    };
    axes.push(created);
    return created;
  };

  for (const block of blocks) {
    if (block.type === 'axis') {
      if (axis?.number !== block.number) {
        axis = openAxis(block.number, block.at);
        chantier = undefined;
      }
      if (!axis.title && block.title) axis.title = block.title;
    } else if (block.type === 'chantier') {
      axis ??= openAxis(0);
      const key = chantierKey(block.title);
      chantier = axis.chantiers.find((c) => chantierKey(c.title) === key);
      if (!chantier) {
        chantier = { title: stripSuite(block.title), actions: [], provenance: block.at };
        axis.chantiers.push(chantier);
      }
    } else {
      axis ??= openAxis(0);
      if (!chantier) {
        chantier = axis.chantiers.find((c) => c.title === '');
        if (!chantier) {
          chantier = { title: '', actions: [], provenance: block.at };
          axis.chantiers.push(chantier);
        }
      }
      chantier.actions.push(buildAction(block.cells, block.at, block.extra, block.weak));
    }
  }
  return axes.filter((a) => a.number > 0 || a.chantiers.some((c) => c.actions.length));
}

/** Axis titles are checked against the PRS reference list: a mismatch is a warning, never a crash. */
export function checkAxes(axes: readonly Axis[]): Warning[] {
  const warnings: Warning[] = [];
  for (const axis of axes) {
    if (axis.number === 0) {
      const rows = axis.chantiers.reduce((n, c) => n + c.actions.length, 0);
      warnings.push({ code: 'rows-without-axis', message: `${rows} table rows come before any "Action prioritaire #N" marker: kept under axis 0` });
    } else if (axis.prsTitle === null) {
      warnings.push({
        code: 'axis-number-unknown',
        message: `axis #${axis.number} is not one of the 12 PRS Normandie axes`,
        at: axis.provenance,
      });
    } else if (!axis.title) {
      warnings.push({ code: 'axis-title-missing', message: `axis #${axis.number} has no title in the document`, at: axis.provenance });
    } else if (similarity(axis.title, axis.prsTitle) < 0.8) {
      warnings.push({
        code: 'axis-title-mismatch',
        message: `axis #${axis.number} is titled "${axis.title}" but PRS axis ${axis.number} is "${axis.prsTitle}"`,
        at: axis.provenance,
      });
    }
    for (const chantier of axis.chantiers)
      if (chantier.actions.length === 0)
        warnings.push({ code: 'chantier-empty', message: `chantier "${chantier.title}" of axis #${axis.number} has no action`, at: chantier.provenance });
  }
  return warnings;
}

/** Builds the Roadmap model from what a reader found. */
export function assembleRoadmap(reading: RoadmapReading, source: SourceInfo): Roadmap {
  const axes = foldBlocks(reading.blocks, reading.axisTitles);
  const front = readFrontMatter(reading.prose);
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'roadmap',
    source: reading.pages === undefined ? source : { ...source, pages: reading.pages },
    region: front.region,
    territory: front.territory,
    territoryType: front.territoryType,
    title: front.title,
    period: front.period,
    signatories: front.signatories,
    prsAxes: front.prsAxes,
    axes,
    transversalPriorities: front.transversalPriorities,
    unrecognisedTables: reading.unrecognisedTables ?? [],
    warnings: [...reading.warnings, ...front.warnings, ...checkAxes(axes)],
  };
}
