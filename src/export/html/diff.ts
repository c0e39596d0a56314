/** The HTML report of `fdr diff`: what changed between two editions, words highlighted, funding deltas charted. */
import { signedEuros } from '../../diff/format.js';
import { fundingOf } from '../../diff/render.js';
import { wordDiff } from '../../diff/word-diff.js';
import type { ActionChange, ActionSnapshot, ChantierPlace, DiffEdition, RoadmapDiff, WordDiffPart } from '../../model/index.js';
import { barChart } from './chart.js';
import { count, esc, eurosHtml, filterBox, htmlDocument, multiline, section, table } from './kit.js';

const DOCUMENT_FIELDS = { title: 'titre', region: 'région', territory: 'territoire', territoryType: 'type de territoire', period: 'période' } as const;
const FIELD_NAMES = { action: 'Action', financement: 'Financement', indicateur: 'Indicateur(s)', commentaire: 'Commentaire' } as const;

/** Word diff as HTML: deletions struck through (`<del>`), insertions underlined (`<ins>`), not by colour alone. */
export function wordDiffHtml(parts: readonly WordDiffPart[]): string {
  return parts
    .map((p) => (p.op === 'equal' ? esc(p.text) : p.op === 'delete' ? `<del>${esc(p.text)}</del>` : `<ins>${esc(p.text)}</ins>`))
    .join(' ');
}

const place = (p: ChantierPlace) => `${p.axis === 0 ? 'hors axe' : `axe ${p.axis}`} › ${p.chantier || '(sans chantier)'}`;
const joined = (rows: readonly ActionSnapshot[], f: keyof typeof FIELD_NAMES) =>
  rows
    .map((r) => r[f].trim())
    .filter(Boolean)
    .join('\n');

/** The labels of a change as the reader scans them (also what the filter box finds). */
export function changeKinds(c: ActionChange): string[] {
  switch (c.type) {
    case 'added':
      return ['ajoutée'];
    case 'removed':
      return ['supprimée'];
    case 'split':
      return ['scindée'];
    case 'merged':
      return ['fusionnée'];
    case 'changed':
      return [...(c.fields.length ? ['modifiée'] : []), ...(c.moved ? ['déplacée'] : [])];
  }
}

const TAG_CLASS: Record<string, string> = { ajoutée: 'added', supprimée: 'removed', modifiée: 'modified', déplacée: 'moved', scindée: 'modified', fusionnée: 'modified' };

/**
 * What each action change does to the funding read, for the chart: a matched action's delta, an added action's
 * amount, a removed action's amount taken away. Changes without a readable amount on the side that matters
 * are left out (their delta is unknown).
 */
export function fundingDeltas(d: RoadmapDiff): { label: string; value: number; kind: string }[] {
  const out: { label: string; value: number; kind: string }[] = [];
  for (const c of d.actions) {
    const text = (c.new.length ? c.new : c.old).map((r) => r.action).join(' / ');
    const kind = changeKinds(c).join(', ');
    if (c.type === 'added') {
      const v = fundingOf(c.new);
      if (v !== null && v !== 0) out.push({ label: `${kind} : ${text}`, value: v, kind });
    } else if (c.type === 'removed') {
      const v = fundingOf(c.old);
      if (v !== null && v !== 0) out.push({ label: `${kind} : ${text}`, value: -v, kind });
    } else if (c.funding?.delta !== null && c.funding?.delta !== undefined && c.funding.delta !== 0) {
      out.push({ label: `${kind || 'financement'} : ${text}`, value: c.funding.delta, kind });
    }
  }
  return out;
}

function editionCells(label: string, e: DiffEdition): string[] {
  return [esc(label), `<code>${esc(e.file)}</code>`, esc(e.territory), esc(e.period), count(e.axes), count(e.chantiers), count(e.actions), eurosHtml(e.fundingTotalEur)];
}

