// The HTML reports in a real browser: Debian's chromium driven by playwright-core (scripts/browser.mjs installs
// chromium with apt-get when missing; the tests are skipped, saying why, only where it cannot be had).
// Each report kind is made by the built CLI, then opened from its file: no console error, no request but the file
// itself, charts with the model's values, a working filter box, print media, and no sideways scrolling on a phone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript helpers shared with scripts/report-screenshots.mjs
import { ensureChromium, openBrowser } from '../../scripts/browser.mjs';
// @ts-expect-error: plain JavaScript
import { sevenTerritoryFiles } from '../../scripts/make-territories.mjs';
import type { Events, Restitution, Roadmap, RoadmapDiff, TerritoryComparison } from '../../src/model/index.js';
import { FIXTURES, fdr, tempDir } from '../helpers/cli.js';

type Page = {
  goto(url: string): Promise<unknown>;
  on(event: string, f: (x: any) => void): void;
  evaluate<T>(f: (arg: any) => T, arg?: unknown): Promise<T>;
  fill(selector: string, text: string): Promise<void>;
  emulateMedia(o: { media: 'print' | 'screen' }): Promise<void>;
  setViewportSize(s: { width: number; height: number }): Promise<void>;
  pdf(): Promise<Buffer>;
  close(): Promise<void>;
};

const unavailable: string | null = ensureChromium();
if (unavailable) console.warn(`html-report browser tests skipped: ${unavailable}`);

interface Made {
  file: string;
  /** The model the report was made from, as the CLI writes it in JSON. */
  model: unknown;
}

const dir = tempDir('fdr-html-');
const gold = (name: string) => join(FIXTURES, 'gold', `${name}-2024.gold.json`);

/** Runs the CLI twice on the same inputs: the report, and the JSON model to check it against. */
function make(name: string, args: string[], jsonArgs: string[] = args): Made {
  const file = join(dir, `${name}.html`);
  const r = fdr([...args, '-f', 'html', '-o', file]);
  expect(r.stderr).toBe('');
  const json = fdr([...jsonArgs, '-f', 'json']);
  return { file, model: JSON.parse(json.stdout) };
}

/** Loads a report: console errors, page errors and requests are collected. */
async function open(context: { newPage(): Promise<Page> }, file: string) {
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  return { page, errors, requests };
}

/** Bars of one chart: value, drawn width, x. */
function barsOf(page: Page, chartId: string) {
  return page.evaluate(
    (id: string) =>
      [...document.querySelectorAll(`#${id} svg.chart-wide rect.bar`)].map((r) => ({
        value: Number(r.getAttribute('data-value')),
        label: r.getAttribute('data-label'),
        width: (r as SVGRectElement).width.baseVal.value,
        x: (r as SVGRectElement).x.baseVal.value,
        group: r.getAttribute('data-group'),
      })),
    chartId,
  );
}

/** A drawn length proportional to the value: the same width per unit for every bar of the chart. */
function expectProportional(bars: { value: number; width: number }[]) {
  const longest = bars.reduce((a, b) => (Math.abs(b.value) > Math.abs(a.value) ? b : a));
  const unit = longest.value === 0 ? 0 : longest.width / Math.abs(longest.value);
  // Bar ends are written to a tenth of a unit: within half a unit of the exact length.
  for (const b of bars) expect(Math.abs(b.width - Math.abs(b.value) * unit)).toBeLessThanOrEqual(0.5);
}

