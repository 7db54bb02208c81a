import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runRenderTask, type RenderedFile, type RenderTask } from './render-task.js';

/** Below this many records, starting workers (each loads the fonts) costs more than it saves. */
const MIN_RECORDS_FOR_WORKERS = 60;

/**
 * Runs render tasks on worker threads, one per core (at most 4); small runs stay in this thread. Results arrive in any order; the files themselves do not depend on it.
 */
export async function runRenderTasks(tasks: readonly RenderTask[], onFiles: (files: readonly RenderedFile[]) => void, threads = defaultThreads()): Promise<void> {
  const records = tasks.reduce((n, t) => n + t.views.length, 0);
  if (threads <= 1 || records < MIN_RECORDS_FOR_WORKERS) {
    for (const task of tasks) onFiles(await runRenderTask(task));
    return;
  }
  const queue = [...tasks];
  const workers = Array.from({ length: Math.min(threads, queue.length) }, () => startWorker());
  try {
    await Promise.all(
      workers.map(async (worker) => {
        for (let task = queue.shift(); task !== undefined; task = queue.shift()) onFiles(await send(worker, task));
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** One worker per core, at most 4; QMSDOC_THREADS overrides (1 renders in this thread). */
function defaultThreads(): number {
  const asked = Number(process.env.QMSDOC_THREADS);
  return Number.isInteger(asked) && asked >= 1 ? Math.min(asked, 16) : Math.min(4, availableParallelism());
}

function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./render-worker.js', import.meta.url));
  // Running from the TypeScript sources (tests, tsx): the worker registers tsx's loader first.
  const entry = JSON.stringify(new URL('./render-worker.ts', import.meta.url).href);
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); });`, { eval: true });
}

function send(worker: Worker, task: RenderTask): Promise<RenderedFile[]> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { ok: true; files: RenderedFile[] } | { ok: false; message: string }) => {
      worker.off('error', onError);
      if (message.ok) resolve(message.files);
      else reject(new Error(`forms worker failed: ${message.message}`));
    };
    const onError = (error: Error) => {
      worker.off('message', onMessage);
      reject(error);
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.postMessage(task);
  });
}
