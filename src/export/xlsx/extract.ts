/** The workbook of `fdr extract -f xlsx`: every input in one workbook, one sheet per view, a source column. Pure. */
import type { Action, Axis, Chantier, Events, ExtractedDocument, Provenance, Restitution, Roadmap } from '../../model/index.js';
import type { CellValue, ColumnSpec, SheetSpec, WorkbookSpec } from './sheet.js';

/** One extracted document and the input it came from, as given on the command line. */
export interface SourcedDocument {
  source: string;
  doc: ExtractedDocument;
}

const text = (header: string): ColumnSpec => ({ header, type: 'text' });
const integer = (header: string): ColumnSpec => ({ header, type: 'integer' });
const eur = (header: string): ColumnSpec => ({ header, type: 'eur' });

const page = (p: Provenance | undefined): CellValue => p?.page ?? null;
const lines = (p: Provenance | undefined): CellValue => (p?.lines ? `${p.lines[0]}-${p.lines[1]}` : null);

/** Amounts added as the compare view adds them (to the cent); null when no action has an amount. */
export function fundingSum(actions: readonly Action[]): number | null {
  const amounts = actions.map((a) => a.fundingTotalEur).filter((v): v is number => v !== null);
  return amounts.length ? Math.round(amounts.reduce((s, v) => s + v, 0) * 100) / 100 : null;
}

const withoutAmount = (actions: readonly Action[]) => actions.filter((a) => a.fundingTotalEur === null).length;

const roadmaps = (docs: readonly SourcedDocument[]) => docs.filter((d): d is SourcedDocument & { doc: Roadmap } => d.doc.kind === 'roadmap');

/** The columns of `placedChantiers`' place cells. */
const PLACE_COLUMNS: ColumnSpec[] = [text('Source'), text('Territoire'), integer('Axe n°'), text('Axe'), text('Chantier')];

/** Every chantier of the roadmaps, with the cells that place it (source, territory, axis, chantier). */
function* placedChantiers(docs: readonly SourcedDocument[]): Generator<{ place: CellValue[]; chantier: Chantier }> {
  for (const { source, doc } of roadmaps(docs))
    for (const axis of doc.axes)
      for (const chantier of axis.chantiers) yield { place: [source, doc.territory, axis.number, axis.title, chantier.title], chantier };
}

function actionsSheet(docs: readonly SourcedDocument[]): SheetSpec {
  const rows: CellValue[][] = [];
  for (const { place, chantier } of placedChantiers(docs))
    for (const a of chantier.actions)
      rows.push([
        ...place,
        a.action,
        a.financement,
        a.indicateur,
        a.commentaire,
        a.fundingTotalEur,
        Object.entries(a.extra)
          .map(([k, v]) => `${k} : ${v}`)
          .join('\n'),
        a.confidence,
        a.weakEvidence.map((w) => `${w.field} : ${w.reason}`).join('\n'),
        page(a.provenance),
        lines(a.provenance),
      ]);
  return {
    name: 'Actions',
    columns: [
      ...PLACE_COLUMNS,
      text('Action'),
      text('Financement'),
      text('Indicateur(s)'),
      text('Commentaire(s)'),
      eur('Financement total (€)'),
      text('Autres colonnes'),
      { header: 'Confiance', type: 'ratio' },
      text('Éléments peu sûrs'),
      integer('Page'),
      text('Lignes source'),
    ],
    rows,
  };
}

function chantiersSheet(docs: readonly SourcedDocument[]): SheetSpec {
  const rows: CellValue[][] = [];
  for (const { place, chantier } of placedChantiers(docs))
    rows.push([
      ...place,
      chantier.actions.length,
      fundingSum(chantier.actions),
      withoutAmount(chantier.actions),
      page(chantier.provenance ?? chantier.actions[0]?.provenance),
    ]);
  return {
    name: 'Chantiers',
    columns: [
      ...PLACE_COLUMNS,
      integer('Actions'),
      eur('Financement total (€)'),
      integer('Actions sans montant'),
      integer('Page'),
    ],
    rows,
  };
}

function axesSheet(docs: readonly SourcedDocument[]): SheetSpec {
  const actionsOf = (axis: Axis) => axis.chantiers.flatMap((c) => c.actions);
  const rows: CellValue[][] = roadmaps(docs).flatMap(({ source, doc }) =>
    doc.axes.map((axis) => [
      source,
      doc.territory,
      axis.number,
      axis.title,
      axis.prsTitle,
      axis.chantiers.length,
      actionsOf(axis).length,
      fundingSum(actionsOf(axis)),
      withoutAmount(actionsOf(axis)),
    ]),
  );
  return {
    name: 'Axes',
    columns: [
      text('Source'),
      text('Territoire'),
      integer('Axe n°'),
      text('Axe'),
      text('Axe du PRS'),
      integer('Chantiers'),
      integer('Actions'),
      eur('Financement total (€)'),
      integer('Actions sans montant'),
    ],
    rows,
  };
}

