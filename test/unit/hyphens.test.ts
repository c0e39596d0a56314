import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText } from '../../src/layout/cell-text.js';
import type { Line } from '../../src/layout/lines.js';
import { evidence, looksCompound, resolveLineEndHyphens, stem, vocabularyOf } from '../../src/text/hyphens.js';
import {
  foldTypography,
  joinWrappedLines,
  LINE_END_HYPHEN as H,
  LINE_END_SPACED_HYPHEN as SP,
  LINE_END_TYPO_HYPHEN as TY,
} from '../../src/text/normalize.js';

const join = (...lines: string[]) => joinWrappedLines(lines);

describe('joinWrappedLines at a line-end hyphen', () => {
  it('marks a hyphen between letters before a lower-case letter', () => {
    expect(join('la préven-', 'tion')).toBe(`la préven${H}tion`);
    expect(join('le secteur médico-', 'social')).toBe(`le secteur médico${H}social`);
    expect(join('non\u2011', 'voyant')).toBe(`non${H}voyant`);
  });
  it('marks the U+2010 hyphen apart: the glyph some producers draw for their own hyphenation', () => {
    expect(join('les places autori\u2010', 'sées')).toBe(`les places autori${TY}sées`);
  });
  it('marks a hyphen spaced from its word ("anes -" / "thésie", "droits -" / "accès")', () => {
    expect(join('en médecine d’urgence, anes -', 'thésie réanimation')).toBe(`en médecine d’urgence, anes${SP}thésie réanimation`);
    expect(join('accès aux droits \u2010', 'accès à l’offre')).toBe(`accès aux droits${SP}accès à l’offre`);
  });
  it('rejoins a word cut after U+00AD, with or without the hyphen glyph drawn after it', () => {
    expect(join('la pré\u00ad', 'vention')).toBe('la prévention');
    expect(join('la pré\u00ad\u2010', 'vention')).toBe('la prévention');
    expect(join('la pré\u00ad -', 'vention')).toBe('la prévention');
  });
  it('keeps a hyphen before a capital, but marks one between two words in capitals', () => {
    expect(join('la Seine-', 'Maritime')).toBe('la Seine-Maritime');
    expect(join('PARTE\u2010', 'NAIRES')).toBe(`PARTE${TY}NAIRES`);
    expect(join('SEINE-', 'MARITIME')).toBe(`SEINE${H}MARITIME`);
  });
  it('keeps a hyphen before a digit without a space ("2023-2027", "COVID-19")', () => {
    expect(join('PRIAC 2023-', '2027')).toBe('PRIAC 2023-2027');
    expect(join('la COVID-', '19')).toBe('la COVID-19');
  });
  it('keeps a spaced dash before a digit or a capital as a spaced dash', () => {
    expect(join('Financement régional ARS -', '2024 : 137 473 euros')).toBe('Financement régional ARS - 2024 : 137 473 euros');
    expect(join('comité de suivi du lien ville -', 'Hôpital')).toBe('comité de suivi du lien ville - Hôpital');
    expect(join('(2024 -', '2030).')).toBe('(2024 - 2030).');
  });
  it('adds no space after a slash or a run of hyphens glued to the word ending the line', () => {
    expect(join('concertée ARS/', 'Département/MDPH')).toBe('concertée ARS/Département/MDPH');
    expect(join('Caen/Pôle Sain--', 'Laurent')).toBe('Caen/Pôle Sain--Laurent');
    expect(join('urgence /', 'CHRS')).toBe('urgence / CHRS');
    expect(join('urgence/CHRS/', 'accueil de jour')).toBe('urgence/CHRS/ accueil de jour');
  });
  it('a word cut at a cell line end goes on, even over a gap that looks like a paragraph break', () => {
    const line = (text: string, y0: number): Line => ({ x0: 300, x1: 430, y0, y1: y0 + 7, text, items: [], fontSize: 7.5, bold: false });
    // "€" in a taller font pushed the first line's top up: the gap reads wider than the pitch.
    const lines = [line('ARS : 35 000 € pour le dépar-', 158), line('tement seinomarin', 167.9)];
    expect(cellText(lines, 8.6)).toBe(`ARS : 35 000 € pour le dépar${H}tement seinomarin`);
    expect(cellText([line('Premier paragraphe.', 158), line('second paragraphe', 167.9)], 8.6)).toBe('Premier paragraphe.\nsecond paragraphe');
  });
  it('fold drops every mark', () => {
    expect(foldTypography(`préven${H}tion anes${SP}thésie autori${TY}sées`)).toBe('prévention anesthésie autorisées');
  });
});

