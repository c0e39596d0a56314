// Seeded template parameters for the multi-producer fixture corpus (issue 12, "variety beyond the producer").
// Every producer (chromium, libreoffice, latex, reportlab) renders a gold roadmap under a `VariantParams`
// object; `variantParams(seed)` draws one deterministically. Producers honour every field they can and
// record in `params.unsupported` the ones they cannot (so the score table can say so).
//
// The expected extraction of a variant is always the gold file itself: nothing here changes the
// document's words. Extra columns (pilote, échéance, partenaires) get deterministic text from
// `extraCellText`; a correct reader keeps it in `action.extra` and never in the four known cells.

/** xorshift32: small, fast, deterministic across Node versions. */
export function prng(seed) {
  let s = (seed >>> 0) || 0x9e3779b9;
  const next = () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 0x100000000;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    shuffle: (arr) => {
      const a = [...arr];
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
  };
}

/** Header wordings a roadmap table is printed with, per known column. */
export const HEADER_WORDINGS = {
  action: ['Actions', 'Action(s)', 'Action', 'Actions à mener', 'Actions prévues'],
  financement: ['Financement', 'Financements', 'Financement(s)', 'Modalités de financement'],
  indicateur: ['Indicateur', 'Indicateurs', 'Indicateur(s)', 'Indicateurs de suivi', 'Indicateurs d’évaluation'],
  commentaire: ['Commentaires', 'Commentaire', 'Commentaires / Observations', 'Observations', 'Commentaire(s)'],
};
/** Columns that are not part of the model: kept in `action.extra` (header → text). */
export const EXTRA_COLUMNS = {
  pilote: ['Pilote(s)', 'Pilote', 'Porteur'],
  echeance: ['Échéance', 'Calendrier', 'Échéancier'],
  partenaires: ['Partenaires', 'Partenaires associés'],
};

const FONTS = ['sans', 'serif', 'condensed', 'mono-ish'];

/**
 * @typedef {object} VariantParams
 * @property {number} seed
 * @property {'le-havre-2024'|'calvados-2024'} roadmap   which gold file
 * @property {'portrait'|'landscape'} orientation
 * @property {{key: string, header: string, width: number}[]} columns  left to right; widths sum to 1
 * @property {'as-is'|'upper'} headerCase
 * @property {'above'|'inside'|'beside'} chantierBand   heading paragraph above the table / merged full-width
 *   first row inside the table / a merged cell in a first column spanning the chantier's rows
 * @property {'Chantier : '|'CHANTIER : '|'Chantier n°{k} : '} chantierPrefix  {k} = 1-based index in the axis
 * @property {'rotated'|'horizontal'|'none'} sideTab   "Action prioritaire #N" beside the table
 * @property {boolean} axisDividers   a page per axis with "Action prioritaire #N" and its title
 * @property {'sans'|'serif'|'condensed'|'mono-ish'} font   family class: the producer maps it to a font it has
 * @property {number} fontSize   body size in pt (7.5–11)
 * @property {number} lineSpacing   line height / font size (1.0–1.45)
 * @property {number} paragraphSpacing   extra space before a paragraph or list item inside a cell, in pt (0–6)
 * @property {boolean} justify
 * @property {boolean} hyphenate   automatic hyphenation (soft hyphens at line ends; real ones must be kept)
 * @property {boolean} zebra   alternate row shading
 * @property {'grid'|'horizontal'|'header-only'|'none'} rules
 * @property {boolean} headerShading
 * @property {boolean} repeatHeader   header row repeated on each page of a table
 * @property {boolean} rowsBreakAcrossPages
 * @property {'typed'|'engine'} lists   markers typed in the text, or drawn by the producer's list engine
 * @property {number} emptyRows   empty rows inserted at random places (0–2): they must not become actions
 * @property {number} cellPadding   in pt (1–6)
 * @property {string[]} unsupported   filled by the producer: fields it could not honour
 */

