import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';

/**
 * How a file in the input folder is treated: by its name, or, for the last three, because it is
 * a symbolic link that leads outside the input folder or to no regular file, or lies in a folder
 * qmsdoc wrote (an output folder inside the input folder).
 */
export type InputFileKind = 'xlsx' | 'csv' | 'unsupported' | 'lock' | 'other' | 'symlink_outside' | 'symlink_not_file' | 'qmsdoc_output';

/** The manifest every build folder holds: how the tool knows its own folders again. */
const MANIFEST = 'manifest.json';

/** True when `folder` holds a manifest.json written by qmsdoc. */
export function isQmsdocOutputFolder(folder: string): boolean {
  const file = path.join(folder, MANIFEST);
  if (!existsSync(file)) return false;
  try {
    const head = Buffer.alloc(4096);
    const fd = openSync(file, 'r');
    let length: number;
    try {
      length = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
    return /"tool":\s*\{\s*"name":\s*"qmsdoc"/.test(head.toString('utf8', 0, length));
  } catch {
    return false;
  }
}

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
 * relative path — the reading order the input contract fixes. Dot-folders and folders qmsdoc wrote
 * (they hold its manifest.json) are not read; a data file in one of the latter is listed as
 * `qmsdoc_output`. A symbolic link is read when it leads to a regular file inside the input folder
 * and is listed with the reason otherwise — never silently left out.
 */
export function listInputFiles(folder: string, recursive = false): InputFile[] {
  let stat;
  try {
    stat = statSync(folder);
  } catch (error) {
    throw new InputFolderError((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable', folder);
  }
  if (!stat.isDirectory()) throw new InputFolderError('not_a_folder', folder);
  let entries: Dirent[];
  let root: string;
  try {
    entries = readdirSync(folder, { recursive, withFileTypes: true });
    root = realpathSync(folder);
  } catch {
    throw new InputFolderError('unreadable', folder);
  }
  const outputFolders = new Map<string, boolean>();
  const inOutputFolder = (relativeDir: string): boolean => {
    if (relativeDir === '' || relativeDir === '.') return false;
    let known = outputFolders.get(relativeDir);
    if (known === undefined) {
      known = isQmsdocOutputFolder(path.join(folder, relativeDir)) || inOutputFolder(path.dirname(relativeDir));
      outputFolders.set(relativeDir, known);
    }
    return known;
  };
  const files: InputFile[] = [];
  for (const d of entries) {
    if (!d.isFile() && !d.isSymbolicLink()) continue;
    const name = path.relative(folder, path.join(d.parentPath, d.name));
    const dir = path.dirname(name);
    if (dir !== '.' && dir.split(path.sep).some((part) => part.startsWith('.'))) continue;
    let kind = kindOfFile(name);
    if (kind === 'other') continue;
    const absolutePath = path.join(folder, name);
    if (inOutputFolder(dir)) kind = 'qmsdoc_output';
    else if (d.isSymbolicLink()) kind = symlinkKind(absolutePath, root) ?? kind;
    files.push({ path: name.split(path.sep).join('/'), kind, absolutePath });
  }
  return files.sort((a, b) => compareCodePoints(a.path, b.path));
}

/** Null when the link leads to a regular file inside `root`; else why it is not read. */
function symlinkKind(link: string, root: string): 'symlink_outside' | 'symlink_not_file' | null {
  let target: string;
  try {
    target = realpathSync(link);
  } catch {
    return 'symlink_not_file';
  }
  const relative = path.relative(root, target);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return 'symlink_outside';
  try {
    return statSync(target).isFile() ? null : 'symlink_not_file';
  } catch {
    return 'symlink_not_file';
  }
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
