import { ID_FIELDS } from '../model/fields.js';
import type { InputError } from '../model/input-error.js';
import type { ActionItem, Complaint, DataRecord, Order, SurveyResponse } from '../model/records.js';
import { recordKey } from './build-record.js';
import type { FileIngest } from './ingest-file.js';
import type { IngestResult } from './ingest-result.js';
import type { SheetReport } from './sheet-report.js';

/**
 * Joins the files' records in reading order and rejects a repeated record id: the later row is
 * the error and names the earlier one (input contract, "Settled details").
 */
export function combineFiles(files: readonly FileIngest[], skippedFiles: IngestResult['skippedFiles'], extraErrors: readonly InputError[] = []): IngestResult {
  const orders: Order[] = [];
  const complaints: Complaint[] = [];
  const surveys: SurveyResponse[] = [];
  const actions: ActionItem[] = [];
  const errors: InputError[] = [...extraErrors];
  // One map per kind, keyed by the id itself: no key strings built for 300,000 records.
  const seen = {
    order: new Map<string, DataRecord>(),
    complaint: new Map<string, DataRecord>(),
    survey: new Map<string, DataRecord>(),
    action: new Map<string, DataRecord>(),
  };
  const reportOf = new Map<string, SheetReport>();
  for (const file of files) {
    for (const report of file.reports) reportOf.set(`${report.file}\u0000${report.sheet ?? ''}`, report);
  }
  for (const file of files) {
    for (const record of file.records) {
      const key = recordKey(record);
      const earlier = seen[record.kind].get(key);
      if (earlier) {
        const report = reportOf.get(`${record.provenance.file}\u0000${record.provenance.sheet ?? ''}`);
        if (report) {
          report.rowsAccepted--;
          report.rowsRejected++;
        }
        errors.push(duplicateError(record, earlier));
        continue;
      }
      seen[record.kind].set(key, record);
      if (record.kind === 'order') orders.push(record);
      else if (record.kind === 'complaint') complaints.push(record);
      else if (record.kind === 'survey') surveys.push(record);
      else actions.push(record);
    }
    for (const e of file.errors) errors.push(e);
  }
  errors.sort(compareErrors(files));
  return {
    orders,
    complaints,
    surveys,
    actions,
    sheets: files.flatMap((f) => f.reports),
    errors,
    files: files.map((f) => ({ path: f.path, sha256: f.sha256, bytes: f.bytes })),
    problems: files.flatMap((f) => (f.problem ? [f.problem] : [])),
    skippedFiles,
  };
}

function duplicateError(record: DataRecord, earlier: DataRecord): InputError {
  const dataset = record.kind === 'order' ? 'orders' : record.kind === 'complaint' ? 'complaints' : record.kind === 'action' ? 'actions' : 'surveys';
  const idField = ID_FIELDS[dataset][0]!;
  const source = record.provenance.columns[idField];
  const value =
    record.kind === 'order'
      ? record.orderNo
      : record.kind === 'complaint'
        ? record.complaintNo
        : record.kind === 'action'
          ? record.actionNo
          : `${record.customer} / ${record.period}`;
  return {
    code: 'duplicate_id',
    dataset,
    file: record.provenance.file,
    sheet: record.provenance.sheet,
    row: record.provenance.row,
    column: source?.header ?? null,
    columnLetter: source?.column ?? null,
    value,
    level: 'error',
    rejected: true,
    params: {
      field: idField,
      earlierFile: earlier.provenance.file,
      earlierSheet: earlier.provenance.sheet ?? '',
      earlierRow: earlier.provenance.row,
    },
  };
}

/** Reading order: file order as given, then sheet order within the file, then row; sheet-level errors first. */
function compareErrors(files: readonly FileIngest[]): (a: InputError, b: InputError) => number {
  const fileRank = new Map(files.map((f, i) => [f.path, i]));
  const sheetRank = new Map<string, number>();
  for (const f of files) f.reports.forEach((r, i) => sheetRank.set(`${r.file}\u0000${r.sheet ?? ''}`, i));
  return (a, b) =>
    (fileRank.get(a.file) ?? -1) - (fileRank.get(b.file) ?? -1) ||
    (sheetRank.get(`${a.file}\u0000${a.sheet ?? ''}`) ?? 0) - (sheetRank.get(`${b.file}\u0000${b.sheet ?? ''}`) ?? 0) ||
    (a.row ?? 0) - (b.row ?? 0) ||
    (a.columnLetter ?? '').length - (b.columnLetter ?? '').length ||
    ((a.columnLetter ?? '') < (b.columnLetter ?? '') ? -1 : (a.columnLetter ?? '') > (b.columnLetter ?? '') ? 1 : 0);
}
