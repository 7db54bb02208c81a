import type { DatasetId } from './fields.js';

/** What went wrong with a cell, a row, a sheet or a file. Wording lives in the message tables. */
export type InputErrorCode =
  | 'required_missing'
  | 'required_column_missing'
  | 'bad_date'
  | 'impossible_date'
  | 'bad_number'
  | 'number_range'
  | 'score_range'
  | 'bad_yes_no'
  | 'bad_enum'
  | 'bad_action_source'
  /** A complaint category nobody defined: the row is kept as "other" (a warning). */
  | 'unknown_category'
  | 'duplicate_id'
  | 'duplicate_column'
  | 'totals_row'
  | 'ambiguous_sheet'
  | 'text_truncated'
  | 'too_many_rows'
  | 'excel_error'
  | 'unsupported_file'
  | 'csv_format'
  | 'csv_unclosed_quote'
  | 'csv_encoding'
  | 'beyond_last_column';

export type InputErrorLevel = 'error' | 'warning';

/** A problem in the input data, located as precisely as the user needs to fix it. */
export interface InputError {
  readonly code: InputErrorCode;
  /** The dataset of the sheet; null when the sheet could not be classified. */
  readonly dataset: DatasetId | null;
  /** Path relative to the input folder. */
  readonly file: string;
  /** Null for a CSV. */
  readonly sheet: string | null;
  /** 1-based Excel row; null when the problem is the whole sheet. */
  readonly row: number | null;
  /** Header text of the column as written in the sheet; null when no single column. */
  readonly column: string | null;
  /** Column letter as Excel shows it; null when no single column. */
  readonly columnLetter: string | null;
  /** The offending value as text; null when nothing was there. */
  readonly value: string | null;
  readonly level: InputErrorLevel;
  /** True when the whole row was rejected (or every row of the sheet, for a missing column). */
  readonly rejected: boolean;
  /** Values the message table fills in. */
  readonly params: Readonly<Record<string, string | number>>;
}

/** A file that could not be read at all. The CLI treats it as a reason to stop (exit 2). */
export interface FileProblem {
  readonly code: 'unreadable_file' | 'encrypted_workbook' | 'not_xlsx' | 'file_too_large' | 'damaged_workbook' | 'workbook_too_large';
  readonly file: string;
  readonly detail: string;
}
