import { describe, expect, it } from 'vitest';
import { mergeIntervals, mode } from '../../src/layout/geometry.js';
import { groupLines, groupRows, lineOf, splitAtGaps } from '../../src/layout/lines.js';
import { cellText, findHeaderRows, headerCellColumn, readTable, splitGluedHeaderCells } from '../../src/layout/table.js';
import { pageContext } from '../../src/layout/tables/context.js';
import { joinRules } from '../../src/layout/tables/rules.js';
import type { FilledRect, Ruling } from '../../src/sources/page-model.js';
import { hRule, item, lines, page, vRule } from './layout-synthetic.js';

describe('line grouping', () => {
  it('groups items on one baseline and orders them left to right, whatever the input order', () => {
    const items = [item('world', 60, 100), item('second line', 10, 113), item('Hello', 10, 100.6)];
    const rows = groupRows(items);
    expect(rows.map((r) => r.map((i) => i.text))).toEqual([['Hello', 'world'], ['second line']]);
    expect(groupLines(items).map((l) => l.text)).toEqual(['Hello world', 'second line']);
  });

  it('inserts a space only where the gap is a word gap', () => {
    const size = 10;
    const a = item('fin', 10, 50, { size });
    const glued = { ...item('ancement', a.x1 + 0.5, 50, { size }) };
    const spaced = { ...item('suite', glued.x1 + 3, 50, { size }) };
    expect(lineOf([a, glued, spaced]).text).toBe('financement suite');
  });

  it('keeps one copy of text drawn twice to fake bold', () => {
    const a = item('Titre', 10, 50);
    const b = { ...item('Titre', 10.3, 50.2) };
    expect(lineOf([a, b]).text).toBe('Titre');
  });

  it('reports the dominant size and weight of a line', () => {
    const line = lineOf([item('Chantier :', 10, 10, { size: 12, bold: true }), item('un titre assez long', 80, 10, { size: 12, bold: true }), item('1', 200, 10, { size: 6 })]);
    expect(line.fontSize).toBe(12);
    expect(line.bold).toBe(true);
  });

  it('splits a band at gaps wider than the factor, not at word gaps', () => {
    const row = [item('left column text', 10, 10, { size: 10 }), item('right column', 160, 10, { size: 10 })];
    expect(splitAtGaps(row, 1.5)).toHaveLength(2);
    expect(splitAtGaps([item('a b', 10, 10), item('c', 25, 10)], 1.5)).toHaveLength(1);
  });
});

describe('geometry helpers', () => {
  it('merges overlapping or near intervals after sorting', () => {
    expect(mergeIntervals([[10, 20], [0, 5], [19, 30], [33, 40]], 2)).toEqual([[0, 5], [10, 30], [33, 40]]);
  });
  it('finds the most frequent rounded value', () => {
    expect(mode([10.5, 10.6, 11.25, 10.5, 14], 0.25)).toBe(10.5);
  });
});

describe('rulings', () => {
  it('joins rules drawn cell by cell into whole rules', () => {
    const rulings = [hRule(40, 205, 100.9), hRule(205.5, 303, 101), hRule(303, 411, 100.8), vRule(40, 80, 101), vRule(40.2, 101.2, 123), vRule(205, 80, 123), hRule(40, 100, 300)];
    const horizontal = joinRules(rulings, 'h', 1.8);
    const vertical = joinRules(rulings, 'v', 1.8);
    expect(horizontal).toHaveLength(2);
    expect(horizontal[0]).toMatchObject({ from: 40, to: 411 });
    expect(vertical).toHaveLength(2);
    expect(vertical[0]).toMatchObject({ from: 80, to: 123 });
  });
});

describe('table header', () => {
  it('recognises the four columns in any case, singular or plural, accents optional', () => {
    expect(headerCellColumn('ACTIONS')).toBe('action');
    expect(headerCellColumn('Financements')).toBe('financement');
    expect(headerCellColumn('Indicateur(s)')).toBe('indicateur');
    expect(headerCellColumn('Indicateurs de suivi')).toBe('indicateur');
    expect(headerCellColumn('commentaire')).toBe('commentaire');
    expect(headerCellColumn('Calendrier')).toBeUndefined();
    expect(headerCellColumn('Actions prioritaires du territoire pour les cinq années à venir et au-delà')).toBeUndefined();
  });

  it('finds a header row from separate cells on one band, not from a sentence naming the columns', () => {
    const header = [item('Actions', 40, 100), item('Financement', 270, 100), item('Indicateurs', 400, 100), item('Commentaires', 550, 100)];
    const sentence = item('Actions financement indicateur commentaires', 40, 200);
    const rows = findHeaderRows([...header, sentence]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.cells.map((c) => c.column)).toEqual(['action', 'financement', 'indicateur', 'commentaire']);
  });

  it('needs three distinct columns including Actions', () => {
    expect(findHeaderRows([item('Financement', 270, 100), item('Indicateur', 400, 100), item('Commentaires', 550, 100)])).toHaveLength(0);
    expect(findHeaderRows([item('Actions', 40, 100), item('Indicateur', 400, 100), item('Commentaires', 550, 100)])).toHaveLength(1);
  });
});

