import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  assembleThemes,
  buildCaseCorpus,
  findKeyFigures,
  findRestitutionDate,
  findSignatories,
  findWorkshopPlaces,
  parseRestitutionText,
  readThemeElements,
  readUnits,
  removeLayoutNoise,
  restoreHeadingCase,
  scopeOf,
  splitSourceLines,
  type ThemeElement,
} from '../../src/documents/restitution/index.js';
import { FdrError } from '../../src/errors/index.js';
import type { SourceInfo, Warning } from '../../src/model/index.js';
import { Restitution } from '../../src/model/index.js';

const ROOT = join(import.meta.dirname, '../..');
const source = (file: string, format: SourceInfo['format'] = 'text'): SourceInfo => ({ file, sha256: '0'.repeat(64), format });
const lines = (text: string) => splitSourceLines(text);

describe('restoreHeadingCase (capitals → sentence case, proper nouns from the running text)', () => {
  const corpus = buildCaseCorpus([
    'Les habitants de la Bretagne et les jeunes Bretons ont participé, avec les CPTS du territoire.',
    'Il faut faire entrer la prévention dans le quotidien de tous les Français, dit le rapport.',
    'Le ministre de la Santé et de la Prévention a lancé le Conseil national de la refondation (CNR).',
    'Les acteurs de la prévention et de la santé mentale travaillent avec le principe « One Health ».',
    'La prévention reste une priorité, comme la prévention des cancers.',
    'La région Hauts-de-France est vaste.',
  ]);

  it.each([
    ['AGIR TÔT POUR LA SANTÉ DES JEUNES BRETONS', 'Agir tôt pour la santé des jeunes Bretons'],
    ['FAIRE ENTRER LA PRÉVENTION DANS LE QUOTIDIEN DE TOUS LES FRANÇAIS', 'Faire entrer la prévention dans le quotidien de tous les Français'],
    ['TRAVAILLER AVEC LES CPTS DE BRETAGNE', 'Travailler avec les CPTS de Bretagne'],
    ['ORGANISATION DU CONSEIL NATIONAL DE LA REFONDATION (CNR SANTÉ)', 'Organisation du Conseil national de la refondation (CNR santé)'],
    ['UNE APPROCHE « ONE HEALTH » DE LA PRÉVENTION', 'Une approche « One Health » de la prévention'],
    ['ÉQUIPES MOBILES À DOMICILE', 'Équipes mobiles à domicile'],
  ])('%s', (heading, expected) => expect(restoreHeadingCase(heading, corpus)).toBe(expected));

  it('does not take the capital of a word that only opens a sentence', () => {
    // "Hauts-de-France" opens its only sentence, "Les" too: no evidence, lower case (first letter aside).
    expect(restoreHeadingCase('LES ACTEURS LOCAUX', buildCaseCorpus(['Les acteurs locaux sont là.']))).toBe('Les acteurs locaux');
  });

  it('lets a short capitalised phrase (part of a ministry name) lose to the word’s usual form', () => {
    // "de la Prévention" appears once capitalised, "prévention" three times in lower case.
    expect(restoreHeadingCase('AGIR SUR LA PRÉVENTION', corpus)).toBe('Agir sur la prévention');
  });

  it('mends a hyphen lost in the heading when the running text has the joined word', () => {
    expect(restoreHeadingCase('DANS LES HAUTS-DE FRANCE', corpus)).toBe('Dans les Hauts-de-France');
  });

  it('keeps vowel-less acronyms without evidence, and leaves mixed-case headings alone', () => {
    expect(restoreHeadingCase('LE RÔLE DES GHT', buildCaseCorpus([]))).toBe('Le rôle des GHT');
    expect(restoreHeadingCase('Pour une impulsion locale', corpus)).toBe('Pour une impulsion locale');
  });
});

