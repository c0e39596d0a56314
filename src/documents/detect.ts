import type { DocumentKind } from '../model/index.js';

/** Evidence that a text is of a given kind; each pattern counts once per occurrence, capped. */
const EVIDENCE: Record<DocumentKind, { pattern: RegExp; weight: number; cap: number }[]> = {
  roadmap: [
    { pattern: /feuille de route (?:territoriale|d[ée]partementale)/gi, weight: 3, cap: 3 },
    { pattern: /action\s+prioritaire\s*#\s*\d/gi, weight: 2, cap: 10 },
    { pattern: /chantier(?:\s*n\s*°\s*\d+)?\s*:/gi, weight: 2, cap: 10 },
    { pattern: /actions?\s+financements?\s+indicateurs?\s+commentaires?/gi, weight: 4, cap: 5 },
    { pattern: /^actions?\t+financements?/gim, weight: 4, cap: 5 },
  ],
  restitution: [
    { pattern: /restitution/gi, weight: 2, cap: 3 },
    { pattern: /impulsion locale/gi, weight: 3, cap: 6 },
    { pattern: /travaux nationaux/gi, weight: 3, cap: 6 },
    { pattern: /propositions convergentes/gi, weight: 3, cap: 6 },
    { pattern: /imaginons des solutions/gi, weight: 2, cap: 6 },
    { pattern: /port[ée]e (?:locale|nationale)/gi, weight: 2, cap: 4 },
    { pattern: /propositions?/gi, weight: 1, cap: 5 },
    { pattern: /engagements?/gi, weight: 1, cap: 3 },
    { pattern: /chiffres cl[ée]s/gi, weight: 1, cap: 1 },
  ],
  events: [
    { pattern: /\b\d{1,2}h(?:\d{2})?\s*[–-]\s*\d{1,2}h/gi, weight: 2, cap: 6 },
    { pattern: /\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+\d{1,2}(?:er)?\s+(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)/gi, weight: 2, cap: 8 },
    { pattern: /temps forts?|ateliers? territoria|d[ée]clinaison territoriale/gi, weight: 2, cap: 4 },
    { pattern: /communiqu[ée] de presse|programme|ordre du jour|d[ée]roul[ée]/gi, weight: 1, cap: 3 },
    // "Dans le Calvados : Bayeux ; Deauville" — places listed by département
    { pattern: /^[ \t]*(?:[-•][ \t]*)?(?:dans|en)[ \t]+(?:le|la|les|l['’])[ \t]*\p{Lu}[^:\n]{1,40}:[ \t]*\p{Lu}[^\n]*[;,]/gimu, weight: 3, cap: 5 },
    // a table header with a date column and a place column
    { pattern: /^[^\n]{0,80}?\bdates?\b[^\n]{0,80}?\b(?:lieux?|villes?|sites?)\b[^\n]{0,80}$|^[^\n]{0,80}?\b(?:lieux?|villes?|sites?)\b[^\n]{0,80}?\bdates?\b[^\n]{0,80}$/gim, weight: 4, cap: 2 },
    { pattern: /seront organis[ée]s|se d[ée]rouleront|auront lieu|se tiendr/gi, weight: 1, cap: 3 },
    { pattern: /inscription|s['’]inscrire|inscrivez/gi, weight: 1, cap: 2 },
  ],
};

export interface KindScore {
  kind: DocumentKind;
  score: number;
}

/** Evidence read from the page's structure rather than its words (e.g. a table of places and dates): one clue each. */
export interface StructureClue {
  kind: DocumentKind;
  weight: number;
  /** What was seen, for --verbose. */
  what: string;
}

/** Scores every kind on the document's text (and structure clues), best first. */
export function scoreKinds(text: string, clues: readonly StructureClue[] = []): KindScore[] {
  return evidence(text, clues).map(({ kind, score }) => ({ kind, score }));
}

function evidence(text: string, clues: readonly StructureClue[] = []): (KindScore & { patterns: number })[] {
  const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
  const scores = (Object.keys(EVIDENCE) as DocumentKind[]).map((kind) => {
    let score = 0;
    let patterns = 0;
    for (const { pattern, weight, cap } of EVIDENCE[kind]) {
      const n = Math.min(cap, sample.match(pattern)?.length ?? 0);
      score += weight * n;
      if (n) patterns++;
    }
    for (const clue of clues.filter((c) => c.kind === kind)) {
      score += clue.weight;
      patterns++;
    }
    return { kind, score, patterns };
  });
  return scores.sort((a, b) => b.score - a.score);
}

/** Least score, and lead over the runner-up, for a kind to be trusted. */
const MIN_SCORE = 8;
const MIN_LEAD = 4;

/**
 * The kind of a document, or undefined when the evidence is too thin for any: the best kind needs a score of at
 * least MIN_SCORE from two different clues (one word repeated is not enough) and a clear lead over the next kind.
 */
export function detectKind(text: string, clues: readonly StructureClue[] = []): DocumentKind | undefined {
  const [best, second] = evidence(text, clues);
  if (!best || best.score < MIN_SCORE || best.patterns < 2) return undefined;
  if (second && (best.score - second.score < MIN_LEAD || best.score < 1.5 * second.score)) return undefined;
  return best.kind;
}
