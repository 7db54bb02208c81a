import type { FileProblem, InputError } from '../model/input-error.js';
import type { ActionItem, Complaint, Order, SurveyResponse } from '../model/records.js';
import type { SheetReport } from './sheet-report.js';

/** A file of the input folder with its fingerprint (summary.json, manifest.json). */
export interface InputFileRecord {
  /** Relative to the input folder. */
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** Everything the ingest stage hands on: typed records, what each sheet gave, and every input error. */
export interface IngestResult {
  readonly orders: readonly Order[];
  readonly complaints: readonly Complaint[];
  readonly surveys: readonly SurveyResponse[];
  /** The actions register (措施跟踪表); absent or empty when the input has none (optional so records built by hand need not list it). */
  readonly actions?: readonly ActionItem[];
  /** Every sheet of every data file, in reading order, skipped ones included. */
  readonly sheets: readonly SheetReport[];
  /** In reading order: file, sheet, row. */
  readonly errors: readonly InputError[];
  readonly files: readonly InputFileRecord[];
  /** Files that could not be read at all (password-protected, damaged). */
  readonly problems: readonly FileProblem[];
  /**
   * Files not read: lock files of open workbooks, formats other than .xlsx/.csv, symbolic links
   * leading outside the input folder or to no file, and files qmsdoc wrote (in an output folder, or
   * a workbook it made).
   */
  readonly skippedFiles: readonly { readonly path: string; readonly reason: SkippedFileReason }[];
}

/** Why a file of the input folder was not read. */
export type SkippedFileReason = 'lock' | 'unsupported' | 'symlink_outside' | 'symlink_not_file' | 'qmsdoc_output';
