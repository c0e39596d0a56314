import { describe, expect, it } from 'vitest';
import { readPdfRoadmap } from '../../src/documents/roadmap/pdf-reader.js';
import { analysePage } from '../../src/layout/page-layout.js';
import { tableHint } from '../../src/layout/table.js';
import type { PageModel, Ruling, TextItem } from '../../src/sources/page-model.js';
import { hRule, item, lines, page, territorialPage, vRule } from './layout-synthetic.js';

interface RuledRow {
  action?: string[];
  commentaire?: string[];
}

/**
 * A departmental-style page (A4 portrait): "Chantier :" title, ruled table with a header row, rows drawn cell
 * by cell; `open` leaves the last row without its bottom rule (it goes on over the page break).
 */
function ruledPage(number: number, title: string | undefined, rows: RuledRow[], open = false, note?: string): PageModel {
  const cols = [40, 205, 302, 410, 555];
  const items: TextItem[] = [];
  const rulings: Ruling[] = [];
  if (title) items.push(item(`Chantier : ${title}`, 40, 45, { size: 11, bold: true }));
  items.push(item('Actions', 100, 86, { bold: true }), item('Financement', 225, 86, { bold: true }), item('Indicateur', 335, 86, { bold: true }), item('Commentaires', 450, 86, { bold: true }));
  let y = 101;
  const ys = [80, y];
  for (const row of rows) {
    const height = Math.max(row.action?.length ?? 0, row.commentaire?.length ?? 0, 1) * 10.5 + 8;
    items.push(...lines(row.action ?? [], 45, y + 5, { size: 8.5, pitch: 10.5 }), ...lines(row.commentaire ?? [], 415, y + 5, { size: 8.5, pitch: 10.5 }));
    y += height;
    ys.push(y);
  }
  const bottom = y;
  if (open) ys.pop();
  for (const yy of ys) rulings.push(hRule(40, 555, yy));
  for (const x of cols) rulings.push(vRule(x, 80, bottom));
  if (note) items.push(item(note, 40, bottom + 30, { size: 9 }));
  items.push(item(`${number} | Feuille de route départementale de Testshire`, 380, 809, { size: 8 }));
  return page(items, { number, width: 595, height: 842, rulings });
}

function divider(number: number, axis: number, title: string): PageModel {
  return page([item('Action prioritaire', 57, 234, { size: 22, bold: true }), item(`#${axis}`, 57, 280, { size: 50, bold: true }), item(title, 57, 369, { size: 19, bold: true })], { number, width: 595, height: 842 });
}

const rowsOf = (pages: PageModel[]) => readPdfRoadmap(pages.map((p) => analysePage(p)));

describe('rows cut by a page break', () => {
  it('are joined back when the ruled table leaves the row open', () => {
    const reading = rowsOf([
      divider(1, 1, 'Relever le défi du vieillissement'),
      ruledPage(2, 'Garantir l’accès aux soins', [{ action: ['Première action'] }, { action: ['Renforcement de la', 'plateforme'], commentaire: ['Numéro unique pour les'] }], true),
      ruledPage(3, 'Garantir l’accès aux soins (suite)', [{ commentaire: ['professionnels de santé'] }, { action: ['Promotion des équipes mobiles'] }]),
    ]);
    const rows = reading.blocks.filter((b) => b.type === 'row');
    expect(rows.map((r) => r.cells.action)).toEqual(['Première action', 'Renforcement de la plateforme', 'Promotion des équipes mobiles']);
    expect(rows[1]!.cells.commentaire).toBe('Numéro unique pour les professionnels de santé');
    // The row keeps the page of its start.
    expect(rows[1]!.at.page).toBe(2);
    expect(rows[1]!.at.cells?.action?.page).toBe(2);
    expect(reading.blocks.filter((b) => b.type === 'chantier').map((b) => b.title)).toEqual(['Garantir l’accès aux soins', 'Garantir l’accès aux soins (suite)']);
  });

  it('are not joined when a rule closes the row and text follows the table, even if the next row opens in lower case', () => {
    // A closed row that ends its page may still be cut (many producers close it all the same): here a note
    // follows the table, so the row did not reach the page break.
    const reading = rowsOf([
      ruledPage(2, 'Un chantier', [{ action: ['Première action'] }], false, 'Une note sous le tableau.'),
      ruledPage(3, 'Un chantier (suite)', [{ action: ['mise en place d’un groupe de travail'] }]),
    ]);
    expect(reading.blocks.filter((b) => b.type === 'row').map((r) => r.cells.action)).toEqual(['Première action', 'mise en place d’un groupe de travail']);
  });

  it('are joined in a table without rules when the row was cut at the page bottom and the rest opens mid-sentence', () => {
    // Rows reach the bottom of the usable area (the footer is at 565).
    // Wrapped lines fill their column (a line stopping short with room for the next word ends a paragraph).
    const tall = Array.from({ length: 36 }, (_, i) => `ligne ${i + 1} d’un long commentaire qui va`);
    // The cut action runs down to the cut too (a cell that ended lines above it has nothing left to carry over).
    const action = Array.from({ length: 36 }, (_, i) => (i ? `suite ${i} de l’action coupée au bas qui` : 'Action coupée au bas de la page, en deux'));
    const first = territorialPage({ number: 5, chantier: 'Un chantier', axis: 2, rows: [{ action: ['Action une'] }, { action, commentaire: tall }] });
    const next = territorialPage({ number: 6, chantier: 'Un chantier', axis: 2, rows: [{ action: ['et reprise ici'], commentaire: ['ligne 37'] }, { action: ['Action trois'] }] });
    const rows = rowsOf([first, next]).blocks.filter((b) => b.type === 'row');
    expect(rows.map((r) => r.cells.action)).toEqual(['Action une', `${action.join(' ')} et reprise ici`, 'Action trois']);
    expect(rows[1]!.cells.commentaire.endsWith('ligne 36 d’un long commentaire qui va ligne 37')).toBe(true);
  });

  it('are not joined in a table without rules when the page ended well above its bottom', () => {
    const first = territorialPage({ number: 5, chantier: 'Un chantier', axis: 2, rows: [{ action: ['Action une'] }] });
    const next = territorialPage({ number: 6, chantier: 'Un chantier', axis: 2, rows: [{ action: ['mise en place d’un groupe'] }] });
    expect(rowsOf([first, next]).blocks.filter((b) => b.type === 'row').map((r) => r.cells.action)).toEqual(['Action une', 'mise en place d’un groupe']);
  });
});

