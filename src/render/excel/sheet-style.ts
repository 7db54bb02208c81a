import type ExcelJS from 'exceljs';
import { displayWidth } from '../../text/display-width.js';

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
export const GRID: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * A table sheet as QA keeps them: bold shaded header, frozen under it, an autofilter over it,
 * thin grid, and columns wide enough for their Chinese text (capped; longer text wraps).
 */
export function writeTable(
  sheet: ExcelJS.Worksheet,
  headers: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
  options: { maxWidth?: readonly number[]; wrap?: readonly number[]; filter?: boolean } = {},
): void {
  const header = sheet.addRow([...headers]);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = GRID;
  });
  for (const values of rows) {
    const row = sheet.addRow(values.map((v) => (v === null || v === '' ? null : v)));
    row.alignment = { vertical: 'top' };
    for (let c = 1; c <= headers.length; c++) {
      const cell = row.getCell(c);
      cell.border = GRID;
      if (options.wrap?.includes(c - 1)) cell.alignment = { vertical: 'top', wrapText: true };
    }
  }
  headers.forEach((h, i) => {
    const widest = Math.max(displayWidth(h), ...rows.map((r) => displayWidth(String(r[i] ?? ''))));
    sheet.getColumn(i + 1).width = Math.min(options.maxWidth?.[i] ?? 50, Math.max(6, widest + 2));
  });
  if (options.filter === false) return;
  const top = sheet.rowCount - rows.length;
  sheet.views = [{ state: 'frozen', ySplit: top }];
  sheet.autoFilter = { from: { row: top, column: 1 }, to: { row: top, column: headers.length } };
}
