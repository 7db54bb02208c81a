import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEMPLATES_DIR } from '../paths.js';

/**
 * The libraries whose code or data shape the bytes of a document: the PDF engine and its font
 * machinery, the fonts, the charts. A different version of any of them means a different document.
 */
const RENDERING_PACKAGES = [
  'pdfmake',
  'pdfkit',
  'fontkit',
  '@fontsource/noto-sans-sc',
  '@embedpdf/fonts-sc',
  'chart.js',
  'chartjs-node-canvas',
  '@napi-rs/canvas',
  'handlebars',
];

let cached: string | null = null;

/**
 * SHA-256 of what the tool itself brings to every document: its own code (every module file, so a
 * development build with an unchanged version number still counts as a new tool), the templates
 * (form layouts, report texts) and the versions of the rendering libraries and fonts. Computed once
 * per process.
 */
export function toolFingerprint(): string {
  if (cached !== null) return cached;
  const hash = createHash('sha256');
  const codeRoot = fileURLToPath(new URL('..', import.meta.url));
  for (const root of [codeRoot, TEMPLATES_DIR]) {
    for (const file of filesUnder(root))
      hash
        .update(`${path.relative(root, file)}\u0000`)
        .update(readFileSync(file))
        .update('\u0000');
  }
  const require = createRequire(import.meta.url);
  for (const name of RENDERING_PACKAGES) hash.update(`${name}@${packageVersion(require, name)}\u0000`);
  cached = hash.digest('hex');
  return cached;
}

/** Every file under `root` (sorted, so the hash does not depend on the directory order). */
function filesUnder(root: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && !entry.name.endsWith('.map')) out.push(path.join(entry.parentPath, entry.name));
  }
  return out.sort();
}

/** The installed version of a package, or "missing" (it is then not what renders anything). */
function packageVersion(require: NodeJS.Require, name: string): string {
  try {
    // Some packages do not export their package.json: find it next to the entry point instead.
    let dir = path.dirname(require.resolve(name));
    for (;;) {
      try {
        const json = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (json.name === name) return json.version ?? 'unknown';
      } catch {
        // no package.json at this level
      }
      const up = path.dirname(dir);
      if (up === dir) return 'unknown';
      dir = up;
    }
  } catch {
    return 'missing';
  }
}
