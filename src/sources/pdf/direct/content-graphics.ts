/**
 * Reads the rules and filled rectangles of a page straight from its content stream, without building pdf.js's
 * operator list (which parses every content stream a second time and turns every glyph into an object: as much
 * work as the text extraction itself). Only what `GraphicsBuilder` needs is followed: the graphics state stack,
 * the CTM, fill colours, path construction and painting, and form XObjects. Text, images and everything else are
 * lexed over. The behaviour mirrors pdf.js's evaluator, so both readers give the same page model; where the
 * scanner cannot be sure (colour spaces with tint functions, unreadable inline images, form loops) it throws
 * Unsupported and the page is read through pdf.js instead.
 */
import { DRAW, type Graphics, GraphicsBuilder } from '../graphics.js';
import { IDENTITY, type Matrix, asMatrix, multiply } from '../matrix.js';
import type { DirectPdf, PageSource } from './file.js';
import { type Dict, Name, type PdfValue, PdfString, Stream, asArray, asDict, asNumber, isName } from './objects.js';
import { CHAR_CLASS, CharClass, Unsupported, latin1, numberAt } from './syntax.js';

/** Operators this scanner acts on, keyed by their bytes packed into one number (all PDF operators are ≤ 3 bytes). */
const key = (op: string) => op.charCodeAt(0) | ((op.charCodeAt(1) || 0) << 8) | ((op.charCodeAt(2) || 0) << 16);
const OP = {
  q: key('q'),
  Q: key('Q'),
  cm: key('cm'),
  m: key('m'),
  l: key('l'),
  c: key('c'),
  v: key('v'),
  y: key('y'),
  h: key('h'),
  re: key('re'),
  S: key('S'),
  s: key('s'),
  f: key('f'),
  F: key('F'),
  fStar: key('f*'),
  B: key('B'),
  BStar: key('B*'),
  b: key('b'),
  bStar: key('b*'),
  n: key('n'),
  g: key('g'),
  rg: key('rg'),
  k: key('k'),
  cs: key('cs'),
  sc: key('sc'),
  scn: key('scn'),
  Do: key('Do'),
  BI: key('BI'),
} as const;

/** Kinds of operand. */
const NUMBER = 0;
const NAME = 1;
const OTHER = 2;

/** Form XObjects nested deeper than this are a loop or hostile input. */
const MAX_FORM_DEPTH = 12;
/** Operands kept per operator; more is malformed content, of which the last ones count (as in pdf.js). */
const MAX_OPERANDS = 32;

type FillSpace =
  | { kind: 'gray' | 'rgb' | 'cmyk' }
  | { kind: 'indexed'; base: 'gray' | 'rgb' | 'cmyk'; high: number; lookup: Uint8Array }
  | { kind: 'pattern' };

const GRAY: FillSpace = { kind: 'gray' };
const RGB: FillSpace = { kind: 'rgb' };
const CMYK: FillSpace = { kind: 'cmyk' };
const PATTERN: FillSpace = { kind: 'pattern' };

interface State {
  ctm: Matrix;
  fill: string | null;
  fillSpace: FillSpace;
  /** The colour space `scn` uses: null until one is set (pdf.js then reads plain numbers as gray). */
  patternSpace: FillSpace | null;
}

/** The page's rules and filled rectangles, read directly from its content. */
export function scanPageGraphics(pdf: DirectPdf, page: PageSource, viewport: Matrix): Graphics {
  const scanner = new ContentScanner(pdf, new GraphicsBuilder(viewport));
  scanner.run(page.content, page.resources, 0, new Set());
  return scanner.builder.result();
}

class ContentScanner {
  private state: State = { ctm: IDENTITY, fill: null, fillSpace: GRAY, patternSpace: null };
  private readonly stack: State[] = [];
  private path: number[] = [];
  private pointX = 0;
  private pointY = 0;
  // Operands of the operator being read, kept as spans of the content: most belong to text operators, so numbers
  // are parsed and names decoded only when an operator this scanner acts on asks for them.
  private bytes: Uint8Array = new Uint8Array(0);
  private readonly kinds = new Uint8Array(MAX_OPERANDS);
  private readonly starts = new Int32Array(MAX_OPERANDS);
  private readonly ends = new Int32Array(MAX_OPERANDS);
  private readonly values = new Float64Array(MAX_OPERANDS);
  private count = 0;

