import { classifyPages } from '../../layout/classify.js';
import { type Box, median, minOf, toBBox } from '../../layout/geometry.js';
import type { LaidOutTable, PageLayout } from '../../layout/page-layout.js';
import type { Cell, TableRow } from '../../layout/table.js';
import { linePitchRatio } from '../../layout/cell-text.js';
import { ruleTolerance } from '../../layout/tables/context.js';
import type { ActionProvenance, Provenance, UnrecognisedTable, Warning, WeakEvidence } from '../../model/index.js';
import { joinWrappedLines, LIST_MARKER } from '../../text/normalize.js';
import { CHANTIER_LABEL, stripChantierLabel } from '../../layout/table.js';
import { chantierKey } from './assemble.js';
import type { ProseLine, RoadmapBlock, RoadmapReading, RowCells } from './blocks.js';
import { COLUMNS } from './table-header.js';

const at = (page: number, box: Box): Provenance => ({ page, bbox: toBBox(box) });

/** Joins a cell's text across a page break: a list item starts its own line, running text goes on. */
export function joinAcrossBreak(head: string, tail: string): string {
  if (!head) return tail;
  if (!tail) return head;
  if (LIST_MARKER.test(tail)) return `${head}\n${tail}`;
  const lastLine = head.lastIndexOf('\n');
  const joined = joinWrappedLines([head.slice(lastLine + 1), tail.split('\n')[0]!]).replace(/\n/g, ' ');
  const rest = tail.includes('\n') ? tail.slice(tail.indexOf('\n')) : '';
  return head.slice(0, lastLine + 1) + joined + rest;
}

/** Cells of the table's other columns, by header text ("Pilote(s)" → "ARS"); a column without header is "colonne N". */
function rowExtra(table: LaidOutTable, row: TableRow, skip: ReadonlySet<string> = new Set()): Record<string, string> {
  const extra: Record<string, string> = {};
  table.columns.forEach((c, k) => {
    if (c.name || skip.has(c.label)) return;
    const label = c.label.trim() || `colonne ${k + 1}`;
    extra[label] = row.extra.find((e) => e.label === c.label)?.text ?? '';
  });
  return extra;
}

/** What a row of this table rests on that is weaker than rules and an exact header. */
function tableEvidence(table: LaidOutTable): WeakEvidence[] {
  const weak: WeakEvidence[] = [];
  if (table.columnSource === 'gutters') weak.push({ field: 'row', reason: 'column-by-gutter' });
  if (!table.ruled) weak.push({ field: 'row', reason: 'row-boundary-by-gap' });
  for (const c of table.columns) if (c.name && c.exact === false) weak.push({ field: c.name, reason: 'header-matched-fuzzily' });
  return weak;
}

/** Every non-empty cell of a row, roadmap and other columns alike. */
function filledCells(row: TableRow): string[] {
  return [...Object.values(row.cells).map((c) => c!.text), ...row.extra.map((e) => e.text)].filter((t) => t.trim() !== '');
}

/** A full-width row inside the table that names the chantier ("Chantier : …" as a merged first row). */
function chantierRowTitle(row: TableRow): string | undefined {
  const filled = filledCells(row);
  return filled.length === 1 && CHANTIER_LABEL.test(filled[0]!) ? stripChantierLabel(filled[0]!.replace(/\n/g, ' ')) : undefined;
}

/** Other columns that hold only chantier titles (a merged cell beside the chantier's rows): labels of those columns. */
function chantierColumns(table: LaidOutTable): Set<string> {
  const labels = new Set<string>();
  for (const c of table.columns) {
    if (c.name) continue;
    const values = table.rows.map((r) => r.extra.find((e) => e.label === c.label)?.text ?? '').filter((t) => t.trim());
    if (values.length && values.every((v) => CHANTIER_LABEL.test(v))) labels.add(c.label);
  }
  return labels;
}