function textCell(c: ActionChange): string {
  if (c.textDiff) return wordDiffHtml(c.textDiff);
  if (c.type === 'split' || c.type === 'merged') {
    const from = c.old.map((r) => `<li>${multiline(r.action)}</li>`).join('');
    const to = c.new.map((r) => `<li>${multiline(r.action)}</li>`).join('');
    return `<p>Avant :</p><ol>${from}</ol><p>Après :</p><ol>${to}</ol>`;
  }
  if (c.type === 'added') return `<ins>${multiline(joined(c.new, 'action'))}</ins>`;
  if (c.type === 'removed') return `<del>${multiline(joined(c.old, 'action'))}</del>`;
  return multiline(joined(c.new, 'action'));
}

function otherCells(c: ActionChange): string {
  const fields = c.fields.filter((f) => f !== 'action');
  const lines = fields.map((f) => `<p><strong>${esc(FIELD_NAMES[f])} :</strong> ${wordDiffHtml(wordDiff(joined(c.old, f), joined(c.new, f)))}</p>`);
  if (c.type === 'added' && joined(c.new, 'financement')) lines.push(`<p><strong>Financement :</strong> ${multiline(joined(c.new, 'financement'))}</p>`);
  return lines.join('');
}

function fundingCell(c: ActionChange): string {
  if (c.funding) {
    const f = c.funding;
    return `${eurosHtml(f.before)} → ${eurosHtml(f.after)}${f.delta !== null ? `<br><strong>${esc(signedEuros(f.delta))}</strong>` : ''}`;
  }
  if (c.type === 'added') return fundingOf(c.new) === null ? '' : `<strong>${esc(signedEuros(fundingOf(c.new)))}</strong>`;
  if (c.type === 'removed') return fundingOf(c.old) === null ? '' : `<strong>${esc(signedEuros(-fundingOf(c.old)!))}</strong>`;
  return '';
}

