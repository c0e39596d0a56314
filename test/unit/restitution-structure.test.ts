import { describe, expect, it } from 'vitest';
import { readDocumentStructure } from '../../src/layout/structure/index.js';
import { parseRestitutionStructure } from '../../src/documents/restitution/structure-reader.js';
import { item, lines, page } from './layout-synthetic.js';

const source = { file: 'brochure.pdf', format: 'pdf' as const };

/** A theme page: title set larger (not in capitals), summary, tagline, two scope headings, bulleted items. */
function themePage(n: number, title: string, scale = 1) {
  const s = (v: number) => v * scale;
  const o = (size: number, bold = false) => ({ size: s(size), bold });
  return page(
    [
      item(title, s(50), s(40), o(16, true)),
      ...lines(['Lors des ateliers, les participants ont débattu longuement.', 'Ils ont proposé des solutions.'], s(50), s(70), o(10)),
      item('Imaginons des solutions pour... que chacun soit soigné.', s(50), s(110), o(10)),
      item('Pour une impulsion locale', s(50), s(140), o(12, true)),
      item('•', s(50), s(160), o(10)),
      item(`Créer des équipes mobiles ${n}`, s(64), s(160), o(10)),
      item('•', s(50), s(175), o(10)),
      item(`Mutualiser les ressources ${n}`, s(64), s(175), o(10)),
      item('Pour alimenter les travaux nationaux', s(50), s(205), o(12, true)),
      item('•', s(50), s(225), o(10)),
      item(`Faciliter les protocoles ${n}`, s(64), s(225), o(10)),
    ],
    { number: n, width: s(595), height: s(842) },
  );
}

describe('restitution read from the page structure', () => {
  it('gives each theme its title (as printed), summary, tagline and both proposition lists, at any scale', () => {
    for (const scale of [0.8, 1.3]) {
      const structure = readDocumentStructure([themePage(1, 'Renforcer l’accès aux soins', scale), themePage(2, 'Garantir la continuité des soins', scale)]);
      const doc = parseRestitutionStructure(structure, source);
      expect(doc.themes.map((t) => t.title)).toEqual(['Renforcer l’accès aux soins', 'Garantir la continuité des soins']);
      expect(doc.themes[0]!.summary).toBe('Lors des ateliers, les participants ont débattu longuement. Ils ont proposé des solutions.');
      expect(doc.themes[0]!.tagline).toBe('Imaginons des solutions pour... que chacun soit soigné.');
      expect(doc.themes[1]!.propositions).toEqual({ local: ['Créer des équipes mobiles 2', 'Mutualiser les ressources 2'], national: ['Faciliter les protocoles 2'] });
      expect(doc.themes[1]!.provenance).toEqual({ page: 2 });
    }
  });

  it('returns the parts found and names each missing part in a warning instead of refusing', () => {
    const doc = parseRestitutionStructure(readDocumentStructure([themePage(1, 'Renforcer l’accès aux soins')]), source);
    expect(doc.themes).toHaveLength(1);
    expect(doc.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['section-missing-key-figures', 'section-missing-workshops', 'section-missing-challenges', 'section-missing-engagements']),
    );
    expect(doc.warnings.map((w) => w.code)).not.toContain('section-missing-themes');
  });
});
