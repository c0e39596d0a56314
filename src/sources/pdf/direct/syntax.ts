/**
 * PDF lexical conventions (ISO 32000-1 §7.2): character classes shared by the object parser and the content
 * stream scanner, and a tokenizer for object syntax.
 */

/** Thrown when the direct reader meets something it does not handle; the caller falls back to pdf.js. */
export class Unsupported extends Error {
  override readonly name = 'Unsupported';
}

export const enum CharClass {
  Regular = 0,
  White = 1,
  Delimiter = 2,
}

/** Character class of every byte value. */
export const CHAR_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(256);
  for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) table[c] = CharClass.White;
  for (const c of '()<>[]{}/%') table[c.charCodeAt(0)] = CharClass.Delimiter;
  return table;
})();

export const isWhite = (c: number) => CHAR_CLASS[c] === CharClass.White;

const HEX_VALUE: Int8Array = (() => {
  const table = new Int8Array(256).fill(-1);
  for (let i = 0; i < 10; i++) table[0x30 + i] = i;
  for (let i = 0; i < 6; i++) {
    table[0x41 + i] = 10 + i;
    table[0x61 + i] = 10 + i;
  }
  return table;
})();

export const hexValue = (c: number) => HEX_VALUE[c]!;

export type Token =
  | { type: 'number'; value: number }
  | { type: 'name'; value: string }
  | { type: 'string'; value: Uint8Array }
  | { type: 'keyword'; value: string }
  | { type: '[' | ']' | '<<' | '>>' | 'eof' };

/** \n \r \t \b \f \( \) \\ inside literal strings. */
const STRING_ESCAPES: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };

const EOF: Token = { type: 'eof' };
const ARRAY_OPEN: Token = { type: '[' };
const ARRAY_CLOSE: Token = { type: ']' };
const DICT_OPEN: Token = { type: '<<' };
const DICT_CLOSE: Token = { type: '>>' };

/** The number written at `start` (up to `end`) the lenient way readers do ("-.5", "+3", "1.", even "--2" as -2). */
export function numberAt(bytes: Uint8Array, start: number, end: number): number {
  let pos = start;
  let negative = false;
  while (pos < end && (bytes[pos] === 0x2d || bytes[pos] === 0x2b)) {
    if (bytes[pos] === 0x2d) negative = !negative;
    pos++;
  }
  let value = 0;
  while (pos < end && bytes[pos]! >= 0x30 && bytes[pos]! <= 0x39) value = value * 10 + (bytes[pos++]! - 0x30);
  if (pos < end && bytes[pos] === 0x2e) {
    let scale = 0.1;
    for (pos++; pos < end && bytes[pos]! >= 0x30 && bytes[pos]! <= 0x39; pos++) {
      value += (bytes[pos]! - 0x30) * scale;
      scale /= 10;
    }
  }
  return negative ? -value : value;
}

/** Reads a number at `start` and where it ends (the end is `start` when there is no number there). */
export function readNumber(bytes: Uint8Array, start: number, end: number): { value: number; end: number } {
  let pos = start;
  while (pos < end && (bytes[pos] === 0x2d || bytes[pos] === 0x2b)) pos++;
  const isDigit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39;
  let digits = 0;
  for (; pos < end && isDigit(bytes[pos]); pos++) digits++;
  if (pos < end && bytes[pos] === 0x2e) for (pos++; pos < end && isDigit(bytes[pos]); pos++) digits++;
  if (digits === 0 && bytes[pos - 1] !== 0x2e) return { value: 0, end: start };
  return { value: numberAt(bytes, start, pos), end: pos };
}

