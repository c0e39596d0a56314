import { describe, expect, it } from 'vitest';
import type { OcrLine, OcrResult, OcrWord } from '../../src/sources/ocr/engine.js';
import { repairGlyphs } from '../../src/sources/ocr/glyphs.js';
import { binarize, estimateSkew, type GreyImage, horizontalTextRatio, rotateQuarter, straighten, toPgm } from '../../src/sources/ocr/image.js';
import { linesToItems } from '../../src/sources/ocr/items.js';
import { type ReadLine, rereadLargeType } from '../../src/sources/ocr/large-type.js';
import { eraseRulings, findMarks } from '../../src/sources/ocr/rulings.js';

function blank(width: number, height: number): GreyImage {
  return { width, height, data: new Uint8Array(width * height).fill(255) };
}

function fill(image: GreyImage, x0: number, y0: number, x1: number, y1: number, grey = 0): void {
  for (let y = y0; y < y1; y++) image.data.fill(grey, y * image.width + x0, y * image.width + x1);
}

/** A page of "text": lines of letter-like marks (stems 20 px high, 4 px wide, letters 14 px apart, words apart). */
function textPage(width = 1200, height = 1600, { x0 = 100, x1 = 1100, y0 = 100, y1 = 1500 } = {}): GreyImage {
  const image = blank(width, height);
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let y = y0; y < y1; y += 44) {
    let x = x0;
    while (x < x1 - 60) {
      const letters = 2 + Math.floor(random() * 7);
      for (let k = 0; k < letters && x < x1 - 20; k++, x += 12 + Math.floor(random() * 6)) {
        fill(image, x, y, x + 4, y + 20); // a stem
        fill(image, x, y, x + 10, y + 3); // its arch
        if (random() < 0.3) fill(image, x + 8, y - 9, x + 12, y + 20); // an ascender
      }
      x += 10 + Math.floor(random() * 10);
    }
  }
  return image;
}

describe('skew and orientation', () => {
  it('measures a small skew and straightens it', () => {
    const page = textPage();
    for (const skew of [1.5, -2.2, 0.6]) {
      const turned = straighten(page, -skew); // content turned by `skew` counter-clockwise
      const measured = estimateSkew(turned);
      expect(Math.abs(measured - skew), `skew ${skew}, measured ${measured}`).toBeLessThan(0.15);
      expect(Math.abs(estimateSkew(straighten(turned, measured)))).toBeLessThan(0.15);
    }
    expect(Math.abs(estimateSkew(page))).toBeLessThan(0.1);
  });

  it('tells text running across the page from text running down it', () => {
    const page = textPage();
    expect(horizontalTextRatio(page)).toBeGreaterThan(1.4);
    expect(horizontalTextRatio(rotateQuarter(page, 90))).toBeLessThan(0.7);
    expect(horizontalTextRatio(rotateQuarter(page, 270))).toBeLessThan(0.7);
  });

  it('turns by quarter turns without losing a pixel', () => {
    const page = textPage(300, 200, { x0: 20, x1: 280, y0: 20, y1: 180 });
    const quarter = rotateQuarter(page, 90);
    expect([quarter.width, quarter.height]).toEqual([200, 300]);
    // The top-right corner comes to the top-left (counter-clockwise).
    const marked = blank(30, 20);
    fill(marked, 29, 0, 30, 1);
    expect(rotateQuarter(marked, 90).data[0]).toBe(0);
    const same = (a: GreyImage, b: GreyImage) => Buffer.from(a.data).equals(Buffer.from(b.data));
    expect(same(rotateQuarter(rotateQuarter(page, 90), 270), page)).toBe(true);
    expect(same(rotateQuarter(rotateQuarter(page, 180), 180), page)).toBe(true);
    expect(same(rotateQuarter(page, 180), page)).toBe(false);
  });

  it('writes a PGM the engine can read', () => {
    const pgm = toPgm(blank(3, 2));
    expect(new TextDecoder().decode(pgm.subarray(0, 11))).toBe('P5\n3 2\n255\n');
    expect(pgm.length).toBe(11 + 6);
  });
});

