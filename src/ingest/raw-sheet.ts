import type { DateTime } from '../model/dates.js';

/** A cell formatted as a date or time in Excel, already converted with its workbook's date system. */
export class DateCell {
  constructor(
    readonly value: DateTime,
    /** The serial number as stored, for messages. */
    readonly serial: number,
  ) {}
}

/** A number cell formatted as a percentage: `value` is the stored fraction (0.85 shows as 85%). */
export class PercentCell {
  constructor(readonly value: number) {}
}

/** A cell showing an Excel error such as #N/A or #REF!. */
export class ErrorCell {
  constructor(readonly text: string) {}
}

/** A cell value as a reader found it; undefined or "" is an empty cell. */
export type RawCell = string | number | boolean | DateCell | PercentCell | ErrorCell | undefined;

/** One row of a sheet. */
export interface RawRow {
  /** 1-based, as Excel shows it. */
  readonly row: number;
  /** Indexed by 0-based column; may be sparse. */
  readonly cells: readonly RawCell[];
}

/** A merged range, 1-based rows and 0-based columns, inclusive. */
export interface MergeRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** One sheet as a reader delivers it: rows in order, lazily, plus its merged ranges. */
export interface RawSheet {
  /** Path relative to the input folder. */
  readonly file: string;
  /** Null for a CSV. */
  readonly sheet: string | null;
  readonly merges: readonly MergeRange[];
  /** Rows with at least one cell, top to bottom. Can be iterated once. */
  readonly rows: Iterable<RawRow>;
  /** True for a sheet hidden in Excel (still read). */
  readonly hidden: boolean;
  /** Cells found past column XFD while `rows` was read (at most 100 listed); filled as rows are read. */
  readonly cellsBeyondLastColumn?: readonly OutsideCell[];
}

/** A cell placed past Excel's last column XFD, which Excel itself cannot show: reported, not read. */
export interface OutsideCell {
  readonly row: number;
  /** Its reference, e.g. "XFE12". */
  readonly ref: string;
}

/** "A" for 0, "Z" for 25, "AA" for 26 … as Excel names columns. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The text of a cell as the user would read it, for messages. */
export function cellDisplay(cell: RawCell): string | null {
  if (cell === undefined || cell === '') return null;
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof DateCell) return cell.value.time ? `${cell.value.date} ${cell.value.time}` : cell.value.date;
  if (cell instanceof PercentCell) return `${round(cell.value * 100)}%`;
  return cell.text;
}

function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
