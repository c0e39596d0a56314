import { LINE_END_HYPHEN } from '../../src/text/normalize.js';
import { resolveLineEndHyphens } from '../../src/text/hyphens.js';
import { describe, expect, it } from 'vitest';
import { isFdrError } from '../../src/errors/index.js';
import type { SourceInfo } from '../../src/model/index.js';
import { parseRoadmapText } from '../../src/documents/roadmap/index.js';
import { readTextDumpRoadmap } from '../../src/documents/roadmap/text-dump-reader.js';
import { joinCell, startsNewItem } from '../../src/documents/roadmap/text-dump/cells.js';
import { continuation, readRows } from '../../src/documents/roadmap/text-dump/columns.js';
import {
  ACTION,
  COMMENTAIRE,
  FINANCEMENT,
  INDICATEUR,
  isInfinitive,
  likeliestColumn,
  pieceFeatures,
  startsWithIndicatorHead,
} from '../../src/documents/roadmap/text-dump/features.js';
import { isPageFurniture, markerAt, readLayout, type TableLine } from '../../src/documents/roadmap/text-dump/layout.js';
import { boundaryCandidates, lineSplits } from '../../src/documents/roadmap/text-dump/split.js';

const width = { actionWidth: 50, blockWidth: 40, blockLines: 2 };

/** Table lines from a page written as it appears in a dump ("" = blank line). */
function page(...raw: string[]): TableLine[] {
  const out: TableLine[] = [];
  let blank = true;
  raw.forEach((text, index) => {
    if (!text) {
      blank = true;
      return;
    }
    out.push({ index, text, blankBefore: blank });
    blank = false;
  });
  return out;
}

function cellsOf(lines: TableLine[]) {
  return readRows(lines).map((row) => {
    const byColumn: { text: string; blankBefore: boolean }[][] = [[], [], [], []];
    for (const p of row.pieces) byColumn[p.column]!.push({ text: p.text, blankBefore: p.blankBefore });
    return {
      action: joinCell(ACTION, byColumn[0]!),
      financement: joinCell(FINANCEMENT, byColumn[1]!),
      indicateur: joinCell(INDICATEUR, byColumn[2]!),
      commentaire: joinCell(COMMENTAIRE, byColumn[3]!),
    };
  });
}

describe('column features', () => {
  it('tells infinitives from nouns that end like them', () => {
    for (const verb of ['Développer', 'Mettre', 'Garantir', 'Promouvoir', 'Structurer', 'Poursuivre', 'Construire']) expect(isInfinitive(verb), verb).toBe(true);
    for (const noun of ['Nombre', 'Ouverture', 'Centre', 'Dossier', 'Territoire', 'Partenaire', 'Filière', 'Cahier', 'Espoir', 'Acteur']) expect(isInfinitive(noun), noun).toBe(false);
  });

  it('knows how indicators open', () => {
    for (const t of ['Nb de réunions', 'nb d’appels reçus,', 'Nombre de places', 'Taux de couverture', '% de collégiens', 'Part des EHPAD', '- Nombre de visites'])
      expect(startsWithIndicatorHead(t), t).toBe(true);
    for (const t of ['Nbre', 'Partager les outils', 'Le taux est bas', 'Participation des usagers']) expect(startsWithIndicatorHead(t), t).toBe(false);
  });

  it('reads money, instruments and funding words', () => {
    const f = pieceFeatures('Crédits FIR 2025 : 62,5 M€', width);
    expect(f.money).toBe(1);
    expect(f.fundingSource).toBe(1);
    expect(f.fundingWord).toBe(1);
    expect(f.yearSpan).toBe(0);
    expect(pieceFeatures('12 millions d’euros sur la période 2024-2026', width)).toMatchObject({ money: 1, yearSpan: 1 });
    expect(pieceFeatures('Créer 27 places en 2024', width).money).toBe(0);
  });

  it('scores typical pieces into the column they belong to', () => {
    expect(likeliestColumn('PRIAC : 280 000 € par structure', width)).toBe(FINANCEMENT);
    expect(likeliestColumn('Subvention de la Métropole', width)).toBe(FINANCEMENT);
    expect(likeliestColumn('Nb de professionnels formés', width)).toBe(INDICATEUR);
    expect(likeliestColumn('% de la population couverte', width)).toBe(INDICATEUR);
    expect(likeliestColumn('Le dispositif est porté par le centre hospitalier.', width)).toBe(COMMENTAIRE);
    expect(likeliestColumn('Pour rappel, la mesure date de 2022.', width)).toBe(COMMENTAIRE);
    expect(likeliestColumn('Organiser des ateliers de prévention des chutes dans', { ...width, blockWidth: 52 })).toBe(ACTION);
  });
});

