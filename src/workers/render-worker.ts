import { parentPort } from 'node:worker_threads';
import { resultBuffers, runJob, type Job } from './jobs.js';

/** A render worker: runs the jobs it is sent, one at a time, and posts the results back. */
parentPort?.on('message', (job: Job) => {
  runJob(job).then(
    (result) => parentPort?.postMessage({ ok: true, result }, resultBuffers(result)),
    (error: unknown) => parentPort?.postMessage({ ok: false, message: (error as Error)?.stack ?? String(error) }),
  );
});