describe('removeLayoutNoise', () => {
  it('drops a vertical side label broken into letter groups, and folios', () => {
    const text = ['Dernière phrase du résumé.', '', '', '15', '', 'AT', 'TR', '', 'A', 'C', '', 'TI', 'V', '', 'IT', 'É', '', 'PROPOSITIONS'].join('\n');
    const kept = removeLayoutNoise(lines(text)).filter((l) => l.text);
    expect(kept.map((l) => l.text)).toEqual(['Dernière phrase du résumé.', 'PROPOSITIONS']);
    expect(kept[1]!.line).toBe(18); // line numbers survive the removal
  });

  it('keeps a single short capital line (an acronym alone is content)', () => {
    expect(removeLayoutNoise(lines('Texte\n\nCTS\n\nTexte')).map((l) => l.text)).toContain('CTS');
  });

  it('removes a running side label repeated with another number, even in the middle of a paragraph', () => {
    const text = 'Imaginons des solutions pour...\nque chacun ait\nCNR SANTÉ – THÈME 1\naccès aux soins.\n\fTITRE\nCNR SANTÉ – THÈME 2';
    const units = readUnits(removeLayoutNoise(lines(text)));
    expect(units[0]).toMatchObject({ type: 'tagline', text: 'Imaginons des solutions pour... que chacun ait accès aux soins.' });
  });
});

describe('readUnits', () => {
  it('joins wrapped item lines, across a blank line when the next starts in lower case', () => {
    const units = readUnits(lines('•  Garantir la participation, voire rendre cette\n\nparticipation obligatoire pour tous\n\n•  Deuxième'));
    expect(units.filter((u) => u.type === 'item').map((u) => u.text)).toEqual([
      'Garantir la participation, voire rendre cette participation obligatoire pour tous',
      'Deuxième',
    ]);
  });

  it('keeps dash sub-items under a bullet item', () => {
    const units = readUnits(lines('• Financement de la prévention\n\n- Revalorisation des services\n\n- pour les professionnels\n\n• Suivant'));
    expect(units[0]).toMatchObject({ type: 'item', text: 'Financement de la prévention', subItems: ['- Revalorisation des services', '- pour les professionnels'] });
    expect(units[1]).toMatchObject({ type: 'item', text: 'Suivant' });
  });

  it('continues an item on a wrapped acronym line, not on a new sentence (PDF text has no blank lines)', () => {
    const text = [
      '• Portage d’une activité salariée par une association, ou groupement (ex',
      'CPTS, MSP)',
      '• Faire entrer la prévention dans le quotidien de tous les',
      'Français',
      'A l’issue des échanges, une restitution était réalisée.',
      '• Agir tôt sur la santé des enfants et des jeunes de la région',
      'Chaque atelier s’est conclu par une mise en commun.',
    ].join('\n');
    const units = readUnits(lines(text));
    expect(units.map((u) => [u.type, u.text])).toEqual([
      ['item', 'Portage d’une activité salariée par une association, ou groupement (ex CPTS, MSP)'],
      ['item', 'Faire entrer la prévention dans le quotidien de tous les Français'],
      ['prose', 'A l’issue des échanges, une restitution était réalisée.'],
      ['item', 'Agir tôt sur la santé des enfants et des jeunes de la région'],
      ['prose', 'Chaque atelier s’est conclu par une mise en commun.'],
    ]);
  });
});

describe('scopeOf', () => {
  it.each([
    ['PROPOSITIONS CONVERGENTES DES 18 ATELIERS POUR UNE IMPULSION LOCALE', 'local'],
    ['PROPOSITIONS CONVERGENTES DES 14 ATELIERS POUR ALIMENTER LES TRAVAUX NATIONAUX', 'national'],
    ['Propositions de portée locale', 'local'],
    ['MOBILISER LES LEVIERS LOCAUX D’ATTRACTIVITÉ', undefined],
    ['PROPOSITIONS LOCALES ET NATIONALES', undefined],
  ])('%s → %s', (text, scope) => expect(scopeOf(text)).toBe(scope));
});

