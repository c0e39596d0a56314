import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FdrError } from '../errors/index.js';
import { deserializeError, type FromWorker, type ToWorker } from './protocol.js';

/**
 * `thread`: worker_threads, light and fast to start; the heap limit stops a worker that grows step by step, but
 * V8 aborts the WHOLE process when one allocation jumps far past the limit (a huge array or Map rehash).
 * `process`: one child process per worker, a little heavier; any crash, out-of-memory included, stays inside it.
 */
export type Isolation = 'thread' | 'process';

export interface PoolOptions {
  /** Most workers alive at once. */
  size: number;
  /** The worker's module (file URL or path), or its source code when `eval` is set (thread tests). */
  script: URL | string;
  eval?: boolean;
  isolation?: Isolation;
  /** Wall-clock limit per task, from the moment a ready worker has it; the worker is killed past it. */
  timeoutMs: number;
  /**
   * V8 old-generation heap limit of each worker, in MB. With process isolation the worker's whole resident memory
   * is also watched (Linux), so buffers outside the JS heap (a PDF stream inflating to gigabytes) are capped too.
   */
  maxMemoryMb?: number;
  /** Where the workers' own stdout/stderr go (e.g. stray library warnings); dropped when not given. */
  onOutput?: (text: string) => void;
  /**
   * Process isolation: V8 helper threads (concurrent garbage collection and compilation) per worker; 0 runs V8
   * single-threaded. Node's default is 4 whatever the machine: see `helperThreadsFor`.
   */
  helperThreads?: number;
}

export type Outcome<R> = { ok: true; result: R; ms: number } | { ok: false; error: FdrError; ms: number };

/** Why a worker went away, as seen from outside. */
interface Death {
  outOfMemory: boolean;
  message: string;
  cause?: unknown;
}

interface Handle {
  post(message: unknown): void;
  kill(): Promise<void>;
  /** Whether the worker keeps this process alive (see WorkerPool.setReferenced). */
  setReferenced(on: boolean): void;
}

interface HandleEvents {
  message(message: unknown): void;
  died(death: Death): void;
}

/**
 * Young-generation semi-space of a worker, in MB. V8's default (16) lets the nursery grow to ~48 MB, which a
 * worker reading a PDF fills with short-lived page objects: on the 202-page fixture, 8 cuts the worker's peak RSS
 * by ~20 MB (205 → ~183 MB) at no measurable cost in time (scripts/bench.mjs); 4 saves a little more but costs 10%.
 */
const SEMI_SPACE_MB = 8;

/**
 * V8 helper threads for each of `size` worker processes on a machine of `cores` cores: what the cores can hold
 * besides the workers' own threads, at most Node's default of 4. Node starts 4 whatever the machine, and on 2
 * cores one worker's 4 helpers fight its main thread: with 1 helper a lone worker runs ~10% faster on 2 cores
 * (202-page fixture 2.0 → 1.8 s) and uses less memory; workers filling every core run single-threaded (0).
 */
export function helperThreadsFor(size: number, cores: number): number {
  return Math.max(0, Math.min(4, Math.floor(cores / Math.max(1, size)) - 1));
}

/** Node options of a worker process (the benchmark starts its pdf.js floor with the same ones). */
export function workerExecArgv(options: Pick<PoolOptions, 'maxMemoryMb' | 'helperThreads'>): string[] {
  const helpers = options.helperThreads;
  return [
    `--max-semi-space-size=${SEMI_SPACE_MB}`,
    ...(options.maxMemoryMb ? [`--max-old-space-size=${options.maxMemoryMb}`] : []),
    ...(helpers === undefined ? [] : helpers === 0 ? ['--single-threaded'] : [`--v8-pool-size=${helpers}`]),
  ];
}

function pipeOutput(stream: NodeJS.ReadableStream | null, onOutput: ((text: string) => void) | undefined, tail?: { text: string }) {
  if (!stream) return;
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    if (tail) tail.text = (tail.text + chunk).slice(-4000);
    onOutput?.(chunk);
  });
}