describe('rules and shaded boxes from the image', () => {
  it('finds the rules of a ruled table and no rule inside the text, and a shaded header', () => {
    const page = textPage(1200, 1000, { x0: 130, x1: 1050, y0: 260, y1: 900 });
    fill(page, 100, 150, 1100, 230, 200); // light-grey header band
    for (const y of [150, 230, 560, 940]) fill(page, 100, y, 1100, y + 3); // horizontal rules
    for (const x of [100, 400, 700, 1100]) fill(page, x, 150, x + 3, 943); // vertical rules
    const marks = findMarks(page);
    expect(marks.em).toBeGreaterThan(30);
    expect(marks.em).toBeLessThan(50);
    const h = marks.rulings.filter((r) => r.orientation === 'h');
    const v = marks.rulings.filter((r) => r.orientation === 'v');
    expect(h.map((r) => r.y0).sort((a, b) => a - b)).toEqual([150, 230, 560, 940]);
    expect(v.map((r) => r.x0).sort((a, b) => a - b)).toEqual([100, 400, 700, 1100]);
    expect(marks.rects, JSON.stringify(marks.rects)).toHaveLength(1);
    expect(marks.rects[0]).toMatchObject({ x0: 100, y0: 150 });
    expect(marks.rects[0]!.grey).toBeGreaterThan(150);
    // Erasing the rules leaves the text.
    const erased = eraseRulings(page, marks.rulings);
    expect(findMarks(erased).rulings).toHaveLength(0);
  });

  it('reads light text on a dark band as dark text on paper', () => {
    const page = textPage(1200, 1000, { x0: 130, x1: 1050, y0: 300, y1: 900 });
    fill(page, 0, 60, 1200, 200, 60); // a dark title band
    fill(page, 100, 110, 104, 130, 255); // a light stem on it
    const marks = findMarks(page);
    expect(marks.rects).toEqual([expect.objectContaining({ x0: 0, y0: 60, x1: 1200, y1: 200 })]);
    expect(marks.plain.data[80 * 1200 + 600]).toBe(255); // the band is paper now
    expect(marks.plain.data[120 * 1200 + 102]).toBe(0); // and its light stem ink
    expect(marks.rulings).toHaveLength(0);
  });

  it('finds a dark box whose rows are all narrower than the box (noise beside it on a few rows)', () => {
    const page = textPage(1200, 1000, { x0: 750, x1: 1150, y0: 300, y1: 900 });
    fill(page, 0, 50, 500, 950, 60);
    for (let x = 100; x < 400; x += 30) fill(page, x, 400, x + 12, 480, 255); // light strokes on it
    // Scan noise beside the box's top rows carries them 120 px further: the box is that much wider than its rows.
    for (let y = 50; y < 100; y++) for (let x = 500; x < 620; x += 2) fill(page, x, y, x + 1, y + 1, 200);
    const marks = findMarks(page);
    expect(marks.rects).toEqual([expect.objectContaining({ x0: 0, y0: 50, y1: 950 })]);
  });

  it('measures the em from the letters on a page with little text and much speckle, given the resolution', () => {
    const page = textPage(1200, 1000, { x0: 100, x1: 700, y0: 100, y1: 150 }); // two lines of text
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 4000; k++) {
      const x = Math.floor(random() * 1190);
      const y = 300 + Math.floor(random() * 650);
      fill(page, x, y, x + 2, y + 2 + (k % 5)); // specks 2–6 px high, as scan noise and curves leave
    }
    // Without the resolution the specks pass for stems; at 300 dpi a stem under the x-height of 6-pt type is none.
    expect(findMarks(page).em).toBeLessThan(15);
    const marks = findMarks(page, 300 / 72);
    expect(marks.em).toBeGreaterThan(30);
    expect(marks.rulings).toHaveLength(0);
  });

  it('finds nothing on a blank page', () => {
    const page = blank(400, 300);
    expect(findMarks(page)).toMatchObject({ rulings: [], rects: [], em: 0 });
  });
});

