import { describe, expect, it } from 'vitest';
import type { ProseLine } from '../../src/documents/roadmap/blocks.js';
import { findPeriod, findPrsAxes, findSignatories, findTransversalPriorities, joinProse } from '../../src/documents/roadmap/front-matter.js';
import { groupLines } from '../../src/layout/lines.js';
import { findRunningHeader } from '../../src/layout/page-layout.js';
import { readingLines, splitAtColumnGaps } from '../../src/layout/reading-order.js';
import { PRS_NORMANDIE_AXES } from '../../src/reference/prs-normandie.js';
import { LINE_END_HYPHEN } from '../../src/text/normalize.js';
import { item } from './layout-synthetic.js';

/** A prose line placed on page 2, as the PDF reader gives it. */
const at = (text: string, x0: number, y0: number, x1: number, o: { size?: number; bold?: boolean } = {}): ProseLine => {
  const size = o.size ?? 9.5;
  return { text, at: { page: 2, bbox: [x0, y0, x1, y0 + 1.1 * size] }, size, bold: o.bold ?? false };
};

describe('findSignatories on the page (signatures side by side, any producer)', () => {
  // Three signatures in a borderless table, each centred in its cell, roles wrapped over two lines.
  const deroche = [at('Thomas DEROCHE', 92, 376, 175, { bold: true }), at('Directeur général ARS', 67, 388, 199), at('Normandie', 104, 400, 163)];
  const guerard = [at('Philippe GUERARD', 256, 376, 340, { bold: true }), at('Président du Conseil territorial de santé', 223, 388, 373), at('du Calvados', 274, 400, 321)];
  const cerisier = [at('Christèle CERISIER', 420, 376, 505, { bold: true }), at('Vice-présidente du Conseil territorial de', 386, 388, 539), at('santé du Calvados', 428, 400, 497)];
  const expected = [
    { name: 'Thomas DEROCHE', role: 'Directeur général ARS Normandie' },
    { name: 'Philippe GUERARD', role: 'Président du Conseil territorial de santé du Calvados' },
    { name: 'Christèle CERISIER', role: 'Vice-présidente du Conseil territorial de santé du Calvados' },
  ];

  it('reads each role under its own name, whatever order the lines come in', () => {
    const rowByRow = [deroche[0]!, guerard[0]!, cerisier[0]!, deroche[1]!, guerard[1]!, cerisier[1]!, deroche[2]!, guerard[2]!, cerisier[2]!];
    expect(findSignatories(rowByRow)).toEqual(expected);
    expect(findSignatories([...cerisier, ...deroche, ...guerard])).toEqual(expected);
  });

  it('goes on with a wrapped role line that starts with a capital', () => {
    expect(findSignatories(deroche)).toEqual([expected[0]]);
  });

  it('lists signatures row by row, left to right (a 2 × 2 grid read column by column)', () => {
    const grid = [
      at('Thomas DEROCHE', 51, 329, 143, { bold: true }),
      at('Directeur général ARS Normandie', 51, 342, 190),
      at('Christèle CERISIER', 51, 396, 169, { bold: true }),
      at('Vice-présidente du Conseil territorial', 51, 409, 222),
      at('de santé du Calvados', 51, 422, 150),
      at('Philippe GUERARD', 293, 329, 398, { bold: true }),
      at('Président du Conseil territorial de santé', 293, 342, 478),
      at('du Calvados', 293, 355, 348),
    ];
    expect(findSignatories(grid).map((s) => s.name)).toEqual(['Thomas DEROCHE', 'Philippe GUERARD', 'Christèle CERISIER']);
    expect(findSignatories(grid)[2]!.role).toBe('Vice-présidente du Conseil territorial de santé du Calvados');
  });

  it('stops at text that follows the signature at a paragraph’s distance', () => {
    const lines = [at('Thomas DEROCHE', 92, 376, 175, { bold: true }), at('Directeur général ARS Normandie', 67, 388, 199), at('Le Conseil territorial de santé se réunira', 67, 412, 300)];
    expect(findSignatories(lines)).toEqual([expected[0]]);
  });
});

