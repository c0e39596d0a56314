/** `fdr compare`: territories side by side, axis by axis (pure). */
import { basename } from 'node:path';
import { textSimilarity } from '../diff/text.js';
import type {
  Action,
  Axis,
  AxisComparison,
  ChantierPresence,
  ComparedTerritory,
  Roadmap,
  SourceInfo,
  TerritoryComparison,
  TerritoryFigures,
} from '../model/index.js';
import { SCHEMA_VERSION, schemaId } from '../model/index.js';
import { PRS_NORMANDIE_AXES } from '../reference/prs-normandie.js';

export interface CompareInput {
  roadmap: Roadmap;
  /** The input as given on the command line. */
  file: string;
  info?: SourceInfo;
}

/**
 * Two territories' chantier titles this alike are the same chantier worded differently. Distinct chantiers
 * of one axis share the axis vocabulary ("qualité de vie", "professionnels") but stay well below.
 */
const SAME_CHANTIER = 0.7;

function figures(territory: string, axes: readonly Axis[]): TerritoryFigures {
  const actions: Action[] = axes.flatMap((a) => a.chantiers.flatMap((c) => c.actions));
  const amounts = actions.map((a) => a.fundingTotalEur).filter((v): v is number => v !== null);
  return {
    territory,
    chantiers: axes.reduce((n, a) => n + a.chantiers.length, 0),
    actions: actions.length,
    fundingTotalEur: Math.round(amounts.reduce((s, v) => s + v, 0) * 100) / 100,
    actionsWithoutAmount: actions.length - amounts.length,
    actionsWithoutFinancement: actions.filter((a) => !a.financement.trim()).length,
  };
}

/** Column names: the territory, made unique with the file name when two documents share it. */
function territoryNames(inputs: readonly CompareInput[]): string[] {
  const base = inputs.map((i) => i.roadmap.territory.trim() || i.roadmap.title.trim() || basename(i.file));
  const count = new Map<string, number>();
  for (const b of base) count.set(b, (count.get(b) ?? 0) + 1);
  const names = base.map((b, k) => ((count.get(b) ?? 0) > 1 ? `${b} (${basename(inputs[k]!.file)})` : b));
  // Same territory and same file name in two folders: fall back to the position.
  return names.map((n, k) => (names.indexOf(n) !== k || names.lastIndexOf(n) !== k ? `${n} #${k + 1}` : n));
}

interface Cluster {
  title: string;
  members: Map<number, { title: string; actions: number }>;
}

/**
 * Groups the chantiers of one axis across territories: each territory's chantier joins the cluster whose
 * titles it is most like (at most one chantier per territory per cluster), or opens a new one.
 * An untitled table ("") only ever matches another untitled table.
 */
function clusterChantiers(perTerritory: readonly (Axis | undefined)[]): Cluster[] {
  const clusters: Cluster[] = [];
  perTerritory.forEach((axis, t) => {
    if (!axis) return;
    const candidates: { chantier: number; cluster: Cluster; score: number }[] = [];
    axis.chantiers.forEach((c, i) => {
      for (const cluster of clusters) {
        if (cluster.members.has(t)) continue;
        let score = 0;
        for (const m of cluster.members.values())
          score = Math.max(score, c.title === '' || m.title === '' ? (c.title === m.title ? 1 : 0) : textSimilarity(c.title, m.title));
        if (score >= SAME_CHANTIER) candidates.push({ chantier: i, cluster, score });
      }
    });
    candidates.sort((a, b) => b.score - a.score);
    const placed = new Set<number>();
    const filled = new Set<Cluster>();
    for (const c of candidates) {
      if (placed.has(c.chantier) || filled.has(c.cluster)) continue;
      const chantier = axis.chantiers[c.chantier]!;
      c.cluster.members.set(t, { title: chantier.title, actions: chantier.actions.length });
      placed.add(c.chantier);
      filled.add(c.cluster);
    }
    axis.chantiers.forEach((c, i) => {
      if (placed.has(i)) return;
      clusters.push({ title: c.title, members: new Map([[t, { title: c.title, actions: c.actions.length }]]) });
    });
  });
  return clusters;
}

export function compareRoadmaps(inputs: readonly CompareInput[]): TerritoryComparison {
  const names = territoryNames(inputs);
  const territories: ComparedTerritory[] = inputs.map((input, k) => ({
    name: names[k]!,
    territory: input.roadmap.territory,
    territoryType: input.roadmap.territoryType,
    title: input.roadmap.title,
    period: input.roadmap.period,
    file: input.file,
    format: (input.info ?? input.roadmap.source).format,
  }));
  const numbers = [...new Set(inputs.flatMap((i) => i.roadmap.axes.map((a) => a.number)))].sort((a, b) => a - b);
  const axes: AxisComparison[] = numbers.map((number) => {
    const perTerritory = inputs.map((i) => i.roadmap.axes.find((a) => a.number === number));
    const title = perTerritory.find((a) => a?.title.trim())?.title ?? PRS_NORMANDIE_AXES[number - 1] ?? '';
    const chantiers: ChantierPresence[] = clusterChantiers(perTerritory).map((cluster) => ({
      title: cluster.title,
      territories: names.map((territory, t) => {
        const member = cluster.members.get(t);
        return { territory, title: member?.title ?? null, actions: member?.actions ?? 0 };
      }),
    }));
    return {
      number,
      title,
      figures: perTerritory.map((axis, t) => figures(names[t]!, axis ? [axis] : [])),
      chantiers,
    };
  });
  return {
    $schema: schemaId('compare'),
    schemaVersion: SCHEMA_VERSION,
    kind: 'compare',
    territories,
    axes,
    totals: inputs.map((input, t) => figures(names[t]!, input.roadmap.axes)),
  };
}
