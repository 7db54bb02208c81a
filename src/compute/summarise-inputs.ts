import type { IngestResult } from '../ingest/ingest-result.js';
import { formatInputError } from '../issues/input-messages.js';
import type { Lang } from '../model/lang.js';
import type { SummaryInput, SummaryInputError } from '../model/summary.js';

/** The `inputs` block: one entry per sheet (or CSV) read as a dataset, in reading order. */
export function summariseInputs(ingest: IngestResult): SummaryInput[] {
  const sha = new Map(ingest.files.map((f) => [f.path, f.sha256]));
  return ingest.sheets.flatMap((s) =>
    s.dataset === null
      ? []
      : [
          {
            dataset: s.dataset,
            file: s.file,
            sheet: s.sheet,
            rowsRead: s.rowsRead,
            rowsAccepted: s.rowsAccepted,
            rowsRejected: s.rowsRejected,
            sha256: sha.get(s.file) ?? '',
            headerRow: s.headerRow ?? 0,
          },
        ],
  );
}

/** The `inputErrors` block, messages in the run's language. */
export function summariseInputErrors(ingest: IngestResult, lang: Lang): SummaryInputError[] {
  return ingest.errors.map((e) => ({
    dataset: e.dataset,
    file: e.file,
    sheet: e.sheet,
    row: e.row,
    column: e.column,
    value: e.value,
    level: e.level,
    rejected: e.rejected,
    message: formatInputError(e, lang),
    code: e.code,
    columnLetter: e.columnLetter,
  }));
}

/** The `skipped` extension: sheets without a recognisable header, lock files, unsupported formats. */
export function summariseSkipped(ingest: IngestResult): { file: string; sheet: string | null; reason: string }[] {
  return [
    ...ingest.sheets.flatMap((s) => (s.skipped ? [{ file: s.file, sheet: s.sheet, reason: s.skipped }] : [])),
    ...ingest.skippedFiles.map((f) => ({ file: f.path, sheet: null, reason: f.reason })),
  ];
}
