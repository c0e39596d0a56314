#!/usr/bin/env node
// Makes synthetic "next edition" roadmaps from the gold transcriptions, to test `fdr diff`:
// each edition is a copy of a 2024 gold roadmap with a list of edits applied (add, remove, reword, move to
// another chantier or axis, re-fund, split a row in two, merge two rows, and typography-only changes that
// a diff must NOT report). Writes, for each:
//   fixtures/editions/<name>-2025.gold.json    the edited roadmap (gold format)
//   fixtures/editions/<name>-2025.edits.json   the edits applied and the changes a perfect diff reports
//
//   node scripts/make-editions.mjs [--check] [--pdf]
//     --check  write nothing; exit 1 if a JSON file is stale
//     --pdf    also print each edition to fixtures/editions/<name>-2025.territorial.pdf with the fixture renderer
//              (scripts/render-fixtures.mjs, chromium): the renderer is run on a temporary gold folder where
//              the edition stands in for the 2024 gold file of its territory, and its territorial PDF is kept.
//
// The expected changes are derived here from the edit list and object identity, never from fdr's diff code.
// Funding amounts before/after are hand-written in the edit list (read off the cell by a person).

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'fixtures/editions');
const NBSP = '\u00a0';

/** @typedef {{ action: string, financement: string, indicateur: string, commentaire: string }} Row */

