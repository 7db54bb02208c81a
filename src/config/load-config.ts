import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../model/lang.js';
import type { Config } from './config.js';
import { configText } from './config-text.js';
import { resolveConfig, type ConfigIssue } from './resolve-config.js';

/** The file name looked for when no `--config` is given. */
export const CONFIG_FILE_NAME = 'qmsdoc.config.json';

/** A configuration and where it came from (for manifest.json). */
export interface LoadedConfig {
  readonly config: Config;
  /** Absolute path, or null when the defaults alone are used. */
  readonly file: string | null;
  readonly sha256: string | null;
}

/** The configuration file cannot be used; `issues` says every problem found. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    super(`${file}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Finds the configuration: the explicit file, else `qmsdoc.config.json` in each of
 * `searchDirs` in turn, else the defaults.
 */
export function findConfigFile(explicit: string | undefined, searchDirs: readonly string[]): string | null {
  if (explicit !== undefined) return path.resolve(explicit);
  for (const dir of searchDirs) {
    const candidate = path.resolve(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** Reads and checks a configuration file; throws ConfigError naming the file and every problem. */
export function loadConfig(file: string | null, lang: Lang = 'zh'): LoadedConfig {
  if (file === null) {
    const result = resolveConfig(undefined, process.cwd(), lang);
    if (!result.ok) throw new ConfigError('(defaults)', result.issues);
    return { config: result.config, file: null, sha256: null };
  }
  let bytes: Buffer;
  try {
    bytes = readBounded(file, MAX_CONFIG_BYTES, lang);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? configText(lang)('noSuchFile') : String((error as Error).message);
    throw new ConfigError(file, [{ path: '(file)', message: reason }]);
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  let spec: unknown;
  try {
    spec = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, [{ path: '(file)', message: describeJsonError(text, error as Error, lang) }]);
  }
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new ConfigError(file, [{ path: '(top level)', message: configText(lang)('notObject') }]);
  }
  const tooLarge = nonFiniteNumber(spec, []);
  if (tooLarge !== null) {
    throw new ConfigError(file, [{ path: tooLarge, message: configText(lang)('numberTooLarge') }]);
  }
  const result = resolveConfig(spec, path.dirname(file), lang);
  if (!result.ok) throw new ConfigError(file, result.issues);
  const logo = result.config.company.logo;
  if (logo !== null) {
    if (!existsSync(logo)) throw new ConfigError(file, [{ path: 'company.logo', message: configText(lang)('logoNotFound', { logo }) }]);
    if (!isPngOrJpeg(readFileSync(logo).subarray(0, 4))) {
      throw new ConfigError(file, [{ path: 'company.logo', message: configText(lang)('logoNotImage', { logo }) }]);
    }
  }
  return { config: result.config, file, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** A configuration is a few kilobytes; this bound stops a device such as /dev/zero being read forever. */
const MAX_CONFIG_BYTES = 1 << 20;

/** The file's bytes, refusing anything but a regular file and reading at most `max` bytes. */
function readBounded(file: string, max: number, lang: Lang): Buffer {
  const fd = openSync(file, 'r');
  try {
    if (!fstatSync(fd).isFile()) throw new ConfigError(file, [{ path: '(file)', message: configText(lang)('notRegularFile') }]);
    const buffer = Buffer.alloc(max + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > max) throw new ConfigError(file, [{ path: '(file)', message: configText(lang)('tooLarge', { max }) }]);
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** The dotted path of the first number JSON.parse turned into Infinity (1e309), or null. */
function nonFiniteNumber(value: unknown, at: string[]): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : at.join('.') || '(top level)';
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const found = nonFiniteNumber(child, [...at, key]);
    if (found !== null) return found;
  }
  return null;
}

/** JSON.parse reports a character position; people need a line and column. */
function describeJsonError(text: string, error: Error, lang: Lang): string {
  const match = /position (\d+)/.exec(error.message);
  if (!match) return configText(lang)('invalidJson', { detail: error.message });
  const position = Number(match[1]);
  const before = text.slice(0, position).split('\n');
  const line = before.length;
  const column = (before[before.length - 1]?.length ?? 0) + 1;
  return configText(lang)('invalidJsonAt', { line, column });
}

function isPngOrJpeg(head: Buffer): boolean {
  return (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) || (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff);
}
