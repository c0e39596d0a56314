/**
 * Lines of a restitution or events document, as read from a text dump (pdftotext-like or converter markdown)
 * or from the reading-order text of PDF pages (lines joined with "\n", pages separated by "\f").
 * Shared by the restitution and events readers.
 */
import { cleanSpaces, isAllCaps } from '../../text/normalize.js';

export interface SourceLine {
  /** Cleaned text: markdown emphasis and escapes removed, spaces collapsed; "" for a blank line. */
  text: string;
  /** The line before cleaning, markdown removed but tabs and runs of spaces kept (table cells). */
  raw: string;
  /** 1-based line number in the input text (lines separated by "\n"). */
  line: number;
  /** 1-based page number: form feeds ("\f") start a new page. */
  page: number;
  /** True for the blank line a form feed stands for. */
  pageBreak?: boolean;
}

/** Markdown made by a converter: **bold**, *italic*, [text](url), escaped brackets, "# " headings, inline HTML. */
export function stripMarkdown(s: string): string {
  return s
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?(?:p|ul|ol|li|b|i|u|em|strong|span|div|sup|sub)(?:\s[^<>]*)?>/gi, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[((?:\\.|[^\]\\])*)\]\((?:[^()\s]|\([^()]*\))*\)/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])\*(?=\S)|(?<=\S)\*(?=[\s).,;:!?]|$)/g, '$1')
    .replace(/^#{1,6}\s+/, '')
    .replace(/\\([()[\]*_#.\-!`>])/g, '$1');
}

/** Splits a document into cleaned lines, counting pages at form feeds. */
export function splitSourceLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  let page = 1;
  const rawLines = text.split(/\r\n|\r|\n/);
  rawLines.forEach((raw, index) => {
    const parts = raw.split('\f');
    parts.forEach((part, k) => {
      if (k > 0) {
        page++;
        out.push({ text: '', raw: '', line: index + 1, page, pageBreak: true });
      }
      if (k > 0 && !part.trim()) return;
      out.push({ text: cleanLine(part), raw: stripMarkdown(part), line: index + 1, page });
    });
  });
  return out;
}

export function cleanLine(raw: string): string {
  return cleanSpaces(stripMarkdown(raw.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f\u200b\ufeff]/g, '')));
}

/** One or a few capitals: a fragment of a vertical side label ("AT", "TR", "É"). */
const LABEL_FRAGMENT = /^\p{Lu}{1,3}$/u;
/** A page number or folio alone on its line. */
const FOLIO = /^(?:\d{1,3}|\d{1,3}\s*\/\s*\d{1,3}|page\s+\d{1,3})$/i;

/**
 * Removes the lines that are page furniture, not content: folios, vertical side labels broken into one letter
 * group per line (a run of at least three such lines), and short running labels that come back on several pages
 * with only a number changing ("CNR SANTÉ – THÈME 2"). They are removed, not blanked, because a PDF reading order
 * can drop them in the middle of a paragraph. Remaining lines keep their line numbers, so provenance stays right.
 */
export function removeLayoutNoise(lines: readonly SourceLine[]): SourceLine[] {
  const out = lines.map((l) => ({ ...l }));
  const noise = new Set<number>();
  const drop = (i: number) => {
    noise.add(i);
  };
  for (let i = 0; i < out.length; i++) if (FOLIO.test(out[i]!.text)) drop(i);
  const text = (i: number) => (noise.has(i) ? '' : out[i]!.text);

  // Runs of label fragments, blank lines allowed between them.
  let i = 0;
  while (i < out.length) {
    if (!LABEL_FRAGMENT.test(text(i))) {
      i++;
      continue;
    }
    const members: number[] = [];
    let j = i;
    while (j < out.length && (LABEL_FRAGMENT.test(out[j]!.text) || !out[j]!.text || noise.has(j))) {
      if (out[j]!.text && !noise.has(j)) members.push(j);
      j++;
    }
    if (members.length >= 3) for (const m of members) drop(m);
    i = j;
  }

  // Running labels: short capitalised lines with a number, repeated with other numbers.
  const labelKey = (s: string) => s.replace(/\d+/g, '#');
  const counts = new Map<string, number>();
  for (const l of out)
    if (isRunningLabelShape(l.text)) counts.set(labelKey(l.text), (counts.get(labelKey(l.text)) ?? 0) + 1);
  out.forEach((l, k) => {
    if (isRunningLabelShape(l.text) && (counts.get(labelKey(l.text)) ?? 0) >= 2) drop(k);
  });
  return out.filter((_, k) => !noise.has(k));
}

function isRunningLabelShape(s: string): boolean {
  if (!s || !/\d/.test(s) || !isAllCaps(s)) return false;
  const words = s.split(' ').filter((w) => /\p{L}/u.test(w));
  // Scope headers ("PROPOSITIONS CONVERGENTES DES 18 ATELIERS") repeat too, but they are content.
  return words.length >= 1 && words.length <= 5 && !/PROPOSITION|ATELIER/i.test(s);
}

/**
 * Paragraph blocks that recur identically (running headers and footers such as a logo line "CONSEIL NATIONAL
 * DE LA REFONDATION / Hauts-de-France" printed on every page) are removed after their first occurrence.
 */
export function removeRepeatedBlocks(lines: readonly SourceLine[]): SourceLine[] {
  const out = lines.map((l) => ({ ...l }));
  const blocks: { start: number; end: number; key: string }[] = [];
  let start = -1;
  for (let i = 0; i <= out.length; i++) {
    const text = i < out.length ? out[i]!.text : '';
    if (text && start < 0) start = i;
    if (!text && start >= 0) {
      const key = out
        .slice(start, i)
        .map((l) => l.text)
        .join(' ');
      blocks.push({ start, end: i, key });
      start = -1;
    }
  }
  const seen = new Set<string>();
  const removed = new Set<number>();
  for (const b of blocks) {
    // Only short blocks are furniture; a repeated paragraph of prose is content said twice.
    if (b.key.length > 80 || b.end - b.start > 3) continue;
    if (seen.has(b.key)) for (let k = b.start; k < b.end; k++) removed.add(k);
    else seen.add(b.key);
  }
  return out.filter((_, k) => !removed.has(k));
}

/** The provenance of a span of lines: page when the input has pages, source lines for text input. */
export function spanProvenance(
  first: SourceLine | undefined,
  last: SourceLine | undefined,
  options: { withLines: boolean; withPages: boolean },
): { page?: number; lines?: [number, number] } | undefined {
  if (!first || !last) return undefined;
  const p: { page?: number; lines?: [number, number] } = {};
  if (options.withPages) p.page = first.page;
  if (options.withLines) p.lines = [first.line, Math.max(first.line, last.line)];
  return p.page === undefined && p.lines === undefined ? undefined : p;
}