/** The checks every report passes. */
async function commonChecks(context: { newPage(): Promise<Page> }, made: Made, filterTable: string, filterWord: string) {
  const { page, errors, requests } = await open(context, made.file);
  expect(errors).toEqual([]);
  expect(requests).toEqual([pathToFileURL(made.file).href]);
  expect(await page.evaluate(() => performance.getEntriesByType('resource').length)).toBe(0);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');

  // Headings in order: one h1 first, never a level skipped.
  const levels = await page.evaluate(() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => Number(h.tagName[1])));
  expect(levels[0]).toBe(1);
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  levels.forEach((l, i) => i > 0 && expect(l).toBeLessThanOrEqual(levels[i - 1]! + 1));
  // Header cells say what they head.
  expect(await page.evaluate(() => [...document.querySelectorAll('th')].filter((th) => !th.getAttribute('scope')).length)).toBe(0);

  // The filter box: shown with JavaScript, hides the rows without the word, and shows them all again.
  const filter = await page.evaluate((id: string) => {
    const box = document.querySelector(`[data-filter-for="${id}"]`) as HTMLElement;
    return { id, hidden: box.hidden };
  }, filterTable);
  expect(filter.hidden).toBe(false);
  const rows = () =>
    page.evaluate((id: string) => [...document.querySelectorAll(`#${id} tbody tr`)].map((tr) => ({ text: tr.textContent ?? '', shown: !(tr as HTMLElement).hidden })), filter.id);
  const all = await rows();
  await page.fill(`#${filter.id}-filtre`, filterWord);
  const filtered = await rows();
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const expected = all.filter((r) => fold(r.text).includes(fold(filterWord))).length;
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(all.length);
  expect(filtered.filter((r) => r.shown)).toHaveLength(expected);
  for (const r of filtered) expect(r.shown).toBe(fold(r.text).includes(fold(filterWord)));
  expect(await page.evaluate((id: string) => document.querySelector(`[data-filter-for="${id}"] output`)!.textContent, filter.id)).toBe(
    `${expected} ligne${expected > 1 ? 's' : ''} affichée${expected > 1 ? 's' : ''} sur ${all.length}`,
  );
  await page.fill(`#${filter.id}-filtre`, '');
  expect((await rows()).every((r) => r.shown)).toBe(true);

  // Print: the filter box goes, the tables stay; the page prints to PDF.
  await page.emulateMedia({ media: 'print' });
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.filter')!).display)).toBe('none');
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('table')!).display)).toBe('table');
  const pdf = await page.pdf();
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });

  // A phone: the page itself never scrolls sideways (wide tables scroll inside their own region); the charts
  // switch to their phone drawing, which holds the same bars, and its text stays at least 9 px high.
  const drawings = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('figure.chart')].map((f) => {
        const shown = [...f.querySelectorAll('svg.chart')].filter((s) => getComputedStyle(s).display !== 'none');
        const values = (s: Element) => [...s.querySelectorAll('rect.bar')].map((r) => r.getAttribute('data-value'));
        const text = shown[0]?.querySelector('text');
        return { shown: shown.map((s) => s.getAttribute('class')), same: values(shown[0]!).join() === values(f.querySelector('svg.chart-wide')!).join(), textPx: text ? text.getBoundingClientRect().height : 0 };
      }),
    );
  for (const d of await drawings()) expect(d.shown).toEqual(['chart chart-wide']);
  for (const width of [360, 390]) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, inner: window.innerWidth }));
    expect(overflow.doc).toBeLessThanOrEqual(overflow.inner);
    expect(overflow.body).toBeLessThanOrEqual(overflow.inner);
    for (const d of await drawings()) {
      expect(d.shown).toEqual(['chart chart-narrow']);
      expect(d.same).toBe(true);
      expect(d.textPx).toBeGreaterThanOrEqual(9);
    }
  }
  return page;
}

