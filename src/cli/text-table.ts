import { displayWidth, truncate } from '../text/display-width.js';

export interface TableColumn {
  readonly title: string;
  /** Widest a cell may be before it is cut; the last column is never cut or padded. */
  readonly max?: number;
  readonly align?: 'left' | 'right';
}

/** Lays out rows as aligned text columns under a header line. */
export function formatTable(
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  options: { indent?: string; header?: boolean } = {},
): string {
  const indent = options.indent ?? '  ';
  const cells = rows.map((row) => row.map((cell, i) => (i < columns.length - 1 && columns[i]?.max ? truncate(cell, columns[i]!.max!) : cell)));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.title), ...cells.map((r) => displayWidth(r[i] ?? ''))));
  const line = (row: readonly string[]): string =>
    indent +
    row
      .map((cell, i) => {
        if (i === row.length - 1 && columns[i]?.align !== 'right') return cell;
        const pad = ' '.repeat(Math.max(0, widths[i]! - displayWidth(cell)));
        return columns[i]?.align === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [...(options.header === false ? [] : [line(columns.map((c) => c.title))]), ...cells.map(line)].join('\n');
}
