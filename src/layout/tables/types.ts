/**
 * The generic table layer: what a table found on a page looks like, whoever found it (rules, whitespace, or
 * both), and the interface every way of finding tables implements.
 */
import type { PageModel, TextItem } from '../../sources/page-model.js';
import type { Box } from '../geometry.js';
import type { Line } from '../lines.js';

/**
 * How a table was found. `ruled`: a grid of drawn rules (lattice). `hybrid`: some rules (horizontal rules
 * only, a header rule, or column rules without row rules) completed from the text. `stream`: whitespace only.
 */
export type Flavor = 'ruled' | 'hybrid' | 'stream';

/** One cell at its top-left grid position; `rowSpan`/`colSpan` > 1 for merged cells. */
export interface TableCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** Lines joined with a space, "\n" between paragraphs and list items (see cellText). */
  text: string;
  /** Union of the cell's text boxes (provenance), undefined for an empty cell. */
  box: Box | undefined;
  items: TextItem[];
  /** The cell's printed lines, top to bottom (kept by the anchored reader, which reads cell text from them). */
  lines?: Line[];
}

/** A short report on how sure the finder is, and what it had to guess. */
export interface TableQuality {
  /** 0..1: how likely this is a real table read right. */
  confidence: number;
  /** Share of the grid's positions (rows × columns, spans counted once per position) holding text. */
  fill: number;
  /**
   * Share of the cells of the grid as first drawn (before rows and columns without text are dropped) holding
   * text: low for the gridlines of a chart, which make many cells and hold few labels.
   */
  drawnFill: number;
  /** What was inferred rather than drawn, e.g. "columns from whitespace", "rows from text lines". */
  guesses: string[];
}

/** A table on one page. Coordinates are PDF points, origin top-left. */
export interface PageTable {
  /** 1-based page number. */
  page: number;
  box: Box;
  flavor: Flavor;
  /** Column edges, left to right (columns + 1 values). */
  xs: number[];
  /** Row edges, top to bottom (rows + 1 values). */
  ys: number[];
  /** Non-empty and empty cells alike, row by row; positions covered by a span have no cell of their own. */
  cells: TableCell[];
  /** Number of header rows at the top (0 when none was recognised). */
  headerRows: number;
  quality: TableQuality;
}

/** A table within a document: where it goes on from or to (tables cut by a page break). */
export interface DocumentTable extends PageTable {
  /** Index (in the document's list) of the table this one continues, when it goes on from the previous page. */
  continues?: number;
  /** Index of the table continuing this one on the next page. */
  continuedBy?: number;
  /** The continuation repeats the header rows of the table it continues (they are the first `headerRows` rows). */
  repeatsHeader?: boolean;
}

/** A text line cut at wide gaps: one run of words that belong together (a cell's line, or a sentence). */
export interface Segment extends Line {
  /** Index of the band (printed line across the page) it belongs to. */
  band: number;
}

/** What every finder needs to know about a page, computed once. */
export interface PageContext {
  page: PageModel;
  /** Upright text items with text (rotated labels are not read into tables). */
  items: TextItem[];
  /** Body font size: the size carrying most characters. */
  fontSize: number;
  /** Distance between baselines of consecutive lines of running text. */
  pitch: number;
  /** Rules joined into whole lines (pieces drawn per cell, double strokes), with their tolerances. */
  horizontal: Rule[];
  vertical: Rule[];
  /** Distance under which two rule positions are the same line, and rule ends meet. */
  tolerance: number;
  /** Items grouped into printed lines, and cut into segments at gaps wider than a word space. */
  bands: Segment[][];
}

/** A rule as the table layer uses it: position across, extent along. */
export interface Rule {
  /** y of a horizontal rule, x of a vertical one. */
  at: number;
  from: number;
  to: number;
}

/**
 * One way of finding tables on a page. Pure: same context in, same tables out. `taken` holds the boxes of
 * tables already found by a surer finder: their text is not read again.
 */
export interface TableFinder {
  readonly flavor: Flavor;
  find(context: PageContext, taken?: readonly Box[]): PageTable[];
}