export function diffReport(d: RoadmapDiff): string {
  const name = (e: DiffEdition) => [e.territory, e.period].filter(Boolean).join(' ') || e.file;
  const title = `Évolution de la feuille de route : ${name(d.old)} → ${name(d.new)}`;
  const s = d.summary;
  const out: string[] = [];
  out.push(
    `<header><p class="kicker">Comparaison de deux éditions</p><h1>${esc(title)}</h1>`,
    table({
      caption: 'Les deux éditions',
      columns: [
        { label: 'Édition' },
        { label: 'Fichier' },
        { label: 'Territoire' },
        { label: 'Période' },
        { label: 'Axes', numeric: true },
        { label: 'Chantiers', numeric: true },
        { label: 'Actions', numeric: true },
        { label: 'Financement lu', numeric: true },
      ],
      rows: [{ cells: editionCells('Ancienne', d.old) }, { cells: editionCells('Nouvelle', d.new) }],
    }),
    '</header>',
  );
  if (!d.hasChanges) {
    out.push('<p class="note">Aucun changement (espaces et typographie mis à part).</p>');
    return htmlDocument({ title, body: out.join('\n'), fundingNote: true });
  }

  const t = s.fundingTotal;
  out.push(
    section(
      'resume',
      'Résumé',
      table({
        caption: 'Nombre de changements',
        className: 'narrow',
        columns: [{ label: 'Changement' }, { label: 'Nombre', numeric: true }],
        rows: (
          [
            ['Actions ajoutées', count(s.added)],
            ['Actions supprimées', count(s.removed)],
            ['Actions modifiées', count(s.modified)],
            ['Actions déplacées', count(s.moved)],
            ['Lignes scindées', count(s.split)],
            ['Lignes fusionnées', count(s.merged)],
            ['Financements modifiés', count(s.fundingChanged)],
            ['Chantiers ajoutés / supprimés', `${count(s.chantiersAdded)} / ${count(s.chantiersRemoved)}`],
            ['Chantiers renommés / déplacés', `${count(s.chantiersRenamed)} / ${count(s.chantiersMoved)}`],
            ['Axes ajoutés / supprimés', `${count(s.axesAdded)} / ${count(s.axesRemoved)}`],
            ['Financement lu total', `${eurosHtml(t.before)} → ${eurosHtml(t.after)} (${esc(signedEuros(t.delta))})`],
          ] as const
        ).map(([label, value]) => ({ cells: [esc(label), value] })),
      }),
    ),
  );

  const deltas = fundingDeltas(d);
  out.push(
    section(
      'financement',
      'Écarts de financement',
      deltas.length
        ? barChart({
            id: 'graphique-ecarts',
            title: 'Écart de financement lu, par action (euros ; à droite : hausse, à gauche : baisse)',
            description: `Une barre par action dont le financement lu change (ajout, suppression ou montant modifié) ; ${deltas.length} barres. Total : ${signedEuros(t.delta)}.`,
            groups: [{ label: '', bars: deltas.map((x) => ({ label: x.label, value: x.value })) }],
            format: signedEuros,
            bySign: true,
            labelsAbove: true,
          })
        : '<p>Aucun montant lu ne change.</p>',
    ),
  );

  if (d.document.length || d.axes.length || d.chantiers.length) {
    const rows = [
      ...d.document.map((f) => ({ cells: ['document', esc(DOCUMENT_FIELDS[f.field]), wordDiffHtml(wordDiff(f.before, f.after))] })),
      ...d.axes.map((a) => ({
        cells: [`axe ${a.number}`, esc({ added: 'ajouté', removed: 'supprimé', retitled: 'renommé' }[a.type]), wordDiffHtml(wordDiff(a.before ?? '', a.after ?? ''))],
      })),
      ...d.chantiers.map((ch) => ({
        cells: [
          'chantier',
          esc({ added: 'ajouté', removed: 'supprimé', renamed: 'renommé', moved: 'déplacé' }[ch.type]),
          ch.type === 'moved'
            ? `${esc(place(ch.before!))} → ${esc(place(ch.after!))}`
            : ch.type === 'renamed'
              ? `${esc(ch.before!.axis === 0 ? 'hors axe' : `axe ${ch.before!.axis}`)} : ${wordDiffHtml(wordDiff(ch.before!.chantier, ch.after!.chantier))}`
              : ch.type === 'added'
                ? `<ins>${esc(place(ch.after!))}</ins>`
                : `<del>${esc(place(ch.before!))}</del>`,
        ],
      })),
    ];
    out.push(
      section(
        'structure',
        'Document, axes et chantiers',
        table({ caption: 'Changements du document, des axes et des chantiers', columns: [{ label: 'Niveau' }, { label: 'Changement' }, { label: 'Détail' }], rows }),
      ),
    );
  }

  const rows = d.actions.map((c, i) => {
    const at = c.new[0] ?? c.old[0]!;
    const kinds = changeKinds(c);
    const moved = c.moved ? `<br><span class="tag moved">déplacée</span> depuis ${esc(place(c.moved.from))}` : '';
    return {
      id: `changement-${i + 1}`,
      cells: [
        esc(i + 1),
        kinds.map((k) => `<span class="tag ${TAG_CLASS[k] ?? ''}">${esc(k)}</span>`).join(' ') + (c.funding ? ' <span class="tag">financement</span>' : ''),
        esc(place(at)) + moved,
        textCell(c),
        otherCells(c),
        fundingCell(c),
      ],
    };
  });
  out.push(
    section(
      'changements',
      `Actions changées (${d.actions.length})`,
      `<p>Mots supprimés <del>barrés</del>, mots ajoutés <ins>soulignés</ins>. Les actions inchangées (${count(s.unchanged)}) ne sont pas listées.</p>` +
        filterBox('table-changements', 'Filtrer les changements :') +
        table({
          id: 'table-changements',
          caption: 'Changements des actions, par axe et chantier',
          columns: [{ label: 'N°' }, { label: 'Type' }, { label: 'Axe › chantier' }, { label: 'Action', wide: true }, { label: 'Autres cellules', wide: true }, { label: 'Financement', numeric: true }],
          rows,
        }),
    ),
  );
  return htmlDocument({ title, body: out.join('\n'), fundingNote: true });
}