describe('a row cut by a page break whose second part opens in upper case', () => {
  // The first page ends with a row (closed by a rule, as Word prints it) whose action runs to its last line
  // while its comment ended after one line; the footer is the only text under it.
  // Every line fits its ruled cell (at most 37 characters of 8.5 pt in the 165 pt Actions column): text running
  // over a column rule would be a run glued over it (rule-split.ts).
  const longAction = ['Structurer les parcours de soins des', 'personnes âgées à travers le', 'déploiement d’une filière gériatrique', 'articulée avec les dispositifs', 'existants'];
  const first = (action: string[]) => ruledPage(2, 'Un chantier', [{ action: ['Première action'] }, { action, commentaire: ['Groupe de travail'] }]);
  const actions = (pages: PageModel[]) => rowsOf(pages).blocks.filter((b) => b.type === 'row').map((r) => r.cells.action);

  it('is joined back when it fills only columns that were cut and a column that ended early stays empty', () => {
    const pages = [first(longAction), ruledPage(3, 'Un chantier (suite)', [{ action: ['Renforcer les liens entre la ville', 'et l’hôpital'] }, { action: ['Action suivante'] }])];
    expect(actions(pages)).toEqual(['Première action', `${longAction.join(' ')} Renforcer les liens entre la ville et l’hôpital`, 'Action suivante']);
  });

  it('is a new row when it fills a column whose text had ended higher up', () => {
    const pages = [first(longAction), ruledPage(3, 'Un chantier (suite)', [{ action: ['Renforcer les liens'], commentaire: ['Nouveau commentaire'] }])];
    expect(actions(pages)).toEqual(['Première action', longAction.join(' '), 'Renforcer les liens']);
  });

  it('is a new row when every column of the row before reached its last line (the shape says nothing)', () => {
    const pages = [
      ruledPage(2, 'Un chantier', [{ action: ['Première action'] }, { action: ['Deuxième action'], commentaire: ['Un commentaire'] }]),
      ruledPage(3, 'Un chantier (suite)', [{ action: ['Troisième action'] }]),
    ];
    expect(actions(pages)).toEqual(['Première action', 'Deuxième action', 'Troisième action']);
  });

  it('is joined back when it opens with a list item under cut columns', () => {
    const head = ['Garantir un meilleur accès aux urgences', 'en déployant de nouvelles équipes'];
    const pages = [
      ruledPage(2, 'Un chantier', [{ action: ['Première action'] }, { action: head, commentaire: ['Création d’équipe', 'territoriale'] }]),
      ruledPage(3, 'Un chantier (suite)', [{ action: ['- En mettant en place une régulation'] }]),
    ];
    expect(actions(pages)).toEqual(['Première action', `${head.join(' ')}\n- En mettant en place une régulation`]);
  });
});

