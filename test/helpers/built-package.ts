import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = path.join(ROOT, 'dist');
/** The built render worker the tests' worker pools start (src/ never loads a TypeScript loader). */
export const BUILT_WORKER = path.join(DIST, 'workers', 'render-worker.js');
/**
 * The tests' incremental build state (outside dist/, which `npm run build` writes without one): a
 * build after a change to a few sources checks and writes those, not all of them.
 */
const BUILD_INFO = path.join(ROOT, 'node_modules', '.cache', 'qmsdoc', 'dist.tsbuildinfo');

/**
 * 'built' when every source file has its built .js and .d.ts, written after it and after the
 * tsconfig files (with isolatedModules each output depends on its own source file only);
 * 'missing' when an output is absent, 'stale' when one is older than its source.
 */
function builtState(): 'built' | 'stale' | 'missing' {
  const configs = Math.max(...['tsconfig.json', 'tsconfig.build.json'].map((f) => statSync(path.join(ROOT, f)).mtimeMs));
  let state: 'built' | 'stale' | 'missing' = 'built';
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      if (!entry.name.endsWith('.ts')) continue;
      const source = Math.max(statSync(full).mtimeMs, configs);
      const base = path.join(DIST, path.relative(path.join(ROOT, 'src'), full)).replace(/\.ts$/, '');
      for (const ext of ['.js', '.d.ts']) {
        if (!existsSync(base + ext)) state = 'missing';
        else if (state === 'built' && statSync(base + ext).mtimeMs < source) state = 'stale';
      }
    }
  };
  if (existsSync(DIST)) visit(path.join(ROOT, 'src'));
  else state = 'missing';
  return state;
}

/**
 * Builds dist/ (as npm run build does) unless it is built from the sources as they are now: the
 * tests that use the package as a user would, and every worker pool, run the built code. After
 * `npm ci` (whose prepare step builds) nothing is built again.
 */
export function ensureBuilt(): void {
  const state = builtState();
  if (state === 'built') return;
  // The build state cannot know of outputs deleted since: a missing one means building all.
  if (state === 'missing') rmSync(BUILD_INFO, { force: true });
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = (...extra: string[]) => execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), ...extra], { stdio: 'inherit' });
  build('--incremental', '--tsBuildInfoFile', BUILD_INFO);
  // A source saved unchanged is not written again by an incremental build: then all are.
  if (builtState() !== 'built') build();
}
