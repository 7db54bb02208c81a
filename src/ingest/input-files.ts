import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** How a file in the input folder is treated, by its name. */
export type InputFileKind = 'xlsx' | 'csv' | 'unsupported' | 'lock' | 'other';

/** A data file found in the input folder. */
export interface InputFile {
  /** Path relative to the input folder, "/"-separated. */
  readonly path: string;
  readonly kind: InputFileKind;
  readonly absolutePath: string;
}

/** The input folder itself cannot be used. */
export class InputFolderError extends Error {
  constructor(
    readonly code: 'missing' | 'not_a_folder' | 'unreadable',
    readonly folder: string,
  ) {
    super(`${code}: ${folder}`);
    this.name = 'InputFolderError';
  }
}

/** Larger files are refused before reading, so a stray disk image cannot exhaust memory. */
export const MAX_INPUT_FILE_BYTES = 512 * 1024 * 1024;

export function kindOfFile(name: string): InputFileKind {
  const base = path.basename(name);
  if (base.startsWith('~$')) return 'lock';
  if (base.startsWith('.')) return 'other';
  const ext = path.extname(base).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.csv') return 'csv';
  if (ext === '.xls' || ext === '.et' || ext === '.ods' || ext === '.numbers' || ext === '.xlsb') return 'unsupported';
  return 'other';
}

/**
 * The files of the input folder (sub-folders too when `recursive`), in code-point order of their
 * relative path — the reading order the input contract fixes.
 */
export function listInputFiles(folder: string, recursive = false): InputFile[] {
  let stat;
  try {
    stat = statSync(folder);
  } catch (error) {
    throw new InputFolderError((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable', folder);
  }
  if (!stat.isDirectory()) throw new InputFolderError('not_a_folder', folder);
  let names: string[];
  try {
    names = readdirSync(folder, { recursive, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => path.relative(folder, path.join(d.parentPath, d.name)));
  } catch {
    throw new InputFolderError('unreadable', folder);
  }
  return names
    .map((name) => ({ path: name.split(path.sep).join('/'), kind: kindOfFile(name), absolutePath: path.join(folder, name) }))
    .filter((f) => f.kind !== 'other')
    .sort((a, b) => compareCodePoints(a.path, b.path));
}

/** Orders strings by Unicode code point (JavaScript's "<" orders UTF-16 units, which differs above U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** A file's bytes and SHA-256 (for summary.json and the manifest). Throws on read errors. */
export function readInputFile(file: InputFile): { bytes: Buffer; sha256: string } {
  const size = statSync(file.absolutePath).size;
  if (size > MAX_INPUT_FILE_BYTES) throw new RangeError(`file is ${size} bytes`);
  const bytes = readFileSync(file.absolutePath);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
