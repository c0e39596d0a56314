import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Isolation, type PoolOptions, WorkerPool, helperThreadsFor, workerExecArgv } from '../../src/batch/pool.js';
import { tempDir } from '../helpers/cli.js';

/**
 * A stand-in worker speaking the pool's protocol; the task says what to do, so each failure mode of a real
 * extraction (slow file, runaway loop, memory blow-up, crash, typed error) can be produced on purpose.
 */
const SCRIPT = `
const { parentPort } = require('node:worker_threads');
const port = parentPort ?? { postMessage: (m) => process.send(m), on: (e, f) => process.on(e, f) };
if (${'process.env.FDR_TEST_BROKEN'} === '1') throw new Error('cannot load modules');
port.on('message', async ({ id, task }) => {
  switch (task.do) {
    case 'echo': return port.postMessage({ type: 'done', id, result: task.value });
    case 'sleep': await new Promise((r) => setTimeout(r, task.ms)); return port.postMessage({ type: 'done', id, result: task.ms });
    case 'log': port.postMessage({ type: 'log', id, message: 'hello' }); return port.postMessage({ type: 'done', id, result: 1 });
    case 'spin': for (;;) {}
    case 'hog': { const keep = []; for (;;) keep.push(new Array(1e5).fill({ x: Math.random() })); }
    case 'exit': process.exit(3);
    case 'buffers': { const keep = []; for (let i = 0; i < 150; i++) { keep.push(Buffer.alloc(10 * 1024 * 1024, 1)); await new Promise((r) => setTimeout(r, 5)); } return port.postMessage({ type: 'done', id, result: keep.length }); }
    case 'bigAlloc': { const a = new Array(3e7).fill(0.5); return port.postMessage({ type: 'done', id, result: a.length }); }
    case 'fail': return port.postMessage({ type: 'failed', id, error: { code: 'EMPTY_FILE', message: 'file is empty', hint: 'nothing to extract', file: task.file } });
    case 'print': console.log('stray output'); return port.postMessage({ type: 'done', id, result: 'printed' });
  }
});
port.postMessage({ type: 'ready' });
`;

type Task = { do: string; value?: unknown; ms?: number; file?: string };

/** The same script as a file, for child processes (they cannot eval). */
function scriptFile(source: string): string {
  const file = join(tempDir('fdr-pool-'), 'worker.cjs');
  writeFileSync(file, source);
  return file;
}

