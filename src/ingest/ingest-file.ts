import type { FileProblem, InputError } from '../model/input-error.js';
import type { DataRecord } from '../model/records.js';
import { streamCsv } from './csv/read-csv.js';
import type { HeaderIndex } from './header-index.js';
import type { InputFileKind } from './input-files.js';
import { ingestSheet, SheetIngester } from './ingest-sheet.js';
import { emptySheetReport, type SheetReport } from './sheet-report.js';
import { DEFAULT_XLSX_LIMITS, readXlsx, WorkbookError, type XlsxLimits } from './xlsx/read-xlsx.js';

/** One input file read: its sheets' records and reports, or the reason it could not be read. */
export interface FileIngest {
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly reports: SheetReport[];
  /** Records of all its sheets, in reading order. */
  readonly records: DataRecord[];
  readonly errors: InputError[];
  readonly problem: FileProblem | null;
}

/** Reads every sheet of one .xlsx or .csv file held in memory. Never throws for bad content. */
export function ingestFile(
  file: { path: string; kind: InputFileKind },
  bytes: Buffer,
  sha256: string,
  index: HeaderIndex,
  limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
): FileIngest {
  const result: FileIngest = { path: file.path, sha256, bytes: bytes.length, reports: [], records: [], errors: [], problem: null };
  if (file.kind === 'csv') {
    const ingester = new SheetIngester({ file: file.path, sheet: null, hidden: false, merges: [] }, false, index);
    const { problems } = streamCsv(bytes, (row) => ingester.push(row));
    const ingest = ingester.finish();
    for (const p of problems) {
      const base = { dataset: ingest.report.dataset, file: file.path, sheet: null, row: p.row, column: null, columnLetter: null, value: null };
      if (p.kind === 'unclosed_quote') result.errors.push({ ...base, code: 'csv_unclosed_quote', level: 'error', rejected: true, params: { rows: p.rows } });
      else if (p.kind === 'encoding') result.errors.push({ ...base, code: 'csv_encoding', level: 'warning', rejected: false, params: { count: p.count } });
      else result.errors.push({ ...base, code: 'csv_format', level: 'warning', rejected: false, params: { detail: p.detail } });
    }
    return collect(result, [ingest]);
  }
  try {
    const sheets = readXlsx(bytes, file.path, limits);
    const ingests = sheets.map((ref) => {
      if (!ref.isWorksheet) {
        return {
          report: { ...emptySheetReport(file.path, ref.name, ref.hidden), dataset: null, skipped: 'not_worksheet' as const, headerRow: null },
          records: [],
          errors: [],
        };
      }
      // The 1900/1904 date system is per workbook; readXlsx already applied it to date cells and
      // the value parsers need it for bare serial numbers.
      const sheet = ref.open();
      const ingest = ingestSheet(sheet, ref.date1904, index);
      for (const outside of sheet.cellsBeyondLastColumn ?? []) {
        ingest.errors.push({
          code: 'beyond_last_column',
          dataset: ingest.report.dataset,
          file: file.path,
          sheet: ref.name,
          row: outside.row,
          column: null,
          columnLetter: null,
          value: outside.ref,
          level: 'warning',
          rejected: false,
          params: {},
        });
      }
      return ingest;
    });
    return collect(result, ingests);
  } catch (error) {
    // Whatever stops a workbook being read whole is a problem of that file, named; the run then
    // stops (exit 2) once every file has been looked at, rather than report a part as the whole.
    if (error instanceof WorkbookError) {
      return { ...result, reports: [], records: [], errors: [], problem: { code: error.code, file: file.path, detail: error.message } };
    }
    return {
      ...result,
      reports: [],
      records: [],
      errors: [],
      problem: { code: 'damaged_workbook', file: file.path, detail: (error as Error)?.message ?? String(error) },
    };
  }
}

function collect(result: FileIngest, ingests: readonly { report: SheetReport; records: DataRecord[]; errors: InputError[] }[]): FileIngest {
  for (const ingest of ingests) {
    result.reports.push(ingest.report);
    for (const r of ingest.records) result.records.push(r);
    for (const e of ingest.errors) result.errors.push(e);
  }
  return result;
}
