/** Small formatting helpers shared by the diff and compare reports. */
import chalk, { Chalk, type ChalkInstance } from 'chalk';

/**
 * French number formats, whole and with cents, made once: `toLocaleString` with options builds a new
 * Intl.NumberFormat on every call (~0.1 ms each, a third of a diff report's time on a roadmap).
 */
const FRENCH_NUMBERS = [0, 2].map((digits) => new Intl.NumberFormat('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits }));

/** "1 234 567 €", cents only when there are some; "—" for null. */
export function euros(n: number | null): string {
  if (n === null) return '—';
  const text = FRENCH_NUMBERS[Number.isInteger(n) ? 0 : 1]!.format(n);
  return `${text.replace(/[\u202f\u00a0]/g, ' ')} €`;
}

/** "+15 000 €" / "−3 000 €"; "—" for null. */
export function signedEuros(n: number | null): string {
  if (n === null) return '—';
  return n > 0 ? `+${euros(n)}` : n < 0 ? `−${euros(-n)}` : euros(0);
}

/** One line of text: list items and wrapped lines joined with " / ". */
export function oneLine(s: string): string {
  return s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' / ');
}

export function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * Colour level of a report: 0 (none) when it goes to a file, when NO_COLOR is set (chalk's supports-color
 * ignores it) or when the output is not a terminal; FORCE_COLOR forces a level; on a terminal, what chalk
 * detected (TERM, COLORTERM).
 */
export function colorLevel(
  options: { toFile?: boolean; stream?: { isTTY?: boolean }; env?: NodeJS.ProcessEnv; detected?: number } = {},
): 0 | 1 | 2 | 3 {
  const env = options.env ?? process.env;
  if (options.toFile || (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '')) return 0;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const n = Number.parseInt(force, 10);
    return Number.isNaN(n) ? 1 : (Math.min(Math.max(n, 0), 3) as 0 | 1 | 2 | 3);
  }
  if (!(options.stream ?? process.stdout).isTTY) return 0;
  return Math.min(Math.max(options.detected ?? chalk.level, 0), 3) as 0 | 1 | 2 | 3;
}

/** A chalk instance for a report (see colorLevel). */
export function reportColors(options: Parameters<typeof colorLevel>[0] = {}): ChalkInstance {
  return new Chalk({ level: colorLevel(options) });
}

/** Escapes text for a GitHub-flavoured markdown table cell or list item. */
export function escapeMarkdown(s: string): string {
  return oneLine(s).replace(/([\\`*_[\]<>|~])/g, '\\$1');
}

/** A plain-text table: columns padded, numbers right-aligned. */
export function textTable(headers: readonly string[], rows: readonly (readonly string[])[], alignRight: ReadonlySet<number> = new Set()): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (alignRight.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A GitHub-flavoured markdown table. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[], alignRight: ReadonlySet<number> = new Set()): string {
  const sep = headers.map((_, i) => (alignRight.has(i) ? '---:' : '---'));
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(sep), ...rows.map(line)].join('\n');
}
