import type { DatasetId } from '../model/fields.js';

/** What was made of one sheet (or CSV file): printed by `check` and summarised in summary.json. */
export interface SheetReport {
  /** Path relative to the input folder. */
  readonly file: string;
  /** Null for a CSV. */
  readonly sheet: string | null;
  readonly hidden: boolean;
  /** Null when the sheet was skipped. */
  readonly dataset: DatasetId | null;
  /** Why a sheet was skipped: no recognisable header row, a tie between datasets, or a chart sheet. */
  readonly skipped: 'no_header' | 'tie' | 'not_worksheet' | null;
  /** 1-based row of the header; null when skipped. */
  readonly headerRow: number | null;
  /** Columns read, in sheet order. */
  readonly columns: readonly { readonly letter: string; readonly header: string; readonly field: string }[];
  /** Columns whose header names no field of the dataset. */
  readonly ignoredColumns: readonly { readonly letter: string; readonly header: string }[];
  /** rowsAccepted + rowsRejected. */
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  /** Totals rows (合计 / 总计) skipped with a warning. */
  totalsRows: number;
}

/** A sheet's report before any row is read: no columns, every count zero. */
export function emptySheetReport(file: string, sheet: string | null, hidden: boolean): Omit<SheetReport, 'dataset' | 'skipped' | 'headerRow'> {
  return { file, sheet, hidden, columns: [], ignoredColumns: [], rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, totalsRows: 0 };
}
