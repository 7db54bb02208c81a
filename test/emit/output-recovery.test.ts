import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { companionPaths } from '../../src/emit/output-folder.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { tempFolder } from '../helpers/fixtures.js';

const CHILD = path.join(PACKAGE_ROOT, 'test', 'helpers', 'interrupted-build.ts');

/** A build of `out` (test/helpers/interrupted-build.ts) killed at `killAt`, or finished for "none". */
function interruptedBuild(out: string, killAt: string, version: string): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CHILD, out, killAt, version], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  if (result.status !== 0 && result.signal !== 'SIGKILL') throw new Error(result.stderr);
}

function manifestOf(out: string): { version: string; outputs: { path: string; sha256: string }[] } {
  return JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { version: string; outputs: { path: string; sha256: string }[] };
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('an output folder switch killed between its two renames', () => {
  it('is put back by the next `check` into that folder: the last complete build, no staging or previous folder left', async () => {
    const parent = tempFolder();
    const out = path.join(parent, 'out');
    interruptedBuild(out, 'none', 'v1');
    interruptedBuild(out, 'moved_aside', 'v2');
    // The moment the issue is about: the folder is absent, the complete v1 waits beside it.
    expect(existsSync(out)).toBe(false);
    expect(existsSync(companionPaths(out).previous)).toBe(true);

    const input = tempFolder({
      'orders.csv': '订单号,客户名称,产品名称,接单日期,产品类别,订单来源,评审日期,签订日期\nHT-1,甲,轴,2025-01-02,标准,书面,2025-01-02,2025-01-03\n',
    });
    const code = await main(['check', '--input', input, '--out', out, '--as-of', '2025-12-31', '--lang', 'en'], {
      stdout: () => undefined,
      stderr: () => undefined,
    });
    expect(code).toBe(0);
    expect(readdirSync(parent)).toEqual(['out']);
    const manifest = manifestOf(out);
    expect(manifest.version).toBe('v1');
    // Every file of v1's build is back with its bytes, beside what `check` wrote itself.
    for (const o of manifest.outputs.filter((x) => x.path !== 'summary.json')) expect(sha(path.join(out, o.path)), o.path).toBe(o.sha256);
    expect(readdirSync(out).sort()).toEqual(['findings.xlsx', 'forms', 'manifest.json', 'summary.json']);
  }, 60_000);

  it('is finished by the next build when it died after the switch: the new build, the old one deleted', () => {
    const parent = tempFolder();
    const out = path.join(parent, 'out');
    interruptedBuild(out, 'none', 'v1');
    interruptedBuild(out, 'switched', 'v2');
    expect(existsSync(companionPaths(out).previous)).toBe(true);
    // The next build (itself killed while writing) first finished the switch: v2 stays, v1 is gone.
    interruptedBuild(out, 'file-0', 'v3');
    expect(manifestOf(out).version).toBe('v2');
    for (const o of manifestOf(out).outputs) expect(sha(path.join(out, o.path)), o.path).toBe(o.sha256);
    expect(existsSync(companionPaths(out).previous)).toBe(false);
  }, 60_000);
});
