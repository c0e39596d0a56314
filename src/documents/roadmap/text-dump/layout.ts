import { cleanSpaces, isAllCaps } from '../../../text/normalize.js';
import { isHeaderLine } from '../table-header.js';
import { ITEM_MARKER } from './lexicon.js';

/**
 * The page structure of a roadmap dumped to text in reading order (pdftotext style, no positions):
 * table parts start after an "Actions Financement Indicateur Commentaires" header line; each page's band
 * ("Engagements du CTS / Chantier : <title> / Action prioritaire #N") follows that page's rows; axis divider
 * pages hold an "Action prioritaire #N" marker with the axis title beside it. Everything else is prose.
 */

/** A non-blank line of a table part. */
export interface TableLine {
  /** 0-based index of the source line. */
  index: number;
  /** The line, spaces cleaned. */
  text: string;
  /** A blank line (or page furniture) separates it from the previous table line. */
  blankBefore: boolean;
}

export interface Marker {
  number: number;
  first: number;
  last: number;
}

export interface Band {
  chantier?: { title: string; first: number; last: number };
  axis?: Marker;
  first: number;
  last: number;
}

export interface TableSegment {
  header: number;
  lines: TableLine[];
  /** Footer lines ("4 du HavreFeuille de route territoriale") met inside the table: prose, never cell text. */
  furniture: number[];
  band?: Band;
}

export interface Divider {
  marker: Marker;
  title?: { text: string; first: number; last: number };
}

export interface DumpLayout {
  lines: string[];
  segments: TableSegment[];
  dividers: Divider[];
  /** Source lines that belong to no table, band, marker or divider title. */
  prose: number[];
  /** Bands found before their table (a layout where the chantier heads the page) or with no table at all. */
  orphanBands: Band[];
}

const MARKER_ONE_LINE = /^action\s+prioritaire\s*#\s*(\d{1,2})$/i;
const BAND_START = /^engagements\b/i;
const CHANTIER = /^chantier\s*(?:\(suite\))?\s*:\s*(.*)$/i;
const YEAR_SPAN = /^(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d$/;

/** Running footer or header repeated on every page ("4 du HavreFeuille de route territoriale"). */
export function isPageFurniture(line: string): boolean {
  const t = cleanSpaces(line);
  if (t.length > 80 || !/feuille de route\s+(?:territoriale|d[ée]partementale)/i.test(t)) return false;
  return /^\d{1,3}\b/.test(t) || /\b\d{1,3}$/.test(t) || /(?:territoriale|d[ée]partementale)$/i.test(t);
}

function nextNonBlank(lines: readonly string[], from: number, limit = 4): number | undefined {
  for (let j = from; j < lines.length && j < from + limit; j++) if (cleanSpaces(lines[j]!)) return j;
  return undefined;
}

/** "Action prioritaire #N", written on one line or wrapped over up to three ("Action" / "prioritaire" / "#1"). */
export function markerAt(lines: readonly string[], i: number): Marker | undefined {
  const first = cleanSpaces(lines[i]!);
  const one = MARKER_ONE_LINE.exec(first);
  if (one) return { number: Number(one[1]), first: i, last: i };
  if (!/^action(?:\s+prioritaire)?$/i.test(first)) return undefined;
  let text = first;
  let j = i;
  for (let step = 0; step < 2; step++) {
    const k = nextNonBlank(lines, j + 1);
    if (k === undefined) return undefined;
    text += ` ${cleanSpaces(lines[k]!)}`;
    j = k;
    const m = MARKER_ONE_LINE.exec(text);
    if (m) return { number: Number(m[1]), first: i, last: j };
  }
  return undefined;
}

/** Lines of the "2023-2028 / Projet régional / de santé / Normandie" logo block of divider pages. */
export function brandLines(lines: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const t = cleanSpaces(lines[i]!);
    if (YEAR_SPAN.test(t)) {
      const k = nextNonBlank(lines, i + 1, 3);
      if (k !== undefined && /^projet\s+r[ée]gional/i.test(cleanSpaces(lines[k]!))) out.add(i);
    }
    if (/^projet\s+r[ée]gional$/i.test(t)) {
      out.add(i);
      const a = nextNonBlank(lines, i + 1, 2);
      if (a !== undefined && /^de\s+sant[ée]$/i.test(cleanSpaces(lines[a]!))) {
        out.add(a);
        const b = nextNonBlank(lines, a + 1, 2);
        if (b !== undefined && /^\p{Lu}[\p{L}-]+$/u.test(cleanSpaces(lines[b]!))) out.add(b);
      }
    } else if (/^projet\s+r[ée]gional\s+de\s+sant[ée](?:\s+\p{Lu}[\p{L}-]+)?$/iu.test(t)) out.add(i);
  }
  return out;
}