/** The chantier title a row's first cell beside the rows sets (see chantierColumns), without its label. */
function besideTitle(row: TableRow, besideColumns: ReadonlySet<string>): string | undefined {
  for (const label of besideColumns) {
    const text = row.extra.find((e) => e.label === label)?.text ?? '';
    if (CHANTIER_LABEL.test(text)) return stripChantierLabel(text.replace(/\n/g, ' '));
  }
  return undefined;
}

function rowCells(row: TableRow): RowCells {
  return {
    action: row.cells.action?.text ?? '',
    financement: row.cells.financement?.text ?? '',
    indicateur: row.cells.indicateur?.text ?? '',
    commentaire: row.cells.commentaire?.text ?? '',
  };
}

function rowProvenance(page: number, row: TableRow): ActionProvenance {
  const cells: NonNullable<ActionProvenance['cells']> = {};
  for (const c of COLUMNS) {
    const cell = row.cells[c];
    if (cell?.box) cells[c] = at(page, cell.box);
  }
  const boxes = COLUMNS.map((c) => row.cells[c]?.box).filter((b): b is Box => b !== undefined);
  const box = boxes.length
    ? { x0: Math.min(...boxes.map((b) => b.x0)), y0: Math.min(...boxes.map((b) => b.y0)), x1: Math.max(...boxes.map((b) => b.x1)), y1: Math.max(...boxes.map((b) => b.y1)) }
    : row;
  return { page, bbox: toBBox(box), cells };
}

type RowBlock = Extract<RoadmapBlock, { type: 'row' }>;

interface OpenTable {
  page: number;
  chantierKey: string;
  ruled: boolean;
  lastRow: TableRow | undefined;
  lastBlock: RowBlock | undefined;
  /** Bottom of the usable area of the page the table was on (footer top or page bottom). */
  areaBottom: number;
  /** The table's last row is the lowest text of its page (running footer aside). */
  lowest: boolean;
  bodySize: number;
  /** Labels of the columns holding chantier titles beside the rows (see chantierColumns). */
  besideLabels: ReadonlySet<string>;
  /** The last chantier block read beside the rows: a title cut by the page break goes on in it. */
  besideBlock: ChantierBlock | undefined;
}

type ChantierBlock = Extract<RoadmapBlock, { type: 'chantier' }>;

/**
 * Does the first row on a new page continue the last row of the previous page? A ruled table says so itself:
 * its last row was left without a closing rule. Without rules, the row must have been cut at the bottom of the
 * page and the new part must not read as a row of its own (empty first cell, or a first cell that opens in
 * lower case, mid-sentence), or the part above could not end a row (no action, an action announcing with a
 * colon the list the new part opens, a word cut by a hyphen).
 */
export function continuesRow(previous: OpenTable, first: TableRow): boolean {
  if (!previous.lastRow) return false;
  if (previous.ruled && previous.lastRow.openBottom) return true;
  // Many producers close a row cut by the page with a rule all the same: then, as without rules, the row must
  // have ended its page and the new part must not read as a row of its own.
  const action = first.cells.action?.text ?? '';
  const reachedBottom = previous.lowest || previous.lastRow.y1 >= previous.areaBottom - 4 * previous.bodySize;
  if (!reachedBottom) return false;
  if (action === '') return true;
  const previousCells = rowColumns(previous.lastRow);
  // The part that ended the page could not end a row: its action cell is empty (the producer moved the whole
  // cell on), or announces with a colon the list the new part opens, or a cell stops on a word cut by a hyphen.
  if (!previousCells.get('action') && COLUMNS.some((c) => previousCells.get(c))) return true;
  if (/:$/.test((previous.lastRow.cells.action?.text ?? '').trimEnd()) && LIST_MARKER.test(action)) return true;
  if ([...previousCells.values()].some((c) => c !== undefined && /\p{L}[-\u2010\u00ad]$/u.test(c.text.trimEnd()))) return true;
  // A part opening mid-sentence goes on, unless the cell it would go on ended lines above the cut (its text was
  // over: a row that merely opens in lower case, moved whole to the next page).
  if (/^[\p{Ll}\d,;:.)»]/u.test(action)) return endsNearCut(previousCells, 'action', previous.bodySize);
  // A part opening in upper case or with a list item goes on only when its shape says so.
  // A ruled row left without a closing rule runs down to the bottom of its page's area.
  const unclosed = previous.ruled && previous.lastRow.y1 >= previous.areaBottom - 0.5;
  // A chantier title beside the rows is a cell merged down them: where it was cut says nothing of this row.
  const shape = cutShape(rowColumns(previous.lastRow, previous.besideLabels), rowColumns(first, previous.besideLabels), unclosed, ruleTolerance(previous.bodySize));
  if (!shape.tailsOnly) return false;
  const head = (previous.lastRow.cells.action?.text ?? '').trimEnd();
  // Another cut column going on mid-sentence says so too.
  const midSentence = [...rowColumns(first)].some(([k, c]) => c !== undefined && previousCells.get(k) !== undefined && /^\p{Ll}/u.test(c.text.trim()));
  // An action stopping on a colon, a comma, a semicolon or a slash between alternatives was cut mid-phrase.
  return shape.leftEarly || midSentence || LIST_MARKER.test(action) || /[:,;/]$/.test(head);
}

