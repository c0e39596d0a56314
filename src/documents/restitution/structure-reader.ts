/**
 * A restitution brochure read from its PDF pages' structure (src/layout/structure): headings by their style give
 * the themes and scope headers, list items the propositions, commitments and challenges, figure grids the key
 * figures, run-in lists and columns the workshop places. The units and lines built here go to the same assembly
 * as a text dump's (parse.ts).
 */
import type { Restitution, SourceInfo } from '../../model/index.js';
import { type DocumentStructure, runInItems, type StructureBlock, type StructureLine } from '../../layout/structure/index.js';
import { cleanSpaces } from '../../text/normalize.js';
import { plainThousands } from '../../text/numbers.js';
import { assembleRestitution } from './parse.js';
import type { SourceLine } from './source-lines.js';
import { scopeOf } from './themes.js';
import type { Unit } from './units.js';

const TAGLINE = /^imaginons\b/i;

export function parseRestitutionStructure(structure: DocumentStructure, source: SourceInfo): Restitution {
  // One source line per printed line, numbered in reading order (PDF provenance gives the page).
  const lineOf = new Map<StructureLine, SourceLine>();
  const lines: SourceLine[] = structure.lines.map((l, k) => {
    const text = cleanSpaces(plainThousands(l.text));
    const s: SourceLine = { text, raw: text, line: k + 1, page: l.page };
    lineOf.set(l, s);
    return s;
  });
  const sourceLines = (b: StructureBlock) => b.lines.map((l) => lineOf.get(l)!);

  const units: Unit[] = [];
  const placeLines: SourceLine[] = [];
  const flat: string[] = [];
  const blocks = structure.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const ls = sourceLines(b);
    const at = (text: string): SourceLine => ({ ...ls[0]!, text, raw: text });
    switch (b.type) {
      case 'label':
        flat.push(b.text);
        break;
      case 'heading':
        // "Imaginons des solutions pour..." set as a heading over its text is the theme's tagline.
        if (TAGLINE.test(b.text) && blocks[i + 1]?.type === 'paragraph') {
          const next = blocks[++i] as Extract<StructureBlock, { type: 'paragraph' }>;
          const text = `${b.text} ${next.text}`;
          units.push({ type: 'tagline', text, lines: [...ls, ...sourceLines(next)] });
          flat.push(text);
          break;
        }
        // Words in capitals between two items of a list, with no heading style of their own, are the wrapped end
        // of the item before ("… coordonné –" + "CPTS, PSLA, MSP"): the reading order may have parted them.
        if (b.level > structure.styles.headings.length && blocks[i - 1]?.type === 'item' && blocks[i + 1]?.type === 'item') {
          const prev = units[units.length - 1];
          if (prev?.type === 'item') {
            if (prev.subItems.length) prev.subItems[prev.subItems.length - 1] += ` ${b.text}`;
            else prev.text = `${prev.text} ${b.text}`;
            prev.lines.push(...ls);
            flat.push(b.text);
            break;
          }
        }
        units.push({ type: 'heading', text: b.text, lines: ls });
        placeLines.push(at(b.text));
        flat.push(b.text);
        break;
      case 'figure': {
        const text = cleanSpaces(plainThousands(`${b.value} ${b.caption}`));
        units.push(proseUnit(units, text, ls));
        placeLines.push(at(text));
        flat.push(text);
        break;
      }
      case 'item': {
        if (b.depth > 0) {
          // An item indented under the previous one is one of its sub-items.
          const parent = units[units.length - 1];
          if (parent?.type === 'item') {
            parent.subItems.push(`${b.marker} ${b.text}`);
            parent.lines.push(...ls);
            flat.push(b.text);
            break;
          }
        }
        units.push({ type: 'item', marker: b.marker, text: b.text, subItems: [], lines: ls });
        placeLines.push(at(b.text));
        flat.push(b.text);
        break;
      }
      case 'paragraph': {
        const text = plainThousands(b.text);
        flat.push(...ls.map((l) => l.text));
        const places = runInItems(text);
        if (places) placeLines.push(...places.map(at));
        else placeLines.push(...ls);
        if (TAGLINE.test(text)) units.push({ type: 'tagline', text, lines: ls });
        // A short line naming a scope right over a list heads that list, whatever its type size.
        else if (text.length <= 100 && !/[.:]$/.test(text) && scopeOf(text) && blocks[i + 1]?.type === 'item') units.push({ type: 'heading', text, lines: ls });
        else units.push(proseUnit(units, text, ls));
        break;
      }
    }
  }
  return assembleRestitution({ lines, units, placeLines, flatText: flat.join('\n'), hasPages: true }, source);
}

/** A paragraph joins the prose unit right before it, or opens a new one. */
function proseUnit(units: Unit[], text: string, lines: SourceLine[]): Unit {
  const prev = units[units.length - 1];
  if (prev?.type === 'prose') {
    units.pop();
    prev.paragraphs.push(text);
    prev.paragraphLines.push(lines);
    prev.lines.push(...lines);
    prev.text = prev.paragraphs.join('\n');
    return prev;
  }
  return { type: 'prose', text, paragraphs: [text], paragraphLines: [lines], lines: [...lines] };
}