describe('OCR words → text items', () => {
  const word = (text: string, x0: number, x1: number, confidence = 90) => ({ text, x0, x1, y0: 100, y1: 130, confidence });
  const line = (words: ReturnType<typeof word>[]): OcrLine => ({ words, baseline: { x0: 0, y0: 124, x1: 2000, y1: 124 }, rowHeight: 37, x0: words[0]!.x0, y0: 100, x1: words[words.length - 1]!.x1, y1: 130 });

  it('joins a line into runs, cut at wide gaps and at vertical rules, sized from their words', () => {
    const items = linesToItems(
      [line([word('Nombre', 100, 220), word('de', 235, 270, 70), word('CRT', 285, 350), word('400', 500, 560), word('€', 575, 590), word('ARS', 640, 700)])],
      300 / 72,
      [{ x0: 610, x1: 613, y0: 0, y1: 1000, orientation: 'v' }],
    );
    expect(items.map((i) => i.text)).toEqual(['Nombre de CRT', '400 €', 'ARS']);
    // "Nombre" spans ascent and x-height, 30 px: em = 30 / 0.72 px = 10 pt at 300 dpi; the box spans ascent to
    // descent around the baseline.
    expect(items[0]!.fontSize).toBeCloseTo(10, 1);
    expect(items[0]!.y1 - items[0]!.y0).toBeCloseTo(items[0]!.fontSize, 1);
    expect(items[0]!.x0).toBeCloseTo(24, 0);
    expect(items[0]!.confidence).toBeCloseTo(0.83, 2);
  });

  it('sizes a run of display type the engine joined to a title line apart from it', () => {
    const at = (text: string, x0: number, x1: number, y0: number, y1: number) => ({ text, x0, x1, y0, y1, confidence: 90 });
    // "#2" in big type beside the first title line: the engine gives one line, as tall as "#2".
    const first: OcrLine = {
      words: [at('#2', 100, 300, 40, 190), at('Mailler', 600, 760, 100, 130), at('l’offre', 775, 900, 100, 130)],
      baseline: { x0: 0, y0: 190, x1: 2000, y1: 190 },
      rowHeight: 160,
      x0: 100,
      y0: 40,
      x1: 900,
      y1: 190,
    };
    // The next title line holds descenders ("p"): taller box, same type.
    const second: OcrLine = { words: [at('ambition', 600, 780, 150, 180), at('pour', 795, 880, 157, 188)], baseline: { x0: 0, y0: 180, x1: 2000, y1: 180 }, rowHeight: 39, x0: 600, y0: 150, x1: 880, y1: 188 };
    const items = linesToItems([first, second], 300 / 72, []);
    expect(items.map((i) => i.text)).toEqual(['#2', 'Mailler l’offre', 'ambition pour']);
    expect(items[1]!.fontSize).toBe(items[2]!.fontSize);
    expect(items[0]!.fontSize).toBeGreaterThan(4 * items[1]!.fontSize);
    // Each run sits on its own baseline (the title line's, not the big number's).
    expect(items[1]!.y1 * (300 / 72)).toBeCloseTo(130 + 0.2 * items[1]!.fontSize * (300 / 72), 0);
  });

  it('reads a round solid dot opening a line as a bullet, whatever the engine made of it', () => {
    const image = blank(800, 200);
    fill(image, 100, 104, 114, 118); // a dot 14 px across, above the baseline at 124 (em ≈ 40 px)
    const ink = binarize(image, 128);
    const withPlus = line([word('+', 100, 114), word('Intensifier', 130, 300)]);
    expect(repairGlyphs(withPlus, 40, 124, ink, 800).map((w) => w.text)).toEqual(['•', 'Intensifier']);
    // On a noisy 200-dpi scan the engine also reads it "=" or "Ë".
    for (const mark of ['=', 'Ë']) expect(repairGlyphs(line([word(mark, 100, 114), word('Intensifier', 130, 300)]), 40, 124, ink, 800)[0]!.text).toBe('•');
    const dropped = line([word('Intensifier', 130, 300)]);
    expect(repairGlyphs(dropped, 40, 124, ink, 800).map((w) => w.text)).toEqual(['•', 'Intensifier']);
    // A plus sign drawn as a cross is not a bullet.
    const cross = blank(800, 200);
    fill(cross, 100, 110, 114, 112);
    fill(cross, 106, 104, 108, 118);
    expect(repairGlyphs(withPlus, 40, 124, binarize(cross, 128), 800).map((w) => w.text)).toEqual(['+', 'Intensifier']);
  });

  // Letters as blocks sitting on the baseline at 124 (em ≈ 40 px): a stem 6 px wide, 20 px high.
  const letters = (image: GreyImage, x0: number, x1: number) => {
    for (let x = x0; x < x1; x += 12) fill(image, x, 104, x + 6, 124);
  };
  const boxed = (text: string, x0: number, x1: number, last?: [number, number]): OcrWord => ({
    text,
    x0,
    x1,
    y0: 100,
    y1: 124,
    confidence: 60,
    ...(last ? { last: { x0: last[0], y0: 104, x1: last[1], y1: 124 } } : {}),
  });
  const lineOf = (words: OcrWord[]): OcrLine => ({ words, baseline: null, rowHeight: 0, x0: words[0]!.x0, y0: 100, x1: words[words.length - 1]!.x1, y1: 124 });

  it('finds bullets run on inside a line: a lookalike last letter, a dot swallowed or dropped after a word', () => {
    const image = blank(800, 200);
    letters(image, 100, 190); // "Téléconsultations"
    fill(image, 196, 104, 210, 118); // its bullet, glued: a solid dot above the baseline
    letters(image, 230, 320); // "Transports"
    const ink = binarize(image, 128);
    // Read as a last letter "e", or swallowed into the last letter's box, or dropped: a bullet glued to the word.
    expect(repairGlyphs(lineOf([boxed('Téléconsultationse', 100, 210, [196, 210]), boxed('Transports', 230, 320)]), 40, 124, ink, 800).map((w) => w.text)).toEqual(['Téléconsultations•', 'Transports']);
    expect(repairGlyphs(lineOf([boxed('Téléconsultations', 100, 210, [184, 210]), boxed('Transports', 230, 320)]), 40, 124, ink, 800).map((w) => w.text)).toEqual(['Téléconsultations•', 'Transports']);
    expect(repairGlyphs(lineOf([boxed('Téléconsultations', 100, 190, [184, 190]), boxed('Transports', 230, 320)]), 40, 124, ink, 800).map((w) => w.text)).toEqual(['Téléconsultations•', 'Transports']);
    // A word ending on its letters only is left as read; a closing quote is never taken for a glued bullet.
    const plain = binarize((() => { const i = blank(800, 200); letters(i, 100, 190); letters(i, 230, 320); return i; })(), 128);
    expect(repairGlyphs(lineOf([boxed('Téléconsultations', 100, 190, [184, 190]), boxed('Transports', 230, 320)]), 40, 124, plain, 800).map((w) => w.text)).toEqual(['Téléconsultations', 'Transports']);
    expect(repairGlyphs(lineOf([boxed('ville"', 100, 210, [196, 210]), boxed('Transports', 230, 320)]), 40, 124, ink, 800)[0]!.text).toBe('ville"');
  });

  it('reads a colon whose lower dot runs on below the baseline as a semicolon, not one with a speck under it', () => {
    const image = blank(800, 200);
    letters(image, 100, 160); // "réduits"
    fill(image, 166, 106, 170, 110); // upper dot
    fill(image, 166, 119, 170, 131); // lower dot and its tail, 7 px (0.17 em) below the baseline
    const semicolon = binarize(image, 128);
    const word = lineOf([boxed('réduits:', 100, 170, [166, 170]), boxed('Nombre', 190, 260)]);
    expect(repairGlyphs(word, 40, 124, semicolon, 800).map((w) => w.text)).toEqual(['réduits;', 'Nombre']);
    const colon = blank(800, 200);
    letters(colon, 100, 160);
    fill(colon, 166, 106, 170, 110);
    fill(colon, 166, 119, 170, 124); // the lower dot stops at the baseline
    fill(colon, 167, 127, 169, 129); // a speck of noise under it
    expect(repairGlyphs(word, 40, 124, binarize(colon, 128), 800)[0]!.text).toBe('réduits:');
  });
});

