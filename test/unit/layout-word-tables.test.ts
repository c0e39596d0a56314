/**
 * Rules learnt from Word documents printed by LibreOffice (issue 12): runs glued over a column rule, words
 * broken for want of room, list markers, the last line of a chantier title close over the header, a table's
 * last row set low on the page, rows moved whole to the next page. Small synthetic page models.
 */
import { describe, expect, it } from 'vitest';
import { cellText } from '../../src/layout/cell-text.js';
import { lineOf } from '../../src/layout/lines.js';
import { findFooter } from '../../src/layout/page-layout.js';
import { findHeaderRows } from '../../src/layout/table.js';
import { splitAtColumnRules } from '../../src/layout/tables/rule-split.js';
import { resolveLineEndHyphens } from '../../src/text/hyphens.js';
import { continuesRow } from '../../src/documents/roadmap/pdf-reader.js';
import type { TableRow } from '../../src/layout/table.js';
import { item, vRule } from './layout-synthetic.js';

describe('a run glued over a column rule', () => {
  const rules = [
    { at: 100, from: 0, to: 50 },
    { at: 200, from: 0, to: 50 },
    { at: 300, from: 0, to: 50 },
  ];

  it('is cut at the word space nearest to the rule, each part in its own column', () => {
    const glued = { ...item('Lancement du projet 140.000 € par EMER', 102, 10), x1: 290 };
    const { items, origin } = splitAtColumnRules([glued], [100, 200, 300], rules, 1.8);
    expect(items.map((i) => i.text)).toEqual(['Lancement du projet', '140.000 € par EMER']);
    expect(items[0]!.x1).toBeLessThan(200);
    expect(items[1]!.x0).toBeGreaterThan(200);
    expect(items.every((i) => origin.get(i) === glued)).toBe(true);
  });

  it('is kept whole where no rule crosses its line (a merged row)', () => {
    const title = { ...item('Chantier : Soutenir les aidants du territoire', 102, 60), x1: 290 };
    expect(splitAtColumnRules([title], [100, 200, 300], rules, 1.8).items).toEqual([title]);
  });
});

describe('a word longer than its column', () => {
  const at = (texts: string[], x1s: number[]) => texts.map((t, i) => ({ ...lineOf([item(t, 10, i * 10.5, { size: 8.5 })]), x1: x1s[i]! }));

  it('is joined back when neither part is a word of the document', () => {
    const text = cellText(at(['Nb de réunion', 'Identificatio', 'n des freins'], [70, 80, 60]), 10.5, { right: 80.5, justified: false });
    expect(resolveLineEndHyphens({ text, other: 'freins et leviers' }).text).toBe('Nb de réunion Identification des freins');
  });

  it('keeps two words apart when the second is one the document writes', () => {
    const text = cellText(at(['troubles du', 'comportement', 'à des stades'], [60, 80, 60]), 10.5, { right: 80.5, justified: false });
    const doc = { text, other: 'à la une, à la deux, à la trois', more: 'à demain' };
    expect(resolveLineEndHyphens(doc).text).toBe('troubles du comportement à des stades');
  });

  it('is joined back when the letter that did not fit is wider than the word’s mean glyph', () => {
    // "Renforceme" (10 letters over 60 pt) stops 6.1 pt short of the edge: more than its mean glyph, less than an "m".
    const text = cellText(at(['Renforceme', 'nt du temps'], [70, 60]), 10.5, { right: 76.1, justified: true });
    expect(resolveLineEndHyphens({ text, other: 'le temps infirmier' }).text).toBe('Renforcement du temps');
  });

  it('keeps a long next word apart when the line stopped more than one glyph short (the room says nothing of a cut)', () => {
    // "difficultés" (11 letters over 66 pt) stops 6.1 pt short, as "Renforceme" does; "rencontrées" is a word.
    const text = cellText(at(['difficultés', 'rencontrées par'], [76, 70]), 10.5, { right: 82.1, justified: true });
    expect(resolveLineEndHyphens({ text }).text).toBe('difficultés rencontrées par');
  });

  it('keeps an elided word apart even when the document glued it to the word before elsewhere', () => {
    const text = cellText(at(['associations', 'd’écoute'], [80, 50]), 10.5, { right: 80.5, justified: false });
    expect(resolveLineEndHyphens({ text, other: 'les associationsd’écoute du territoire' }).text).toBe('associations d’écoute');
  });

  it('does not take the "l" of "l\'" for a word of its own', () => {
    const text = cellText(at(['Accord', 'Interprofessionne', 'l (ACI)'], [40, 80, 40]), 10.5, { right: 80.5, justified: false });
    const doc = { text, other: "l'ARS, l'URPS et l'Assurance Maladie, l'agence" };
    expect(resolveLineEndHyphens(doc).text).toBe('Accord Interprofessionnel (ACI)');
  });
});

