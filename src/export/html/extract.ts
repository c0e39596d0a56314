/** The HTML report of one extracted document: roadmap, restitution or workshop announcement. */
import { LOW_CONFIDENCE } from '../../check/rules.js';
import { euros } from '../../diff/format.js';
import type { Action, BBox, Events, ExtractedDocument, Restitution, Roadmap } from '../../model/index.js';
import { barChart } from './chart.js';
import { count, esc, eurosHtml, facts, FIGURE_COLUMNS, figureCells, filterBox, htmlDocument, list, multiline, provenanceText, section, table } from './kit.js';

/** A page of the source PDF drawn small: an image (data URI) and the page size in PDF points. */
export interface PageImage {
  dataUri: string;
  width: number;
  height: number;
}

export interface ExtractReportOptions {
  /** Page images by 1-based page number (`--thumbnails`); each action then shows its page with its box drawn. */
  pages?: ReadonlyMap<number, PageImage>;
  /** Why thumbnails were asked for but are not shown (not a PDF, renderer unavailable). */
  thumbnailsUnavailable?: string;
}

const FILE_FORMATS: Record<string, string> = { pdf: 'PDF', text: 'texte', markdown: 'markdown', json: 'JSON' };

function sourceFacts(doc: ExtractedDocument): [string, string][] {
  const s = doc.source;
  return [
    ['Fichier source', `<code>${esc(s.file)}</code>`],
    ['Format', esc(FILE_FORMATS[s.format] ?? s.format) + (s.pages ? ` · ${count(s.pages)} pages` : '')],
    ['Empreinte SHA-256', `<code title="${esc(s.sha256)}">${esc(s.sha256.slice(0, 12))}…</code>`],
  ];
}

/** Signatories on one line under the facts (their roles are long: a grid cell would be a narrow column). */
function signatoriesHtml(signatories: readonly { name: string; role: string }[]): string {
  if (!signatories.length) return '';
  return `<p><strong>Signataires :</strong> ${signatories.map((s) => `${esc(s.name)}${s.role ? ` (${esc(s.role)})` : ''}`).join(' ; ')}</p>`;
}

function warningsSection(doc: ExtractedDocument): string {
  if (!doc.warnings.length) return '';
  return section(
    'avertissements',
    `Avertissements (${doc.warnings.length})`,
    `<p>Ce que l’extraction a remarqué sans pouvoir le trancher : à vérifier dans le document source.</p>` +
      table({
        caption: 'Avertissements de l’extraction',
        columns: [{ label: 'Code' }, { label: 'Message' }, { label: 'Source' }],
        rows: doc.warnings.map((w) => ({ cells: [`<code>${esc(w.code)}</code>`, esc(w.message), esc(provenanceText(w.at))] })),
      }),
  );
}

/** Where a PDF link points: the source file beside the report, at the page (PDF open parameters). */
function pageHref(file: string, page: number): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return `${encodeURI(name).replace(/#/g, '%23').replace(/\?/g, '%3F')}#page=${page}`;
}

function bboxText(b: BBox): string {
  return b.map((v) => Math.round(v)).join(', ');
}

/** The provenance cell of an action: page link and box, or source lines; the thumbnail when there is one. */
function sourceCell(doc: Roadmap, action: Action, pages: ReadonlyMap<number, PageImage> | undefined): string {
  const p = action.provenance;
  if (p.page === undefined) return `<span class="src">${esc(provenanceText(p))}</span>`;
  const box = p.bbox ? `<br><span class="src" title="Cadre [x0, y0, x1, y1] en points PDF, origine en haut à gauche">[${esc(bboxText(p.bbox))}]</span>` : '';
  const link = `<a class="src" href="${esc(pageHref(doc.source.file, p.page))}" title="Ouvrir la page dans le PDF (s’il est à côté du rapport)">p. ${p.page}</a>`;
  const image = pages?.get(p.page);
  if (!image || !p.bbox) return link + box;
  const [x0, y0, x1, y1] = p.bbox;
  const pct = (v: number, of: number) => `${Math.max(0, Math.min(100, (v / of) * 100)).toFixed(2)}%`;
  const thumb =
    `<span class="thumb pg-${p.page}" role="img" tabindex="0" aria-label="Page ${p.page} du PDF, cadre de l’action en rouge" style="aspect-ratio:${image.width.toFixed(1)}/${image.height.toFixed(1)}">` +
    `<span class="box" style="left:${pct(x0, image.width)};top:${pct(y0, image.height)};width:${pct(x1 - x0, image.width)};height:${pct(y1 - y0, image.height)}"></span></span>`;
  return link + box + thumb;
}

