import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectKind, scoreKinds } from '../../src/documents/detect.js';

const ROOT = join(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

describe('detectKind', () => {
  it.each([
    ['fixtures/le-havre-2024.txt', 'roadmap'],
    ['fixtures/calvados-2024.txt', 'roadmap'],
    ['fixtures/normandie-restitution-2022.txt', 'restitution'],
    ['fixtures/hauts-de-france-cnr-2022.txt', 'events'],
    ['fixtures/normandie-temps-forts-2024.txt', 'events'],
    ['fixtures/synthetic/restitution-bretagne-2023.txt', 'restitution'],
    ['fixtures/synthetic/restitution-bretagne-2023.reading-order.txt', 'restitution'],
    ['fixtures/synthetic/restitution-normandie-2022.reading-order.txt', 'restitution'],
    ['fixtures/synthetic/events-grand-est-2024.txt', 'events'],
    ['fixtures/synthetic/events-occitanie-2024.txt', 'events'],
  ])('%s is a %s', (file, kind) => expect(detectKind(read(file))).toBe(kind));

  it('recognises none of the kinds in an ordinary letter, even one with dates in it', () => {
    const letter = [
      'Mairie de Saint-Aubin-sur-Orne',
      'Saint-Aubin-sur-Orne, le 14 mars 2024',
      'Objet : travaux de réfection de la chaussée',
      'Madame, Monsieur,',
      'Nous avons le plaisir de vous informer que les travaux débuteront le lundi 8 avril prochain.',
      'Une réunion d’information se tiendra le mercredi 27 mars à dix-huit heures trente, dans la salle des fêtes.',
      'Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.',
    ].join('\n');
    expect(detectKind(letter)).toBeUndefined();
    expect(scoreKinds(letter)[0]!.score).toBeGreaterThan(0); // some evidence, too thin
  });

  it('recognises nothing in random or empty text', () => {
    expect(detectKind('')).toBeUndefined();
    expect(detectKind('Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n'.repeat(50))).toBeUndefined();
  });

  it('needs two different clues: one word said many times is not enough', () => {
    expect(scoreKinds('impulsion locale '.repeat(40))[0]).toEqual({ kind: 'restitution', score: 18 });
    expect(detectKind('impulsion locale '.repeat(40))).toBeUndefined();
    expect(detectKind('restitution des propositions convergentes pour une impulsion locale ; imaginons des solutions')).toBe('restitution');
  });

  it('refuses a document whose clues point to two kinds equally', () => {
    const mixed = [
      'Feuille de route territoriale',
      'Action prioritaire #1',
      'Chantier : x',
      'Actions Financements Indicateurs Commentaires',
      'Propositions convergentes pour une impulsion locale',
      'Imaginons des solutions',
      'Travaux nationaux',
    ].join('\n');
    const [best, second] = scoreKinds(mixed);
    expect(best!.score - second!.score).toBeLessThan(4);
    expect(detectKind(mixed)).toBeUndefined();
  });

  it('scores every kind, best first', () => {
    const scores = scoreKinds(read('fixtures/hauts-de-france-cnr-2022.txt'));
    expect(scores.map((s) => s.kind).sort()).toEqual(['events', 'restitution', 'roadmap']);
    expect(scores[0]!.kind).toBe('events');
    expect(scores[0]!.score).toBeGreaterThanOrEqual(scores[1]!.score);
  });

  it('stays fast on a huge single line (no quadratic pattern)', () => {
    const line = 'date lieu '.repeat(30_000);
    const t0 = performance.now();
    scoreKinds(line);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
