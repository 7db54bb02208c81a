import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = path.join(ROOT, 'dist');
/** The built render worker the tests' worker pools start (src/ never loads a TypeScript loader). */
export const BUILT_WORKER = path.join(DIST, 'workers', 'render-worker.js');
/** Written after a build: the newest source time it saw, so an unchanged tree is not built again. */
const STAMP = path.join(DIST, '.build-stamp');

function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  walk(path.join(ROOT, 'src'));
  for (const f of ['tsconfig.json', 'tsconfig.build.json', 'package.json']) newest = Math.max(newest, statSync(path.join(ROOT, f)).mtimeMs);
  return newest;
}

/**
 * Builds dist/ (npm run build) unless it was built from the sources as they are now: the tests
 * that use the package as a user would, and every worker pool, run the built code.
 */
export function ensureBuilt(): void {
  const newest = newestSource();
  if (existsSync(STAMP) && Number(readFileSync(STAMP, 'utf8')) >= newest && existsSync(BUILT_WORKER)) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  writeFileSync(STAMP, String(newest));
}
