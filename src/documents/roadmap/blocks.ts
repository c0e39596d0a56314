import type { ActionProvenance, Provenance, UnrecognisedTable, Warning, WeakEvidence } from '../../model/index.js';

/** The four cells of a roadmap table row, as printed. */
export interface RowCells {
  action: string;
  financement: string;
  indicateur: string;
  commentaire: string;
}

/**
 * What every roadmap reader (PDF, markdown, text dump) turns a document into: the table part as a stream of
 * blocks in logical order, plus the prose lines around the tables. One assembler builds the model from it,
 * so all inputs share the same chantier/axis logic.
 */
export type RoadmapBlock =
  | { type: 'axis'; number: number; title?: string; at?: Provenance }
  | { type: 'chantier'; title: string; at?: Provenance }
  | {
      type: 'row';
      cells: RowCells;
      at: ActionProvenance;
      /** Cells of non-roadmap columns, by header text. */
      extra?: Record<string, string>;
      /** What the row rests on that is weaker than rules and an exact header. */
      weak?: WeakEvidence[];
    };

/** A line of running text outside the tables, in reading order. */
export interface ProseLine {
  text: string;
  at?: Provenance;
  /** Font size in points when known (PDF), used to tell headings from body text. */
  size?: number;
  bold?: boolean;
}

export interface RoadmapReading {
  blocks: RoadmapBlock[];
  prose: ProseLine[];
  /** Axis titles read from divider pages, by axis number. */
  axisTitles: Map<number, { title: string; at?: Provenance }>;
  warnings: Warning[];
  pages?: number;
  unrecognisedTables?: UnrecognisedTable[];
}