describe('list markers at a line start', () => {
  const at = (texts: string[], x1s: number[]) => texts.map((t, i) => ({ ...lineOf([item(t, 10, i * 10.5, { size: 8.5 })]), x1: x1s[i]! }));

  it('an arrow always opens an item, even after a full line', () => {
    expect(cellText(at(['Territoriales de Santé', '⇒ Mettre en place', 'un groupe'], [75, 70, 40]), 10.5, { right: 80, justified: false })).toBe(
      'Territoriales de Santé\n⇒ Mettre en place un groupe',
    );
  });

  it('a dash repeating the marker of the item the text is in opens the next item', () => {
    const l = at(['- Déployant de nouvelles', 'équipes (urgences)', '- En mettant en place', 'une régulation'], [80, 75, 80, 50]);
    expect(cellText(l, 10.5, { right: 80, justified: false })).toBe('- Déployant de nouvelles équipes (urgences)\n- En mettant en place une régulation');
  });
});

describe('the header row', () => {
  it('does not take the last line of a wrapped chantier title set close over it', () => {
    const items = [
      item('CHANTIER : Favoriser le maintien à domicile des personnes', 50, 241, { size: 11.5, bold: true }),
      item('âgées', 50, 254.7, { size: 11.5, bold: true }),
      item('Action(s)', 148, 273.3),
      item('Indicateurs', 326, 273.3),
      item('Financement(s)', 444, 273.3),
      item('Commentaires', 595, 273.3),
    ];
    const [header] = findHeaderRows(items);
    expect(header!.cells.map((c) => c.line.text)).toEqual(['Action(s)', 'Indicateurs', 'Financement(s)', 'Commentaires']);
  });

  it('does not take a side tab\'s "Action" level with it for another column', () => {
    const items = ['ACTIONS', 'FINANCEMENTS', 'INDICATEURS', 'OBSERVATIONS'].map((t, k) => item(t, 60 + 150 * k, 100));
    items.push(item('Action', 790, 100));
    const [header] = findHeaderRows(items);
    expect(header!.cells.map((c) => c.line.text)).toEqual(['ACTIONS', 'FINANCEMENTS', 'INDICATEURS', 'OBSERVATIONS']);
  });
});

describe('the running footer', () => {
  it('is not a table row set low on the page, inside its cell rules', () => {
    const row = lineOf([item('Développement des alternatives', 57, 772)]);
    const footer = lineOf([item('Feuille de route départementale', 400, 800)]);
    const above = lineOf([item('toire à identifier', 57, 740)]);
    const rulings = [vRule(52, 760, 787), vRule(300, 760, 787)];
    const found = findFooter([above, row, footer], { number: 6, height: 842, rulings });
    expect(found).toEqual([footer]);
  });
});

describe('a row on a new page opening in lower case', () => {
  const cell = (text: string, y0: number, y1: number) => ({ text, box: { x0: 0, y0, x1: 100, y1 }, lines: [lineOf([item(text, 0, y1 - 9)])] });
  const row = (cells: TableRow['cells'], y0: number, y1: number): TableRow => ({ x0: 0, y0, x1: 400, y1, cells, extra: [], openBottom: false });
  const previous = (last: TableRow) => ({ page: 1, chantierKey: 'k', ruled: true, lastRow: last, lastBlock: undefined, areaBottom: 560, lowest: true, bodySize: 9 });

  it('is a new row when the action cell above had ended higher than the row\'s last line', () => {
    const last = row({ action: cell('Renforcement de l’équipe mobile', 340, 380), commentaire: cell('Il est prévu le lancement …', 340, 490) }, 340, 490);
    const first = row({ action: cell('mise en place d’un groupe de travail', 75, 90) }, 75, 128);
    expect(continuesRow(previous(last), first)).toBe(false);
  });

  it('goes on the row above when its action cell was cut at the row\'s last line', () => {
    const last = row({ action: cell('Développement de l’offre de soins palliatifs de', 520, 541), commentaire: cell('Renforcement', 520, 541) }, 520, 541);
    const first = row({ action: cell('manière homogène sur le territoire', 75, 90) }, 75, 128);
    expect(continuesRow(previous(last), first)).toBe(true);
  });
});
