import { describe, expect, it } from 'vitest';
import { isStandaloneHeading, readDocumentStructure, runInItems, type StructureBlock, textStyles } from '../../src/layout/structure/index.js';
import { isFigureValue, parseGroupedNumber, plainThousands } from '../../src/text/numbers.js';
import { item, lines, page } from './layout-synthetic.js';

const summary = (blocks: StructureBlock[]) =>
  blocks.map((b) =>
    b.type === 'heading' ? `h${b.level} ${b.text}` : b.type === 'item' ? `${'  '.repeat(b.depth)}${b.marker} ${b.text}` : b.type === 'figure' ? `[${b.value}] ${b.caption}` : b.type === 'label' ? `label ${b.text}` : b.text,
  );

/** A one-column page: title, section heading, paragraph, scaled by `k` (every size and position). */
function scaledPage(k: number) {
  const s = (n: number) => n * k;
  return page([
    item('Restitution régionale', s(50), s(40), { size: s(20), bold: true }),
    item('Premier thème', s(50), s(80), { size: s(13), bold: true }),
    ...lines(['Un paragraphe de texte courant qui tient', 'sur deux lignes.'], s(50), s(105), { size: s(10) }),
    item('Second thème', s(50), s(150), { size: s(13), bold: true }),
    ...lines(['Encore du texte.'], s(50), s(175), { size: s(10) }),
  ], { width: s(595), height: s(842) });
}

describe('structure: heading hierarchy', () => {
  it('ranks heading styles by size relative to the body, whatever the scale', () => {
    for (const k of [0.7, 1, 1.6]) {
      const { blocks, styles } = readDocumentStructure([scaledPage(k)]);
      expect(styles.headings.map((h) => h.level)).toEqual([1, 2]);
      expect(summary(blocks)).toEqual(['h1 Restitution régionale', 'h2 Premier thème', 'Un paragraphe de texte courant qui tient sur deux lignes.', 'h2 Second thème', 'Encore du texte.']);
    }
  });

  it('joins a heading wrapped over lines and keeps a small capitals kicker apart', () => {
    const p = page([
      item('PROPOSITIONS CONVERGENTES', 50, 40, { size: 7 }),
      ...lines(['Un titre de thème assez long pour', 'tenir sur deux lignes'], 50, 52, { size: 15, bold: true, pitch: 18 }),
      ...lines(['Le texte du thème, en corps dix.', 'Et sa deuxième ligne de texte.'], 50, 100, { size: 10 }),
    ]);
    expect(summary(readDocumentStructure([p]).blocks)).toEqual([
      'label PROPOSITIONS CONVERGENTES',
      'h1 Un titre de thème assez long pour tenir sur deux lignes',
      'Le texte du thème, en corps dix. Et sa deuxième ligne de texte.',
    ]);
  });
});

describe('structure: headings standing alone (the events reader)', () => {
  it('takes a group in a heading style, or a few bold words, and not a bulleted line or a sentence', () => {
    const body = { text: 'Du texte courant assez long pour peser dans le calcul de la taille du corps.', fontSize: 10, bold: false };
    const styles = textStyles([body, body, body, { text: 'Programme de la journée', fontSize: 14, bold: false }]);
    const line = (text: string, fontSize = 10, bold = false) => ({ text, fontSize, bold });
    expect(isStandaloneHeading([line('Programme de la journée', 14)], styles)).toBe(true);
    expect(isStandaloneHeading([line('Les ateliers en région', 10, true)], styles)).toBe(true);
    expect(isStandaloneHeading([line('1. Les ateliers en région', 10, true)], styles)).toBe(true);
    expect(isStandaloneHeading([line('• Les ateliers en région', 14)], styles)).toBe(false);
    expect(isStandaloneHeading([line('Les ateliers ont eu lieu en région.', 10, true)], styles)).toBe(false);
    expect(isStandaloneHeading([line('Les ateliers en région')], styles)).toBe(false);
  });
});

