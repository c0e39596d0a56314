import type { Warning } from '../../model/index.js';
import { cleanSpaces } from '../../text/normalize.js';
import type { ProseLine, RoadmapBlock, RoadmapReading, RowCells } from './blocks.js';
import { repairSpilledFunding } from './repair.js';
import { type ColumnName, headerColumns } from './table-header.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', laquo: '«', raquo: '»', euro: '€' };

function decodeEntities(s: string): string {
  return s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (all, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

/**
 * The text of a cell that a converter wrote as HTML. A paragraph ends at </p>; a list (<ul>, <li>) or <br>
 * starts a new line; a <p> opened while list text is still pending continues that line (converters drop the
 * closing </ul>, and the printed cell runs on).
 */
export function cellHtmlToText(html: string): string {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = cleanSpaces(decodeEntities(current));
    if (line) lines.push(line);
    current = '';
  };
  for (const token of html.split(/(<[^>]*>)/)) {
    if (!token.startsWith('<')) {
      current += token;
      continue;
    }
    const tag = /^<\s*(\/?)\s*([a-z0-9]+)/i.exec(token);
    if (!tag) {
      current += token;
      continue;
    }
    const closing = tag[1] === '/';
    const name = tag[2]!.toLowerCase();
    if (name === 'p' && closing) flush();
    else if (name === 'br' || ((name === 'ul' || name === 'ol' || name === 'li') && !closing)) flush();
    else if (name === 'p' && !closing && current.trim()) current += ' ';
  }
  flush();
  return lines.join('\n').replace(/\*\*/g, '');
}

const AXIS_MARKER = /action\s+prioritaire\s*#\s*(\d{1,2})\b/gi;

function stripMarkdown(line: string): string {
  return line.replace(/\*\*/g, '').replace(/^#+\s+/, '');
}

/**
 * Reads a roadmap written as markdown by a PDF converter: tables are TAB-separated rows (HTML inside cells),
 * chantier titles follow "Chantier :", axes are "Action prioritaire #N" with the axis title in bold beside it.
 */
export function readMarkdownRoadmap(text: string): RoadmapReading {
  const lines = text.split(/\r?\n/);
  const warnings: Warning[] = [];
  const blocks: { line: number; block: RoadmapBlock }[] = [];
  const prose: ProseLine[] = [];
  const tableLines = new Set<number>();
  const markerLines = new Set<number>();
  let columns: ColumnName[] | undefined;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.includes('\t')) continue;
    const cells = line.split('\t');
    tableLines.add(i);
    const header = headerColumns(cells.map((c) => cellHtmlToText(c)));
    if (header) {
      columns = header;
      continue;
    }
    if (!columns) {
      warnings.push({ code: 'row-without-header', message: 'a table row appears before any table header', at: { lines: [i + 1, i + 1] } });
      columns = ['action', 'financement', 'indicateur', 'commentaire'];
    }
    const row: RowCells = { action: '', financement: '', indicateur: '', commentaire: '' };
    cells.forEach((cell, c) => {
      const column = columns![c];
      if (!column) {
        if (cellHtmlToText(cell)) warnings.push({ code: 'cell-outside-columns', message: `row has more cells than the header: "${cellHtmlToText(cell).slice(0, 60)}"`, at: { lines: [i + 1, i + 1] } });
        return;
      }
      const value = cellHtmlToText(cell);
      row[column] = row[column] ? `${row[column]}\n${value}` : value;
    });
    if (!row.action && !row.financement && !row.indicateur && !row.commentaire) continue;
    const repaired = repairSpilledFunding(row);
    if (repaired.warning) warnings.push({ ...repaired.warning, at: { lines: [i + 1, i + 1] } });
    blocks.push({ line: i, block: { type: 'row', cells: repaired.cells, at: { lines: [i + 1, i + 1] } } });
  }

  // Axis markers may wrap over lines ("Action\nprioritaire\n#1"): search the text with line offsets.
  const plainLines = lines.map((l, i) => (tableLines.has(i) ? '' : stripMarkdown(l)));
  const offsets: number[] = [];
  let offset = 0;
  for (const l of plainLines) {
    offsets.push(offset);
    offset += l.length + 1;
  }
  const lineAt = (pos: number) => {
    let lo = 0;
    let hi = offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (offsets[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const plain = plainLines.join('\n');
  const markers: { number: number; first: number; last: number }[] = [];
  for (const m of plain.matchAll(AXIS_MARKER)) {
    const first = lineAt(m.index);
    const last = lineAt(m.index + m[0].length - 1);
    markers.push({ number: Number(m[1]), first, last });
    for (let k = first; k <= last; k++) markerLines.add(k);
    blocks.push({ line: first, block: { type: 'axis', number: Number(m[1]), at: { lines: [first + 1, last + 1] } } });
  }

  // Chantier titles: "Chantier : title" or "Chantier :" with the title on the next non-empty line(s).
  const chantierLines = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    if (tableLines.has(i)) continue;
    const m = /^\s*(?:\*\*)?\s*chantier\s*:\s*(.*)$/i.exec(lines[i]!);
    if (!m) continue;
    chantierLines.add(i);
    let title = cleanSpaces(stripMarkdown(m[1]!));
    let last = i;
    if (!title) {
      for (let j = i + 1; j < lines.length && j < i + 6; j++) {
        const next = cleanSpaces(stripMarkdown(lines[j]!));
        if (!next) continue;
        if (tableLines.has(j) || markerLines.has(j)) break;
        title = next;
        last = j;
        chantierLines.add(j);
        break;
      }
    }
    blocks.push({ line: i, block: { type: 'chantier', title, at: { lines: [i + 1, last + 1] } } });
  }

  // Axis titles: a bold block standing on its own lines next to an axis divider marker.
  const axisTitles: RoadmapReading['axisTitles'] = new Map();
  const boldBlocks: { text: string; first: number; last: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (tableLines.has(i) || markerLines.has(i) || !/^\s*\*\*/.test(lines[i]!)) continue;
    let j = i;
    let body = lines[i]!;
    while (!/\*\*\s*$/.test(lines[j]!) && j + 1 < lines.length && j - i < 6) body += `\n${lines[++j]!}`;
    if (!/\*\*\s*$/.test(lines[j]!)) continue;
    const textOfBlock = cleanSpaces(stripMarkdown(body).replace(/\n/g, ' '));
    if (textOfBlock.split(' ').length >= 3 && !/^projet r[ée]gional/i.test(textOfBlock)) boldBlocks.push({ text: textOfBlock, first: i, last: j });
    i = j;
  }
  for (const bold of boldBlocks) {
    let best: { number: number; distance: number } | undefined;
    for (const marker of markers) {
      const distance = marker.first > bold.last ? marker.first - bold.last : bold.first - marker.last;
      if (distance > 0 && distance <= 8 && (!best || distance < best.distance)) best = { number: marker.number, distance };
    }
    if (best && !axisTitles.has(best.number)) axisTitles.set(best.number, { title: bold.text, at: { lines: [bold.first + 1, bold.last + 1] } });
  }
  const titleLines = new Set<number>();
  for (const bold of boldBlocks) if ([...axisTitles.values()].some((t) => t.at?.lines?.[0] === bold.first + 1)) for (let k = bold.first; k <= bold.last; k++) titleLines.add(k);

  for (let i = 0; i < lines.length; i++) {
    if (tableLines.has(i) || markerLines.has(i) || chantierLines.has(i) || titleLines.has(i)) continue;
    prose.push({ text: stripMarkdown(lines[i]!), at: { lines: [i + 1, i + 1] } });
  }

  blocks.sort((a, b) => a.line - b.line);
  return { blocks: blocks.map((b) => b.block), prose, axisTitles, warnings };
}
