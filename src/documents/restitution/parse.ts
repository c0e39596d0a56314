import { FdrError } from '../../errors/index.js';
import { type Restitution, SCHEMA_VERSION, type SourceInfo, type Theme, type Warning } from '../../model/index.js';
import { findRegion } from '../events/places.js';
import { buildCaseCorpus } from './casing.js';
import { findIntroducedList, findKeyFigures, findRestitutionDate, findSignatories, findWorkshopPlaces } from './front.js';
import { removeLayoutNoise, type SourceLine, spanProvenance, splitSourceLines } from './source-lines.js';
import { assembleThemes, readThemeElements } from './themes.js';
import { type Unit, itemText, readUnits } from './units.js';

/** The running text of a document (prose, items, taglines), one string per paragraph: the evidence for casing. */
export function runningParagraphs(units: readonly Unit[]): string[] {
  return units.flatMap((u) => (u.type === 'prose' ? u.paragraphs : u.type === 'item' ? [itemText(u)] : u.type === 'tagline' ? [u.text] : []));
}

/** What a restitution is assembled from, whichever way it was read (text dump, or PDF page structure). */
export interface RestitutionEvidence {
  /** Every printed line in reading order (signatures, dates). */
  lines: SourceLine[];
  /** Reading units: headings, list items, prose, taglines. */
  units: Unit[];
  /** Lines where workshop places are looked for (run-in lists already cut into one place per line). */
  placeLines: SourceLine[];
  /** The document's text, one line per printed line (key figures, region). */
  flatText: string;
  /** The input has pages (PDF, or a dump with form feeds). */
  hasPages: boolean;
}

/**
 * A CNR santé restitution brochure from its text: a text dump (pdftotext-like or converter markdown) or the
 * reading-order text of its PDF pages ("\f" between pages).
 */
export function parseRestitutionText(text: string, source: SourceInfo): Restitution {
  const lines = removeLayoutNoise(splitSourceLines(text));
  return assembleRestitution({ lines, units: readUnits(lines), placeLines: lines, flatText: lines.map((l) => l.text).join('\n'), hasPages: text.includes('\f') }, source);
}

/** Sections a restitution normally has: each one missing is named in a warning, the others are returned. */
const SECTIONS: { code: string; missing: (r: Restitution) => boolean; what: string }[] = [
  { code: 'themes', missing: (r) => !r.themes.length, what: 'no theme with propositions' },
  { code: 'key-figures', missing: (r) => r.keyFigures.participants === null && r.keyFigures.workshops === null && r.keyFigures.hours === null, what: 'no key figures (participants, hours, workshops)' },
  { code: 'workshops', missing: (r) => !r.workshops.length, what: 'no list of workshop places' },
  { code: 'challenges', missing: (r) => !r.challenges.length, what: 'no list of challenges ("défis")' },
  { code: 'engagements', missing: (r) => !r.engagements.length, what: 'no list of commitments ("engagements")' },
];

export function assembleRestitution(evidence: RestitutionEvidence, source: SourceInfo): Restitution {
  const { lines, units, flatText, hasPages } = evidence;
  const corpus = buildCaseCorpus(runningParagraphs(units));
  const warnings: Warning[] = [];

  const elements = readThemeElements(units, corpus);
  if ((globalThis as { __units?: boolean }).__units) for (const u of units) console.log(u.type, u.lines.length, u.text.slice(0, 70).replace(/\n/g, " | "));
  const readings = assembleThemes(elements, warnings);
  const provenanceOptions = { withLines: source.format !== 'pdf', withPages: hasPages || source.format === 'pdf' };
  const themes: Theme[] = readings.map((t) => {
    const provenance = spanProvenance(t.lines[0], t.lines[t.lines.length - 1], provenanceOptions);
    return {
      title: t.title,
      summary: t.summary,
      tagline: t.tagline,
      propositions: { local: t.local, national: t.national },
      ...(provenance ? { provenance } : {}),
    };
  });

  const keyFigures = findKeyFigures(flatText);
  const workshops = findWorkshopPlaces(evidence.placeLines, keyFigures.workshops);
  const challenges = findIntroducedList(units, /d[ée]fis?\b/i);
  const engagements = findIntroducedList(units, /engagements?\b/i);

  if (!themes.length && !challenges.length && !engagements.length && !workshops.length)
    throw new FdrError('UNKNOWN_DOCUMENT', 'no restitution content found (no theme, proposition list, challenge or engagement)', {
      file: source.file,
      hint: 'is this a restitution brochure? try --kind auto',
    });
  for (const t of themes) {
    if (!t.propositions.local.length && !t.propositions.national.length)
      warnings.push({ code: 'theme-without-propositions', message: `theme "${t.title}" has no proposition`, ...(t.provenance ? { at: t.provenance } : {}) });
  }
  if (keyFigures.workshops !== null && workshops.length && workshops.length !== keyFigures.workshops)
    warnings.push({
      code: 'workshop-count-mismatch',
      message: `the document announces ${keyFigures.workshops} workshops but ${workshops.length} places were read`,
    });

  const result: Restitution = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'restitution',
    source: hasPages && source.pages === undefined ? { ...source, pages: countPages(lines) } : source,
    region: findRegion(flatText),
    date: findRestitutionDate(lines),
    signatories: findSignatories(lines),
    keyFigures,
    workshops,
    challenges,
    engagements,
    themes,
    warnings,
  };
  for (const section of SECTIONS)
    if (section.missing(result)) warnings.push({ code: `section-missing-${section.code}`, message: `${section.what} found; the other sections are returned` });
  return result;
}

function countPages(lines: readonly SourceLine[]): number {
  return lines.reduce((max, l) => Math.max(max, l.page), 0);
}
