import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/built-package.js';

/**
 * The layers of src/, lowest first: a module may import from its own folder and from layers
 * below its own, never from a layer above nor from another folder of its own layer. This keeps
 * the direction the README describes, cli → pipeline → render/compute/validate/ingest → model.
 * A top-level file or folder not listed here fails the test: give it its layer.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['model'],
  ['dates', 'text', 'zip', 'paths.ts'],
  ['config'],
  ['calendar', 'issues'],
  ['ingest'],
  ['validate'],
  ['compute'],
  ['render', 'emit'],
  ['forms', 'reports', 'init'],
  ['workers', 'incremental'],
  ['pipeline.ts'],
  ['server'],
  ['cli'],
  ['index.ts'],
];

/**
 * Imports that break the layering today, each with its reason; the test fails on any other, and
 * on an entry here that no longer occurs (remove it when its import is gone).
 */
const KNOWN_EXCEPTIONS: Readonly<Record<string, string>> = {
  'reports/report-builder.ts -> forms/fill-text.ts':
    'text fill is shared document core kept in forms/; to move under a document-core folder with the rest of it',
  'reports/report-texts.ts -> forms/fill-text.ts': 'text fill (shared document core) lives in forms/',
  'reports/report-texts.ts -> forms/load-form-templates.ts': 'TemplateFileError (shared document core) lives in forms/',
  'reports/audit-readiness-layout.ts -> forms/fill-text.ts': 'text fill (shared document core) lives in forms/',
  'reports/complaint-month-layout.ts -> forms/fill-text.ts': 'text fill (shared document core) lives in forms/',
  'reports/management-review-layout.ts -> forms/fill-text.ts': 'text fill (shared document core) lives in forms/',
  'reports/satisfaction-report-layout.ts -> forms/fill-text.ts': 'text fill (shared document core) lives in forms/',
  'reports/render-management-review.ts -> forms/fill-text.ts': 'text fill (shared document core) lives in forms/',
  'reports/render-audit-readiness.ts -> forms/render-form.ts': 'controlled page furniture of a document (controlledDocument) lives in forms/',
  'reports/render-complaint-month.ts -> forms/render-form.ts': 'controlled page furniture of a document (controlledDocument) lives in forms/',
  'reports/render-management-review.ts -> forms/render-form.ts': 'controlled page furniture of a document (controlledDocument) lives in forms/',
  'reports/render-satisfaction-report.ts -> forms/render-form.ts': 'controlled page furniture of a document (controlledDocument) lives in forms/',
  'reports/render-satisfaction-report.ts -> forms/file-names.ts': 'safe file names (shared document core) live in forms/',
  'reports/render-due.ts -> forms/render-form.ts': 'controlled page furniture of a document (controlledDocument) lives in forms/',
  'reports/render-due.ts -> forms/fill-text.ts': 'text fill (shared document core) lives in forms/',
  'reports/customer-histories-layout.ts -> forms/fill-text.ts': 'text fill (shared document core) lives in forms/',
  'reports/render-customer-histories.ts -> forms/render-form.ts': 'controlled page furniture of a document (controlledDocument) lives in forms/',
  'server/app.ts -> cli/output-folder-text.ts': 'the workbench words output-folder problems as the CLI does; the wording belongs in issues/',
};

const SRC = path.join(ROOT, 'src');

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** Every module specifier a file imports or re-exports, statically or with import(). */
function specifiers(text: string): string[] {
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
    const folderEdges = new Set(edges.filter((e) => unit(e.from) !== unit(e.to) && !(`${e.from} -> ${e.to}` in KNOWN_EXCEPTIONS)).map((e) => `${unit(e.from)} ${unit(e.to)}`));
    const cycles = [...folderEdges].filter((e) => folderEdges.has(e.split(' ').reverse().join(' ')));
    expect(cycles).toEqual([]);
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