  constructor(
    private readonly pdf: DirectPdf,
    readonly builder: GraphicsBuilder,
  ) {}

  run(bytes: Uint8Array, resources: Dict | undefined, depth: number, forms: Set<Stream>): void {
    this.bytes = bytes;
    const end = bytes.length;
    let pos = 0;
    // Nesting of arrays and dictionaries: operators only count outside them.
    let nesting = 0;
    while (pos < end) {
      const c = bytes[pos]!;
      const cls = CHAR_CLASS[c]!;
      if (cls === CharClass.White) {
        pos++;
        continue;
      }
      if (cls === CharClass.Delimiter) {
        switch (c) {
          case 0x25: // % comment
            while (pos < end && bytes[pos] !== 0x0a && bytes[pos] !== 0x0d) pos++;
            continue;
          case 0x28: // ( literal string
            pos = skipLiteralString(bytes, pos + 1, end);
            if (nesting === 0) this.push(OTHER, 0, 0);
            continue;
          case 0x3c: // < hex string, or << dictionary
            if (bytes[pos + 1] === 0x3c) {
              nesting++;
              pos += 2;
            } else {
              while (pos < end && bytes[pos] !== 0x3e) pos++;
              pos++;
              if (nesting === 0) this.push(OTHER, 0, 0);
            }
            continue;
          case 0x3e: // >> end of dictionary
            pos += bytes[pos + 1] === 0x3e ? 2 : 1;
            if (nesting > 0 && --nesting === 0) this.push(OTHER, 0, 0);
            continue;
          case 0x5b: // [
            nesting++;
            pos++;
            continue;
          case 0x5d: // ]
            pos++;
            if (nesting > 0 && --nesting === 0) this.push(OTHER, 0, 0);
            continue;
          case 0x2f: {
            // /Name
            const start = ++pos;
            while (pos < end && CHAR_CLASS[bytes[pos]!] === CharClass.Regular) pos++;
            if (nesting === 0) this.push(NAME, start, pos);
            continue;
          }
          default: // { } ) out of place
            pos++;
            continue;
        }
      }
      const start = pos;
      while (pos < end && CHAR_CLASS[bytes[pos]!] === CharClass.Regular) pos++;
      if (nesting > 0) continue;
      if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e) {
        this.push(NUMBER, start, pos);
        continue;
      }
      // A keyword: an operator, or true/false/null.
      const length = pos - start;
      if (length > 3) {
        if (isConstant(bytes, start, length)) this.push(OTHER, 0, 0);
        else this.count = 0; // an operator we do not act on
        continue;
      }
      const op = bytes[start]! | (length > 1 ? bytes[start + 1]! << 8 : 0) | (length > 2 ? bytes[start + 2]! << 16 : 0);
      if (op === OP.BI) {
        pos = skipInlineImage(bytes, pos, end);
        this.count = 0;
        continue;
      }
      this.operate(op, resources, depth, forms);
      this.count = 0;
    }
  }

  private push(kind: number, start: number, end: number): void {
    if (this.count === MAX_OPERANDS) {
      // Malformed content with too many operands: the last ones count.
      this.kinds.copyWithin(0, 1);
      this.starts.copyWithin(0, 1);
      this.ends.copyWithin(0, 1);
      this.count--;
    }
    this.kinds[this.count] = kind;
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }

  /** The last `n` operands when they are all numbers (pdf.js drops an operator with too few or wrong operands). */
  private numericOperands(n: number): Float64Array | undefined {
    if (this.count < n) return undefined;
    for (let i = this.count - n; i < this.count; i++) {
      if (this.kinds[i] !== NUMBER) return undefined;
      this.values[i] = numberAt(this.bytes, this.starts[i]!, this.ends[i]!);
    }
    return this.values.subarray(this.count - n, this.count);
  }

  /** The last operand when it is a name. */
  private lastName(): string | undefined {
    const i = this.count - 1;
    return i >= 0 && this.kinds[i] === NAME ? decodeName(this.bytes, this.starts[i]!, this.ends[i]!) : undefined;
  }

  private operate(op: number, resources: Dict | undefined, depth: number, forms: Set<Stream>): void {
    switch (op) {
      case OP.q:
        this.stack.push(this.state);
        this.state = { ...this.state };
        return;
      case OP.Q: {
        const top = this.stack.pop();
        if (top) this.state = top;
        return;
      }
      case OP.cm: {
        const a = this.numericOperands(6);
        if (a) this.state.ctm = multiply(this.state.ctm, [a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!]);
        return;
      }
      case OP.m:
      case OP.l: {
        const a = this.numericOperands(2);
        if (!a) return;
        this.path.push(op === OP.m ? DRAW.moveTo : DRAW.lineTo, a[0]!, a[1]!);
        this.pointX = a[0]!;
        this.pointY = a[1]!;
        return;
      }
      // v and y repeat a point of the curve (the current point, or the end), as pdf.js writes them.
      case OP.c: {
        const a = this.numericOperands(6);
        if (a) this.curveTo(a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!);
        return;
      }
      case OP.v: {
        const a = this.numericOperands(4);
        if (a) this.curveTo(this.pointX, this.pointY, a[0]!, a[1]!, a[2]!, a[3]!);
        return;
      }
      case OP.y: {
        const a = this.numericOperands(4);
        if (a) this.curveTo(a[0]!, a[1]!, a[2]!, a[3]!, a[2]!, a[3]!);
        return;
      }
      case OP.h:
        this.path.push(DRAW.closePath);
        return;
      case OP.re: {
        const a = this.numericOperands(4);
        if (!a) return;
        const [x, y, w, h] = [a[0]!, a[1]!, a[2]!, a[3]!];
        // As pdf.js builds it: a degenerate rectangle is one diagonal segment.
        if (w === 0 || h === 0) this.path.push(DRAW.moveTo, x, y, DRAW.lineTo, x + w, y + h, DRAW.closePath);
        else this.path.push(DRAW.moveTo, x, y, DRAW.lineTo, x + w, y, DRAW.lineTo, x + w, y + h, DRAW.lineTo, x, y + h, DRAW.closePath);
        this.pointX = x;
        this.pointY = y;
        return;
      }
      case OP.S:
        return this.paint(true, false, false);
      case OP.s:
        return this.paint(true, false, true);
      case OP.f:
      case OP.F:
      case OP.fStar:
        return this.paint(false, true, false);
      case OP.B:
      case OP.BStar:
        return this.paint(true, true, false);
      case OP.b:
      case OP.bStar:
        return this.paint(true, true, true);
      case OP.n:
        this.path = [];
        return;
      case OP.g:
        return this.setDeviceFill(GRAY, 1);
      case OP.rg:
        return this.setDeviceFill(RGB, 3);
      case OP.k:
        return this.setDeviceFill(CMYK, 4);
      case OP.cs:
        {
          const name = this.lastName();
          if (name === undefined) return;
          const space = this.colorSpace(name, resources);
          this.state.fillSpace = space;
          this.state.patternSpace = space;
        }
        return;
      case OP.sc:
        return this.setFillColor(this.state.fillSpace, false);
      case OP.scn:
        return this.setFillColor(this.state.patternSpace, true);
      case OP.Do:
        {
          const name = this.lastName();
          if (name !== undefined) this.drawXObject(name, resources, depth, forms);
        }
        return;
    }
  }

  private curveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): void {
    this.path.push(DRAW.curveTo, x1, y1, x2, y2, x, y);
    this.pointX = x;
    this.pointY = y;
  }

  private paint(stroked: boolean, filled: boolean, close: boolean): void {
    if (close) this.path.push(DRAW.closePath);
    if (this.path.length > 0) this.builder.paint(this.path, this.state.ctm, stroked, filled, this.state.fill);
    this.path = [];
  }

  private setDeviceFill(space: FillSpace, components: number): void {
    const a = this.numericOperands(components);
    if (!a) return;
    this.state.fillSpace = space;
    this.state.patternSpace = space;
    this.state.fill = toHex(space, a);
  }

  private setFillColor(space: FillSpace | null, named: boolean): void {
    if (space === null) {
      // pdf.js: without a colour space set, plain numbers are gray and anything else is transparent.
      const numbers = this.allNumericOperands();
      this.state.fill = numbers && numbers.length > 0 ? toHex(GRAY, numbers) : null;
      return;
    }
    if (space.kind === 'pattern' || (named && this.lastName() !== undefined)) {
      this.state.fill = null; // a pattern fill: no single colour
      return;
    }
    const numbers = this.allNumericOperands();
    if (numbers) this.state.fill = toHex(space, numbers);
  }

  /** All the operands, when they are all numbers. */
  private allNumericOperands(): Float64Array | undefined {
    return this.numericOperands(this.count);
  }

  private colorSpace(name: string, resources: Dict | undefined): FillSpace {
    const named = deviceSpace(name) ?? (name === 'Pattern' ? PATTERN : undefined);
    if (named) return named;
    const spaces = asDict(this.pdf.resolve(resources?.get('ColorSpace')));
    const value = spaces?.get(name);
    if (value === undefined) return GRAY; // unknown name: pdf.js falls back to gray
    return this.colorSpaceFrom(this.pdf.resolve(value), 0);
  }

  private colorSpaceFrom(value: PdfValue | undefined, depth: number): FillSpace {
    if (depth > 4) throw new Unsupported('colour space nesting');
    if (value instanceof Name) {
      const device = deviceSpace(value.name);
      if (device) return device;
      if (value.name === 'Pattern') return PATTERN;
      throw new Unsupported(`colour space ${value.name}`);
    }
    const array = asArray(value);
    const family = this.pdf.resolve(array?.[0]);
    if (!array || !(family instanceof Name)) return GRAY; // pdf.js: unrecognised object, gray
    const device = deviceSpace(family.name);
    if (device) return device;
    switch (family.name) {
      case 'ICCBased': {
        const stream = this.pdf.resolve(array[1]);
        if (!(stream instanceof Stream)) throw new Unsupported('ICCBased without stream');
        const alternate = stream.dict.get('Alternate');
        const n = asNumber(this.pdf.resolve(stream.dict.get('N')));
        if (alternate !== undefined) {
          const alt = this.colorSpaceFrom(this.pdf.resolve(alternate), depth + 1);
          if (componentsOf(alt) === n) return alt;
        }
        if (n === 1) return GRAY;
        if (n === 3) return RGB;
        if (n === 4) return CMYK;
        throw new Unsupported('ICCBased component count');
      }
      case 'Pattern':
        return PATTERN;
      case 'Indexed':
      case 'I': {
        const base = this.colorSpaceFrom(this.pdf.resolve(array[1]), depth + 1);
        if (base.kind !== 'gray' && base.kind !== 'rgb' && base.kind !== 'cmyk') throw new Unsupported('indexed over a non-device space');
        const high = Math.max(0, Math.min(255, asNumber(this.pdf.resolve(array[2])) ?? 0));
        const lookupValue = this.pdf.resolve(array[3]);
        const lookup = lookupValue instanceof PdfString ? lookupValue.bytes : lookupValue instanceof Stream ? this.pdf.decode(lookupValue) : undefined;
        if (!lookup) throw new Unsupported('indexed lookup');
        return { kind: 'indexed', base: base.kind, high, lookup };
      }
      default:
        // CalGray, CalRGB, Lab, Separation, DeviceN: pdf.js's conversions (tint functions...) are not repeated here.
        throw new Unsupported(`colour space ${family.name}`);
    }
  }

  private drawXObject(name: string, resources: Dict | undefined, depth: number, forms: Set<Stream>): void {
    const xobjects = asDict(this.pdf.resolve(resources?.get('XObject')));
    const xobject = this.pdf.resolve(xobjects?.get(name));
    if (!(xobject instanceof Stream) || !isName(xobject.dict.get('Subtype'), 'Form')) return; // images, missing objects
    if (depth >= MAX_FORM_DEPTH || forms.has(xobject)) throw new Unsupported('form XObject loop');
    const matrix = asMatrix(asArray(this.pdf.resolve(xobject.dict.get('Matrix')))?.map((v) => this.pdf.resolve(v))) ?? IDENTITY;
    const formResources = asDict(this.pdf.resolve(xobject.dict.get('Resources'))) ?? resources;
    const content = this.pdf.decode(xobject);
    // As pdf.js does: the form runs in a saved state, its matrix applied, with a path of its own.
    const saved = { state: this.state, path: this.path, depth: this.stack.length, bytes: this.bytes };
    this.state = { ...this.state, ctm: multiply(this.state.ctm, matrix) };
    this.path = [];
    forms.add(xobject);
    this.count = 0;
    this.run(content, formResources, depth + 1, forms);
    forms.delete(xobject);
    this.stack.length = Math.min(this.stack.length, saved.depth); // a form's unbalanced q does not leak out
    this.state = saved.state;
    this.path = saved.path;
    this.bytes = saved.bytes;
  }
}

