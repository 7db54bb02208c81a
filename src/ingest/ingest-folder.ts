import type { Config } from '../config/config.js';
import type { InputError } from '../model/input-error.js';
import { combineFiles } from './combine-files.js';
import { buildHeaderIndex } from './header-index.js';
import { ingestFile, type FileIngest } from './ingest-file.js';
import type { IngestResult } from './ingest-result.js';
import { compareCodePoints, listInputFiles, readInputFile } from './input-files.js';
import type { SkippedFileReason } from './ingest-result.js';
import { DEFAULT_XLSX_LIMITS, isQmsdocWorkbook, type XlsxLimits } from './xlsx/read-xlsx.js';

export interface IngestOptions {
  /** Read sub-folders too. Default false, as the input contract says. */
  readonly recursive?: boolean;
  /** Called after each file, for a progress display. */
  readonly onFile?: (done: number, total: number, path: string) => void;
  /** Caps on what one workbook may inflate to. */
  readonly limits?: XlsxLimits;
}

/**
 * Reads every .xlsx and .csv of the input folder into typed records. Throws InputFolderError when
 * the folder cannot be used; everything wrong inside the files comes back as data.
 */
export function ingestFolder(folder: string, config: Config, options: IngestOptions = {}): IngestResult {
  const index = buildHeaderIndex(config);
  const inflated = config.limits.inflatedMegabytes * 1024 * 1024;
  const limits = options.limits ?? { maxPartBytes: Math.min(DEFAULT_XLSX_LIMITS.maxPartBytes, inflated), maxTotalBytes: inflated };
  const listed = listInputFiles(folder, options.recursive ?? false);
  const candidates = listed.filter((f) => f.kind === 'xlsx' || f.kind === 'csv');
  const skippedFiles: { path: string; reason: SkippedFileReason }[] = listed.flatMap((f) =>
    f.kind === 'xlsx' || f.kind === 'csv' || f.kind === 'other' ? [] : [{ path: f.path, reason: f.kind }],
  );
  const warnings: InputError[] = skippedFiles
    .filter((f) => f.reason === 'unsupported')
    .map((f) => ({
      code: 'unsupported_file',
      dataset: null,
      file: f.path,
      sheet: null,
      row: null,
      column: null,
      columnLetter: null,
      value: null,
      level: 'warning',
      rejected: false,
      params: {},
    }));
  const files: FileIngest[] = [];
  candidates.forEach((file, i) => {
    let read: { bytes: Buffer; sha256: string };
    try {
      read = readInputFile(file);
    } catch (error) {
      const tooLarge = error instanceof RangeError;
      files.push({
        path: file.path,
        sha256: '',
        bytes: 0,
        reports: [],
        records: [],
        errors: [],
        problem: { code: tooLarge ? 'file_too_large' : 'unreadable_file', file: file.path, detail: (error as Error).message },
      });
      return;
    }
    // A workbook qmsdoc wrote (findings.xlsx, a satisfaction workbook) is never read back as input.
    if (file.kind === 'xlsx' && isQmsdocWorkbook(read.bytes)) skippedFiles.push({ path: file.path, reason: 'qmsdoc_output' });
    else files.push(ingestFile(file, read.bytes, read.sha256, index, limits));
    options.onFile?.(i + 1, candidates.length, file.path);
  });
  skippedFiles.sort((a, b) => compareCodePoints(a.path, b.path));
  return combineFiles(files, skippedFiles, warnings);
}
