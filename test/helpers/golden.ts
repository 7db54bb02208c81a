import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const GOLDEN_DIR = fileURLToPath(new URL('../golden/', import.meta.url));

/**
 * Compares `actual` with test/golden/<name>. A missing golden file fails, as a mismatch does:
 * both write <name>-changed.<ext> beside it (git-ignored), to inspect with a diff tool and, once
 * it is what the change intends, copy over the golden file and commit. A test never writes its
 * own golden file, so it never passes against what it just produced.
 */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  const ext = path.extname(name);
  const changed = path.join(GOLDEN_DIR, `${path.basename(name, ext)}-changed${ext}`);
  if (!existsSync(file)) {
    writeFileSync(changed, actual);
    throw new Error(`golden file ${name} is missing; review ${path.relative(process.cwd(), changed)}, copy it to ${name} and commit it`);
  }
  const expected = readFileSync(file, 'utf8');
  if (expected === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect(actual, `${name} differs from its golden file; see ${path.relative(process.cwd(), changed)}`).toBe(expected);
}
