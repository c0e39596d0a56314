/** The HTML report of `fdr compare`: territories side by side, axis by axis, with bar charts. */
import { euros } from '../../diff/format.js';
import type { TerritoryComparison, TerritoryFigures } from '../../model/index.js';
import { barChart } from './chart.js';
import { count, esc, eurosHtml, FIGURE_COLUMNS, figureCells, filterBox, htmlDocument, section, table } from './kit.js';

const axisLabel = (n: number, title: string) => (n === 0 ? 'Hors axe' : `Axe ${n} — ${title}`);

/** The axes a territory has no action in, by territory name. */
export function uncoveredAxes(c: TerritoryComparison): Map<string, { number: number; title: string }[]> {
  const out = new Map(c.territories.map((t) => [t.name, [] as { number: number; title: string }[]]));
  for (const axis of c.axes) for (const f of axis.figures) if (f.actions === 0) out.get(f.territory)?.push({ number: axis.number, title: axis.title });
  return out;
}

function chartOf(
  c: TerritoryComparison,
  id: string,
  title: string,
  value: (f: TerritoryFigures) => number,
  format: (n: number) => string,
  scalePerGroup = false,
): string {
  return barChart({
    id,
    title,
    description: `${c.axes.length} groupes (un par axe), une barre par territoire dans chaque groupe : ${c.territories.map((t) => t.name).join(', ')}.${scalePerGroup ? ' Chaque axe a sa propre échelle.' : ''}`,
    groups: c.axes.map((a) => ({
      label: axisLabel(a.number, a.title),
      bars: a.figures.map((f, i) => ({ label: f.territory, value: value(f), series: i, ...(f.actions === 0 ? { text: 'non couvert' } : {}) })),
    })),
    format,
    series: c.territories.map((t) => t.name),
    scalePerGroup,
  });
}

const figuresOf = (f: TerritoryFigures) => ({ chantiers: f.chantiers, actions: f.actions, funding: eurosHtml(f.fundingTotalEur), withoutAmount: f.actionsWithoutAmount });

const plural = (n: number, one: string, many: string) => `${count(n)} ${n > 1 ? many : one}`;

export function compareReport(c: TerritoryComparison): string {
  const names = c.territories.map((t) => t.name);
  const title = `Comparaison des feuilles de route : ${names.join(', ')}`;
  const out: string[] = [];
  out.push(
    `<header><p class="kicker">Comparaison de territoires</p><h1>${esc(title)}</h1>`,
    `<p>${plural(c.territories.length, 'document comparé', 'documents comparés')}, ${plural(c.axes.length, 'axe', 'axes')} présents dans au moins un d’entre eux.</p>`,
    table({
      caption: 'Documents comparés',
      columns: [{ label: 'Territoire' }, { label: 'Titre' }, { label: 'Période' }, { label: 'Fichier' }],
      rows: c.territories.map((t) => ({ cells: [esc(t.name), esc(t.title), esc(t.period), `<code>${esc(t.file)}</code>`] })),
    }),
    '</header>',
  );

  out.push(
    section(
      'totaux',
      'Totaux par territoire',
      table({
        caption: 'Chantiers, actions et financement lu de chaque document',
        columns: [
          { label: 'Territoire' },
          ...FIGURE_COLUMNS,
          { label: 'Axes non couverts', numeric: true },
        ],
        rows: c.totals.map((f) => ({
          cells: [esc(f.territory), ...figureCells(figuresOf(f)), count(uncoveredAxes(c).get(f.territory)?.length ?? 0)],
        })),
      }),
    ),
  );

  out.push(
    section(
      'financement',
      'Financement par axe',
      `<p>Les montants d’un axe à l’autre diffèrent de plusieurs ordres de grandeur : chaque axe est dessiné à sa propre échelle, les barres se comparent au sein d’un axe ; les montants sont écrits au bout des barres.</p>` +
        chartOf(c, 'graphique-financement', 'Financement lu par axe et par territoire (euros ; échelle propre à chaque axe)', (f) => f.fundingTotalEur, euros, true),
    ),
    section('actions', 'Actions par axe', chartOf(c, 'graphique-actions', 'Nombre d’actions par axe et par territoire', (f) => f.actions, (n) => String(n))),
    section(
      'sans-montant',
      'Actions sans montant',
      `<p>Actions dont la cellule « Financement » ne donne aucun montant lisible (cellule vide comprise).</p>` +
        chartOf(c, 'graphique-sans-montant', 'Actions sans montant lisible, par axe et par territoire', (f) => f.actionsWithoutAmount, (n) => String(n)),
    ),
  );

  out.push(
    section(
      'chiffres',
      'Chiffres par axe et par territoire',
      filterBox('table-chiffres', 'Filtrer (axe, territoire) :') +
        table({
          id: 'table-chiffres',
          caption: 'Les chiffres des graphiques : une ligne par axe et par territoire',
          columns: [{ label: 'Axe' }, { label: 'Territoire' }, ...FIGURE_COLUMNS],
          rows: c.axes.flatMap((a) =>
            a.figures.map((f) => ({
              cells: [esc(axisLabel(a.number, a.title)), esc(f.territory), ...figureCells({ ...figuresOf(f), funding: f.actions ? eurosHtml(f.fundingTotalEur) : 'non couvert' })],
            })),
          ),
        }),
    ),
  );

  const uncovered = uncoveredAxes(c);
  out.push(
    section(
      'couverture',
      'Axes couverts',
      table({
        caption: 'Nombre d’actions de chaque territoire dans chaque axe ; « non couvert » quand il n’en a aucune',
        columns: [{ label: 'Axe' }, ...names.map((label) => ({ label, numeric: true }))],
        rows: c.axes.map((a) => ({
          cells: [esc(axisLabel(a.number, a.title)), ...a.figures.map((f) => (f.actions ? count(f.actions) : '<span class="tag removed">non couvert</span>'))],
        })),
      }) +
        `<ul>${names
          .map((n) => {
            const axes = uncovered.get(n) ?? [];
            return `<li><strong>${esc(n)}</strong> : ${axes.length ? axes.map((a) => esc(axisLabel(a.number, a.title))).join(' ; ') : 'couvre tous les axes présents'}</li>`;
          })
          .join('')}</ul>`,
    ),
  );

  const rows = c.axes.flatMap((a) =>
    a.chantiers.map((ch) => ({
      cells: [
        esc(a.number === 0 ? 'hors axe' : a.number),
        esc(ch.title || '(sans chantier)'),
        ...ch.territories.map((t) =>
          t.title === null ? '<span aria-label="absent">—</span>' : `<span title="${esc(t.title)}">✓ ${plural(t.actions, 'action', 'actions')}</span>`,
        ),
      ],
    })),
  );
  out.push(
    section(
      'chantiers',
      'Chantiers présents',
      `<p>Les intitulés de chantier sont rapprochés d’un territoire à l’autre par similarité ; « — » : le territoire n’a pas ce chantier.</p>` +
        filterBox('table-chantiers', 'Filtrer les chantiers :') +
        table({
          id: 'table-chantiers',
          caption: 'Présence de chaque chantier dans chaque territoire',
          columns: [{ label: 'Axe' }, { label: 'Chantier' }, ...names.map((label) => ({ label }))],
          rows,
        }),
    ),
  );
  return htmlDocument({ title, body: out.join('\n'), fundingNote: true });
}