/** Tokenizer for PDF object syntax over a byte range. Comments and whitespace are skipped. */
export class Lexer {
  pos: number;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
  ) {
    this.pos = start;
  }

  skipWhite(): void {
    const { bytes, end } = this;
    while (this.pos < end) {
      const c = bytes[this.pos]!;
      if (c === 0x25) {
        // A comment runs to the end of the line.
        while (this.pos < end && bytes[this.pos] !== 0x0a && bytes[this.pos] !== 0x0d) this.pos++;
      } else if (CHAR_CLASS[c] === CharClass.White) this.pos++;
      else return;
    }
  }

  next(): Token {
    this.skipWhite();
    const { bytes, end } = this;
    if (this.pos >= end) return EOF;
    const c = bytes[this.pos]!;
    switch (c) {
      case 0x5b: // [
        this.pos++;
        return ARRAY_OPEN;
      case 0x5d: // ]
        this.pos++;
        return ARRAY_CLOSE;
      case 0x28: // (
        return { type: 'string', value: this.literalString() };
      case 0x2f: // /
        return { type: 'name', value: this.name() };
      case 0x3c: // < or <<
        if (bytes[this.pos + 1] === 0x3c) {
          this.pos += 2;
          return DICT_OPEN;
        }
        return { type: 'string', value: this.hexString() };
      case 0x3e: // > or >>
        this.pos += bytes[this.pos + 1] === 0x3e ? 2 : 1;
        return DICT_CLOSE;
      case 0x29: // stray ) { }
      case 0x7b:
      case 0x7d:
        this.pos++;
        return this.next();
    }
    if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e) {
      const { value, end: after } = readNumber(bytes, this.pos, end);
      // Only a number when the run of regular characters ends where the number does ("12" yes, "1abc" no).
      if (after > this.pos && (after >= end || CHAR_CLASS[bytes[after]!] !== CharClass.Regular)) {
        this.pos = after;
        return { type: 'number', value };
      }
    }
    const start = this.pos;
    while (this.pos < end && CHAR_CLASS[bytes[this.pos]!] === CharClass.Regular) this.pos++;
    return { type: 'keyword', value: latin1(bytes, start, this.pos) };
  }

  private name(): string {
    const { bytes, end } = this;
    this.pos++; // the slash
    let out = '';
    let start = this.pos;
    while (this.pos < end && CHAR_CLASS[bytes[this.pos]!] === CharClass.Regular) {
      if (bytes[this.pos] === 0x23 && hexValue(bytes[this.pos + 1] ?? 0) >= 0 && hexValue(bytes[this.pos + 2] ?? 0) >= 0) {
        out += latin1(bytes, start, this.pos) + String.fromCharCode(hexValue(bytes[this.pos + 1]!) * 16 + hexValue(bytes[this.pos + 2]!));
        this.pos += 3;
        start = this.pos;
      } else this.pos++;
    }
    return out + latin1(bytes, start, this.pos);
  }

  private literalString(): Uint8Array {
    const { bytes, end } = this;
    this.pos++; // the opening parenthesis
    const out: number[] = [];
    let depth = 1;
    while (this.pos < end) {
      const c = bytes[this.pos++]!;
      if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) break;
      if (c !== 0x5c) {
        out.push(c);
        continue;
      }
      const e = bytes[this.pos++];
      if (e === undefined) break;
      const escaped = STRING_ESCAPES[e];
      if (escaped !== undefined) out.push(escaped);
      else if (e >= 0x30 && e <= 0x37) {
        let v = e - 0x30;
        for (let k = 0; k < 2 && bytes[this.pos]! >= 0x30 && bytes[this.pos]! <= 0x37; k++) v = v * 8 + (bytes[this.pos++]! - 0x30);
        out.push(v & 0xff);
      } else if (e === 0x0d) {
        if (bytes[this.pos] === 0x0a) this.pos++; // line continuation
      } else if (e !== 0x0a) out.push(e);
    }
    return Uint8Array.from(out);
  }

  private hexString(): Uint8Array {
    const { value, end } = decodeHex(this.bytes, this.pos + 1, this.end);
    this.pos = end;
    return value;
  }
}

/**
 * Hex digits to bytes, from `start` up to ">" (or `end`): other characters are skipped and an odd last digit
 * counts as followed by 0, as in hex strings and ASCIIHexDecode data. Returns the position after the ">".
 */
export function decodeHex(bytes: Uint8Array, start: number, end: number): { value: Uint8Array; end: number } {
  const out: number[] = [];
  let high = -1;
  let pos = start;
  while (pos < end) {
    const c = bytes[pos++]!;
    if (c === 0x3e) break;
    const v = hexValue(c);
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      out.push(high * 16 + v);
      high = -1;
    }
  }
  if (high >= 0) out.push(high * 16);
  return { value: Uint8Array.from(out), end: pos };
}

export function latin1(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** Position of `needle` (ASCII) in `bytes` at or after `from`, or -1. */
export function indexOf(bytes: Uint8Array, needle: string, from = 0, to = bytes.length): number {
  const first = needle.charCodeAt(0);
  outer: for (let i = Math.max(0, from); i <= to - needle.length; i++) {
    if (bytes[i] !== first) continue;
    for (let k = 1; k < needle.length; k++) if (bytes[i + k] !== needle.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** Position of the last `needle` (ASCII) in `bytes` that starts before `before`, or -1. */
export function lastIndexOf(bytes: Uint8Array, needle: string, before = bytes.length): number {
  outer: for (let i = Math.min(before, bytes.length) - needle.length; i >= 0; i--) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}