describe('line splitter', () => {
  it('cuts an action end, a funding phrase and an indicator written on one line', () => {
    const line = 'sur le canton de Bolbec 52 300€ pour la structure Ouverture de la structure';
    const cuts = boundaryCandidates(line).filter((b) => b.strength > 0);
    expect(cuts.map((b) => line.slice(b.at).split(' ')[0])).toEqual(['52', 'Ouverture']);
  });

  it('keeps the acronyms of a funding source with its amount', () => {
    const line = 'Maison des usagers de Canteleu CTSM FIR 12 000€ /an';
    const cut = boundaryCandidates(line).find((b) => b.kind === 'money-start');
    expect(line.slice(cut!.at)).toBe('CTSM FIR 12 000€ /an');
  });

  it('keeps a funding label before its amount ("Crédits FIR 2025 :")', () => {
    const line = 'dans leur projet de santé Crédits FIR 2025 : 12 000 € par MSP';
    const cut = boundaryCandidates(line).find((b) => b.kind === 'money-start');
    expect(line.slice(cut!.at)).toBe('Crédits FIR 2025 : 12 000 € par MSP');
  });

  it('cuts after a funding instrument alone and before an instrument at the end of a line', () => {
    expect(boundaryCandidates('CPOM Nombre de structures').map((b) => b.kind)).toEqual(['after-money']);
    const end = boundaryCandidates('hébergement temporaire (+ 4 places) FIR');
    expect(end).toEqual([expect.objectContaining({ kind: 'funding-source', at: 'hébergement temporaire (+ 4 places) '.length })]);
  });

  it('does not offer cuts inside names, labels or enumerations', () => {
    expect(boundaryCandidates('Groupement Hospitalier Territorial (GHT)')).toEqual([]);
    expect(boundaryCandidates('Maison 1000 premiers jours : 30 000€')).toEqual([]);
    expect(boundaryCandidates('Forfait de 45 000 euros par équipe pour la')).toEqual([]);
    expect(boundaryCandidates('Nb de formations déployées, Nb').filter((b) => b.strength > 0)).toEqual([]);
  });

  it('lists the whole line first, then one- and two-cut splits', () => {
    const splits = lineSplits('(Elbeuf / Oissel) 40 000 € par poste augmentation du nombre de');
    expect(splits[0]!.pieces).toHaveLength(1);
    expect(splits.some((s) => s.pieces.map((p) => p.text).join('|') === '(Elbeuf / Oissel)|40 000 € par poste|augmentation du nombre de')).toBe(true);
  });
});