/** true, false or null: operands, not operators. */
function isConstant(bytes: Uint8Array, start: number, length: number): boolean {
  const word = length === 4 || length === 5 ? latin1(bytes, start, start + length) : '';
  return word === 'true' || word === 'false' || word === 'null';
}

function deviceSpace(name: string): FillSpace | undefined {
  if (name === 'DeviceGray' || name === 'G') return GRAY;
  if (name === 'DeviceRGB' || name === 'RGB') return RGB;
  if (name === 'DeviceCMYK' || name === 'CMYK') return CMYK;
  return undefined;
}

function componentsOf(space: FillSpace): number {
  return space.kind === 'gray' || space.kind === 'indexed' ? 1 : space.kind === 'rgb' ? 3 : space.kind === 'cmyk' ? 4 : 0;
}

/** "#rrggbb" the way pdf.js computes it (components scaled to 0–255 and stored in a clamped byte array). */
function toHex(space: FillSpace, c: ArrayLike<number>): string | null {
  let r: number, g: number, b: number;
  switch (space.kind) {
    case 'gray':
      r = g = b = c[0]! * 255;
      break;
    case 'rgb':
      if (c.length < 3) return null;
      [r, g, b] = [c[0]! * 255, c[1]! * 255, c[2]! * 255];
      break;
    case 'cmyk':
      if (c.length < 4) return null;
      [r, g, b] = cmykToRgb(c[0]!, c[1]!, c[2]!, c[3]!);
      break;
    case 'indexed': {
      const n = space.base === 'gray' ? 1 : space.base === 'rgb' ? 3 : 4;
      const index = Math.max(0, Math.min(space.high, Math.round(c[0]!)));
      const entry = Array.from(space.lookup.subarray(index * n, index * n + n), (v) => v / 255);
      if (entry.length < n) return null;
      return toHex(space.base === 'gray' ? GRAY : space.base === 'rgb' ? RGB : CMYK, entry);
    }
    default:
      return null;
  }
  return `#${byteHex(r)}${byteHex(g)}${byteHex(b)}`;
}

