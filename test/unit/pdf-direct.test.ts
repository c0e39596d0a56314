import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PageModel } from '../../src/sources/page-model.js';
import { scanPageGraphics } from '../../src/sources/pdf/direct/content-graphics.js';
import { DirectPdf } from '../../src/sources/pdf/direct/file.js';
import { decodeStreamData } from '../../src/sources/pdf/direct/filters.js';
import { Dict, Name, type PdfString, Ref, Stream, parseObject } from '../../src/sources/pdf/direct/objects.js';
import { Lexer, Unsupported } from '../../src/sources/pdf/direct/syntax.js';
import { type GraphicsReader, readPdfPages } from '../../src/sources/pdf/document.js';
import { FIXTURES } from '../helpers/cli.js';
import { type BuiltPage, buildPdf, firstExtraObject } from '../helpers/pdf-builder.js';

async function readWith(bytes: Uint8Array, graphics: GraphicsReader): Promise<{ pages: PageModel[]; log: string[] }> {
  const pages: PageModel[] = [];
  const log: string[] = [];
  await readPdfPages(new Uint8Array(bytes), { file: 'test.pdf', graphics, log: (m) => log.push(m) }, (p) => void pages.push(p));
  return { pages, log };
}

/** Rulings and rects rounded to 1/100 pt: pdf.js keeps path coordinates in 32-bit floats, the scanner in 64-bit. */
function graphicsOf(pages: PageModel[]) {
  const round = (v: number) => Math.round(v * 100) / 100 + 0; // + 0: no -0
  return pages.map((p) => ({
    rulings: p.rulings.map((r) => ({ ...r, x0: round(r.x0), y0: round(r.y0), x1: round(r.x1), y1: round(r.y1) })),
    rects: p.rects.map((r) => ({ ...r, x0: round(r.x0), y0: round(r.y0), x1: round(r.x1), y1: round(r.y1) })),
  }));
}

/** Reads a PDF both ways and checks they agree on everything, rules and text; returns the direct reading. */
async function expectReadersAgree(bytes: Uint8Array) {
  const viaPdfjs = await readWith(bytes, 'pdfjs');
  const direct = await readWith(bytes, 'direct');
  expect(graphicsOf(direct.pages)).toEqual(graphicsOf(viaPdfjs.pages));
  expect(direct.pages.map((p) => p.items)).toEqual(viaPdfjs.pages.map((p) => p.items));
  return direct;
}

const directPages = (log: string[]) => Number(/rules read directly on (\d+) pages/.exec(log.join('\n'))?.[1] ?? NaN);

describe('direct PDF syntax', () => {
  it('tokenizes numbers, names, strings, arrays and dictionaries', () => {
    const lexer = new Lexer(Buffer.from('-.5 +3 12 /A#20B (a\\(b\\)\\n\\101) <48 65 6C6C6f> [1 2] << /K /V >> % comment\ntrue'));
    const values = [];
    for (let t = lexer.next(); t.type !== 'eof'; t = lexer.next()) values.push(t.type === 'string' ? Buffer.from(t.value).toString('latin1') : 'value' in t ? t.value : t.type);
    expect(values).toEqual([-0.5, 3, 12, 'A B', 'a(b)\nA', 'Hello', '[', 1, 2, ']', '<<', 'K', 'V', '>>', 'true']);
  });

  it('parses references, nested objects and a stream whose /Length is wrong', () => {
    const bytes = Buffer.from('<< /Kids [3 0 R 4 0 R] /N null /B true /S (x) /Length 999 >>\nstream\nDATA\nendstream');
    const value = parseObject(new Lexer(bytes), (d) => d.get('Length') as number);
    expect(value).toBeInstanceOf(Stream);
    const stream = value as Stream;
    expect(Buffer.from(stream.raw).toString()).toBe('DATA');
    expect(stream.dict.get('Kids')).toEqual([new Ref(3, 0), new Ref(4, 0)]);
    expect(stream.dict.get('N')).toBeNull();
    expect(stream.dict.get('B')).toBe(true);
    expect([...(stream.dict.get('S') as PdfString).bytes]).toEqual([0x78]);
  });

  it('decodes Flate (with a PNG predictor), ASCIIHex and ASCII85, and refuses other filters', () => {
    const plain = Buffer.from('0 0 m 10 0 l S');
    const dict = (entries: Record<string, unknown>) => new Dict(new Map(Object.entries(entries) as [string, never][]));
    expect(Buffer.from(decodeStreamData(deflateSync(plain), dict({ Filter: new Name('FlateDecode') }), (v) => v)).toString()).toBe(plain.toString());
    expect(Buffer.from(decodeStreamData(Buffer.from('48656C6C6F>'), dict({ Filter: new Name('ASCIIHexDecode') }), (v) => v)).toString()).toBe('Hello');
    expect(Buffer.from(decodeStreamData(Buffer.from('87cURD]i,"Ebo80~>'), dict({ Filter: new Name('ASCII85Decode') }), (v) => v)).toString()).toBe('Hello World!');
    // PNG "Up" rows: each row adds the previous one.
    const rows = Buffer.from([2, 1, 2, 2, 1, 1]);
    const up = decodeStreamData(deflateSync(rows), dict({ Filter: new Name('FlateDecode'), DecodeParms: dict({ Predictor: 12, Columns: 2 }) }), (v) => v);
    expect([...up]).toEqual([1, 2, 2, 3]);
    expect(() => decodeStreamData(plain, dict({ Filter: new Name('LZWDecode') }), (v) => v)).toThrow(Unsupported);
  });

  it('declines an encrypted file', () => {
    const bytes = readFileSync(join(FIXTURES, 'structure/normandie-restitution-2022.encrypted.pdf'));
    expect(() => DirectPdf.open(bytes)).toThrow(Unsupported);
  });
});

