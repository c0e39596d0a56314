/**
 * `fdr tables` output: the JSON document (the ICDAR scorer's format, `tables[].page` and `rows`, with boxes,
 * spans, header rows, continuations and the provenance of every cell), CSV (one table, or one stream of all
 * tables with a table column) and Markdown. Pure string builders: files are written by the caller.
 */
import { stringify } from 'csv-stringify/sync';
import type { Box } from '../layout/geometry.js';
import { tableRows } from '../layout/tables/grid.js';
import { stitchedTables } from '../layout/tables/stitch.js';
import type { DocumentTable, Flavor } from '../layout/tables/types.js';

type BBox = [number, number, number, number];
const r1 = (x: number) => Math.round(x * 10) / 10;
const bbox = (b: Box): BBox => [r1(b.x0), r1(b.y0), r1(b.x1), r1(b.y1)];

export interface TableCellJson {
  row: number;
  col: number;
  rowSpan?: number;
  colSpan?: number;
  text: string;
  /** Where the cell's text is on the page (PDF points, origin top-left). */
  bbox?: BBox;
}

export interface TableJson {
  /** 1-based, in document order. */
  id: number;
  /** 1-based page number. */
  page: number;
  bbox: BBox;
  flavor: Flavor;
  confidence: number;
  /** What was inferred rather than drawn. */
  guesses: string[];
  headerRows: number;
  columns: number;
  /** Column and row edges (points). */
  xs: number[];
  ys: number[];
  /** The grid, a merged cell's text at its top-left position and "" where it spans. */
  rows: string[][];
  /** Cells holding text or spanning several positions, with their box. */
  cells: TableCellJson[];
  /** Id of the table this one continues from the previous page. */
  continues?: number;
  /** Id of the table continuing this one on the next page. */
  continuedBy?: number;
  /** This continuation repeats the header rows of the table it continues. */
  repeatsHeader?: boolean;
}

/** A table over several pages, read as one: the parts' rows, the repeated header dropped. */
export interface StitchedJson {
  tables: number[];
  pages: number[];
  headerRows: number;
  /** Rows cut by a page break and joined back. */
  joinedRows: number;
  rows: string[][];
}

export interface TablesDocument {
  source: { file: string; sha256: string; pages: number };
  tables: TableJson[];
  stitched: StitchedJson[];
}

/** The JSON document of a PDF's tables. */
export function tablesDocument(tables: readonly DocumentTable[], source: TablesDocument['source']): TablesDocument {
  const json: TableJson[] = tables.map((t, i) => {
    const cells: TableCellJson[] = [];
    for (const c of t.cells) {
      if (!c.text && c.rowSpan === 1 && c.colSpan === 1) continue;
      cells.push({
        row: c.row,
        col: c.col,
        ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
        ...(c.colSpan > 1 ? { colSpan: c.colSpan } : {}),
        text: c.text,
        ...(c.box ? { bbox: bbox(c.box) } : {}),
      });
    }
    return {
      id: i + 1,
      page: t.page,
      bbox: bbox(t.box),
      flavor: t.flavor,
      confidence: t.quality.confidence,
      guesses: t.quality.guesses,
      headerRows: t.headerRows,
      columns: t.xs.length - 1,
      xs: t.xs.map(r1),
      ys: t.ys.map(r1),
      rows: tableRows(t),
      cells,
      ...(t.continues === undefined ? {} : { continues: t.continues + 1 }),
      ...(t.continuedBy === undefined ? {} : { continuedBy: t.continuedBy + 1 }),
      ...(t.repeatsHeader ? { repeatsHeader: true } : {}),
    };
  });
  const stitched = stitchedTables(tables)
    .filter((s) => s.parts.length > 1)
    .map((s) => ({ tables: s.parts.map((k) => k + 1), pages: s.pages, headerRows: s.headerRows, joinedRows: s.joinedRows, rows: s.rows }));
  return { source, tables: json, stitched };
}

/** One table as a reader sees it: a stitched table once, other tables as they are. */
export interface LogicalTable {
  /** Id of the first part. */
  id: number;
  pages: number[];
  headerRows: number;
  flavor: Flavor;
  confidence: number;
  rows: string[][];
}

export function logicalTables(doc: TablesDocument): LogicalTable[] {
  const out: LogicalTable[] = [];
  for (const t of doc.tables) {
    if (t.continues !== undefined) continue;
    const chain = doc.stitched.find((s) => s.tables[0] === t.id);
    out.push(
      chain
        ? { id: t.id, pages: chain.pages, headerRows: chain.headerRows, flavor: t.flavor, confidence: t.confidence, rows: chain.rows }
        : { id: t.id, pages: [t.page], headerRows: t.headerRows, flavor: t.flavor, confidence: t.confidence, rows: t.rows },
    );
  }
  return out;
}

export interface TablesCsvOptions {
  delimiter?: string;
  bom?: boolean;
}

function csv(records: readonly (readonly string[])[], options: TablesCsvOptions): string {
  const body = stringify(records as string[][], { delimiter: options.delimiter ?? ',', record_delimiter: 'windows', quoted_match: /[\n\r"]/ });
  return (options.bom ? '\uFEFF' : '') + body;
}

/** One table, one CSV (rows padded to the widest). */
export function tableCsv(rows: readonly (readonly string[])[], options: TablesCsvOptions = {}): string {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return csv(rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]), options);
}

/**
 * All tables of several documents as one CSV stream: `file` (when several), `table` (its id), `page` (its
 * first page), `row`, then the cells `c1`…`cN` (N the widest table).
 */
export function tablesCsvStream(docs: readonly { name: string; doc: TablesDocument }[], options: TablesCsvOptions = {}): string {
  const several = docs.length > 1;
  const all = docs.flatMap(({ name, doc }) => logicalTables(doc).map((t) => ({ name, t })));
  const width = Math.max(1, ...all.flatMap(({ t }) => t.rows.map((r) => r.length)));
  const header = [...(several ? ['file'] : []), 'table', 'page', 'row', ...Array.from({ length: width }, (_, i) => `c${i + 1}`)];
  const records: string[][] = [header];
  for (const { name, t } of all)
    t.rows.forEach((r, i) => records.push([...(several ? [name] : []), String(t.id), String(t.pages[0]), String(i + 1), ...r, ...Array<string>(width - r.length).fill('')]));
  return csv(records, options);
}

const mdCell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

/** A GitHub-flavoured Markdown table (its first row as the Markdown header, as the format requires one). */
export function tableMarkdown(rows: readonly (readonly string[])[]): string {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const line = (r: readonly string[]) => `| ${Array.from({ length: width }, (_, i) => mdCell(r[i] ?? '')).join(' | ')} |`;
  const [first = [], ...rest] = rows;
  return [line(first), `|${' --- |'.repeat(width)}`, ...rest.map(line)].join('\n');
}

/** Every table of several documents in Markdown, each under a heading saying where it comes from. */
export function tablesMarkdown(docs: readonly { name: string; doc: TablesDocument }[]): string {
  const parts: string[] = [];
  for (const { name, doc } of docs) {
    const tables = logicalTables(doc);
    if (!tables.length) {
      parts.push(`## ${name}\n\nNo table found.`);
      continue;
    }
    for (const t of tables) {
      const pages = t.pages.length > 1 ? `pages ${t.pages[0]}–${t.pages[t.pages.length - 1]}` : `page ${t.pages[0]}`;
      parts.push(`## ${name}: table ${t.id} (${pages}, ${t.flavor}, confidence ${t.confidence})\n\n${tableMarkdown(t.rows)}`);
    }
  }
  return `${parts.join('\n\n')}\n`;
}
