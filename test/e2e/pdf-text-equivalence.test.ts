import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fdr, tempDir } from '../helpers/cli.js';

/**
 * The PDF path and the text path must give the same model for the same document. The seed text dumps are
 * garbled by their own conversion (cells spilled into one another), so the text side here is a clean converter
 * markdown rendering of the same document the fixture PDF was printed from: its expected JSON.
 */
function markdownOf(doc: any, du: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const cell = (text: string) => text.split('\n').map((l) => `<p>${esc(l)}</p>`).join('');
  const out: string[] = [`# ${doc.title}`, '', `Cette feuille de route ${doc.territoryType === 'cts' ? 'territoriale' : 'départementale'} porte sur la période ${doc.period}, avec le Conseil territorial de santé ${du}.`, ''];
  for (const s of doc.signatories) out.push(s.name, s.role, '');
  out.push('RAPPEL DES 12 AXES PRIORITAIRES :', '');
  doc.prsAxes.forEach((a: string, i: number) => out.push(`${i + 1}. ${a} ;`, ''));
  for (const axis of doc.axes) {
    out.push(`Action prioritaire #${axis.number}`, '', `**${axis.title}**`, '');
    for (const chantier of axis.chantiers) {
      if (chantier.title) out.push(`Chantier : ${chantier.title}`, '');
      out.push('Actions\tFinancement\tIndicateur\tCommentaires');
      for (const a of chantier.actions) out.push([a.action, a.financement, a.indicateur, a.commentaire].map(cell).join('\t'));
      out.push('');
    }
  }
  out.push('LES PRIORITÉS RÉGIONALES TRANSVERSALES', '');
  for (const t of doc.transversalPriorities) out.push(t.title, ...t.text.split('\n'), '');
  return out.join('\n');
}

/** Everything but provenance, warnings and the source description. */
function comparable(doc: any) {
  return {
    kind: doc.kind,
    region: doc.region,
    territory: doc.territory,
    territoryType: doc.territoryType,
    title: doc.title,
    period: doc.period,
    signatories: doc.signatories,
    prsAxes: doc.prsAxes,
    transversalPriorities: doc.transversalPriorities.map((t: any) => ({ title: t.title, text: t.text })),
    axes: doc.axes.map((a: any) => ({
      number: a.number,
      title: a.title,
      prsTitle: a.prsTitle,
      chantiers: a.chantiers.map((c: any) => ({
        title: c.title,
        // Provenance and the evidence behind each row differ by nature between a PDF and a markdown table.
        actions: c.actions.map(({ provenance: _p, confidence: _c, weakEvidence: _w, ...rest }: any) => rest),
      })),
    })),
  };
}

describe.each([
  ['calvados-2024.departmental', 'du Calvados'],
  ['le-havre-2024.territorial', 'du Havre'],
])('%s: PDF path and text path', (name, du) => {
  const dir = tempDir('fdr-same-');
  const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8'));
  const md = join(dir, `${name}.md`);
  writeFileSync(md, markdownOf(expected, du));
  const fromPdf = fdr(['extract', join(FIXTURES, `${name}.pdf`), '-o', join(dir, 'pdf.json')]);
  const fromText = fdr(['extract', md, '-o', join(dir, 'md.json')]);

  it('give the same model, provenance aside', () => {
    expect(fromPdf.stderr + fromText.stderr).toBe('');
    const pdf = comparable(JSON.parse(readFileSync(join(dir, 'pdf.json'), 'utf8')));
    const text = comparable(JSON.parse(readFileSync(join(dir, 'md.json'), 'utf8')));
    expect(pdf.axes.flatMap((a: any) => a.chantiers.flatMap((c: any) => c.actions)).length).toBeGreaterThan(40);
    expect(pdf).toEqual(text);
  });

  it('keep their own kind of provenance: pages and boxes from the PDF, lines from the text', () => {
    const first = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')).axes[0].chantiers[0].actions[0].provenance;
    expect(first('pdf.json')).toMatchObject({ page: expect.any(Number), bbox: expect.any(Array) });
    expect(first('md.json')).toMatchObject({ lines: expect.any(Array) });
  });
});