interface AxisFigures {
  number: number;
  title: string;
  chantiers: number;
  actions: number;
  funding: number;
  withoutAmount: number;
}

export function roadmapAxisFigures(doc: Roadmap): AxisFigures[] {
  return doc.axes.map((a) => {
    const actions = a.chantiers.flatMap((c) => c.actions);
    return {
      number: a.number,
      title: a.title || a.prsTitle || '',
      chantiers: a.chantiers.length,
      actions: actions.length,
      funding: actions.reduce((s, x) => s + (x.fundingTotalEur ?? 0), 0),
      withoutAmount: actions.filter((x) => x.fundingTotalEur === null).length,
    };
  });
}

const axisName = (n: number, title: string) => (n === 0 ? 'Hors axe' : `Axe ${n}${title ? ` — ${title}` : ''}`);

export function roadmapReport(doc: Roadmap, options: ExtractReportOptions = {}): string {
  const figures = roadmapAxisFigures(doc);
  const all = doc.axes.flatMap((a) => a.chantiers.flatMap((c) => c.actions));
  const total = figures.reduce((s, f) => s + f.funding, 0);
  const review = all.filter((a) => a.confidence < LOW_CONFIDENCE).length;
  const title = doc.title || `Feuille de route — ${doc.territory}`;
  const out: string[] = [];

  out.push(
    `<header><p class="kicker">Feuille de route ${doc.territoryType === 'cts' ? 'territoriale' : 'départementale'}${doc.region ? ` · ${esc(doc.region)}` : ''}</p><h1>${esc(title)}</h1>`,
    facts([
      ['Territoire', esc(doc.territory)],
      ['Période', esc(doc.period)],
      ['Axes', count(doc.axes.length)],
      ['Chantiers', count(figures.reduce((s, f) => s + f.chantiers, 0))],
      ['Actions', count(all.length)],
      ['Financement lu (total)', eurosHtml(total)],
      ['Actions à vérifier', `${count(review)} <span class="muted">(confiance &lt; ${LOW_CONFIDENCE})</span>`],
      ...sourceFacts(doc),
    ]),
    signatoriesHtml(doc.signatories),
    '</header>',
  );

  out.push(
    section(
      'synthese',
      'Synthèse par axe',
      table({
        caption: 'Chantiers, actions et financement lu, par axe',
        columns: [{ label: 'Axe' }, { label: 'Intitulé' }, ...FIGURE_COLUMNS],
        rows: figures.map((f) => ({ cells: [f.number === 0 ? 'hors axe' : esc(f.number), esc(f.title), ...figureCells({ ...f, funding: eurosHtml(f.funding) })] })),
        foot: [
          {
            cells: [
              'Total',
              '',
              ...figureCells({
                chantiers: figures.reduce((s, f) => s + f.chantiers, 0),
                actions: all.length,
                funding: eurosHtml(total),
                withoutAmount: all.filter((a) => a.fundingTotalEur === null).length,
              }),
            ],
          },
        ],
      }) +
        barChart({
          id: 'graphique-financement',
          title: 'Financement lu par axe (euros)',
          description: `Une barre par axe, longueur proportionnelle au financement lu ; ${figures.length} barres.`,
          groups: [{ label: '', bars: figures.map((f) => ({ label: axisName(f.number, f.title), value: f.funding })) }],
          format: euros,
        }),
    ),
  );

  const extraKeys = [...new Set(all.flatMap((a) => Object.keys(a.extra)))];
  const rows = [];
  let n = 0;
  for (const axis of doc.axes)
    for (const chantier of axis.chantiers)
      for (const action of chantier.actions) {
        n++;
        const low = action.confidence < LOW_CONFIDENCE;
        rows.push({
          id: `action-${n}`,
          className: low ? 'low' : '',
          cells: [
            `<a href="#action-${n}">${n}</a>`,
            esc(axis.number === 0 ? 'hors axe' : axis.number),
            multiline(chantier.title) || '<span class="muted">(sans chantier)</span>',
            multiline(action.action) + (low ? `<br><span class="tag">à vérifier (confiance ${action.confidence.toFixed(2)})</span>` : ''),
            multiline(action.financement),
            action.fundingTotalEur === null ? '<span aria-label="aucun montant lisible">—</span>' : eurosHtml(action.fundingTotalEur),
            sourceCell(doc, action, options.pages),
            multiline(action.indicateur),
            multiline(action.commentaire),
            ...extraKeys.map((k) => multiline(action.extra[k] ?? '')),
          ],
        });
      }
  const thumbnailNote = options.thumbnailsUnavailable ? `<p class="note">Vignettes non incluses : ${esc(options.thumbnailsUnavailable)}.</p>` : '';
  out.push(
    section(
      'actions',
      `Actions (${all.length})`,
      thumbnailNote +
        filterBox('table-actions', 'Filtrer les actions :') +
        table({
          id: 'table-actions',
          className: 'actions',
          caption: 'Toutes les actions, dans l’ordre du document',
          columns: [
            { label: 'N°' },
            { label: 'Axe' },
            { label: 'Chantier' },
            { label: 'Action', wide: true },
            { label: 'Financement' },
            { label: 'Montant lu', numeric: true },
            { label: 'Source' },
            { label: 'Indicateur(s)' },
            { label: 'Commentaire', wide: true },
            ...extraKeys.map((k) => ({ label: k })),
          ],
          rows,
        }),
    ),
  );

  if (doc.transversalPriorities.length)
    out.push(
      section(
        'priorites',
        'Priorités transversales',
        doc.transversalPriorities.map((p, i) => section(`priorite-${i + 1}`, p.title, `<p>${multiline(p.text)}</p>`, 3)).join(''),
      ),
    );
  if (doc.unrecognisedTables.length)
    out.push(
      section(
        'tableaux-non-reconnus',
        `Tableaux non reconnus (${doc.unrecognisedTables.length})`,
        doc.unrecognisedTables
          .map((t, i) => {
            const [head = [], ...body] = t.rows;
            return table({
              caption: `Tableau ${i + 1}, page ${t.page} : ${t.reason}`,
              columns: head.map((h) => ({ label: h })),
              rows: body.map((r) => ({ cells: r.map(multiline) })),
            });
          })
          .join(''),
      ),
    );
  out.push(warningsSection(doc));
  return htmlDocument({ title, body: out.join('\n'), extraCss: pageImageCss(options.pages), fundingNote: true });
}