describe('structure: lists', () => {
  it('reads typed bullets with hanging indents, sub-items and numbered items', () => {
    const p = page([
      ...lines(['Le texte qui introduit la liste :'], 50, 40, { size: 10 }),
      item('•', 50, 60, { size: 10 }),
      ...lines(['Premier élément de la liste, assez long pour', 'continuer sur une seconde ligne'], 64, 60, { size: 10 }),
      item('•', 50, 86, { size: 10 }),
      item('Second élément', 64, 86, { size: 10 }),
      item('- un sous-élément sous le second', 78, 99, { size: 10 }),
      item('1. Premier numéroté', 50, 125, { size: 10 }),
      item('2. Second numéroté', 50, 138, { size: 10 }),
    ]);
    expect(summary(readDocumentStructure([p]).blocks)).toEqual([
      'Le texte qui introduit la liste :',
      '• Premier élément de la liste, assez long pour continuer sur une seconde ligne',
      '• Second élément',
      '  - un sous-élément sous le second',
      '1. Premier numéroté',
      '2. Second numéroté',
    ]);
  });

  it('reads a bullet drawn as a shape, and a Symbol-font bullet, as "•"', () => {
    const p = page([item('Élément à puce dessinée', 64, 60, { size: 10 }), item('\uf0b7', 50, 80, { size: 10 }), item('Élément à puce Symbol', 64, 80, { size: 10 })], {
      rects: [{ x0: 52, y0: 63, x1: 55, y1: 66, fill: '#000000' }],
    });
    expect(summary(readDocumentStructure([p]).blocks)).toEqual(['• Élément à puce dessinée', '• Élément à puce Symbol']);
  });

  it('cuts a run-in list at its separator, and leaves prose alone', () => {
    expect(runInItems('Valognes · Saint-Lô · Vire · Creully-sur-Seulles · Les Andelys')).toEqual(['Valognes', 'Saint-Lô', 'Vire', 'Creully-sur-Seulles', 'Les Andelys']);
    expect(runInItems('Caen, Rouen, Le Havre, Évreux')).toEqual(['Caen', 'Rouen', 'Le Havre', 'Évreux']);
    expect(runInItems('Les participants, les élus, les soignants et les usagers ont échangé.')).toBeUndefined();
    expect(runInItems('Caen · Rouen')).toBeUndefined();
  });
});

