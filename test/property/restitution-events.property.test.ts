import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectKind, scoreKinds } from '../../src/documents/detect.js';
import { parseEventsText } from '../../src/documents/events/index.js';
import { parseRestitutionText } from '../../src/documents/restitution/index.js';
import { FdrError } from '../../src/errors/index.js';
import { Events, Restitution, type SourceInfo } from '../../src/model/index.js';

const source: SourceInfo = { file: 'prop.txt', sha256: '0'.repeat(64), format: 'text' };
const pdfSource: SourceInfo = { ...source, file: 'prop.pdf', format: 'pdf' };

/** Any UTF-16 code unit, lone surrogates and control characters included: what a broken text layer can give. */
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 400 });

/** Lines shaped like the documents' own, so the generated texts reach the readers' deeper paths. */
const line = fc.oneof(
  fc.constantFrom(
    'PROPOSITIONS CONVERGENTES',
    'DES 18 ATELIERS POUR UNE IMPULSION LOCALE',
    'DES 12 ATELIERS POUR ALIMENTER LES TRAVAUX NATIONAUX',
    'Pour une impulsion locale',
    'Pour alimenter les travaux nationaux',
    'Imaginons des solutions pour...',
    'que chacun ait accès aux soins.',
    'RENFORCER L’ACCÈS AUX SOINS DANS LES TERRITOIRES',
    'QUELLE TRADUCTION EN RÉGION ?',
    'CNR SANTÉ – THÈME 3',
    'AT',
    'É',
    '15',
    '• Développer les consultations avancées',
    '- Mobilité douce',
    'en EHPAD)',
    'Claire MORVAN, préfète de la région Bretagne,',
    'Normandie, préfet de la Seine-Maritime',
    '1 250',
    'participants',
    '47% de soignants',
    '80 heures d’échanges',
    'Creully-',
    'sur-Seulles Hérouville-',
    'Atelier du Havre',
    'Territoire\tDate\tLieu',
    'OISE\tVendredi 25 novembre\tChantilly',
    'Lieu\tDate\tDépartement',
    'Dans le Calvados : Bayeux ; Deauville ;',
    'En Haute-Garonne : Toulouse (mardi 18 juin)',
    '- 9h30 – 9h45 : ouverture par le président.',
    '- Jeudi 12 décembre : Nancy – Salle Poirel (Meurthe-et-Moselle)',
    'CES DÉFIS POURRAIENT ÊTRE LES SUIVANTS :',
    'sur les quatre grands défis identifiés :',
    'plusieurs dispositifs sont déjà déployés :',
    'Caen, le 15 mai 2024',
    'du 21 mai au 4 juillet',
    'jeudi 31 février',
    'La restitution régionale a eu lieu le jeudi 8 décembre 2022.',
    '**CONSEIL NATIONAL**',
    '[lien](#) <https://example.org>',
    '',
    '\f',
  ),
  fc.string({ maxLength: 60 }),
);
const documentLike = fc.array(line, { maxLength: 80 }).map((lines) => lines.join('\n'));

/** Runs a parser: it returns a document that validates, or throws an FdrError; anything else fails the property. */
function check(parse: () => unknown, schema: typeof Restitution | typeof Events): void {
  let doc: unknown;
  try {
    doc = parse();
  } catch (e) {
    if (e instanceof FdrError) return;
    throw e;
  }
  const result = schema.safeParse(doc);
  if (!result.success) throw new Error(`invalid document: ${JSON.stringify(result.error.issues.slice(0, 3))}`);
}

describe('restitution and events readers never fail other than with an FdrError', () => {
  for (const [name, gen] of [
    ['any string', anyText],
    ['document-like text', documentLike],
  ] as const) {
    it(`restitution: ${name}`, () => {
      fc.assert(
        fc.property(gen, fc.boolean(), (text, pdf) => check(() => parseRestitutionText(text, pdf ? pdfSource : source), Restitution)),
        { numRuns: 300 },
      );
    });

    it(`events: ${name}`, () => {
      fc.assert(
        fc.property(gen, fc.boolean(), (text, pdf) => check(() => parseEventsText(text, pdf ? pdfSource : source), Events)),
        { numRuns: 300 },
      );
    });

    it(`kind detection: ${name}`, () => {
      fc.assert(
        fc.property(gen, (text) => {
          const kind = detectKind(text);
          expect(kind === undefined || ['roadmap', 'restitution', 'events'].includes(kind)).toBe(true);
          const scores = scoreKinds(text);
          expect(scores).toHaveLength(3);
          for (let i = 1; i < scores.length; i++) expect(scores[i - 1]!.score).toBeGreaterThanOrEqual(scores[i]!.score);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('events dates are ISO or empty, and no proposition is empty', () => {
    fc.assert(
      fc.property(documentLike, (text) => {
        try {
          const events = parseEventsText(text, source);
          for (const e of events.events) expect(e.date).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
        } catch (e) {
          if (!(e instanceof FdrError)) throw e;
        }
        try {
          const restitution = parseRestitutionText(text, source);
          for (const t of restitution.themes)
            for (const p of [...t.propositions.local, ...t.propositions.national]) expect(p.trim()).not.toBe('');
        } catch (e) {
          if (!(e instanceof FdrError)) throw e;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('handles a long document in reasonable time (no quadratic blow-up)', () => {
    const block = [
      'PROPOSITIONS CONVERGENTES DES 18 ATELIERS POUR UNE IMPULSION LOCALE',
      '• Développer les consultations avancées dans les territoires ruraux',
      'DÉFIS ET ENJEUX DU TERRITOIRE',
      'OISE\tVendredi 25 novembre\tChantilly',
      'Dans le Calvados : Bayeux ; Deauville',
      'Imaginons des solutions pour...',
      'que chacun ait accès aux soins.',
    ].join('\n');
    const text = Array.from({ length: 1500 }, () => block).join('\n');
    const t0 = performance.now();
    for (const parse of [parseRestitutionText, parseEventsText]) {
      try {
        parse(text, source);
      } catch (e) {
        if (!(e instanceof FdrError)) throw e;
      }
    }
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});