/** @returns {VariantParams} */
export function variantParams(seed) {
  const r = prng(seed * 2654435761);
  const roadmap = seed % 2 === 0 ? 'le-havre-2024' : 'calvados-2024';
  const known = r.chance(0.7) ? ['action', 'financement', 'indicateur', 'commentaire'] : r.shuffle(['action', 'financement', 'indicateur', 'commentaire']);
  // The action column opens the table in almost every real roadmap; keep it first most of the time.
  if (known[0] !== 'action' && r.chance(0.6)) known.splice(known.indexOf('action'), 1), known.unshift('action');
  const extras = r.shuffle(Object.keys(EXTRA_COLUMNS)).slice(0, r.pick([0, 0, 0, 1, 1, 2]));
  const keys = [...known];
  for (const e of extras) keys.splice(r.int(1, keys.length), 0, e);
  const raw = keys.map((k) => (k === 'action' ? r.int(26, 36) : k in EXTRA_COLUMNS ? r.int(8, 13) : r.int(14, 26)));
  const total = raw.reduce((a, b) => a + b, 0);
  const columns = keys.map((key, i) => ({
    key,
    header: r.pick(HEADER_WORDINGS[key] ?? EXTRA_COLUMNS[key]),
    width: raw[i] / total,
  }));
  const orientation = r.chance(0.5) ? 'landscape' : 'portrait';
  return {
    seed,
    roadmap,
    orientation,
    columns,
    headerCase: r.chance(0.25) ? 'upper' : 'as-is',
    chantierBand: r.pick(['above', 'above', 'inside', 'beside']),
    chantierPrefix: r.pick(['Chantier : ', 'Chantier : ', 'CHANTIER : ', 'Chantier n°{k} : ']),
    sideTab: r.pick(['rotated', 'horizontal', 'none']),
    axisDividers: r.chance(0.6),
    font: r.pick(FONTS),
    fontSize: r.pick([7.5, 8, 8.5, 9, 9.5, 10, 11]),
    lineSpacing: r.pick([1.0, 1.1, 1.15, 1.2, 1.3, 1.45]),
    paragraphSpacing: r.pick([0, 0, 1, 2, 3, 6]),
    justify: r.chance(0.4),
    hyphenate: r.chance(0.4),
    zebra: r.chance(0.3),
    rules: r.pick(['grid', 'grid', 'horizontal', 'header-only', 'none']),
    headerShading: r.chance(0.7),
    repeatHeader: r.chance(0.7),
    rowsBreakAcrossPages: r.chance(0.6),
    lists: r.chance(0.5) ? 'engine' : 'typed',
    emptyRows: r.pick([0, 0, 1, 2]),
    cellPadding: r.pick([1, 2, 3, 4, 6]),
    unsupported: [],
  };
}

/** Deterministic text of an extra column for one action (depends on the seed and the action's position). */
export function extraCellText(key, seed, axis, chantier, action) {
  const r = prng((seed * 31 + axis * 1009 + chantier * 97 + action * 13 + key.length) >>> 0);
  if (key === 'pilote') return r.pick(['ARS', 'ARS / CD', 'CPTS', 'DD ARS', 'CTS', 'Conseil départemental', 'GHT', 'ARS – DAMS']);
  if (key === 'echeance') return r.pick(['2024', '2025', 'T2 2024', '2024-2025', 'fin 2025', 'En cours', '']);
  return r.pick(['CPAM, MSA', 'Communes', 'Établissements MCO', 'URPS, CPTS', 'Associations d’usagers', 'Éducation nationale', '']);
}

/** The chantier heading text as printed: prefix (with its index) + title. A "" title prints no heading. */
export function chantierHeading(params, title, indexInAxis) {
  if (!title) return '';
  return params.chantierPrefix.replace('{k}', String(indexInAxis + 1)) + title;
}

/** Header text as printed. */
export function headerText(params, column) {
  return params.headerCase === 'upper' ? column.header.toLocaleUpperCase('fr') : column.header;
}