describe('header rows set in narrow columns', () => {
  const columns = (items: TextItem[]) => findHeaderRows(items).map((h) => h.cells.map((c) => c.column ?? c.line.text));

  it('are found when two header cells came out glued into one text item', () => {
    const glued = item('FINANCEMENTSINDICATEUR(S)', 320, 100);
    const parts = splitGluedHeaderCells([item('ACTION', 50, 100), item('COMMENTAIRES', 200, 100), glued, item('ÉCHÉANCIER', 485, 100)]);
    expect(parts.map((i) => i.text)).toEqual(['ACTION', 'COMMENTAIRES', 'FINANCEMENTS', 'INDICATEUR(S)', 'ÉCHÉANCIER']);
    // Cut by the characters' share of the width, the cut kept as a small gap.
    expect(parts[2]!.x0).toBe(glued.x0);
    expect(parts[3]!.x1).toBe(glued.x1);
    expect(parts[2]!.x1).toBeLessThan(parts[3]!.x0);
    expect(columns(parts)).toEqual([['action', 'commentaire', 'financement', 'indicateur', 'ÉCHÉANCIER']]);
    // Text that is not two header names stays whole.
    expect(splitGluedHeaderCells([item('ActionsFIR', 50, 100), item('Commentaires', 100, 100)]).map((i) => i.text)).toEqual(['ActionsFIR', 'Commentaires']);
  });

  it('are found when cells wrapped flush left sit closer than a column gap on their first line', () => {
    // "Finance-" and "Indicateurs" stand 0.7 em apart: one coarse segment, cut where "d’évaluation" starts below.
    const band = [
      item('Action(s)', 122, 56, { size: 11 }),
      item('Finance-', 246, 56, { size: 11 }),
      item('Indicateurs', 296.8, 56, { size: 11 }),
      item('Porteur', 384, 56, { size: 11 }),
      item('Commen-', 428, 56, { size: 11 }),
      item('ment(s)', 246, 72, { size: 11 }),
      item('d’évaluation', 296.8, 72, { size: 11 }),
      item('taires', 428, 72, { size: 11 }),
    ];
    band[1]!.x1 = 288.7; // the narrow gutter
    // The first body line follows at the header's own pitch: the band stops where it names the most columns.
    const body = [item('Repérer les personnes', 122, 89, { size: 11 }), item('Nb de réunion du', 296.8, 89, { size: 11 })];
    expect(columns([...band, ...body])).toEqual([['action', 'financement', 'indicateur', 'Porteur', 'commentaire']]);
  });

  it('are found when a header cell overflows its narrow column over the next one', () => {
    const row = [item('Actions', 118, 57), item('Financement(s)', 247, 57), item('Partenaires', 300, 57), item('Indicateurs', 340, 57), item('Commentaire(s)', 423, 57)];
    expect(columns(row)).toEqual([['action', 'financement', 'Partenaires', 'indicateur', 'commentaire']]);
  });
});

const HEADER = [item('Actions', 45, 100, { bold: true }), item('Financement', 215, 100, { bold: true }), item('Indicateur', 310, 100, { bold: true }), item('Commentaires', 420, 100, { bold: true })];

/** The page as the table layer reads it: items, rules and shapes. */
function context(items: ReturnType<typeof item>[], extra: { rulings?: Ruling[]; rects?: FilledRect[] } = {}) {
  return pageContext(page(items, extra));
}

