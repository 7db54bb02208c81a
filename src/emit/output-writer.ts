import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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
   * A file of the last build into this folder, unchanged (an incremental build checked its bytes
   * there): listed as written; a writer that writes elsewhere (memory) writes it. Optional.
   */
  carry?(relativePath: string, data: Buffer): WrittenFile;
  readonly written: readonly WrittenFile[];
}

/**
 * Writes under `folder` only, each file atomically: to a temporary name in the same folder, then
 * renamed over the target, so a reader never sees half a PDF and an interrupted run leaves the
 * earlier file intact.
 */
export function createFileWriter(folder: string): OutputWriter {
  const root = path.resolve(folder);
  const written: WrittenFile[] = [];
  return {
    written,
    write(relativePath, data) {
      const target = resolveInside(root, relativePath);
      mkdirSync(path.dirname(target), { recursive: true });
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        writeFileSync(temporary, bytes);
        renameSync(temporary, target);
      } catch (error) {
        rmSync(temporary, { force: true });
        throw error;
      }
      const file = { path: relativePath, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
      written.push(file);
      return file;
    },
    carry(relativePath, bytes) {
      // Already in place with these bytes: rewriting 250 files cost more than rendering one form.
      resolveInside(root, relativePath);
      const file = { path: relativePath, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
      written.push(file);
      return file;
    },
  };
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

/** The absolute target of a relative output path; refuses anything that would leave the folder. */
function resolveInside(root: string, relativePath: string): string {
  if (path.isAbsolute(relativePath) || relativePath.split(/[\\/]/).some((part) => part === '..' || part === '')) {
    throw new Error(`output path escapes the output folder: ${relativePath}`);
  }
  const target = path.resolve(root, relativePath);
  if (!target.startsWith(root + path.sep)) throw new Error(`output path escapes the output folder: ${relativePath}`);
  return target;
}
