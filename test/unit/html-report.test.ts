// The HTML report renderers as pure functions: escaping (hostile text never becomes markup), chart values and
// geometry, the figures each report states. The browser test (test/e2e/html-report.test.ts) checks them rendered.
import fc from 'fast-check';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareRoadmaps } from '../../src/compare/compare.js';
import { diffRoadmaps } from '../../src/diff/diff.js';
import { loadRoadmap } from '../../src/diff/load-roadmap.js';
import { REPORT_CSS } from '../../src/export/html/assets.js';
import { barChart, NEGATIVE, PALETTE } from '../../src/export/html/chart.js';
import { compareReport, uncoveredAxes } from '../../src/export/html/compare.js';
import { diffReport, fundingDeltas, wordDiffHtml } from '../../src/export/html/diff.js';
import { eventsReport, extractReport, frenchDate, restitutionReport, roadmapReport } from '../../src/export/html/extract.js';
import { esc } from '../../src/export/html/kit.js';
import { extractFile } from '../../src/extract.js';
import type { Events, Restitution, Roadmap, RoadmapDiff, TerritoryComparison } from '../../src/model/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
const load = async (file: string) => {
  const l = await loadRoadmap(join(ROOT, file));
  return { roadmap: l.roadmap, file, info: l.info };
};

let lh: Roadmap;
let comparison: TerritoryComparison;
let diff: RoadmapDiff;
let restitution: Restitution;
let events: Events;

beforeAll(async () => {
  const [a, b, next] = await Promise.all([
    load('fixtures/gold/le-havre-2024.gold.json'),
    load('fixtures/gold/calvados-2024.gold.json'),
    load('fixtures/editions/le-havre-2025.gold.json'),
  ]);
  lh = a.roadmap;
  comparison = compareRoadmaps([a, b]);
  diff = diffRoadmaps(a, next);
  restitution = (await extractFile(join(ROOT, 'fixtures/normandie-restitution-2022.txt'))) as Restitution;
  events = (await extractFile(join(ROOT, 'fixtures/hauts-de-france-cnr-2022.txt'))) as Events;
});

/** Elements and attributes the renderers write; anything else in a report came from the data. */
const TAGS = new Set(
  'html head meta title style body a main footer script p header nav h1 h2 h3 dl div dt dd span code br section table caption thead tbody tfoot tr th td figure figcaption ul ol li svg desc text rect line em strong ins del output label input'.split(' '),
);
const ATTRIBUTES = new Set(
  'lang charset name content class href id aria-labelledby aria-label aria-live aria-hidden role tabindex scope title style data-filter-for data-value data-label data-group hidden for type autocomplete spellcheck x y x1 y1 x2 y2 width height fill text-anchor viewbox xmlns'.split(' '),
);