describe('columns', () => {
  it('come from vertical rules crossing the header when the table is ruled', () => {
    const header = findHeaderRows(HEADER)[0]!;
    const vertical = [vRule(40, 95, 300), vRule(205, 95, 300), vRule(302, 95, 300), vRule(410, 95, 300), vRule(555, 95, 300)];
    const table = readTable(header, context(HEADER, { rulings: vertical }), 800);
    expect(table.columnSource).toBe('rules');
    expect(table.columns.map((c) => [c.name, c.x0, c.x1])).toEqual([
      ['action', 40, 205],
      ['financement', 205, 302],
      ['indicateur', 302, 410],
      ['commentaire', 410, 555],
    ]);
  });

  it('come from the header shading when there are no rules', () => {
    const header = findHeaderRows(HEADER)[0]!;
    const rects = [
      { x0: 38, y0: 95, x1: 208, y1: 113, fill: '#d5e3f2' },
      { x0: 208, y0: 95, x1: 305, y1: 113, fill: '#d5e3f2' },
      { x0: 305, y0: 95, x1: 413, y1: 113, fill: '#d5e3f2' },
      { x0: 413, y0: 95, x1: 560, y1: 113, fill: '#d5e3f2' },
    ];
    const table = readTable(header, context(HEADER, { rects }), 800);
    expect(table.columnSource).toBe('shading');
    expect(table.columns.map((c) => c.x0)).toEqual([38, 208, 305, 413]);
    expect(table.x1).toBe(560);
  });

  it('come from whitespace gutters otherwise, with centred headers too, and stop before a side tab', () => {
    // Headers centred over their columns; cell text starts at the column's left edge.
    const centred = [item('Actions', 100, 100), item('Financement', 215, 100), item('Indicateur', 330, 100), item('Commentaires', 450, 100)];
    const body = [
      ...lines(['Une action qui occupe', 'toute la largeur'], 45, 120),
      ...lines(['FIR 20 000 €'], 205, 120),
      ...lines(['Nombre de réunions'], 310, 120),
      ...lines(['Un commentaire long qui', 'se poursuit'], 420, 120),
      item('#3', 700, 125, { size: 18 }),
    ];
    const header = findHeaderRows(centred)[0]!;
    const table = readTable(header, context([...centred, ...body]), 800);
    expect(table.columnSource).toBe('gutters');
    const row = table.rows[0]!;
    expect(row.cells.action?.text).toBe('Une action qui occupe toute la largeur');
    expect(row.cells.financement?.text).toBe('FIR 20 000 €');
    expect(row.cells.indicateur?.text).toBe('Nombre de réunions');
    expect(row.cells.commentaire?.text).toBe('Un commentaire long qui se poursuit');
    expect(table.x1).toBeLessThan(700);
    expect(table.used.has(body[body.length - 1]!)).toBe(false);
  });
});

describe('rows', () => {
  const vertical = [vRule(40, 95, 320), vRule(205, 95, 320), vRule(302, 95, 320), vRule(410, 95, 320), vRule(555, 95, 320)];

  it('are the spaces between horizontal rules in a ruled table; a row without a closing rule is open', () => {
    const body = [
      ...lines(['Première action'], 45, 125),
      ...lines(['Seconde action qui tient sur deux', 'lignes'], 45, 165),
      ...lines(['Troisième action coupée'], 45, 290),
      ...lines(['Budget'], 210, 165),
    ];
    const horizontal = [hRule(40, 555, 95), hRule(40, 555, 115), hRule(40, 555, 155), hRule(40, 555, 280)];
    const header = findHeaderRows(HEADER)[0]!;
    const table = readTable(header, context([...HEADER, ...body], { rulings: [...vertical, ...horizontal] }), 800);
    expect(table.ruled).toBe(true);
    expect(table.rows.map((r) => r.cells.action?.text)).toEqual(['Première action', 'Seconde action qui tient sur deux lignes', 'Troisième action coupée']);
    expect(table.rows.map((r) => r.openBottom)).toEqual([false, false, true]);
    expect(table.rows[1]!.cells.financement?.text).toBe('Budget');
  });

  it('are runs of text separated by wide gaps when there are no rules, opened by the first column', () => {
    const body = [
      ...lines(['Action une', 'suite de l’action'], 45, 125, { pitch: 10.6 }),
      // a commentaire with a paragraph gap (3.4 pt more than the pitch): same row
      ...lines(['Premier paragraphe'], 420, 125),
      ...lines(['Second paragraphe'], 420, 139),
      // next row after a 16 pt gap
      ...lines(['Action deux'], 45, 170),
      ...lines(['Indicateur deux'], 310, 170),
      // a lone commentaire paragraph far below, nothing in the first column: still row two
      ...lines(['Note tardive'], 420, 200),
    ];
    const header = findHeaderRows(HEADER)[0]!;
    const table = readTable(header, context([...HEADER, ...body]), 800);
    expect(table.ruled).toBe(false);
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0]!.cells.action?.text).toBe('Action une suite de l’action');
    expect(table.rows[0]!.cells.commentaire?.text).toBe('Premier paragraphe\nSecond paragraphe');
    expect(table.rows[1]!.cells.indicateur?.text).toBe('Indicateur deux');
    expect(table.rows[1]!.cells.commentaire?.text).toBe('Note tardive');
  });
});