const EDITIONS = [
  {
    name: 'le-havre',
    gold: 'fixtures/gold/le-havre-2024.gold.json',
    edits: [
      { op: 'set', field: 'period', value: '2025-2026' },
      {
        op: 'add',
        to: { axis: 1, chantier: 'Prévenir et anticiper' },
        row: {
          action: 'Déployer le programme ICOPE dans les EHPAD du territoire et former leurs équipes au repérage des fragilités',
          financement: 'FIR : 25 000 €',
          indicateur: 'Nombre d’EHPAD engagés',
          commentaire: '',
        },
      },
      {
        op: 'add',
        to: { axis: 12, newChantier: 'Sensibiliser les habitants aux enjeux de santé environnementale' },
        row: {
          action: 'Organiser des ateliers grand public sur la qualité de l’air intérieur avec les communes du territoire',
          financement: '',
          indicateur: 'Nombre d’ateliers organisés',
          commentaire: '',
        },
      },
      { op: 'remove', find: 'Poursuivre l’optimisation des dispositifs de gestion des lits' },
      { op: 'remove', find: 'Développer l’éducation à la santé pour l’ensemble des publics' },
      {
        op: 'reword',
        find: 'Créer une Unité d\'accueil pédiatrique',
        field: 'action',
        replace: [
          ['Créer une Unité', 'Ouvrir une Unité'],
          ['du Havre', 'du Havre et de Fécamp'],
        ],
      },
      {
        op: 'reword',
        find: 'Structurer une démarche d’accompagnement afin de favoriser',
        field: 'action',
        replace: [['créer un guichet visant à favoriser', 'ouvrir un guichet unique pour faciliter']],
      },
      {
        op: 'reword',
        find: 'Poursuivre l’accompagnement de l’installation du Groupe d’Entraide Mutuelle',
        field: 'indicateur',
        replace: [['', 'Nombre d’adhérents du GEM\n']],
      },
      { op: 'move', find: 'Favoriser l’accompagnement du développement d’actions de prévention en direction des adolescents', to: { axis: 6, chantier: 'Renforcer le savoir-faire' } },
      { op: 'move', find: 'groupe de travail territorial sur la bronchiolite', to: { axis: 6, chantier: 'Renforcer l’offre de prévention' } },
      {
        op: 'refund',
        find: 'Développer l’offre de Pôles d’Activités et de Soins Adaptés',
        financement: 'PRIAC 2023 / 2027\n80 000 euros par PASA',
        before: 65000,
        after: 80000,
      },
      {
        op: 'refund',
        find: 'partager une culture commune et mettre en œuvre de l\'ETP',
        financement: 'ARS – contractualisation avec l’opérateur « Planeth Patient »\n18 000€ pour le territoire',
        before: 13500,
        after: 18000,
      },
      {
        op: 'split',
        find: 'Faciliter l’accès aux droits des personnes en situation de handicap',
        into: [
          {
            action:
              'Faciliter l’accès aux droits des personnes en situation de handicap : Identifier les actions à mener pour faciliter la complétude par le médecin des 1ères demandes de dossier MDPH',
            keep: true,
          },
          { action: 'Poursuivre le groupe de travail initié dans le cadre du CTS – CNR', financement: '', indicateur: 'Nb de réunions du groupe de travail', commentaire: '' },
        ],
      },
      {
        op: 'merge',
        find: ['Animer un COTECH Prévention et Promotion de la Santé', 'Veiller à mettre en œuvre des actions agissant sur les déterminants'],
        action:
          'Animer un COTECH Prévention et Promotion de la Santé (PPS) composé de membres du Comité Technique de Promotion de la Santé (CTPS) et du Conseil territorial de Santé (CTS) sur le territoire de démocratie sanitaire du Havre afin de travailler en proximité sur des priorités et des objectifs en Prévention Promotion de la Santé, et veiller à mettre en œuvre des actions agissant sur les déterminants de santé (addiction/santé mentale / nutrition / accès aux soins/ coopération) dans les contrats de ville du territoire, en direction des habitants des quartiers en politique de la ville',
      },
      // Typography only: none of these may be reported.
      { op: 'typography', find: 'Accompagnement de la réforme des services à domicile', field: 'action', how: 'quotes' },
      { op: 'typography', find: 'Développer les alternatives favorisant le maintien à domicile de type EHPAD', field: 'financement', how: 'spacing' },
      { op: 'typography', find: 'Mener une expérimentation avec les instituts de formation', field: 'financement', how: 'dashes' },
      { op: 'typography', find: 'Renforcer l’accès aux soins bucco dentaires', field: 'action', how: 'wrap' },
      { op: 'typography', find: 'Repérer les personnes les plus fragiles sur les territoires', field: 'commentaire', how: 'nbsp' },
      { op: 'typography-chantier', chantier: { axis: 1, chantier: 'Prévenir et anticiper' }, how: 'quotes' },
      { op: 'typography-axis', axis: 1, how: 'quotes' },
    ],
  },
  {
    name: 'calvados',
    gold: 'fixtures/gold/calvados-2024.gold.json',
    edits: [
      { op: 'set', field: 'period', value: '2025-2026' },
      {
        op: 'add',
        to: { axis: 2, chantier: 'Apporter aux habitants une réponse efficace' },
        row: {
          action: 'Déploiement de la télé-expertise dermatologique en lien avec les CPTS',
          financement: 'FIR : 50 000 €',
          indicateur: 'Nombre de télé-expertises réalisées',
          commentaire: '',
        },
      },
      {
        op: 'add',
        to: {
          newAxis: 11,
          axisTitle:
            'Accompagner les établissements et les professionnels dans leurs transformations structurelles en encourageant notamment le virage numérique et les innovations',
          newChantier: 'Soutenir le virage numérique en santé',
        },
        row: {
          action: 'Accompagnement des établissements médico-sociaux dans le déploiement du dossier usager informatisé',
          financement: 'CNR : 120 000 €',
          indicateur: 'Nombre d\'établissements équipés',
          commentaire: '',
        },
      },
      { op: 'remove', find: 'mise en place d\'un groupe de travail du PTSM concernant les modalités de transport' },
      { op: 'remove', find: 'Renforcement de l\'offre de répit au bénéfice des aidants' },
      {
        op: 'reword',
        find: 'Développement de l\'offre en matière d\'accueil de jour',
        field: 'action',
        replace: [['accueil de jour', 'accueil de jour et d\'hébergement temporaire']],
      },
      { op: 'reword', find: 'Ouverture de 5 places de SESSAD', field: 'action', replace: [['Ouverture de 5 places', 'Ouverture de 8 places']] },
      { op: 'move', find: 'Déploiement du dispositif « infirmier relai »', to: { axis: 1, chantier: 'Garantir l\'accès aux soins et aux accompagnements' } },
      { op: 'move', find: 'Former les professionnels qui interviennent en direction des jeunes au RPIB', to: { axis: 6, chantier: 'Développer la prévention, la promotion' } },
      {
        op: 'reword',
        find: 'Former les professionnels qui interviennent en direction des jeunes au RPIB',
        field: 'action',
        replace: [['des jeunes au RPIB', 'des jeunes et des étudiants au RPIB']],
      },
      { op: 'refund', find: 'Former et sensibiliser les professionnels intervenant auprès des enfants', financement: 'FIR: 20.000 €', before: 15000, after: 20000 },
      { op: 'refund', find: 'Mise en place du Service d\'Accès aux Soins (SAS)', financement: '520 000 € pour l\'année 2025', before: 490000, after: 520000 },
      {
        op: 'split',
        find: 'Renforcement des dispositifs d\'addictologie en milieu pénitentiaire',
        into: [
          { action: 'Renforcement des dispositifs d\'addictologie en milieu pénitentiaire.', keep: true },
          {
            action: 'Renforcement des dispositifs d\'addictologie auprès des sortants de détention.',
            financement: '',
            indicateur: 'Nombre de sortants de détention accompagnés',
            commentaire: '',
          },
        ],
      },
      {
        op: 'split',
        find: 'Promotion du dispositif d\'accueil unique des médecins',
        into: [
          { action: 'Promotion du dispositif d\'accueil unique des médecins lors de leur installation', keep: true },
          { action: 'Favoriser l\'installation et le maintien des professionnels sur le territoire', financement: '', indicateur: '', commentaire: '' },
        ],
      },
      {
        op: 'merge',
        find: ['Mise en place d\'un comité de suivi du lien ville', 'Promotion de l\'intervention à domicile des équipes mobiles gériatriques'],
        action:
          'Mise en place d\'un comité de suivi du lien ville - Hôpital – Ehpad en lien avec les communautés professionnelles territoriales de santé (CPTS) et les dispositifs d\'appui à la coordination (DAC), et promotion de l\'intervention à domicile des équipes mobiles gériatriques',
      },
      // Typography only: none of these may be reported.
      { op: 'typography', find: 'Promotion des dispositifs « d\'aller vers »', field: 'action', how: 'quotes' },
      { op: 'typography', find: 'Développement de l\'offre de soins palliatifs', field: 'financement', how: 'nbsp' },
      { op: 'typography', find: 'Développement de l\'accès des personnes souffrants de pathologies chroniques', field: 'financement', how: 'nbsp' },
      { op: 'typography', find: 'Création d\'une offre d\'équipe mobile Médico-Sociale', field: 'action', how: 'wrap' },
      { op: 'typography', find: 'Création de 20 places de Foyer d\'Accueil Médicalisé', field: 'commentaire', how: 'spacing' },
      { op: 'typography', find: 'Suivi et développement de l\'exercice coordonné des soins', field: 'action', how: 'dashes' },
      { op: 'typography-chantier', chantier: { axis: 1, chantier: 'Prévenir et anticiper' }, how: 'quotes' },
    ],
  },
];

