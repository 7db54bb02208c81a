import { createHash, type Hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GlyphReport } from '../forms/render-forms.js';

/** Where the record of the last build lives, relative to the output folder (listed in no report). */
export const BUILD_STATE_PATH = '.qmsdoc/build-state.json';

/** A file a unit produced: its path under the output folder and its SHA-256. */
export interface UnitFile {
  readonly path: string;
  readonly sha256: string;
}

/**
 * One unit of output — a document, or a few files made together — with the key of everything it
 * was made from, and the characters its PDFs could not draw (so a rebuild prints the same notes).
 */
export interface BuildUnit {
  readonly key: string;
  readonly files: readonly UnitFile[];
  readonly missingGlyphs: GlyphReport;
}

/** .qmsdoc/build-state.json. */
export interface BuildStateFile {
  readonly schemaVersion: 1;
  /** Sorted by unit name, so the same build writes the same bytes. */
  readonly units: Readonly<Record<string, BuildUnit>>;
}

/** A file a unit made in this run: its bytes, or only their SHA-256 when it was streamed to disk. */
export type UnitFileMade = { readonly path: string; readonly bytes: Buffer } | { readonly path: string; readonly sha256: string };

/** A unit carried over from the previous build: its files' bytes, already checked against their SHA-256. */
export interface CarriedUnit {
  readonly files: readonly { readonly path: string; readonly bytes: Buffer }[];
  readonly missingGlyphs: GlyphReport;
}

/**
 * What each output was made from, across builds. Every document is a pure function of its
 * inputs, so a unit whose key — SHA-256 of the build's environment (tool code, templates, fonts,
 * libraries, configuration, language, as-of date) and of the unit's own inputs — is the same as
 * last time is carried over from the previous output folder instead of rendered again, once its
 * files there are checked to be unchanged. Without a previous state (first build, `--clean`,
 * library use) nothing is carried and every unit is rendered.
 */
export class BuildCache {
  private readonly made = new Map<string, BuildUnit>();
  private environment = '';
  /** Units carried over and units rendered in this run (for the CLI line and the tests). */
  readonly carried: string[] = [];
  readonly rendered: string[] = [];

  private constructor(
    /** The previous output folder to carry files from, or null. */
    private readonly folder: string | null,
    private readonly previous: BuildStateFile | null,
  ) {}

  /** A cache that carries nothing over (first build, `--clean`, memory writers). */
  static none(): BuildCache {
    return new BuildCache(null, null);
  }

  /**
   * The state of the last build into `outputFolder`; an unreadable or foreign state counts as
   * none (everything is rendered), never as an error. `carry: false` (--clean) renders everything
   * but still knows the last build's files (stale()).
   */
  static open(outputFolder: string, options: { readonly carry: boolean } = { carry: true }): BuildCache {
    const folder = path.resolve(outputFolder);
    let previous: BuildStateFile | null = null;
    try {
      const parsed = JSON.parse(readFileSync(path.join(folder, BUILD_STATE_PATH), 'utf8')) as Partial<BuildStateFile>;
      if (parsed.schemaVersion === 1 && typeof parsed.units === 'object' && parsed.units !== null) previous = parsed as BuildStateFile;
    } catch {
      // no state, or not one of ours: everything is rendered
    }
    // --clean: nothing is carried over, but the files of the last build are still known (stale()).
    return new BuildCache(options.carry ? folder : null, previous);
  }

  /** Sets the inputs every unit shares; call once, before any key(). */
  setEnvironment(...parts: unknown[]): void {
    this.environment = hashOf('environment', parts);
  }

  /** The previous output folder carried files are taken from (null: nothing is carried). */
  get source(): string | null {
    return this.folder;
  }

  /** True once setEnvironment was called: units are keyed and recorded (emitBuild). */
  get active(): boolean {
    return this.environment !== '';
  }

  /** The key of a unit: the environment and this unit's own inputs. */
  key(kind: string, ...inputs: unknown[]): string {
    if (!this.active) throw new Error('BuildCache.key before setEnvironment');
    return hashOf(`${this.environment}\u0000${kind}`, inputs);
  }

