/**
 * A minimal PDF object reader: enough to reach a page's content streams and resources without pdf.js. It reads
 * what well-formed files hold (tables, cross-reference and object streams, incremental updates) and throws
 * Unsupported on anything else (encryption, exotic filters, objects not where the file says), so that the
 * caller falls back to pdf.js for that page. It never guesses.
 */
import { decodeStreamData } from './filters.js';
import { Dict, type PdfValue, Ref, Stream, asArray, asDict, asNumber, isName, parseObject } from './objects.js';
import { Lexer, Unsupported, indexOf } from './syntax.js';
import { type Xref, type XrefEntry, readXref, rebuildXref } from './xref.js';

/** Reference chains longer than this are loops. */
const MAX_INDIRECTION = 16;
/** /Parent chains longer than this are loops. */
const MAX_TREE_DEPTH = 64;

export interface PageSource {
  /** The page's content streams, decoded and joined. */
  content: Uint8Array;
  /** The page's resources, inherited from the page tree when the page has none of its own. */
  resources: Dict | undefined;
}

interface ObjectStream {
  data: Uint8Array;
  /** Object number → offset of the object in `data`. */
  offsets: Map<number, number>;
}

export class DirectPdf {
  private readonly objects = new Map<number, PdfValue | undefined>();
  private readonly objectStreams = new Map<number, ObjectStream>();
  /** Objects being read: reading one again before it is done is a loop (a stream whose /Length is itself). */
  private readonly reading = new Set<number>();

  private constructor(
    readonly bytes: Uint8Array,
    private xref: Xref,
  ) {}

  /** Opens a file for direct reading; Unsupported when it is encrypted (pdf.js handles those). */
  static open(bytes: Uint8Array): DirectPdf {
    const xref = readXref(bytes);
    if (xref.trailer.get('Encrypt') !== undefined || (xref.rebuilt && indexOf(bytes, '/Encrypt') >= 0)) throw new Unsupported('encrypted');
    return new DirectPdf(bytes, xref);
  }

  /** Follows references until a direct value (undefined for a missing object). */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    let v = value;
    for (let hops = 0; v instanceof Ref; hops++) {
      if (hops > MAX_INDIRECTION) throw new Unsupported('reference loop');
      v = this.fetch(v);
    }
    return v;
  }

  fetch(ref: Ref): PdfValue | undefined {
    if (this.objects.has(ref.num)) return this.objects.get(ref.num);
    const entry = this.xref.entries.get(ref.num);
    if (!entry) return undefined; // a missing object is null (ISO 32000-1 §7.3.10)
    if (this.reading.has(ref.num)) throw new Unsupported(`object ${ref.num} refers to itself`);
    this.reading.add(ref.num);
    try {
      let value = this.read(ref.num, entry);
      if (value === MISPLACED && !this.xref.rebuilt) {
        // The table points at the wrong place (edited files do this): find the objects by scanning, once.
        const rebuilt = rebuildXref(this.bytes);
        this.xref = { entries: new Map([...this.xref.entries, ...rebuilt.entries]), trailer: this.xref.trailer, rebuilt: true };
        const again = this.xref.entries.get(ref.num);
        value = again ? this.read(ref.num, again) : undefined;
      }
      if (value === MISPLACED) throw new Unsupported(`object ${ref.num} not found where the file says`);
      this.objects.set(ref.num, value);
      return value;
    } finally {
      this.reading.delete(ref.num);
    }
  }

  decode(stream: Stream): Uint8Array {
    return decodeStreamData(stream.raw, stream.dict, (v) => this.resolve(v));
  }

  /** The content and resources of the page whose dictionary is object `ref`. */
  page(ref: Ref): PageSource {
    const page = asDict(this.fetch(ref));
    if (!page || !(page.get('Type') === undefined || isName(page.get('Type'), 'Page'))) throw new Unsupported('page object is not a page');
    const contents = this.resolve(page.get('Contents'));
    const streams = contents instanceof Stream ? [contents] : (asArray(contents) ?? []).map((c) => this.resolve(c));
    const parts: Uint8Array[] = [];
    for (const s of streams) {
      if (!(s instanceof Stream)) throw new Unsupported('content is not a stream');
      parts.push(this.decode(s));
    }
    return { content: joinContent(parts), resources: this.inherited(page, 'Resources') };
  }

  private inherited(node: Dict, key: string): Dict | undefined {
    let current: Dict | undefined = node;
    for (let depth = 0; current && depth < MAX_TREE_DEPTH; depth++) {
      const value = asDict(this.resolve(current.get(key)));
      if (value) return value;
      current = asDict(this.resolve(current.get('Parent')));
    }
    return undefined;
  }

  private read(num: number, entry: XrefEntry): PdfValue | undefined | typeof MISPLACED {
    if (entry.type === 'compressed') return this.readCompressed(num, entry.stream);
    const lexer = new Lexer(this.bytes, entry.offset);
    const n = lexer.next();
    const g = lexer.next();
    const obj = lexer.next();
    if (n.type !== 'number' || n.value !== num || g.type !== 'number' || obj.type !== 'keyword' || obj.value !== 'obj') return MISPLACED;
    return parseObject(lexer, (dict) => this.streamLength(dict));
  }

  private streamLength(dict: Dict): number | undefined {
    const length = dict.get('Length');
    return asNumber(length instanceof Ref ? this.resolve(length) : length);
  }

  private readCompressed(num: number, streamNum: number): PdfValue | undefined | typeof MISPLACED {
    let objStm = this.objectStreams.get(streamNum);
    if (!objStm) {
      const stream = this.fetch(new Ref(streamNum, 0));
      if (!(stream instanceof Stream) || !isName(stream.dict.get('Type'), 'ObjStm')) throw new Unsupported('object stream expected');
      const data = this.decode(stream);
      const count = asNumber(stream.dict.get('N')) ?? 0;
      const first = asNumber(stream.dict.get('First')) ?? 0;
      const header = new Lexer(data, 0, Math.min(first, data.length));
      const offsets = new Map<number, number>();
      for (let i = 0; i < count; i++) {
        const objNum = header.next();
        const offset = header.next();
        if (objNum.type !== 'number' || offset.type !== 'number') break;
        offsets.set(objNum.value, first + offset.value);
      }
      objStm = { data, offsets };
      this.objectStreams.set(streamNum, objStm);
    }
    const at = objStm.offsets.get(num);
    if (at === undefined) return MISPLACED;
    return parseObject(new Lexer(objStm.data, at));
  }
}

const MISPLACED = Symbol('misplaced');

/** Content streams of one page are one description split at token boundaries: join them with a space. */
function joinContent(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const total = parts.reduce((n, p) => n + p.length + 1, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    out[at + p.length] = 0x0a;
    at += p.length + 1;
  }
  return out;
}
