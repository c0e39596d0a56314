/**
 * Cross-reference reading (ISO 32000-1 §7.5.4–7.5.8): tables, cross-reference streams, hybrid files and
 * incremental updates (/Prev). When the chain is broken the objects are found by scanning the file for
 * "N G obj", as pdf.js and other readers do.
 */
import { decodeStreamData } from './filters.js';
import { Dict, Stream, asArray, asNumber, parseObject } from './objects.js';
import { Lexer, Unsupported, isWhite, lastIndexOf } from './syntax.js';

export type XrefEntry = { type: 'offset'; offset: number; gen: number } | { type: 'compressed'; stream: number; index: number };

export interface Xref {
  entries: Map<number, XrefEntry>;
  /** The newest trailer (for a cross-reference stream, its dictionary). */
  trailer: Dict;
  /** Found by scanning the file rather than read from its cross-reference sections. */
  rebuilt?: boolean;
}

/** More sections than this in a /Prev chain is a loop or hostile input. */
const MAX_SECTIONS = 512;

export function readXref(bytes: Uint8Array): Xref {
  try {
    return readXrefChain(bytes);
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    return rebuildXref(bytes);
  }
}

function readXrefChain(bytes: Uint8Array): Xref {
  const at = lastIndexOf(bytes, 'startxref', bytes.length);
  if (at < 0) throw new Unsupported('no startxref');
  const lexer = new Lexer(bytes, at + 9);
  const first = lexer.next();
  if (first.type !== 'number') throw new Unsupported('startxref without offset');
  const entries = new Map<number, XrefEntry>();
  let trailer: Dict | undefined;
  const seen = new Set<number>();
  const pending = [first.value];
  while (pending.length > 0) {
    const offset = pending.shift()!;
    if (seen.has(offset) || seen.size >= MAX_SECTIONS) continue;
    seen.add(offset);
    const section = readSection(bytes, offset);
    // Sections are read newest first: an object already listed keeps its newest entry.
    for (const [num, entry] of section.entries) if (!entries.has(num)) entries.set(num, entry);
    trailer ??= section.trailer;
    const hybrid = asNumber(section.trailer.get('XRefStm'));
    if (hybrid !== undefined) pending.unshift(hybrid);
    const prev = asNumber(section.trailer.get('Prev'));
    if (prev !== undefined) pending.push(prev);
  }
  if (!trailer || entries.size === 0) throw new Unsupported('empty cross-reference');
  return { entries, trailer };
}

function readSection(bytes: Uint8Array, offset: number): Xref {
  if (!Number.isInteger(offset) || offset < 0 || offset >= bytes.length) throw new Unsupported('cross-reference offset out of the file');
  const lexer = new Lexer(bytes, offset);
  const save = lexer.pos;
  const head = lexer.next();
  if (head.type === 'keyword' && head.value === 'xref') return readTable(lexer);
  lexer.pos = save;
  return readXrefStream(lexer);
}

function readTable(lexer: Lexer): Xref {
  const entries = new Map<number, XrefEntry>();
  for (;;) {
    const t = lexer.next();
    if (t.type === 'keyword' && t.value === 'trailer') break;
    const countToken = lexer.next();
    if (t.type !== 'number' || countToken.type !== 'number') throw new Unsupported('malformed cross-reference table');
    const firstNum = t.value;
    for (let i = 0; i < countToken.value; i++) {
      const offset = lexer.next();
      const gen = lexer.next();
      const kind = lexer.next();
      if (offset.type !== 'number' || gen.type !== 'number' || kind.type !== 'keyword') throw new Unsupported('malformed cross-reference entry');
      const num = firstNum + i;
      if (kind.value === 'n' && offset.value > 0 && !entries.has(num)) entries.set(num, { type: 'offset', offset: offset.value, gen: gen.value });
    }
  }
  const trailer = parseObject(lexer);
  if (!(trailer instanceof Dict)) throw new Unsupported('no trailer dictionary');
  return { entries, trailer };
}