describe('continuation between lines', () => {
  it('is strong when the previous line cannot end there', () => {
    expect(continuation('accompagnement des personnes de', 'plus de 75 ans')).toBe('strong');
    expect(continuation('centre médico-', 'social')).toBe('strong');
    expect(continuation('Projet (en lien avec la', 'Métropole)')).toBe('strong');
  });
  it('is a list after an announcing colon or another item', () => {
    expect(continuation('Deux volets :', '- une ligne dédiée ;')).toBe('list');
    expect(continuation('- une ligne dédiée ;', '- une équipe mobile', true)).toBe('list');
  });
  it('lets a new cell start after a finished sentence or a blank line', () => {
    expect(continuation('hospitalisation.', 'Le dispositif est porté')).toBe('none');
    expect(continuation('Nb de sessions', 'Nb de stagiaires')).toBe('none');
    expect(continuation('Action conduite avec le', 'Département', false, false)).toBe('strong');
    expect(continuation('des patients suivis par le GHT', 'Estuaire de la Seine', false, false)).toBe('soft');
    expect(continuation('des patients suivis par le GHT', 'Estuaire de la Seine', false, true)).toBe('none');
    expect(continuation('Nombre de passages', 'Délai moyen de réponse', false, false)).toBe('none');
  });
});

describe('readRows on hand-made pages', () => {
  it('rebuilds rows whose cells come one after the other, with empty cells', () => {
    const rows = cellsOf(
      page(
        'Organiser des ateliers de prévention des chutes dans',
        'les résidences autonomie du territoire',
        '',
        'FIR : 15 000 €',
        '',
        'Nb d’ateliers réalisés',
        'Nb de participants',
        '',
        'Les ateliers sont animés par',
        'des kinésithérapeutes.',
        '',
        'Former les aides à domicile au repérage de la',
        'dénutrition des personnes âgées',
        '',
        'Nombre d’aides à domicile formées',
      ),
    );
    expect(rows).toEqual([
      {
        action: 'Organiser des ateliers de prévention des chutes dans les résidences autonomie du territoire',
        financement: 'FIR : 15 000 €',
        indicateur: 'Nb d’ateliers réalisés\nNb de participants',
        commentaire: 'Les ateliers sont animés par des kinésithérapeutes.',
      },
      {
        action: 'Former les aides à domicile au repérage de la dénutrition des personnes âgées',
        financement: '',
        indicateur: 'Nombre d’aides à domicile formées',
        commentaire: '',
      },
    ]);
  });

  it('splits a line that holds the end of an action, a funding phrase and an indicator', () => {
    const rows = cellsOf(
      page(
        'Créer un poste de coordinateur de parcours en lien avec les',
        'équipes mobiles de gériatrie du territoire',
        '(Elbeuf / Oissel) 40 000 € par poste augmentation du nombre de',
        '',
        'parcours coordonnés',
        '',
        'Enjeu de fluidifier les sorties',
        'd’hospitalisation',
      ),
    );
    expect(rows).toEqual([
      {
        action: 'Créer un poste de coordinateur de parcours en lien avec les équipes mobiles de gériatrie du territoire (Elbeuf / Oissel)',
        financement: '40 000 € par poste',
        indicateur: 'augmentation du nombre de parcours coordonnés',
        commentaire: 'Enjeu de fluidifier les sorties d’hospitalisation',
      },
    ]);
  });

  it('keeps a list announced by the action inside the action', () => {
    const rows = cellsOf(
      page(
        'Développer la pair-aidance dans les services de',
        'psychiatrie :',
        '- recruter deux médiateurs de santé pairs ;',
        '',
        '- organiser leur formation.',
        '',
        'Nb de médiateurs recrutés',
      ),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.action).toBe('Développer la pair-aidance dans les services de psychiatrie :\n- recruter deux médiateurs de santé pairs ;\n- organiser leur formation.');
    expect(rows[0]!.indicateur).toBe('Nb de médiateurs recrutés');
  });
});

