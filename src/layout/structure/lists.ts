/** Lists set in running text ("Valognes · Saint-Lô · Vire"): a paragraph of short names with one separator. */
const SEPARATORS = [' · ', ' • ', ' | ', ' / ', ' – ', ' — ', ' ; ', '; ', ', '];

/**
 * The items of a run-in list: a text cut by one repeated separator into at least `min` short pieces (at most
 * `maxWords` words each, each opening with a capital), or undefined when the text is running prose.
 */
export function runInItems(text: string, { min = 4, maxWords = 5 } = {}): string[] | undefined {
  const t = text.replace(/\s+/g, ' ').trim().replace(/[.;]$/, '');
  for (const sep of SEPARATORS) {
    const parts = t.split(sep.trim() === ',' || sep.trim() === ';' ? new RegExp(`\\s*${sep.trim()}\\s+`) : sep).map((p) => p.trim()).filter(Boolean);
    if (parts.length < min) continue;
    if (parts.every((p) => p.split(' ').length <= maxWords && /^\p{Lu}/u.test(p) && !/[.:!?]$/.test(p))) return parts;
  }
  return undefined;
}