function readXrefStream(lexer: Lexer): Xref {
  const num = lexer.next();
  const gen = lexer.next();
  const obj = lexer.next();
  if (num.type !== 'number' || gen.type !== 'number' || obj.type !== 'keyword' || obj.value !== 'obj') throw new Unsupported('no cross-reference at startxref');
  const stream = parseObject(lexer, (d) => asNumber(d.get('Length')));
  if (!(stream instanceof Stream)) throw new Unsupported('cross-reference stream expected');
  const { dict } = stream;
  const widths = (asArray(dict.get('W')) ?? []).map(asNumber);
  const size = asNumber(dict.get('Size'));
  if (widths.length < 3 || widths.some((w) => w === undefined || w < 0 || w > 8) || size === undefined) throw new Unsupported('malformed cross-reference stream');
  const [w0, w1, w2] = widths as [number, number, number];
  const index = (asArray(dict.get('Index')) ?? [0, size]).map(asNumber);
  // A cross-reference stream's own filter parameters are direct objects (the spec requires it).
  const data = decodeStreamData(stream.raw, dict, (v) => v);
  const rowLength = w0 + w1 + w2;
  const entries = new Map<number, XrefEntry>();
  const field = (at: number, width: number) => {
    let v = 0;
    for (let k = 0; k < width; k++) v = v * 256 + data[at + k]!;
    return v;
  };
  let row = 0;
  for (let i = 0; i + 1 < index.length; i += 2) {
    const start = index[i];
    const count = index[i + 1];
    if (start === undefined || count === undefined) throw new Unsupported('malformed /Index');
    for (let k = 0; k < count; k++, row++) {
      const at = row * rowLength;
      if (at + rowLength > data.length) break;
      const type = w0 === 0 ? 1 : field(at, w0);
      const a = field(at + w0, w1);
      const b = field(at + w0 + w1, w2);
      const n = start + k;
      if (entries.has(n)) continue;
      if (type === 1 && a > 0) entries.set(n, { type: 'offset', offset: a, gen: b });
      else if (type === 2) entries.set(n, { type: 'compressed', stream: a, index: b });
    }
  }
  return { entries, trailer: dict };
}

/**
 * Finds every "N G obj" in the file (the last definition of a number wins). The trailer is the last one written,
 * if any: only its /Encrypt matters here, and the caller also refuses a rebuilt file that mentions encryption.
 */
export function rebuildXref(bytes: Uint8Array): Xref {
  const entries = new Map<number, XrefEntry>();
  for (let i = 1; i < bytes.length - 3; i++) {
    // "obj" after whitespace and not followed by a regular character ("objstm" is not it).
    if (bytes[i] !== 0x6f || bytes[i + 1] !== 0x62 || bytes[i + 2] !== 0x6a || !isWhite(bytes[i - 1]!)) continue;
    const after = bytes[i + 3];
    if (after !== undefined && !isWhite(after) && after !== 0x3c && after !== 0x5b && after !== 0x2f && after !== 0x25) continue;
    const head = numbersBefore(bytes, i);
    if (head) entries.set(head.num, { type: 'offset', offset: head.start, gen: head.gen });
  }
  if (entries.size === 0) throw new Unsupported('no objects found');
  let trailer = new Dict();
  const at = lastIndexOf(bytes, 'trailer');
  if (at >= 0) {
    try {
      const value = parseObject(new Lexer(bytes, at + 7));
      if (value instanceof Dict) trailer = value;
    } catch {
      // no usable trailer
    }
  }
  return { entries, trailer, rebuilt: true };
}

/** Reads "N G " backwards from `objAt` (the position of "obj"). */
function numbersBefore(bytes: Uint8Array, objAt: number): { num: number; gen: number; start: number } | undefined {
  let p = objAt - 1;
  const number = (): number | undefined => {
    while (p >= 0 && isWhite(bytes[p]!)) p--;
    const end = p + 1;
    while (p >= 0 && bytes[p]! >= 0x30 && bytes[p]! <= 0x39) p--;
    if (p + 1 === end || end - (p + 1) > 10) return undefined;
    let v = 0;
    for (let k = p + 1; k < end; k++) v = v * 10 + (bytes[k]! - 0x30);
    return v;
  };
  const gen = number();
  const num = number();
  if (gen === undefined || num === undefined) return undefined;
  return { num, gen, start: p + 1 };
}