describe('findTransversalPriorities with titles set apart by their style', () => {
  const body = (text: string): ProseLine => ({ text, size: 9.5, bold: false });
  const title = (text: string): ProseLine => ({ text, size: 11, bold: true });
  it('takes only styled lines for titles, even a short capitalised line after a full stop', () => {
    const prose = [
      { text: 'LES PRIORITÉS RÉGIONALES TRANSVERSALES', size: 15, bold: true },
      title('L’attractivité des métiers de la santé'),
      body('Le développement de l’offre de stages est la clé de l’attractivité.'),
      body('La fixation des professionnels sur le territoire nécessite enfin un travail'),
      body('partenarial sur les conditions de travail.'),
      body('Un comité sera installé pour assurer le déploiement d’une'),
      // A new page: the next title comes right after a line that does not end a sentence.
      body('feuille de route régionale'),
      title('La transformation numérique au service de la santé'),
      body('L’évolution du système de santé nécessite des outils numériques.'),
    ];
    expect(findTransversalPriorities(prose)).toEqual([
      {
        title: 'L’attractivité des métiers de la santé',
        text: 'Le développement de l’offre de stages est la clé de l’attractivité. La fixation des professionnels sur le territoire nécessite enfin un travail partenarial sur les conditions de travail. Un comité sera installé pour assurer le déploiement d’une feuille de route régionale',
      },
      { title: 'La transformation numérique au service de la santé', text: 'L’évolution du système de santé nécessite des outils numériques.' },
    ]);
  });

  it('joins a title wrapped over two styled lines', () => {
    const prose = [
      { text: 'LES PRIORITÉS RÉGIONALES TRANSVERSALES', size: 15, bold: true },
      title('L’accompagnement à la modernisation et la transformation'),
      title('Des organisations'),
      body('Pour moderniser le système de santé.'),
      body('Il convient d’accompagner les établissements.'),
    ];
    expect(findTransversalPriorities(prose)).toEqual([
      { title: 'L’accompagnement à la modernisation et la transformation Des organisations', text: 'Pour moderniser le système de santé. Il convient d’accompagner les établissements.' },
    ]);
  });
});

describe('joinProse', () => {
  it('rejoins a word whose hyphen was set apart from it', () => {
    expect(joinProse(['pour la po -', 'pulation du Calvados'])).toBe(`pour la po${LINE_END_HYPHEN}pulation du Calvados`);
  });
  it('keeps a year range cut after its dash in one piece', () => {
    expect(joinProse(['Projet régional de santé 2023-', '2028 incite au dialogue'])).toBe('Projet régional de santé 2023-2028 incite au dialogue');
  });
});

describe('findPeriod across line ends and dashes', () => {
  it('reads "période" hyphenated over two lines', () => {
    expect(findPeriod(['Ainsi, une feuille de route priorisant les actions à mener pour la pé-', 'riode 2024-2025 a pu être établie'])).toBe('2024-2025');
  });
  it('reads a range cut after its dash, and an en dash', () => {
    expect(findPeriod(['les actions à mener pour l’année 2024-', '2025, co-portées'])).toBe('2024-2025');
    expect(findPeriod(['Projet régional de santé 2023–2028', 'pour l’année 2024–2025'])).toBe('2024-2025');
  });
});

describe('findPrsAxes with an axis hyphenated at a line end', () => {
  it('rejoins the word (the hyphen is settled later from the document’s words)', () => {
    const lines = ['RAPPEL DES 12 AXES PRIORITAIRES :'];
    PRS_NORMANDIE_AXES.forEach((axis, i) => {
      const lower = axis.charAt(0).toLowerCase() + axis.slice(1);
      const cut = lower.indexOf('notamment');
      if (cut > 0) lines.push(`${i + 1}. ${lower.slice(0, cut)}notam-`, `${lower.slice(cut + 5)} ;`);
      else lines.push(`${i + 1}. ${lower} ;`);
    });
    const axes = findPrsAxes(lines);
    expect(axes).toHaveLength(12);
    const hyphenated = axes.find((a) => a.includes(LINE_END_HYPHEN));
    expect(hyphenated?.replace(LINE_END_HYPHEN, '')).toMatch(/ notamment /);
  });
});