/** Uint8ClampedArray conversion: clamp, then round half to even. */
function byteHex(v: number): string {
  let n: number;
  if (!(v > 0)) n = 0;
  else if (v >= 255) n = 255;
  else {
    const floor = Math.floor(v);
    const frac = v - floor;
    n = frac > 0.5 ? floor + 1 : frac < 0.5 ? floor : floor % 2 === 0 ? floor : floor + 1;
  }
  return n.toString(16).padStart(2, '0');
}

/** pdf.js's DeviceCMYK → RGB polynomial (src/core/colorspace.js), so both readers agree on colours. */
function cmykToRgb(c: number, m: number, y: number, k: number): [number, number, number] {
  return [
    255 +
      c * (-4.387332384609988 * c + 54.48615194189176 * m + 18.82290502165302 * y + 212.25662451639585 * k + -285.2331026137004) +
      m * (1.7149763477362134 * m - 5.6096736904047315 * y + -17.873870861415444 * k - 5.497006427196366) +
      y * (-2.5217340131683033 * y - 21.248923337353073 * k + 17.5119270841813) +
      k * (-21.86122147463605 * k - 189.48180835922747),
    255 +
      c * (8.841041422036149 * c + 60.118027045597366 * m + 6.871425592049007 * y + 31.159100130055922 * k + -79.2970844816548) +
      m * (-15.310361306967817 * m + 17.575251261109482 * y + 131.35250912493976 * k - 190.9453302588951) +
      y * (4.444339102852739 * y + 9.8632861493405 * k - 24.86741582555878) +
      k * (-20.737325471181034 * k - 187.80453709719578),
    255 +
      c * (0.8842522430003296 * c + 8.078677503112928 * m + 30.89978309703729 * y - 0.23883238689178934 * k + -14.183576799673286) +
      m * (10.49593273432072 * m + 63.02378494754052 * y + 50.606957656360734 * k - 112.23884253719248) +
      y * (0.03296041114873217 * y + 115.60384449646641 * k + -193.58209356861505) +
      k * (-22.33816807309886 * k - 180.12613974708367),
  ];
}

