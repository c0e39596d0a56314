// Layout of a CNR santé restitution brochure (gold kind "restitution") as neutral blocks (./blocks.mjs), under
// seeded layout parameters: heading case, column counts, how places and key figures are set, list markers.
// The prose around the gold's lists is the brochure's own (as in scripts/fixture-templates/restitution.html);
// everything the scorer checks comes from the gold.
import { groupThousands, prng } from './blocks.mjs';

/**
 * @typedef {object} RestitutionParams
 * @property {number} seed
 * @property {'upper'|'as-is'} headingCase        theme and section headings in capitals or as written
 * @property {1|2|3} introColumns                 columns of the front sections (édito, CNR, traduction)
 * @property {1|2|3} propositionColumns           columns of each theme's proposition section
 * @property {'list'|'columns'|'runin'} places    workshop places as a list, in columns, or on one run-in line
 * @property {2|3|4} placeColumns                 with places "columns"
 * @property {string} runinSeparator              with places "runin": " · ", ", ", " – ", " ; "
 * @property {'grid'|'lines'} figures             key figures as a grid of big numbers, or as sentences
 * @property {2|3|4} figureColumns                with figures "grid"
 * @property {string} thousands                   thousands separator: " ", NBSP, narrow NBSP, thin space
 * @property {'•'|'–'|'engine'|'1.'} marker       list markers (engine: the producer's list engine)
 * @property {boolean} kicker                     "PROPOSITIONS CONVERGENTES DES 18 ATELIERS" above each scope heading
 * @property {boolean} sharesInOneCell            the four participant shares in one grid cell (a 2×2 grid)
 */

/** @returns {RestitutionParams} */
export function variantParams(seed) {
  const r = prng((seed * 2246822519 + 3) >>> 0);
  return {
    seed,
    headingCase: r.chance(0.5) ? 'upper' : 'as-is',
    introColumns: r.pick([1, 2, 2, 3]),
    propositionColumns: r.pick([1, 2, 2, 3]),
    places: r.pick(['list', 'columns', 'runin']),
    placeColumns: r.pick([2, 3, 4]),
    runinSeparator: r.pick([' · ', ', ', ' – ', ' ; ']),
    figures: r.chance(0.7) ? 'grid' : 'lines',
    figureColumns: r.pick([2, 3, 4]),
    thousands: r.pick([' ', '\u00a0', '\u202f', '\u2009']),
    marker: r.pick(['•', '•', '–', 'engine', '1.']),
    kicker: r.chance(0.6),
    sharesInOneCell: r.chance(0.3),
  };
}

const deOf = (w) => (/^[aeiouyéèêàâîôûh]/i.test(w) ? `d’${w}` : `de ${w}`);
const heading = (P, text) => (P.headingCase === 'upper' ? text.toLocaleUpperCase('fr') : text);
const sig = (s) => (s ? [{ t: 'p', bold: true, text: `${s.name}, ${s.role}` }] : []);

/** A summary: paragraphs, with runs of "• …" lines as a list. */
function summaryBlocks(summary) {
  const out = [];
  for (const line of summary.split('\n')) {
    const m = /^([•▪–-])\s+(.*)$/.exec(line);
    if (m) {
      const prev = out[out.length - 1];
      if (prev?.t === 'list') prev.items.push(m[2]);
      else out.push({ t: 'list', marker: '•', items: [m[2]] });
    } else out.push({ t: 'p', text: line });
  }
  return out;
}

function placesBlocks(places, P) {
  if (P.places === 'runin') return [{ t: 'p', text: places.join(P.runinSeparator) }];
  if (P.places === 'columns') return [{ t: 'columns', n: P.placeColumns, blocks: places.map((p) => ({ t: 'p', text: p })) }];
  return [{ t: 'list', marker: P.marker === '1.' ? '•' : P.marker, items: places }];
}

function figureBlocks(kf, P) {
  const n = (v) => groupThousands(v, P.thousands);
  const shares = Object.entries(kf.participantShares || {});
  const main = [
    { value: n(kf.participants), caption: 'participants' },
    { value: n(kf.hours), caption: 'heures d’échanges' },
    { value: n(kf.workshops), caption: 'ateliers organisés au niveau des arrondissements de chaque département' },
  ];
  const shareCells = shares.map(([k, v]) => ({ value: `${v}%`, caption: deOf(k) }));
  if (P.figures === 'lines')
    return [{ t: 'h', level: 3, text: 'Chiffres clés' }, ...[...main, ...shareCells].map((c) => ({ t: 'p', text: `${c.value} ${c.caption}` }))];
  const cells = P.sharesInOneCell
    ? [...main, { value: '', caption: shareCells.map((c) => `${c.value} ${c.caption}`).join('\n') }]
    : [...main, ...shareCells];
  return [{ t: 'h', level: 3, text: 'Chiffres clés' }, { t: 'grid', n: P.sharesInOneCell ? 2 : P.figureColumns, cells }];
}

const list = (items, P) => ({ t: 'list', marker: P.marker, items });

