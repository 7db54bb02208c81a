import { createHash, randomBytes } from 'node:crypto';
import { closeSync, linkSync, lstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import type { ByteSink } from '../zip/zip-stream.js';
import path from 'node:path';
import { OutputFolderError } from './output-folder-error.js';

/** A file the run wrote, for manifest.json. */
export interface WrittenFile {
  /** Relative to the output folder, "/"-separated. */
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** Where renderers' artefacts go. Tests swap in a memory writer; the CLI writes files. */
export interface OutputWriter {
  write(relativePath: string, data: Buffer | string): WrittenFile;
  /**
   * Writes a file produced in text chunks (`produce` calls `emit` for each), without holding the
   * whole file: summary.json of a million findings. Optional for writers that keep files whole.
   */
  writeChunks?(relativePath: string, produce: (emit: (chunk: string) => void) => void): WrittenFile;
  /**
   * Writes a binary file as it is made, with a few bytes patched in place once known (a zip's
   * member headers): findings.xlsx of a million findings. Optional: see writeStreamed.
   */
  writeStream?(relativePath: string, produce: (sink: ByteSink) => Promise<void>): Promise<WrittenFile>;
  /**
   * A file of the last build, unchanged (an incremental build checked its bytes in `from`, the
   * previous output folder): put in place without rendering — nothing to do when the writer
   * writes into that same folder, else linked (or copied) from it. Optional: without it the
   * bytes are written again.
   */
  carry?(relativePath: string, data: Buffer, from: string): WrittenFile;
  readonly written: readonly WrittenFile[];
}

/**
 * Writes under `folder` only, each file atomically: to a short temporary name in the same folder,
 * then renamed over the target, so a reader never sees half a PDF and an interrupted run leaves
 * the earlier file intact. A symbolic link inside the folder is never followed: a write through
 * one is refused (renaming over a link replaces the link, not its target).
 */
export function createFileWriter(folder: string): OutputWriter {
  const root = path.resolve(folder);
  const written: WrittenFile[] = [];
  const checkedDirs = new Set<string>();
  /** A temporary name beside the target (the folders made, no link followed), renamed over it by `commit`. */
  const place = (relativePath: string) => {
    const target = resolveInside(root, relativePath);
    makeDirsNoLinks(root, path.dirname(target), checkedDirs);
    // Short, so a target name that fits the file system leaves room for it.
    const temporary = path.join(path.dirname(target), `.${randomBytes(6).toString('hex')}.tmp`);
    return { temporary, commit: () => renameSync(temporary, target), abandon: () => rmSync(temporary, { force: true }) };
  };
  const record = (file: WrittenFile): WrittenFile => {
    written.push(file);
    return file;
  };
  return {
    written,
    write(relativePath, data) {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      const { temporary, commit, abandon } = place(relativePath);
      try {
        writeFileSync(temporary, bytes);
        commit();
      } catch (error) {
        abandon();
        throw error;
      }
      return record({ path: relativePath, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
    },
    writeChunks(relativePath, produce) {
      const { temporary, commit, abandon } = place(relativePath);
      const hash = createHash('sha256');
      let size = 0;
      const fd = openSync(temporary, 'w');
      try {
        try {
          produce((chunk) => {
            const bytes = Buffer.from(chunk, 'utf8');
            hash.update(bytes);
            size += bytes.length;
            for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
          });
        } finally {
          closeSync(fd);
        }
        commit();
      } catch (error) {
        abandon();
        throw error;
      }
      return record({ path: relativePath, sha256: hash.digest('hex'), bytes: size });
    },
    async writeStream(relativePath, produce) {
      const { temporary, commit, abandon } = place(relativePath);
      // Read as well: the file is hashed from disk once complete.
      const fd = openSync(temporary, 'w+');
      let file: WrittenFile;
      try {
        try {
          let size = 0;
          await produce({
            append(bytes) {
              for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset, size + offset);
              size += bytes.length;
            },
            patch(position, bytes) {
              if (position + bytes.length > size) throw new RangeError('a patch past the end of the file');
              for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset, position + offset);
            },
          });
          // Hashed once complete (the patches rewrite bytes already written), read back in pieces.
          file = { path: relativePath, sha256: hashFile(fd, size), bytes: size };
        } finally {
          closeSync(fd);
        }
        commit();
      } catch (error) {
        abandon();
        throw error;
      }
      return record(file);
    },
    carry(relativePath, bytes, from) {
      const target = resolveInside(root, relativePath);
      const source = resolveInside(path.resolve(from), relativePath);
      // Already in place with these bytes: rewriting 250 files cost more than rendering one form.
      if (source !== target) {
        makeDirsNoLinks(root, path.dirname(target), checkedDirs);
        try {
          // A staging folder next to the output folder: a hard link costs no copy.
          linkSync(source, target);
        } catch {
          writeFileSync(target, bytes);
        }
      }
      return record({ path: relativePath, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
    },
  };
}

/** SHA-256 of the first `size` bytes of an open file. */
function hashFile(fd: number, size: number): string {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  for (let position = 0; position < size; ) {
    const n = readSync(fd, buffer, 0, Math.min(buffer.length, size - position), position);
    if (n === 0) throw new Error('the file being written ended early');
    hash.update(buffer.subarray(0, n));
    position += n;
  }
  return hash.digest('hex');
}

/** Keeps artefacts in memory (tests, library use). */
export function createMemoryWriter(): OutputWriter & { readonly files: Map<string, Buffer> } {
  const files = new Map<string, Buffer>();
  const written: WrittenFile[] = [];
  return {
    files,
    written,
    write(relativePath, data) {
      resolveInside('/out', relativePath);
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      files.set(relativePath, bytes);
      const file = { path: relativePath, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
      written.push(file);
      return file;
    },
  };
}

/** Creates `dir` under `root` one level at a time, refusing a level that is a symbolic link. */
function makeDirsNoLinks(root: string, dir: string, checked: Set<string>): void {
  if (checked.has(dir)) return;
  mkdirSync(root, { recursive: true });
  let current = root;
  for (const part of path
    .relative(root, dir)
    .split(path.sep)
    .filter((p) => p !== '')) {
    current = path.join(current, part);
    if (checked.has(current)) continue;
    let stat;
    try {
      stat = lstatSync(current);
    } catch {
      mkdirSync(current);
      checked.add(current);
      continue;
    }
    if (stat.isSymbolicLink()) throw new OutputFolderError('is_symlink', root, path.relative(root, current));
    checked.add(current);
  }
}

/** The absolute target of a relative output path; refuses anything that would leave the folder. */
function resolveInside(root: string, relativePath: string): string {
  if (path.isAbsolute(relativePath) || relativePath.split(/[\\/]/).some((part) => part === '..' || part === '')) {
    throw new Error(`output path escapes the output folder: ${relativePath}`);
  }
  const target = path.resolve(root, relativePath);
  if (!target.startsWith(root + path.sep)) throw new Error(`output path escapes the output folder: ${relativePath}`);
  return target;
}
