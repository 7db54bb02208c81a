import type { Config } from '../config/config.js';
import type { InputError } from '../model/input-error.js';
import { combineFiles } from './combine-files.js';
import { buildHeaderIndex } from './header-index.js';
import { ingestFile, type FileIngest } from './ingest-file.js';
import type { IngestResult } from './ingest-result.js';
import { listInputFiles, readInputFile } from './input-files.js';

export interface IngestOptions {
  /** Read sub-folders too. Default false, as the input contract says. */
  readonly recursive?: boolean;
  /** Called after each file, for a progress display. */
  readonly onFile?: (done: number, total: number, path: string) => void;
}

/**
 * Reads every .xlsx and .csv of the input folder into typed records. Throws InputFolderError when
 * the folder cannot be used; everything wrong inside the files comes back as data.
 */
export function ingestFolder(folder: string, config: Config, options: IngestOptions = {}): IngestResult {
  const index = buildHeaderIndex(config);
  const listed = listInputFiles(folder, options.recursive ?? false);
  const dataFiles = listed.filter((f) => f.kind === 'xlsx' || f.kind === 'csv');
  const skippedFiles = listed.flatMap((f) => (f.kind === 'lock' || f.kind === 'unsupported' ? [{ path: f.path, reason: f.kind }] : []));
  const warnings: InputError[] = skippedFiles
    .filter((f) => f.reason === 'unsupported')
    .map((f) => ({ code: 'unsupported_file', dataset: null, file: f.path, sheet: null, row: null, column: null, columnLetter: null, value: null, level: 'warning', rejected: false, params: {} }));
  const files: FileIngest[] = dataFiles.map((file, i) => {
    let read: { bytes: Buffer; sha256: string };
    try {
      read = readInputFile(file);
    } catch (error) {
      const tooLarge = error instanceof RangeError;
      return { path: file.path, sha256: '', bytes: 0, reports: [], records: [], errors: [], problem: { code: tooLarge ? 'file_too_large' : 'unreadable_file', file: file.path, detail: (error as Error).message } };
    }
    const ingest = ingestFile(file, read.bytes, read.sha256, index);
    options.onFile?.(i + 1, dataFiles.length, file.path);
    return ingest;
  });
  return combineFiles(files, skippedFiles, warnings);
}
