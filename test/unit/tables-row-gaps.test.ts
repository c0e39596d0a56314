import { describe, expect, it } from 'vitest';
import { readTableAt } from '../../src/layout/tables/anchored.js';
import { pageContext } from '../../src/layout/tables/context.js';
import { tableRows } from '../../src/layout/tables/grid.js';
import { measuredPitchRatio } from '../../src/layout/cell-text.js';
import { ambiguousOpensRow, columnLines } from '../../src/layout/tables/row-gaps.js';
import { unionBox } from '../../src/layout/geometry.js';
import type { TextItem } from '../../src/sources/page-model.js';
import { item, lines, page } from './layout-synthetic.js';

/** The box around a header's items (the anchor of a table read under it). */
const boxOf = (items: readonly TextItem[]) => unionBox(items)!;

describe('rows from whitespace against the table’s own line pitch', () => {
  const header = [item('Actions', 45, 100, { bold: true }), item('Financement', 210, 100, { bold: true }), item('Commentaire', 307, 100, { bold: true })];
  const anchor = { header: boxOf(header), items: header, limit: 500, key: 0 };
  const pitch = 11.25;

  it('cut a tight table (a padding of one point) where the comment column runs on without a gap wider than a paragraph’s', () => {
    // Rows 2 pt apart (twice the padding); paragraphs of a cell 6 pt apart, wider than the row gap.
    const row1 = 120;
    const row2 = row1 + 3 * pitch + 2;
    const body = [
      ...lines(['Première action', 'sur deux lignes'], 45, row1),
      item('FIR', 210, row1),
      ...lines(['Un long commentaire', 'qui remplit trois', 'lignes de la cellule'], 307, row1),
      ...lines(['Seconde action'], 45, row2),
      item('CNR', 210, row2),
      ...lines(['Deuxième commentaire'], 307, row2),
      ...lines(['Second paragraphe du commentaire'], 307, row2 + pitch + 6),
    ];
    const rows = tableRows(readTableAt(pageContext(page([...header, ...body])), anchor)).slice(1);
    expect(rows.map((r) => r[0])).toEqual(['Première action sur deux lignes', 'Seconde action']);
    // (Line breaks inside cells are cellText's business: the rows are what is tested here.)
    expect(rows[0]![2]!.replace(/\n/g, ' ')).toBe('Un long commentaire qui remplit trois lignes de la cellule');
    expect(rows[1]![2]!.replace(/\n/g, ' ')).toBe('Deuxième commentaire Second paragraphe du commentaire');
  });

  it('keep a paragraph of the action cell in its row when another column goes on beside it, whatever the gap', () => {
    const body = [
      ...lines(['Action au premier', 'paragraphe'], 45, 120),
      ...lines(['Commentaire qui court', 'sur quatre lignes', 'sans interruption', 'jusqu’ici'], 307, 120),
      // A second paragraph, 8 pt further than the pitch, beside the comment's third line.
      item('Second paragraphe', 45, 120 + 2 * pitch + 8 - pitch + pitch),
      ...lines(['Action deux'], 45, 200),
      item('FIR', 210, 200),
      item('Note', 307, 200),
    ];
    const rows = tableRows(readTableAt(pageContext(page([...header, ...body])), anchor)).slice(1);
    expect(rows.map((r) => r[0])).toEqual(['Action au premier paragraphe\nSecond paragraphe', 'Action deux']);
  });

  it('read a header cell’s wrapped line as the header, not as a row', () => {
    const wrapped = [...header.slice(0, 2), item('Commentaire', 307, 100, { bold: true })];
    const wrap = item('associé', 307, 100 + pitch, { bold: true });
    const body = [...lines(['Première action'], 45, 100 + 2 * pitch + 3), item('FIR', 210, 100 + 2 * pitch + 3), item('Note', 307, 100 + 2 * pitch + 3)];
    const table = readTableAt(pageContext(page([...wrapped, wrap, ...body])), { ...anchor, header: boxOf(wrapped), items: wrapped });
    const rows = tableRows(table);
    expect(rows[0]![2]).toBe('Commentaire associé');
    expect(rows.slice(1)).toEqual([['Première action', 'FIR', 'Note']]);
  });

  /**
   * An action whose list opens 3 pt below it, level with its funding's second paragraph, then a second row
   * `rowSpace` further down; `actionList`: the action's lines from the list on (a list item 3 pt apart among them
   * when `keyOnly` is given: a block only the Actions column opens).
   */
  const listBesideFunding = (rowSpace: number, actionList: string[], keyOnly?: string) => {
    const row1 = 120;
    const para = row1 + pitch + 3;
    const keyOnlyAt = para + actionList.length * pitch + 3;
    const lastLine = keyOnly ? keyOnlyAt : para + (actionList.length - 1) * pitch;
    const row2 = lastLine + pitch + rowSpace;
    const body = [
      item('Favoriser la scolarisation', 45, row1),
      item('PRIAC 280 000 €', 210, row1),
      item('Nombre d’enfants', 307, row1),
      ...lines(actionList, 45, para),
      ...(keyOnly ? [item(keyOnly, 45, keyOnlyAt)] : []),
      item('PRIAC 100 000 €', 210, para),
      ...lines(['Une équipe de plus', 'sur le territoire'], 307, para),
      ...lines(['Action deux', 'sur deux lignes'], 45, row2),
      item('FIR', 210, row2),
      ...lines(['Note qui court', 'sur trois', 'lignes'], 307, row2),
    ];
    return tableRows(readTableAt(pageContext(page([...header, ...body])), anchor)).slice(1);
  };

  it('keep paragraphs that open side by side in every column in their row when the table’s rows stand much further apart', () => {
    // Row space 9 pt beyond the pitch; the action and its funding each go on with a second paragraph 3 pt apart.
    const rows = listBesideFunding(9, ['- Accompagner l’unité', '- Renforcer les équipes']);
    expect(rows.map((r) => r[0]!.replace(/\n/g, ' '))).toEqual(['Favoriser la scolarisation - Accompagner l’unité - Renforcer les équipes', 'Action deux sur deux lignes']);
    expect(rows[0]![1]!.replace(/\n/g, ' ')).toBe('PRIAC 280 000 € PRIAC 100 000 €');
  });

  it('keep paragraphs that open side by side in every column in their row when their space is the action list’s own', () => {
    // Rows 6 pt apart; the action's list items 3 pt apart, the first of them level with the funding's second paragraph.
    const rows = listBesideFunding(6, ['- Accompagner l’unité', 'installée au Havre'], '- Renforcer les équipes');
    expect(rows.map((r) => r[1]!.replace(/\n/g, ' '))).toEqual(['PRIAC 280 000 € PRIAC 100 000 €', 'FIR']);
  });

  it('open a row whose comment, set in a smaller type, wraps its second line beside the action’s first', () => {
    const small = { size: 6.5, pitch: 7.4 };
    const row1 = 120;
    const row2 = row1 + 2 * pitch + 12;
    const body = [
      ...lines(['Première action', 'sur deux lignes'], 45, row1),
      item('FIR', 210, row1),
      ...lines(['Un commentaire en petit', 'corps sur trois', 'lignes serrées'], 307, row1, small),
      ...lines(['Seconde action', 'sur deux lignes'], 45, row2),
      item('CNR', 210, row2),
      ...lines(['Cette mesure doit per-', 'mettre l’accueil des', 'enfants'], 307, row2, small),
    ];
    const rows = tableRows(readTableAt(pageContext(page([...header, ...body])), anchor)).slice(1);
    expect(rows.map((r) => r[1])).toEqual(['FIR', 'CNR']);
  });

  it('read a line after a word cut at the line end as going on, however far below the line above it stands', () => {
    // The comment column sets the table's pitch; the action's second line stands 4 pt further down.
    const body = [
      ...lines(['Un commentaire', 'sur quatre', 'lignes au pas', 'de la table'], 307, 120),
      item('Déploiement des Commu-', 45, 120),
      item('nautés de santé', 45, 120 + pitch + 4),
      item('Action suivante', 45, 120 + 2 * pitch + 8),
    ];
    const { columns } = columnLines(body, [40, 205, 302, 420], 1.8);
    expect(columns[0]!.map((l) => l.opens)).toEqual([true, false, true]);
  });

  it('keep a row every column opens at a row’s space (over half the type size) even beside a wider row space', () => {
    // Rows 7 pt apart, one of them 21 pt further down (an empty line above it): still three rows.
    const row1 = 120;
    const row2 = row1 + 2 * pitch + 21;
    const row3 = row2 + 2 * pitch + 7;
    const body = [
      ...lines(['Première action', 'sur deux lignes'], 45, row1),
      item('FIR', 210, row1),
      ...lines(['Note un', 'sur deux'], 307, row1),
      ...lines(['Deuxième action', 'sur deux lignes'], 45, row2),
      item('CNR', 210, row2),
      ...lines(['Note deux', 'sur deux'], 307, row2),
      ...lines(['Troisième action', 'sur deux lignes'], 45, row3),
      item('PRIAC', 210, row3),
      ...lines(['Note trois', 'sur deux'], 307, row3),
    ];
    const rows = tableRows(readTableAt(pageContext(page([...header, ...body])), anchor)).slice(1);
    expect(rows.map((r) => r[1])).toEqual(['FIR', 'CNR', 'PRIAC']);
  });

  it('keep the tail of a row cut by the page, above the first action, a row of its own', () => {
    const body = [
      ...lines(['fin du commentaire', 'coupé par la page'], 307, 120),
      ...lines(['Action suivante'], 45, 120 + 2 * pitch + 4),
      item('FIR', 210, 120 + 2 * pitch + 4),
    ];
    const rows = tableRows(readTableAt(pageContext(page([...header, ...body])), anchor)).slice(1);
    expect(rows).toEqual([
      ['', '', 'fin du commentaire coupé par la page'],
      ['Action suivante', 'FIR', ''],
    ]);
  });
});

