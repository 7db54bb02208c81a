import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = path.join(ROOT, 'dist');
/** The built render worker the tests' worker pools start (src/ never loads a TypeScript loader). */
export const BUILT_WORKER = path.join(DIST, 'workers', 'render-worker.js');
/**
 * True when every source file has its built .js and .d.ts, written after it and after the
 * tsconfig files (with isolatedModules each output depends on its own source file only).
 */
function isBuilt(): boolean {
  const configs = Math.max(...['tsconfig.json', 'tsconfig.build.json'].map((f) => statSync(path.join(ROOT, f)).mtimeMs));
  const fresh = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).every((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return fresh(full);
      if (!entry.name.endsWith('.ts')) return true;
      const source = Math.max(statSync(full).mtimeMs, configs);
      const base = path.join(DIST, path.relative(path.join(ROOT, 'src'), full)).replace(/\.ts$/, '');
      return ['.js', '.d.ts'].every((ext) => existsSync(base + ext) && statSync(base + ext).mtimeMs >= source);
    });
  return fresh(path.join(ROOT, 'src'));
}

/**
 * Builds dist/ (as npm run build does) unless it is built from the sources as they are now: the
 * tests that use the package as a user would, and every worker pool, run the built code. After
 * `npm ci` (whose prepare step builds) nothing is built again.
 */
export function ensureBuilt(): void {
  if (isBuilt()) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
}
