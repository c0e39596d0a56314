import type { DocumentKind } from '../model/index.js';

/** Evidence that a text is of a given kind; each pattern counts once per occurrence, capped. */
const EVIDENCE: Record<DocumentKind, { pattern: RegExp; weight: number; cap: number }[]> = {
  roadmap: [
    { pattern: /feuille de route (?:territoriale|d[ée]partementale)/gi, weight: 3, cap: 3 },
    { pattern: /action\s+prioritaire\s*#\s*\d/gi, weight: 2, cap: 10 },
    { pattern: /chantier\s*:/gi, weight: 2, cap: 10 },
    { pattern: /actions?\s+financements?\s+indicateurs?\s+commentaires?/gi, weight: 4, cap: 5 },
    { pattern: /^actions?\t+financements?/gim, weight: 4, cap: 5 },
  ],
  restitution: [
    { pattern: /restitution/gi, weight: 2, cap: 3 },
    { pattern: /impulsion locale/gi, weight: 3, cap: 6 },
    { pattern: /travaux nationaux/gi, weight: 3, cap: 6 },
    { pattern: /imaginons des solutions/gi, weight: 2, cap: 6 },
    { pattern: /propositions?/gi, weight: 1, cap: 5 },
  ],
  events: [
    { pattern: /\b\d{1,2}h(?:\d{2})?\s*[–-]\s*\d{1,2}h/gi, weight: 2, cap: 6 },
    { pattern: /\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+\d{1,2}(?:er)?\s+(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)/gi, weight: 2, cap: 8 },
    { pattern: /temps forts?|ateliers? territoria|d[ée]clinaison territoriale/gi, weight: 2, cap: 4 },
    { pattern: /communiqu[ée] de presse|programme|ordre du jour/gi, weight: 1, cap: 3 },
  ],
};

export interface KindScore {
  kind: DocumentKind;
  score: number;
}

/** Scores every kind on the document's text, best first. */
export function scoreKinds(text: string): KindScore[] {
  const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
  const scores = (Object.keys(EVIDENCE) as DocumentKind[]).map((kind) => {
    let score = 0;
    for (const { pattern, weight, cap } of EVIDENCE[kind]) score += weight * Math.min(cap, sample.match(pattern)?.length ?? 0);
    return { kind, score };
  });
  return scores.sort((a, b) => b.score - a.score);
}

/** The kind of a document, or undefined when the evidence is too thin for any. */
export function detectKind(text: string): DocumentKind | undefined {
  const [best, second] = scoreKinds(text);
  if (!best || best.score < 6) return undefined;
  if (second && best.score === second.score) return undefined;
  return best.kind;
}