describe('the roadmap reading of laid-out pages', () => {
  const pages = [
    divider(1, 3, 'Améliorer la santé mentale des Normands'),
    territorialPage({ number: 2, chantier: 'Prévenir', axis: 3, rows: [{ action: ['Action A'], financement: ['FIR'] }] }),
    territorialPage({ number: 3, axis: 3, rows: [{ action: ['Action B'] }] }),
  ];
  const reading = rowsOf(pages);

  it('takes axes from divider pages and side tabs, chantiers from titles, rows with provenance', () => {
    expect(reading.blocks.map((b) => b.type)).toEqual(['axis', 'axis', 'chantier', 'row', 'axis', 'chantier', 'row']);
    expect(reading.axisTitles.get(3)?.title).toBe('Améliorer la santé mentale des Normands');
    // A band without a "Chantier :" line opens the untitled chantier.
    expect(reading.blocks.filter((b) => b.type === 'chantier').map((b) => b.title)).toEqual(['Prévenir', '']);
    const row = reading.blocks.find((b) => b.type === 'row')!;
    expect(row.at.page).toBe(2);
    expect(row.at.bbox).toHaveLength(4);
    expect(row.at.cells?.financement?.page).toBe(2);
    expect(row.at.cells?.indicateur).toBeUndefined();
  });

  it('puts running footers first in the prose, then the text outside tables in reading order', () => {
    expect(reading.prose.map((l) => l.text)).toEqual([
      '2 | Feuille de route territoriale de Testville',
      '3 | Feuille de route territoriale de Testville',
      'Engagements du CTS',
      'Engagements du CTS',
    ]);
    expect(reading.prose[0]!.at?.page).toBe(2);
  });

  it('warns about a page of unknown text between table pages and about text no cell took', () => {
    const stray = page(lines(['Une page égarée', 'entre deux tableaux', 'sans titre connu'], 50, 60, { size: 10 }), { number: 3 });
    const withStamp = territorialPage({ number: 2, chantier: 'Prévenir', axis: 3, rows: [{ action: ['Action A'] }] });
    withStamp.items.push({ ...item('COPIE CONFORME', 20, 140, { size: 8.5 }), order: 999 });
    const r = rowsOf([withStamp, stray, territorialPage({ number: 4, chantier: 'Prévenir', axis: 3, rows: [{ action: ['Action B'] }] })]);
    expect(r.warnings.map((w) => [w.code, w.at?.page])).toEqual([
      ['page-other-among-tables', 3],
      ['unassigned-text', 2],
    ]);
    expect(r.warnings[1]!.at?.bbox).toHaveLength(4);
  });
});

describe('a table going on over a page without repeating its header row', () => {
  /** Lays pages out in order, handing each the last table of the page before, as the PDF extractor does. */
  function readInOrder(pages: PageModel[]) {
    let hint: ReturnType<typeof tableHint> | undefined;
    const layouts = pages.map((p) => {
      const l = analysePage(p, hint);
      const last = l.tables[l.tables.length - 1];
      hint = last ? tableHint(last) : undefined;
      return l;
    });
    return { layouts, reading: readPdfRoadmap(layouts) };
  }
  const withoutHeader = (p: PageModel): PageModel => ({ ...p, items: p.items.filter((i) => !/^(Actions|Financement|Indicateur|Commentaires)$/.test(i.text)) });

  it('is read with the columns of the page before (no rules)', () => {
    const first = territorialPage({ number: 5, chantier: 'Un chantier', axis: 2, rows: [{ action: ['Action une'], commentaire: ['Note une'] }] });
    const next = withoutHeader(territorialPage({ number: 6, chantier: 'Un chantier', axis: 2, rows: [{ action: ['Action deux'], indicateur: ['Taux'], commentaire: ['Note deux'] }] }));
    const { layouts, reading } = readInOrder([first, next]);
    expect(layouts[1]!.kind).toBe('table');
    const rows = reading.blocks.filter((b) => b.type === 'row');
    expect(rows.map((r) => [r.cells.action, r.cells.indicateur, r.cells.commentaire])).toEqual([
      ['Action une', '', 'Note une'],
      ['Action deux', 'Taux', 'Note deux'],
    ]);
  });

  it('is read from the rules at the same column edges, and a cut row is joined back', () => {
    const first = ruledPage(2, 'Garantir l’accès aux soins', [{ action: ['Première action'] }, { action: ['Action coupée'], commentaire: ['début de'] }], true);
    const next = withoutHeader(ruledPage(3, undefined, [{ commentaire: ['la note'] }, { action: ['Action suivante'] }]));
    const { reading } = readInOrder([first, next]);
    const rows = reading.blocks.filter((b) => b.type === 'row');
    expect(rows.map((r) => [r.cells.action, r.cells.commentaire])).toEqual([
      ['Première action', ''],
      ['Action coupée', 'début de la note'],
      ['Action suivante', ''],
    ]);
  });

  it('is not seen in a page of prose that follows a table', () => {
    const first = territorialPage({ number: 5, chantier: 'Un chantier', axis: 2, rows: [{ action: ['Action une'], commentaire: ['Note une'] }] });
    const prose = page(lines(['LES PRIORITÉS RÉGIONALES TRANSVERSALES', 'Les équipes médicales de territoire', 'Certaines activités médicales reposent sur', 'des équipes en nombre restreint.'], 41, 60, { size: 10 }), { number: 6 });
    const { layouts } = readInOrder([first, prose]);
    expect(layouts[1]!.tables).toEqual([]);
  });
});