/**
 * Did the part's cell in `column` run down to the part's last line, give or take the lines widow and orphan
 * control may leave over (two lines)? An empty cell says nothing against a cut. `size`: the body's type size
 * (a compact layout keeps no cell lines to measure).
 */
function endsNearCut(part: ReadonlyMap<string, Cell | undefined>, column: string, size: number): boolean {
  const cell = part.get(column);
  if (!cell?.box) return true;
  const boxes = [...part.values()].flatMap((c) => (c?.box ? [c.box] : []));
  const lastLine = Math.max(...boxes.map((b) => b.y1));
  const last = cell.lines[cell.lines.length - 1];
  const height = last ? last.y1 - last.y0 : 1.2 * size;
  return cell.box.y1 >= lastLine - 2.5 * height;
}

/**
 * A row's cells column by column (roadmap cells, then other columns in their order), each with its text's box.
 * Other columns go by place, not label: a header cell wrapped over lines may lose one on a page that repeats it.
 * `skip`: labels of other columns left out (the columns of chantier titles beside the rows).
 */
function rowColumns(row: TableRow, skip: ReadonlySet<string> = new Set()): Map<string, Cell | undefined> {
  const out = new Map<string, Cell | undefined>();
  for (const c of COLUMNS) out.set(c, row.cells[c]?.text.trim() ? row.cells[c] : undefined);
  row.extra.filter((e) => !skip.has(e.label)).forEach((e, k) => out.set(`extra:${k}`, e.text.trim() ? { text: e.text, box: e.box, lines: [] } : undefined));
  return out;
}

/**
 * Does `tail`, going on a cell that ended with `head`, open a paragraph (a list item, or a sentence after a full
 * stop) that wraps over more than its first line? Orphan control holds such a paragraph's first line back.
 */
function opensWrappedParagraph(head: string, tail: Cell | undefined): boolean {
  const first = tail?.lines[0];
  if (!tail || !first) return false;
  const opens = LIST_MARKER.test(tail.text) || (/[.!?;:]$/.test(head.trimEnd()) && /^\p{Lu}/u.test(tail.text.trim()));
  return opens && tail.text.trim().split('\n')[0]!.length > first.text.trim().length + 1;
}

/**
 * How the part of a row that opens a page sits under the part that ended the page before. A cut cell's text
 * runs down to the row's last line; a cell that had ended higher up (or was empty) has nothing left to carry
 * over. `tailsOnly`: every column the new part fills reached the previous part's last line (`unclosed`, a ruled
 * part no rule closes: or was empty there, one at least reaching it). `leftEarly`: some
 * column the previous part filled ended higher up and stays empty (a new row made of the same few columns as
 * the cut ones would look the same; this says the shape is the cut's, not chance). `endedEarly`: the columns
 * the previous part filled that ended higher up than its last line (they were not cut). `tolerance`: the
 * table's (ruleTolerance of its type size).
 */