describe('a block only the key column opens', () => {
  it('is a row when its space is nearer the row space, a paragraph when nearer the paragraph space', () => {
    expect(ambiguousOpensRow(2, 2, 6, 4, 10)).toBe(true);
    expect(ambiguousOpensRow(6, 2, 6, 8, 10)).toBe(false);
    // An empty row between: far beyond both.
    expect(ambiguousOpensRow(15, 2, 6, 17, 10)).toBe(true);
    // Row and paragraph spaces alike: a paragraph unless a line further.
    expect(ambiguousOpensRow(4, 4, 4.5, 6, 10)).toBe(false);
    expect(ambiguousOpensRow(16, 4, 4.5, 18, 10)).toBe(true);
    // Nothing learnt: three quarters of the type size between the lines' boxes.
    expect(ambiguousOpensRow(5, undefined, undefined, 8, 10)).toBe(true);
    expect(ambiguousOpensRow(5, undefined, undefined, 6, 10)).toBe(false);
  });
});

describe('rows from whitespace on text read by OCR (measured positions)', () => {
  // One action wrapped over four lines beside two indicators, as tesseract boxes them on a 200-dpi scan: each
  // line's box runs from its tallest to its lowest glyph, so tops and sizes move with the letters a line holds.
  const ocr = (text: string, x: number, y: number, size: number) => ({ ...item(text, x, y, { size }), confidence: 0.9 });
  const body = [
    ocr('Sensibiliser et former les professionnels', 41.5, 139.5, 8.67),
    ocr("de l'aménagement, les élus et agents", 41.3, 150.5, 8.67),
    ocr('les responsables associatifs et leurs', 41.5, 161.1, 8.67),
    ocr("membres du CTS sur l'urbanisme", 41.5, 170.6, 9.67),
    ocr("Nb d'actions de sensibilisation", 400.1, 138.7, 8.67),
    ocr("Nb d'acteurs sensibilisés", 400.1, 152.6, 8.67),
  ];
  const xs = [40, 260, 395, 520];

  it('takes the median pitch, not the most frequent one, so wrapped lines of one cell open nothing', () => {
    const { columns } = columnLines(body, xs, 2);
    expect(columns[0]!.map((l) => l.opens)).toEqual([true, false, false, false]);
  });

  it('measuredPitchRatio: the median ratio, its jitter from the ratios near it', () => {
    const lineAt = (y0: number, fontSize: number) => ({ text: 'x', items: [], fontSize, bold: false, x0: 0, x1: 10, y0, y1: y0 + fontSize });
    const ratio = measuredPitchRatio([[lineAt(0, 10), lineAt(12, 10), lineAt(23, 10), lineAt(36, 10), lineAt(54, 10)]]);
    expect(ratio!.pitch).toBeCloseTo(1.2, 5);
    // 1.1, 1.2, 1.3 lie within 15 % of 1.2 (1.8, a paragraph, does not): mean distance 0.2 / 3.
    expect(ratio!.jitter).toBeCloseTo(0.2 / 3, 5);
  });
});
