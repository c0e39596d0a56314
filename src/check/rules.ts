import { OCR_LOW_CONFIDENCE } from '../documents/ocr-provenance.js';
import { checkAxes } from '../documents/roadmap/assemble.js';
import type { Action, DocumentKind, ExtractedDocument, Roadmap, Warning } from '../model/index.js';
import { comparisonKey } from '../text/normalize.js';
import { type Finding, type FindingLocation, locationOf, type Severity } from './findings.js';

/** What a rule reports; the rule's id and severity are added by `runRules`. */
export type Hit = FindingLocation & { message: string };

export interface Rule {
  id: string;
  severity: Severity;
  /** One line for the README and `--reporter json`. */
  description: string;
  /** Kinds the rule applies to; the JUnit reporter marks the others as skipped. */
  kinds: readonly DocumentKind[] | 'all';
  /** Extractor warning codes this rule reports (so the catch-all rule does not report them twice). */
  warningCodes?: readonly string[];
  check: (doc: ExtractedDocument) => Hit[];
}

interface ActionAt {
  action: Action;
  path: string;
  axisNumber: number;
}

function* eachAction(doc: Roadmap): Generator<ActionAt> {
  for (const [a, axis] of doc.axes.entries())
    for (const [c, chantier] of axis.chantiers.entries())
      for (const [i, action] of chantier.actions.entries())
        yield { action, path: `axes[${a}].chantiers[${c}].actions[${i}]`, axisNumber: axis.number };
}

const quote = (s: string, max = 70) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
};

function roadmapRule(check: (doc: Roadmap) => Hit[]): (doc: ExtractedDocument) => Hit[] {
  return (doc) => (doc.kind === 'roadmap' ? check(doc) : []);
}

/** Extractor warnings with one of `codes`, located where the extractor located them. */
function warningsWith(doc: ExtractedDocument, codes: readonly string[]): Hit[] {
  return doc.warnings.filter((w) => codes.includes(w.code)).map((w) => ({ ...locationOf(w.at), message: w.message }));
}

/**
 * Money in a financement text: a euro sign (€, k€, M€), the word euro(s), or a number grouped in thousands
 * ("20 000", "243.224").
 */
const MONEY_MENTION = /€|(?<![\p{L}])euros?(?![\p{L}])|(?<![\d.,])\d{1,3}(?:[ .\u00a0\u202f]\d{3})+(?![\d])/iu;

export function mentionsMoney(text: string): boolean {
  return MONEY_MENTION.test(text);
}

const AXIS_CODES = ['axis-number-unknown', 'axis-title-mismatch', 'axis-title-missing'] as const;
/** The PDF layout reports text in a table region outside every cell; both readers report a column that is not a roadmap column. */
const UNASSIGNED_CODES = ['unassigned-text', 'cell-outside-columns'] as const;

/** Actions read with less confidence than this are worth a look (`low-confidence`, `--summary`). */
export const LOW_CONFIDENCE = 0.7;

