import { describe, expect, it } from 'vitest';
import { documentLexicon, fold, learnWords, makeLexicon, REPAIR_BELOW, repairWord, repairWords } from '../../src/sources/ocr/lexicon.js';

// A small lexicon made here: the behaviour is the repair's, not the word list's.
const lexicon = () =>
  makeLexicon(['il', 'li', 'et', 'action', 'actions', 'définir', 'mise', 'œuvre', 'santé', 'pour', 'sont', 'comme', 'cadre', 'carte', 'que', 'cote', 'côte', 'médico-sociaux']);
const LOW = REPAIR_BELOW - 20;

describe('repairWord', () => {
  it('replaces a low-confidence word by the one lexicon word one lookalike apart', () => {
    expect(repairWord('||', LOW, lexicon())).toEqual({ outcome: 'repaired', text: 'Il', read: '||' });
    expect(repairWord('actlon', LOW, lexicon())).toMatchObject({ outcome: 'repaired', text: 'action' });
    expect(repairWord('cornme', LOW, lexicon())).toMatchObject({ outcome: 'repaired', text: 'comme' });
    expect(repairWord('santè', LOW, lexicon())).toMatchObject({ outcome: 'repaired', text: 'santé' });
  });

  it('keeps the punctuation, the elided article and the capital around the word', () => {
    expect(repairWord("(défïnir),", LOW, lexicon())).toMatchObject({ outcome: 'repaired', text: '(définir),' });
    expect(repairWord("l'actiom", LOW, lexicon())).toMatchObject({ outcome: 'repaired', text: "l'action" });
    expect(repairWord('Sanlé', LOW, lexicon())).toMatchObject({ outcome: 'repaired', text: 'Santé' });
    expect(repairWord('œuvrc', LOW, lexicon())).toMatchObject({ outcome: 'repaired', text: 'œuvre' });
  });

  it('never touches a word read with confidence, even one the lexicon does not hold', () => {
    expect(repairWord('actlon', REPAIR_BELOW, lexicon())).toEqual({ outcome: 'kept', text: 'actlon' });
    expect(repairWord('||', 99, lexicon())).toEqual({ outcome: 'kept', text: '||' });
  });

  it('leaves a word with two equally close candidates as read, and flags it', () => {
    // "carre" is one letter from both "cadre" and "carte".
    expect(repairWord('carre', LOW, lexicon())).toEqual({ outcome: 'ambiguous', text: 'carre', candidates: ['cadre', 'carte'] });
  });

  it("settles a tie between lookalikes with the document's own confident words, never a tie of letter edits", () => {
    expect(repairWord('cöte', LOW, lexicon())).toMatchObject({ outcome: 'ambiguous', candidates: ['cote', 'côte'] });
    const lex = lexicon();
    learnWords(lex, [{ text: 'côte,', confidence: 96 }, { text: 'cadre', confidence: 96 }]);
    expect(repairWord('cöte', LOW, lex)).toMatchObject({ outcome: 'repaired', text: 'côte' });
    expect(repairWord('carre', LOW, lex)).toMatchObject({ outcome: 'ambiguous' });
  });

  it('drops a doubled apostrophe', () => {
    expect(repairWord("l''action", LOW, lexicon())).toMatchObject({ outcome: 'repaired', text: "l'action" });
    expect(repairWord("l''ARS", LOW, lexicon())).toMatchObject({ outcome: 'repaired', text: "l'ARS" });
  });

  it('drops a diaeresis after a consonant, which French never writes, even in a word no lexicon holds', () => {
    expect(repairWord("Familï'bulle:", LOW, lexicon())).toMatchObject({ outcome: 'repaired', text: "Famili'bulle:" });
    expect(repairWord('Noëlle', LOW, lexicon())).toEqual({ outcome: 'kept', text: 'Noëlle' });
  });

  it('leaves words of the lexicon, numbers, acronyms, short words and words with no close candidate', () => {
    for (const w of ['action', 'Pour', '2024', '11', 'CAMSP', 'ARS', 'a', 'Xyzzyq', '60 000€', 'lan'])
      expect(repairWord(w, LOW, lexicon())).toEqual({ outcome: 'kept', text: w });
  });

  it('keeps an unknown word the document shows read alike twice, however unsure (a name, a misprint)', () => {
    const lex = lexicon();
    learnWords(lex, [{ text: "d'actiom", confidence: 70 }]);
    expect(repairWord("d'actiom", LOW, lex)).toMatchObject({ outcome: 'repaired', text: "d'action" });
    learnWords(lex, [{ text: 'actiom,', confidence: 60 }]);
    expect(repairWord("d'actiom", LOW, lex)).toEqual({ outcome: 'kept', text: "d'actiom" });
  });

  it('learns only confident words of letters', () => {
    const lex = makeLexicon([]);
    learnWords(lex, [
      { text: 'Téléconsultations', confidence: 95 },
      { text: 'Médicobus.', confidence: 91 },
      { text: 'Fausse', confidence: 60 },
      { text: 'A12', confidence: 99 },
    ]);
    expect([...lex.own].sort()).toEqual(['médicobus', 'téléconsultations']);
    expect(repairWord('Téléconsultatlons', LOW, lex)).toMatchObject({ outcome: 'repaired', text: 'Téléconsultations' });
  });

  it('counts what it did over a run of words', () => {
    const tally = { repaired: [] as string[], ambiguous: [] as string[] };
    const words = repairWords(
      [
        { text: '||', confidence: LOW, x0: 1 },
        { text: 'carre', confidence: LOW, x0: 2 },
        { text: 'sont', confidence: 97, x0: 3 },
      ],
      lexicon(),
      tally,
    );
    expect(words.map((w) => w.text)).toEqual(['Il', 'carre', 'sont']);
    expect(words[0]).toMatchObject({ x0: 1, confidence: LOW }); // the engine's confidence is kept
    expect(tally).toEqual({ repaired: ['|| → Il'], ambiguous: ['carre (cadre / carte)'] });
  });
});

describe('the shipped word list', () => {
  it('holds common French words, folded', () => {
    const lex = documentLexicon();
    for (const w of ['santé', 'définir', 'œuvre', 'territoire', 'financement']) expect(lex.general.has(fold(w))).toBe(true);
    expect(lex.own.size).toBe(0);
  });
});
