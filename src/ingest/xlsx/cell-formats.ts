import { XmlCursor } from './xml-cursor.js';

/** How a number cell's format tells us to read it. */
export const CellFormatKind = { Plain: 0, Date: 1, Percent: 2 } as const;
export type CellFormatKind = (typeof CellFormatKind)[keyof typeof CellFormatKind];

/** Built-in number formats that show a date or time (including the CJK ones 27–36 and 50–58). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);
const BUILTIN_PERCENT_FORMATS = new Set([9, 10]);

/**
 * For each cell style index (cellXfs entry) of styles.xml, whether its number format is a date,
 * a percentage or plain. Without styles.xml every cell is plain.
 */
export function cellFormatKinds(stylesXml: Buffer | null): Uint8Array {
  if (!stylesXml) return new Uint8Array(0);
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  const cursor = new XmlCursor(stylesXml);
  let inCellXfs = false;
  while (cursor.next()) {
    if (cursor.is('numFmt') && !cursor.isEnd) {
      const id = Number(cursor.attr('numFmtId'));
      custom.set(id, cursor.attr('formatCode') ?? '');
    } else if (cursor.is('cellXfs')) {
      inCellXfs = !cursor.isEnd && !cursor.selfClosing;
    } else if (inCellXfs && cursor.is('xf') && !cursor.isEnd) {
      xfFormats.push(Number(cursor.attr('numFmtId') ?? 0));
    }
  }
  const kinds = new Uint8Array(xfFormats.length);
  xfFormats.forEach((id, i) => {
    const code = custom.get(id);
    kinds[i] =
      code !== undefined
        ? kindOfFormatCode(code)
        : BUILTIN_DATE_FORMATS.has(id)
          ? CellFormatKind.Date
          : BUILTIN_PERCENT_FORMATS.has(id)
            ? CellFormatKind.Percent
            : CellFormatKind.Plain;
  });
  return kinds;
}

/** Reads a format code the way Excel does: quoted text, escapes, fills and [colour] blocks say nothing. */
export function kindOfFormatCode(code: string): CellFormatKind {
  const section = code.split(';')[0] ?? '';
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '');
  if (/general/i.test(bare) && !/[ymdhs]/i.test(bare.replace(/general/gi, ''))) return CellFormatKind.Plain;
  if (/[ymdhse]/i.test(bare.replace(/general/gi, ''))) return CellFormatKind.Date;
  if (bare.includes('%')) return CellFormatKind.Percent;
  return CellFormatKind.Plain;
}