describe('reading order of lines whose words lie apart', () => {
  /** A line of one item per word, `gap` points between words, 0.5 em per character. */
  const words = (text: string, x: number, y: number, gap: number, size = 10) => {
    const out = [];
    for (const w of text.split(' ')) {
      out.push(item(w, x, y, { size }));
      x += w.length * size * 0.5 + gap;
    }
    return out;
  };

  it('keeps the end of a justified line on its line, before the short last line of the paragraph', () => {
    // A wide font justified: every word gap is over one and a half font sizes, so each word is a line piece.
    const items = [
      ...words('installera début 2024 un comité dédié avec', 40, 100, 16),
      ...words('déploiement opérationnel d’une feuille de route', 40, 113.5, 16),
      ...words('d’attractivité des métiers.', 40, 127, 5),
    ];
    expect(readingLines(items).map((l) => l.text)).toEqual([
      'installera début 2024 un comité dédié avec',
      'déploiement opérationnel d’une feuille de route',
      'd’attractivité des métiers.',
    ]);
  });

  it('cuts a line that runs across the gutter of signatures set side by side', () => {
    const size = 9.5;
    const items = [
      item('Thomas DEROCHE', 60, 376, { size }),
      item('Philippe GUERARD', 284, 376, { size }),
      item('Christèle CERISIER', 487, 376, { size }),
      item('Directeur général ARS Normandie', 20, 388, { size }),
      // 13 pt apart: closer than a column gap, so grouped as one line.
      item('Président du Conseil territorial de santé', 225, 388, { size }),
      item('Vice-présidente du Conseil territorial de', 432.75, 388, { size }),
      item('du Calvados', 296, 400, { size }),
      item('santé du Calvados', 489.6, 400, { size }),
    ];
    expect(readingLines(items).map((l) => l.text)).toEqual([
      'Thomas DEROCHE',
      'Directeur général ARS Normandie',
      'Philippe GUERARD',
      'Président du Conseil territorial de santé',
      'du Calvados',
      'Christèle CERISIER',
      'Vice-présidente du Conseil territorial de',
      'santé du Calvados',
    ]);
  });

  it('leaves justified lines whole (their gaps are all alike) and returns uncut lines as they are', () => {
    const lines = groupLines([...words('un deux trois quatre cinq six sept', 40, 100, 12), ...words('huit neuf dix onze douze treize', 40, 113, 12)], { splitGap: 1.5 });
    const out = splitAtColumnGaps(lines);
    expect(out).toHaveLength(lines.length);
    out.forEach((l, i) => expect(l).toBe(lines[i]));
  });
});

describe('findRunningHeader and paragraphs going on at the top of a page', () => {
  const page = { height: 842 };
  it('does not take the last lines of a paragraph, alone on the last page, for a running header', () => {
    const lines = groupLines([
      item('de route régionale ambitieuse et transversale sur les leviers d’actions mobilisables,', 43, 40, { size: 10 }),
      item('soins écoresponsables, déchets du secteur sanitaire, formation des acteurs, impact du nu‐', 43, 53, { size: 10 }),
      item('mérique.', 43, 66.5, { size: 10 }),
      item('33 | Feuille de route départementale du Calvados', 350, 815, { size: 8 }),
    ]);
    expect(findRunningHeader(lines, page, 10, new Set())).toEqual([]);
  });
  it('does not take the first line of a page for a header when the paragraph goes on under it', () => {
    const lines = groupLines(
      [40.4, 53.2, 66.7, 79.4, 92.2].map((y, i) => item(`ligne ${i + 1} d’un paragraphe qui continue depuis la page précédente`, 43, y, { size: 10 })),
    );
    expect(findRunningHeader(lines, page, 10, new Set())).toEqual([]);
  });
  it('still finds a header standing apart above the text', () => {
    const lines = groupLines([item('Agence régionale de santé Normandie', 43, 23, { size: 9 }), item('ÉDITORIAL', 43, 69, { size: 16, bold: true }), item('Texte.', 43, 99, { size: 10 })]);
    expect(findRunningHeader(lines, page, 10, new Set()).map((l) => l.text)).toEqual(['Agence régionale de santé Normandie']);
  });
});
