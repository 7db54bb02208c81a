import { parentPort } from 'node:worker_threads';
import { runRenderTask, type RenderTask } from './render-task.js';

/** A forms worker: renders the tasks it is sent, one at a time, and posts the PDFs back. */
parentPort?.on('message', (task: RenderTask) => {
  runRenderTask(task).then(
    (files) => parentPort?.postMessage({ ok: true, files }, files.map((f) => f.bytes.buffer as ArrayBuffer)),
    (error: unknown) => parentPort?.postMessage({ ok: false, message: (error as Error)?.stack ?? String(error) }),
  );
});
