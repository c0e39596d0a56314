import { describe, expect, it } from 'vitest';
import { diffRoadmaps } from '../../src/diff/diff.js';
import { containment, coverage, sameText, textSimilarity, typographyKey } from '../../src/diff/text.js';
import { wordDiff } from '../../src/diff/word-diff.js';
import { RoadmapDiff } from '../../src/model/index.js';
import { type AxisSpec, roadmap } from './diff-helpers.js';

function diff(before: AxisSpec[], after: AxisSpec[]) {
  const d = diffRoadmaps({ roadmap: roadmap(before), file: 'old.json' }, { roadmap: roadmap(after), file: 'new.json' });
  expect(RoadmapDiff.safeParse(d).success).toBe(true);
  return d;
}

const FALLS_HOME = 'Déployer des ateliers de prévention des chutes auprès des seniors vivant à domicile';
const FALLS_EHPAD = 'Déployer des ateliers de prévention des chutes auprès des résidents en EHPAD';
const DAY_CARE = "Développer l'offre d'accueil de jour pour les personnes atteintes de maladies neurodégénératives";
const VACCINATION = "Organiser la vaccination HPV dans l'ensemble des collèges du territoire";
const TELEHEALTH = 'Déployer la télé-expertise dermatologique en lien avec les communautés professionnelles';

describe('typography and whitespace are not changes', () => {
  it.each([
    ["l'accès aux soins", 'l’accès aux soins'],
    ['« Graphism »', '"Graphism"'],
    ['ARS – FIR', 'ARS - FIR'],
    ['400 000€ par CRT', '400\u00a0000 € par CRT'],
    ['médico-\nsocial', 'médico-social'],
    ['une action\nsur deux lignes', 'une action sur  deux lignes'],
    ['FIR : 15 000 €', 'FIR\u202f: 15\u00a0000\u00a0€'],
  ])('%j ≡ %j', (a, b) => {
    expect(sameText(a, b)).toBe(true);
    expect(typographyKey(a)).toBe(typographyKey(b));
  });

  it.each([
    ['Ouverture de 5 places', 'Ouverture de 8 places'],
    ['Créer une unité', 'Ouvrir une unité'],
    ['FIR', 'fir'],
    ['', 'NC'],
  ])('%j ≢ %j', (a, b) => expect(sameText(a, b)).toBe(false));

  it('reports nothing when only typography changed, in every cell and title', () => {
    const before: AxisSpec[] = [
      {
        number: 1,
        title: 'Relever le défi du vieillissement et de la perte d’autonomie',
        chantiers: [
          {
            title: 'Prévenir et anticiper la perte d’autonomie',
            actions: [
              { action: "Repérer les fragilités : déployer l'outil « ICOPE »", financement: 'PRIAC 400 000€ par CRT', indicateur: 'Nb de réunions – GT', commentaire: 'Développé par l’OMS' },
            ],
          },
        ],
      },
    ];
    const after: AxisSpec[] = [
      {
        number: 1,
        title: "Relever le défi du vieillissement et de la perte d'autonomie",
        chantiers: [
          {
            title: "Prévenir et anticiper la perte d'autonomie",
            actions: [
              { action: 'Repérer les fragilités\u00a0: déployer\nl’outil "ICOPE"', financement: 'PRIAC 400\u00a0000 € par  CRT', indicateur: 'Nb de réunions - GT', commentaire: "Développé par l'OMS" },
            ],
          },
        ],
      },
    ];
    const d = diff(before, after);
    expect(d.hasChanges).toBe(false);
    expect(d.actions).toEqual([]);
    expect(d.chantiers).toEqual([]);
    expect(d.axes).toEqual([]);
    expect(d.summary.unchanged).toBe(1);
  });
});

describe('text similarity', () => {
  it('rates a light rewording well above two unrelated actions of the same domain', () => {
    const reworded = textSimilarity(DAY_CARE, "Développer l'offre d'accueil de jour et d'hébergement temporaire pour les personnes atteintes de maladies neurodégénératives");
    const unrelated = textSimilarity(DAY_CARE, VACCINATION);
    expect(reworded).toBeGreaterThan(0.75);
    expect(unrelated).toBeLessThan(0.5);
  });

  it('sees a split part inside its whole, and an unrelated text not', () => {
    const whole = 'Renforcement des dispositifs d’addictologie en milieu pénitentiaire ainsi qu’aux sortants de détention';
    expect(containment('Renforcement des dispositifs d’addictologie auprès des sortants de détention', whole)).toBeGreaterThanOrEqual(0.6);
    expect(containment(VACCINATION, whole)).toBeLessThan(0.3);
    expect(coverage(whole, 'Renforcement des dispositifs d’addictologie en milieu pénitentiaire')).toBeLessThan(0.8);
  });
});

