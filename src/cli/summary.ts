import { LOW_CONFIDENCE } from '../check/rules.js';
import type { ExtractedDocument } from '../model/index.js';

function table(headers: string[], rows: string[][], alignRight: Set<number> = new Set()): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (alignRight.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const euros = (n: number) => `${Math.round(n).toLocaleString('fr-FR').replace(/\u202f/g, ' ')} €`;
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A readable overview of an extracted document for the terminal. */
export function formatSummary(doc: ExtractedDocument): string {
  if (doc.kind === 'roadmap') {
    const rows = doc.axes.map((a) => {
      const actions = a.chantiers.flatMap((c) => c.actions);
      const total = actions.reduce((s, x) => s + (x.fundingTotalEur ?? 0), 0);
      const unpriced = actions.filter((x) => x.fundingTotalEur === null).length;
      return [`#${a.number}`, cut(a.title, 60), String(a.chantiers.length), String(actions.length), total ? euros(total) : '—', String(unpriced)];
    });
    const all = doc.axes.flatMap((a) => a.chantiers.flatMap((c) => c.actions));
    const grand = all.reduce((s, x) => s + (x.fundingTotalEur ?? 0), 0);
    rows.push(['', 'total', String(doc.axes.reduce((s, a) => s + a.chantiers.length, 0)), String(all.length), euros(grand), String(all.filter((x) => x.fundingTotalEur === null).length)]);
    const review = all.filter((x) => x.confidence < LOW_CONFIDENCE).length;
    const lowest = all.length ? Math.min(...all.map((x) => x.confidence)) : 1;
    const unrecognised = doc.unrecognisedTables.length ? `, ${doc.unrecognisedTables.length} unrecognised tables kept aside` : '';
    const head = `${doc.title || '(untitled roadmap)'} — ${doc.territory} (${doc.territoryType}), ${doc.period}\n${doc.signatories.length} signatories, ${doc.prsAxes.length} PRS axes recalled, ${doc.transversalPriorities.length} transversal priorities, ${doc.warnings.length} warnings${unrecognised}\n${review} of ${all.length} actions to review (confidence below ${LOW_CONFIDENCE}; lowest ${lowest.toFixed(2)})\n\n`;
    return `${head}${table(['axis', 'title', 'chantiers', 'actions', 'funding', 'no amount'], rows, new Set([2, 3, 4, 5]))}\n`;
  }
  if (doc.kind === 'restitution') {
    const rows = doc.themes.map((t) => [cut(t.title, 70), String(t.propositions.local.length), String(t.propositions.national.length)]);
    return `Restitution ${doc.region} ${doc.date}: ${doc.keyFigures.participants ?? '?'} participants, ${doc.workshops.length} workshops\n\n${table(['theme', 'local', 'national'], rows, new Set([1, 2]))}\n`;
  }
  const rows = doc.events.map((e) => [e.territory || e.department, e.place, e.date || '—']);
  return `${doc.title}\n\n${table(['territory', 'place', 'date'], rows)}\n`;
}