/** A data URI that cannot end the string, the rule or the style element it sits in. */
const SAFE_DATA_URI = /^data:image\/(jpeg|png);base64,[A-Za-z0-9+/=]*$/;

/** Each page image once, as a class the thumbnails of that page share. */
function pageImageCss(pages: ReadonlyMap<number, PageImage> | undefined): string {
  if (!pages?.size) return '';
  return [...pages]
    .filter(([, p]) => SAFE_DATA_URI.test(p.dataUri))
    .map(([n, p]) => `.pg-${n}{background-image:url("${p.dataUri}")}`)
    .join('\n');
}

export function restitutionReport(doc: Restitution): string {
  const title = `Restitution des ateliers du CNR santé — ${doc.region || 'région non lue'}`;
  const k = doc.keyFigures;
  const out: string[] = [];
  out.push(
    `<header><p class="kicker">Restitution</p><h1>${esc(title)}</h1>`,
    facts([
      ['Région', esc(doc.region)],
      ['Date', esc(frenchDate(doc.date))],
      ['Participants', k.participants === null ? '' : count(k.participants)],
      ['Heures de débat', k.hours === null ? '' : count(k.hours)],
      ['Ateliers', k.workshops === null ? '' : count(k.workshops)],
      ['Thèmes', count(doc.themes.length)],
      ...sourceFacts(doc),
    ]),
    signatoriesHtml(doc.signatories),
    '</header>',
  );
  const shares = Object.entries(k.participantShares);
  if (shares.length)
    out.push(
      section(
        'participants',
        'Participants',
        barChart({
          id: 'graphique-participants',
          title: 'Part des participants par groupe (%)',
          description: `Une barre par groupe ; ${shares.length} barres.`,
          groups: [{ label: '', bars: shares.map(([label, value]) => ({ label, value })) }],
          format: (v) => `${v} %`,
        }) +
          table({
            caption: 'Part des participants par groupe',
            className: 'narrow',
            columns: [{ label: 'Groupe' }, { label: 'Part', numeric: true }],
            rows: shares.map(([label, value]) => ({ cells: [esc(label), `${esc(value)} %`] })),
          }),
      ),
    );
  const rows = doc.themes.flatMap((t) => [
    ...t.propositions.local.map((p) => ({ theme: t.title, scope: 'impulsion locale', text: p })),
    ...t.propositions.national.map((p) => ({ theme: t.title, scope: 'travaux nationaux', text: p })),
  ]);
  out.push(
    section(
      'themes',
      `Thèmes (${doc.themes.length})`,
      doc.themes
        .map((t, i) =>
          section(
            `theme-${i + 1}`,
            t.title,
            (t.provenance ? `<p class="muted">Source : ${esc(provenanceText(t.provenance))}</p>` : '') +
              (t.tagline ? `<p><em>${esc(t.tagline)}</em></p>` : '') +
              (t.summary ? `<p>${multiline(t.summary)}</p>` : '') +
              `<p>${count(t.propositions.local.length)} propositions pour une impulsion locale, ${count(t.propositions.national.length)} pour les travaux nationaux.</p>`,
            3,
          ),
        )
        .join(''),
    ),
    section(
      'propositions',
      `Propositions (${rows.length})`,
      filterBox('table-propositions', 'Filtrer les propositions :') +
        table({
          id: 'table-propositions',
          caption: 'Propositions par thème et par portée',
          columns: [{ label: 'N°' }, { label: 'Thème' }, { label: 'Portée' }, { label: 'Proposition' }],
          rows: rows.map((r, i) => ({ id: `proposition-${i + 1}`, cells: [esc(i + 1), esc(r.theme), esc(r.scope), multiline(r.text)] })),
        }),
    ),
  );
  if (doc.challenges.length) out.push(section('defis', 'Défis', list(doc.challenges)));
  if (doc.engagements.length) out.push(section('engagements', 'Engagements', list(doc.engagements)));
  if (doc.workshops.length) out.push(section('lieux', `Lieux des ateliers (${doc.workshops.length})`, list(doc.workshops)));
  out.push(warningsSection(doc));
  return htmlDocument({ title, body: out.join('\n') });
}