function unrecognisedTablesSheet(docs: readonly SourcedDocument[]): SheetSpec {
  const rows: CellValue[][] = roadmaps(docs).flatMap(({ source, doc }) =>
    doc.unrecognisedTables.flatMap((t) => t.rows.map((cells, r) => [source, t.page, r + 1, cells.join(' | '), t.reason])),
  );
  return { name: 'Tableaux non reconnus', columns: [text('Source'), integer('Page'), integer('Ligne'), text('Cellules'), text('Raison')], rows };
}

function propositionsSheet(docs: readonly SourcedDocument[]): SheetSpec {
  const rows: CellValue[][] = docs
    .filter((d): d is SourcedDocument & { doc: Restitution } => d.doc.kind === 'restitution')
    .flatMap(({ source, doc }) =>
      doc.themes.flatMap((t) =>
        (['local', 'national'] as const).flatMap((scope) =>
          t.propositions[scope].map((p) => [source, doc.region, t.title, scope === 'local' ? 'impulsion locale' : 'travaux nationaux', p, page(t.provenance), lines(t.provenance)]),
        ),
      ),
    );
  return {
    name: 'Propositions',
    columns: [text('Source'), text('Région'), text('Thème'), text('Portée'), text('Proposition'), integer('Page'), text('Lignes source')],
    rows,
  };
}

function workshopsSheet(docs: readonly SourcedDocument[]): SheetSpec {
  const rows: CellValue[][] = docs
    .filter((d): d is SourcedDocument & { doc: Events } => d.doc.kind === 'events')
    .flatMap(({ source, doc }) => doc.events.map((e) => [source, doc.region, e.territory, e.department, e.place, e.date, page(e.provenance), lines(e.provenance)]));
  return {
    name: 'Ateliers',
    columns: [text('Source'), text('Région'), text('Territoire'), text('Département'), text('Lieu'), { header: 'Date', type: 'date' }, integer('Page'), text('Lignes source')],
    rows,
  };
}

function documentsSheet(docs: readonly SourcedDocument[]): SheetSpec {
  const rows: CellValue[][] = docs.map(({ source, doc }) => {
    const items =
      doc.kind === 'roadmap'
        ? doc.axes.reduce((n, a) => n + a.chantiers.reduce((m, c) => m + c.actions.length, 0), 0)
        : doc.kind === 'restitution'
          ? doc.themes.reduce((n, t) => n + t.propositions.local.length + t.propositions.national.length, 0)
          : doc.events.length;
    return [
      source,
      { roadmap: 'feuille de route', restitution: 'restitution', events: 'ateliers' }[doc.kind],
      doc.kind === 'roadmap' ? doc.title : doc.kind === 'events' ? doc.title : `Restitution ${doc.region}`,
      doc.region,
      doc.kind === 'roadmap' ? doc.territory : '',
      doc.kind === 'roadmap' ? doc.period : '',
      doc.kind === 'roadmap' ? '' : doc.date,
      items,
      doc.source.format,
      doc.source.pages ?? null,
      doc.warnings.length,
      doc.source.sha256,
    ];
  });
  return {
    name: 'Documents',
    columns: [
      text('Source'),
      text('Type'),
      text('Titre'),
      text('Région'),
      text('Territoire'),
      text('Période'),
      { header: 'Date', type: 'date' },
      integer('Lignes extraites'),
      text('Format'),
      integer('Pages'),
      integer('Avertissements'),
      text('SHA-256'),
    ],
    rows,
  };
}

function warningsSheet(docs: readonly SourcedDocument[]): SheetSpec {
  const rows: CellValue[][] = docs.flatMap(({ source, doc }) => doc.warnings.map((w) => [source, w.code, w.message, page(w.at), lines(w.at)]));
  return { name: 'Avertissements', columns: [text('Source'), text('Code'), text('Message'), integer('Page'), text('Lignes source')], rows };
}

/**
 * The extract workbook: "Actions", "Chantiers" and "Axes" for roadmaps (and "Tableaux non reconnus" when a
 * roadmap kept some), "Propositions" for restitutions, "Ateliers" for workshop announcements; "Documents" (one
 * row per input) and "Avertissements" always. Sheets of a kind no input has are left out.
 */
export function extractWorkbook(docs: readonly SourcedDocument[]): WorkbookSpec {
  const has = (kind: ExtractedDocument['kind']) => docs.some((d) => d.doc.kind === kind);
  const sheets: SheetSpec[] = [];
  if (has('roadmap')) {
    sheets.push(actionsSheet(docs), chantiersSheet(docs), axesSheet(docs));
    if (roadmaps(docs).some((d) => d.doc.unrecognisedTables.length)) sheets.push(unrecognisedTablesSheet(docs));
  }
  if (has('restitution')) sheets.push(propositionsSheet(docs));
  if (has('events')) sheets.push(workshopsSheet(docs));
  sheets.push(documentsSheet(docs), warningsSheet(docs));
  const only = docs.length === 1 ? docs[0]!.doc : undefined;
  const title = only ? (only.kind === 'restitution' ? `Restitution ${only.region}` : only.title) : `${docs.length} documents`;
  return { title: `fdr extract — ${title}`, subject: 'Extraction fdr (feuille-de-route)', sheets };
}
