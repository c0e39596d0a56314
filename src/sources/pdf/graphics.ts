import type { FilledRect, Ruling } from '../page-model.js';
import { IDENTITY, type Matrix, apply, asMatrix, multiply } from './matrix.js';

/** The pdf.js operator codes this reader follows (a subset of pdfjs OPS, passed in so the reader stays pure). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  setFillRGBColor: number;
  setFillGray: number;
  setFillCMYKColor: number;
  setFillColor: number;
  setFillColorN: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  endPath: number;
}

/** Drawing commands of a path buffer, as pdf.js 5 writes them (DrawOPS). */
export const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

/** A line thinner than this (points) is a rule, whether stroked or filled. */
const THIN = 2.5;
/** Tolerance for calling a segment horizontal or vertical. */
const SKEW = 0.75;
const MIN_RULING_LENGTH = 3;

interface SubPath {
  points: [number, number][];
  closed: boolean;
  curved: boolean;
}

export interface Graphics {
  rulings: Ruling[];
  rects: FilledRect[];
}

/**
 * Collects the rules and filled rectangles of one page from painted paths, whoever reads the paths (the pdf.js
 * operator list below, or the direct content scanner). Paths come as pdf.js 5 path buffers (DrawOPS followed by
 * their coordinates, in user space) with the CTM in force when they are painted; they are taken through the CTM
 * and the viewport transform, so coordinates come out top-left-origin like the text. Stroked straight segments
 * become rulings; filled rectangles become rulings when thin, filled rectangles otherwise.
 */
export class GraphicsBuilder {
  readonly rulings: Ruling[] = [];
  readonly rects: FilledRect[] = [];

  constructor(private readonly viewport: Matrix) {}

  paint(buffer: ArrayLike<number>, ctm: Matrix, stroked: boolean, filled: boolean, fill: string | null): void {
    if (!stroked && !filled) return; // clipping paths, endPath
    const paths = parsePathBuffer(buffer, multiply(this.viewport, ctm));
    if (stroked) for (const p of paths) strokeRulings(p, this.rulings);
    if (filled) for (const p of paths) fillShapes(p, fill, this.rulings, this.rects);
  }

  result(): Graphics {
    return { rulings: this.rulings, rects: this.rects };
  }
}

/** Reads the rules and filled rectangles of a page from its pdf.js operator list. */
export function readGraphics(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: OpCodes, viewport: Matrix): Graphics {
  const builder = new GraphicsBuilder(viewport);
  let ctm: Matrix = IDENTITY;
  let fill: string | null = null;
  const stack: { ctm: Matrix; fill: string | null }[] = [];

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null | undefined;
    if (fn === ops.save) stack.push({ ctm, fill });
    else if (fn === ops.restore) {
      const top = stack.pop();
      if (top) ({ ctm, fill } = top);
    } else if (fn === ops.transform) {
      const m = asMatrix(args);
      if (m) ctm = multiply(ctm, m);
    } else if (fn === ops.paintFormXObjectBegin) {
      stack.push({ ctm, fill });
      const m = asMatrix(args?.[0]);
      if (m) ctm = multiply(ctm, m);
    } else if (fn === ops.paintFormXObjectEnd) {
      const top = stack.pop();
      if (top) ({ ctm, fill } = top);
    } else if (
      fn === ops.setFillRGBColor ||
      fn === ops.setFillGray ||
      fn === ops.setFillCMYKColor ||
      fn === ops.setFillColor ||
      fn === ops.setFillColorN
    ) {
      // pdf.js converts every colour space to "#rrggbb" before handing the op out; patterns stay unknown.
      const c = args?.[0];
      fill = typeof c === 'string' && /^#[0-9a-f]{6}$/i.test(c) ? c.toLowerCase() : null;
    } else if (fn === ops.constructPath && args) {
      // pdf.js 5 hands constructPath as [paintOp, [Float32Array of DrawOPS + coordinates], minMax].
      const paint = args[0] as number;
      const stroked = paint === ops.stroke || paint === ops.closeStroke || paint === ops.fillStroke || paint === ops.eoFillStroke || paint === ops.closeFillStroke || paint === ops.closeEOFillStroke;
      const filled = paint === ops.fill || paint === ops.eoFill || paint === ops.fillStroke || paint === ops.eoFillStroke || paint === ops.closeFillStroke || paint === ops.closeEOFillStroke;
      const data = args[1];
      const buffer = Array.isArray(data) ? (data[0] as ArrayLike<number> | null) : null;
      if (buffer && typeof buffer.length === 'number') builder.paint(buffer, ctm, stroked, filled, fill);
    }
  }
  return builder.result();
}

