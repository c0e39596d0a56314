import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findFrenchDates,
  findPeriod,
  findRegion,
  isoDate,
  matchDepartment,
  parseEventsText,
  parseFrenchDate,
  resolveDate,
} from '../../src/documents/events/index.js';
import { FdrError } from '../../src/errors/index.js';
import type { SourceInfo } from '../../src/model/index.js';
import { Events } from '../../src/model/index.js';

const ROOT = join(import.meta.dirname, '../..');
const source = (file: string, format: SourceInfo['format'] = 'text'): SourceInfo => ({ file, sha256: '0'.repeat(64), format });

describe('French dates', () => {
  it.each([
    ['Jeudi 17 novembre', { day: 17, month: 11, weekday: 4 }],
    ['jeudi 1er décembre 2022', { day: 1, month: 12, year: 2022, weekday: 4 }],
    ['le 15 mai 2024', { day: 15, month: 5, year: 2024 }],
    ['Mardi 6 décembre.', { day: 6, month: 12, weekday: 2 }],
    ['3 AOUT', { day: 3, month: 8 }],
    ['17/11/2022', { day: 17, month: 11, year: 2022 }],
  ])('reads "%s"', (text, expected) => expect(parseFrenchDate(text)).toMatchObject(expected));

  it('finds every date of a text in order, and nothing in numbers that are not dates', () => {
    expect(findFrenchDates('du 21 mai au 4 juillet, 18 ateliers, 2 000 participants, 1 250 mai').map((d) => d.text)).toEqual([
      '21 mai',
      '4 juillet',
    ]);
    expect(findFrenchDates('à 32 mai ou 0 juin')).toEqual([]);
  });

  it('writes ISO dates and refuses days that do not exist', () => {
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDate(2023, 2, 29)).toBe('');
    expect(isoDate(2024, 4, 31)).toBe('');
  });
});

describe('resolveDate (year inference)', () => {
  const date = (s: string) => parseFrenchDate(s)!;

  it('keeps a printed year', () => {
    expect(resolveDate(date('8 décembre 2022'), { documentDate: '2024-05-15' })).toEqual({ iso: '2022-12-08', year: 'printed', weekdayMismatch: false });
  });

  it('takes the document date’s year, and the next year for a day well before the document date', () => {
    expect(resolveDate(date('jeudi 6 juin'), { documentDate: '2024-05-30' }).iso).toBe('2024-06-06');
    expect(resolveDate(date('mardi 14 janvier'), { documentDate: '2024-09-02' }).iso).toBe('2025-01-14');
    // A few weeks before the document date is still the same year (a workshop already held).
    expect(resolveDate(date('8 novembre'), { documentDate: '2022-12-08' }).iso).toBe('2022-11-08');
  });

  it('takes a year mentioned just before the date when the document has no date of its own', () => {
    const text = 'Lancé en 2018. DES CONCERTATIONS ENTRE MI-NOVEMBRE ET MI-DÉCEMBRE 2022\nOISE\tVendredi 25 novembre\tChantilly';
    expect(resolveDate(date('Vendredi 25 novembre'), { text, index: text.indexOf('Vendredi') })).toMatchObject({ iso: '2022-11-25', year: 'nearby' });
  });

  it('uses the printed weekday to pick the neighbouring year when the context year does not fit', () => {
    // "jeudi 17 novembre" is a Thursday in 2022, not in 2023.
    expect(resolveDate(date('jeudi 17 novembre'), { documentDate: '2023-01-10' })).toMatchObject({ iso: '2022-11-17', weekdayMismatch: false });
    // No neighbouring year fits "lundi 17 novembre" (2022: Thursday, 2023: Friday, 2021: Wednesday): flagged.
    expect(resolveDate(date('lundi 17 novembre'), { documentDate: '2022-10-01' })).toMatchObject({ iso: '2022-11-17', weekdayMismatch: true });
  });

  it('gives "" when no year can be found', () => {
    expect(resolveDate(date('jeudi 17 novembre'), { text: 'aucune année', index: 0 })).toEqual({ iso: '', year: 'none', weekdayMismatch: false });
  });
});