// ---------------------------------------------------------------------------------------------------
// Typography transforms: same words, other spelling.

const TYPOGRAPHY = {
  /** Straight apostrophes become curly ones and back; « » become " ". */
  quotes: (s) => {
    const swapped = s.includes('’') ? s.replace(/’/g, "'") : s.replace(/'/g, '’');
    return swapped.replace(/«\s*/g, '"').replace(/\s*»/g, '"');
  },
  /** Spaces doubled, and a space added before € or removed after a digit group. */
  spacing: (s) => s.replace(/(\d)€/g, '$1 €').replace(/ (?=[A-Za-zÀ-ÿ])/, '  ').replace(/ de /, ' de  '),
  /** En dash ↔ hyphen, slash spacing. */
  dashes: (s) => (s.includes('–') ? s.replace(/–/g, '-') : s.replace(/ - /g, ' – ').replace(/\//g, ' / ')),
  /** The text wrapped differently: a line break in the middle instead of a space. */
  wrap: (s) => {
    const mid = s.indexOf(' ', Math.floor(s.length / 2));
    return mid < 0 ? s : `${s.slice(0, mid)}\n${s.slice(mid + 1)}`;
  },
  /** Non-breaking spaces where a French typesetter puts them (before : ; € and inside numbers). */
  nbsp: (s) => s.replace(/ ([:;€!?»])/g, `${NBSP}$1`).replace(/(\d) (\d{3})/g, `$1${NBSP}$2`).replace(/« /g, `«${NBSP}`),
};

// ---------------------------------------------------------------------------------------------------

function fail(message) {
  console.error(`make-editions: ${message}`);
  process.exit(2);
}

function allRows(doc) {
  return doc.axes.flatMap((axis) => axis.chantiers.flatMap((chantier) => chantier.actions.map((row) => ({ axis, chantier, row }))));
}

function findRow(doc, needle) {
  const hits = allRows(doc).filter((h) => h.row.action.includes(needle));
  if (hits.length !== 1) fail(`"${needle}" matches ${hits.length} actions, expected exactly 1`);
  return hits[0];
}

function findChantier(doc, where) {
  const axis = doc.axes.find((a) => a.number === where.axis);
  if (!axis) fail(`no axis #${where.axis}`);
  const hits = axis.chantiers.filter((c) => c.title.startsWith(where.chantier));
  if (hits.length !== 1) fail(`chantier "${where.chantier}" of axis #${where.axis} matches ${hits.length} chantiers`);
  return { axis, chantier: hits[0] };
}

/** Where a row is, or should go: an existing chantier, or a new chantier (and axis) created on the way. */
function target(doc, to) {
  if (to.newAxis) {
    if (doc.axes.some((a) => a.number === to.newAxis)) fail(`axis #${to.newAxis} already exists`);
    const axis = { number: to.newAxis, title: to.axisTitle, chantiers: [] };
    doc.axes.push(axis);
    doc.axes.sort((a, b) => a.number - b.number);
    const chantier = { title: to.newChantier, actions: [] };
    axis.chantiers.push(chantier);
    return { axis, chantier };
  }
  if (to.newChantier) {
    const axis = doc.axes.find((a) => a.number === to.axis);
    if (!axis) fail(`no axis #${to.axis}`);
    const chantier = { title: to.newChantier, actions: [] };
    axis.chantiers.push(chantier);
    return { axis, chantier };
  }
  return findChantier(doc, to);
}

function cellsOf(row) {
  return { action: row.action, financement: row.financement, indicateur: row.indicateur, commentaire: row.commentaire };
}

function place(axis, chantier) {
  return { axis: axis.number, chantier: chantier.title };
}

function locate(doc, row) {
  for (const axis of doc.axes) for (const chantier of axis.chantiers) if (chantier.actions.includes(row)) return { axis, chantier };
  return null;
}

function makeEdition(spec) {
  const gold = JSON.parse(readFileSync(join(ROOT, spec.gold), 'utf8'));
  const doc = structuredClone(gold);
  doc.source = `${spec.name}-2025 (synthetic next edition of ${spec.gold}, made by scripts/make-editions.mjs)`;

  // Where every original row, chantier and axis was, by identity, before any edit.
  const originalRows = new Map(allRows(doc).map((h) => [h.row, { place: place(h.axis, h.chantier), text: h.row.action }]));
  const originalChantiers = new Map(doc.axes.flatMap((a) => a.chantiers.map((c) => [c, place(a, c)])));
  const originalAxes = new Map(doc.axes.map((a) => [a, a.number]));

  const added = new Set();
  const removed = [];
  const modified = new Map(); // row → Set of fields
  const refunds = new Map(); // row → { before, after }
  const splits = [];
  const merges = [];
  const log = [];

  const markModified = (row, field) => {
    if (!modified.has(row)) modified.set(row, new Set());
    modified.get(row).add(field);
  };

  for (const edit of spec.edits) {
    switch (edit.op) {
      case 'set':
        log.push({ op: 'set', field: edit.field, before: doc[edit.field], after: edit.value });
        doc[edit.field] = edit.value;
        break;
      case 'add': {
        const { axis, chantier } = target(doc, edit.to);
        const row = { ...edit.row };
        chantier.actions.push(row);
        added.add(row);
        log.push({ op: 'add', to: place(axis, chantier), action: row.action });
        break;
      }
      case 'remove': {
        const { axis, chantier, row } = findRow(doc, edit.find);
        chantier.actions.splice(chantier.actions.indexOf(row), 1);
        removed.push({ ...place(axis, chantier), action: row.action });
        log.push({ op: 'remove', from: place(axis, chantier), action: row.action });
        break;
      }
      case 'reword': {
        const { row } = findRow(doc, edit.find);
        const before = row[edit.field];
        let after = before;
        for (const [from, to] of edit.replace) {
          if (from === '') after = to + after;
          else if (!after.includes(from)) fail(`reword: "${from}" not in the ${edit.field} of "${edit.find}"`);
          else after = after.replace(from, to);
        }
        row[edit.field] = after;
        markModified(row, edit.field);
        log.push({ op: 'reword', field: edit.field, before, after });
        break;
      }
      case 'move': {
        const from = findRow(doc, edit.find);
        const to = target(doc, edit.to);
        if (to.chantier === from.chantier) fail(`move: "${edit.find}" is already there`);
        from.chantier.actions.splice(from.chantier.actions.indexOf(from.row), 1);
        to.chantier.actions.push(from.row);
        log.push({ op: 'move', action: from.row.action, from: place(from.axis, from.chantier), to: place(to.axis, to.chantier) });
        break;
      }
      case 'refund': {
        const { row } = findRow(doc, edit.find);
        log.push({ op: 'refund', action: row.action, before: row.financement, after: edit.financement, amounts: [edit.before, edit.after] });
        row.financement = edit.financement;
        markModified(row, 'financement');
        refunds.set(row, { before: edit.before, after: edit.after });
        break;
      }
      case 'split': {
        const { chantier, row } = findRow(doc, edit.find);
        const parts = edit.into.map((p) => (p.keep ? { ...cellsOf(row), action: p.action } : { ...p }));
        chantier.actions.splice(chantier.actions.indexOf(row), 1, ...parts);
        splits.push({ action: row.action, parts });
        log.push({ op: 'split', action: row.action, into: parts.map((p) => p.action) });
        break;
      }
      case 'merge': {
        const hits = edit.find.map((needle) => findRow(doc, needle));
        const [a, b] = hits;
        if (a.chantier !== b.chantier || a.chantier.actions.indexOf(b.row) !== a.chantier.actions.indexOf(a.row) + 1)
          fail('merge: the two rows must be consecutive in one chantier');
        const join = (x, y) => [x, y].filter((s) => s.trim()).join('\n');
        const merged = {
          action: edit.action,
          financement: join(a.row.financement, b.row.financement),
          indicateur: join(a.row.indicateur, b.row.indicateur),
          commentaire: join(a.row.commentaire, b.row.commentaire),
        };
        a.chantier.actions.splice(a.chantier.actions.indexOf(a.row), 2, merged);
        merges.push({ from: [a.row.action, b.row.action], row: merged });
        log.push({ op: 'merge', from: [a.row.action, b.row.action], action: edit.action });
        break;
      }
      case 'typography': {
        const { row } = findRow(doc, edit.find);
        const before = row[edit.field];
        const after = TYPOGRAPHY[edit.how](before);
        if (after === before) fail(`typography "${edit.how}" changes nothing in the ${edit.field} of "${edit.find}"`);
        row[edit.field] = after;
        log.push({ op: 'typography', how: edit.how, field: edit.field, action: row.action, before, after });
        break;
      }
      case 'typography-chantier': {
        const { chantier } = findChantier(doc, edit.chantier);
        const before = chantier.title;
        chantier.title = TYPOGRAPHY[edit.how](before);
        if (chantier.title === before) fail(`typography "${edit.how}" changes nothing in chantier "${before}"`);
        log.push({ op: 'typography', how: edit.how, field: 'chantier title', before, after: chantier.title });
        break;
      }
      case 'typography-axis': {
        const axis = doc.axes.find((a) => a.number === edit.axis);
        const before = axis.title;
        axis.title = TYPOGRAPHY[edit.how](before);
        if (axis.title === before) fail(`typography "${edit.how}" changes nothing in axis #${edit.axis}`);
        log.push({ op: 'typography', how: edit.how, field: 'axis title', before, after: axis.title });
        break;
      }
      default:
        fail(`unknown op ${edit.op}`);
    }
  }

  // A chantier (or axis) left empty by the edits is gone from the new edition.
  for (const axis of doc.axes) axis.chantiers = axis.chantiers.filter((c) => c.actions.length > 0);
  doc.axes = doc.axes.filter((a) => a.chantiers.length > 0);

  // The changes a perfect diff reports, from the bookkeeping above.
  const expected = [];
  for (const edit of log) if (edit.op === 'set') expected.push({ type: 'document', field: edit.field, before: edit.before, after: edit.after });
  for (const [axis, number] of originalAxes) if (!doc.axes.includes(axis)) expected.push({ type: 'axis-removed', axis: number });
  for (const axis of doc.axes) if (!originalAxes.has(axis)) expected.push({ type: 'axis-added', axis: axis.number });
  const finalChantiers = new Set(doc.axes.flatMap((a) => a.chantiers));
  for (const [chantier, at] of originalChantiers) if (!finalChantiers.has(chantier)) expected.push({ type: 'chantier-removed', ...at });
  for (const axis of doc.axes)
    for (const chantier of axis.chantiers) if (!originalChantiers.has(chantier)) expected.push({ type: 'chantier-added', ...place(axis, chantier) });
  for (const r of removed) expected.push({ type: 'removed', ...r });
  for (const s of splits) expected.push({ type: 'split', action: s.action, into: s.parts.map((p) => p.action) });
  for (const m of merges) expected.push({ type: 'merged', from: m.from, action: m.row.action });
  for (const axis of doc.axes)
    for (const chantier of axis.chantiers)
      for (const row of chantier.actions) {
        const here = place(axis, chantier);
        if (added.has(row)) {
          expected.push({ type: 'added', ...here, action: row.action });
          continue;
        }
        const original = originalRows.get(row);
        if (!original) continue; // a split part or merged row: reported by its split/merge
        for (const field of modified.get(row) ?? []) expected.push({ type: 'modified', field, action: row.action });
        const from = original.place;
        const chantierNow = locate(doc, row).chantier;
        const moved = originalChantiers.get(chantierNow);
        if (!moved || moved.axis !== from.axis || moved.chantier !== from.chantier)
          expected.push({ type: 'moved', from, to: here, action: row.action });
        const refund = refunds.get(row);
        if (refund) expected.push({ type: 'funding', before: refund.before, after: refund.after, action: row.action });
      }

  return {
    roadmap: doc,
    edits: {
      description: `Edits applied to ${spec.gold} to make fixtures/editions/${spec.name}-2025.gold.json (scripts/make-editions.mjs)`,
      old: spec.gold,
      new: `fixtures/editions/${spec.name}-2025.gold.json`,
      edits: log,
      expected,
    },
  };
}

const check = process.argv.includes('--check');
const stale = [];
mkdirSync(OUT, { recursive: true });
for (const spec of EDITIONS) {
  const { roadmap, edits } = makeEdition(spec);
  const files = [
    [join(OUT, `${spec.name}-2025.gold.json`), `${JSON.stringify(roadmap, null, 2)}\n`],
    [join(OUT, `${spec.name}-2025.edits.json`), `${JSON.stringify(edits, null, 2)}\n`],
  ];
  for (const [file, text] of files) {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
    if (current === text) continue;
    if (check) stale.push(file);
    else {
      writeFileSync(file, text);
      console.log(`make-editions: wrote ${file} (${edits.expected.length} expected changes)`);
    }
  }
}
if (process.argv.includes('--pdf') && !check) renderPdfs();

/** Prints the editions with the fixture renderer, which reads `<gold>/<territory>-2024.gold.json`. */
function renderPdfs() {
  const work = mkdtempSync(join(tmpdir(), 'fdr-editions-'));
  try {
    const gold = join(work, 'gold');
    const out = join(work, 'out');
    mkdirSync(gold);
    // The renderer also prints the restitution brochure: give it the real one.
    copyFileSync(join(ROOT, 'fixtures/gold/normandie-restitution-2022.gold.json'), join(gold, 'normandie-restitution-2022.gold.json'));
    for (const spec of EDITIONS) copyFileSync(join(OUT, `${spec.name}-2025.gold.json`), join(gold, `${spec.name}-2024.gold.json`));
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/render-fixtures.mjs'), '--gold', gold, '--out', out], { stdio: 'inherit' });
    if (r.status !== 0) fail(`the renderer failed (exit ${r.status})`);
    for (const spec of EDITIONS) {
      const target = join(OUT, `${spec.name}-2025.territorial.pdf`);
      copyFileSync(join(out, `${spec.name}-2024.territorial.pdf`), target);
      console.log(`make-editions: wrote ${target}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (stale.length) {
  console.error(`make-editions: stale: ${stale.join(', ')} (run node scripts/make-editions.mjs)`);
  process.exit(1);
}