describe('structure: columns and figure grids', () => {
  it('reads two columns one after the other, the second one short, after a heading across the page', () => {
    const p = page([
      item('Un titre de section', 50, 40, { size: 14, bold: true }),
      ...lines(['Colonne une, ligne un,', 'colonne une, ligne deux,', 'colonne une, ligne trois.'], 50, 70, { size: 10 }),
      ...lines(['Colonne deux, courte.'], 320, 70, { size: 10 }),
    ]);
    expect(summary(readDocumentStructure([p]).blocks)).toEqual(['h1 Un titre de section', 'Colonne une, ligne un, colonne une, ligne deux, colonne une, ligne trois.', 'Colonne deux, courte.']);
  });

  it('reads a list flowing through three columns, a heading inside the middle one, column by column', () => {
    // Summary across the page; the list runs down column 1, column 2 (where the national list starts under its
    // heading) and on at the top of column 3, which ends level with the heading.
    const p = page([
      item('Un thème', 50, 40, { size: 14, bold: true }),
      ...lines(['Un résumé qui court sur toute la largeur de la page, au-dessus des trois colonnes de la liste.'], 50, 62, { size: 10 }),
      item('Pour une impulsion locale', 50, 90, { size: 12, bold: true }),
      ...lines(['• local un', '• local deux', '• local trois'], 50, 110, { size: 10, pitch: 14 }),
      ...lines(['• local quatre', '• local cinq', '• local six', '• local sept'], 230, 90, { size: 10, pitch: 14 }),
      item('Pour alimenter les travaux', 230, 150, { size: 12, bold: true }),
      ...lines(['• national un', '• national deux'], 230, 170, { size: 10, pitch: 14 }),
      ...lines(['• national trois', '• national quatre', '• national cinq', '• national six'], 410, 90, { size: 10, pitch: 14 }),
    ], { width: 595 });
    const blocks = summary(readDocumentStructure([p]).blocks);
    expect(blocks.slice(blocks.indexOf('h2 Pour une impulsion locale'))).toEqual([
      'h2 Pour une impulsion locale',
      ...['un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept'].map((n) => `• local ${n}`),
      'h2 Pour alimenter les travaux',
      ...['un', 'deux', 'trois', 'quatre', 'cinq', 'six'].map((n) => `• national ${n}`),
    ]);
  });

  it('keeps a list going on in the next column: its sub-items, and its numbers set against their text', () => {
    const bullets = page([
      ...lines(['• Premier élément', '• Financement du projet'], 50, 60, { size: 10, pitch: 14 }),
      ...lines(['- une première part', 'qui continue', '- une seconde part'], 330, 60, { size: 10, pitch: 14 }),
      ...lines(['• Élément suivant', '• Dernier élément'], 310, 110, { size: 10, pitch: 14 }),
    ]);
    expect(summary(readDocumentStructure([bullets]).blocks)).toEqual([
      '• Premier élément',
      '• Financement du projet',
      '  - une première part qui continue',
      '  - une seconde part',
      '• Élément suivant',
      '• Dernier élément',
    ]);
    const numbers = page([
      ...lines(['8. Huitième', '9. Neuvième', '10 Dixième élément'], 50, 60, { size: 10, pitch: 14 }),
      ...lines(['11 Onzième élément', 'qui continue', '12 Douzième élément'], 310, 60, { size: 10, pitch: 14 }),
    ]);
    expect(summary(readDocumentStructure([numbers]).blocks)).toEqual(['8. Huitième', '9. Neuvième', '10. Dixième élément', '11. Onzième élément qui continue', '12. Douzième élément']);
  });

  it('reads a 2×2 grid of key figures cell by cell, big value over its caption', () => {
    const p = page([
      ...lines(['Le texte courant de la page, en corps dix, avant la grille.'], 50, 30, { size: 10 }),
      item('1\u202f250', 50, 60, { size: 24, bold: true }),
      item('80', 300, 60, { size: 24, bold: true }),
      item('participants', 50, 90, { size: 10 }),
      item('heures d’échanges', 300, 90, { size: 10 }),
      item('18', 50, 120, { size: 24, bold: true }),
      item('47 %', 300, 120, { size: 24, bold: true }),
      ...lines(['ateliers organisés au niveau', 'des arrondissements'], 50, 150, { size: 10 }),
      item('de soignants', 300, 150, { size: 10 }),
    ]);
    const figures = readDocumentStructure([p]).blocks.filter((b) => b.type === 'figure');
    expect(summary(figures)).toEqual(['[1 250] participants', '[80] heures d’échanges', '[18] ateliers organisés au niveau des arrondissements', '[47 %] de soignants']);
  });
});

describe('numbers with thousands separators', () => {
  it('reads "1 250" whole with a space, NBSP, narrow NBSP or thin space', () => {
    for (const sep of [' ', '\u00a0', '\u202f', '\u2009']) expect(parseGroupedNumber(`1${sep}250`)).toBe(1250);
    expect(parseGroupedNumber('12 345 678')).toBe(12345678);
    expect(parseGroupedNumber('1 25')).toBeNull();
    expect(parseGroupedNumber('18')).toBe(18);
    expect(plainThousands('près de 1\u2009250 participants')).toBe('près de 1 250 participants');
    expect(isFigureValue('47 %')).toBe(true);
    expect(isFigureValue('18 ateliers')).toBe(false);
  });
});