export function eventsReport(doc: Events): string {
  const title = doc.title || `Ateliers territoriaux — ${doc.region}`;
  const out: string[] = [];
  const period = doc.period && (doc.period.start || doc.period.end) ? `${frenchDate(doc.period.start)} → ${frenchDate(doc.period.end)}` : '';
  out.push(
    `<header><p class="kicker">Ateliers annoncés${doc.region ? ` · ${esc(doc.region)}` : ''}</p><h1>${esc(title)}</h1>`,
    facts([
      ['Région', esc(doc.region)],
      ['Date du document', esc(frenchDate(doc.date))],
      ['Période', esc(period)],
      ['Ateliers', count(doc.events.length)],
      ...sourceFacts(doc),
    ]),
    '</header>',
  );
  out.push(
    section(
      'ateliers',
      `Ateliers (${doc.events.length})`,
      filterBox('table-ateliers', 'Filtrer les ateliers :') +
        table({
          id: 'table-ateliers',
          caption: 'Ateliers annoncés, dans l’ordre du document',
          columns: [{ label: 'N°' }, { label: 'Territoire' }, { label: 'Département' }, { label: 'Lieu' }, { label: 'Date' }, { label: 'Source' }],
          rows: doc.events.map((e, i) => ({
            id: `atelier-${i + 1}`,
            cells: [esc(i + 1), esc(e.territory), esc(e.department), multiline(e.place), esc(frenchDate(e.date)), esc(provenanceText(e.provenance))],
          })),
        }),
    ),
  );
  if (doc.agenda.length)
    out.push(
      section(
        'programme',
        'Programme',
        table({ caption: 'Déroulé d’une journée', columns: [{ label: 'Heure' }, { label: 'Séquence' }], rows: doc.agenda.map((a) => ({ cells: [esc(a.time), multiline(a.item)] })) }),
      ),
    );
  if (doc.challenges.length)
    out.push(section('defis', 'Défis', doc.challenges.map((c, i) => section(`defi-${i + 1}`, c.title, `<p>${multiline(c.text)}</p>`, 3)).join('')));
  if (doc.deployedMeasures.length) out.push(section('mesures', 'Mesures déjà déployées', list(doc.deployedMeasures)));
  out.push(warningsSection(doc));
  return htmlDocument({ title, body: out.join('\n') });
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "2022-12-08" → "8 décembre 2022"; anything else as given. */
export function frenchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3]) === 1 ? '1er' : Number(m[3])} ${month} ${m[1]}` : iso;
}

/** The report of any extracted document. */
export function extractReport(doc: ExtractedDocument, options: ExtractReportOptions = {}): string {
  switch (doc.kind) {
    case 'roadmap':
      return roadmapReport(doc, options);
    case 'restitution':
      return restitutionReport(doc);
    case 'events':
      return eventsReport(doc);
  }
}