function decodeName(bytes: Uint8Array, start: number, end: number): string {
  // Names with #xx escapes are rare in content streams; the plain case needs no decoding.
  for (let i = start; i < end; i++) if (bytes[i] === 0x23) return latin1(bytes, start, end).replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return latin1(bytes, start, end);
}

/** Position after the literal string whose opening parenthesis is just before `pos`. */
function skipLiteralString(bytes: Uint8Array, pos: number, end: number): number {
  let depth = 1;
  while (pos < end) {
    const c = bytes[pos++];
    if (c === 0x5c) pos++;
    else if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) return pos;
  }
  return end;
}

/**
 * Position after an inline image (BI … ID data EI) whose BI ends at `pos`. The data has no length, so its end is
 * an "EI" between whitespace followed by text that looks like content again, the check pdf.js makes too.
 */
function skipInlineImage(bytes: Uint8Array, pos: number, end: number): number {
  let id = -1;
  for (let i = pos; i + 1 < end; i++) {
    if (bytes[i] === 0x49 && bytes[i + 1] === 0x44 && CHAR_CLASS[bytes[i - 1]!] !== CharClass.Regular && CHAR_CLASS[bytes[i + 2] ?? 0x20] === CharClass.White) {
      id = i + 3;
      break;
    }
    if (bytes[i] === 0x28) i = skipLiteralString(bytes, i + 1, end) - 1;
  }
  if (id < 0) throw new Unsupported('inline image without ID');
  for (let i = id; i + 1 < end; i++) {
    if (bytes[i] !== 0x45 || bytes[i + 1] !== 0x49) continue;
    if (CHAR_CLASS[bytes[i - 1]!] !== CharClass.White) continue;
    const after = bytes[i + 2];
    if (after !== undefined && CHAR_CLASS[after] !== CharClass.White) continue;
    if (looksLikeContent(bytes, i + 2, end)) return i + 2;
  }
  throw new Unsupported('inline image without a clear end');
}

function looksLikeContent(bytes: Uint8Array, from: number, end: number): boolean {
  for (let i = from; i < Math.min(end, from + 10); i++) {
    const c = bytes[i]!;
    if (c > 0x7f || (c < 0x20 && CHAR_CLASS[c] !== CharClass.White)) return false;
  }
  return true;
}