describe('wordDiff', () => {
  it('marks the words deleted and inserted, deletions first', () => {
    expect(wordDiff('Créer une unité au Havre', 'Ouvrir une unité au Havre et à Fécamp')).toEqual([
      { op: 'delete', text: 'Créer' },
      { op: 'insert', text: 'Ouvrir' },
      { op: 'equal', text: 'une unité au Havre' },
      { op: 'insert', text: 'et à Fécamp' },
    ]);
  });

  it('treats typography variants of a word as equal', () => {
    expect(wordDiff("l'accès aux soins – ARS", 'l’accès aux soins - ARS')).toEqual([{ op: 'equal', text: 'l’accès aux soins - ARS' }]);
  });

  it('handles empty texts', () => {
    expect(wordDiff('', '')).toEqual([]);
    expect(wordDiff('', 'nouveau texte')).toEqual([{ op: 'insert', text: 'nouveau texte' }]);
    expect(wordDiff('ancien texte', '')).toEqual([{ op: 'delete', text: 'ancien texte' }]);
  });

  it('keeps the LCS: a word moved is one delete and one insert, the rest equal', () => {
    const parts = wordDiff('a b c d e', 'a c d b e');
    const kept = parts.filter((p) => p.op === 'equal').map((p) => p.text).join(' ');
    expect(kept.split(' ')).toHaveLength(4);
    expect(parts.filter((p) => p.op !== 'equal').map((p) => p.text)).toEqual(['b', 'b']);
  });
});

