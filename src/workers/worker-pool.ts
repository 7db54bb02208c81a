import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runJob, type Job, type JobResult } from './jobs.js';

/**
 * Render jobs on worker threads. Each worker loads the fonts and pdfmake once and renders the
 * jobs it is sent, one at a time; results come back in any order (files do not depend on it).
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: { job: Job; resolve: (r: JobResult) => void; reject: (e: Error) => void }[] = [];

  constructor(private readonly threads: number) {}

  /** Runs `job` on the next free worker (a worker is started when none is free and the pool has room). */
  run(job: Job): Promise<JobResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
    this.idle.length = 0;
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const worker = this.idle.pop() ?? (this.workers.length < this.threads ? this.start() : undefined);
      if (worker === undefined) return;
      const next = this.waiting.shift()!;
      const onMessage = (message: { ok: true; result: JobResult } | { ok: false; message: string }) => {
        worker.off('error', onError);
        this.idle.push(worker);
        if (message.ok) next.resolve(message.result);
        else next.reject(new Error(`render worker failed: ${message.message}`));
        this.dispatch();
      };
      const onError = (error: Error) => {
        // The worker is gone (out of memory, a crash): forget it, so that the jobs still waiting go to a new one.
        worker.off('message', onMessage);
        this.workers.splice(this.workers.indexOf(worker), 1);
        next.reject(error);
        this.dispatch();
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
      worker.postMessage(next.job);
    }
  }

  private start(): Worker {
    const worker = startWorker();
    this.workers.push(worker);
    return worker;
  }
}

/**
 * Runs jobs on up to `threads` workers, or in this thread when `threads` is 1 — then nothing is
 * started and the results are the same bytes.
 */
export async function runJobs(jobs: readonly Job[], onResult: (result: JobResult) => void, threads: number): Promise<void> {
  if (threads <= 1) {
    for (const job of jobs) onResult(await runJob(job));
    return;
  }
  const pool = new WorkerPool(Math.min(threads, jobs.length));
  try {
    // A job a worker could not finish (its heap is bounded) runs again in this thread.
    await Promise.all(jobs.map((job) => pool.run(job).catch(() => runJob(job)).then(onResult)));
  } finally {
    await pool.close();
  }
}

/** The old-generation heap of a worker, in MB: a 30-page report needs well under half of it. */
const WORKER_HEAP_MB = 256;

/** One worker per core, at most 4; QMSDOC_THREADS overrides (1 renders in this thread). */
export function defaultThreads(): number {
  const asked = Number(process.env.QMSDOC_THREADS);
  return Number.isInteger(asked) && asked >= 1 ? Math.min(asked, 16) : Math.min(4, availableParallelism());
}

function startWorker(): Worker {
  // A bounded heap keeps a build's peak memory down (a worker's garbage is collected sooner); a job
  // that outgrows it fails and is run again in the main thread (see the callers).
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./render-worker.js', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  // Running from the TypeScript sources (tests, tsx): the worker registers tsx's loader first.
  const entry = JSON.stringify(new URL('./render-worker.ts', import.meta.url).href);
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); });`, { eval: true });
}
