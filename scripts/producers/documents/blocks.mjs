// The neutral document model every document producer renders (scripts/producers/documents/): a gold file is
// turned into a list of blocks by its kind's layout module (restitution.mjs, …), then printed by a renderer
// (word.mjs, reportlab.mjs, chromium.mjs). A kind adds its own layout module; renderers know only blocks.
//
// Blocks (all strings are printed as given; "\n" in a list item starts a sub-line):
//   { t: 'cover', lines: [{ text, size: 'xl'|'l'|'m'|'s', bold? }] }       a title page
//   { t: 'h', level: 1|2|3, text }                                          a heading
//   { t: 'kicker', text }                                                   a small label line above a heading
//   { t: 'p', text, bold?, italic?, boxed? }                                a paragraph
//   { t: 'list', items: [text], marker: '•'|'–'|'1.'|'engine' }            a list ('engine': the producer's own)
//   { t: 'columns', n, blocks: [block] }                                    blocks flowed in n columns
//   { t: 'grid', n, cells: [{ value, caption }] }                           key figures: big value over a caption
//   { t: 'table', header: [text], rows: [[text | { text, rowSpan }]] }      a ruled table (merged cells down)
//   { t: 'break' }                                                          a page break
import { prng } from '../variants.mjs';

export { prng };

/** A number with a thousands separator as typeset by the producer (" ", NBSP, narrow NBSP, thin space). */
export function groupThousands(n, sep = ' ') {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** Layout modules by kind: each exports `blocks(gold, params)` and `variantParams(seed)`. */
export const KINDS = {
  restitution: () => import('./restitution.mjs'),
};

export async function kindModule(kind) {
  const load = KINDS[kind];
  if (!load) throw new Error(`no document layout for kind "${kind}" (known: ${Object.keys(KINDS).join(', ')})`);
  return load();
}