describe('findPeriod', () => {
  const ctx = (documentDate: string) => ({ documentDate, flat: '', index: 0 });
  it.each([
    ['organisés du 21 mai au 4 juillet sous l’égide', '2024-05-15', { start: '2024-05-21', end: '2024-07-04' }],
    ['du 3 au 27 juin', '2024-05-30', { start: '2024-06-03', end: '2024-06-27' }],
    ['du 12 décembre 2024 au 9 janvier 2025', '', { start: '2024-12-12', end: '2025-01-09' }],
    ['du 12 décembre au 9 janvier 2025', '', { start: '2024-12-12', end: '2025-01-09' }],
  ])('"%s" (document date %s)', (text, documentDate, expected) => expect(findPeriod(text, ctx(documentDate))).toEqual(expected));

  it('finds nothing in a text without a day range', () => {
    expect(findPeriod('entre mi-novembre et mi-décembre 2022', ctx(''))).toBeUndefined();
  });
});

describe('places', () => {
  it.each([
    ['le Calvados', 'Calvados'],
    ["l'Eure", 'Eure'],
    ['la Seine-Maritime', 'Seine-Maritime'],
    ['les Pyrénées-Orientales', 'Pyrénées-Orientales'],
    ['SEINE MARITIME', 'Seine-Maritime'],
    ['Haute-Garonne', 'Haute-Garonne'],
  ])('%s is the département %s', (name, department) => expect(matchDepartment(name)).toBe(department));

  it('knows a town is not a département', () => expect(matchDepartment('Bayeux')).toBeUndefined());

  it('names the region a text mentions most, in its usual spelling', () => {
    expect(findRegion('DANS LES HAUTS-DE FRANCE … les 7 TAS des Hauts-de-France … Hauts-de-France')).toBe('Hauts-de-France');
    expect(findRegion('Vire-Normandie est une commune ; ARS Bretagne, Bretagne.')).toBe('Bretagne');
    expect(findRegion('rien')).toBe('');
  });
});