function spawnThread(options: PoolOptions, events: HandleEvents, referenced: boolean): Handle {
  const worker = new Worker(options.script, {
    eval: options.eval ?? false,
    stdout: true,
    stderr: true,
    resourceLimits: { maxYoungGenerationSizeMb: 3 * SEMI_SPACE_MB, ...(options.maxMemoryMb ? { maxOldGenerationSizeMb: options.maxMemoryMb } : {}) },
  });
  // Reading a worker's stdout or stderr keeps this process alive until the worker ends: an unreferenced worker's
  // output is read once it is referenced (what it printed meanwhile waits in the streams).
  let piped = false;
  const pipe = () => {
    if (piped) return;
    piped = true;
    pipeOutput(worker.stdout, options.onOutput);
    pipeOutput(worker.stderr, options.onOutput);
  };
  if (referenced) pipe();
  else worker.unref();
  let error: (Error & { code?: string }) | undefined;
  let rssExceeded = false;
  // A lone thread owns the process's memory beyond the main thread's: its resident size is watched like a
  // child's, which catches buffers outside the JS heap (a PDF stream inflating to gigabytes).
  const watchdog =
    options.maxMemoryMb && options.size === 1
      ? watchResidentMemory(() => process.memoryUsage.rss() / 1024, options.maxMemoryMb, () => {
          rssExceeded = true;
          void worker.terminate();
        })
      : undefined;
  worker.on('message', events.message);
  worker.on('error', (e) => (error ??= e));
  worker.on('exit', (code) => {
    if (watchdog) clearInterval(watchdog);
    events.died(
      error
        ? { outOfMemory: error.code === 'ERR_WORKER_OUT_OF_MEMORY', message: error.message, cause: error }
        : { outOfMemory: rssExceeded, message: `exited with code ${code}` },
    );
  });
  return {
    post: (m) => worker.postMessage(m),
    kill: async () => void (await worker.terminate()),
    setReferenced: (on) => {
      if (on) {
        worker.ref();
        pipe();
      } else worker.unref();
    },
  };
}

/** Child processes still alive, killed when this process exits (Ctrl-C included) so none is left spinning. */
const children = new Set<import('node:child_process').ChildProcess>();
let exitHookInstalled = false;

function spawnProcess(options: PoolOptions, events: HandleEvents): Handle {
  if (options.eval) throw new RangeError('process isolation needs a script file');
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const c of children) c.kill('SIGKILL');
    });
  }
  const script = options.script instanceof URL ? fileURLToPath(options.script) : options.script;
  const child = fork(script, [], {
    execArgv: workerExecArgv(options),
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  children.add(child);
  const stderrTail = { text: '' };
  pipeOutput(child.stdout, options.onOutput);
  pipeOutput(child.stderr, options.onOutput, stderrTail);
  let spawnError: Error | undefined;
  child.on('message', events.message);
  child.on('error', (e) => (spawnError ??= e));
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (watchdog) clearInterval(watchdog);
      // V8 prints "heap out of memory" and aborts (SIGABRT, or 134 when run through a shell).
      const outOfMemory = rssExceeded || /heap out of memory|Allocation failed/i.test(stderrTail.text);
      const how = signal ? `killed by ${signal}` : `exited with code ${code}`;
      // An uncaught error prints "SomeError: message" on stderr before the exit: the best explanation there is.
      const printed = [...stderrTail.text.matchAll(/^\w*(?:Error|Exception)(?: \[\w+\])?: .*$/gm)].pop()?.[0];
      const message = spawnError?.message ?? (printed ? `${printed} (${how})` : how);
      events.died({ outOfMemory, message, cause: spawnError ?? (printed ? new Error(stderrTail.text.trim()) : undefined) });
      resolve();
    }),
  );
  let rssExceeded = false;
  const statusFile = `/proc/${child.pid}/status`;
  const watchdog = options.maxMemoryMb
    ? watchResidentMemory(() => Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(statusFile, 'latin1'))?.[1] ?? 0), options.maxMemoryMb, () => {
        rssExceeded = true;
        child.kill('SIGKILL');
      })
    : undefined;
  return {
    post: (m) => {
      // A child that just died cannot take it; its exit (already on the way) fails the task.
      if (child.connected) child.send(m as import('node:child_process').Serializable, (e) => e && undefined);
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    setReferenced: (on) => {
      // The child, its IPC channel and its output pipes each keep this process alive.
      type Referable = { ref(): void; unref(): void } | null | undefined;
      const handles: Referable[] = [child, child.channel as Referable, child.stdout as Referable, child.stderr as Referable];
      for (const h of handles) {
        if (on) h?.ref();
        else h?.unref();
      }
    },
  };
}

/** Room for Node itself, its code and I/O buffers on top of the heap limit, before the resident-memory cap. */
const RESIDENT_ALLOWANCE_MB = 256;

/**
 * Calls `onExceeded` once the resident memory read by `residentKb` passes the heap limit plus an allowance.
 * A child's is read from /proc (Linux only: elsewhere the read fails and the watch stops).
 */
