import type { Config } from '../config/config.js';
import type { InputFileRecord } from '../ingest/ingest-result.js';
import type { WrittenFile } from './output-writer.js';

/** manifest.json (schemaVersion 1): every output with its SHA-256, every input, the config, the tool. */
export interface Manifest {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: 'qmsdoc'; readonly version: string };
  readonly asOf: string;
  /**
   * file is the configuration's path as given, or null when the defaults alone were used; values is
   * the configuration the run used, every default filled in (an extension of the contract).
   */
  readonly config: { readonly file: string | null; readonly sha256: string | null; readonly values: Config };
  readonly inputs: readonly InputFileRecord[];
  /** Sorted by path; manifest.json itself is not listed. */
  readonly outputs: readonly WrittenFile[];
}

export function buildManifest(parts: Omit<Manifest, 'schemaVersion' | 'outputs'> & { outputs: readonly WrittenFile[] }): Manifest {
  const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return {
    schemaVersion: 1,
    tool: parts.tool,
    asOf: parts.asOf,
    config: parts.config,
    inputs: [...parts.inputs].sort(byPath),
    outputs: [...parts.outputs].filter((o) => o.path !== 'manifest.json').sort(byPath),
  };
}
