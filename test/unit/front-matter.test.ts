import { describe, expect, it } from 'vitest';
import { findPeriod, findPrsAxes, findSignatories, findTitle, findTransversalPriorities, territoryFromPhrase } from '../../src/documents/roadmap/front-matter.js';
import { PRS_NORMANDIE_AXES } from '../../src/reference/prs-normandie.js';

describe('territoryFromPhrase', () => {
  it.each([
    ['du Havre', 'Le Havre'],
    ['du Calvados', 'Calvados'],
    ["d'Évreux-Vernon", 'Évreux-Vernon'],
    ['du CTS d’Evreux-Vernon', 'Évreux-Vernon'],
    ["de l'Eure", 'Eure'], // not a CTS: the name is kept as written
    ['de la Manche', 'Manche'],
    ['de l’Orne', 'Orne'],
    ['de Rouen-Elbeuf', 'Rouen-Elbeuf'],
    ['de Dieppe', 'Dieppe'],
    ['du CTS du Havre', 'Le Havre'],
    ['de Quimper', 'Quimper'],
  ])('%s → %s', (phrase, territory) => expect(territoryFromPhrase(phrase)).toBe(territory));
});

describe('findTitle', () => {
  it('reads a cover title', () => {
    expect(findTitle(['Feuille de route départementale du Calvados'])).toEqual({ title: 'Feuille de route départementale du Calvados', territory: 'Calvados', territoryType: 'departement' });
  });
  it('reads a footer whose halves a converter swapped', () => {
    expect(findTitle([' 4 du HavreFeuille de route territoriale', ' 20 du HavreFeuille de route territoriale'])?.title).toBe('Feuille de route territoriale du Havre');
  });
  it('reads a "n | title" footer', () => {
    expect(findTitle(['12 | Feuille de route territoriale de Dieppe'])).toMatchObject({ territory: 'Dieppe', territoryType: 'cts' });
  });
  it('ignores prose that merely mentions a roadmap', () => {
    expect(findTitle(['Il s’agit d’une feuille de route territoriale unifiée et transversale des priorités'])).toBeUndefined();
  });
});

describe('findPeriod', () => {
  it('prefers the roadmap year range over the PRS range', () => {
    expect(findPeriod(['Projet régional de santé 2023-2028', 'pour l’année 2024/2025, co-portée'])).toBe('2024-2025');
  });
  it('reads a single year', () => {
    expect(findPeriod(['les actions à mener pour l’année 2026.'])).toBe('2026');
  });
  it('returns "" when nothing qualifies', () => {
    expect(findPeriod(['publié le 31 octobre 2023'])).toBe('');
  });
});

describe('findSignatories', () => {
  it('reads names with wrapped roles and stops at the next paragraph', () => {
    const lines = ['Thomas DEROCHE ', 'Directeur général ARS Normandie', ' Le Conseil Territorial de Santé du Havre, couvrant', '', 'Jean-Paul MARTIN', 'Vice-président du Conseil territorial', 'de santé de la Manche', ''];
    expect(findSignatories(lines)).toEqual([
      { name: 'Thomas DEROCHE', role: 'Directeur général ARS Normandie' },
      { name: 'Jean-Paul MARTIN', role: 'Vice-président du Conseil territorial de santé de la Manche' },
    ]);
  });
  it('does not take an acronym line for a name', () => {
    expect(findSignatories(['ARS Normandie', 'Direction départementale du Calvados'])).toEqual([]);
  });
});

describe('findPrsAxes', () => {
  it('reads a numbered list with wrapped items and strips numbering and punctuation', () => {
    const lines = ['RAPPEL DES 12 AXES PRIORITAIRES :'];
    PRS_NORMANDIE_AXES.forEach((axis, i) => {
      const lower = axis.charAt(0).toLowerCase() + axis.slice(1);
      const cut = lower.indexOf(' ', 40);
      if (cut > 0) lines.push(`${i + 1}. ${lower.slice(0, cut)}`, `${lower.slice(cut + 1)} ;`);
      else lines.push(`${i + 1}. ${lower} ;`);
    });
    const axes = findPrsAxes(lines);
    expect(axes).toHaveLength(12);
    expect(axes[0]).toBe('relever le défi du vieillissement et de la perte d’autonomie');
    expect(axes[11]).toBe('engager le système de santé normand dans la transition écologique');
  });
  it('returns [] when the document has no such list', () => {
    expect(findPrsAxes(['Bonjour', 'Rien à voir'])).toEqual([]);
  });
});

describe('findTransversalPriorities', () => {
  it('splits sections into title and joined text, up to the next capitalised heading', () => {
    const prose = ['LES PRIORITÉS RÉGIONALES TRANSVERSALES', 'APPLIQUÉES DANS LA MANCHE', '', 'La santé au travail', 'Premier paragraphe qui', 'continue ici.', 'Second paragraphe.', '', 'Le numérique en santé', 'Texte du numérique.', 'L’ANIMATION DE LA FEUILLE DE ROUTE', 'Autre chose.'].map((text) => ({ text }));
    expect(findTransversalPriorities(prose)).toEqual([
      { title: 'La santé au travail', text: 'Premier paragraphe qui continue ici. Second paragraphe.' },
      { title: 'Le numérique en santé', text: 'Texte du numérique.' },
    ]);
  });
});