  /**
   * The files of `unit` from the previous build when it was made from the same key and its files
   * in the output folder still have the bytes recorded; null when it must be rendered.
   */
  take(unit: string, key: string): CarriedUnit | null {
    const before = this.previous?.units[unit];
    if (this.folder === null || before === undefined || before.key !== key) return null;
    const files: { path: string; bytes: Buffer }[] = [];
    for (const file of before.files) {
      const bytes = readInside(this.folder, file.path);
      if (bytes === null || sha256(bytes) !== file.sha256) return null;
      files.push({ path: file.path, bytes });
    }
    this.made.set(unit, before);
    this.carried.push(unit);
    return { files, missingGlyphs: before.missingGlyphs };
  }

  /** Records what `unit` was made from and what it made in this run. */
  put(unit: string, key: string, files: readonly UnitFileMade[], missingGlyphs: GlyphReport = []): void {
    this.made.set(unit, { key, files: files.map((f) => ({ path: f.path, sha256: 'sha256' in f ? f.sha256 : sha256(f.bytes) })), missingGlyphs });
    this.rendered.push(unit);
  }

  /** Files the previous build made that this one did not: reported, never deleted. */
  stale(written: readonly { readonly path: string }[]): string[] {
    const now = new Set(written.map((w) => w.path));
    const before = new Set(Object.values(this.previous?.units ?? {}).flatMap((u) => u.files.map((f) => f.path)));
    return [...before].filter((p) => !now.has(p)).sort();
  }

  /** build-state.json of this run. */
  serialise(): string {
    // One line per unit: small, and a difference between two builds reads as lines.
    const lines = [...this.made.keys()].sort().map((name) => `${JSON.stringify(name)}:${JSON.stringify(this.made.get(name)!)}`);
    return `{"schemaVersion":1,"units":{\n${lines.join(',\n')}\n}}\n`;
  }
}

const digests = new WeakMap<object, string>();

/**
 * SHA-256 of a value shared by many units (a form template, hashed into the key of each of its
 * records), computed once per object: the template is most of the bytes of a record's key.
 */
export function digestOf(value: object): string {
  let digest = digests.get(value);
  if (digest === undefined) {
    digest = hashOf('digest', value);
    digests.set(value, digest);
  }
  return digest;
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * SHA-256 of a value's JSON. The inputs of documents are plain data (they cross to worker threads
 * and into summary.json the same way), so JSON spells all of them. Arrays and objects of the top
 * levels are fed to the hash piece by piece: a month's model at 100k rows as one JSON string took
 * hundreds of MB for a moment (Chinese text is two bytes a character).
 */
function hashOf(prefix: string, value: unknown): string {
  const hash = createHash('sha256').update(prefix).update('\u0000');
  feed(hash, value, 0);
  return hash.digest('hex');
}

/** Depth below which containers are walked rather than stringified whole. */
const WALK_DEPTH = 3;

function feed(hash: Hash, value: unknown, depth: number): void {
  if (depth < WALK_DEPTH && Array.isArray(value)) {
    hash.update(`[${value.length}:`);
    for (const item of value) {
      feed(hash, item, depth + 1);
      hash.update(',');
    }
    hash.update(']');
  } else if (depth < WALK_DEPTH && typeof value === 'object' && value !== null && !(value instanceof Uint8Array)) {
    hash.update('{');
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      hash.update(`${JSON.stringify(key)}:`);
      feed(hash, item, depth + 1);
      hash.update(',');
    }
    hash.update('}');
  } else {
    hash.update(JSON.stringify(value) ?? 'undefined');
  }
}

/** A file's bytes under the output folder, or null when it is gone or the path leaves the folder. */
function readInside(folder: string, relative: string): Buffer | null {
  if (path.isAbsolute(relative) || relative.split(/[\\/]/).some((p) => p === '..' || p === '')) return null;
  try {
    return readFileSync(path.join(folder, relative));
  } catch {
    return null;
  }
}
