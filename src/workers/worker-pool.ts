import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runJob, type Job, type JobResult } from './jobs.js';
import { fromThreadError, isWorkerOutOfMemory, WorkerExitError, type ThreadError } from './thread-error.js';

type Reply = { ok: true; result: JobResult } | { ok: false; error: ThreadError };

/** How to start one worker (tests swap it for a worker that misbehaves on purpose). */
export type StartWorker = () => Worker;

/**
 * Render jobs on worker threads: one pool per process (a build makes it once and hands it to
 * every stage). Each worker loads the fonts and pdfmake once and renders the jobs it is sent, one
 * at a time; workers start when jobs wait and none is free; results come back in any order.
 *
 * A job fails with the error it threw (its class and code kept, see thread-error.ts); a worker
 * that dies (out of memory, a crash) or exits fails the job it had, and later jobs go to a new
 * worker. Only a worker out of memory is worth a retry: see runOnPool.
 */
export class WorkerPool {
  private readonly workers = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private readonly waiting: { job: Job; resolve: (r: JobResult) => void; reject: (e: Error) => void }[] = [];
  private closed = false;

  constructor(
    /** Workers at most, ≥ 1. */
    readonly threads: number,
    private readonly startWorker: StartWorker = startRenderWorker,
  ) {}

  /** Runs `job` on the next free worker. */
  run(job: Job): Promise<JobResult> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; jobs still waiting are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.reject(new Error('the worker pool was closed before the job ran'));
    const workers = [...this.workers];
    this.workers.clear();
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const worker = this.idle.pop() ?? (this.workers.size < this.threads ? this.start() : undefined);
      if (worker === undefined) return;
      const next = this.waiting.shift()!;
      let settled = false;
      const settle = (gone: boolean, outcome: () => void) => {
        if (settled) return;
        settled = true;
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (gone) {
          this.workers.delete(worker);
          void worker.terminate();
        } else this.idle.push(worker);
        outcome();
        this.dispatch();
      };
      const onMessage = (reply: Reply) => settle(false, () => (reply.ok ? next.resolve(reply.result) : next.reject(fromThreadError(reply.error))));
      // The worker is gone (out of memory, an uncaught error): forget it, so the jobs still
      // waiting go to a new one.
      const onError = (error: Error) => settle(true, () => next.reject(error));
      // A worker that exits without an error event (process.exit in a job) never answers.
      const onExit = (code: number) => settle(true, () => next.reject(new WorkerExitError(code)));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(next.job);
    }
  }

  private start(): Worker {
    const worker = this.startWorker();
    // An idle worker's death is noticed here, so it is not handed a job later.
    const forget = () => {
      this.workers.delete(worker);
      const i = this.idle.indexOf(worker);
      if (i >= 0) this.idle.splice(i, 1);
    };
    worker.once('exit', forget);
    worker.on('error', () => undefined);
    this.workers.add(worker);
    return worker;
  }
}

/**
 * Runs `job` on `pool`, or in this thread without one. A job whose worker ran out of memory (its
 * heap is bounded, see WORKER_HEAP_MB) runs again here, where the heap is the process's; any
 * other failure is the job's own and is not run twice.
 */
export async function runOnPool(pool: WorkerPool | undefined, job: Job): Promise<JobResult> {
  if (pool === undefined) return runJob(job);
  try {
    return await pool.run(job);
  } catch (error) {
    if (isWorkerOutOfMemory(error)) return runJob(job);
    throw error;
  }
}

/** The old-generation heap of a worker, in MB: a 30-page report needs well under half of it. */
export const WORKER_HEAP_MB = 256;

/** The young-generation heap of a worker, in MB (V8's default is larger; see renderWorker). */
export const WORKER_YOUNG_MB = 8;

/** One worker per core, at most 4; QMSDOC_THREADS overrides (1 renders in this thread). */
export function defaultThreads(): number {
  const asked = Number(process.env.QMSDOC_THREADS);
  return Number.isInteger(asked) && asked >= 1 ? Math.min(asked, 16) : Math.min(4, availableParallelism());
}

/**
 * A pool of `threads` workers, or none when `threads` is 1 or there is no built worker (running
 * from the TypeScript sources without QMSDOC_WORKER): then everything renders in this thread,
 * with the same bytes.
 */
export function createWorkerPool(threads = defaultThreads()): WorkerPool | undefined {
  const workerBuilt = !import.meta.url.endsWith('.ts') || Boolean(process.env.QMSDOC_WORKER);
  return threads > 1 && workerBuilt ? new WorkerPool(threads) : undefined;
}

/**
 * The built worker (dist/workers/render-worker.js). From the TypeScript sources (tests, benches)
 * there is none: tests build once (test/global-setup.ts) and set QMSDOC_WORKER to the built file,
 * so that src/ never loads a TypeScript loader (a dev dependency).
 */
export function renderWorkerUrl(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./render-worker.js', import.meta.url);
  const built = process.env.QMSDOC_WORKER;
  if (built) return new URL(built, 'file:///');
  throw new Error('render workers run from the built package: run `npm run build` (tests set QMSDOC_WORKER to dist/workers/render-worker.js)');
}

function startRenderWorker(): Worker {
  // A bounded heap keeps a build's peak memory down (a worker's garbage is collected sooner); a
  // job that outgrows it fails with ERR_WORKER_OUT_OF_MEMORY and runs again in the main thread.
  // A small young generation: a worker's short-lived objects (layout nodes) are collected sooner
  // for the same CPU time, and each worker holds some 50 MB less at its peak (issue 15 (e)).
  return new Worker(renderWorkerUrl(), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
}