describe.skipIf(unavailable)('HTML reports in chromium', () => {
  let browser: { context: { newPage(): Promise<Page> }; close(): Promise<void> };
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('extract, roadmap PDF with thumbnails: no error, no request, axis chart = per-axis funding, filter, print, phone', async () => {
    const pdf = join(FIXTURES, 'le-havre-2024.territorial.pdf');
    const made = make('roadmap', ['extract', pdf, '--thumbnails'], ['extract', pdf]);
    const doc = made.model as Roadmap;
    const page = await commonChecks(browser.context, made, 'table-actions', 'PASA');
    const bars = await barsOf(page, 'graphique-financement');
    expect(bars.map((b) => b.value)).toEqual(doc.axes.map((a) => a.chantiers.flatMap((c) => c.actions).reduce((s, x) => s + (x.fundingTotalEur ?? 0), 0)));
    expectProportional(bars);
    // Every action has its row, its page link and its thumbnail with the box inside the page.
    const actions = doc.axes.flatMap((a) => a.chantiers.flatMap((c) => c.actions));
    const cells = await page.evaluate(() =>
      [...document.querySelectorAll('#table-actions tbody tr')].map((tr) => {
        const link = tr.querySelector('a.src')?.getAttribute('href') ?? '';
        const thumb = tr.querySelector('.thumb') as HTMLElement | null;
        const box = tr.querySelector('.thumb .box') as HTMLElement | null;
        const image = thumb ? getComputedStyle(thumb).backgroundImage : '';
        return { link, image: image.slice(0, 28), box: box ? [box.style.left, box.style.top, box.style.width, box.style.height] : null };
      }),
    );
    expect(cells).toHaveLength(actions.length);
    cells.forEach((c, i) => {
      expect(c.link).toBe(`le-havre-2024.territorial.pdf#page=${actions[i]!.provenance.page}`);
      expect(c.image).toBe('url("data:image/jpeg;base64,');
      for (const v of c.box!) expect(Number.parseFloat(v)).toBeGreaterThanOrEqual(0);
    });
    await page.close();
  });

  it('extract, restitution: participant shares chart, proposition filter', async () => {
    const made = make('restitution', ['extract', join(FIXTURES, 'normandie-restitution-2022.pdf')]);
    const doc = made.model as Restitution;
    const page = await commonChecks(browser.context, made, 'table-propositions', 'soins');
    const bars = await barsOf(page, 'graphique-participants');
    expect(bars.map((b) => [b.label, b.value])).toEqual(Object.entries(doc.keyFigures.participantShares));
    expectProportional(bars);
    expect(await page.evaluate(() => document.querySelectorAll('#table-propositions tbody tr').length)).toBe(
      doc.themes.reduce((s, t) => s + t.propositions.local.length + t.propositions.national.length, 0),
    );
    await page.close();
  });

  it('extract, workshop announcement: workshop table and filter', async () => {
    const made = make('events', ['extract', join(FIXTURES, 'hauts-de-france-cnr-2022.txt')]);
    const doc = made.model as Events;
    const page = await commonChecks(browser.context, made, 'table-ateliers', doc.events[0]!.place.split(/\s+/)[0]!);
    expect(await page.evaluate(() => document.querySelectorAll('#table-ateliers tbody tr').length)).toBe(doc.events.length);
    await page.close();
  });

  it('compare, seven territories: funding, actions and no-amount charts hold one bar per axis and territory with the model values', async () => {
    const files: string[] = sevenTerritoryFiles();
    const made = make('compare', ['compare', ...files]);
    const c = made.model as TerritoryComparison;
    expect(c.territories).toHaveLength(7);
    const page = await commonChecks(browser.context, made, 'table-chantiers', 'vaccinale');
    const expected = {
      'graphique-financement': (f: TerritoryComparison['totals'][number]) => f.fundingTotalEur,
      'graphique-actions': (f: TerritoryComparison['totals'][number]) => f.actions,
      'graphique-sans-montant': (f: TerritoryComparison['totals'][number]) => f.actionsWithoutAmount,
    };
    for (const [id, value] of Object.entries(expected)) {
      const bars = await barsOf(page, id);
      expect(bars).toHaveLength(c.axes.length * 7);
      expect(bars.map((b) => [b.group, b.label, b.value])).toEqual(c.axes.flatMap((a) => a.figures.map((f) => [expect.stringContaining(`Axe ${a.number} — `), f.territory, value(f)])));
      // Funding: each axis to its own scale; counts: one scale for the whole chart.
      if (id === 'graphique-financement') for (const a of c.axes) expectProportional(bars.filter((b) => b.group!.startsWith(`Axe ${a.number} — `)));
      else expectProportional(bars);
    }
    // Axes a territory does not cover are named, in words.
    const uncovered = await page.evaluate(() => document.querySelectorAll('#couverture .tag.removed').length);
    expect(uncovered).toBe(c.axes.reduce((s, a) => s + a.figures.filter((f) => f.actions === 0).length, 0));
    await page.close();
  });

  it('diff, two editions: funding deltas chart, word-level highlighting, change filter', async () => {
    const made = make('diff', ['diff', gold('le-havre'), join(FIXTURES, 'editions/le-havre-2025.gold.json')]);
    const d = made.model as RoadmapDiff;
    const page = await commonChecks(browser.context, made, 'table-changements', 'déplacée');
    const bars = await barsOf(page, 'graphique-ecarts');
    const fundingOf = (rows: { fundingTotalEur: number | null }[]) => rows.reduce((s, r) => s + (r.fundingTotalEur ?? 0), 0);
    const want = d.actions
      .map((a) => (a.type === 'added' ? fundingOf(a.new) : a.type === 'removed' ? -fundingOf(a.old) : (a.funding?.delta ?? 0)))
      .filter((v) => v !== 0);
    expect(bars.map((b) => b.value)).toEqual(want);
    expect(bars.reduce((s, b) => s + b.value, 0)).toBe(d.summary.fundingTotal.delta);
    expectProportional(bars);
    // Negative deltas grow left of the zero line, positive ones right of it.
    const zero = Math.min(...bars.filter((b) => b.value > 0).map((b) => b.x));
    for (const b of bars.filter((x) => x.value < 0)) expect(b.x + b.width).toBeCloseTo(zero, 0);
    // Word-level highlighting: every reworded action shows its deleted and inserted words.
    const marks = await page.evaluate(() => ({ del: document.querySelectorAll('#table-changements del').length, ins: document.querySelectorAll('#table-changements ins').length }));
    const parts = d.actions.flatMap((a) => a.textDiff ?? []);
    expect(marks.del).toBeGreaterThanOrEqual(parts.filter((p) => p.op === 'delete').length);
    expect(marks.ins).toBeGreaterThanOrEqual(parts.filter((p) => p.op === 'insert').length);
    expect(await page.evaluate(() => document.querySelectorAll('#table-changements tbody tr').length)).toBe(d.actions.length);
    await page.close();
  });
});

