import { parentPort } from 'node:worker_threads';
import { resultBuffers, runJob, type Job } from './jobs.js';
import { toThreadError } from './thread-error.js';

/**
 * A render worker: runs the jobs it is sent, one at a time, and posts the results back; a job's
 * error goes back with its class, code and fields (see thread-error.ts).
 */
parentPort?.on('message', (job: Job) => {
  runJob(job).then(
    (result) => parentPort?.postMessage({ ok: true, result }, resultBuffers(result)),
    (error: unknown) => parentPort?.postMessage({ ok: false, error: toThreadError(error) }),
  );
});
