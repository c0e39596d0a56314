import { describe, expect, it } from 'vitest';
import { pagesToReadingText, readingLines, xyCut } from '../../src/layout/reading-order.js';
import { item, lines } from './layout-synthetic.js';

/** Two columns of places, as lists of workshop towns are set under a paragraph. */
const PLACES = [
  ['Valognes', 'Saint-Lô', 'Vire'],
  ['Les Andelys', 'Dieppe', 'Bernay'],
];
const texts = (items: ReturnType<typeof item>[]) => readingLines(items).map((l) => l.text);

describe('reading order', () => {
  it('reads two columns one after the other, not across', () => {
    const left = lines(['Left one', 'left two', 'left three'], 50, 100, { size: 10 });
    const right = lines(['Right one', 'right two', 'right three'], 320, 100, { size: 10 });
    expect(texts([...right, ...left])).toEqual(['Left one', 'left two', 'left three', 'Right one', 'right two', 'right three']);
  });

  it('reads a full-width title first, then the columns under it', () => {
    const title = item('A TITLE THAT RUNS OVER BOTH COLUMNS OF THE PAGE BELOW IT', 50, 60, { size: 14 });
    const left = lines(['Left one', 'left two', 'left three', 'left four'], 50, 100, { size: 10 });
    const right = lines(['Right one', 'right two', 'right three', 'right four'], 320, 100, { size: 10 });
    expect(texts([...left, ...right, title])).toEqual([
      'A TITLE THAT RUNS OVER BOTH COLUMNS OF THE PAGE BELOW IT',
      'Left one',
      'left two',
      'left three',
      'left four',
      'Right one',
      'right two',
      'right three',
      'right four',
    ]);
  });

  it('follows text flowing down the left column and on at the top of the right one, across gaps that line up', () => {
    // Left: paragraph, wide gap, list; right: list continued, wide gap at the same height, another list.
    const left = [...lines(['Summary line one', 'summary line two'], 50, 100, { size: 10 }), ...lines(['Heading left', '• item one', '• item two'], 50, 180, { size: 10 })];
    const right = [...lines(['• item three', '• item four'], 320, 100, { size: 10 }), ...lines(['Heading right', '• other one', '• other two'], 320, 180, { size: 10 })];
    expect(texts([...left, ...right])).toEqual([
      'Summary line one',
      'summary line two',
      'Heading left',
      '• item one',
      '• item two',
      '• item three',
      '• item four',
      'Heading right',
      '• other one',
      '• other two',
    ]);
  });

  it('reads balanced columns before a block placed under both of them', () => {
    // Justified text fills each column (50 characters ≈ 250 pt); the signatures sit under the left column.
    const pad = (s: string) => s.padEnd(50, '.');
    const left = lines(['Left one', 'left two', 'left three'].map(pad), 50, 100, { size: 10 });
    const right = lines(['Right one', 'right two', 'right three'].map(pad), 330, 100, { size: 10 });
    const signatures = [item('Jeanne MARTIN', 50, 200, { size: 10 }), item('Paul DURAND', 180, 200, { size: 10 }), item('Directrice générale', 50, 213, { size: 10 }), item('Président du CTS', 180, 213, { size: 10 })];
    expect(texts([...signatures, ...right, ...left]).map((t) => t.replace(/\.+$/, ''))).toEqual([
      'Left one',
      'left two',
      'left three',
      'Right one',
      'right two',
      'right three',
      'Jeanne MARTIN',
      'Directrice générale',
      'Paul DURAND',
      'Président du CTS',
    ]);
  });

  it('keeps a numbered list on one line per item (a narrow numbering column is not a text column)', () => {
    const items = Array.from({ length: 4 }, (_, i) => [item(`${i + 1}.`, 50, 100 + 20 * i, { size: 11 }), item(`axe numéro ${i + 1} ;`, 84, 100 + 20 * i, { size: 11 })]).flat();
    expect(texts(items)).toEqual(['1. axe numéro 1 ;', '2. axe numéro 2 ;', '3. axe numéro 3 ;', '4. axe numéro 4 ;']);
  });

  it('keeps the pieces of justified lines whose wide word gaps line up on two lines of a column', () => {
    const full = (t: string) => t.padEnd(31, ' x');
    const column = [
      item(full('first line of the column'), 50, 100, { size: 10 }),
      item('assistants', 50, 114, { size: 10 }),
      item('médicaux, en', 130, 114, { size: 10 }),
      item('prévoyant', 50, 126, { size: 10 }),
      item('par exemple un', 125, 126, { size: 10 }),
      item(full('last line of the column'), 50, 140, { size: 10 }),
    ];
    const next = lines(['Next column one', 'next column two', 'next column three', 'next column four'], 260, 100, { size: 10 });
    expect(texts([...next, ...column]).map((t) => t.replace(/( x)+$/, ''))).toEqual([
      'first line of the column',
      'assistants médicaux, en',
      'prévoyant par exemple un',
      'last line of the column',
      'Next column one',
      'next column two',
      'next column three',
      'next column four',
    ]);
  });

  it('reads three columns of text, then the two columns of places under them that start at another edge', () => {
    const text = [50, 220, 390].flatMap((x, c) => lines([`Text column ${c + 1} line one`, `text column ${c + 1} line two`, `text column ${c + 1} line three`], x, 100, { size: 10 }));
    const places = [
      ...lines(PLACES[0], 50, 150, { size: 10 }),
      ...lines(PLACES[1], 300, 150, { size: 10 }),
    ];
    expect(texts([...places, ...text])).toEqual([
      ...[1, 2, 3].flatMap((c) => [`Text column ${c} line one`, `text column ${c} line two`, `text column ${c} line three`]),
      ...PLACES.flat(),
    ]);
  });

  it('reads a paragraph set in two balanced columns before a list in two columns spaced wider under it', () => {
    const pad = (s: string) => s.padEnd(44, ' x');
    const text = [50, 300].flatMap((x, c) => lines([1, 2, 3].map((n) => pad(`Paragraph column ${c + 1} line ${n}`)), x, 100, { size: 10 }));
    const places = [...lines(PLACES[0], 50, 160, { size: 10, pitch: 18 }), ...lines(PLACES[1], 300, 160, { size: 10, pitch: 18 })];
    expect(texts([...places, ...text]).map((t) => t.replace(/( x)+$/, ''))).toEqual([
      ...[1, 2].flatMap((c) => [1, 2, 3].map((n) => `Paragraph column ${c} line ${n}`)),
      ...PLACES.flat(),
    ]);
  });

  it('drops rotated text such as a vertical side label', () => {
    const body = lines(['Body text', 'more body'], 80, 100, { size: 10 });
    const label = item('CNR SANTÉ – THÈME 1', 30, 400, { size: 9, angle: 90 });
    expect(texts([...body, label])).toEqual(['Body text', 'more body']);
  });

  it('returns every block exactly once', () => {
    const blocks = Array.from({ length: 60 }, (_, i) => ({ x0: (i % 3) * 150, y0: Math.floor(i / 3) * 12, x1: (i % 3) * 150 + 100, y1: Math.floor(i / 3) * 12 + 10, fontSize: 10, id: i }));
    const leaves = xyCut(blocks);
    expect(leaves.flat().map((b) => b.id).sort((a, b) => a - b)).toEqual(blocks.map((b) => b.id));
  });
});

describe('pagesToReadingText', () => {
  it('separates pages with a form feed and paragraphs with a blank line', () => {
    const p1 = { items: [...lines(['First paragraph', 'goes on.'], 50, 100, { size: 10 }), ...lines(['Second paragraph.'], 50, 140, { size: 10 })] };
    const p2 = { items: lines(['Next page.'], 50, 100, { size: 10 }) };
    expect(pagesToReadingText([p1, p2])).toBe('First paragraph\ngoes on.\n\nSecond paragraph.\n\fNext page.\n');
  });
});
