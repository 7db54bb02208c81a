import type { Config } from './config/config.js';
import { buildSummary } from './compute/build-summary.js';
import { ingestFolder } from './ingest/ingest-folder.js';
import type { IngestResult } from './ingest/ingest-result.js';
import type { Lang } from './model/lang.js';
import type { Summary } from './model/summary.js';
import type { OutputWriter } from './emit/output-writer.js';

export interface CheckOptions {
  /** The input folder. */
  readonly input: string;
  readonly config: Config;
  /** "Today" for every decision, YYYY-MM-DD. */
  readonly asOf: string;
  readonly lang: Lang;
  readonly recursive?: boolean;
  readonly onFile?: (done: number, total: number, path: string) => void;
}

export interface CheckResult {
  readonly ingest: IngestResult;
  readonly summary: Summary;
}

/** ingest → summary. Reads the input folder; writes nothing. */
export function runCheck(options: CheckOptions): CheckResult {
  const ingest = ingestFolder(options.input, options.config, {
    ...(options.recursive !== undefined ? { recursive: options.recursive } : {}),
    ...(options.onFile ? { onFile: options.onFile } : {}),
  });
  const summary = buildSummary(ingest, options.config, options.asOf, options.lang);
  return { ingest, summary };
}

/** Writes summary.json (the artefacts of `check`). */
export function emitCheck(result: CheckResult, writer: OutputWriter): void {
  writer.write('summary.json', `${JSON.stringify(result.summary, null, 2)}\n`);
}