/** Every tag of the page is one of ours, with our attributes only, each value quoted. */
function expectOnlyOurMarkup(html: string): void {
  const withoutScriptAndStyle = html.replace(/<script>[\s\S]*?<\/script>/, '<script></script>').replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  expect(html.match(/<script/g)).toHaveLength(1);
  for (const tag of withoutScriptAndStyle.match(/<[^>]*>/g) ?? []) {
    if (tag === '<!doctype html>' || tag.startsWith('</')) continue;
    const m = /^<([a-z0-9]+)((?:\s+[a-zA-Z-]+(?:="[^"<>]*")?)*)\s*\/?>$/.exec(tag);
    expect(m, tag).not.toBeNull();
    expect(TAGS.has(m![1]!), tag).toBe(true);
    for (const [, name] of m![2]!.matchAll(/\s+([a-zA-Z-]+)(?:="[^"]*")?/g)) expect(ATTRIBUTES.has(name!.toLowerCase()), `${name} in ${tag}`).toBe(true);
  }
}

const HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "' onmouseover='x", '</style><b>', '&amp; &lt;', '<!--', ']]>', '#page=1"'];

describe('escaping', () => {
  it('escapes the five characters that can end text or an attribute', () => {
    expect(esc(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(esc(null)).toBe('');
    expect(esc(12)).toBe('12');
  });

  it('hostile text in every field of a roadmap, a comparison and a diff stays text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 12 }), (attack, noise) => {
        const text = `${noise}${attack}${noise}`;
        const doc: Roadmap = structuredClone(lh);
        Object.assign(doc, { territory: text, title: text, period: text, region: text });
        doc.source = { ...doc.source, file: `${text}.pdf` };
        doc.signatories = [{ name: text, role: text }];
        doc.axes[0]!.title = text;
        doc.axes[0]!.chantiers[0]!.title = text;
        const action = doc.axes[0]!.chantiers[0]!.actions[0]!;
        Object.assign(action, { action: text, financement: text, indicateur: text, commentaire: text, extra: { [text]: text }, provenance: { page: 2, bbox: [1, 2, 3, 4] } });
        doc.warnings = [{ code: text, message: text }];
        doc.transversalPriorities = [{ title: text, text }];
        doc.unrecognisedTables = [{ page: 1, bbox: [0, 0, 1, 1], rows: [[text], [text]], reason: text }];
        const page = { dataUri: `data:image/jpeg;base64,${text}`, width: 100, height: 100 };
        expectOnlyOurMarkup(roadmapReport(doc, { pages: new Map([[2, page]]), thumbnailsUnavailable: text }));
        const other = { roadmap: doc, file: text, info: { sha256: '0'.repeat(64), format: 'json' as const } };
        expectOnlyOurMarkup(compareReport(compareRoadmaps([other, { roadmap: lh, file: 'b', info: other.info }])));
        expectOnlyOurMarkup(diffReport(diffRoadmaps({ roadmap: lh, file: 'a', info: other.info }, other)));
      }),
      { numRuns: 40 },
    );
  });

  it('hostile text in restitutions and announcements stays text', () => {
    for (const attack of HOSTILE) {
      const r: Restitution = structuredClone(restitution);
      r.region = attack;
      r.themes[0]!.title = attack;
      r.themes[0]!.propositions.local.push(attack);
      r.keyFigures.participantShares = { [attack]: 10 };
      r.workshops.push(attack);
      expectOnlyOurMarkup(restitutionReport(r));
      const e: Events = structuredClone(events);
      e.title = attack;
      e.events[0]!.place = attack;
      e.agenda.push({ time: attack, item: attack });
      expectOnlyOurMarkup(eventsReport(e));
    }
  });

  it('word diffs mark deletions and insertions, escaped', () => {
    expect(wordDiffHtml([{ op: 'equal', text: 'a <b>' }, { op: 'delete', text: 'x&y' }, { op: 'insert', text: '"z"' }])).toBe(
      'a &lt;b&gt; <del>x&amp;y</del> <ins>&quot;z&quot;</ins>',
    );
  });
});

/** The desktop drawing of the first chart in `html` (the phone drawing holds the same bars). */
const wide = (html: string) => html.slice(html.indexOf('<svg class="chart chart-wide"'), html.indexOf('<svg class="chart chart-narrow"'));
const narrow = (html: string) => html.slice(html.indexOf('<svg class="chart chart-narrow"'), html.indexOf('</figure>'));

describe('bar charts', () => {
  /** The bars of the desktop drawing. */
  const bars = (html: string) =>
    [...wide(html).matchAll(/<rect class="bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*data-value="(-?[\d.]+)"/g)].map((m) => ({ x: Number(m[1]), width: Number(m[2]), value: Number(m[3]) }));

  it('draws one bar per value, its length proportional to the value, the value written beside it', () => {
    const html = barChart({
      id: 'c',
      title: 't',
      description: 'd',
      groups: [
        { label: 'A', bars: [{ label: 'x', value: 100 }, { label: 'y', value: 50 }] },
        { label: 'B', bars: [{ label: 'x', value: 0 }, { label: 'y', value: 25 }] },
      ],
      format: (n) => `${n} u`,
    });
    const b = bars(html);
    expect(b.map((x) => x.value)).toEqual([100, 50, 0, 25]);
    expect(b[1]!.width * 2).toBeCloseTo(b[0]!.width, 0);
    expect(b[3]!.width * 4).toBeCloseTo(b[0]!.width, 0);
    expect(b[2]!.width).toBe(0);
    for (const text of ['100 u', '50 u', '0 u', '25 u']) expect(html).toContain(`>${text}</text>`);
    // The phone drawing: the same bars and values, labels above the bars, a narrower picture.
    const values = (svg: string) => [...svg.matchAll(/data-value="(-?[\d.]+)"/g)].map((m) => Number(m[1]));
    expect(values(narrow(html))).toEqual(values(wide(html)));
    expect(narrow(html)).toMatch(/viewBox="0 0 400 /);
  });

  it('puts negative values left of the zero line, positive ones right of it', () => {
    const html = barChart({ id: 'c', title: 't', description: 'd', groups: [{ label: '', bars: [{ label: 'up', value: 30 }, { label: 'down', value: -90 }] }], format: String, bySign: true });
    const [up, down] = bars(html);
    expect(down!.x + down!.width).toBeCloseTo(up!.x, 0);
    expect(down!.width).toBeCloseTo(3 * up!.width, 0);
    expect(html).toContain('<line class="axis-line"');
  });

  it('scales each group alone when asked', () => {
    const html = barChart({
      id: 'c',
      title: 't',
      description: 'd',
      groups: [
        { label: 'A', bars: [{ label: 'x', value: 1_000_000 }] },
        { label: 'B', bars: [{ label: 'x', value: 10 }] },
      ],
      format: String,
      scalePerGroup: true,
    });
    const [a, b] = bars(html);
    expect(a!.width).toBeCloseTo(b!.width, 0);
  });
});

describe('extract report', () => {
  it('states the document header and the per-axis figures counted by hand (Le Havre gold)', () => {
    const html = roadmapReport(lh);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h1>Feuille de route territoriale du Havre</h1>');
    expect(html).toContain('Thomas DEROCHE');
    // Per-axis funding as counted in test/unit/compare.test.ts: axis 4 is 65 523 822 €, the total 79 837 704 €.
    expect(html).toMatch(/data-value="65523822" data-label="Axe 4 — Renforcer l’évolution inclusive de la société"/);
    expect(html).toContain('79 837 704 €');
    expect(html.match(/<tr id="action-\d+"/g)).toHaveLength(47);
  });

  it('draws the action box on its page thumbnail, as a share of the page', () => {
    const doc: Roadmap = structuredClone(lh);
    doc.axes[0]!.chantiers[0]!.actions[0]!.provenance = { page: 3, bbox: [42.1, 59.5, 421, 297.5] };
    const html = roadmapReport(doc, { pages: new Map([[3, { dataUri: 'data:image/jpeg;base64,AAAA', width: 842, height: 595 }]]) });
    expect(html).toContain('.pg-3{background-image:url("data:image/jpeg;base64,AAAA")}');
    expect(html).toContain('<span class="box" style="left:5.00%;top:10.00%;width:45.00%;height:40.00%"></span>');
    // The link opens that page of the source PDF when it sits beside the report.
    expect(html).toContain(`href="${lh.source.file.split('/').pop()}#page=3"`);
  });

  it('says why thumbnails are missing', () => {
    expect(extractReport(lh, { thumbnailsUnavailable: 'la source n’est pas un PDF' })).toContain('Vignettes non incluses : la source n’est pas un PDF.');
  });

  it('restitution: themes, propositions and participant shares', () => {
    const html = restitutionReport(restitution);
    const propositions = restitution.themes.reduce((s, t) => s + t.propositions.local.length + t.propositions.national.length, 0);
    expect(html.match(/<tr id="proposition-\d+"/g)).toHaveLength(propositions);
    expect(html).toContain('data-value="47" data-label="soignants"');
    expect(html).toContain('8 décembre 2022');
  });

  it('announcement: one row per workshop', () => {
    expect(eventsReport(events).match(/<tr id="atelier-\d+"/g)).toHaveLength(events.events.length);
  });

  it('writes dates the French way', () => {
    expect(frenchDate('2022-12-08')).toBe('8 décembre 2022');
    expect(frenchDate('2024-03-01')).toBe('1er mars 2024');
    expect(frenchDate('')).toBe('');
  });

  it('keeps headings in order in every report', () => {
    for (const html of [roadmapReport(lh), restitutionReport(restitution), eventsReport(events), compareReport(comparison), diffReport(diff)]) {
      const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
      expect(levels[0]).toBe(1);
      expect(levels.filter((l) => l === 1)).toHaveLength(1);
      levels.forEach((l, i) => i > 0 && expect(l).toBeLessThanOrEqual(levels[i - 1]! + 1));
    }
  });
});

describe('compare report', () => {
  it('names the axes each territory does not cover (gold: Le Havre has no axis 5 or 8, Calvados no axis 12)', () => {
    const u = uncoveredAxes(comparison);
    expect(u.get('Le Havre')!.map((a) => a.number)).toEqual([5, 8]);
    expect(u.get('Calvados')!.map((a) => a.number)).toEqual([12]);
  });

  it('charts one bar per axis and territory in each of its three charts', () => {
    const html = compareReport(comparison);
    for (const id of ['graphique-financement', 'graphique-actions', 'graphique-sans-montant']) {
      const chart = html.slice(html.indexOf(`<figure class="chart" id="${id}"`), html.indexOf('</figure>', html.indexOf(`id="${id}"`)));
      expect(wide(chart).match(/<rect class="bar"/g)).toHaveLength(11 * 2);
      expect(narrow(chart).match(/<rect class="bar"/g)).toHaveLength(11 * 2);
    }
    expect(html).toContain('data-value="65523822" data-label="Le Havre" data-group="Axe 4 — Renforcer l’évolution inclusive de la société"');
    // Written on the bars of the three charts (both drawings), in the figures table and in the coverage table.
    expect(html.match(/>non couvert</g)).toHaveLength(3 * 3 * 2 + 3 + 3);
  });
});

describe('diff report', () => {
  it('charts the funding deltas of the edition (hand-written in fixtures/editions/le-havre-2025.edits.json)', () => {
    // +25 000 (ICOPE added, "FIR : 25 000 €"), 65 000 → 80 000 (PASA), 13 500 → 18 000 (ETP), −250 000 (GHT beds removed).
    expect(fundingDeltas(diff).map((d) => d.value).sort((a, b) => a - b)).toEqual([-250_000, 4_500, 15_000, 25_000]);
    expect(fundingDeltas(diff).reduce((s, d) => s + d.value, 0)).toBe(diff.summary.fundingTotal.delta);
    const html = diffReport(diff);
    expect(wide(html).match(/<rect class="bar"/g)).toHaveLength(4);
    expect(html.match(/<tr id="changement-\d+"/g)).toHaveLength(diff.actions.length);
    expect(html).toContain('−205 500 €');
  });

  it('says so when nothing changed', () => {
    expect(diffReport(diffRoadmaps({ roadmap: lh, file: 'a', info: { sha256: '0'.repeat(64), format: 'json' } }, { roadmap: lh, file: 'b', info: { sha256: '0'.repeat(64), format: 'json' } }))).toContain(
      'Aucun changement',
    );
  });
});

describe('colours', () => {
  /** WCAG 2 contrast ratio of two #rrggbb colours. */
  const contrast = (a: string, b: string) => {
    const lum = (hex: string) => {
      const [r, g, bl] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
    };
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };
  const cssVar = (name: string) => new RegExp(`--${name}:(#[0-9a-f]{6})`).exec(REPORT_CSS)![1]!;

  it('text has at least 4.5:1 contrast on its background', () => {
    for (const [fg, bg] of [
      ['ink', '#ffffff'],
      ['muted', '#ffffff'],
      ['muted', 'band'],
      ['ink', 'band'],
      ['link', '#ffffff'],
      ['ins', 'ins-bg'],
      ['del', 'del-bg'],
      ['ink', 'mark'],
    ]) {
      const color = (c: string) => (c.startsWith('#') ? c : cssVar(c));
      expect(contrast(color(fg!), color(bg!)), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
    for (const tag of ['#6b4b00', '#0b3f7a']) expect(contrast(tag, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('bars have at least 3:1 contrast on white', () => {
    for (const c of [...PALETTE, NEGATIVE]) expect(contrast(c, '#ffffff'), c).toBeGreaterThanOrEqual(3);
  });
});