/** The brochure as blocks. */
export function blocks(g, P) {
  const out = [];
  out.push({
    t: 'cover',
    lines: [
      { text: 'CONSEIL NATIONAL DE LA REFONDATION', size: 'm' },
      { text: 'CNR SANTÉ', size: 'xl', bold: true },
      { text: 'RESTITUTION RÉGIONALE', size: 'l', bold: true },
      { text: `${g.region} – 8 décembre 2022`, size: 'm' },
      { text: `Agence régionale de santé ${g.region}`, size: 's' },
    ],
  });
  out.push({ t: 'h', level: 1, text: heading(P, 'Édito') });
  out.push({
    t: 'columns',
    n: P.introColumns,
    blocks: [
      { t: 'p', text: 'Lancé le 8 septembre par le Président de la République, le Conseil national de la Refondation est une méthode nouvelle de concertation visant à bâtir des solutions concrètes sur les grandes transformations à venir.' },
      { t: 'p', text: 'Qu’il s’agisse de l’accès aux soins, de la prévention ou de l’attractivité des professions de santé, les propositions construites constituent un outil précieux au service de la construction de solutions collectives pour notre territoire.' },
      ...sig(g.signatories[0]),
      { t: 'p', text: `Le Conseil national de la Refondation Santé, lancé par le ministre François Braun et déployé en ${g.region} par l’Agence régionale de santé en lien étroit avec les Préfectures et les élus, a pour objectif de donner la parole à toutes les parties prenantes afin d’évoquer ensemble les solutions concrètes et adaptées aux territoires.` },
      { t: 'p', text: `Sur cette base, ${g.engagements.length} grands engagements concrets sont formulés en ${g.region}, pour guider notre action collective dès 2023 :` },
      list(g.engagements, P),
      ...sig(g.signatories[1]),
      { t: 'p', text: 'Les Conseils territoriaux de santé ont également été mobilisés pour permettre un premier niveau de capitalisation des travaux menés.' },
      ...sig(g.signatories[2]),
    ],
  });
  out.push({ t: 'break' });
  out.push({ t: 'h', level: 1, text: heading(P, 'Le CNR, c’est quoi ?') });
  out.push({
    t: 'columns',
    n: P.introColumns,
    blocks: [
      { t: 'p', text: 'Le Conseil national de la Refondation (CNR), lancé le 8 septembre par le Président de la République, vise à mettre en œuvre une nouvelle méthode pour construire, ensemble et au plus près des Français, les solutions concrètes sur les grandes transformations à venir.' },
      { t: 'p', text: `Déployé par l’Agence régionale de santé ${g.region}, le Conseil national de la Refondation Santé s’est décliné sur l’ensemble du territoire régional avec l’organisation d’ateliers territoriaux de concertation, dans les communes suivantes :` },
    ],
  });
  out.push(...placesBlocks(g.workshops, P));
  out.push(...figureBlocks(g.keyFigures, P));
  out.push({
    t: 'columns',
    n: P.introColumns,
    blocks: [
      { t: 'p', text: 'Usagers, partenaires sociaux, professionnels et élus se sont réunis pour échanger sur les quatre grands défis identifiés :' },
      list(g.challenges, P),
      { t: 'p', text: `La restitution régionale des travaux du CNR Santé en ${g.region} a eu lieu le jeudi 8 décembre 2022, afin de présenter les propositions convergentes des ateliers.` },
    ],
  });
  for (const t of g.themes) {
    out.push({ t: 'break' });
    out.push({ t: 'h', level: 1, text: heading(P, t.title) });
    out.push(...summaryBlocks(t.summary));
    if (t.tagline) out.push({ t: 'p', boxed: true, text: t.tagline });
    const scope = (label, items) =>
      items?.length ? [...(P.kicker ? [{ t: 'kicker', text: 'PROPOSITIONS CONVERGENTES DES 18 ATELIERS' }] : []), { t: 'h', level: 2, text: label }, list(items, P)] : [];
    out.push({
      t: 'columns',
      n: P.propositionColumns,
      blocks: [...scope('Pour une impulsion locale', t.propositions.local), ...scope('Pour alimenter les travaux nationaux', t.propositions.national)],
    });
  }
  return out;
}

/** The fixed layouts of the committed fixtures, by producer. */
export const FIXED = {
  // Word: key figures in a 2×2 table, places in three columns, propositions in a two-column section.
  word: { seed: 0, headingCase: 'as-is', introColumns: 1, propositionColumns: 2, places: 'columns', placeColumns: 3, runinSeparator: ' · ', figures: 'grid', figureColumns: 2, thousands: '\u00a0', marker: 'engine', kicker: false, sharesInOneCell: true },
  // Another PDF library: one column, places on one line separated by " · ".
  reportlab: { seed: 0, headingCase: 'as-is', introColumns: 1, propositionColumns: 1, places: 'runin', placeColumns: 3, runinSeparator: ' · ', figures: 'lines', figureColumns: 2, thousands: '\u202f', marker: '•', kicker: true, sharesInOneCell: false },
};