describe('assembleThemes (list assignment)', () => {
  const H = (title: string, summary = ''): ThemeElement => ({ type: 'heading', title, summary, lines: [] });
  const L = (scope: 'local' | 'national', ...items: string[]): ThemeElement => ({ type: 'list', scope, items, lines: [] });
  const T = (text: string): ThemeElement => ({ type: 'tagline', text, lines: [] });
  const shape = (elements: ThemeElement[]) =>
    assembleThemes(elements, []).map((t) => ({ title: t.title, local: t.local, national: t.national, tagline: t.tagline }));

  it('gives a list printed before its heading to that heading (dump reading order)', () => {
    expect(
      shape([
        L('local', 'l1'),
        H('Theme A'),
        L('national', 'n1'),
        T('t1'),
        H('Theme B'),
        L('local', 'l2'),
        L('national', 'n2'),
        T('t2'),
        L('local', 'l3'),
        H('Theme C'),
        L('national', 'n3'),
        T('t3'),
      ]),
    ).toEqual([
      { title: 'Theme A', local: ['l1'], national: ['n1'], tagline: 't1' },
      { title: 'Theme B', local: ['l2'], national: ['n2'], tagline: 't2' },
      { title: 'Theme C', local: ['l3'], national: ['n3'], tagline: 't3' },
    ]);
  });

  it('reads a clean order (heading, tagline, local, national)', () => {
    expect(
      shape([H('Theme A'), T('ta'), L('local', 'a1'), L('national', 'a2'), H('Theme B'), T('tb'), L('local', 'b1'), L('national', 'b2')]),
    ).toEqual([
      { title: 'Theme A', local: ['a1'], national: ['a2'], tagline: 'ta' },
      { title: 'Theme B', local: ['b1'], national: ['b2'], tagline: 'tb' },
    ]);
  });

  it('settles by content a list that could belong to either neighbouring theme', () => {
    // Theme A has no local list; the local list between A and B could be A's or B's: its words are B's.
    const elements = [
      H('Soutenir les aidants familiaux', 'Le répit des aidants familiaux.'),
      L('national', 'Créer un droit au répit des aidants'),
      L('local', 'Former les enseignants au repérage scolaire', 'Ouvrir des consultations scolaires'),
      H('Santé scolaire des enfants', 'Le repérage scolaire et les consultations des enfants.'),
      L('national', 'Recruter des infirmiers scolaires'),
    ];
    const themes = shape(elements);
    expect(themes[0]!.local).toEqual([]);
    expect(themes[1]!.local).toEqual(['Former les enseignants au repérage scolaire', 'Ouvrir des consultations scolaires']);
  });

  it('ignores question-box headings before the themes and warns about themes without heading', () => {
    const warnings: Warning[] = [];
    expect(assembleThemes([H('Quelle traduction en région ?'), L('local', 'x')], warnings)).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['theme-heading-missing']);
  });
});

