import type { Box } from '../geometry.js';

/** One printed line of a page in reading order, with what its structure is read from. */
export interface StructureLine extends Box {
  page: number;
  text: string;
  /** Font size carrying most of the line's characters. */
  fontSize: number;
  bold: boolean;
  /** The reading unit the line belongs to: a column of a section, a cell of a figure grid. */
  leaf: number;
  /** A list marker opening the line ("•", "–", "1."), drawn as a glyph or as a shape. */
  marker?: string;
  /** Where the text after the marker starts (the line's x0 when it has no marker). */
  textX0: number;
  /** Set by a figure grid: the line is the big value of a key figure. */
  figure?: 'value' | 'caption';
}

export type StructureBlock =
  /** A heading; level 1 is the document's largest heading style. */
  | { type: 'heading'; level: number; text: string; lines: StructureLine[] }
  /** A small label line set apart above a heading ("PROPOSITIONS CONVERGENTES"): a kicker, not a heading. */
  | { type: 'label'; text: string; lines: StructureLine[] }
  | { type: 'paragraph'; text: string; lines: StructureLine[] }
  /** A list item; depth 0 for a top-level item, 1 for an item indented under it. */
  | { type: 'item'; marker: string; depth: number; text: string; lines: StructureLine[] }
  /** A key figure: a big number with its caption ("1 250" over "participants"). */
  | { type: 'figure'; value: string; caption: string; lines: StructureLine[] };

/** The document's text styles: body size, and heading styles from the largest (level 1) down. */
export interface TextStyles {
  bodySize: number;
  headings: HeadingStyle[];
}

export interface HeadingStyle {
  /** Font size rounded to half a point. */
  size: number;
  bold: boolean;
  level: number;
}
