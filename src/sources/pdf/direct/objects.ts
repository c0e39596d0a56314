/** PDF objects (ISO 32000-1 §7.3) and their parser. */
import { Lexer, type Token, Unsupported } from './syntax.js';

export class Name {
  constructor(readonly name: string) {}
}

export class Ref {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
  get key(): string {
    return `${this.num} ${this.gen}`;
  }
}

export class PdfString {
  constructor(readonly bytes: Uint8Array) {}
}

export class Dict {
  constructor(readonly entries: Map<string, PdfValue> = new Map()) {}
  get(key: string): PdfValue | undefined {
    return this.entries.get(key);
  }
}

/** A stream: its dictionary and where its (still encoded) data lies in the bytes it was parsed from. */
export class Stream {
  constructor(
    readonly dict: Dict,
    readonly bytes: Uint8Array,
    readonly start: number,
    readonly length: number,
  ) {}
  get raw(): Uint8Array {
    return this.bytes.subarray(this.start, this.start + this.length);
  }
}

export type PdfValue = number | boolean | null | Name | PdfString | Ref | Dict | Stream | PdfValue[];

/** Deeper nesting than this is hostile input, not a document. */
const MAX_DEPTH = 64;

/**
 * Parses one object from the lexer. `streamLength` resolves a stream's /Length (which may be an indirect
 * reference); when the stated length does not land on "endstream", the data runs to the next "endstream".
 */
export function parseObject(lexer: Lexer, streamLength?: (dict: Dict) => number | undefined, depth = 0): PdfValue {
  return valueFrom(lexer, lexer.next(), streamLength, depth);
}

function valueFrom(lexer: Lexer, token: Token, streamLength: ((dict: Dict) => number | undefined) | undefined, depth: number): PdfValue {
  if (depth > MAX_DEPTH) throw new Unsupported('objects nested too deeply');
  switch (token.type) {
    case 'number': {
      // "12 0 R" is a reference: look ahead two tokens and rewind when it is not one.
      const save = lexer.pos;
      const gen = lexer.next();
      if (gen.type === 'number' && Number.isInteger(token.value) && Number.isInteger(gen.value)) {
        const r = lexer.next();
        if (r.type === 'keyword' && r.value === 'R') return new Ref(token.value, gen.value);
      }
      lexer.pos = save;
      return token.value;
    }
    case 'name':
      return new Name(token.value);
    case 'string':
      return new PdfString(token.value);
    case '[': {
      const items: PdfValue[] = [];
      for (let t = lexer.next(); t.type !== ']'; t = lexer.next()) {
        if (t.type === 'eof') throw new Unsupported('unterminated array');
        items.push(valueFrom(lexer, t, streamLength, depth + 1));
      }
      return items;
    }
    case '<<': {
      const dict = new Dict();
      for (let t = lexer.next(); t.type !== '>>'; t = lexer.next()) {
        if (t.type === 'eof') throw new Unsupported('unterminated dictionary');
        if (t.type !== 'name') continue; // a stray value where a key belongs: skip it, as readers do
        const value = valueFrom(lexer, lexer.next(), streamLength, depth + 1);
        dict.entries.set(t.value, value);
      }
      return streamLength ? maybeStream(lexer, dict, streamLength) : dict;
    }
    case 'keyword':
      if (token.value === 'true') return true;
      if (token.value === 'false') return false;
      return null; // "null", and any stray keyword
    default:
      throw new Unsupported(`unexpected ${token.type}`);
  }
}

function maybeStream(lexer: Lexer, dict: Dict, streamLength: (dict: Dict) => number | undefined): Dict | Stream {
  const { bytes } = lexer;
  let p = lexer.pos;
  while (p < lexer.end && (bytes[p] === 0x20 || bytes[p] === 0x09 || bytes[p] === 0x0a || bytes[p] === 0x0d || bytes[p] === 0x0c)) p++;
  if (!startsWith(bytes, p, 'stream')) return dict;
  p += 6;
  // The keyword is followed by CRLF or LF (a lone CR is tolerated).
  if (bytes[p] === 0x0d) p++;
  if (bytes[p] === 0x0a) p++;
  const start = p;
  const stated = streamLength(dict);
  let length: number;
  if (stated !== undefined && stated >= 0 && start + stated <= lexer.end && endsHere(bytes, start + stated)) length = stated;
  else {
    const end = findEndstream(bytes, start, lexer.end);
    if (end < 0) throw new Unsupported('stream without endstream');
    length = end - start;
    if (bytes[start + length - 1] === 0x0a) length--;
    if (bytes[start + length - 1] === 0x0d) length--;
  }
  const stream = new Stream(dict, bytes, start, length);
  lexer.pos = start + length;
  return stream;
}

function startsWith(bytes: Uint8Array, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (bytes[at + k] !== word.charCodeAt(k)) return false;
  return true;
}

/** Whether "endstream" follows `at`, after optional end-of-line characters. */
function endsHere(bytes: Uint8Array, at: number): boolean {
  let p = at;
  while (bytes[p] === 0x0d || bytes[p] === 0x0a || bytes[p] === 0x20) p++;
  return startsWith(bytes, p, 'endstream');
}

function findEndstream(bytes: Uint8Array, from: number, to: number): number {
  for (let i = from; i <= to - 9; i++) if (bytes[i] === 0x65 && startsWith(bytes, i, 'endstream')) return i;
  return -1;
}

// --- typed accessors: the direct reader only goes on when an object has the type it needs ---

export const isName = (v: PdfValue | undefined, name?: string): v is Name => v instanceof Name && (name === undefined || v.name === name);
export const asNumber = (v: PdfValue | undefined): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
export const asDict = (v: PdfValue | undefined): Dict | undefined => (v instanceof Dict ? v : v instanceof Stream ? v.dict : undefined);
export const asArray = (v: PdfValue | undefined): PdfValue[] | undefined => (Array.isArray(v) ? v : undefined);
