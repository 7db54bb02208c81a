import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { kindOfFile } from '../ingest/input-files.js';

/** The folders the workbench works on; nothing outside them is read or written. */
export interface Workspace {
  readonly input: string;
  readonly output: string;
  /** The configuration file: qmsdoc.config.json in the input folder (where `build` looks first). */
  readonly configFile: string;
  /** Removed input files go here, never deleted: <input>/.trash (dot-folders are not read as data). */
  readonly trash: string;
}

export function createWorkspace(input: string, output: string): Workspace {
  const i = path.resolve(input);
  return { input: i, output: path.resolve(output), configFile: path.join(i, 'qmsdoc.config.json'), trash: path.join(i, '.trash') };
}

/** Largest upload accepted, per file (the readers accept more; a browser upload of that size is a mistake). */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

export type UploadProblem = 'name' | 'type' | 'content' | 'size' | 'empty' | 'exists';

export class UploadError extends Error {
  constructor(
    readonly problem: UploadProblem,
    readonly fileName: string,
  ) {
    super(`${problem}: ${fileName}`);
    this.name = 'UploadError';
  }
}

/**
 * A file name safe to create in the input folder: the last path part only, without control
 * characters, characters Windows forbids, leading dots or trailing spaces and dots; null when
 * nothing usable is left or the name is not a data file (.xlsx, .xlsm, .csv).
 */
export function safeFileName(name: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  let clean = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (clean.length > 120) {
    const ext = path.extname(clean);
    clean = clean.slice(0, 120 - ext.length) + ext;
  }
  if (clean === '' || /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(clean)) return null;
  const kind = kindOfFile(clean);
  return kind === 'xlsx' || kind === 'csv' ? clean : null;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Whether the bytes are what the name says: an .xlsx is a zip (an old .xls renamed is not); a
 * .csv is text — UTF-16 with its byte-order mark, or no NUL byte and no zip, PDF or OLE header.
 */
export function contentMatches(name: string, bytes: Buffer): boolean {
  if (kindOfFile(name) === 'xlsx') return bytes.subarray(0, 4).equals(ZIP_MAGIC);
  const head = bytes.subarray(0, 65536);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  if (head.subarray(0, 4).equals(ZIP_MAGIC) || head.subarray(0, 4).toString('latin1') === '%PDF' || (head[0] === 0xd0 && head[1] === 0xcf)) return false;
  return !head.includes(0);
}

/**
 * Saves an uploaded data file in the input folder, atomically: written to a temporary name, then
 * hard-linked to its own name, which fails when that name exists — a file is never overwritten
 * silently. With `replace`, the existing file first moves to the trash. Returns the name used.
 */
export function saveUpload(ws: Workspace, name: string, bytes: Buffer, replace: boolean, now: Date, maxBytes = MAX_UPLOAD_BYTES): string {
  const safe = safeFileName(name);
  if (safe === null) throw new UploadError(kindOfFile(name.split(/[\\/]/).pop() ?? '') === 'other' ? 'type' : 'name', name);
  if (bytes.length === 0) throw new UploadError('empty', safe);
  if (bytes.length > maxBytes) throw new UploadError('size', safe);
  if (!contentMatches(safe, bytes)) throw new UploadError('content', safe);
  mkdirSync(ws.input, { recursive: true });
  const target = path.join(ws.input, safe);
  if (existsSync(target)) {
    if (!replace) throw new UploadError('exists', safe);
    moveToTrash(ws, safe, now);
  }
  const temporary = path.join(ws.input, `.${randomBytes(6).toString('hex')}.upload`);
  writeFileSync(temporary, bytes);
  try {
    linkSync(temporary, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UploadError('exists', safe);
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
  return safe;
}

/** A data file directly in the input folder, by its name as listed; null for anything else. */
export function inputFilePath(ws: Workspace, name: string): string | null {
  if (name !== path.basename(name) || name.startsWith('.') || name === '') return null;
  const target = path.join(ws.input, name);
  if (path.dirname(target) !== ws.input || !existsSync(target) || !statSync(target).isFile()) return null;
  return target;
}

/** Moves an input file to <input>/.trash/<time>-<name>; it can be taken back from there by hand. */
export function moveToTrash(ws: Workspace, name: string, now: Date): string | null {
  const source = inputFilePath(ws, name);
  if (source === null) return null;
  mkdirSync(ws.trash, { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  let target = path.join(ws.trash, `${stamp}-${name}`);
  for (let n = 2; existsSync(target); n++) target = path.join(ws.trash, `${stamp}-${n}-${name}`);
  renameSync(source, target);
  return path.relative(ws.input, target).split(path.sep).join('/');
}

/** The data files of the input folder (not sub-folders), by name, with their size. */
export function listInputFolder(ws: Workspace): { name: string; bytes: number; kind: ReturnType<typeof kindOfFile> }[] {
  if (!existsSync(ws.input)) return [];
  return readdirSync(ws.input, { withFileTypes: true })
    .filter((d) => d.isFile() && !d.name.startsWith('.'))
    .map((d) => ({ name: d.name, bytes: statSync(path.join(ws.input, d.name)).size, kind: kindOfFile(d.name) }))
    .filter((f) => f.kind !== 'other' || f.name !== 'qmsdoc.config.json')
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * A file of the output folder named by a "/"-separated relative path; null when the path would
 * leave the folder (.., absolute, a symlink pointing out) or names no file.
 */
export function outputFilePath(ws: Workspace, relative: string): string | null {
  if (relative === '' || relative.includes('\0') || relative.includes('\\') || path.isAbsolute(relative)) return null;
  if (relative.split('/').some((p) => p === '..' || p === '.' || p === '')) return null;
  const target = path.resolve(ws.output, relative);
  if (!target.startsWith(ws.output + path.sep)) return null;
  try {
    const real = realInside(ws.output, target);
    return real !== null && statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}

function realInside(root: string, target: string): string | null {
  const realRoot = realpathSync(root);
  const real = realpathSync(target);
  return real.startsWith(realRoot + path.sep) ? real : null;
}

/** Every file of the output folder, "/"-separated relative paths, sorted; temporary files left out. */
export function listOutputFiles(ws: Workspace): { path: string; bytes: number }[] {
  if (!existsSync(ws.output)) return [];
  return readdirSync(ws.output, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !d.name.endsWith('.tmp') && !d.name.startsWith('.'))
    .map((d) => {
      const full = path.join(d.parentPath, d.name);
      return { path: path.relative(ws.output, full).split(path.sep).join('/'), bytes: statSync(full).size };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