describe('matcher: hard cases', () => {
  it('pairs a reworded action with its original and diffs its words', () => {
    const d = diff(
      [{ number: 1, chantiers: [{ title: 'Diversifier l’offre', actions: [DAY_CARE, VACCINATION] }] }],
      [
        {
          number: 1,
          chantiers: [
            {
              title: 'Diversifier l’offre',
              actions: ["Développer l'offre d'accueil de jour et d'hébergement temporaire pour les personnes atteintes de maladies neurodégénératives", VACCINATION],
            },
          ],
        },
      ],
    );
    expect(d.actions).toHaveLength(1);
    const [change] = d.actions;
    expect(change!.type).toBe('changed');
    expect(change!.fields).toEqual(['action']);
    expect(change!.moved).toBeNull();
    expect(change!.textDiff!.filter((p) => p.op !== 'equal')).toEqual([{ op: 'insert', text: "et d'hébergement temporaire" }]);
    expect(d.summary).toMatchObject({ added: 0, removed: 0, modified: 1, moved: 0, unchanged: 1 });
  });

  it('follows an action moved to another axis and chantier', () => {
    const d = diff(
      [
        { number: 1, chantiers: [{ title: 'Prévenir la perte d’autonomie', actions: [FALLS_HOME, DAY_CARE] }] },
        { number: 6, chantiers: [{ title: 'Couverture vaccinale', actions: [VACCINATION] }] },
      ],
      [
        { number: 1, chantiers: [{ title: 'Prévenir la perte d’autonomie', actions: [DAY_CARE] }] },
        { number: 6, chantiers: [{ title: 'Couverture vaccinale', actions: [VACCINATION, FALLS_HOME] }] },
      ],
    );
    expect(d.actions).toHaveLength(1);
    expect(d.actions[0]).toMatchObject({
      type: 'changed',
      fields: [],
      moved: { from: { axis: 1, chantier: 'Prévenir la perte d’autonomie' }, to: { axis: 6, chantier: 'Couverture vaccinale' } },
    });
    expect(d.summary).toMatchObject({ added: 0, removed: 0, modified: 0, moved: 1 });
  });

  it('detects a row split in two, even when the subject is repeated in both rows', () => {
    const whole = "Renforcement des dispositifs d'addictologie en milieu pénitentiaire ainsi qu'aux sortants de détention.";
    const d = diff(
      [{ number: 5, chantiers: [{ title: '', actions: [{ action: whole, financement: 'ONDAM : 230.000 €' }, VACCINATION] }] }],
      [
        {
          number: 5,
          chantiers: [
            {
              title: '',
              actions: [
                { action: "Renforcement des dispositifs d'addictologie en milieu pénitentiaire.", financement: 'ONDAM : 230.000 €' },
                "Renforcement des dispositifs d'addictologie auprès des sortants de détention.",
                VACCINATION,
              ],
            },
          ],
        },
      ],
    );
    expect(d.actions).toHaveLength(1);
    const [split] = d.actions;
    expect(split!.type).toBe('split');
    expect(split!.old.map((r) => r.action)).toEqual([whole]);
    expect(split!.new).toHaveLength(2);
    expect(split!.funding).toBeNull();
    expect(d.summary).toMatchObject({ added: 0, removed: 0, split: 1, merged: 0 });
  });

  it('detects two rows merged into one', () => {
    const committee = "Mise en place d'un comité de suivi du lien ville - hôpital - EHPAD avec les CPTS et les DAC";
    const mobile = "Promotion de l'intervention à domicile des équipes mobiles gériatriques";
    const d = diff(
      [{ number: 1, chantiers: [{ title: 'Garantir l’accès aux soins', actions: [committee, { action: mobile, financement: 'FIR : 20 000 €' }] }] }],
      [
        {
          number: 1,
          chantiers: [
            {
              title: 'Garantir l’accès aux soins',
              actions: [{ action: `${committee}, et promotion de l'intervention à domicile des équipes mobiles gériatriques`, financement: 'FIR : 20 000 €' }],
            },
          ],
        },
      ],
    );
    expect(d.actions).toHaveLength(1);
    expect(d.actions[0]!.type).toBe('merged');
    expect(d.actions[0]!.old.map((r) => r.action)).toEqual([committee, mobile]);
    expect(d.actions[0]!.funding).toBeNull();
    expect(d.summary).toMatchObject({ added: 0, removed: 0, split: 0, merged: 1 });
  });

  it('keeps two near-identical actions in different chantiers apart', () => {
    const before: AxisSpec[] = [
      {
        number: 1,
        chantiers: [
          { title: 'Prévenir la perte d’autonomie', actions: [FALLS_HOME] },
          { title: 'Diversifier l’offre d’hébergement', actions: [FALLS_EHPAD] },
        ],
      },
    ];
    // The EHPAD one is reworded toward the home one; the home one is untouched but listed second.
    const after: AxisSpec[] = [
      {
        number: 1,
        chantiers: [
          { title: 'Diversifier l’offre d’hébergement', actions: ['Déployer des ateliers de prévention des chutes auprès des résidents vivant en EHPAD'] },
          { title: 'Prévenir la perte d’autonomie', actions: [FALLS_HOME] },
        ],
      },
    ];
    const d = diff(before, after);
    expect(d.actions).toHaveLength(1);
    expect(d.actions[0]).toMatchObject({ type: 'changed', fields: ['action'], moved: null });
    expect(d.actions[0]!.old[0]!.action).toBe(FALLS_EHPAD);
    expect(d.summary).toMatchObject({ moved: 0, unchanged: 1 });
  });

  it('keeps the same action text in two chantiers with its own chantier when one copy is reworded and the order changes', () => {
    const before: AxisSpec[] = [
      {
        number: 1,
        chantiers: [
          { title: 'Prévenir la perte d’autonomie', actions: [FALLS_HOME] },
          { title: 'Diversifier l’offre d’hébergement', actions: [FALLS_HOME] },
        ],
      },
    ];
    const reworded = 'Déployer des ateliers de prévention des chutes auprès des seniors vivant à domicile ou en résidence autonomie';
    const after: AxisSpec[] = [
      {
        number: 1,
        chantiers: [
          { title: 'Diversifier l’offre d’hébergement', actions: [reworded] },
          { title: 'Prévenir la perte d’autonomie', actions: [FALLS_HOME] },
        ],
      },
    ];
    const d = diff(before, after);
    expect(d.actions).toHaveLength(1);
    expect(d.actions[0]).toMatchObject({ type: 'changed', fields: ['action'], moved: null });
    expect(d.actions[0]!.new[0]).toMatchObject({ chantier: 'Diversifier l’offre d’hébergement', action: reworded });
    expect(d.summary).toMatchObject({ moved: 0, modified: 1, unchanged: 1 });
  });

  it('does not pair an unrelated action that replaced another', () => {
    const d = diff(
      [{ number: 2, chantiers: [{ title: 'Garantir l’accès aux soins', actions: [DAY_CARE, VACCINATION] }] }],
      [{ number: 2, chantiers: [{ title: 'Garantir l’accès aux soins', actions: [TELEHEALTH, VACCINATION] }] }],
    );
    expect(d.actions.map((a) => a.type).sort()).toEqual(['added', 'removed']);
  });

  it('does not take a look-alike row added next to an unchanged one for a split', () => {
    const d = diff(
      [{ number: 1, chantiers: [{ title: 'Prévenir', actions: [FALLS_HOME] }] }],
      [{ number: 1, chantiers: [{ title: 'Prévenir', actions: [FALLS_HOME, FALLS_EHPAD] }] }],
    );
    expect(d.actions.map((a) => a.type)).toEqual(['added']);
  });

  it('reports a funding change with the parsed amounts and delta', () => {
    const d = diff(
      [{ number: 6, chantiers: [{ title: 'Savoir-faire', actions: [{ action: VACCINATION, financement: 'FIR: 15.000 €' }] }] }],
      [{ number: 6, chantiers: [{ title: 'Savoir-faire', actions: [{ action: VACCINATION, financement: 'FIR: 20.000 €' }] }] }],
    );
    expect(d.actions).toHaveLength(1);
    expect(d.actions[0]).toMatchObject({ fields: ['financement'], funding: { before: 15000, after: 20000, delta: 5000 } });
    expect(d.summary.fundingTotal).toEqual({ before: 15000, after: 20000, delta: 5000 });
  });

  it('reports a funding that loses its amount with a null delta', () => {
    const d = diff(
      [{ number: 6, chantiers: [{ title: 'Savoir-faire', actions: [{ action: VACCINATION, financement: 'FIR : 15 000 €' }] }] }],
      [{ number: 6, chantiers: [{ title: 'Savoir-faire', actions: [{ action: VACCINATION, financement: 'FIR (montant à définir)' }] }] }],
    );
    expect(d.actions[0]!.funding).toEqual({ before: 15000, after: null, delta: null });
  });

  it('reports a reworded chantier title as renamed, without moving its actions', () => {
    const d = diff(
      [{ number: 3, chantiers: [{ title: 'Poursuivre les actions en faveur de la santé mentale des jeunes', actions: [VACCINATION, DAY_CARE] }] }],
      [{ number: 3, chantiers: [{ title: 'Poursuivre les actions en faveur de la santé mentale des jeunes et des étudiants', actions: [VACCINATION, DAY_CARE] }] }],
    );
    expect(d.chantiers).toEqual([
      {
        type: 'renamed',
        before: { axis: 3, chantier: 'Poursuivre les actions en faveur de la santé mentale des jeunes' },
        after: { axis: 3, chantier: 'Poursuivre les actions en faveur de la santé mentale des jeunes et des étudiants' },
      },
    ]);
    expect(d.actions).toEqual([]);
  });

  it('reports a chantier moved to another axis once, not each of its actions', () => {
    const d = diff(
      [
        { number: 1, chantiers: [{ title: 'Soutenir les aidants', actions: [DAY_CARE, FALLS_HOME] }] },
        { number: 7, chantiers: [{ title: 'Éducation thérapeutique', actions: [VACCINATION] }] },
      ],
      [{ number: 7, chantiers: [{ title: 'Éducation thérapeutique', actions: [VACCINATION] }, { title: 'Soutenir les aidants', actions: [DAY_CARE, FALLS_HOME] }] }],
    );
    expect(d.chantiers).toEqual([{ type: 'moved', before: { axis: 1, chantier: 'Soutenir les aidants' }, after: { axis: 7, chantier: 'Soutenir les aidants' } }]);
    expect(d.axes).toEqual([{ type: 'removed', number: 1, before: 'Axe 1', after: null }]);
    expect(d.actions).toEqual([]);
  });

  it('counts a changed digit as a modification', () => {
    const d = diff(
      [{ number: 4, chantiers: [{ title: 'Scolarité', actions: ['Ouverture de 5 places de SESSAD spécialisés TSA'] }] }],
      [{ number: 4, chantiers: [{ title: 'Scolarité', actions: ['Ouverture de 8 places de SESSAD spécialisés TSA'] }] }],
    );
    expect(d.actions).toHaveLength(1);
    expect(d.actions[0]!.textDiff!.filter((p) => p.op !== 'equal')).toEqual([
      { op: 'delete', text: '5' },
      { op: 'insert', text: '8' },
    ]);
  });
});
