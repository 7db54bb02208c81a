import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { companionPaths, lockOutputFolder, openBuildFolder, recoverOutputFolder } from '../../src/emit/output-folder.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { filesUnder, run } from '../helpers/cli.js';
import { tempFolder } from '../helpers/fixtures.js';

const CHILD = path.join(PACKAGE_ROOT, 'test', 'helpers', 'interrupted-build.ts');

function interruptedBuild(out: string, killAt: string, version: string): number | null {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CHILD, out, killAt, version], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  if (result.status !== 0 && result.signal !== 'SIGKILL') throw new Error(result.stderr);
  return result.status;
}

/** The version whose manifest the folder matches exactly (every file listed, hashes right, nothing else), or throws. */
function matchingManifest(out: string): string {
  const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { version: string; outputs: { path: string; sha256: string }[] };
  expect(filesUnder(out)).toEqual([...manifest.outputs.map((o) => o.path), 'manifest.json'].sort());
  for (const o of manifest.outputs)
    expect(
      createHash('sha256')
        .update(readFileSync(path.join(out, o.path)))
        .digest('hex'),
      o.path,
    ).toBe(o.sha256);
  for (const o of manifest.outputs.filter((x) => x.path.endsWith('.txt'))) expect(readFileSync(path.join(out, o.path), 'utf8')).toContain(manifest.version);
  return manifest.version;
}

describe('a build is all or nothing', () => {
  it('killed at any moment, the output folder matches one complete manifest: the old one until the switch, the new one after', () => {
    const parent = tempFolder();
    const out = path.join(parent, 'out');
    expect(interruptedBuild(out, 'none', 'v1')).toBe(0);
    expect(matchingManifest(out)).toBe('v1');
    let version = 1;
    for (const moment of ['file-0', 'file-5', 'file-11', 'manifest', 'moved_aside', 'switched']) {
      const next = `v${version + 1}`;
      expect(interruptedBuild(out, moment, next)).toBeNull();
      if (moment === 'moved_aside') {
        // Between the two renames the folder is briefly absent; the previous one waits beside it.
        expect(existsSync(out)).toBe(false);
        expect(existsSync(companionPaths(out).previous)).toBe(true);
      } else {
        expect(matchingManifest(out), moment).toBe(moment === 'switched' ? next : `v${version}`);
      }
      // The next run (taking over the dead process's lock) puts back what the interruption left.
      openBuildFolder(out).abort();
      expect(matchingManifest(out), `${moment}, after recovery`).toBe(moment === 'switched' ? next : `v${version}`);
      if (moment === 'switched') version++;
      expect(readdirSync(parent)).toEqual(['out']);
    }
  }, 120_000);

  it('a second build while one holds the lock exits 2 naming the lock holder, and leaves the folder alone', async () => {
    const parent = tempFolder();
    const out = path.join(parent, 'out');
    const input = tempFolder({ 'a.csv': '订单号,客户名称\n' });
    const release = lockOutputFolder(out);
    try {
      const result = await run(['build', '--input', input, '--output', out, '--as-of', '2025-12-31', '--lang', 'en']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`another qmsdoc is writing to the output folder ${out} (process ${process.pid} on`);
      expect(existsSync(out)).toBe(false);
    } finally {
      release();
    }
    expect(readdirSync(parent)).toEqual([]);
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const out = path.join(tempFolder(), 'out');
    const dead = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));
    writeFileSync(companionPaths(out).lock, JSON.stringify({ pid: dead, host: hostname(), started: 'earlier' }));
    const folder = openBuildFolder(out);
    folder.writer.write('summary.json', '{}');
    folder.commit();
    expect(readdirSync(out)).toEqual(['summary.json']);
    expect(existsSync(companionPaths(out).lock)).toBe(false);
  });

  it('recovery deletes a left-over staging folder', () => {
    const out = path.join(tempFolder(), 'out');
    mkdirSync(path.join(companionPaths(out).staging, 'forms'), { recursive: true });
    recoverOutputFolder(out);
    expect(existsSync(companionPaths(out).staging)).toBe(false);
  });
});

describe("the output folder is the tool's", () => {
  const input = tempFolder({ 'x.csv': '订单号,客户名称\n' });

  it.each([
    ['the input folder itself', [input, input, false], 'the output folder cannot be the input folder'],
    ['inside the input folder read recursively', [path.join(input, 'out'), input, true], 'lies inside the input folder'],
    ['holding the input folder', [path.dirname(input), input, false], 'lies inside the output folder'],
  ] satisfies [string, [string, string, boolean], string][])('refuses an output folder %s (exit 2)', async (_label, args, message) => {
    const [out, inp, recursive] = args;
    const result = await run(['build', '--input', inp, '--output', out, '--as-of', '2025-12-31', '--lang', 'en', ...(recursive ? ['--recursive'] : [])]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('refuses a folder holding files qmsdoc did not write, and changes nothing in it', async () => {
    const out = tempFolder({ 'my notes.docx': 'x', 'summary.json': '{}' });
    const result = await run(['build', '--input', input, '--output', out, '--as-of', '2025-12-31', '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('holds files qmsdoc did not write (my notes.docx)');
    expect(readdirSync(out).sort()).toEqual(['my notes.docx', 'summary.json']);
  });

  it('never writes through a symbolic link planted in the output folder', () => {
    const outside = tempFolder();
    const out = tempFolder({ 'manifest.json': '{"schemaVersion": 1, "tool": {"name": "qmsdoc"}}' });
    symlinkSync(outside, path.join(out, 'forms'));
    const folder = openBuildFolder(out);
    folder.writer.write('forms/a.pdf', 'pdf');
    folder.commit();
    expect(readdirSync(outside)).toEqual([]);
    expect(lstatSync(path.join(out, 'forms')).isDirectory()).toBe(true);
    expect(statSync(path.join(out, 'forms', 'a.pdf')).size).toBe(3);
  });
});
