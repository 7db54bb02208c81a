/** The cell a field was read from, as the user finds it in Excel. */
export interface CellSource {
  /** Column letter as Excel shows it ("C"); for a CSV, the letter Excel would show on opening it. */
  readonly column: string;
  /** The header text exactly as written in the sheet (trimmed). */
  readonly header: string;
}

/** Where a record came from. Every finding and every input error points back here. */
export interface Provenance {
  /** Path relative to the input folder, "/"-separated. */
  readonly file: string;
  /** Sheet name; null for a CSV file. */
  readonly sheet: string | null;
  /** 1-based row number as shown in Excel (for a CSV, the record's row when opened in Excel). */
  readonly row: number;
  /** Per field id, the column it was read from. One object shared by all rows of a sheet. */
  readonly columns: Readonly<Record<string, CellSource>>;
}
