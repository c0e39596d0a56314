import { isInfinitive, moneyMatches, startsWithIndicatorHead, words } from './features.js';
import { FUNCTION_WORDS, FUNDING_SOURCES, FUNDING_WORDS } from './lexicon.js';

/**
 * A text dump writes side-by-side cells of a table row on one line when their first lines share a baseline:
 * "(Fécamp / Lillebonne) 66 634 € par infirmier de parcours augmentation du nombre de" holds the end of an
 * action, a funding phrase and the start of an indicator. This module lists the places where such a line may
 * be cut, each with a strength: how much the cut looks like a cell boundary. Which cuts are taken is decided
 * with the column model (columns.ts), not here.
 */
export interface Boundary {
  /** Offset in the line where the second piece starts. */
  at: number;
  /** > 0: the text itself signals a new cell; < 0: only a weak hint (a capital after a lower-case word). */
  strength: number;
  kind: 'money-start' | 'after-money' | 'funding-source' | 'after-sentence' | 'indicator-head' | 'capital';
}

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokens(line: string): Token[] {
  return [...line.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

function lastWord(token: string): string {
  const ws = words(token);
  return (ws[ws.length - 1] ?? '').toLowerCase();
}

function isAcronym(token: string): boolean {
  const bare = token.replace(/^[(«"]+|[)»",;:.]+$/g, '');
  return /^[\p{Lu}\d]{2,8}$/u.test(bare) && /\p{Lu}/u.test(bare);
}

/** Tokens after which the phrase must go on (a cut there would leave a dangling "de", "pour", ":"...). */
function bindsForward(token: string): boolean {
  if (/[,:;/+(–—-]$/.test(token) || /^[–—-]$/.test(token)) return true;
  if (/['’‘]$/.test(token)) return true;
  return FUNCTION_WORDS.has(lastWord(token)) && !/[.)]$/.test(token);
}

/** All places where a line may hold two cells. Offsets are sorted and distinct. */
export function boundaryCandidates(line: string): Boundary[] {
  const toks = tokens(line);
  if (toks.length < 2) return [];
  const money = moneyMatches(line).map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  const out = new Map<number, Boundary>();
  const add = (b: Boundary) => {
    const existing = out.get(b.at);
    if (!existing || existing.strength < b.strength) out.set(b.at, b);
  };

  for (let k = 1; k < toks.length; k++) {
    const prev = toks[k - 1]!;
    const tok = toks[k]!;
    if (bindsForward(prev.text)) continue;
    const bare = tok.text.replace(/^[(«"]+/, '');
    const rest = line.slice(tok.start);

    // A money phrase starts here, possibly behind the acronyms of its source ("CTSM FIR 91 000€") or a "(".
    // The funding label before the amount: acronyms, years, a colon ("FIR 2025-2026 : 60 000 €").
    let j = k;
    const labelToken = (t: string) => isAcronym(t) || FUNDING_WORDS.test(t) || /^(?:20\d\d(?:[-/]20\d\d)?|:|-|–)$/.test(t);
    while (j < toks.length && j - k < 4 && labelToken(toks[j]!.text) && !/[)]$/.test(toks[j]!.text)) j++;
    const labelled = j === k || FUNDING_SOURCES.has(toks[k]!.text) || isAcronym(toks[k]!.text) || FUNDING_WORDS.test(toks[k]!.text);
    const moneyHere = money.find((m) => m.start >= tok.start && m.start <= (toks[j]?.start ?? tok.start) + 1);
    const leftHasMoney = money.some((m) => m.end <= prev.end);
    if (moneyHere && labelled && !(k > 0 && isAcronym(prev.text) && !/[)]$/.test(prev.text))) {
      add({ at: tok.start, strength: 1.2, kind: 'money-start' });
      continue;
    }
    // A funding instrument alone at the end of the line ("... (+ 5 places) PRIAC").
    if (FUNDING_SOURCES.has(bare.replace(/[,;:.]+$/, '')) && toks.slice(k).every((t) => isAcronym(t.text)) && !isAcronym(prev.text)) {
      add({ at: tok.start, strength: 1, kind: 'funding-source' });
      continue;
    }
    const head = startsWithIndicatorHead(rest);
    const capital = /^\p{Lu}/u.test(bare) && !isAcronym(tok.text);
    // The word before is a common word (not a name: "Groupement Hospitalier Territorial" is one name).
    const prevLower = /^[\p{Ll}\d(«]/u.test(prev.text) && /[\p{Ll}\d)%»]$/u.test(prev.text.replace(/[.]$/, ''));
    if (leftHasMoney && (head || capital) && money.some((m) => m.end <= prev.end && line.slice(m.end, tok.start).split(/\s+/).length <= 7)) {
      add({ at: tok.start, strength: head ? 1.1 : 0.9, kind: 'after-money' });
      continue;
    }
    // After the funding instrument that opens the line ("FIR Nombre de services ..."): the next cell starts.
    if ((head || capital) && FUNDING_SOURCES.has(prev.text.replace(/[,;:.]+$/, '')) && toks.slice(0, k).every((t) => isAcronym(t.text))) {
      add({ at: tok.start, strength: head ? 1 : 0.6, kind: 'after-money' });
      continue;
    }
    if (/[.!?]$/.test(prev.text) && !/\b(?:etc|cf|ex|n°)\.$/i.test(prev.text) && (head || /^\p{L}/u.test(bare))) {
      add({ at: tok.start, strength: head ? 0.8 : 0.1, kind: 'after-sentence' });
      continue;
    }
    if (head && prevLower) {
      add({ at: tok.start, strength: 0.2, kind: 'indicator-head' });
      continue;
    }
    if (capital && prevLower && !isInfinitive(bare)) add({ at: tok.start, strength: -0.8, kind: 'capital' });
  }
  return [...out.values()].sort((a, b) => a.at - b.at);
}

/** The ways a line can be cut into one, two or three pieces, with the summed strength of the cuts. */
export interface LineSplit {
  pieces: { text: string; offset: number }[];
  strength: number;
}

const MAX_CANDIDATES = 8;

export function lineSplits(line: string, maxPieces = 3): LineSplit[] {
  const whole: LineSplit = { pieces: [{ text: line, offset: 0 }], strength: 0 };
  // A long line of names could offer many weak cuts: the strongest few are enough and keep the search small.
  const cands = boundaryCandidates(line)
    .sort((a, b) => b.strength - a.strength)
    .slice(0, MAX_CANDIDATES)
    .sort((a, b) => a.at - b.at);
  const out: LineSplit[] = [whole];
  const piece = (from: number, to: number) => ({ text: line.slice(from, to).trim(), offset: from });
  for (const b of cands) out.push({ pieces: [piece(0, b.at), piece(b.at, line.length)], strength: b.strength });
  if (maxPieces >= 3)
    for (let i = 0; i < cands.length; i++)
      for (let k = i + 1; k < cands.length; k++) {
        const [a, b] = [cands[i]!, cands[k]!];
        if (a.strength + b.strength < 0.5) continue;
        out.push({ pieces: [piece(0, a.at), piece(a.at, b.at), piece(b.at, line.length)], strength: a.strength + b.strength });
      }
  // A cut must leave words on both sides; the whole line is always an option, even a line of punctuation.
  return [whole, ...out.slice(1).filter((s) => s.pieces.every((p) => /[\p{L}\d]/u.test(p.text)))];
}