function watchResidentMemory(residentKb: () => number, maxMemoryMb: number, onExceeded: () => void): NodeJS.Timeout | undefined {
  const capKb = (maxMemoryMb + RESIDENT_ALLOWANCE_MB) * 1024;
  const timer = setInterval(() => {
    let kb: number;
    try {
      kb = residentKb();
    } catch {
      return clearInterval(timer); // no /proc, or the child is gone
    }
    if (kb > capKb) {
      clearInterval(timer);
      onExceeded();
    }
  }, 100);
  timer.unref();
  return timer;
}

/** What a caller hears from a task while it runs. */
export interface RunOptions {
  file?: string;
  onLog?: (message: string) => void;
  /** Partial results the worker streams before its answer (in the order it sent them). */
  onEvent?: (event: unknown) => void;
}

interface Job<T, R> {
  id: number;
  task: T;
  file?: string;
  onLog?: (message: string) => void;
  onEvent?: (event: unknown) => void;
  resolve: (outcome: Outcome<R>) => void;
  startedAt?: number;
  timer?: NodeJS.Timeout;
}

interface Slot<T, R> {
  handle: Handle;
  ready: boolean;
  /** Set once the worker is being stopped or has failed: it takes no more tasks. */
  dead: boolean;
  job?: Job<T, R>;
}

/** setTimeout cannot wait longer than this; a longer limit is no limit. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const duration = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s` : `${Math.max(ms, 0).toFixed(ms < 10 ? 1 : 0)} ms`);

/**
 * A small pool of workers (threads or child processes) running one task each at a time. A task that runs past
 * the timeout has its worker killed (which stops even a synchronous loop) and fails with TIMEOUT; a worker that
 * runs out of heap fails its task with LIMIT_EXCEEDED; a worker that dies any other way fails its task with
 * INTERNAL. In every case the worker is replaced and the other tasks go on. A worker that cannot even start
 * (its modules fail to load) fails every queued task instead of being respawned in a loop.
 */
export class WorkerPool<T, R> {
  private readonly slots = new Set<Slot<T, R>>();
  private readonly queue: Job<T, R>[] = [];
  private nextId = 1;
  private closed = false;
  private referenced = true;
  private startupFailure: FdrError | undefined;

  constructor(private readonly options: PoolOptions) {
    if (!(options.size >= 1)) throw new RangeError('pool size must be at least 1');
  }

  /** Runs a task on the next free worker. Never rejects: failures come back as `{ ok: false, error }`. */
  run(task: T, options: RunOptions = {}): Promise<Outcome<R>> {
    return new Promise((resolve) => {
      const job: Job<T, R> = { id: this.nextId++, task, file: options.file, onLog: options.onLog, onEvent: options.onEvent, resolve };
      if (this.closed) return resolve({ ok: false, error: new FdrError('INTERRUPTED', 'the worker pool is closed', { file: job.file }), ms: 0 });
      if (this.startupFailure) return resolve(this.startupOutcome(job));
      this.queue.push(job);
      this.grow();
      this.pump();
    });
  }

  /** Starts a worker now, so that it loads its modules while the caller prepares the first task. */
  prestart(): void {
    if (!this.closed && !this.startupFailure && this.slots.size === 0) this.spawn();
  }

  /**
   * Whether the workers keep this process alive (default yes). A worker started ahead of a need that may not
   * come (see prestartPageReader) is unreferenced, so that it never holds the process open by itself.
   */
  setReferenced(on: boolean): void {
    this.referenced = on;
    for (const slot of this.slots) slot.handle?.setReferenced(on);
  }