it('the screenshots the README shows are committed (npm run screenshots makes them)', () => {
  const readme = readFileSync(join(FIXTURES, '..', 'README.md'), 'utf8');
  for (const kind of ['roadmap', 'roadmap-actions', 'restitution', 'events', 'compare', 'diff']) {
    expect(readme).toContain(`docs/screenshots/report-${kind}.png`);
    expect(readFileSync(join(FIXTURES, '..', 'docs', 'screenshots', `report-${kind}.png`)).subarray(1, 4).toString()).toBe('PNG');
  }
});

describe('-f html on the command line (no browser needed)', () => {
  it('keeps the exit codes of each command: diff 1 on changes and 0 without, compare and extract 0', () => {
    const out = tempDir('fdr-html-cli-');
    expect(fdr(['diff', gold('le-havre'), join(FIXTURES, 'editions/le-havre-2025.gold.json'), '-f', 'html', '-o', join(out, 'd.html')]).status).toBe(1);
    const same = fdr(['diff', gold('le-havre'), gold('le-havre'), '-f', 'html']);
    expect(same.status).toBe(0);
    expect(same.stdout).toContain('Aucun changement');
    expect(fdr(['compare', gold('le-havre'), gold('calvados'), '-f', 'html', '-o', join(out, 'c.html')]).status).toBe(0);
    const again = fdr(['compare', gold('le-havre'), gold('calvados'), '-f', 'html', '-o', join(out, 'c.html')]);
    expect(again.status).toBe(10);
    expect(again.stderr).toMatch(/\[OUTPUT_EXISTS\]\n$/);
  });

  it('writes one report per input into a folder, and refuses several reports on stdout', () => {
    const out = tempDir('fdr-html-cli-');
    const r = fdr(['extract', join(FIXTURES, 'calvados-2024.txt'), join(FIXTURES, 'hauts-de-france-cnr-2022.txt'), '-f', 'html', '-o', `${out}/`]);
    expect(r.status).toBe(0);
    for (const name of ['calvados-2024.html', 'hauts-de-france-cnr-2022.html']) expect(readFileSync(join(out, name), 'utf8')).toMatch(/^<!doctype html>\n<html lang="fr">/);
    const stdout = fdr(['extract', join(FIXTURES, 'calvados-2024.txt'), join(FIXTURES, 'le-havre-2024.txt'), '-f', 'html']);
    expect(stdout.status).toBe(2);
    expect(stdout.stdout).toBe('');
    expect(stdout.stderr).toMatch(/^fdr: -f html writes one report per document: give -o FOLDER .*\[USAGE\]\n$/);
  });

  it('--thumbnails: only with -f html; a text input gets its report and the reason it has no thumbnails', () => {
    const wrong = fdr(['extract', join(FIXTURES, 'calvados-2024.txt'), '--thumbnails']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/^fdr: --thumbnails goes with -f html .*\[USAGE\]\n$/);
    const text = fdr(['extract', join(FIXTURES, 'calvados-2024.txt'), '-f', 'html', '--thumbnails']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Vignettes non incluses : la source n’est pas un PDF');
    expect(text.stdout).not.toContain('class="thumb');
  });
});