describe('front matter', () => {
  it('reads signatures, with a role wrapped over two lines', () => {
    const text = [
      'Jeanne MARTIN, préfète de la région',
      'Bretagne, préfète d’Ille-et-Vilaine',
      'Le Conseil national de la Refondation a réuni',
      'Jean-Luc LE BRAS, Directeur général de l’ARS Bretagne',
      'Initiés le 9 janvier dernier à Brest, les ateliers du Conseil national ont été menés sur',
    ].join('\n');
    expect(findSignatories(lines(text))).toEqual([
      { name: 'Jeanne MARTIN', role: 'préfète de la région Bretagne, préfète d’Ille-et-Vilaine' },
      { name: 'Jean-Luc LE BRAS', role: 'Directeur général de l’ARS Bretagne' },
    ]);
  });

  it('reads key figures wherever their lines are', () => {
    const text = 'près de 2 300\nparticipants\n35% de soignants\n40% d’usagers\n25% d’élus\n\n95 heures\nd’échanges\n\n21 ateliers\n21 ateliers organisés';
    expect(findKeyFigures(text)).toEqual({
      participants: 2300,
      hours: 95,
      workshops: 21,
      participantShares: { soignants: 35, usagers: 40, élus: 25 },
    });
  });

  it('assembles place names broken by the map layout, else reads the photo captions', () => {
    const map = ['Quimper', '', 'Pont-', 'l’Abbé Saint-', '', 'Brieuc', 'Sotteville-lès', '-Rouen', '', 'Les Andelys', '', 'Carhaix-', 'Plouguer'].join('\n');
    expect(findWorkshopPlaces(lines(map), 6)).toEqual(['Quimper', 'Pont-l’Abbé', 'Saint-Brieuc', 'Sotteville-lès-Rouen', 'Les Andelys', 'Carhaix-Plouguer']);
    const captions = 'Atelier de Vannes Atelier du Havre\n\nAtelier des Andelys\nAtelier d’Évreux';
    expect(findWorkshopPlaces(lines(captions), null)).toEqual(['Vannes', 'Le Havre', 'Les Andelys', 'Évreux']);
  });

  it('dates the restitution from a sentence about it, not from other dates', () => {
    const text = 'Lancé le 8 septembre 2022 par le Président.\nLa restitution régionale a eu lieu le jeudi 8 décembre 2022 à Caen.';
    expect(findRestitutionDate(lines(text))).toBe('2022-12-08');
  });
});

describe('parseRestitutionText', () => {
  const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

  it('reads a fictitious Bretagne brochure laid out like the Normandie dump: every theme, list and figure', () => {
    const doc = parseRestitutionText(read('fixtures/synthetic/restitution-bretagne-2023.txt'), source('bretagne.txt'));
    const gold = JSON.parse(read('fixtures/synthetic/restitution-bretagne-2023.gold.json'));
    expect(Restitution.safeParse(doc).success).toBe(true);
    expect(doc.region).toBe('Bretagne');
    expect(doc.date).toBe('2023-03-14');
    expect(doc.signatories).toEqual(gold.signatories);
    expect(doc.keyFigures).toEqual(gold.keyFigures);
    expect(doc.workshops).toEqual(gold.workshops);
    expect(doc.challenges).toEqual(gold.challenges);
    expect(doc.engagements).toEqual(gold.engagements);
    expect(doc.themes.map((t) => t.title)).toEqual(gold.themes.map((t: { title: string }) => t.title));
    expect(doc.themes.map((t) => t.propositions)).toEqual(gold.themes.map((t: { propositions: unknown }) => t.propositions));
    expect(doc.themes.map((t) => t.tagline)).toEqual(gold.themes.map((t: { tagline: string }) => t.tagline));
    expect(doc.themes[0]!.provenance?.lines?.[0]).toBeGreaterThan(100);
    expect(doc.warnings).toEqual([]);
  });

  it('reads the same brochure from a PDF-like reading order (columns in order, "\\f" between pages)', () => {
    const doc = parseRestitutionText(read('fixtures/synthetic/restitution-bretagne-2023.reading-order.txt'), source('bretagne.pdf', 'pdf'));
    const gold = JSON.parse(read('fixtures/synthetic/restitution-bretagne-2023.gold.json'));
    expect(doc.signatories).toEqual(gold.signatories);
    expect(doc.workshops).toEqual(gold.workshops);
    expect(doc.challenges).toEqual(gold.challenges);
    expect(doc.themes.map((t) => t.propositions)).toEqual(gold.themes.map((t: { propositions: unknown }) => t.propositions));
    expect(doc.themes.map((t) => t.provenance?.page)).toEqual([5, 6, 7]);
    expect(doc.themes[0]!.provenance?.lines).toBeUndefined(); // PDF input: pages, not text lines
  });

  it('refuses a text with no restitution content', () => {
    expect(() => parseRestitutionText('Madame, Monsieur,\nNous vous informons des travaux.', source('lettre.txt'))).toThrow(FdrError);
  });
});
