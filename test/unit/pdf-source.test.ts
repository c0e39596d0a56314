import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { FdrError } from '../../src/errors/index.js';
import type { PageModel } from '../../src/sources/page-model.js';
import { type OpCodes, pdfError, readGraphics, readPdfPages, toTextItem } from '../../src/sources/pdf/index.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const ops = OPS as unknown as OpCodes;
/** PDF space (origin bottom-left) → top-left origin, for a page 600 pt high. */
const VIEWPORT = [1, 0, 0, -1, 0, 600] as const;
const DRAW = { moveTo: 0, lineTo: 1, closePath: 4 };

/** A pdf.js 5 constructPath op: [paint op, [Float32Array path], minMax]. */
const path = (paint: number, data: number[]) => [paint, [new Float32Array(data)], null];
const rectPath = (x: number, y: number, w: number, h: number) => [DRAW.moveTo, x, y, DRAW.lineTo, x + w, y, DRAW.lineTo, x + w, y + h, DRAW.lineTo, x, y + h, DRAW.closePath];

describe('graphics from the operator list', () => {
  it('reads a stroked segment through cm (scale, translate), in top-left coordinates', () => {
    const fn = [OPS.save, OPS.transform, OPS.constructPath, OPS.restore, OPS.constructPath];
    const args = [null, [2, 0, 0, 2, 10, 20], path(OPS.stroke, [DRAW.moveTo, 0, 0, DRAW.lineTo, 100, 0]), null, path(OPS.stroke, [DRAW.moveTo, 50, 100, DRAW.lineTo, 50, 300])];
    const { rulings } = readGraphics(fn, args, ops, VIEWPORT);
    // Scaled by 2 and moved by (10, 20) in PDF space: y = 20 → 580 from the top.
    expect(rulings[0]).toEqual({ x0: 10, y0: 580, x1: 210, y1: 580, orientation: 'h' });
    // After restore the matrix is the identity again.
    expect(rulings[1]).toEqual({ x0: 50, y0: 300, x1: 50, y1: 500, orientation: 'v' });
  });

  it('turns thin filled rectangles into rules and others into filled shapes with their colour', () => {
    const fn = [OPS.setFillRGBColor, OPS.constructPath, OPS.constructPath, OPS.constructPath];
    const args = [['#D5E3F2'], path(OPS.fill, rectPath(40, 100, 500, 0.75)), path(OPS.fill, rectPath(40, 100, 0.75, 300)), path(OPS.fill, rectPath(40, 400, 200, 30))];
    const { rulings, rects } = readGraphics(fn, args, ops, VIEWPORT);
    expect(rulings.map((r) => r.orientation)).toEqual(['h', 'v']);
    expect(rulings[0]!.y0).toBeCloseTo(600 - 100.375, 3);
    expect(rects).toEqual([{ x0: 40, y0: 170, x1: 240, y1: 200, fill: '#d5e3f2' }]);
  });

  it('follows form XObjects and ignores clipping paths', () => {
    const fn = [OPS.paintFormXObjectBegin, OPS.constructPath, OPS.paintFormXObjectEnd, OPS.constructPath, OPS.constructPath];
    const args = [[[1, 0, 0, 1, 100, 0], null], path(OPS.stroke, [DRAW.moveTo, 0, 50, DRAW.lineTo, 40, 50]), null, path(OPS.endPath, rectPath(0, 0, 600, 600)), path(OPS.stroke, [DRAW.moveTo, 0, 50, DRAW.lineTo, 40, 50])];
    const { rulings, rects } = readGraphics(fn, args, ops, VIEWPORT);
    expect(rulings.map((r) => [r.x0, r.x1])).toEqual([
      [100, 140],
      [0, 40],
    ]);
    expect(rects).toEqual([]);
  });

  it('reads each edge of a stroked rectangle as a rule, and no rule from a curve', () => {
    const curve = [DRAW.moveTo, 0, 0, 2, 10, 10, 20, 10, 30, 0];
    const { rulings } = readGraphics([OPS.constructPath, OPS.constructPath], [path(OPS.stroke, rectPath(10, 10, 100, 50)), path(OPS.stroke, curve)], ops, VIEWPORT);
    expect(rulings.map((r) => r.orientation).sort()).toEqual(['h', 'h', 'v', 'v']);
  });
});

describe('text items', () => {
  const font = { ascent: 0.9, descent: -0.2, name: 'BAAAAA+LiberationSans-Bold' };

  it('gives an upright item its box from the baseline, size and width, top-left origin', () => {
    const it = toTextItem({ str: 'Actions', transform: [10, 0, 0, 10, 40, 500], width: 35, height: 10, fontName: 'g_d0_f1' }, VIEWPORT, font, 3)!;
    expect(it).toMatchObject({ text: 'Actions', x0: 40, x1: 75, fontSize: 10, fontName: 'LiberationSans-Bold', bold: true, order: 3 });
    expect(it.y0).toBeCloseTo(100 - 9, 5);
    expect(it.y1).toBeCloseTo(100 + 2, 5);
    expect(it.angle).toBeUndefined();
  });

  it('gives rotated text its angle and the box it really covers', () => {
    // Rotated 90° counter-clockwise: the baseline runs up the page.
    const it = toTextItem({ str: 'THÈME 1', transform: [0, 9, -9, 0, 30, 100], width: 60, height: 9, fontName: 'f' }, VIEWPORT, { name: 'Sans' }, 0)!;
    expect(it.angle).toBe(90);
    expect(it.y1 - it.y0).toBeCloseTo(60, 5);
    expect(it.bold).toBe(false);
  });

  it('skips whitespace-only runs', () => {
    expect(toTextItem({ str: '  ', transform: [10, 0, 0, 10, 0, 0], width: 300, height: 0, fontName: 'f' }, VIEWPORT, undefined, 0)).toBeUndefined();
  });
});