describe('vocabulary', () => {
  it('stems inflected forms together', () => {
    expect(stem('sociaux')).toBe(stem('social'));
    expect(stem('sociales')).toBe(stem('social'));
    expect(stem('orthophonistes')).toBe(stem('orthophoniste'));
  });
  it('keeps pieces of cut words out', () => {
    const v = vocabularyOf([`un accompa${H}gnement`, 'ment pour les enfants', 'se termine en accompa-', `le médico-social et la ré${SP}ponse`]);
    expect(v.words.has('accompa')).toBe(false);
    expect(v.words.has('gnement')).toBe(false);
    expect(v.words.has('ment')).toBe(false);
    expect(v.words.has('ré')).toBe(false);
    expect(v.words.has(stem('enfants'))).toBe(true);
    expect(v.compounds.get('médico-social')).toBe(1);
  });
  it('weighs the compound against the joined word, inflections counted', () => {
    const v = vocabularyOf(['les établissements médico-sociaux', 'la prévention', 'le cofinancement', 'un co-financement']);
    expect(evidence('médico', 'social', v)).toBe('real');
    expect(evidence('préven', 'tion', v)).toBe('soft');
    expect(evidence('co', 'financement', v)).toBeUndefined();
    expect(looksCompound('médico', 'sociale', v)).toBe(true);
    expect(looksCompound('préven', 'tion', v)).toBe(false);
  });
});

/**
 * A document that hyphenates: words cut at line ends that it also writes whole, and words cut into pieces.
 * (The words written whole come last, so that `.slice(0, 6)` are the cut ones.) A word counts as the document's
 * when it is written in two places.
 */
const hyphenating = [
  `le dévelop${H}pement`,
  `un accompa${H}gnement`,
  `la coordi${H}nation des acteurs`,
  `des profes${H}sionnels`,
  `leur for${H}mation`,
  `une organi${H}sation`,
  'le développement, un accompagnement, des professionnels et leur formation',
  'la gynécologie, l’obstétrique, les sages et les femmes',
  'des femmes et des sages; l’obstétrique et la gynécologie',
];