/** "LES PRIORITÉS RÉGIONALES TRANSVERSALES": a capitalised heading of several words (not "(MSP / CPTS);"). */
/**
 * The table header "Actions Financement Indicateur Commentaires" on one line, or one word a line (some converters
 * break it): the last line of the header, or undefined.
 */
export function headerAt(lines: readonly string[], i: number): number | undefined {
  const first = cleanSpaces(lines[i]!);
  if (isHeaderLine(first)) return i;
  if (!/^actions?$/i.test(first)) return undefined;
  let text = first;
  let j = i;
  for (let step = 0; step < 3; step++) {
    const k = nextNonBlank(lines, j + 1, 3);
    if (k === undefined) return undefined;
    const word = cleanSpaces(lines[k]!);
    if (word.split(' ').length > 1) return undefined;
    text += ` ${word}`;
    j = k;
    if (step >= 1 && isHeaderLine(text)) {
      // Take the fourth column name too when it follows.
      const next = nextNonBlank(lines, j + 1, 3);
      if (step === 1 && next !== undefined && isHeaderLine(`${text} ${cleanSpaces(lines[next]!)}`)) return next;
      return j;
    }
  }
  return undefined;
}

function isSectionHeading(t: string): boolean {
  const longWords = t.match(/\p{L}{3,}/gu) ?? [];
  return longWords.length >= 3 && isAllCaps(t) && !/\d{2,}/.test(t) && /^\p{L}/u.test(t);
}