describe('pdf.js errors', () => {
  const named = (name: string, extra: object = {}) => Object.assign(new Error('boom'), { name }, extra);

  it('maps a missing password and a wrong one to ENCRYPTED_PDF, saying which', () => {
    const missing = pdfError(named('PasswordException', { code: 1 }), 'f.pdf') as FdrError;
    expect(missing.code).toBe('ENCRYPTED_PDF');
    expect(missing.oneLine()).toMatch(/--password/);
    const wrong = pdfError(named('PasswordException', { code: 2 }), 'f.pdf', { password: 'x' }) as FdrError;
    expect(wrong.message).toMatch(/wrong/);
  });

  it('maps damage to CORRUPT_PDF and lets our own bugs through', () => {
    expect((pdfError(named('InvalidPDFException'), 'f.pdf') as FdrError).code).toBe('CORRUPT_PDF');
    expect((pdfError(named('UnknownErrorException'), 'f.pdf', { page: 3 }) as FdrError).message).toMatch(/page 3/);
    const bug = new TypeError('x is undefined');
    expect(pdfError(bug, 'f.pdf')).toBe(bug);
  });
});

describe('reading a PDF', () => {
  const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

  it('hands every page over in order, with text, rules and shapes', async () => {
    const pages: PageModel[] = [];
    const summary = await readPdfPages(bytes('calvados-2024.departmental.pdf'), { file: 'c.pdf' }, (p) => {
      pages.push(p);
    });
    expect(summary.pages).toBe(pages.length);
    expect(pages.map((p) => p.number)).toEqual(pages.map((_, i) => i + 1));
    const tablePage = pages[4]!;
    expect(tablePage.width).toBeLessThan(tablePage.height);
    expect(tablePage.items.some((i) => i.text === 'Actions' && i.bold)).toBe(true);
    expect(tablePage.rulings.some((r) => r.orientation === 'v')).toBe(true);
    expect(tablePage.rects.some((r) => r.fill === '#e4e4e4')).toBe(true);
    for (const i of tablePage.items) expect(i.y0).toBeLessThan(i.y1);
  });

  it('enforces the page and item limits', async () => {
    await expect(readPdfPages(bytes('calvados-2024.departmental.pdf'), { file: 'c.pdf', maxPages: 3 }, () => {})).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
    await expect(readPdfPages(bytes('calvados-2024.departmental.pdf'), { file: 'c.pdf', maxItemsPerPage: 10 }, () => {})).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });

  it('opens an encrypted PDF with its password only', async () => {
    await expect(readPdfPages(bytes('hostile/encrypted.pdf'), { file: 'e.pdf' }, () => {})).rejects.toMatchObject({ code: 'ENCRYPTED_PDF' });
    await expect(readPdfPages(bytes('hostile/encrypted.pdf'), { file: 'e.pdf', password: 'nope' }, () => {})).rejects.toMatchObject({ code: 'ENCRYPTED_PDF', message: expect.stringMatching(/wrong/) });
    const summary = await readPdfPages(bytes('hostile/encrypted.pdf'), { file: 'e.pdf', password: 'secret' }, () => {});
    expect(summary.textItems).toBeGreaterThan(100);
  });

  it('refuses damaged and text-less PDFs', async () => {
    await expect(readPdfPages(bytes('hostile/truncated.pdf'), { file: 't.pdf' }, () => {})).rejects.toMatchObject({ code: 'CORRUPT_PDF' });
    await expect(readPdfPages(bytes('hostile/image-only.pdf'), { file: 'i.pdf', ocr: 'off' }, () => {})).rejects.toMatchObject({ code: 'NO_TEXT_LAYER' });
  });

  it('does not detach the caller’s buffer', async () => {
    const data = bytes('calvados-2024.departmental.pdf');
    await readPdfPages(data, { file: 'c.pdf', maxPages: 1000 }, () => {});
    expect(data.byteLength).toBeGreaterThan(0);
  });
});

describe('lean pdf.js loading (extraction workers)', () => {
  it('reads PDFs without loading the native canvas library', async () => {
    // A fresh process: pdf.js loads once per process, and this one (vitest) has already loaded it the usual way.
    const script = `
      import { createRequire } from 'node:module';
      import { readFileSync } from 'node:fs';
      const { useLeanPdfjs, readPdfPages } = await import(${JSON.stringify(join(import.meta.dirname, '../../dist/sources/pdf/document.js'))});
      useLeanPdfjs();
      let pages = 0;
      await readPdfPages(new Uint8Array(readFileSync(${JSON.stringify(join(FIXTURES, 'normandie-restitution-2022.pdf'))})), { file: 'x.pdf' }, () => void pages++);
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes('@napi-rs'));
      console.log(JSON.stringify({ pages, loaded }));`;
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ pages: 10, loaded: [] });
  });
});