describe('joinCell', () => {
  it('puts each indicator on its own line and joins wrapped ones', () => {
    expect(
      joinCell(INDICATEUR, [
        { text: 'Nb de places créées sur', blankBefore: false },
        { text: 'le territoire', blankBefore: false },
        { text: 'Taux d’occupation ;', blankBefore: true },
        { text: 'Délai d’attente', blankBefore: false },
      ]),
    ).toBe('Nb de places créées sur le territoire\nTaux d’occupation ;\nDélai d’attente');
  });
  it('puts each funding line on its own line, not the parts of one', () => {
    expect(
      joinCell(FINANCEMENT, [
        { text: 'PRIAC 2024-2026', blankBefore: false },
        { text: '30 000 euros par place', blankBefore: false },
        { text: '(dont 10 000 € ARS)', blankBefore: false },
        { text: 'Cofinancement Région', blankBefore: true },
      ]),
    ).toBe('PRIAC 2024-2026\n30 000 euros par place (dont 10 000 € ARS)\nCofinancement Région');
  });
  it('rejoins a real hyphen at the end of a line, before a capital too', () => {
    expect(joinCell(COMMENTAIRE, [{ text: 'projets validés en Seine-', blankBefore: false }, { text: 'Maritime', blankBefore: false }])).toBe('projets validés en Seine-Maritime');
    // A lower-case word after the hyphen: only the whole document can tell a real hyphen from a soft one.
    const cell = joinCell(COMMENTAIRE, [{ text: 'secteur médico-', blankBefore: false }, { text: 'social', blankBefore: false }]);
    expect(cell).toBe(`secteur médico${LINE_END_HYPHEN}social`);
    expect(resolveLineEndHyphens({ cell })).toEqual({ cell: 'secteur médico-social' });
  });
  it('starts a new line of an action after a finished sentence', () => {
    expect(startsNewItem(ACTION, 'régionale.', 'Installer un comité')).toBe(true);
    expect(startsNewItem(ACTION, 'les acteurs', 'Installer un comité')).toBe(false);
    expect(startsNewItem(COMMENTAIRE, 'régionale.', 'Le comité')).toBe(false);
  });
});

describe('page layout', () => {
  it('finds an axis marker wrapped over three lines', () => {
    expect(markerAt(['Action', 'prioritaire', '', '#4'], 0)).toEqual({ number: 4, first: 0, last: 3 });
    expect(markerAt(['Action prioritaire #11'], 0)).toEqual({ number: 11, first: 0, last: 0 });
    expect(markerAt(['Action', 'en faveur des aidants'], 0)).toBeUndefined();
  });

  it('knows the running footer', () => {
    expect(isPageFurniture(' 14 de Rouen-ElbeufFeuille de route territoriale')).toBe(true);
    expect(isPageFurniture('12 | Feuille de route départementale du Calvados')).toBe(true);
    expect(isPageFurniture('cette feuille de route territoriale 2024/2025 qui a vocation à être alimentée')).toBe(false);
  });

  const dump = [
    'Action',
    'prioritaire',
    '',
    '#7',
    '',
    'Développer et renforcer l’autonomie et la capacité',
    'des personnes malades et de leurs aidants',
    '',
    '2023-2028',
    '',
    'Projet régional',
    'de santé',
    'Normandie',
    '',
    'Actions Financement Indicateur Commentaires',
    '',
    'Déployer des programmes d’éducation thérapeutique dans',
    'les maisons de santé du territoire',
    '',
    'Nb de programmes autorisés',
    '',
    ' 9 de DieppeFeuille de route territoriale',
    '',
    'Engagements du CTS',
    '',
    'Chantier :',
    'Permettre aux patients de mieux vivre avec leur',
    'maladie chronique',
    '',
    'Action',
    'prioritaire',
    '',
    '#7',
  ].join('\n');

  it('attaches the band after a table to that table, and reads the divider title after its marker', () => {
    const layout = readLayout(dump);
    expect(layout.segments).toHaveLength(1);
    expect(layout.segments[0]!.band?.chantier?.title).toBe('Permettre aux patients de mieux vivre avec leur maladie chronique');
    expect(layout.segments[0]!.band?.axis?.number).toBe(7);
    expect(layout.segments[0]!.furniture).toEqual([21]);
    expect(layout.dividers.map((d) => [d.marker.number, d.title?.text])).toEqual([[7, 'Développer et renforcer l’autonomie et la capacité des personnes malades et de leurs aidants']]);
  });

  it('reads the divider title before its marker when nothing follows it', () => {
    const layout = readLayout(['2023-2028', '', 'Projet régional', 'de santé', 'Normandie', '', 'Améliorer la santé mentale', 'des Normands', '', 'Action', 'prioritaire', '', '#3', '', 'Actions Financement Indicateur Commentaires'].join('\n'));
    expect(layout.dividers[0]!.title?.text).toBe('Améliorer la santé mentale des Normands');
  });

  it('gives the reader blocks in logical order, provenance, and the footer as prose only', () => {
    const reading = readTextDumpRoadmap(dump);
    expect(reading.blocks.map((b) => b.type)).toEqual(['axis', 'axis', 'chantier', 'row']);
    const row = reading.blocks[3]!;
    expect(row.type === 'row' && row.cells).toEqual({
      action: 'Déployer des programmes d’éducation thérapeutique dans les maisons de santé du territoire',
      financement: '',
      indicateur: 'Nb de programmes autorisés',
      commentaire: '',
    });
    expect(row.type === 'row' && row.at).toEqual({ lines: [17, 20], cells: { action: { lines: [17, 18] }, indicateur: { lines: [20, 20] } } });
    expect(reading.axisTitles.get(7)?.title).toBe('Développer et renforcer l’autonomie et la capacité des personnes malades et de leurs aidants');
    const prose = reading.prose.map((p) => p.text);
    expect(prose).toContain(' 9 de DieppeFeuille de route territoriale');
    expect(prose.some((t) => t.includes('Nb de programmes'))).toBe(false);
  });

  it('reads a header the converter broke into one word a line', () => {
    const layout = readLayout(['Actions', 'Financement', 'Indicateur', 'Commentaires', '', 'Créer une équipe mobile', '', 'Nb de visites'].join('\n'));
    expect(layout.segments).toHaveLength(1);
    expect(layout.segments[0]!.lines.map((l) => l.text)).toEqual(['Créer une équipe mobile', 'Nb de visites']);
  });
});

