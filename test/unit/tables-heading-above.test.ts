import { describe, expect, it } from 'vitest';
import { continuesRow, cutShape } from '../../src/documents/roadmap/pdf-reader.js';
import { findHeaderRows, pageTableHint, readTable, tableHint } from '../../src/layout/table.js';
import { lineOf } from '../../src/layout/lines.js';
import { pageContext } from '../../src/layout/tables/context.js';
import { spreadHeaderWords } from '../../src/layout/tables/header-columns.js';
import { ambiguousOpensRow } from '../../src/layout/tables/row-gaps.js';
import type { FilledRect, TextItem } from '../../src/sources/page-model.js';
import type { TableRow } from '../../src/layout/table.js';
import { item, lines, page } from './layout-synthetic.js';

// Roadmap tables under a "Chantier : …" heading paragraph (issue 12, chantierBand "above").

describe('a header cell set justified', () => {
  // "Indicateurs de suivi" in a justified cell: "Indicateurs" at the column's left edge, "de" pushed to its right
  // edge, "suivi" wrapped under "Indicateurs".
  const bold = { bold: true };
  const header = [
    item('Actions', 40, 100, bold),
    item('Financement', 160, 100, bold),
    item('Indicateurs', 280, 100, bold),
    item('de', 370, 100, bold),
    item('suivi', 280, 111, bold),
    item('Commentaires', 400, 100, bold),
  ];
  // Justified body lines in the Indicateurs column run from 280 to 379, over the gap between "Indicateurs" and "de".
  const indicators = ['Nombre de réunions', 'de travail avec les', 'acteurs du territoire', 'du groupe et des', 'partenaires réunis'];
  const body = [
    ...lines(['Première action du', 'chantier à mener'], 40, 130, { pitch: 11 }),
    item('FIR', 160, 130),
    ...indicators.map((t, k) => ({ ...item(t, 280, 130 + 11 * k), x1: 379 })),
    item('Note', 400, 130),
  ];

  it('reads the word pushed to the right edge as part of its cell, not as a column', () => {
    const [found] = findHeaderRows([...header, ...body]);
    const table = readTable(found!, pageContext(page([...header, ...body])), 500);
    expect(table.columns.map((c) => c.name ?? c.label)).toEqual(['action', 'financement', 'indicateur', 'commentaire']);
    expect(table.rows[0]!.cells.indicateur!.text.replace(/\n/g, ' ')).toBe(indicators.join(' '));
  });

  it('keeps a column of its own where the body leaves a gutter before it', () => {
    const cells = [
      { x0: 280, y0: 100, x1: 329.5, y1: 121 },
      { x0: 370, y0: 100, x1: 379, y1: 110 },
    ];
    const headerItems = header.slice(2, 5);
    const narrow = indicators.map((t, k) => ({ ...item(t, 280, 130 + 11 * k), x1: 350 }));
    const other = [0, 1, 2].map((k) => item('ARS', 370, 130 + 11 * k));
    const e = { header: headerItems, items: [...headerItems, ...narrow, ...other], rects: [] as FilledRect[], size: 9 };
    expect(spreadHeaderWords(cells, [false, true], { ...e, body: [...narrow, ...other] })).toEqual(new Set());
    // The same gap covered by the body's lines: a word of the cell.
    const wide = indicators.map((t, k) => ({ ...item(t, 280, 130 + 11 * k), x1: 379 }));
    expect(spreadHeaderWords(cells, [false, true], { ...e, items: [...headerItems, ...wide], body: wide })).toEqual(new Set([1]));
    // A cell that names a column is never a word of the one before.
    expect(spreadHeaderWords(cells, [false, false], { ...e, items: [...headerItems, ...wide], body: wide })).toEqual(new Set());
    // One shaded cell holding both: a word of the cell, whatever the body.
    const shaded = { x0: 275, y0: 98, x1: 385, y1: 123, fill: '#dbdbdb' } as FilledRect;
    expect(spreadHeaderWords(cells, [false, true], { ...e, body: [...narrow, ...other], rects: [shaded] })).toEqual(new Set([1]));
    // A band shaded across the whole header holds other cells too: it is no cell.
    const band = { x0: 30, y0: 98, x1: 500, y1: 123, fill: '#dbdbdb' } as FilledRect;
    const actions = { x0: 40, y0: 100, x1: 80, y1: 110 };
    expect(spreadHeaderWords([actions, ...cells], [false, false, true], { ...e, body: [...narrow, ...other], rects: [band] })).toEqual(new Set());
  });

  it('is one cell only when the cell before it wraps below (a justified line is never the last)', () => {
    const cells = [
      { x0: 280, y0: 100, x1: 329.5, y1: 110 },
      { x0: 370, y0: 100, x1: 379, y1: 110 },
    ];
    const headerItems = [item('Indicateurs', 280, 100, bold), item('Pilote', 370, 100, bold)];
    const wide = indicators.map((t, k) => ({ ...item(t, 280, 130 + 11 * k), x1: 379 }));
    expect(spreadHeaderWords(cells, [false, true], { header: headerItems, items: [...headerItems, ...wide], body: wide, rects: [], size: 9 })).toEqual(new Set());
  });
});