describe('resolveLineEndHyphens', () => {
  it('keeps every line-end hyphen of a document that does not hyphenate', () => {
    const doc = { a: `le secteur médico${H}social`, b: `département Seino${H}marin`, c: `un co${H}financement`, d: 'le secteur social et le financement' };
    expect(resolveLineEndHyphens(doc)).toEqual({ a: 'le secteur médico-social', b: 'département Seino-marin', c: 'un co-financement', d: doc.d });
  });
  it('a compound whose joined form is also written does not make the document hyphenate', () => {
    const doc = [`Seino${H}marin`, 'seinomarin', 'seino-marins', `cyber${H}sécurité`, 'la sécurité'];
    expect(resolveLineEndHyphens(doc)).toEqual(['Seino-marin', 'seinomarin', 'seino-marins', 'cyber-sécurité', 'la sécurité']);
  });
  it('in a document that hyphenates, rejoins pieces and keeps compounds of its words', () => {
    const doc = [...hyphenating, `en gynécologie${H}obstétrique`, `des sages${H}femmes`, `le médico${H}social`, 'les médico-sociaux', `la psycho${H}logie`];
    const out = resolveLineEndHyphens(doc);
    expect(out.slice(0, 6)).toEqual(['le développement', 'un accompagnement', 'la coordination des acteurs', 'des professionnels', 'leur formation', 'une organisation']);
    expect(out.slice(9)).toEqual(['en gynécologie-obstétrique', 'des sages-femmes', 'le médico-social', 'les médico-sociaux', 'la psychologie']);
  });
  it('a cut between two vowels after a long head is a compound’s hyphen; after a short prefix it is not', () => {
    const doc = [...hyphenating, `en chirurgie${H}obstétrique`, `la co${H}ordination`, `la ré${H}adaptation`];
    expect(resolveLineEndHyphens(doc).slice(-3)).toEqual(['en chirurgie-obstétrique', 'la coordination', 'la réadaptation']);
  });
  it('a frequent short word does not start a compound', () => {
    const doc = [...hyphenating, ...Array.from({ length: 12 }, () => 'par le tout et pour la suite'), `il est par${H}tout`];
    expect(resolveLineEndHyphens(doc).at(-1)).toBe('il est partout');
  });
  it('settles a hyphen by the words the document writes elsewhere', () => {
    const doc = [...hyphenating, `l’ortho${H}phoniste`, 'les orthophonistes', `le médico${H}social`, 'les médico-sociaux'];
    expect(resolveLineEndHyphens(doc).slice(-4)).toEqual(['l’orthophoniste', 'les orthophonistes', 'le médico-social', 'les médico-sociaux']);
  });
  it('uses the words of the pages around the document', () => {
    const doc = [...hyphenating, `la cyber${H}sécurité`];
    expect(resolveLineEndHyphens(doc).at(-1)).toBe('la cybersécurité');
    expect(resolveLineEndHyphens(doc, ['Plan de cyber-sécurité des établissements']).at(-1)).toBe('la cyber-sécurité');
  });
  it('a word cut twice is rejoined whole', () => {
    const doc = [...hyphenating, `l’exercice interpro${H}fession${H}nel`, 'un exercice interprofessionnel'];
    expect(resolveLineEndHyphens(doc).at(-2)).toBe('l’exercice interprofessionnel');
  });
  it('spaced: a dash between words, the producer’s hyphenation between pieces', () => {
    expect(resolveLineEndHyphens({ a: `accès aux droits${SP}accès à l’offre` })).toEqual({ a: 'accès aux droits - accès à l’offre' });
    const doc = [...hyphenating, `d’urgence, anes${SP}thésie`, `aux droits${SP}accès aux soins`, 'les droits et l’accès'];
    expect(resolveLineEndHyphens(doc).slice(-3, -1)).toEqual(['d’urgence, anesthésie', 'aux droits - accès aux soins']);
  });
  it('a document that draws its hyphenation with U+2010 only: those are soft, plain hyphens real', () => {
    const doc = [`les places autori${TY}sées`, `les acteurs médico${H}sociaux`, `la pré${TY}vention`];
    expect(resolveLineEndHyphens(doc)).toEqual(['les places autorisées', 'les acteurs médico-sociaux', 'la prévention']);
  });
  it('U+2010 is no convention when the document also writes it inside a line', () => {
    const doc = [`les acteurs médico${TY}sociaux`, 'le secteur médico\u2010social'];
    expect(resolveLineEndHyphens(doc)[0]).toBe('les acteurs médico-sociaux');
  });
  it('resolves keys too, and leaves a document without marks as it is', () => {
    expect(resolveLineEndHyphens({ [`Pilote${H}s`]: 'x' })).toEqual({ 'Pilote-s': 'x' });
    const doc = { a: 'rien', b: [1, null, true, { c: 'x' }] };
    expect(resolveLineEndHyphens(doc)).toBe(doc);
  });
  it('leaves no mark, whatever the string (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom(H, SP, TY, '-', ' ', 'é', 'a', 'B', '\u2010', '\u00ad', '1', '’'),
      fc.string({ maxLength: 4 }),
      fc.constantFrom('préven', 'tion', 'médico', 'social', 'co', 'financement'),
    );
    const text = fc.array(piece, { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), fc.array(text, { maxLength: 3 }), (strings, context) => {
        const out = resolveLineEndHyphens({ strings, [`k${H}x`]: strings[0] ?? '' }, context);
        expect(JSON.stringify(out)).not.toMatch(/[\ue000-\ue002]/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('lower case for French', () => {
  it('is the default mapping: toLowerCase gives what toLocaleLowerCase("fr") gives, for every code point', () => {
    // Blocks of 4096 code points at a time (lone surrogates left out): the hyphen resolver lower-cases with
    // toLowerCase on the strength of this.
    for (let block = 0; block < 0x110000; block += 0x1000) {
      let text = '';
      for (let c = block; c < block + 0x1000; c++) if (c < 0xd800 || c > 0xdfff) text += String.fromCodePoint(c);
      expect(text.toLowerCase()).toBe(text.toLocaleLowerCase('fr'));
    }
    // Context-sensitive mappings (final sigma) and the letters other languages tailor (Turkish dotted I).
    for (const word of ['ΟΔΥΣΣΕΥΣ', 'ΣΑΣ. Σ', 'İSTANBUL', 'IJSSEL', 'ÉCOLE', 'MÉDICO-SOCIAUX'])
      expect(word.toLowerCase()).toBe(word.toLocaleLowerCase('fr'));
  });
});