describe('parseEventsText', () => {
  it('reads a table whose columns are found by their headers, in any order', () => {
    const text = [
      'ATELIERS TERRITORIAUX DE PRÉVENTION EN PAYS DE LA LOIRE : LE CALENDRIER',
      '',
      'Nantes, le 4 mars 2024',
      '',
      'Lieu\tDate\tDépartement',
      'Angers – Centre des congrès\tMardi 12 mars\tMaine-et-Loire',
      'Laval – Salle polyvalente\tJeudi 28 mars\tla Mayenne',
    ].join('\n');
    const doc = parseEventsText(text, source('pdl.txt'));
    expect(doc.events.map(({ provenance: _p, ...e }) => e)).toEqual([
      { territory: '', department: 'Maine-et-Loire', place: 'Angers – Centre des congrès', date: '2024-03-12' },
      { territory: '', department: 'Mayenne', place: 'Laval – Salle polyvalente', date: '2024-03-28' },
    ]);
    expect(doc.events[0]!.provenance).toEqual({ lines: [6, 6] });
    expect(doc.title).toBe('Ateliers territoriaux de prévention en Pays de la Loire : le calendrier');
    expect(doc.date).toBe('2024-03-04');
    expect(doc.region).toBe('Pays de la Loire');
  });

  it('reads places listed by département, with a date per place', () => {
    const text = 'Montpellier, le 30 mai 2024\n\nLes rencontres se tiendront :\n\nDans l’Hérault : Montpellier (jeudi 6 juin) ; Béziers (mardi 11 juin)\n\nEn Haute-Garonne : Toulouse';
    const doc = parseEventsText(text, source('oc.txt'));
    expect(doc.events.map(({ provenance: _p, ...e }) => e)).toEqual([
      { territory: '', department: 'Hérault', place: 'Montpellier', date: '2024-06-06' },
      { territory: '', department: 'Hérault', place: 'Béziers', date: '2024-06-11' },
      { territory: '', department: 'Haute-Garonne', place: 'Toulouse', date: '' },
    ]);
  });

  it('reads dated lines, the agenda and the challenges, and warns about a weekday that fits no year', () => {
    const text = [
      'Metz, le 2 septembre 2024',
      '',
      '- Mardi 10 décembre : Reims – Maison des associations (Marne)',
      '- Lundi 12 décembre : Nancy – Salle Poirel',
      '',
      '- 9h : accueil des participants.',
      '- 9h30 – 12h : travail en ateliers,',
      'avec un rapporteur par groupe.',
      '',
      'LES DÉFIS RETENUS :',
      '',
      'PRÉVENIR LA CRISE SUICIDAIRE',
      '',
      'Repérer plus tôt les signes de détresse.',
      '',
      'AGIR SUR LE LOGEMENT',
      '',
      'Contact : ars@example.org',
    ].join('\n');
    const doc = parseEventsText(text, source('ge.txt'));
    expect(doc.events.map(({ provenance: _p, ...e }) => e)).toEqual([
      { territory: '', department: 'Marne', place: 'Reims – Maison des associations', date: '2024-12-10' },
      { territory: '', department: '', place: 'Nancy – Salle Poirel', date: '2024-12-12' },
    ]);
    expect(doc.warnings.map((w) => w.code)).toEqual(['event-weekday-mismatch']);
    expect(doc.agenda).toEqual([
      { time: '9h', item: 'accueil des participants.' },
      { time: '9h30 – 12h', item: 'travail en ateliers, avec un rapporteur par groupe.' },
    ]);
    expect(doc.challenges).toEqual([
      { title: 'Prévenir la crise suicidaire', text: 'Repérer plus tôt les signes de détresse.' },
      { title: 'Agir sur le logement', text: '' },
    ]);
  });

  it('keeps measures already deployed without their links', () => {
    const text =
      'Caen, le 15 mai 2024\n\nPlusieurs dispositifs sont déjà déployés :\n\n- Déploiement du médicobus (plus d’informations : <https://example.org/a>)\n- Diffusion du guide [Réflexe santé](#)\n\nDans le Calvados : Bayeux ; Falaise';
    expect(parseEventsText(text, source('cp.txt')).deployedMeasures).toEqual(['Déploiement du médicobus', 'Diffusion du guide Réflexe santé']);
  });

  it('reads the fictitious Grand Est announcement completely', () => {
    const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
    const doc = parseEventsText(read('fixtures/synthetic/events-grand-est-2024.txt'), source('ge.txt'));
    const gold = JSON.parse(read('fixtures/synthetic/events-grand-est-2024.gold.json'));
    expect(Events.safeParse(doc).success).toBe(true);
    expect(doc.events.map(({ provenance: _p, ...e }) => e)).toEqual(gold.events);
    expect(doc.agenda).toEqual(gold.agenda);
    expect(doc.challenges).toEqual(gold.challenges);
    expect([doc.title, doc.date, doc.region]).toEqual([gold.title, gold.date, gold.region]);
    expect(doc.period).toBeUndefined();
    expect(doc.warnings).toEqual([]);
  });

  it('survives page breaks inside a table and a list (PDF reading order)', () => {
    const text = 'Lieu\tDate\nBrest\tJeudi 6 juin 2024\n\fQuimper\tMardi 11 juin 2024\n\nDans le Morbihan : Vannes ;\fLorient';
    const doc = parseEventsText(text, source('x.pdf', 'pdf'));
    expect(doc.events.map((e) => [e.place, e.date, e.provenance?.page])).toEqual([
      ['Brest', '2024-06-06', 1],
      ['Quimper', '2024-06-11', 2],
      ['Vannes', '', 2],
      ['Lorient', '', 3],
    ]);
  });

  it('refuses a document with no workshop, agenda or challenge', () => {
    expect(() => parseEventsText('Madame, Monsieur,\nLes travaux débuteront le lundi 8 avril prochain.', source('lettre.txt'))).toThrow(FdrError);
  });
});
