export interface ProgressState {
  done: number;
  total: number;
  failed: number;
  pages: number;
  elapsedMs: number;
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mmss = `${String(m).padStart(h ? 2 : 1, '0')}:${String(s % 60).padStart(2, '0')}`;
  return h ? `${h}:${mmss}` : mmss;
}

/** One line of progress: bar, files done / total, failures, pages per second, time left (estimated from files). */
export function formatProgress(state: ProgressState, columns = 80): string {
  const { done, total, failed, pages, elapsedMs } = state;
  const seconds = elapsedMs / 1000;
  const parts = [`${done}/${total} files`];
  if (failed) parts.push(`${failed} failed`);
  if (pages && seconds > 0) parts.push(`${(pages / seconds).toFixed(pages / seconds >= 100 ? 0 : 1)} pages/s`);
  parts.push(done > 0 && done < total ? `ETA ${clock((seconds / done) * (total - done))}` : `${clock(seconds)}`);
  const text = parts.join(' · ');
  const barWidth = Math.max(0, Math.min(30, columns - text.length - 3));
  if (barWidth < 5) return text.slice(0, Math.max(0, columns - 1));
  const filled = total ? Math.round((done / total) * barWidth) : 0;
  return `${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)} ${text}`;
}

/**
 * A progress line on a terminal (stderr), redrawn at most ten times a second. Used only when stderr is a TTY, so
 * logs, pipes and CI output stay clean. `log` prints a line above the bar without garbling it.
 */
export class ProgressBar {
  private readonly startedAt = performance.now();
  private state: ProgressState;
  private timer: NodeJS.Timeout | undefined;
  private shown = false;
  private lastLine = '';
  private readonly clearOnExit = () => this.clear();

  constructor(
    private readonly stream: NodeJS.WriteStream,
    total: number,
  ) {
    this.state = { done: 0, total, failed: 0, pages: 0, elapsedMs: 0 };
    this.timer = setInterval(() => this.draw(), 100);
    this.timer.unref();
    // An interrupted run exits through process.exit: leave the terminal line clean.
    process.once('exit', this.clearOnExit);
  }

  update(change: Partial<Omit<ProgressState, 'elapsedMs' | 'total'>>): void {
    this.state = { ...this.state, ...change };
  }

  log(line: string): void {
    this.clear();
    this.stream.write(`${line}\n`);
    this.draw();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.clear();
    process.removeListener('exit', this.clearOnExit);
  }

  private draw(): void {
    if (!this.timer) return;
    const line = formatProgress({ ...this.state, elapsedMs: performance.now() - this.startedAt }, this.stream.columns || 80);
    if (this.shown && line === this.lastLine) return;
    this.stream.write(`\r${line}\x1b[K`);
    this.shown = true;
    this.lastLine = line;
  }

  private clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