function parsePathBuffer(buffer: ArrayLike<number>, toPage: Matrix): SubPath[] {
  const paths: SubPath[] = [];
  let current: SubPath | undefined;
  const point = (x: number, y: number) => apply(toPage, x, y);
  for (let k = 0; k < buffer.length; ) {
    const op = buffer[k++];
    if (op === DRAW.moveTo) {
      current = { points: [point(buffer[k]!, buffer[k + 1]!)], closed: false, curved: false };
      paths.push(current);
      k += 2;
    } else if (op === DRAW.lineTo) {
      if (!current) {
        current = { points: [], closed: false, curved: false };
        paths.push(current);
      }
      current.points.push(point(buffer[k]!, buffer[k + 1]!));
      k += 2;
    } else if (op === DRAW.curveTo) {
      if (current) {
        current.curved = true;
        current.points.push(point(buffer[k]!, buffer[k + 1]!), point(buffer[k + 2]!, buffer[k + 3]!), point(buffer[k + 4]!, buffer[k + 5]!));
      }
      k += 6;
    } else if (op === DRAW.quadraticCurveTo) {
      if (current) {
        current.curved = true;
        current.points.push(point(buffer[k]!, buffer[k + 1]!), point(buffer[k + 2]!, buffer[k + 3]!));
      }
      k += 4;
    } else if (op === DRAW.closePath) {
      if (current) current.closed = true;
      // A path continuing after a close starts from the same point: a new subpath.
      current = current && { points: [current.points[0]!], closed: false, curved: false };
      if (current) paths.push(current);
    } else break; // unknown command: stop rather than misread coordinates
  }
  return paths.filter((p) => p.points.length > 1 || p.closed);
}

function strokeRulings(path: SubPath, out: Ruling[]): void {
  if (path.curved) return;
  const pts = path.points;
  const n = path.closed ? pts.length : pts.length - 1;
  for (let i = 0; i < n; i++) {
    const a = pts[i]!;
    const b = pts[(i + 1) % pts.length]!;
    pushSegment(a, b, out);
  }
}

function pushSegment(a: [number, number], b: [number, number], out: Ruling[]): void {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= SKEW && dx >= MIN_RULING_LENGTH) {
    const y = (a[1] + b[1]) / 2;
    out.push({ x0: Math.min(a[0], b[0]), y0: y, x1: Math.max(a[0], b[0]), y1: y, orientation: 'h' });
  } else if (dx <= SKEW && dy >= MIN_RULING_LENGTH) {
    const x = (a[0] + b[0]) / 2;
    out.push({ x0: x, y0: Math.min(a[1], b[1]), x1: x, y1: Math.max(a[1], b[1]), orientation: 'v' });
  }
}

function fillShapes(path: SubPath, fill: string | null, rulings: Ruling[], rects: FilledRect[]): void {
  const xs = path.points.map((p) => p[0]);
  const ys = path.points.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const w = x1 - x0;
  const h = y1 - y0;
  if (!path.curved && isAxisAligned(path.points)) {
    if (h <= THIN && w >= MIN_RULING_LENGTH && w >= 2 * h) {
      rulings.push({ x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2, orientation: 'h' });
      return;
    }
    if (w <= THIN && h >= MIN_RULING_LENGTH && h >= 2 * w) {
      rulings.push({ x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1, orientation: 'v' });
      return;
    }
  }
  if (w > THIN && h > THIN) rects.push({ x0, y0, x1, y1, fill });
}

/** Every segment, the closing one included, is horizontal or vertical (rectangles drawn as paths or by "re"). */
function isAxisAligned(points: readonly [number, number][]): boolean {
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    if (Math.abs(a[0] - b[0]) > SKEW && Math.abs(a[1] - b[1]) > SKEW) return false;
  }
  return true;
}