/** The quality rules of `fdr check`, in the order they are reported. */
export const RULES: readonly Rule[] = [
  {
    id: 'row-without-action',
    severity: 'error',
    description: 'A table row whose Actions cell is empty while its other cells are filled (a row split or shifted by the layout).',
    kinds: ['roadmap'],
    check: roadmapRule((doc) => {
      const hits: Hit[] = [];
      for (const { action, path, axisNumber } of eachAction(doc)) {
        if (action.action.trim()) continue;
        const filled = (['financement', 'indicateur', 'commentaire'] as const).filter((cell) => action[cell].trim());
        if (filled.length)
          hits.push({
            ...locationOf(action.provenance, path),
            message: `row of axis #${axisNumber} has no action but a ${filled.join(', ')} cell: ${quote(action[filled[0]!])}`,
          });
      }
      return hits;
    }),
  },
  {
    id: 'unassigned-text',
    severity: 'warning',
    description: 'Text inside a table that went into none of its four cells (extractor warnings "unassigned-text" and "cell-outside-columns").',
    kinds: 'all',
    warningCodes: UNASSIGNED_CODES,
    check: (doc) => warningsWith(doc, UNASSIGNED_CODES),
  },
  {
    id: 'axis-mismatch',
    severity: 'warning',
    description: 'An axis whose number is not a PRS Normandie axis, or whose title is missing or does not match the PRS axis of that number.',
    kinds: ['roadmap'],
    warningCodes: AXIS_CODES,
    check: roadmapRule((doc) => {
      // The assembler's own check, run on each axis so the finding gets its JSON path.
      const hits: Hit[] = doc.axes.flatMap((axis, a) =>
        checkAxes([axis])
          .filter((w) => (AXIS_CODES as readonly string[]).includes(w.code))
          .map((w) => ({ ...locationOf(w.at, `axes[${a}]`), message: w.message })),
      );
      // Warnings the extractor raised that the model alone does not show (kept, never reported twice).
      const seen = new Set(hits.map((h) => h.message));
      return [...hits, ...warningsWith(doc, AXIS_CODES).filter((h) => !seen.has(h.message))];
    }),
  },
  {
    id: 'empty-chantier',
    severity: 'warning',
    description: 'A chantier with no action.',
    kinds: ['roadmap'],
    warningCodes: ['chantier-empty'],
    check: roadmapRule((doc) =>
      doc.axes.flatMap((axis, a) =>
        axis.chantiers.flatMap((chantier, c) =>
          chantier.actions.length
            ? []
            : [{ ...locationOf(chantier.provenance, `axes[${a}].chantiers[${c}]`), message: `chantier ${quote(chantier.title)} of axis #${axis.number} has no action` }],
        ),
      ),
    ),
  },
  {
    id: 'duplicate-action',
    severity: 'warning',
    description: 'The same action text (compared without case, accents or punctuation) appears twice in the document.',
    kinds: ['roadmap'],
    check: roadmapRule((doc) => {
      const first = new Map<string, string>();
      const hits: Hit[] = [];
      for (const { action, path } of eachAction(doc)) {
        const key = comparisonKey(action.action);
        if (!key) continue;
        const earlier = first.get(key);
        if (earlier === undefined) first.set(key, path);
        else hits.push({ ...locationOf(action.provenance, path), message: `action ${quote(action.action)} repeats ${earlier}` });
      }
      return hits;
    }),
  },
  {
    id: 'unparsed-amount',
    severity: 'warning',
    description: 'A financement that mentions money (€, euros, k€, M€, a number grouped in thousands) but whose amount could not be read.',
    kinds: ['roadmap'],
    check: roadmapRule((doc) => {
      const hits: Hit[] = [];
      for (const { action, path } of eachAction(doc)) {
        const at = locationOf(action.provenance.cells?.financement ?? action.provenance, `${path}.financement`);
        const unread = action.fundings.filter((f) => f.amount === null && mentionsMoney(f.raw)).map((f) => f.raw);
        // A cell with money but no funding line at all lost its amount too.
        if (!action.fundings.length && mentionsMoney(action.financement)) unread.push(action.financement);
        for (const raw of unread) hits.push({ ...at, message: `financement ${quote(raw)} mentions money but no amount was read` });
      }
      return hits;
    }),
  },
  {
    id: 'empty-indicator',
    severity: 'info',
    description: 'An action row whose Indicateur cell is empty.',
    kinds: ['roadmap'],
    check: roadmapRule((doc) => {
      const hits: Hit[] = [];
      for (const { action, path } of eachAction(doc))
        if (!action.indicateur.trim())
          hits.push({
            ...locationOf(action.provenance.cells?.indicateur ?? action.provenance, `${path}.indicateur`),
            message: `action ${quote(action.action)} has no indicator`,
          });
      return hits;
    }),
  },
  {
    id: 'low-confidence',
    severity: 'warning',
    description: `An action the reader is not sure of (confidence below ${LOW_CONFIDENCE}): its weak evidence is listed (column by gutter only, row joined over a page break, chantier carried over by guess…).`,
    kinds: ['roadmap'],
    check: roadmapRule((doc) => {
      const hits: Hit[] = [];
      for (const { action, path } of eachAction(doc))
        if (action.confidence < LOW_CONFIDENCE)
          hits.push({
            ...locationOf(action.provenance, path),
            message: `action ${quote(action.action, 50)} read with confidence ${action.confidence.toFixed(2)}: ${[...new Set(action.weakEvidence.map((w) => w.reason))].join(', ')}`,
          });
      return hits;
    }),
  },
  {
    id: 'ocr-low-confidence',
    severity: 'warning',
    description: `A cell read by OCR (scanned page) whose words were read with a mean confidence below ${OCR_LOW_CONFIDENCE}: check it against the page.`,
    kinds: ['roadmap'],
    check: roadmapRule((doc) => {
      const hits: Hit[] = [];
      for (const { action, path } of eachAction(doc))
        for (const cell of ['action', 'financement', 'indicateur', 'commentaire'] as const) {
          const at = action.provenance.cells?.[cell];
          if (at?.ocrConfidence === undefined || at.ocrConfidence >= OCR_LOW_CONFIDENCE || !action[cell].trim()) continue;
          hits.push({ ...locationOf(at, `${path}.${cell}`), message: `${cell} ${quote(action[cell], 50)} read by OCR with confidence ${at.ocrConfidence.toFixed(2)}` });
        }
      return hits;
    }),
  },
  {
    id: 'page-other-among-tables',
    severity: 'warning',
    description: 'A page classified "other" between table pages (PDF input; a table page the layout did not recognise?).',
    kinds: 'all',
    warningCodes: ['page-other-among-tables'],
    check: (doc) => warningsWith(doc, ['page-other-among-tables']),
  },
  {
    id: 'not-a-roadmap',
    severity: 'warning',
    description: 'The file was read as another kind of document: the roadmap rules were not run on it.',
    kinds: ['restitution', 'events'],
    check: (doc) => (doc.kind === 'roadmap' ? [] : [{ message: `document was read as "${doc.kind}", not as a roadmap: roadmap rules skipped` }]),
  },
  {
    id: 'extractor-warning',
    severity: 'info',
    description: 'Any other warning the extractor recorded in the document (its code is in the message).',
    kinds: 'all',
    check: (doc) => doc.warnings.filter((w) => !MAPPED_CODES.has(w.code)).map((w: Warning) => ({ ...locationOf(w.at), message: `${w.code}: ${w.message}` })),
  },
];

const MAPPED_CODES = new Set(RULES.flatMap((r) => r.warningCodes ?? []));

export function ruleApplies(rule: Rule, kind: DocumentKind): boolean {
  return rule.kinds === 'all' || rule.kinds.includes(kind);
}

/** Runs every rule on a document; findings come rule by rule, in document order within a rule. */
export function runRules(doc: ExtractedDocument, rules: readonly Rule[] = RULES): Finding[] {
  return rules.flatMap((rule) => rule.check(doc).map((hit) => ({ rule: rule.id, severity: rule.severity, ...hit })));
}