describe('display type read again', () => {
  const at = (text: string, x0: number, x1: number, y0: number, y1: number, confidence = 90): OcrWord => ({ text, x0, x1, y0, y1, confidence });
  const line = (words: OcrWord[]): OcrLine => ({ words, baseline: null, rowHeight: 0, x0: words[0]!.x0, y0: 0, x1: words[words.length - 1]!.x1, y1: 0 });
  // A page of body text (30 px words) and one big "#3" (150 px) the engine read "#2".
  const body = Array.from({ length: 20 }, (_, i) => line([at('texte', 100, 200, 300 + 40 * i, 330), at('courant', 215, 340, 300 + 40 * i, 330)]));
  const page = (confidence: number): OcrResult => ({ lines: [line([at('#2', 100, 300, 40, 190, confidence), at('Titre', 600, 720, 100, 130)]), ...body], confidence: 90 });

  it('reads a few words of display type again at smaller scales, keeping the surest reading', async () => {
    const reads: { width: number; height: number }[] = [];
    const readLine: ReadLine = async (image) => {
      reads.push({ width: image.width, height: image.height });
      // The smallest scale is read right and surely; the others not.
      return reads.length === 3 ? [at('#3', 10, 60, 10, 50, 95)] : [at('#2', 10, 60, 10, 50, 40)];
    };
    const result = await rereadLargeType(page(70), blank(1000, 1200), 300, readLine);
    // Only the display words are read again, at three scales (em of "#2" ≈ 208 px: factors 2, 3, 4).
    expect(reads).toHaveLength(3);
    expect(reads[0]!.width).toBeGreaterThan(reads[2]!.width);
    const words = result.lines[0]!.words;
    expect(words.map((w) => w.text)).toEqual(['#3', 'Titre']);
    // Back in the page's pixels: the crop's origin plus the box scaled up.
    expect(words[0]!.x0).toBeGreaterThanOrEqual(0);
    expect(words[0]!.x1).toBeLessThan(600);
    expect(result.lines.slice(1)).toEqual(body);
  });

  it('keeps the first reading when no other is surer', async () => {
    const result = await rereadLargeType(page(96), blank(1000, 1200), 300, async () => [at('#8', 10, 60, 10, 50, 60)]);
    expect(result.lines[0]!.words.map((w) => w.text)).toEqual(['#2', 'Titre']);
  });
});
