import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package folder: src/ and dist/ sit one level below it, so this file finds it either way. */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** templates/ of the package: form layouts and report texts. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../templates/', import.meta.url));

export function packageVersion(): string {
  const json = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof json.version === 'string' ? json.version : '0.0.0';
}
