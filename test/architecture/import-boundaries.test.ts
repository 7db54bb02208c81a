import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/built-package.js';

/**
 * The layers of src/, lowest first: a module may import from its own folder and from layers
 * below its own, never from a layer above nor from another folder of its own layer. This keeps
 * the direction the README draws (Development), cli → server → pipeline → … → model.
 * A top-level file or folder not listed here fails the test: give it its layer.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['model'],
  ['paths.ts'],
  ['dates', 'text', 'zip'],
  ['config'],
  ['calendar', 'issues'],
  ['ingest'],
  ['validate'],
  ['compute'],
  ['emit'],
  ['render'],
  ['document'],
  ['forms', 'reports', 'init'],
  ['workers', 'incremental'],
  ['pipeline'],
  ['server'],
  ['cli'],
  ['index.ts'],
];

/**
 * Imports that break the layering today, each with its reason; the test fails on any other, and
 * on an entry here that no longer occurs (remove it when its import is gone).
 */
const KNOWN_EXCEPTIONS: Readonly<Record<string, string>> = {};

const SRC = path.join(ROOT, 'src');

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** Every module specifier a file imports or re-exports, statically or with import(); comment lines are not code. */
function specifiers(source: string): string[] {
  const text = source
    .split('\n')
    .filter((line) => !/^\s*(\*|\/\*|\/\/)/.test(line))
    .join('\n');
  return [...text.matchAll(/(?:(?:^|[\s}])from\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

const relative = (file: string) => path.relative(SRC, file).split(path.sep).join('/');
const unit = (rel: string) => rel.split('/')[0]!;
const layerOf = (rel: string) => LAYERS.findIndex((layer) => layer.includes(unit(rel)));

describe('the layers of src/', () => {
  const files = sourceFiles();
  const edges = files.flatMap((file) =>
    specifiers(readFileSync(file, 'utf8'))
      .filter((s) => s.startsWith('.'))
      .map((s) => ({ from: relative(file), to: relative(path.resolve(path.dirname(file), s)).replace(/\.js$/, '.ts') })),
  );

  it('gives every top-level file and folder of src/ a layer', () => {
    const units = [...new Set(files.map((f) => unit(relative(f))))];
    expect(units.filter((u) => layerOf(u) < 0)).toEqual([]);
  });

  it('has no import upward or between folders of one layer, beyond the known exceptions', () => {
    const violations = edges.filter((e) => unit(e.from) !== unit(e.to) && layerOf(e.to) >= layerOf(e.from)).map((e) => `${e.from} -> ${e.to}`);
    const unexpected = [...new Set(violations)].filter((v) => !(v in KNOWN_EXCEPTIONS));
    expect(unexpected, 'upward imports: move the shared code down a layer, or (with a reason) list it in KNOWN_EXCEPTIONS').toEqual([]);
    const stale = Object.keys(KNOWN_EXCEPTIONS).filter((k) => !violations.includes(k));
    expect(stale, 'exceptions that no longer occur: remove them').toEqual([]);
  });

  it('has no import cycle between folders', () => {
    const folderEdges = new Set(
      edges.filter((e) => unit(e.from) !== unit(e.to) && !(`${e.from} -> ${e.to}` in KNOWN_EXCEPTIONS)).map((e) => `${unit(e.from)} ${unit(e.to)}`),
    );
    const cycles = [...folderEdges].filter((e) => folderEdges.has(e.split(' ').reverse().join(' ')));
    expect(cycles).toEqual([]);
  });

  it('lets the CLI, the workbench and the library entry reach the check and the build only through pipeline/', () => {
    // The pipeline is the one place that decides what a check and a build are made of; a command
    // calling compute/ or forms/ past it would make a second, drifting definition.
    const entry = (rel: string) => ['cli', 'server', 'index.ts'].includes(unit(rel));
    const behind = ['compute', 'validate', 'forms', 'incremental', 'workers'];
    const past = edges.filter((e) => entry(e.from) && behind.includes(unit(e.to))).map((e) => `${e.from} -> ${e.to}`);
    expect(past).toEqual([]);
  });

  it('keeps model/ free of imports', () => {
    expect(edges.filter((e) => unit(e.from) === 'model' && unit(e.to) !== 'model')).toEqual([]);
  });
});

describe('what src/ may depend on', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const files = sourceFiles();

  it('imports only Node built-ins and declared dependencies (no dev dependency such as tsx)', () => {
    const packageName = (s: string) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!);
    const required = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const requires = [...text.matchAll(/\brequire(?:\.resolve)?\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      return [...specifiers(text), ...requires].filter((s) => !s.startsWith('.')).map((s) => ({ file: relative(file), name: packageName(s) }));
    });
    const undeclared = required.filter(({ name }) => !name.startsWith('node:') && !builtinModules.includes(name) && !(name in manifest.dependencies));
    expect(undeclared).toEqual([]);
  });

  it('never points outside the repository (the contracts are in docs/)', () => {
    const outside = files.filter((file) => /\.\.\/shared\//.test(readFileSync(file, 'utf8'))).map(relative);
    expect(outside).toEqual([]);
  });
});
