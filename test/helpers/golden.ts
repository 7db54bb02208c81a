import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const GOLDEN_DIR = fileURLToPath(new URL('../golden/', import.meta.url));

/**
 * Compares `actual` with test/golden/<name>. A missing golden file is written locally (review
 * and commit it) but fails under CI=true; a mismatch writes <name>-changed.<ext> beside it
 * (git-ignored) so the difference can be inspected with a diff tool.
 */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  const ext = path.extname(name);
  const changed = path.join(GOLDEN_DIR, `${path.basename(name, ext)}-changed${ext}`);
  if (!existsSync(file)) {
    if (process.env.CI) throw new Error(`golden file ${name} is missing; run the tests locally and commit it`);
    writeFileSync(file, actual);
    return;
  }
  const expected = readFileSync(file, 'utf8');
  if (expected === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect(actual, `${name} differs from its golden file; see ${path.relative(process.cwd(), changed)}`).toBe(expected);
}
