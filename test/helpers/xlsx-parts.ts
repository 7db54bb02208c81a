import { cellDisplay } from '../../src/ingest/raw-sheet.js';
import { readXlsx } from '../../src/ingest/xlsx/read-xlsx.js';
import { ZipArchive } from '../../src/zip/zip-archive.js';

/** The first rows of a sheet as text, read with the project's own xlsx reader. */
export function sheetRows(bytes: Buffer, sheet: string, rows = 3): (string | null)[][] {
  const ref = readXlsx(bytes, 'template.xlsx').find((s) => s.name === sheet);
  if (!ref) throw new Error(`no sheet ${sheet}`);
  const out: (string | null)[][] = [];
  for (const row of ref.open().rows) {
    out.push(Array.from({ length: row.cells.length }, (_, i) => cellDisplay(row.cells[i])));
    if (out.length >= rows) break;
  }
  return out;
}

/** The drop-down lists of a worksheet by the column they cover: "C" → ["标准", "非标"]. */
export function dropDowns(bytes: Buffer, sheetIndex = 1): Record<string, string[]> {
  const xml = new ZipArchive(bytes).read(`xl/worksheets/sheet${sheetIndex}.xml`, 1 << 24)?.toString('utf8') ?? '';
  const lists: Record<string, string[]> = {};
  for (const m of xml.matchAll(/<dataValidation [^>]*type="list"[^>]*sqref="([A-Z]+)2:[A-Z]+\d+"[^>]*><formula1>&quot;([^<]*)&quot;<\/formula1>/g)) {
    lists[m[1]!] = m[2]!.split(',');
  }
  return lists;
}
