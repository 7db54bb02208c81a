import type { DatasetId } from '../model/fields.js';
import type { InputError, InputErrorCode } from '../model/input-error.js';
import type { CellSource, Provenance } from '../model/provenance.js';
import type { DataRecord } from '../model/records.js';
import { buildComplaint, buildOrder, buildSurveyResponse } from './build-record.js';
import { detectLayout, HEADER_SEARCH_ROWS, type MappedColumn } from './detect-layout.js';
import type { HeaderIndex } from './header-index.js';
import { isEmptyCell, MAX_TEXT_LENGTH, readField, type FieldValue } from './read-field.js';
import { cellDisplay, type MergeRange, type RawCell, type RawRow, type RawSheet } from './raw-sheet.js';
import type { SheetReport } from './sheet-report.js';
import { isFailure } from './values/parse-result.js';

/** Rows read from one sheet at most; Excel's own limit, so only a malformed file reaches it. */
export const MAX_DATA_ROWS = 1_048_576;

/** What one sheet gave: its records (in row order), its input errors and its report. */
export interface SheetIngest {
  readonly report: SheetReport;
  readonly records: DataRecord[];
  readonly errors: InputError[];
}

const TOTALS = /^(合计|总计|小计|总合计|total|totals|grandtotal|sum)[:：]?$/i;

/**
 * Reads one sheet: finds its header and dataset, then turns every data row into a typed record
 * or into input errors. Rows with a bad required value are rejected; a bad optional value is an
 * error and the row is kept without it. Empty rows are skipped; totals rows with a warning.
 */
export function ingestSheet(sheet: RawSheet, date1904: boolean, index: HeaderIndex): SheetIngest {
  const errors: InputError[] = [];
  const records: DataRecord[] = [];
  const rows = sheet.rows[Symbol.iterator]();
  const head: RawRow[] = [];
  let pending: RawRow | undefined;
  for (let next = rows.next(); !next.done; next = rows.next()) {
    if (next.value.row > HEADER_SEARCH_ROWS + 2) {
      pending = next.value;
      break;
    }
    head.push(next.value);
  }
  const layout = detectLayout(head, sheet.merges, index);
  const base = { file: sheet.file, sheet: sheet.sheet, hidden: sheet.hidden, columns: [], ignoredColumns: [], rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, totalsRows: 0 };
  if (layout.kind === 'skipped') {
    if (layout.reason === 'tie') {
      errors.push(sheetError('ambiguous_sheet', null, sheet, layout.headerRow, { candidates: layout.candidates.join(', ') }));
    }
    return { report: { ...base, dataset: null, skipped: layout.reason, headerRow: layout.reason === 'tie' ? layout.headerRow : null }, records, errors };
  }
  const { dataset, columns } = layout;
  const report: SheetReport = {
    ...base,
    dataset,
    skipped: null,
    headerRow: layout.headerRow,
    columns: columns.map((c) => ({ letter: c.letter, header: c.header, field: c.field.id })),
    ignoredColumns: layout.ignored.map((c) => ({ letter: c.letter, header: c.header })),
  };
  for (const d of layout.duplicates) {
    const first = columns.find((c) => c.field.id === d.duplicateOf);
    errors.push({
      ...sheetError('duplicate_column', dataset, sheet, layout.headerRow, { field: d.duplicateOf ?? '', first: first ? `${first.letter} ${first.header}` : '' }),
      column: d.header,
      columnLetter: d.letter,
    });
  }
  const sources: Record<string, CellSource> = {};
  for (const c of columns) sources[c.field.id] = { column: c.letter, header: c.header };
  const reader = new RowReader(dataset, columns, sources, sheet, date1904, index, errors);
  const fill = new MergeFill(sheet.merges.filter((m) => m.top >= layout.firstDataRow && m.bottom > m.top));
  let firstRejected = 0;
  let lastRejected = 0;

  const handle = (raw: RawRow): void => {
    if (raw.row < layout.firstDataRow) return;
    const cells = fill.apply(raw);
    const totals = totalsLabel(cells);
    if (totals !== null) {
      report.totalsRows++;
      errors.push({ ...sheetError('totals_row', dataset, sheet, raw.row, {}), value: totals });
      return;
    }
    if (columns.every((c) => isEmptyCell(cells[c.index]))) return;
    if (layout.missingRequired.length > 0) {
      report.rowsRejected++;
      firstRejected ||= raw.row;
      lastRejected = raw.row;
      return;
    }
    const record = reader.read(raw.row, cells);
    if (record) {
      records.push(record);
      report.rowsAccepted++;
    } else report.rowsRejected++;
  };

  for (const raw of head) handle(raw);
  if (pending) handle(pending);
  for (let next = rows.next(); !next.done; next = rows.next()) {
    if (report.rowsAccepted + report.rowsRejected >= MAX_DATA_ROWS) {
      errors.push({ ...sheetError('too_many_rows', dataset, sheet, next.value.row, { max: MAX_DATA_ROWS }), rejected: true });
      break;
    }
    handle(next.value);
  }
  for (const field of layout.missingRequired) {
    errors.push({
      ...sheetError('required_column_missing', dataset, sheet, layout.headerRow, {
        field: field.id,
        rows: report.rowsRejected,
        firstRow: firstRejected,
        lastRow: lastRejected,
      }),
      column: field.zh,
      level: 'error',
      rejected: report.rowsRejected > 0,
    });
  }
  report.rowsRead = report.rowsAccepted + report.rowsRejected;
  return { report, records, errors };
}