describe('a stacked header with a narrow gutter', () => {
  it('cuts a lower line where a cell of the line above starts ("finance- lote" under "Pi-")', () => {
    const b = { bold: true };
    const band = [
      item('Actions', 55, 58, b),
      item('Modalités', 161, 58, b),
      item('Pi-', 235, 58, b),
      item('Indicateurs', 275, 58, b),
      item('Observations', 417, 58, b),
      item('de', 161, 72, b),
      // "finance-" runs to 230, "lote" starts 5 pt further: one coarse segment on its own line.
      { ...item('finance-', 185, 72, b), x1: 230.2 },
      item('lote', 235, 72, b),
      item('suivi', 275, 72, b),
      item('ment', 161, 86, b),
    ];
    const [found] = findHeaderRows(band);
    // (The cell's own wrapped lines joined: "Pi-" + "lote", whatever the join keeps of the hyphen.)
    expect(found!.cells.map((c) => c.column ?? c.line.text.replace(/[^\p{L}]/gu, ''))).toEqual(['action', 'financement', 'Pilote', 'indicateur', 'commentaire']);
  });
});

describe('a table showing no paragraph of its own', () => {
  it('takes the paragraph space of the document’s tables read before', () => {
    const b = { bold: true };
    const header = [item('Actions', 40, 100, b), item('Financement', 200, 100, b), item('Commentaires', 330, 100, b)];
    // One row: the action's second paragraph stands 6 pt further down than the pitch; nothing else opens a block.
    const body = [
      ...lines(['Structurer une démarche', 'd’accompagnement'], 40, 125, { pitch: 11 }),
      ...lines(['Territoire pilote : Havre'], 40, 125 + 2 * 11 + 6, { pitch: 11 }),
      ...lines(['FIR'], 200, 125, { pitch: 11 }),
      ...lines(['Une note', 'sur deux'], 330, 125, { pitch: 11 }),
    ];
    const [found] = findHeaderRows([...header, ...body]);
    const context = pageContext(page([...header, ...body]));
    expect(readTable(found!, context, 500).rows).toHaveLength(2);
    const table = readTable(found!, context, 500, undefined, 6 / 9);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]!.cells.action!.text).toContain('Territoire pilote');
  });
});

describe('what a page tells the next one of its columns', () => {
  it('comes from an earlier table under the same header when the last one shows only its actions', () => {
    const b = { bold: true };
    // Centred header cells: the columns' text starts lie left of them.
    const header = (y: number) => [item('Actions', 90, y, b), item('Financement', 230, y, b), item('Commentaires', 380, y, b)];
    const first = [...header(100), ...lines(['Une action sur', 'deux lignes'], 40, 120), item('FIR 2024', 200, 120), item('Une note', 350, 120)];
    const second = [...header(300), ...lines(['Créer 27 places', 'en accueil de jour'], 40, 320)];
    const items = [...first, ...second];
    const context = pageContext(page(items));
    const tables = findHeaderRows(items).map((h, k, all) => readTable(h, context, all[k + 1]?.y0 ?? 500));
    expect(tables).toHaveLength(2);
    expect(tableHint(tables[1]!).textStarts[1]).not.toBe(200);
    expect(pageTableHint(tables)!.textStarts).toEqual([40, 200, 350]);
  });
});