  /** Stops every worker; tasks still queued or running fail with INTERRUPTED. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve({ ok: false, error: new FdrError('INTERRUPTED', 'stopped before it ran', { file: job.file }), ms: 0 });
    const stopping: Promise<void>[] = [];
    for (const slot of this.slots) {
      if (slot.job) this.finish(slot, { ok: false, error: new FdrError('INTERRUPTED', 'stopped while running', { file: slot.job.file }), ms: 0 });
      slot.dead = true;
      stopping.push(slot.handle.kill());
    }
    await Promise.all(stopping);
  }

  private startupOutcome(job: Job<T, R>): Outcome<R> {
    const f = this.startupFailure!;
    return { ok: false, error: new FdrError(f.code, f.message, { file: job.file, hint: f.hint, cause: f.cause }), ms: 0 };
  }

  private grow(): void {
    const live = [...this.slots].filter((s) => !s.dead);
    const idle = live.filter((s) => !s.job).length;
    if (this.queue.length > idle && live.length < this.options.size) this.spawn();
  }

  private spawn(): void {
    // The slot exists before its handle: a worker may die during spawn and report it synchronously.
    const slot = { ready: false, dead: false } as Slot<T, R>;
    this.slots.add(slot);
    const events: HandleEvents = {
      message: (raw) => this.onMessage(slot, raw as FromWorker<R>),
      died: (death) => this.onDeath(slot, death),
    };
    slot.handle = this.options.isolation === 'process' ? spawnProcess(this.options, events) : spawnThread(this.options, events, this.referenced);
    if (!this.referenced) slot.handle.setReferenced(false);
  }

  private onMessage(slot: Slot<T, R>, message: FromWorker<R>): void {
    if (message.type === 'ready') {
      slot.ready = true;
      if (slot.job) this.startClock(slot, slot.job); // posted while the worker was loading
      this.pump();
      return;
    }
    const job = slot.job;
    if (!job || message.id !== job.id) return; // a late message from a task already given up on
    if (message.type === 'log') job.onLog?.(message.message);
    else if (message.type === 'event') job.onEvent?.(message.event);
    else if (message.type === 'done') this.finish(slot, { ok: true, result: message.result, ms: this.elapsed(job) });
    else this.finish(slot, { ok: false, error: deserializeError(message.error), ms: this.elapsed(job) });
  }

  private onDeath(slot: Slot<T, R>, death: Death): void {
    slot.dead = true;
    this.slots.delete(slot);
    if (slot.job && !slot.ready && !this.closed) {
      // Given early to a worker that died loading its modules: the task never ran; it shares the verdict below.
      this.queue.unshift(slot.job);
      slot.job = undefined;
    }
    const job = slot.job;
    if (job) {
      const limit = this.options.maxMemoryMb;
      const error = death.outOfMemory
        ? new FdrError('LIMIT_EXCEEDED', `extraction needed more than ${limit ? `${limit} MB` : 'the available memory'} of memory and was stopped`, {
            file: job.file,
            hint: 'raise --max-memory, or split the document',
            cause: death.cause,
          })
        : new FdrError('INTERNAL', `extraction worker crashed (${death.message})`, {
            file: job.file,
            hint: 'this is a bug in fdr, please report it with the input file (rerun with --verbose for the stack)',
            cause: death.cause,
          });
      this.finish(slot, { ok: false, error, ms: this.elapsed(job) });
    } else if (!slot.ready && !this.closed) {
      // The worker died while loading its modules: a broken install, not a bad input. Do not respawn.
      this.startupFailure = new FdrError('INTERNAL', `cannot start the extraction worker: ${death.message}`, {
        hint: 'check the installation (npm run build), or report it',
        cause: death.cause,
      });
      for (const queued of this.queue.splice(0)) queued.resolve(this.startupOutcome(queued));
    }
    if (!this.closed && !this.startupFailure) {
      this.grow();
      this.pump();
    }
  }

  private elapsed(job: Job<T, R>): number {
    return job.startedAt === undefined ? 0 : performance.now() - job.startedAt;
  }

  /**
   * A worker thread is given its task as soon as it exists: the message waits in its port while it loads its
   * modules, and it starts on it the moment it can, without waiting for this thread (which may be busy loading
   * code of its own) to hear that it is ready. A child process is only sent a task once ready.
   */
  private takesTaskNow(slot: Slot<T, R>): boolean {
    return !slot.dead && !slot.job && (slot.ready || this.options.isolation !== 'process');
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (!this.takesTaskNow(slot)) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      if (slot.ready) this.startClock(slot, job);
      slot.handle.post({ type: 'task', id: job.id, task: job.task } satisfies ToWorker<T>);
    }
  }

  /** The task's time starts once its worker is ready: past the timeout, the worker is killed. */
  private startClock(slot: Slot<T, R>, job: Job<T, R>): void {
    job.startedAt = performance.now();
    const { timeoutMs } = this.options;
    if (Number.isFinite(timeoutMs) && timeoutMs <= MAX_TIMER_MS) {
      job.timer = setTimeout(() => {
        if (slot.job !== job) return;
        slot.dead = true;
        this.finish(slot, {
          ok: false,
          error: new FdrError('TIMEOUT', `extraction took longer than ${duration(timeoutMs)} and was stopped`, {
            file: job.file,
            hint: 'raise --timeout, or check the file',
          }),
          ms: this.elapsed(job),
        });
        void slot.handle.kill();
      }, Math.max(0, timeoutMs));
    }
  }

  private finish(slot: Slot<T, R>, outcome: Outcome<R>): void {
    const job = slot.job;
    if (!job) return;
    if (job.timer) clearTimeout(job.timer);
    slot.job = undefined;
    job.resolve(outcome);
    if (!slot.dead) this.pump();
    else if (!this.closed) this.grow();
  }
}