/** A plain first page: pdf.js describes the font on it, so the pages after it can be read directly. */
const PLAIN_PAGE: BuiltPage = { content: 'BT /F1 12 Tf 50 800 Td (Feuille de route) Tj ET 0 0 0 RG 50 790 m 500 790 l S' };

/** A page exercising what the scanner follows, with traps for a naive lexer (second of two pages). */
const RICH_PAGE: BuiltPage = {
  content: [
    '% a comment: 0 0 m 500 500 l S must not draw',
    '0.9 0.9 0.9 rg 50 700 200 20 re f',
    '0 0 0 RG 1 w 50 680 m 250 680 l S',
    'q 1 0 0 1 0 -100 cm 50 680 m 250 680 l S Q',
    'BT /F1 10 Tf 60 705 Td (Axe 1 \\) 0 0 m 9 9 l S [x] <41> \\(q) Tj [(A) -120 (B)] TJ ET',
    '0 0 0 1 k 300 500 100 0.8 re f',
    'q 0.5 g 300 400 m 300 300 l 300.4 300 l 300.4 400 l h f Q',
    '/Fm1 Do',
    'q /CS0 cs 0.2 0.4 0.6 sc 400 600 80 30 re f Q',
    '1 0 0 rg 100 100 m 150 150 200 100 v S 100 200 m 120 260 200 200 y S',
    '400 100 50 50 re b',
    'BI /W 2 /H 2 /BPC 8 /CS /G ID \u0000EI\u00ff\u0001 EI',
    '0 0 1 rg 60 60 300 0.5 re f',
    'Q Q',
  ].join('\n'),
  resources: `/XObject << /Fm1 ${firstExtraObject(2)} 0 R >> /ColorSpace << /CS0 [/ICCBased ${firstExtraObject(2) + 1} 0 R] >>`,
};
const RICH_EXTRA = [
  // A form drawing a thin bar and a line, shifted by its matrix; its own q is left open on purpose.
  '<< /Type /XObject /Subtype /Form /BBox [0 0 200 200] /Matrix [1 0 0 1 100 100] >> stream\nq 0 0 50 1 re f 0 20 m 0 120 l S',
  '<< /N 3 /Alternate /DeviceRGB >> stream\nnot a real ICC profile',
];

