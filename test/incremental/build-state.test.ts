import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_STATE_PATH, BuildCache } from '../../src/incremental/build-state.js';
import { tempFolder } from '../helpers/fixtures.js';

/** A first build into `out`: unit "a" made a.pdf from input {n: 1}, unit "b" made b/b.pdf. */
function firstBuild(out: string): void {
  const cache = BuildCache.open(out);
  cache.setEnvironment('tool', 'zh', '2025-12-31');
  const files = { 'a.pdf': Buffer.from('A1'), 'b/b.pdf': Buffer.from('B1') };
  for (const [file, bytes] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    writeFileSync(path.join(out, file), bytes);
  }
  cache.put('a', cache.key('doc', { n: 1 }), [{ path: 'a.pdf', bytes: files['a.pdf'] }], [{ file: 'a.pdf', chars: ['𠮷'] }]);
  cache.put('b', cache.key('doc', { n: 2 }), [{ path: 'b/b.pdf', bytes: files['b/b.pdf'] }]);
  mkdirSync(path.join(out, '.qmsdoc'), { recursive: true });
  writeFileSync(path.join(out, BUILD_STATE_PATH), cache.serialise());
}

describe('BuildCache', () => {
  it('carries a unit over only with the same key and the same bytes in the folder', () => {
    const out = tempFolder();
    firstBuild(out);
    const next = BuildCache.open(out);
    next.setEnvironment('tool', 'zh', '2025-12-31');
    const a = next.take('a', next.key('doc', { n: 1 }));
    expect(a?.files.map((f) => [f.path, f.bytes.toString()])).toEqual([['a.pdf', 'A1']]);
    // What the PDF could not draw is remembered, so the rebuild prints the same note.
    expect(a?.missingGlyphs).toEqual([{ file: 'a.pdf', chars: ['𠮷'] }]);
    // Another input: rendered again.
    expect(next.take('b', next.key('doc', { n: 3 }))).toBeNull();
    writeFileSync(path.join(out, 'a.pdf'), 'edited by hand');
    expect(next.take('a', next.key('doc', { n: 1 }))).toBeNull();
  });

  it('changes every key with the environment (tool, templates, config, language, date)', () => {
    const out = tempFolder();
    firstBuild(out);
    const next = BuildCache.open(out);
    next.setEnvironment('tool', 'en', '2025-12-31');
    expect(next.take('a', next.key('doc', { n: 1 }))).toBeNull();
  });

  it('carries nothing with --clean but still knows, and reports, the files of the last build', () => {
    const out = tempFolder();
    firstBuild(out);
    const clean = BuildCache.open(out, { carry: false });
    clean.setEnvironment('tool', 'zh', '2025-12-31');
    expect(clean.take('a', clean.key('doc', { n: 1 }))).toBeNull();
    expect(clean.stale([{ path: 'a.pdf' }])).toEqual(['b/b.pdf']);
  });

  it('takes a damaged or foreign state file for none', () => {
    const out = tempFolder();
    firstBuild(out);
    writeFileSync(path.join(out, BUILD_STATE_PATH), '{"schemaVersion": 9');
    const next = BuildCache.open(out);
    next.setEnvironment('tool', 'zh', '2025-12-31');
    expect(next.take('a', next.key('doc', { n: 1 }))).toBeNull();
    expect(next.stale([])).toEqual([]);
  });

  it('never reads outside the output folder, whatever the state file says', () => {
    const out = tempFolder();
    const key = (() => {
      const c = BuildCache.open(out);
      c.setEnvironment('tool');
      return c.key('doc', 1);
    })();
    mkdirSync(path.join(out, '.qmsdoc'));
    writeFileSync(
      path.join(out, BUILD_STATE_PATH),
      JSON.stringify({ schemaVersion: 1, units: { x: { key, files: [{ path: '../../etc/passwd', sha256: 'x' }], missingGlyphs: [] } } }),
    );
    const next = BuildCache.open(out);
    next.setEnvironment('tool');
    expect(next.take('x', next.key('doc', 1))).toBeNull();
  });

  it('writes the same state for the same units, one line per unit in name order', () => {
    const one = tempFolder();
    const two = tempFolder();
    firstBuild(one);
    firstBuild(two);
    const text = readFileSync(path.join(one, BUILD_STATE_PATH), 'utf8');
    expect(text).toBe(readFileSync(path.join(two, BUILD_STATE_PATH), 'utf8'));
    expect(
      text
        .split('\n')
        .slice(1, 3)
        .map((l) => l.slice(0, 4)),
    ).toEqual(['"a":', '"b":']);
  });
});