export function readLayout(text: string): DumpLayout {
  const lines = text.split(/\r?\n/);
  const brand = brandLines(lines);
  const markers = new Map<number, Marker>();
  for (let i = 0; i < lines.length; i++) {
    const m = markerAt(lines, i);
    if (m) {
      markers.set(i, m);
      i = m.last;
    }
  }
  const used = new Set<number>();
  const mark = (from: number, to: number) => {
    for (let k = from; k <= to; k++) used.add(k);
  };

  const segments: TableSegment[] = [];
  const bands: Band[] = [];
  const consumedMarkers = new Set<number>();

  /** "Engagements du CTS" opens a band only when a "Chantier :" line or a marker follows it. */
  const isBandStart = (i: number): boolean => {
    const t = cleanSpaces(lines[i]!);
    if (!BAND_START.test(t) || t.length > 60) return false;
    const k = nextNonBlank(lines, i + 1);
    return k !== undefined && (CHANTIER.test(cleanSpaces(lines[k]!)) || markers.has(k));
  };

  /** Reads a band starting at line i ("Engagements…" and/or "Chantier : <title>", then the axis marker). */
  const readBand = (i: number): Band => {
    const band: Band = { first: i, last: i };
    let j = i;
    if (isBandStart(i)) j = nextNonBlank(lines, i + 1) ?? i;
    const ch = CHANTIER.exec(cleanSpaces(lines[j]!));
    if (ch) {
      let title = ch[1] ?? '';
      let last = j;
      // The title follows "Chantier :" (on the same line or the next) and runs until a blank line.
      let k = title ? j + 1 : (nextNonBlank(lines, j + 1, 3) ?? j + 1);
      for (let n = 0; k < lines.length && n < 5; k++, n++) {
        const t = cleanSpaces(lines[k]!);
        if (!t || markers.has(k) || headerAt(lines, k) !== undefined || brand.has(k)) break;
        title = title ? `${title} ${t}` : t;
        last = k;
      }
      band.chantier = { title: cleanSpaces(title), first: j, last };
      band.last = last;
    }
    const next = nextNonBlank(lines, band.last + 1, 6);
    if (next !== undefined && markers.has(next)) {
      band.axis = markers.get(next)!;
      consumedMarkers.add(next);
      band.last = band.axis.last;
    }
    mark(band.first, band.last);
    return band;
  };

  for (let i = 0; i < lines.length; i++) {
    const t = cleanSpaces(lines[i]!);
    const headerEnd = headerAt(lines, i);
    if (headerEnd !== undefined) {
      const segment: TableSegment = { header: i, lines: [], furniture: [] };
      mark(i, headerEnd);
      i = headerEnd;
      let blank = true;
      let k = i + 1;
      for (; k < lines.length; k++) {
        const line = cleanSpaces(lines[k]!);
        if (!line) {
          blank = true;
          continue;
        }
        if (headerAt(lines, k) !== undefined || isBandStart(k) || CHANTIER.test(line) || markers.has(k) || brand.has(k) || isSectionHeading(line)) break;
        if (isPageFurniture(line)) {
          segment.furniture.push(k);
          blank = true;
          continue;
        }
        // pdftotext drops the private-use bullet glyphs of some PDF fonts and leaves their space: inside a
        // table, a line that starts with one space is a list item.
        const lostBullet = segment.lines.length > 0 && /^ \S/.test(lines[k]!) && !ITEM_MARKER.test(line);
        segment.lines.push({ index: k, text: lostBullet ? `• ${line}` : line, blankBefore: blank });
        used.add(k);
        blank = false;
      }
      segments.push(segment);
      i = k - 1;
      continue;
    }
    if (isBandStart(i) || CHANTIER.test(t)) {
      const band = readBand(i);
      bands.push(band);
      i = band.last;
    }
  }

  // Which table a band names: the one before it (bands close their page in the dumps we know), unless the
  // document opens with a band, in which case bands head their table.
  const orphanBands: Band[] = [];
  const firstTable = segments[0]?.header ?? Infinity;
  const bandsLead = bands.length > 0 && bands[0]!.first < firstTable;
  for (const band of bands) {
    const candidates = bandsLead
      ? segments.filter((s) => s.header > band.last && !s.band)
      : segments.filter((s) => s.header < band.first && !s.band).reverse();
    const target = candidates[0];
    const between = target && (bandsLead ? bands.some((b) => b !== band && b.first > band.last && b.last < target.header) : bands.some((b) => b !== band && b.first > target.header && b.last < band.first));
    if (target && !between) target.band = band;
    else orphanBands.push(band);
  }

  // Divider pages: a marker no band claimed, with the axis title after it (or before it, back to the logo).
  const dividers: Divider[] = [];
  const stops = (k: number) => {
    const t = cleanSpaces(lines[k]!);
    return used.has(k) || brand.has(k) || markers.has(k) || headerAt(lines, k) !== undefined || isSectionHeading(t) || isPageFurniture(t);
  };
  const collect = (from: number, step: 1 | -1): number[] => {
    const got: number[] = [];
    let blanks = 0;
    for (let k = from; k >= 0 && k < lines.length && got.length < 8; k += step) {
      const t = cleanSpaces(lines[k]!);
      if (!t) {
        if (++blanks > 2 && got.length) break;
        continue;
      }
      if (stops(k)) break;
      blanks = 0;
      got.push(k);
    }
    return step === 1 ? got : got.reverse();
  };
  for (const [start, marker] of markers) {
    if (consumedMarkers.has(start)) continue;
    mark(marker.first, marker.last);
    let titleLines = collect(marker.last + 1, 1);
    if (!titleLines.length) titleLines = collect(marker.first - 1, -1);
    const divider: Divider = { marker };
    if (titleLines.length) {
      divider.title = {
        text: cleanSpaces(titleLines.map((k) => lines[k]!).join(' ')),
        first: titleLines[0]!,
        last: titleLines[titleLines.length - 1]!,
      };
      for (const k of titleLines) used.add(k);
    }
    dividers.push(divider);
  }

  const furniture = new Set(segments.flatMap((s) => s.furniture));
  const prose: number[] = [];
  for (let k = 0; k < lines.length; k++) if (!used.has(k) || furniture.has(k)) prose.push(k);
  return { lines, segments, dividers, prose, orphanBands };
}