describe('direct graphics reading agrees with pdf.js', () => {
  it('on a page with forms, colour spaces, curves, strings holding operators and an inline image', async () => {
    const { pages, log } = await expectReadersAgree(buildPdf({ pages: [PLAIN_PAGE, RICH_PAGE], extraObjects: RICH_EXTRA }));
    expect(directPages(log)).toBe(1);
    const page = pages[1];
    // The rule drawn inside the form lands where its matrix puts it: x 100–150, 842 − (100 + 0.5) from the top.
    expect(page!.rulings).toContainEqual(expect.objectContaining({ orientation: 'h', x0: 100, x1: 150 }));
    expect(page!.rulings.find((r) => r.x0 === 100 && r.x1 === 150)!.y0).toBeCloseTo(842 - 100.5, 3);
    // Stroked lines (two, one moved by cm), the thin CMYK and blue bars, the vertical filled bar, the form's line, the closed rectangle's four sides.
    expect(page!.rulings.filter((r) => r.orientation === 'h').length).toBeGreaterThanOrEqual(6);
    expect(page!.rects.map((r) => r.fill)).toEqual(expect.arrayContaining(['#e6e6e6', '#336699']));
    expect(page!.items.map((i) => i.text).join(' ')).toContain('Axe 1 ) 0 0 m 9 9 l S [x] <41> (q');
  });

  it('with a cross-reference stream and an incremental update (the newest content wins)', async () => {
    const first: BuiltPage = { content: '0 0 0 RG 50 400 m 300 400 l S BT /F1 12 Tf 50 420 Td (Premier) Tj ET' };
    const update = new Map([[0, '0 0 0 RG 50 200 m 300 200 l S BT /F1 12 Tf 50 220 Td (Second) Tj ET']]);
    const { pages, log } = await expectReadersAgree(buildPdf({ pages: [first, first], xref: 'stream', update }));
    expect(directPages(log)).toBe(1); // the first page goes through pdf.js to describe the font
    expect(pages[1]!.rulings).toEqual([expect.objectContaining({ orientation: 'h', y0: 842 - 400 })]);
    expect(pages[0]!.rulings).toEqual([expect.objectContaining({ orientation: 'h', y0: 842 - 200 })]);
  });

  it('when the cross-reference offset is wrong (objects found by scanning)', async () => {
    const bytes = Buffer.from(buildPdf({ pages: [PLAIN_PAGE, RICH_PAGE], extraObjects: RICH_EXTRA }));
    const at = bytes.lastIndexOf('startxref');
    const broken = Buffer.concat([bytes.subarray(0, at), Buffer.from('startxref\n12\n%%EOF\n')]);
    const { log } = await expectReadersAgree(broken);
    expect(directPages(log)).toBe(1);
  });

  it('on every fixture PDF and on other file structures (object streams, linearized, encrypted)', async () => {
    const files = [
      ...readdirSync(FIXTURES).filter((f) => f.endsWith('.pdf')).map((f) => join(FIXTURES, f)),
      ...readdirSync(join(FIXTURES, 'structure')).filter((f) => f.endsWith('.pdf')).map((f) => join(FIXTURES, 'structure', f)),
    ];
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const file of files) {
      const { pages, log } = await expectReadersAgree(readFileSync(file));
      if (file.includes('encrypted')) expect(directPages(log), file).toBe(0);
      // Only pages bringing a font pdf.js has not described yet go through its operator list.
      else expect(directPages(log), file).toBeGreaterThanOrEqual(pages.length - 3);
    }
  }, 60_000);

  it('on random well-formed content streams (property)', async () => {
    const num = fc.integer({ min: -200, max: 800 }).map((n) => (n / 4).toString());
    const unit = fc.integer({ min: 0, max: 100 }).map((n) => (n / 100).toString());
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '(', ')', '\\', 'q', 'Q', 're', 'f', 'S', '0', '%', '[', ']', '<', '>'), maxLength: 12 });
    const op = fc.oneof(
      fc.constant('q'),
      fc.constant('Q'),
      fc.tuple(fc.constantFrom('0.5', '1', '2'), num, num).map(([s, x, y]) => `${s} 0 0 ${s} ${x} ${y} cm`),
      fc.tuple(num, num).map(([x, y]) => `${x} ${y} m`),
      fc.tuple(num, num).map(([x, y]) => `${x} ${y} l`),
      fc.tuple(num, num, num, num).map((a) => `${a.join(' ')} re`),
      fc.tuple(num, num, num, num, num, num).map((a) => `${a.join(' ')} c`),
      fc.tuple(num, num, num, num).map((a) => `${a.join(' ')} v`),
      fc.constantFrom('h', 'S', 's', 'f', 'f*', 'F', 'B', 'B*', 'b', 'b*', 'n', 'W n'),
      unit.map((g) => `${g} g`),
      fc.tuple(unit, unit, unit).map((c) => `${c.join(' ')} rg`),
      fc.tuple(unit, unit, unit, unit).map((c) => `${c.join(' ')} k`),
      fc.tuple(num, num, text).map(([x, y, t]) => `BT /F1 9 Tf ${x} ${y} Td (${t.replace(/[()\\]/g, '\\$&')}) Tj ET`),
      text.map((t) => `% ${t.replace(/[\r\n]/g, '')}\n`),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), async (ops) => {
        // Text keeps the page readable as a document (a page without text is refused before rules matter).
        const content = `BT /F1 10 Tf 40 800 Td (Page) Tj ET\n${ops.join('\n')}`;
        const { log } = await expectReadersAgree(buildPdf({ pages: [PLAIN_PAGE, { content }] }));
        expect(directPages(log)).toBe(1);
      }),
      { numRuns: 60, seed: 7 },
    );
  }, 120_000);
});

describe('direct reader on hostile bytes (property)', () => {
  it('either reads a page or declines with Unsupported, never another error', () => {
    const base = Buffer.from(buildPdf({ pages: [PLAIN_PAGE, RICH_PAGE], extraObjects: RICH_EXTRA, xref: 'stream' }));
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(base.length - 1), byte: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(base.length - 1) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(base.length - 1), text: fc.constantFrom('<<', '>>', '[', '(', ')', 'R', ' 0 ', 'stream', 'endobj', '99999999999 0 R', '/Length 5 0 R') }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        let bytes = Buffer.from(base);
        for (const m of mutations) {
          if (m.kind === 'flip') bytes[Math.min(m.at, bytes.length - 1)] = m.byte;
          else if (m.kind === 'cut') bytes = bytes.subarray(0, Math.max(1, m.at));
          else bytes = Buffer.concat([bytes.subarray(0, m.at), Buffer.from(m.text), bytes.subarray(m.at)]);
        }
        try {
          const pdf = DirectPdf.open(bytes);
          scanPageGraphics(pdf, pdf.page(new Ref(6, 0)), [1, 0, 0, -1, 0, 842]); // the rich page
        } catch (e) {
          if (!(e instanceof Unsupported)) throw e;
        }
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});
