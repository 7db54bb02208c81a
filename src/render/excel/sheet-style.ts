import { displayWidth } from '../../text/display-width.js';
import type { CellStyle, CellValue, XlsxSheet } from './xlsx-book.js';

export const HEADER_FILL = 'FFD9E1F2';
export const HEADER_STYLE: CellStyle = { bold: true, fill: HEADER_FILL, grid: true, horizontal: 'center', vertical: 'middle', wrap: true };
export const BODY_STYLE: CellStyle = { grid: true, vertical: 'top' };

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
}

/**
 * A table sheet as QA keeps them: bold shaded header, frozen under it, an autofilter over it,
 * thin grid, and columns wide enough for their Chinese text (capped; longer text wraps).
 */
export function writeTable(sheet: XlsxSheet, headers: readonly string[], rows: readonly (readonly CellValue[])[], options: TableOptions = {}): void {
  const top = sheet.addRow(headers, HEADER_STYLE);
  const columnStyles: CellStyle[] = headers.map((_, i) => ({
    ...BODY_STYLE,
    ...(options.wrap?.includes(i) ? { wrap: true } : {}),
    ...(options.numFmt?.[i] ? { numFmt: options.numFmt[i] } : {}),
  }));
  rows.forEach((values, r) => {
    const extra = options.cellStyle;
    const styles = extra
      ? columnStyles.map((base, c) => {
          const more = extra(r, c);
          return more ? { ...base, ...more } : base;
        })
      : columnStyles;
    sheet.addRow(
      values.map((v) => (v === '' ? null : v)),
      styles,
    );
  });
  headers.forEach((h, i) => {
    let widest = displayWidth(h);
    for (const row of rows) {
      const v = row[i];
      if (v !== null && v !== undefined) widest = Math.max(widest, displayWidth(String(v)));
    }
    sheet.setWidth(i + 1, Math.min(options.maxWidth?.[i] ?? 50, Math.max(6, widest + 2)));
  });
  if (options.filter === false) return;
  sheet.freezeRows(top);
  sheet.autoFilter(top, 1, headers.length);
}