describe('cell text', () => {
  const pitch = 10.5;
  const at = (texts: string[], xs: number[], ys: number[]) => texts.map((t, i) => lineOf([item(t, xs[i]!, ys[i]!, { size: 8.5 })]));

  it('joins wrapped lines with a space and keeps paragraphs on their own line', () => {
    const l = at(['Nb de réunion du groupe de travail', 'territorial', 'Identification des freins'], [10, 10, 10], [0, 10.5, 24.5]);
    expect(cellText(l, pitch)).toBe('Nb de réunion du groupe de travail territorial\nIdentification des freins');
  });

  it('starts a new paragraph after a line that stopped short with room for the next word, without any extra gap', () => {
    const l = at(['Nb de réunion du GT', 'Identification des freins et des leviers de', 'la constitution de la filière'], [10, 10, 10], [0, 10.5, 21]);
    expect(cellText(l, pitch)).toBe('Nb de réunion du GT\nIdentification des freins et des leviers de la constitution de la filière');
  });

  it('starts list items on their own line: after a colon, after another item, or out of a hanging indent', () => {
    const l = at(['Contrats locaux de santé :', '• Téléconsultations', '• Transports', 'solidaires', '• Médicobus'], [10, 10, 10, 18, 10], [0, 10.5, 21, 31.5, 42]);
    expect(cellText(l, pitch)).toBe('Contrats locaux de santé :\n• Téléconsultations\n• Transports solidaires\n• Médicobus');
  });

  it('reads a dash that wrapped to the start of a line as running text', () => {
    // "… activités d'aide et de soins - Les services …" wrapped before the dash; the line above was full.
    const l = at(['des activités d’aide et de soins', '- Les services délivrant une', 'activité d’aide'], [10, 10, 10], [0, 10.5, 21]);
    l[0]!.x1 = 200;
    l[1]!.x1 = 200;
    expect(cellText(l, pitch)).toBe('des activités d’aide et de soins - Les services délivrant une activité d’aide');
  });

  it('measures the gap between lines from their running text, not from a taller sign of another font', () => {
    // "€" drawn from a symbol font with a taller ascent raises the first line's box by more than the margin.
    const first = lineOf([item('185 000', 10, 0, { size: 8.5 }), item('€', 42, -1.3, { size: 8.5 }), item('(AAP urgences', 48, 0, { size: 8.5 })]);
    const second = lineOf([item('2023)', 10, 10.5, { size: 8.5 })]);
    first.x1 = 200;
    expect(cellText([first, second], pitch)).toBe('185 000 € (AAP urgences 2023)');
  });

  it('reads a dash moved into the margin by optical alignment as running text, not as an outdented item', () => {
    // LaTeX's microtype: "- Hôpital" starts a tenth of an em left of justified text; the lines around it do not.
    const l = at(['comité de suivi du lien ville', '- Hôpital - Ehpad en lien avec les', 'communautés professionnelles'], [10, 8.9, 10], [0, 10.5, 21]);
    for (const x of l) x.x1 = 200;
    const justified = { right: 200, justified: true };
    expect(cellText(l, pitch, justified)).toBe('comité de suivi du lien ville - Hôpital - Ehpad en lien avec les communautés professionnelles');
    // A marker hanging out of the text by its own width is an item.
    const hanging = at(['comité de suivi du lien ville', '- Hôpital - Ehpad en lien avec les', 'communautés professionnelles'], [14, 10, 14], [0, 10.5, 21]);
    for (const x of hanging) x.x1 = 200;
    expect(cellText(hanging, pitch, justified)).toBe('comité de suivi du lien ville\n- Hôpital - Ehpad en lien avec les communautés professionnelles');
  });

  it('starts a list item after a full line when the list paragraph sits a little farther down than the pitch', () => {
    // Word's list paragraphs: one point more than the pitch before the item; a dash that only wrapped keeps the pitch.
    const l = at(['des organismes gestionnaires', '- Une planification départementale', 'avec des AMI'], [10, 10, 10], [0, 11.5, 22]);
    l[0]!.x1 = 200;
    l[1]!.x1 = 200;
    expect(cellText(l, pitch)).toBe('des organismes gestionnaires\n- Une planification départementale avec des AMI');
  });

  it('writes a bullet drawn from a Symbol font (a private-use code point) as the bullet it shows', () => {
    const l = at(['Du Havre :', '\uf0b7 Former les professionnels', '\uf0b7 Évaluer l’impact'], [10, 10, 10], [0, 10.5, 21]);
    expect(cellText(l, pitch)).toBe('Du Havre :\n• Former les professionnels\n• Évaluer l’impact');
  });

  it('does not take a year in brackets at a line start for an item number', () => {
    const l = at(['- Rentrée 2022 (diplômés potentiellement en', '2024) : + 13 étudiants'], [10, 18], [0, 10.5]);
    expect(cellText(l, pitch)).toBe('- Rentrée 2022 (diplômés potentiellement en 2024) : + 13 étudiants');
  });
});
