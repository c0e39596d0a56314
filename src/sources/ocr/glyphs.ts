/**
 * Repairs of what the engine misreads on printed pages, each settled by looking at the ink, never by the words
 * around: list bullets (a round solid dot, read as "+", "»", "«", "*", "e" or dropped) and "#" (read as "H").
 * Sizes are shares of the line's em.
 */
import type { OcrLine, OcrWord } from './engine.js';
import type { PixelBox } from './rulings.js';

interface Ink {
  mask: Uint8Array;
  width: number;
  height: number;
}

/** Tight box of the ink inside a region, with its pixel count; undefined when the region is blank. */
function inkBox(ink: Ink, region: PixelBox): (PixelBox & { count: number }) | undefined {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  let count = 0;
  for (let y = Math.max(0, Math.floor(region.y0)); y < Math.min(ink.height, Math.ceil(region.y1)); y++)
    for (let x = Math.max(0, Math.floor(region.x0)); x < Math.min(ink.width, Math.ceil(region.x1)); x++)
      if (ink.mask[y * ink.width + x]) {
        count++;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
  return count ? { x0, y0, x1: x1 + 1, y1: y1 + 1, count } : undefined;
}

/** A bullet: one solid, roughly round mark, a quarter to half an em across, above the baseline. */
function isBulletInk(ink: Ink, region: PixelBox, em: number, baseline: number): boolean {
  const box = inkBox(ink, region);
  if (!box) return false;
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const solid = box.count / (w * h);
  return w >= 0.2 * em && w <= 0.6 * em && h >= 0.2 * em && h <= 0.6 * em && w / h > 0.6 && w / h < 1.6 && solid > 0.6 && box.y1 < baseline - 0.05 * em;
}

/**
 * "#" has slanted stems inset from its box, touched at the sides only by its bars; "H" has a stem down each
 * side. Light text on a dark band is read with the polarity turned (the box is then mostly "ink").
 */
function isHashInk(ink: Ink, box: PixelBox): boolean {
  const x0 = Math.max(0, Math.floor(box.x0));
  const x1 = Math.min(ink.width, Math.ceil(box.x1));
  const y0 = Math.max(0, Math.floor(box.y0));
  const y1 = Math.min(ink.height, Math.ceil(box.y1));
  let dark = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) dark += ink.mask[y * ink.width + x]!;
  const on = dark > 0.5 * (x1 - x0) * (y1 - y0) ? 0 : 1;
  const edge = Math.max(1, Math.round(0.15 * (x1 - x0)));
  let rows = 0;
  let touching = 0;
  for (let y = y0; y < y1; y++) {
    rows++;
    for (let x = x0; x < x0 + edge; x++)
      if (ink.mask[y * ink.width + x] === on) {
        touching++;
        break;
      }
  }
  return rows > 0 && touching / rows < 0.5;
}

/**
 * "H" then a number of one or two figures, as the engine reads "#N" in display type: a 1 often as l, I or |, a
 * 0 as O, a 7 as T, a 2 as Z, a 5 as S, an 8 as B (the shapes it confuses in large sans-serif figures).
 */
const HASH_NUMBER = /^H[\dlI|OoTZSB]{1,2}$/;
const LOOKALIKE_FIGURES: Record<string, string> = { l: '1', I: '1', '|': '1', O: '0', o: '0', T: '7', Z: '2', S: '5', B: '8' };
const digits = (s: string) => s.replace(/[lI|OoTZSB]/g, (c) => LOOKALIKE_FIGURES[c]!);

