import { describe, expect, it } from 'vitest';
import { cellHtmlToText, readMarkdownRoadmap } from '../../src/documents/roadmap/markdown-reader.js';
import { parseRoadmapText } from '../../src/documents/roadmap/index.js';
import { FdrError } from '../../src/errors/index.js';

const source = { file: 'x.md', sha256: '0'.repeat(64), format: 'markdown' as const };

describe('cellHtmlToText', () => {
  it('puts each paragraph on its own line', () => {
    expect(cellHtmlToText('<p>Premier.</p> <p>Second.</p>')).toBe('Premier.\nSecond.');
  });
  it('starts a list on a new line and keeps its markers', () => {
    expect(cellHtmlToText('Dispositifs : <ul style="x">• A• B')).toBe('Dispositifs :\n• A• B');
  });
  it('continues pending list text into a following paragraph (converters drop </ul>)', () => {
    expect(cellHtmlToText('<p>Intro :</p> <ul>- un. <p>Suite.</p> <p>Fin.</p>')).toBe('Intro :\n- un. Suite.\nFin.');
  });
  it('decodes entities and folds spaces', () => {
    expect(cellHtmlToText('A&nbsp;&amp;  B<br>C &#8217;')).toBe('A & B\nC ’');
  });
  it('returns "" for an empty cell', () => {
    expect(cellHtmlToText('  ')).toBe('');
  });
});

/** A roadmap of another territory, laid out like the converter's markdown, with other words. */
const EVREUX_VERNON = `Feuille de route territoriale d'Évreux-Vernon

Cette déclinaison priorise les actions à mener pour l'année 2025/2026.

Marie DUPONT-LEROY
Présidente du Conseil territorial
de santé d'Évreux-Vernon

**Améliorer la santé mentale
des Normands**

**Action
prioritaire
#3**

Chantier : Prévenir la crise suicidaire

Action
prioritaire
#3

actions\tFINANCEMENTS\tIndicateurs\tCommentaire
Former des sentinelles\t12 000 € par an\tNombre de sentinelles formées\t<p>Réseau VigilanS.</p> <p>Deux sessions.</p>
Créer une ligne d'écoute\t\t\t

Chantier : Prévenir la crise suicidaire (suite)

Actions\tFinancement\tIndicateur\tCommentaires
Évaluer le dispositif\tNC\tRapport annuel\t

Action
prioritaire
#5

**Garantir aux personnes en situation de précarité l'accès aux soins et services dont elles ont besoin**

Actions\tFinancement\tIndicateur\tCommentaires
Ouvrir une permanence d'accès aux soins\tFIR 2025 : 80 000 €\tFile active\tÀ Evreux
`;

describe('readMarkdownRoadmap on a roadmap it has never seen', () => {
  const doc = parseRoadmapText(EVREUX_VERNON, source);

  it('reads the front matter of another territory', () => {
    expect(doc.title).toBe("Feuille de route territoriale d'Évreux-Vernon");
    expect(doc.territory).toBe('Évreux-Vernon');
    expect(doc.territoryType).toBe('cts');
    expect(doc.period).toBe('2025-2026');
    expect(doc.signatories).toEqual([{ name: 'Marie DUPONT-LEROY', role: "Présidente du Conseil territorial de santé d'Évreux-Vernon" }]);
  });

  it('maps columns by header names, whatever their case and number', () => {
    const first = doc.axes[0]!.chantiers[0]!.actions[0]!;
    expect(first).toMatchObject({ action: 'Former des sentinelles', financement: '12 000 € par an', indicateur: 'Nombre de sentinelles formées', commentaire: 'Réseau VigilanS.\nDeux sessions.' });
    expect(first.fundings[0]).toMatchObject({ amount: 12000, per: 'par an' });
  });

  it('joins a "(suite)" chantier to the chantier it continues', () => {
    expect(doc.axes.map((a) => a.number)).toEqual([3, 5]);
    expect(doc.axes[0]!.title).toBe('Améliorer la santé mentale des Normands');
    expect(doc.axes[0]!.chantiers).toHaveLength(1);
    expect(doc.axes[0]!.chantiers[0]!.title).toBe('Prévenir la crise suicidaire');
    expect(doc.axes[0]!.chantiers[0]!.actions.map((a) => a.action)).toEqual(['Former des sentinelles', "Créer une ligne d'écoute", 'Évaluer le dispositif']);
  });

  it('puts a table with no chantier line in a chantier titled ""', () => {
    const axis5 = doc.axes[1]!;
    expect(axis5.title).toMatch(/^Garantir aux personnes en situation de précarité/);
    expect(axis5.chantiers).toEqual([expect.objectContaining({ title: '' })]);
    expect(axis5.chantiers[0]!.actions[0]!.fundingTotalEur).toBe(80000);
  });

  it('keeps source lines as provenance', () => {
    const row = doc.axes[0]!.chantiers[0]!.actions[0]!;
    expect(EVREUX_VERNON.split('\n')[row.provenance.lines![0] - 1]).toMatch(/^Former des sentinelles/);
  });

  it('has no axis warnings when titles match the PRS', () => {
    expect(doc.warnings.filter((w) => w.code.startsWith('axis'))).toEqual([]);
  });
});

describe('readMarkdownRoadmap edge cases', () => {
  it('warns, not crashes, on a row before any header', () => {
    const r = readMarkdownRoadmap('a\tb\tc\td\n');
    expect(r.warnings.map((w) => w.code)).toContain('row-without-header');
  });

  it('raises NO_ROADMAP_TABLE when there is no table', () => {
    expect(() => parseRoadmapText('Feuille de route territoriale du Havre\n\n**Bonjour**\n', source)).toThrow(FdrError);
    try {
      parseRoadmapText('Rien ici\tni là\tni ailleurs\n', source);
    } catch (e) {
      expect((e as FdrError).code).toBe('NO_ROADMAP_TABLE');
    }
  });

  it('warns when an axis title does not match the PRS axis', () => {
    const doc = parseRoadmapText('**Un titre inventé pour cet axe**\n\nAction prioritaire #2\n\nActions\tFinancement\tIndicateur\tCommentaires\nFaire\t\t\t\n', source);
    expect(doc.warnings.map((w) => w.code)).toContain('axis-title-mismatch');
  });
});