describe('a text dump without a roadmap table', () => {
  const source: SourceInfo = { file: 'note.txt', sha256: '0'.repeat(64), format: 'text' };
  const text = ['Feuille de route territoriale de Dieppe', '', 'Le Conseil territorial de santé se réunira en mars.', 'Action', 'prioritaire', '#2'].join('\n');

  it('yields no rows', () => {
    expect(readTextDumpRoadmap(text).blocks.filter((b) => b.type === 'row')).toEqual([]);
    expect(readTextDumpRoadmap('').blocks).toEqual([]);
  });

  it('makes the caller raise NO_ROADMAP_TABLE', () => {
    let error: unknown;
    try {
      parseRoadmapText(text, source);
    } catch (e) {
      error = e;
    }
    expect(isFdrError(error) && error.code).toBe('NO_ROADMAP_TABLE');
  });

  it('folds a chantier continued on a second page into one', () => {
    const band = ['Engagements du CTS', '', 'Chantier :', 'Aller vers les publics éloignés du soin', '', 'Action', 'prioritaire', '', '#5', ''];
    const doc = parseRoadmapText(
      [
        'Actions Financement Indicateur Commentaires',
        '',
        'Déployer un bus de santé dans les quartiers prioritaires',
        '',
        'Nombre de passages',
        ...band,
        'Actions Financement Indicateur Commentaires',
        '',
        'Renforcer les permanences d’accès aux soins de santé',
        '',
        'File active',
        ...band,
      ].join('\n'),
      source,
    );
    expect(doc.axes.map((a) => [a.number, a.chantiers.map((c) => [c.title, c.actions.map((x) => x.indicateur)])])).toEqual([
      [5, [['Aller vers les publics éloignés du soin', ['Nombre de passages', 'File active']]]],
    ]);
  });
});