/** What the engine makes of a bullet on a noisy scan; the ink decides (a round solid dot), never the letter. */
const BULLET_LOOKALIKES = /^[+*»«•·°®©eoO¢"'‘’“”\-–—.=~ËÏëï■●▪]$/;

/**
 * The first mark of a region, scanning columns from the left (from the right with `fromRight`): the columns
 * holding ink up to the first blank column gap of `gap` pixels. Undefined when the region is blank or its ink
 * runs to the far edge.
 */
function firstMark(ink: Ink, region: PixelBox, gap: number, fromRight = false): PixelBox | undefined {
  const y0 = Math.max(0, Math.floor(region.y0));
  const y1 = Math.min(ink.height, Math.ceil(region.y1));
  const left = Math.max(0, Math.floor(region.x0));
  const right = Math.min(ink.width, Math.ceil(region.x1)) - 1;
  let start = -1;
  let blank = 0;
  for (let k = 0; k <= right - left; k++) {
    const x = fromRight ? right - k : left + k;
    let any = false;
    for (let y = y0; y < y1 && !any; y++) any = ink.mask[y * ink.width + x] === 1;
    if (any) {
      if (start < 0) start = x;
      blank = 0;
    } else if (start >= 0 && ++blank >= gap) return fromRight ? { x0: x + blank, y0, x1: start + 1, y1 } : { x0: start, y0, x1: x - blank + 1, y1 };
  }
  return undefined;
}

/** A bullet glued to the word before it, as the engine reads it: not the closing marks a word may end with. */
const BULLET_LAST_LOOKALIKES = /[+*•·°®©eoO¢=~ËÏëï■●▪\-–]$/;
/** A gap narrower than this share of the em between a word and the bullet after it is no space: they are one. */
const GLUED = 0.25;

/**
 * Bullets inside a run ("• Téléconsultations• Transports solidaires• Médicobus", a list run on in one cell):
 * a lone lookalike word, a lookalike last letter ("Téléconsultationse"), or a dot the engine dropped just after
 * a word; each must be a round solid dot by the ink. A bullet with no space before it stays glued to the word.
 */
function innerBullets(words: readonly OcrWord[], ink: Ink, em: number, baseline: number): OcrWord[] {
  const out: OcrWord[] = [];
  for (const [i, w] of words.entries()) {
    if (i > 0 && BULLET_LOOKALIKES.test(w.text) && isBulletInk(ink, w, em, baseline)) {
      out.push({ ...w, text: '•' });
      continue;
    }
    if (w.last && w.text.length > 1 && BULLET_LAST_LOOKALIKES.test(w.text) && isBulletInk(ink, w.last, em, baseline)) {
      out.push({ ...w, text: `${w.text.slice(0, -1)}•` });
      continue;
    }
    // Swallowed into the last letter's box ("solidaires•" read "solidaires"): a dot standing apart at its right.
    const gap = Math.max(2, Math.round(0.08 * em));
    const end = w.last && firstMark(ink, { x0: w.last.x0, y0: baseline - 0.8 * em, x1: w.x1 + 1, y1: baseline }, gap, true);
    if (end && end.x0 > w.last!.x0 + gap && isBulletInk(ink, end, em, baseline)) {
      out.push({ ...w, text: `${w.text}•` });
      continue;
    }
    out.push(w);
    if (w.text.endsWith('•')) continue;
    const next = words[i + 1];
    const region = { x0: w.x1 + 1, y0: baseline - 0.8 * em, x1: Math.min(w.x1 + 0.7 * em, next ? next.x0 - 1 : Infinity), y1: baseline };
    if (region.x1 <= region.x0) continue;
    const mark = firstMark(ink, region, gap);
    // After a run's last word only a glued dot: one further off may open the next cell, past an erased rule.
    if (!mark || mark.x0 > w.x1 + (next ? 0.4 : GLUED) * em || !isBulletInk(ink, mark, em, baseline)) continue;
    const dot = inkBox(ink, mark)!;
    if (dot.x0 - w.x1 < GLUED * em) out[out.length - 1] = { ...w, text: `${w.text}•`, x1: dot.x1 };
    else out.push({ text: '•', x0: dot.x0, y0: dot.y0, x1: dot.x1, y1: dot.y1, confidence: w.confidence });
  }
  return out;
}

/**
 * A semicolon's tail: the ink of the mark's lower dot, in the box's columns, runs on unbroken down to a tenth of
 * an em below the baseline (a colon's dot stops at it; a speck of scan noise below it is not joined to it).
 */
function tailBelow(ink: Ink, box: PixelBox, em: number, baseline: number): boolean {
  const x0 = Math.max(0, Math.floor(box.x0));
  const x1 = Math.min(ink.width, Math.ceil(box.x1));
  const inked = (y: number) => {
    for (let x = x0; x < x1; x++) if (ink.mask[y * ink.width + x]) return true;
    return false;
  };
  // The lower dot: ink in the rows just above the baseline; then follow it down.
  let y = Math.round(baseline - 0.1 * em);
  while (y < baseline + 0.1 * em && y < ink.height && !inked(y)) y++;
  if (y >= baseline + 0.1 * em || y >= ink.height) return false;
  while (y < ink.height && inked(y)) y++;
  return y >= baseline + 0.1 * em;
}

/** A semicolon read as a colon ("réduits:" for "réduits;"): its tail below the baseline decides. */
function semicolons(words: readonly OcrWord[], ink: Ink, em: number, baseline: number): OcrWord[] {
  return words.map((w) => {
    const box = w.text === ':' ? w : w.text.endsWith(':') ? w.last : undefined;
    return box && !/[gjpqyçQ(),;]/u.test(w.text.slice(0, -1).slice(-1)) && tailBelow(ink, box, em, baseline) ? { ...w, text: `${w.text.slice(0, -1)};` } : w;
  });
}

/** The line's words with bullets and hashes repaired (a bullet the engine dropped is put back as a word). */
export function repairGlyphs(line: OcrLine, em: number, baseline: number, mask: Uint8Array, width: number): OcrWord[] {
  const ink: Ink = { mask, width, height: mask.length / width };
  const hashed = line.words.map((w) => (w.first && HASH_NUMBER.test(w.text) && isHashInk(ink, w.first) ? { ...w, text: `#${digits(w.text.slice(1))}` } : w));
  const words = innerBullets(semicolons(hashed, ink, em, baseline), ink, em, baseline);
  const first = words[0];
  if (!first || first.text.startsWith('•')) return words;
  if (BULLET_LOOKALIKES.test(first.text) && isBulletInk(ink, first, em, baseline)) return [{ ...first, text: '•' }, ...words.slice(1)];
  // Dropped, or swallowed into the first word's box: a solid dot standing apart, just left of the first letter.
  const mark = firstMark(ink, { x0: first.x0 - 1.2 * em, y0: baseline - 0.8 * em, x1: first.x0 + 0.7 * em, y1: baseline }, Math.max(2, Math.round(0.08 * em)));
  if (mark && mark.x1 < first.x0 + 0.6 * em && isBulletInk(ink, mark, em, baseline)) {
    const dot = inkBox(ink, mark)!;
    return [{ text: '•', x0: dot.x0, y0: dot.y0, x1: dot.x1, y1: dot.y1, confidence: first.confidence }, { ...first, x0: Math.max(first.x0, dot.x1 + 1) }, ...words.slice(1)];
  }
  return words;
}
