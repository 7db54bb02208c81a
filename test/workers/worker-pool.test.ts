import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { loadFormCatalogue, selectForms } from '../../src/forms/form-catalogue.js';
import { blankView } from '../../src/forms/form-views.js';
import { TemplateFileError } from '../../src/document/template-file-error.js';
import { runRenderTask, type RenderTask } from '../../src/forms/render-task.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import type { Job } from '../../src/workers/jobs.js';
import { WorkerExitError, WorkerJobError } from '../../src/workers/thread-error.js';
import { renderWorkerUrl, runOnPool, WorkerPool } from '../../src/workers/worker-pool.js';
import { BUILT_WORKER } from '../helpers/built-package.js';
import { pdfPages } from '../helpers/pdf.js';

const FAILING = new URL('./fixtures/failing-worker.mjs', import.meta.url);
const { config } = loadConfig(path.join(PACKAGE_ROOT, 'input', 'qmsdoc.config.json'));
const capa = selectForms(loadFormCatalogue(), ['capa_report'], Object.keys(config.forms))[0]!;
const views = { config, lang: 'zh' as const, asOf: '2025-12-31', findingsFor: () => [] };

/** A real forms job: the blank CAPA report, rendered twice. */
const task: RenderTask = {
  template: capa,
  views: [blankView('capa', views), blankView('capa', views)],
  files: ['a.pdf', 'b.pdf'],
  config,
  lang: 'zh',
  asOf: '2025-12-31',
  logo: null,
};
/** A job the failing worker fails as `failure` says (the task is real, for a retry here). */
const failing = (failure: string): Job => ({ kind: 'forms', task: { ...task, failure } as RenderTask });

function failingPool(started: { count: number } = { count: 0 }, heapMb?: number): WorkerPool {
  return new WorkerPool(1, () => {
    started.count++;
    return new Worker(FAILING, heapMb ? { resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 4 } } : {});
  });
}

describe('the render worker pool', () => {
  it('renders on the built worker (dist/) the same bytes as this thread', async () => {
    expect(renderWorkerUrl().pathname).toBe(new URL(`file://${BUILT_WORKER}`).pathname);
    const pool = new WorkerPool(2);
    try {
      const [onWorker, here] = await Promise.all([pool.run({ kind: 'forms', task }), runRenderTask(task)]);
      expect(onWorker.kind).toBe('forms');
      const files = onWorker.kind === 'forms' ? onWorker.files : [];
      expect(files.map((f) => f.path)).toEqual(['a.pdf', 'b.pdf']);
      expect(files.map((f) => Buffer.from(f.bytes).equals(Buffer.from(here.find((h) => h.path === f.path)!.bytes)))).toEqual([true, true]);
      expect((await pdfPages(Buffer.from(files[0]!.bytes)))[0]).toContain('表单编号：QR-PZ-01');
    } finally {
      await pool.close();
    }
  });

  it('rejects a job with the error it threw: its class, message and code', async () => {
    const pool = failingPool();
    try {
      const error = await pool.run(failing('type-error')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkerJobError);
      expect(error).toMatchObject({ name: 'TypeError', errorClass: 'TypeError', message: 'a bug in a job', code: 'ERR_TEST_BUG' });
      expect((error as Error).stack).toContain('failing-worker.mjs');
    } finally {
      await pool.close();
    }
  });

  it('keeps a template error a TemplateFileError, with its file and problems', async () => {
    const pool = failingPool();
    try {
      const error = await pool.run(failing('template')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TemplateFileError);
      expect(error).toMatchObject({ file: 'forms/x.json', problems: [{ path: 'title', message: 'missing' }], message: 'forms/x.json: title: missing' });
    } finally {
      await pool.close();
    }
  });

  it('does not run a failed job again on the main thread (a bug would run twice)', async () => {
    const pool = failingPool();
    try {
      // The task is real: run here again, it would succeed, so a rejection shows it was not.
      await expect(runOnPool(pool, failing('type-error'))).rejects.toThrow('a bug in a job');
    } finally {
      await pool.close();
    }
  });

  it('rejects the job of a worker that exits without answering, and gives the next job a new worker', async () => {
    const started = { count: 0 };
    const pool = failingPool(started);
    try {
      const error = await pool.run(failing('exit')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkerExitError);
      expect(error).toMatchObject({ exitCode: 3, code: 'ERR_QMSDOC_WORKER_EXITED' });
      await expect(pool.run(failing('none'))).resolves.toEqual({ kind: 'forms', files: [] });
      expect(started.count).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('runs a job whose worker ran out of memory again on the main thread, and only that', async () => {
    const pool = failingPool({ count: 0 }, 16);
    try {
      const error = await pool.run(failing('memory')).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'ERR_WORKER_OUT_OF_MEMORY' });
      const result = await runOnPool(pool, failing('memory'));
      expect(result.kind === 'forms' ? result.files.map((f) => f.path) : []).toEqual(['a.pdf', 'b.pdf']);
    } finally {
      await pool.close();
    }
  });

  it('rejects jobs still waiting when it is closed', async () => {
    const pool = failingPool();
    const first = pool.run(failing('none')).catch((e: unknown) => e);
    const waiting = pool.run(failing('none')).catch((e: unknown) => e);
    await pool.close();
    expect(await waiting).toMatchObject({ message: 'the worker pool was closed before the job ran' });
    await first;
    await expect(pool.run(failing('none'))).rejects.toThrow('closed');
  });
});
