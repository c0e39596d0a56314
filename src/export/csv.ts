import { stringify } from 'csv-stringify/sync';
import type { ExtractedDocument, Provenance, Roadmap } from '../model/index.js';

export interface CsvOptions {
  delimiter?: string;
  /** UTF-8 byte-order mark so Excel opens accents correctly. */
  bom?: boolean;
}

function bboxText(p: Provenance | undefined): string {
  return p?.bbox ? p.bbox.map((n) => n.toFixed(1)).join(' ') : '';
}

function linesText(p: Provenance | undefined): string {
  return p?.lines ? `${p.lines[0]}-${p.lines[1]}` : '';
}

export const ROADMAP_CSV_COLUMNS = [
  'territory',
  'axis_number',
  'axis_title',
  'chantier',
  'action',
  'financement',
  'indicateur',
  'commentaire',
  'funding_total_eur',
  'extra',
  'confidence',
  'weak_evidence',
  'page',
  'bbox',
  'source_lines',
] as const;

function roadmapRows(doc: Roadmap): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const axis of doc.axes)
    for (const chantier of axis.chantiers)
      for (const a of chantier.actions)
        rows.push([
          doc.territory,
          axis.number,
          axis.title,
          chantier.title,
          a.action,
          a.financement,
          a.indicateur,
          a.commentaire,
          a.fundingTotalEur ?? '',
          Object.entries(a.extra)
            .map(([k, v]) => `${k}: ${v}`)
            .join('\n'),
          a.confidence,
          a.weakEvidence.map((w) => `${w.field}: ${w.reason}`).join('\n'),
          a.provenance.page ?? '',
          bboxText(a.provenance),
          linesText(a.provenance),
        ]);
  return rows;
}

/** The CSV table of a document: one row per action (roadmap), proposition (restitution) or event (events). */
export function toCsvTable(doc: ExtractedDocument): { columns: string[]; rows: (string | number)[][] } {
  switch (doc.kind) {
    case 'roadmap':
      return { columns: [...ROADMAP_CSV_COLUMNS], rows: roadmapRows(doc) };
    case 'restitution':
      return {
        columns: ['region', 'theme', 'scope', 'proposition', 'page', 'source_lines'],
        rows: doc.themes.flatMap((t) =>
          (['local', 'national'] as const).flatMap((scope) =>
            t.propositions[scope].map((p) => [doc.region, t.title, scope, p, t.provenance?.page ?? '', linesText(t.provenance)]),
          ),
        ),
      };
    case 'events':
      return {
        columns: ['region', 'territory', 'department', 'place', 'date', 'page', 'source_lines'],
        rows: doc.events.map((e) => [doc.region, e.territory, e.department, e.place, e.date, e.provenance?.page ?? '', linesText(e.provenance)]),
      };
  }
}

export function toCsv(doc: ExtractedDocument | ExtractedDocument[], options: CsvOptions = {}): string {
  const docs = Array.isArray(doc) ? doc : [doc];
  const first = docs[0];
  if (!first) return options.bom ? '\uFEFF' : '';
  const { columns } = toCsvTable(first);
  const rows = docs.flatMap((d) => toCsvTable(d).rows);
  const body = stringify([columns, ...rows], { delimiter: options.delimiter ?? ',', record_delimiter: 'windows', quoted_match: /[\n\r"]/ });
  return (options.bom ? '\uFEFF' : '') + body;
}
