/**
 * Horizontal bar charts as inline SVG. Every bar carries its label and value as text beside it (and in
 * `data-value`, which the browser test reads back), so neither colour nor length is the only way to read it.
 * Negative values grow left of the zero line (funding deltas).
 */
import { esc } from './kit.js';

export interface Bar {
  label: string;
  value: number;
  /** Index into the palette (a territory); bars of one series share a colour. */
  series?: number;
  /** Text written beside the bar instead of the formatted value (e.g. "non couvert"). */
  text?: string;
}

export interface BarGroup {
  /** Heading of the group (an axis); '' for a chart without groups. */
  label: string;
  bars: readonly Bar[];
}

/** Colours with at least 3:1 contrast on white (WCAG non-text contrast). */
export const PALETTE = ['#1f5fa8', '#b34a12', '#2b7a2f', '#6a3d9a', '#8a6a00', '#b0195a', '#00707a', '#4b5a66'];
export const NEGATIVE = '#a3141b';

/** A drawing of the bars: the desktop one (labels in a left column) and the phone one (labels above the bars). */
interface Layout {
  className: string;
  width: number;
  labelsAbove: boolean;
  labelChars: number;
  groupChars: number;
}
const WIDE: Layout = { className: 'chart-wide', width: 760, labelsAbove: false, labelChars: 28, groupChars: 95 };
const NARROW: Layout = { className: 'chart-narrow', width: 400, labelsAbove: true, labelChars: 56, groupChars: 56 };
const LABEL_WIDTH = 210;
const VALUE_ROOM = 120;
const BAR_HEIGHT = 16;
const ROW = 22;
const GROUP_ROW = 24;
const LABEL_ROW = 18;

function cut(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

interface ChartOptions {
  id: string;
  title: string;
  description: string;
  groups: readonly BarGroup[];
  format: (n: number) => string;
  /** Series names for the legend (territories); no legend when absent. */
  series?: readonly string[];
  /** Colour bars by sign (deltas) rather than by series. */
  bySign?: boolean;
  /** Long labels (actions): each on its own line above its bar, on a desktop too. */
  labelsAbove?: boolean;
  /** Each group drawn to its own scale (bars compare within a group only; the caption must say so). */
  scalePerGroup?: boolean;
}

function svg(options: ChartOptions, layout: Layout): string {
  const above = layout.labelsAbove || Boolean(options.labelsAbove);
  const labelChars = above ? Math.round(layout.width / 6.9) : layout.labelChars;
  const all = options.groups.flatMap((g) => g.bars.map((b) => b.value));
  const lo = Math.min(0, ...all);
  const valueRoom = Math.min(VALUE_ROOM, layout.width / 4);
  const left = (above ? 8 : LABEL_WIDTH) + (lo < 0 ? valueRoom : 0);
  const plot = layout.width - left - valueRoom;
  const scale = (values: readonly number[]) => {
    const span = Math.max(0, ...values) - lo || 1;
    return (v: number) => left + ((v - lo) / span) * plot;
  };
  const shared = scale(all);
  const zero = shared(0);

  const parts: string[] = [];
  let y = 4;
  for (const group of options.groups) {
    const x = options.scalePerGroup ? scale(group.bars.map((b) => b.value)) : shared;
    if (group.label) {
      parts.push(`<text class="group" x="4" y="${y + 16}">${esc(cut(group.label, layout.groupChars))}</text>`);
      y += GROUP_ROW;
    }
    for (const bar of group.bars) {
      const x0 = Math.min(zero, x(bar.value));
      const w = Math.abs(x(bar.value) - zero);
      const fill = options.bySign ? (bar.value < 0 ? NEGATIVE : PALETTE[0]) : PALETTE[(bar.series ?? 0) % PALETTE.length];
      const text = bar.text ?? options.format(bar.value);
      const full = `${group.label ? `${group.label} — ` : ''}${bar.label} : ${text}`;
      if (above) {
        parts.push(`<text x="8" y="${y + 13}">${esc(cut(bar.label, labelChars))}</text>`);
        y += LABEL_ROW;
      } else parts.push(`<text x="${LABEL_WIDTH - 6}" y="${y + 13}" text-anchor="end">${esc(cut(bar.label, labelChars))}</text>`);
      // The zero line runs beside the bars only, never through the labels above them.
      if (lo < 0) parts.push(`<line class="axis-line" x1="${zero.toFixed(1)}" y1="${y}" x2="${zero.toFixed(1)}" y2="${y + ROW}"/>`);
      parts.push(
        `<rect class="bar" x="${x0.toFixed(1)}" y="${y + 2}" width="${w.toFixed(1)}" height="${BAR_HEIGHT}" fill="${fill}" data-value="${bar.value}" data-label="${esc(bar.label)}"${group.label ? ` data-group="${esc(group.label)}"` : ''}><title>${esc(full)}</title></rect>`,
        bar.value < 0
          ? `<text x="${(x0 - 4).toFixed(1)}" y="${y + 14}" text-anchor="end">${esc(text)}</text>`
          : `<text x="${(x0 + w + 4).toFixed(1)}" y="${y + 14}">${esc(text)}</text>`,
      );
      y += ROW;
    }
  }
  const height = y + 6;
  const id = `${esc(options.id)}-${layout.className}`;
  return (
    `<svg class="chart ${layout.className}" role="img" aria-labelledby="${esc(options.id)}-titre ${id}-desc" viewBox="0 0 ${layout.width} ${height}" width="${layout.width}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<desc id="${id}-desc">${esc(options.description)}</desc>${parts.join('')}</svg>`
  );
}

/**
 * A chart of grouped horizontal bars. `format` writes a value as text (euros, a count). The scale spans 0 and
 * every value, so bars of all groups are comparable (unless `scalePerGroup`). Drawn twice: for a desktop, and
 * with the labels above the bars for a phone, where the desktop drawing would shrink its text out of reading;
 * the style sheet shows one of them.
 */
export function barChart(options: ChartOptions): string {
  const legend = options.series?.length
    ? `<ul class="legend" aria-hidden="true">${options.series.map((s, i) => `<li><span style="background:${PALETTE[i % PALETTE.length]}"></span>${esc(s)}</li>`).join('')}</ul>`
    : '';
  const id = esc(options.id);
  return `<figure class="chart" id="${id}"><figcaption id="${id}-titre">${esc(options.title)}</figcaption>${legend}${svg(options, WIDE)}${svg(options, NARROW)}</figure>`;
}
