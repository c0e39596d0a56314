// Events documents (workshop notes, press releases announcing workshops) as a producer-neutral list of blocks,
// from a gold file of kind "events" and a set of layout parameters. Every producer of this folder (Word via
// python-docx + LibreOffice, ReportLab, Chromium templates) prints the same blocks its own way.
//
// The words a reader must find are the gold's; the words around them (intro prose, section headings, table
// headers) come from small pools of wordings drawn by seed, so no reader can lean on one template's wording.
import { prng } from '../variants.mjs';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

/** How an ISO date is printed. `year` false leaves the year to the document's context. */
export function printDate(iso, style) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  const wd = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  const day = d === 1 ? '1er' : String(d);
  const cap = (s) => s[0].toUpperCase() + s.slice(1);
  switch (style) {
    case 'weekday': return cap(`${wd} ${day} ${MONTHS[m - 1]}`);
    case 'weekday-year': return `${wd} ${day} ${MONTHS[m - 1]} ${y}`;
    case 'day-month': return `${day} ${MONTHS[m - 1]}`;
    case 'le-day-month': return `le ${day} ${MONTHS[m - 1]}`;
    case 'numeric': return `${d}/${m}/${y}`;
    case 'numeric-padded': return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
    case 'numeric-short': return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${String(y).slice(2)}`;
    default: return `${day} ${MONTHS[m - 1]} ${y}`;
  }
}
const DATE_STYLES = ['weekday', 'weekday-year', 'day-month', 'numeric', 'numeric-padded', 'numeric-short', 'full'];

/** "9h30 – 9h45" printed compact or with spaces ("9 h 30 – 9 h 45"). */
function printTime(time, style) {
  return style === 'spaced' ? time.replace(/(\d)h(\d{2})?/g, (_, h, mm) => `${h} h${mm ? ` ${mm}` : ''}`) : time;
}

const ARTICLE = { Calvados: 'le', Eure: 'l’', Manche: 'la', Orne: 'l’', 'Seine-Maritime': 'la', Nord: 'le', Somme: 'la', Oise: 'l’', Aisne: 'l’', 'Pas-de-Calais': 'le' };
function inDepartment(d) {
  const a = ARTICLE[d];
  if (!a) return `En ${d}`;
  return a === 'l’' ? `Dans l’${d}` : `Dans ${a} ${d}`;
}

const HEADERS = {
  territory: ['Territoire', 'Territoire d’animation en santé', 'Territoire concerné', 'TAS'],
  department: ['Département', 'Départements'],
  place: ['Lieu', 'Lieux', 'Ville', 'Lieu de la rencontre', 'Site'],
  date: ['Date', 'Dates', 'Date de la rencontre'],
};
const EVENTS_HEADINGS = ['Le calendrier des rencontres', 'Dates et lieux des rencontres', 'Les rencontres dans les territoires', 'Où et quand ?'];
const AGENDA_HEADINGS = ['Chacune des réunions s’appuiera sur un déroulé commun', 'Déroulé type d’une journée', 'Programme de la journée'];
const CHALLENGE_HEADINGS = ['Les défis proposés aux ateliers', 'Des défis pour la santé en région', 'Les grands défis'];
const CHALLENGE_INTROS = ['Ces défis pourraient être les suivants :', 'Les ateliers choisiront parmi les défis suivants :', 'Voici les défis retenus :'];
const MEASURE_INTROS = ['Plusieurs dispositifs sont d’ores et déjà déployés sur le territoire :', 'Premières traductions de cette dynamique, des dispositifs sont déjà en place :'];
const PROSE = [
  'Organisées en lien étroit avec les partenaires des territoires, ces concertations ont pour objet de faire émerger des propositions concrètes pour améliorer le système de santé.',
  'Élus, professionnels de santé, usagers et associations sont invités à partager leurs constats et leurs solutions au plus près des réalités locales.',
  'Les échanges alimenteront les travaux de révision du projet régional de santé, avec une méthode renouvelée et territorialisée.',
];

/** Seeded layout parameters. `doc` is "note" (workshops with territories and dates) or "release" (places by département). */
export function eventsParams(seed, doc) {
  const r = prng(seed * 7919 + (doc === 'note' ? 1 : 2));
  const eventsLayout = doc === 'release' ? r.pick(['table', 'table', 'run-in', 'list']) : r.pick(['table', 'table', 'table', 'lines']);
  const keys = doc === 'release' ? r.pick([['department', 'place'], ['place', 'department']]) : r.shuffle(['territory', 'place', 'date']);
  if (doc === 'release' && r.chance(0.3)) keys.push('date'); // an empty date column
  return {
    seed,
    doc,
    font: r.pick(['sans', 'serif']),
    bodySize: r.pick([9.5, 10, 10.5, 11]),
    headingScale: r.pick([1.1, 1.2, 1.35, 1.6]),
    headingBold: r.chance(0.8),
    headingCase: r.pick(['upper', 'upper', 'sentence']),
    headingNumbered: r.chance(0.25),
    headingColor: r.pick(['1F3864', '000000', 'C00000', '2E74B5']),
    titleCase: r.pick(['upper', 'as-is']),
    eventsLayout,
    columns: keys.map((key) => ({ key, header: r.pick(HEADERS[key]) })),
    headerCase: r.pick(['as-is', 'upper']),
    merge: doc === 'release' ? r.chance(0.7) : false,
    rules: r.pick(['grid', 'grid', 'horizontal', 'none']),
    headerFill: r.pick(['D9D9D9', 'DEEAF6', 'FFFFFF', '1F3864']),
    dateStyle: r.pick(DATE_STYLES),
    timeStyle: r.pick(['compact', 'compact', 'spaced']),
    agendaLayout: r.pick(['list', 'list', 'table', 'paragraphs']),
    challengesLayout: r.pick(['headings', 'headings', 'numbered']),
    bullet: r.pick(['•', '–', '-', '▪']),
    eventsHeading: r.pick(EVENTS_HEADINGS),
    agendaHeading: r.pick(AGENDA_HEADINGS),
    challengeHeading: r.pick(CHALLENGE_HEADINGS),
    challengeIntro: r.pick(CHALLENGE_INTROS),
    measureIntro: r.pick(MEASURE_INTROS),
    prose: r.shuffle(PROSE).slice(0, r.int(1, 3)),
    datelinePlace: r.pick(['', 'Caen, ', 'Lille, ', 'Rouen, ']),
  };
}

const upperFr = (s) => s.toLocaleUpperCase('fr-FR');
const heading = (p, text, n) => {
  const t = p.headingCase === 'upper' ? upperFr(text) : text;
  return { t: 'heading', level: 1, text: p.headingNumbered && n ? `${n}. ${t}` : t };
};

/** The year the workshops take place, printed in the prose when the dates in the table leave it out. */
function yearsOf(gold) {
  const iso = [gold.date, gold.period?.start, ...gold.events.map((e) => e.date)].filter(Boolean);
  const years = [...new Set(iso.map((d) => d.slice(0, 4)))];
  const months = [...new Set(gold.events.map((e) => e.date).filter(Boolean).map((d) => Number(d.slice(5, 7))))].sort((a, b) => a - b);
  return { years, months };
}

function cellOf(e, key, p) {
  if (key === 'date') return printDate(e.date, p.dateStyle);
  return e[key] ?? '';
}

/** Blocks of the document, top to bottom. */
export function eventsBlocks(gold, p) {
  const blocks = [];
  blocks.push({ t: 'banner', lines: ['CONSEIL NATIONAL DE LA REFONDATION', gold.region] });
  if (p.doc === 'release') blocks.push({ t: 'label', text: 'COMMUNIQUÉ DE PRESSE' });
  if (gold.date) blocks.push({ t: 'dateline', text: `${p.datelinePlace}${p.datelinePlace ? 'le ' : 'Le '}${printDate(gold.date, 'full')}` });
  blocks.push({ t: 'title', text: p.titleCase === 'upper' ? upperFr(gold.title) : gold.title });
  for (const text of p.prose) blocks.push({ t: 'p', text });
  let n = 0;
  if (gold.deployedMeasures?.length) {
    blocks.push({ t: 'p', text: p.measureIntro });
    blocks.push({ t: 'list', items: gold.deployedMeasures.map((text) => ({ text })) });
  }
  if (gold.events.length) {
    blocks.push(heading(p, p.eventsHeading, ++n));
    const { years, months } = yearsOf(gold);
    const datedWithoutYear = ['weekday', 'day-month'].includes(lineDateStyle(p)) && gold.events.some((e) => e.date);
    if (datedWithoutYear)
      blocks.push({ t: 'p', text: `Les rencontres se tiendront entre ${MONTHS[months[0] - 1]} et ${MONTHS[months[months.length - 1] - 1]} ${years[0]}, dans chaque territoire.` });
    else blocks.push({ t: 'p', text: gold.events.some((e) => e.department) ? 'Les temps forts seront organisés :' : 'Les rencontres se tiendront aux dates et lieux suivants.' });
    blocks.push(...eventBlocks(gold, p));
  }
  if (gold.agenda?.length) {
    blocks.push(heading(p, p.agendaHeading, ++n));
    const rows = gold.agenda.map((a) => [printTime(a.time, p.timeStyle), a.item]);
    if (p.agendaLayout === 'table') blocks.push({ t: 'table', header: ['Horaire', 'Séquence'], rows, widths: [0.22, 0.78], merge: [] });
    else if (p.agendaLayout === 'list') blocks.push({ t: 'list', items: rows.map(([time, item]) => ({ text: `${time} : ${item}` })) });
    else for (const [time, item] of rows) blocks.push({ t: 'p', text: `${time} : ${item}` });
  }
  if (gold.challenges?.length) {
    blocks.push(heading(p, p.challengeHeading, ++n));
    blocks.push({ t: 'p', text: p.challengeIntro });
    gold.challenges.forEach((c, k) => {
      const title = p.headingCase === 'upper' ? upperFr(c.title) : c.title;
      blocks.push({ t: 'heading', level: 2, text: p.challengesLayout === 'numbered' ? `${k + 1}. ${title}` : title });
      if (c.text) blocks.push({ t: 'p', text: c.text });
    });
  }
  blocks.push({ t: 'p', text: 'Contact presse : service communication – presse@example.fr' });
  return blocks;
}

/** Dates on workshop lines are not printed "17/11/22" (a table cell may be). */
const lineDateStyle = (p) => (p.eventsLayout === 'lines' && p.dateStyle === 'numeric-short' ? 'weekday' : p.dateStyle);

function eventBlocks(gold, p) {
  const events = gold.events;
  if (p.eventsLayout === 'table') {
    const keys = p.columns.map((c) => c.key);
    const header = p.columns.map((c) => (p.headerCase === 'upper' ? upperFr(c.header) : c.header));
    const rows = events.map((e) => keys.map((k) => cellOf(e, k, p)));
    const merge = p.merge ? keys.map((k, i) => (k === 'department' || k === 'territory' ? i : -1)).filter((i) => i >= 0) : [];
    const widths = keys.map((k) => ({ territory: 0.32, department: 0.3, place: 0.4, date: 0.28 })[k]);
    const sum = widths.reduce((a, b) => a + b, 0);
    return [{ t: 'table', header, rows, widths: widths.map((w) => w / sum), merge, events: true }];
  }
  if (p.eventsLayout === 'run-in' || p.eventsLayout === 'list') {
    // Places grouped by département: "Dans le Calvados : Bayeux ; Deauville" or the département then a list.
    const groups = [];
    for (const e of events) {
      const g = groups[groups.length - 1];
      if (g && g.department === e.department) g.events.push(e);
      else groups.push({ department: e.department, events: [e] });
    }
    const placeText = (e) => (e.date ? `${e.place} (${printDate(e.date, p.dateStyle)})` : e.place);
    if (p.eventsLayout === 'run-in') return groups.map((g) => ({ t: 'p', text: `${inDepartment(g.department)} : ${g.events.map(placeText).join(' ; ')}` }));
    return groups.flatMap((g) => [{ t: 'p', text: `${g.department} :`, bold: true }, { t: 'list', items: g.events.map((e) => ({ text: placeText(e) })) }]);
  }
  // one line per workshop: "Jeudi 17 novembre : Douai - Gayant Expo (ARTOIS-DOUAISIS)"
  const style = lineDateStyle(p);
  return [{ t: 'list', items: events.map((e) => ({ text: `${printDate(e.date, style)} : ${e.place}${e.territory ? ` (${e.territory})` : ''}` })) }];
}

/** The committed fixtures: one fixed layout per producer and document, as the issue describes them. */
export function fixedEventsParams(producer, doc) {
  const base = eventsParams(doc === 'note' ? 17 : 18, doc);
  if (doc === 'note') {
    const common = { ...base, eventsLayout: 'table', dateStyle: 'weekday', agendaLayout: 'list', challengesLayout: 'headings', timeStyle: 'compact', headingNumbered: false };
    if (producer === 'docx')
      return { ...common, font: 'sans', bodySize: 10, headingCase: 'upper', headingBold: true, headingScale: 1.2, rules: 'grid', headerFill: 'D9D9D9',
        columns: [{ key: 'territory', header: 'Territoire' }, { key: 'place', header: 'Lieu' }, { key: 'date', header: 'Date' }], headerCase: 'as-is' };
    if (producer === 'reportlab')
      return { ...common, font: 'serif', bodySize: 10.5, headingCase: 'sentence', headingBold: true, headingScale: 1.35, rules: 'horizontal', headerFill: 'DEEAF6', dateStyle: 'numeric',
        columns: [{ key: 'date', header: 'Date' }, { key: 'place', header: 'Lieu' }, { key: 'territory', header: 'Territoire d’animation en santé' }], headerCase: 'as-is' };
    return { ...common, font: 'sans', bodySize: 10, headingCase: 'sentence', headingBold: true, headingScale: 1.6, rules: 'none', headerFill: '1F3864', dateStyle: 'weekday-year', timeStyle: 'spaced', agendaLayout: 'table',
      columns: [{ key: 'place', header: 'Ville' }, { key: 'territory', header: 'TAS' }, { key: 'date', header: 'Date' }], headerCase: 'upper' };
  }
  const common = { ...base, eventsLayout: 'table', merge: true, headingNumbered: false };
  if (producer === 'docx')
    return { ...common, font: 'sans', bodySize: 10.5, headingCase: 'upper', headingBold: true, headingScale: 1.2, rules: 'grid', headerFill: 'D9D9D9',
      columns: [{ key: 'department', header: 'Département' }, { key: 'place', header: 'Lieu' }], headerCase: 'as-is', datelinePlace: 'Caen, ' };
  if (producer === 'reportlab')
    return { ...common, font: 'serif', bodySize: 10, headingCase: 'sentence', headingBold: true, headingScale: 1.35, rules: 'horizontal', headerFill: 'DEEAF6',
      columns: [{ key: 'place', header: 'Ville' }, { key: 'department', header: 'Département' }], headerCase: 'as-is', merge: false, datelinePlace: '' };
  return { ...common, font: 'serif', bodySize: 11, headingCase: 'upper', headingBold: true, headingScale: 1.1, rules: 'grid', headerFill: 'DEEAF6',
    columns: [{ key: 'department', header: 'Départements' }, { key: 'place', header: 'Lieux' }, { key: 'date', header: 'Date' }], headerCase: 'upper', datelinePlace: 'Rouen, ' };
}