export function cutShape(
  previous: ReadonlyMap<string, Cell | undefined>,
  next: ReadonlyMap<string, Cell | undefined>,
  unclosed = false,
  tolerance = 1,
): { tailsOnly: boolean; leftEarly: boolean; endedEarly: Set<string> } {
  const boxes = [...previous.values()].flatMap((c) => (c?.box ? [c.box] : []));
  if (!boxes.length) return { tailsOnly: false, leftEarly: false, endedEarly: new Set() };
  const lastLine = Math.max(...boxes.map((b) => b.y1));
  // The part's line pitch, as a share of the type size (cells of one row share it).
  const lined = [...previous.values()].flatMap((c) => (c?.lines.length ? [c.lines] : []));
  // The part's line pitch, as a share of the type size (cells of one row share it).
  const ratio = linePitchRatio(lined.filter((l) => l.length > 1));
  // A cell without lines of its own (another column's text) is measured by the part's lines.
  const lineHeight = lined.length ? median(lined.map((l) => l[l.length - 1]!.y1 - l[l.length - 1]!.y0)) : undefined;
  // A cell reached the last line when it had no room for one more of its lines above it: the lowest line may
  // sit lower by a paragraph gap in its own cell, while the cut left the others' last lines higher. Without a
  // pitch, the line's own height stands for it (a line one height above the last one was not cut). A cell
  // whose part on the new page opens a paragraph of several lines needed room for two of them (no producer
  // leaves such a paragraph's first line alone at a page foot).
  const reached = (key: string) => {
    const cell = previous.get(key);
    if (!cell?.box) return false;
    const last = cell.lines[cell.lines.length - 1];
    const height = last ? last.y1 - last.y0 : (lineHeight ?? (cell.box.y1 - cell.box.y0) / Math.max(1, cell.text.split('\n').length));
    const step = last && ratio ? Math.max(height, ratio.pitch * last.fontSize) : height;
    return cell.box.y1 + (opensWrappedParagraph(cell.text, next.get(key)) ? 2 : 1) * step > lastLine + tolerance;
  };
  const filled = [...next].filter(([, c]) => c !== undefined).map(([k]) => k);
  // Under rules, a part left without a closing rule was cut: a column empty there says nothing against the cut
  // (a producer may move a whole cell on to the next page), as long as one cut column goes on.
  const tailsOnly = unclosed
    ? filled.some((k) => reached(k)) && filled.every((k) => previous.get(k) === undefined || reached(k))
    : filled.length > 0 && filled.every((k) => reached(k));
  const endedEarly = new Set([...previous].filter(([k, c]) => c !== undefined && !reached(k)).map(([k]) => k));
  const leftEarly = [...endedEarly].some((k) => next.get(k) === undefined);
  return { tailsOnly, leftEarly, endedEarly };
}

/**
 * Builds the roadmap reading from laid-out PDF pages (in page order): axis blocks from divider pages and side
 * tabs, chantier blocks from the titles over tables, row blocks from table rows (rows cut by a page break
 * joined back), prose from everything else (running footers first: they repeat the title on every page).
 */
