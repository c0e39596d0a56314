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

/**
 * A CNR santé restitution brochure from its text: a text dump (pdftotext-like or converter markdown) or the
 * reading-order text of its PDF pages ("\f" between pages).
 */
export function parseRestitutionText(text: string, source: SourceInfo): Restitution {
  const lines = removeLayoutNoise(splitSourceLines(text));
  const units = readUnits(lines);
  const corpus = buildCaseCorpus(runningParagraphs(units));
  const warnings: Warning[] = [];

  const elements = readThemeElements(units, corpus);
  const readings = assembleThemes(elements, warnings);
  const hasPages = text.includes('\f');
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

  const flatText = lines.map((l) => l.text).join('\n');
  const keyFigures = findKeyFigures(flatText);
  const workshops = findWorkshopPlaces(lines, keyFigures.workshops);
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

  return {
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
}

function countPages(lines: readonly SourceLine[]): number {
  return lines.reduce((max, l) => Math.max(max, l.page), 0);
}
