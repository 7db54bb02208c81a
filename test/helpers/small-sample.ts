import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ROOT } from './built-package.js';

/** The bundled sample's ledgers: the first row of each sheet's data (after its title and header rows). */
const FIRST_DATA_ROW: Readonly<Record<string, number>> = {
  '客户投诉台账2025上半年.xlsx': 4,
  '客户投诉台账2025下半年.xlsx': 4,
  '措施跟踪表2025.xlsx': 3,
  '订单评审台账2025.xlsx': 3,
};
export const SAMPLE_SURVEYS = '客户满意度调查回收表.csv';

/** The sample's second-half complaints: left out, the first six complaints (all January) make one monthly pack, not seven. */
export const SECOND_HALF_COMPLAINTS = '客户投诉台账2025下半年.xlsx';

/**
 * The bundled sample cut down to the first `rows` records of each ledger sheet and the first
 * `rows` surveys of each period, without the files named in `leaveOut`, written into `folder`
 * with the sample's config: the sample's layout (title rows, merged cells, alias headers,
 * GB18030 CSV) at a fraction of its build time, for tests that build it more than once.
 * Workbooks are as exceljs writes them, so that a later exceljs edit of one cell is the only
 * difference between two builds. Returns the files written.
 */
export async function smallSample(folder: string, rows: number, leaveOut: readonly string[] = []): Promise<string[]> {
  const sample = path.join(ROOT, 'input');
  mkdirSync(folder, { recursive: true });
  const written: string[] = [];
  for (const name of readdirSync(sample).sort()) {
    if (leaveOut.includes(name)) continue;
    const from = path.join(sample, name);
    const to = path.join(folder, name);
    const first = FIRST_DATA_ROW[name];
    if (first !== undefined) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(from);
      // The first sheet holds the ledger; a notes sheet (说明) stays as it is.
      const sheet = book.worksheets[0]!;
      // One row at a time from the end: exceljs's spliceRows clears nothing when no row follows the cut.
      for (let last = sheet.rowCount; last >= first + rows; last--) sheet.spliceRows(last, 1);
      await book.xlsx.writeFile(to);
    } else if (name === SAMPLE_SURVEYS) {
      // GB18030 keeps ASCII bytes as they are and never uses a newline byte inside a character: lines split on bytes.
      const lines = splitLines(readFileSync(from));
      const [header, ...data] = lines;
      const perPeriod = new Map<string, Buffer[]>();
      for (const line of data) {
        const period = line.subarray(0, line.indexOf(',')).toString('latin1');
        perPeriod.set(period, [...(perPeriod.get(period) ?? []), line]);
      }
      const kept = [...perPeriod.values()].flatMap((group) => group.slice(0, rows));
      writeFileSync(to, Buffer.concat([header!, ...kept]));
    } else {
      writeFileSync(to, readFileSync(from));
    }
    written.push(name);
  }
  return written;
}

/** The lines of a file, each with its line ending. */
function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, at + 1));
    start = at + 1;
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}