/** Turns cells into a record, collecting the row's errors; null when the row is rejected. */
class RowReader {
  private readonly dimensionIds: readonly string[];

  constructor(
    private readonly dataset: DatasetId,
    private readonly columns: readonly MappedColumn[],
    private readonly sources: Readonly<Record<string, CellSource>>,
    private readonly sheet: RawSheet,
    private readonly date1904: boolean,
    index: HeaderIndex,
    private readonly errors: InputError[],
  ) {
    this.dimensionIds = index.fields.surveys.filter((f) => f.dimension).map((f) => f.id);
  }

  read(row: number, cells: readonly RawCell[]): DataRecord | null {
    const values = new Map<string, FieldValue>();
    const rowErrors: InputError[] = [];
    let rejected = false;
    let scoresUsable = true;
    let anyScoreGiven = false;
    for (const column of this.columns) {
      const { field } = column;
      const cell = cells[column.index];
      if (isEmptyCell(cell)) {
        if (field.required) {
          rejected = true;
          rowErrors.push(this.error('required_missing', row, column, null, {}));
        }
        continue;
      }
      if (field.kind === 'score' && field.id !== 'competitor_score') anyScoreGiven = true;
      const value = readField(field, cell, this.date1904);
      if (isFailure(value)) {
        if (field.required) rejected = true;
        if (value.code === 'score_range' && field.id !== 'competitor_score') scoresUsable = false;
        rowErrors.push(this.error(value.code, row, column, cellDisplay(cell), value.params ?? {}));
        continue;
      }
      if (typeof value === 'string' && value.length > MAX_TEXT_LENGTH) {
        rowErrors.push({ ...this.error('text_truncated', row, column, null, { max: MAX_TEXT_LENGTH }), level: 'warning' });
        values.set(field.id, value.slice(0, MAX_TEXT_LENGTH));
        continue;
      }
      if (field.required && value === '') {
        rejected = true;
        rowErrors.push(this.error('required_missing', row, column, null, {}));
        continue;
      }
      values.set(field.id, value);
    }
    for (const e of rowErrors) this.errors.push(rejected && e.level === 'error' ? { ...e, rejected: true } : e);
    if (rejected) return null;
    const provenance: Provenance = { file: this.sheet.file, sheet: this.sheet.sheet, row, columns: this.sources };
    switch (this.dataset) {
      case 'orders':
        return buildOrder(values, provenance);
      case 'complaints':
        return buildComplaint(values, provenance);
      case 'surveys':
        return buildSurveyResponse(values, provenance, this.dimensionIds, scoresUsable, anyScoreGiven);
    }
  }

  private error(code: InputErrorCode, row: number, column: MappedColumn, value: string | null, params: Readonly<Record<string, string | number>>): InputError {
    return {
      code,
      dataset: this.dataset,
      file: this.sheet.file,
      sheet: this.sheet.sheet,
      row,
      column: column.header,
      columnLetter: column.letter,
      value,
      level: 'error',
      rejected: false,
      params: { field: column.field.id, ...params },
    };
  }
}

function sheetError(code: InputErrorCode, dataset: DatasetId | null, sheet: RawSheet, row: number | null, params: Readonly<Record<string, string | number>>): InputError {
  return { code, dataset, file: sheet.file, sheet: sheet.sheet, row, column: null, columnLetter: null, value: null, level: 'warning', rejected: false, params };
}

/** The totals label of a row ("合计"), looked for in its first three cells; null for a data row. */
function totalsLabel(cells: readonly RawCell[]): string | null {
  for (let i = 0; i < 3; i++) {
    const cell = cells[i];
    if (typeof cell === 'string' && TOTALS.test(cell.replace(/\s+/g, ''))) return cell.trim();
  }
  return null;
}

/**
 * Cells merged downwards in the data area show their value on every row of the merge (a customer
 * name merged over its orders, say): the value is copied down the merge's first column.
 */
class MergeFill {
  /** Merges by top row, consumed in order as rows arrive. */
  private readonly queue: MergeRange[];
  private active: { merge: MergeRange; value: RawCell }[] = [];

  constructor(merges: readonly MergeRange[]) {
    this.queue = [...merges].sort((a, b) => b.top - a.top);
  }

  apply(raw: RawRow): readonly RawCell[] {
    while (this.queue.length > 0 && this.queue[this.queue.length - 1]!.top <= raw.row) {
      const merge = this.queue.pop()!;
      if (merge.top === raw.row) this.active.push({ merge, value: raw.cells[merge.left] });
    }
    if (this.active.length === 0) return raw.cells;
    this.active = this.active.filter((a) => a.merge.bottom >= raw.row);
    let cells = raw.cells;
    for (const { merge, value } of this.active) {
      if (raw.row > merge.top && isEmptyCell(cells[merge.left])) {
        if (cells === raw.cells) cells = [...raw.cells];
        (cells as RawCell[])[merge.left] = value;
      }
    }
    return cells;
  }
}
