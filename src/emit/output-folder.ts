import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isQmsdocOutputFolder } from '../ingest/input-files.js';
import { OutputFolderError } from './output-folder-error.js';
import { createFileWriter, type OutputWriter } from './output-writer.js';

export { OutputFolderError };

/** Names qmsdoc writes at the top of an output folder: a folder of only these is the tool's. */
const OWN_NAMES = new Set(['summary.json', 'findings.xlsx', 'manifest.json', 'forms', 'reports']);

/** The lock, staging and previous-output paths of `out`: beside it, hidden, on the same file system. */
export function companionPaths(out: string): { lock: string; staging: string; previous: string } {
  const root = path.resolve(out);
  const parent = path.dirname(root);
  const base = path.basename(root);
  return {
    lock: path.join(parent, `.${base}.qmsdoc-lock`),
    staging: path.join(parent, `.${base}.qmsdoc-staging`),
    previous: path.join(parent, `.${base}.qmsdoc-previous`),
  };
}

/**
 * Refuses an output folder that would mix with the input: the input folder itself, one inside it
 * when sub-folders are read (its files would be read back), or one holding the input folder (a
 * build replaces the output folder whole).
 */
export function checkOutputPlace(out: string, input: string, recursive: boolean): void {
  const o = realOrResolved(out);
  const i = realOrResolved(input);
  if (o === i) throw new OutputFolderError('is_input', out, input);
  if (recursive && isInside(o, i)) throw new OutputFolderError('inside_input', out, input);
  if (isInside(i, o)) throw new OutputFolderError('contains_input', out, input);
}

/** The path with symbolic links resolved as far as it exists. */
function realOrResolved(p: string): string {
  const absolute = path.resolve(p);
  let existing = absolute;
  const rest: string[] = [];
  while (!existsSync(existing) && path.dirname(existing) !== existing) {
    rest.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  try {
    return path.join(realpathSync(existing), ...rest);
  } catch {
    return absolute;
  }
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * Takes the output folder's lock file (beside the folder), or throws `locked` naming the process
 * that holds it. A lock left by a process that no longer runs on this machine is taken over.
 * Returns the release function.
 */
export function lockOutputFolder(out: string, options: { readonly waitMs?: number } = {}): () => void {
  const { lock } = companionPaths(out);
  mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + (options.waitMs ?? 0);
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(lock);
      if (holder !== null && holder.host === os.hostname() && !isRunning(holder.pid) && attempt < 50) {
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() < deadline) {
        sleep(200);
        continue;
      }
      throw new OutputFolderError('locked', out, holder ? `process ${holder.pid} on ${holder.host}, since ${holder.started}` : lock);
    }
    writeSync(fd, JSON.stringify({ pid: process.pid, host: os.hostname(), started: new Date().toISOString() }));
    closeSync(fd);
    let released = false;
    return () => {
      if (!released) rmSync(lock, { force: true });
      released = true;
    };
  }
}

/** Blocks the thread for `ms` (the commands are synchronous up to here; nothing else runs meanwhile). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readLock(lock: string): { pid: number; host: string; started: string } | null {
  try {
    const value = JSON.parse(readFileSync(lock, 'utf8')) as { pid?: unknown; host?: unknown; started?: unknown };
    return typeof value.pid === 'number' && typeof value.host === 'string' ? { pid: value.pid, host: value.host, started: String(value.started ?? '') } : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Puts back what an interrupted switch left (only the lock holder calls this): a previous output
 * moved aside but not replaced goes back; one already replaced, and any staging folder, go.
 */
export function recoverOutputFolder(out: string): void {
  const { staging, previous } = companionPaths(out);
  if (existsSync(previous)) {
    if (!existsSync(out)) renameSync(previous, out);
    else rmSync(previous, { recursive: true, force: true });
  }
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Throws `not_ours` unless the existing folder is the tool's to replace: missing, empty, holding a
 * qmsdoc manifest.json, or holding nothing but the names qmsdoc writes. A symbolic link is refused.
 */
export function checkOutputOwnership(out: string): void {
  let stat;
  try {
    stat = lstatSync(out);
  } catch {
    return;
  }
  if (stat.isSymbolicLink()) throw new OutputFolderError('is_symlink', out, out);
  if (!stat.isDirectory()) throw new OutputFolderError('not_ours', out, path.basename(out));
  if (isQmsdocOutputFolder(out)) return;
  const foreign = readdirSync(out).filter((name) => !OWN_NAMES.has(name));
  if (foreign.length > 0) throw new OutputFolderError('not_ours', out, foreign.slice(0, 3).join(', '));
}

/** A build's output: written into a staging folder, switched in whole by `commit`. */
export interface BuildFolder {
  readonly writer: OutputWriter;
  /** Switches the staging folder in for the output folder and releases the lock. */
  commit(hooks?: { readonly afterStep?: (step: 'moved_aside' | 'switched') => void }): void;
  /** Drops the staging folder and releases the lock; the previous output stays as it was. */
  abort(): void;
}

/**
 * Opens a build of `out` as one transaction: takes the lock, puts back what an interrupted build
 * left, checks the folder is the tool's, and hands out a writer into a fresh staging folder beside
 * it. Nothing in `out` changes until `commit`, which moves the old folder aside, renames the staging
 * folder into its place and deletes the old one — so `out` is always one build's complete output
 * (between the two renames it is briefly absent, and the next run puts the old one back if the
 * process dies there).
 */
export function openBuildFolder(out: string): BuildFolder {
  const root = path.resolve(out);
  const release = lockOutputFolder(root);
  try {
    recoverOutputFolder(root);
    checkOutputOwnership(root);
    const { staging, previous } = companionPaths(root);
    mkdirSync(staging, { recursive: true });
    const writer = createFileWriter(staging);
    return {
      writer,
      commit(hooks) {
        try {
          const existed = existsSync(root);
          if (existed) {
            renameSync(root, previous);
            hooks?.afterStep?.('moved_aside');
          }
          renameSync(staging, root);
          hooks?.afterStep?.('switched');
          if (existed) rmSync(previous, { recursive: true, force: true });
        } finally {
          release();
        }
      },
      abort() {
        try {
          rmSync(staging, { recursive: true, force: true });
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