describe.each<Isolation>(['thread', 'process'])('WorkerPool (%s isolation)', (isolation) => {
  const script = (source: string): Pick<PoolOptions, 'script' | 'eval' | 'isolation'> =>
    isolation === 'thread' ? { script: source, eval: true, isolation } : { script: scriptFile(source), isolation };
  const pool = (options: Partial<PoolOptions> = {}) =>
    new WorkerPool<Task, unknown>({ size: 2, ...script(SCRIPT), timeoutMs: 10_000, maxMemoryMb: 64, ...options });

  it('returns each task result', async () => {
    const p = pool();
    const results = await Promise.all([1, 2, 3, 4, 5].map((value) => p.run({ do: 'echo', value })));
    await p.close();
    expect(results.map((r) => (r.ok ? r.result : r.error.code))).toEqual([1, 2, 3, 4, 5]);
  });

  it('runs tasks in parallel up to its size', async () => {
    const p = pool({ size: 2 });
    await Promise.all([p.run({ do: 'echo' }), p.run({ do: 'echo' })]); // both workers loaded
    const t0 = performance.now();
    await Promise.all([1, 2, 3, 4].map(() => p.run({ do: 'sleep', ms: 300 })));
    const elapsed = performance.now() - t0;
    await p.close();
    expect(elapsed).toBeGreaterThanOrEqual(590);
    expect(elapsed).toBeLessThan(1100);
  });

  it('brings back a typed error as an FdrError with its file and hint', async () => {
    const p = pool();
    const r = await p.run({ do: 'fail', file: 'x.pdf' }, { file: 'x.pdf' });
    await p.close();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('EMPTY_FILE');
    expect(r.error.oneLine()).toBe('fdr: x.pdf: file is empty — nothing to extract [EMPTY_FILE]');
  });

  it('stops a task running past the timeout (even a busy loop) and goes on with the next', async () => {
    const p = pool({ size: 1, timeoutMs: 300 });
    const t0 = performance.now();
    const [spin, after] = await Promise.all([p.run({ do: 'spin' }, { file: 'slow.pdf' }), p.run({ do: 'echo', value: 'next' })]);
    await p.close();
    expect(spin.ok).toBe(false);
    if (!spin.ok) {
      expect(spin.error.code).toBe('TIMEOUT');
      expect(spin.error.file).toBe('slow.pdf');
      expect(spin.error.message).toMatch(/longer than 300 ms/);
    }
    expect(after).toMatchObject({ ok: true, result: 'next' });
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('reports a worker that exceeds its heap limit as LIMIT_EXCEEDED, and goes on', async () => {
    const p = pool({ size: 1, maxMemoryMb: 64 });
    const [hog, after] = await Promise.all([p.run({ do: 'hog' }, { file: 'big.pdf' }), p.run({ do: 'echo', value: 'next' })]);
    await p.close();
    expect(hog.ok).toBe(false);
    if (!hog.ok) {
      expect(hog.error.code).toBe('LIMIT_EXCEEDED');
      expect(hog.error.message).toMatch(/more than 64 MB/);
      expect(hog.error.hint).toMatch(/--max-memory/);
    }
    expect(after).toMatchObject({ ok: true, result: 'next' });
  });

  it('reports a worker that dies on its own as INTERNAL, and goes on', async () => {
    const p = pool({ size: 1 });
    const [dead, after] = await Promise.all([p.run({ do: 'exit' }), p.run({ do: 'echo', value: 'next' })]);
    await p.close();
    expect(dead.ok).toBe(false);
    if (!dead.ok) expect(dead.error.code).toBe('INTERNAL');
    expect(after).toMatchObject({ ok: true, result: 'next' });
  });

  it('fails every task, without respawning forever, when the worker cannot start', async () => {
    const p = new WorkerPool<Task, unknown>({ size: 2, ...script(SCRIPT.replace('process.env.FDR_TEST_BROKEN', "'1'")), timeoutMs: 10_000 });
    const results = await Promise.all([1, 2, 3].map(() => p.run({ do: 'echo' })));
    await p.close();
    for (const r of results) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/cannot start the extraction worker: (Error: )?cannot load modules/);
    }
  });

  it('passes log messages to the task that sent them, and keeps worker console output off stdout', async () => {
    const seen: string[] = [];
    const output: string[] = [];
    const p = pool({ onOutput: (t) => output.push(t) });
    const r = await p.run({ do: 'log' }, { onLog: (m) => seen.push(m) });
    const printed = await p.run({ do: 'print' });
    await p.close();
    expect(r.ok).toBe(true);
    expect(printed.ok).toBe(true);
    expect(seen).toEqual(['hello']);
    expect(output.join('')).toContain('stray output');
  });

  it('fails queued tasks with INTERRUPTED when closed', async () => {
    const p = pool({ size: 1 });
    const running = p.run({ do: 'sleep', ms: 5000 });
    const queued = p.run({ do: 'echo' });
    await new Promise((r) => setTimeout(r, 200));
    await p.close();
    expect((await running).ok).toBe(false);
    const q = await queued;
    expect(q.ok).toBe(false);
    if (!q.ok) expect(q.error.code).toBe('INTERRUPTED');
  });

  // One allocation far past the limit makes V8 abort the whole process: only a child process contains that.
  it.runIf(isolation === 'process')('contains an out-of-memory abort that would kill a thread pool\'s process', async () => {
    const p = pool({ size: 1, maxMemoryMb: 64 });
    const [big, after] = await Promise.all([p.run({ do: 'bigAlloc' }, { file: 'huge.pdf' }), p.run({ do: 'echo', value: 'next' })]);
    await p.close();
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.error.code).toBe('LIMIT_EXCEEDED');
    expect(after).toMatchObject({ ok: true, result: 'next' });
  });

  // Memory outside the JS heap (a PDF stream inflating to gigabytes lives in buffers) escapes V8's heap limit.
  it.runIf(isolation === 'process' && process.platform === 'linux')('stops a child whose resident memory outgrows the limit', async () => {
    const p = pool({ size: 1, maxMemoryMb: 64 });
    const r = await p.run({ do: 'buffers' }, { file: 'bomb.pdf' });
    await p.close();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('LIMIT_EXCEEDED');
  });
});

describe('worker process options', () => {
  it('gives each worker the helper threads the cores can hold besides the workers, at most 4', () => {
    expect(helperThreadsFor(1, 2)).toBe(1);
    expect(helperThreadsFor(2, 2)).toBe(0);
    expect(helperThreadsFor(3, 2)).toBe(0);
    expect(helperThreadsFor(1, 8)).toBe(4);
    expect(helperThreadsFor(4, 8)).toBe(1);
    expect(helperThreadsFor(1, 1)).toBe(0);
  });

  it('turns them into Node options: single-threaded V8 for none, a pool size otherwise', () => {
    expect(workerExecArgv({ helperThreads: 0, maxMemoryMb: 512 })).toEqual(['--max-semi-space-size=8', '--max-old-space-size=512', '--single-threaded']);
    expect(workerExecArgv({ helperThreads: 1 })).toEqual(['--max-semi-space-size=8', '--v8-pool-size=1']);
    expect(workerExecArgv({})).toEqual(['--max-semi-space-size=8']);
  });
});
