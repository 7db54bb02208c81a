import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { BUILT_WORKER, ensureBuilt, ROOT } from './helpers/built-package.js';

/** Files under `dir` changed since `since` (ms), relative to the repository. */
function changedSince(dir: string, since: number): string[] {
  // output/ is git-ignored and absent from a fresh clone until something builds into it.
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return changedSince(full, since);
    return statSync(full).mtimeMs >= since ? [path.relative(ROOT, full)] : [];
  });
}

/**
 * Once per `vitest run`: dist/ built (unless it is up to date), every worker pool pointed at the
 * built render worker (see renderWorkerUrl), and a temp folder for the run's one build of the
 * bundled sample (test/helpers/sample-build.ts; built by the first test file that asks).
 * Afterwards that folder is removed, and the run fails if a test wrote into the repository's
 * output/ folder: tests write only to their temp folders.
 */
export default function setup(project: TestProject): () => void {
  ensureBuilt();
  process.env.QMSDOC_WORKER = BUILT_WORKER;
  // Test builds render in their own thread: on two cores shared by two test files, render
  // workers that each load the fonts again cost more than they save. test/workers makes its
  // pools itself; the workbench's build in the browser suite runs on workers.
  process.env.QMSDOC_THREADS ??= '1';
  const sampleBuildRoot = mkdtempSync(path.join(os.tmpdir(), 'qmsdoc-sample-build-'));
  project.provide('sampleBuildRoot', sampleBuildRoot);
  const start = Date.now();
  return () => {
    rmSync(sampleBuildRoot, { recursive: true, force: true });
    const written = changedSince(path.join(ROOT, 'output'), start);
    if (written.length === 0) return;
    // An error thrown here is only printed; the exit code is what CI sees.
    process.stderr.write(`\ntests wrote into the repository: ${written.join(', ')}\n`);
    process.exitCode = 1;
  };
}
