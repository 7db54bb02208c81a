import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
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
 * Once per `vitest run`: dist/ built (unless it is up to date), and every worker pool pointed at
 * the built render worker (see renderWorkerUrl). Afterwards, the run fails if a test wrote into
 * the repository's output/ folder: tests write only to their temp folders.
 */
export default function setup(): () => void {
  ensureBuilt();
  process.env.QMSDOC_WORKER = BUILT_WORKER;
  const start = Date.now();
  return () => {
    const written = changedSince(path.join(ROOT, 'output'), start);
    if (written.length === 0) return;
    // An error thrown here is only printed; the exit code is what CI sees.
    process.stderr.write(`\ntests wrote into the repository: ${written.join(', ')}\n`);
    process.exitCode = 1;
  };
}