export function readPdfRoadmap(pages: PageLayout[]): RoadmapReading {
  const warnings: Warning[] = [];
  const blocks: RoadmapBlock[] = [];
  const axisTitles: RoadmapReading['axisTitles'] = new Map();
  const prose: ProseLine[] = [];
  const footers: ProseLine[] = [];

  for (const n of classifyPages(pages))
    warnings.push({
      code: 'page-other-among-tables',
      message: `page ${n} lies between table pages but is neither a table, an axis divider nor a known section; its text was not read as rows`,
      at: { page: n },
    });

  // Tables on roadmap table pages that are not roadmap tables: kept as text, never dropped, each with a warning.
  const unrecognisedTables: UnrecognisedTable[] = [];
  let open: OpenTable | undefined;
  let lastRowBlock: RowBlock | undefined;
  /** A chantier title that ended the previous page: it heads this page's first table. */
  let pendingTitle: { text: string; at: Provenance } | undefined;
  for (const page of pages) {
    const carried = pendingTitle;
    pendingTitle = page.trailingTitle && { text: page.trailingTitle.text, at: at(page.page, page.trailingTitle) };
    for (const l of page.footer) footers.push({ text: l.text, at: at(page.page, l), size: l.fontSize, bold: l.bold });
    for (const l of page.prose) prose.push({ text: l.text, at: at(page.page, l), size: l.fontSize, bold: l.bold });
    for (const item of page.unassigned)
      warnings.push({
        code: 'unassigned-text',
        message: `text "${item.text.slice(0, 60)}" inside a table on page ${page.page} went into no cell`,
        at: at(page.page, item),
      });
    if (page.kind === 'table')
      for (const t of page.otherTables) {
        const header = t.rows.slice(0, t.headerRows).flat().filter((c) => c.trim());
        const reason = `its header (${header.map((c) => `"${c.replace(/\s+/g, ' ').slice(0, 40)}"`).join(', ') || 'empty'}) names none of the roadmap columns (Actions, Financement, Indicateur, Commentaires)`;
        unrecognisedTables.push({ page: page.page, bbox: toBBox(t), rows: t.rows, reason });
        warnings.push({ code: 'unrecognised-table', message: `a table on page ${page.page} is not a roadmap table: ${reason}; its rows are kept in unrecognisedTables`, at: at(page.page, t) });
      }

    if (page.kind === 'axis-divider' && page.axisMarker) {
      const title = page.axisTitle?.text;
      blocks.push({ type: 'axis', number: page.axisMarker.number, title, at: at(page.page, page.axisMarker) });
      if (title && !axisTitles.has(page.axisMarker.number)) axisTitles.set(page.axisMarker.number, { title, at: at(page.page, page.axisTitle!) });
      open = undefined;
      continue;
    }
    if (!page.tables.length) {
      // Prose between tables ends any table run; empty pages (blank separators) do not.
      if (page.prose.length) open = undefined;
      if (carried && !pendingTitle) pendingTitle = carried;
      continue;
    }
    if (page.axisMarker) blocks.push({ type: 'axis', number: page.axisMarker.number, at: at(page.page, page.axisMarker) });
    if (page.axisMarker && page.axisTitle && !axisTitles.has(page.axisMarker.number))
      axisTitles.set(page.axisMarker.number, { title: page.axisTitle.text, at: at(page.page, page.axisTitle) });
    const bottomLines = page.footer.filter((l) => l.y0 >= 0.5 * page.height);
    const areaBottom = bottomLines.length ? minOf(bottomLines, (l) => l.y0) : page.height;

    const contentBottom = Math.max(
      ...page.prose.map((l) => l.y1),
      ...page.side.map((l) => l.y1),
      // A table's box may run down to its area's bottom (rows cut by rules across, no vertical rules to end it):
      // its last row says where its content ends.
      ...page.tables.map((t) => t.rows[t.rows.length - 1]?.y1 ?? t.y1),
    );
    page.tables.forEach((table, index) => {
      const continuingPage = index === 0 && open !== undefined && open.page === page.page - 1;
      let key: string;
      let guessedChantier = false;
      const evidence = tableEvidence(table);
      const title = table.title ? { text: table.title.text, at: at(page.page, table.title) } : index === 0 ? carried : undefined;
      // A page going on with the same columns keeps the columns of titles beside the rows, even when its
      // only text there is the end of a title cut by the page break.
      const besideColumns = chantierColumns(table);
      if (continuingPage) for (const label of open!.besideLabels) if (table.columns.some((c) => !c.name && c.label === label)) besideColumns.add(label);
      let besideBlock = continuingPage ? open!.besideBlock : undefined;
      const inTable = table.rows[0] && (chantierRowTitle(table.rows[0]) ?? besideTitle(table.rows[0], besideColumns));
      if (index === 0 && carried && table.title)
        blocks.push({ type: 'chantier', title: carried.text, at: carried.at }); // a title whose table never came
      if (title) {
        key = chantierKey(title.text);
        blocks.push({ type: 'chantier', title: title.text, at: title.at });
      } else if (inTable !== undefined) {
        key = chantierKey(inTable); // the first row names the chantier: read below
      } else if (continuingPage && !table.hasBandAbove) {
        key = open!.chantierKey; // a table going on without a title: same chantier
        guessedChantier = true;
      } else {
        key = chantierKey('');
        blocks.push({ type: 'chantier', title: '', at: at(page.page, table.header) });
      }
      const sameChantier = continuingPage && key === open!.chantierKey;
      // The page's first row of actions (after the chantier's title row repeated inside the table, if any).
      let firstActions = true;

      table.rows.forEach((row, r) => {
        const cells = rowCells(row);
        const rowTitle = chantierRowTitle(row);
        if (rowTitle !== undefined) {
          // "Chantier : …" as a merged row inside the table; the same title again on a new page goes on.
          if (!(r === 0 && sameChantier)) {
            blocks.push({ type: 'chantier', title: rowTitle, at: rowProvenance(page.page, row) });
            firstActions = false; // a new chantier: its rows go on from nothing
          }
          key = chantierKey(rowTitle);
          guessedChantier = false;
          return;
        }
        for (const label of besideColumns) {
          const text = row.extra.find((e) => e.label === label)?.text ?? '';
          if (!text.trim() || (r === 0 && sameChantier && chantierKey(stripChantierLabel(text)) === key)) continue;
          if (r === 0 && sameChantier && besideBlock && !CHANTIER_LABEL.test(text)) {
            // The end of the title beside the rows, cut by the page break with its row.
            besideBlock.title = joinAcrossBreak(besideBlock.title, text.replace(/\n/g, ' '));
            key = chantierKey(besideBlock.title);
            continue;
          }
          besideBlock = { type: 'chantier', title: stripChantierLabel(text.replace(/\n/g, ' ')), at: rowProvenance(page.page, row) };
          blocks.push(besideBlock);
          key = chantierKey(besideBlock.title);
          guessedChantier = false;
        }
        const opening = firstActions;
        firstActions = false;
        if (opening && sameChantier && open!.lastBlock && continuesRow(open!, row)) {
          const target = open!.lastBlock;
          for (const c of COLUMNS) target.cells[c] = joinAcrossBreak(target.cells[c], cells[c]);
          const extra = rowExtra(table, row, besideColumns);
          target.extra ??= {};
          for (const [k, v] of Object.entries(extra)) target.extra[k] = joinAcrossBreak(target.extra[k] ?? '', v);
          target.weak ??= [];
          if (!target.weak.some((w) => w.reason === 'row-joined-across-pages')) target.weak.push({ field: 'row', reason: 'row-joined-across-pages' });
          // The row keeps the page and box of its start; a cell that only starts on this page points here.
          const later = rowProvenance(page.page, row).cells ?? {};
          target.at.cells ??= {};
          for (const c of COLUMNS) if (!target.at.cells[c] && later[c]) target.at.cells[c] = later[c];
          return;
        }
        const weak = [...evidence];
        if (guessedChantier) weak.push({ field: 'chantier', reason: 'chantier-continued-by-guess' });
        // An empty row is spacing, not an action; so is a row holding only the start of a chantier title beside.
        if (filledCells(row).length === besideColumns.size && [...besideColumns].every((l) => row.extra.some((e) => e.label === l && e.text.trim()))) return;
        if (filledCells(row).length === 0) return;
        const block: RowBlock = { type: 'row', cells, at: rowProvenance(page.page, row), extra: rowExtra(table, row, besideColumns), weak };
        blocks.push(block);
        lastRowBlock = block;
      });
      const lastRow = table.rows[table.rows.length - 1];
      open = {
        page: page.page,
        chantierKey: key,
        ruled: table.ruled,
        lastRow,
        lastBlock: lastRow ? lastRowBlock : undefined,
        areaBottom,
        lowest: lastRow !== undefined && index === page.tables.length - 1 && lastRow.y1 >= contentBottom - 1,
        bodySize: page.bodySize,
        besideLabels: besideColumns,
        besideBlock,
      };
    });
  }

  return { blocks, prose: [...footers, ...prose], axisTitles, warnings, pages: pages.length, unrecognisedTables };
}
