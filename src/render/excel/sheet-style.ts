import { displayWidth } from '../../text/display-width.js';
import { XlsxDate, type CellStyle, type CellValue, type XlsxSheet } from './xlsx-book.js';

export const HEADER_FILL = 'FFD9E1F2';
export const HEADER_STYLE: CellStyle = { bold: true, fill: HEADER_FILL, grid: true, horizontal: 'center', vertical: 'middle', wrap: true };
export const BODY_STYLE: CellStyle = { grid: true, vertical: 'top' };

/** Height of one line of 11 pt text, in points. */
const LINE_HEIGHT = 15;

/** The height a row needs for its wrapped cells, in points; undefined when one line is enough. */
function rowHeight(values: readonly CellValue[], widths: readonly number[], wrapped: readonly boolean[]): number | undefined {
  let lines = 1;
  values.forEach((v, i) => {
    if (!wrapped[i] || typeof v !== 'string' || v === '') return;
    // A column of width w holds about w - 1 narrow characters a line (a CJK one counts two).
    const perLine = Math.max(1, widths[i]! - 1);
    let n = 0;
    for (const part of v.split('\n')) n += Math.max(1, Math.ceil(displayWidth(part) / perLine));
    lines = Math.max(lines, n);
  });
  return lines > 1 ? lines * LINE_HEIGHT : undefined;
}

export interface TableOptions {
  /** Widest a column may grow, in characters, by column index (default 50). */
  readonly maxWidth?: readonly number[];
  /** Column indexes whose text wraps. */
  readonly wrap?: readonly number[];
  /** Number formats by column index. */
  readonly numFmt?: Readonly<Record<number, string>>;
  /** Extra formatting of one body cell (row and column indexes from 0), laid over the body style. */
  readonly cellStyle?: (row: number, column: number) => CellStyle | undefined;
  /** Frozen header and filter buttons (default true). */
  readonly filter?: boolean;
  /** Narrowest width of a column, in characters, by column index (default 6): room to write in. */
  readonly minWidth?: Readonly<Record<number, number>>;
}

/** Where a table landed: its header row and its last row (1-based). */
export interface TablePlace {
  readonly headerRow: number;
  readonly lastRow: number;
}

/**
 * A table sheet as QA keeps them: bold shaded header, frozen under it, an autofilter over it,
 * thin grid, and columns wide enough for their Chinese text (capped; longer text wraps).
 */
export function writeTable(sheet: XlsxSheet, headers: readonly string[], rows: readonly (readonly CellValue[])[], options: TableOptions = {}): TablePlace {
  return writeTableRows(sheet, headers, rows.length, (r) => rows[r]!, options);
}

/**
 * writeTable over `count` rows made by `rowAt(r)` when needed (for the widths, and again as the
 * sheet is written: see XlsxSheet.addRows), so a table of a million findings is never held.
 */
export function writeTableRows(
  sheet: XlsxSheet,
  headers: readonly string[],
  count: number,
  rowAt: (r: number) => readonly CellValue[],
  options: TableOptions = {},
): TablePlace {
  const widest = headers.map((h) => displayWidth(h));
  for (let r = 0; r < count; r++) {
    const row = rowAt(r);
    for (let i = 0; i < headers.length; i++) {
      const v = row[i];
      if (v !== null && v !== undefined) widest[i] = Math.max(widest[i]!, v instanceof XlsxDate ? 10 : displayWidth(String(v)));
    }
  }
  const widths = headers.map((_, i) => Math.min(options.maxWidth?.[i] ?? 50, Math.max(options.minWidth?.[i] ?? 6, widest[i]! + 2)));
  widths.forEach((w, i) => sheet.setWidth(i + 1, w));
  const wrapped = widths.map((_, i) => options.wrap?.includes(i) ?? false);
  // Readers do not grow a row for wrapped text on their own (LibreOffice keeps 15 pt), so each
  // row is given the height its longest wrapped cell needs.
  const top = sheet.addRow(
    headers,
    HEADER_STYLE,
    rowHeight(
      headers,
      widths,
      widths.map(() => true),
    ),
  );
  const columnStyles: CellStyle[] = headers.map((_, i) => ({
    ...BODY_STYLE,
    ...(wrapped[i] ? { wrap: true } : {}),
    ...(options.numFmt?.[i] ? { numFmt: options.numFmt[i] } : {}),
  }));
  const extra = options.cellStyle;
  sheet.addRows(count, (r) => {
    const values = rowAt(r);
    const styles = extra
      ? columnStyles.map((base, c) => {
          const more = extra(r, c);
          return more ? { ...base, ...more } : base;
        })
      : columnStyles;
    return { values: values.map((v) => (v === '' ? null : v)), style: styles, height: rowHeight(values, widths, wrapped) };
  });
  const place = { headerRow: top, lastRow: top + count };
  if (options.filter === false) return place;
  sheet.freezeRows(top);
  // The filter covers the table only, so a table below it is never hidden by a filter.
  sheet.autoFilter(top, 1, headers.length, place.lastRow);
  return place;
}