describe('a block only the Actions column opens, in a table with no row to learn from', () => {
  it('is a paragraph when its space is the table’s paragraph space', () => {
    // One row on the page: no row space; paragraphs of other cells 6 pt apart.
    expect(ambiguousOpensRow(6, undefined, 6, 12, 9.5)).toBe(false);
    expect(ambiguousOpensRow(12, undefined, 6, 18, 9.5)).toBe(true);
    expect(ambiguousOpensRow(6, undefined, undefined, 12, 9.5)).toBe(true);
  });
});

describe('a row cut by the page', () => {
  const cell = (text: string, y0: number, y1: number) => ({ text, box: { x0: 0, y0, x1: 100, y1 }, lines: [lineOf([item(text, 0, y1 - 9)])] });
  const row = (cells: TableRow['cells'], y0: number, y1: number): TableRow => ({ x0: 0, y0, x1: 400, y1, cells, extra: [], openBottom: false });
  const previous = (last: TableRow, ruled = false) => ({
    page: 1, chantierKey: 'k', ruled, lastRow: last, lastBlock: undefined, areaBottom: 560, lowest: true, bodySize: 9, besideLabels: new Set<string>(), besideBlock: undefined,
  });
  const next = row({ action: cell('Renforcer l’accès aux soins', 75, 100), commentaire: cell('Caux en lien avec un organisme', 75, 120) }, 75, 120);

  it('goes on when the part above has no action (the cell moved on whole)', () => {
    const last = row({ commentaire: cell('Projet travaillé sur le territoire d’Héricourt en', 500, 541), indicateur: cell('installation', 500, 541) }, 500, 541);
    expect(continuesRow(previous(last), next)).toBe(true);
    const withAction = row({ ...last.cells, action: cell('Une action', 500, 512) }, 500, 541);
    expect(continuesRow(previous(withAction), next)).toBe(false);
  });

  it('goes on when the action above announces with a colon the list the new part opens, whatever the shape', () => {
    // The action ended a line above the comment: its shape alone reads as a new row.
    const last = row({ action: cell('Mener une expérimentation du Havre :', 500, 532), commentaire: cell('gestion des violences entre élèves', 500, 541) }, 500, 541);
    const part = row({ action: cell('• Former les professionnels', 75, 100), commentaire: cell('IFAS et étudiants IFSI', 75, 100) }, 75, 100);
    expect(continuesRow(previous(last), part)).toBe(true);
    const ended = row({ ...last.cells, action: cell('Mener une expérimentation du Havre', 500, 532) }, 500, 541);
    expect(continuesRow(previous(ended), part)).toBe(false);
    // An action may end on a colon itself ("et notamment :"): a new row that opens no list is not its rest.
    const newRow = row({ action: cell('Poursuivre l’accompagnement', 75, 100), commentaire: cell('Les GEM sont organisés', 75, 100) }, 75, 100);
    expect(continuesRow(previous(last), newRow)).toBe(false);
  });

  it('goes on when a cell of the part above stops on a word cut by a hyphen', () => {
    const last = row({ action: cell('Une action', 500, 512), commentaire: cell('Projet travaillé sur le ter-', 500, 541) }, 500, 541);
    expect(continuesRow(previous(last), next)).toBe(true);
  });

  it('under rules left open at the page bottom, reads a column empty above as moved on, not as a new row', () => {
    const last = row({ action: cell('Mettre en œuvre la mesure', 474, 541), commentaire: cell('Pour rappel le plan', 474, 541), indicateur: cell('Nb de réunions', 474, 490) }, 474, 560);
    const part = row({ action: cell('Installer un comité régional', 75, 100), financement: cell('1 000 000 €', 75, 90), commentaire: cell('situation de handicap', 75, 110) }, 75, 110);
    const columns = (r: TableRow) => new Map(Object.entries(r.cells));
    expect(cutShape(columns(last), columns(part), true).tailsOnly).toBe(true);
    expect(cutShape(columns(last), columns(part), false).tailsOnly).toBe(false);
    expect(continuesRow(previous(last, true), part)).toBe(true);
    // Closed by a rule above the page's foot: a new row.
    expect(continuesRow(previous({ ...last, y1: 545 }, true), part)).toBe(false);
  });
});
