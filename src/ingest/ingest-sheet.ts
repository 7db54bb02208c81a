import type { DatasetId } from '../model/fields.js';
import type { InputError, InputErrorCode } from '../model/input-error.js';
import type { CellSource, Provenance } from '../model/provenance.js';
import type { DataRecord } from '../model/records.js';
import { buildAction, buildComplaint, buildOrder, buildSurveyResponse, RowValues } from './build-record.js';
import { detectLayout, HEADER_SEARCH_ROWS, type MappedColumn, type SheetLayout } from './detect-layout.js';
import type { HeaderIndex } from './header-index.js';
import { isEmptyCell, MAX_TEXT_LENGTH, readField, type FieldValue } from './read-field.js';
import { cellDisplay, type MergeRange, type RawCell, type RawRow, type RawSheet } from './raw-sheet.js';
import { emptySheetReport, type SheetReport } from './sheet-report.js';
import { isFailure } from './values/parse-result.js';
import { UnmappedLabel, type Vocabulary } from './values/parse-enum.js';

/** Rows read from one sheet at most; Excel's own limit, so only a malformed file reaches it. */
export const MAX_DATA_ROWS = 1_048_576;

/** What one sheet gave: its records (in row order), its input errors and its report. */
export interface SheetIngest {
  readonly report: SheetReport;
  readonly records: DataRecord[];
  readonly errors: InputError[];
}

const TOTALS = /^(合计|总计|小计|总合计|total|totals|grandtotal|sum)[:：]?$/i;

/** The sheet a row stream comes from: where it is and its merged ranges. */
export type SheetMeta = Omit<RawSheet, 'rows'>;

/**
 * Reads one sheet: finds its header and dataset, then turns every data row into a typed record
 * or into input errors. Rows with a bad required value are rejected; a bad optional value is an
 * error and the row is kept without it. Empty rows are skipped; totals rows with a warning.
 */
export function ingestSheet(sheet: RawSheet, date1904: boolean, index: HeaderIndex): SheetIngest {
  const ingester = new SheetIngester(sheet, date1904, index);
  for (const row of sheet.rows) if (!ingester.push(row)) break;
  return ingester.finish();
}

/**
 * The same, fed one row at a time (so a CSV parser can stream into it). Rows must come in
 * order; the first rows are held back until the header is found.
 */
export class SheetIngester {
  private readonly errors: InputError[] = [];
  private readonly records: DataRecord[] = [];
  private head: RawRow[] | null = [];
  private layout: SheetLayout | null = null;
  private report: SheetReport | null = null;
  private reader: RowReader | null = null;
  private fill: MergeFill | null = null;
  private firstRejected = 0;
  private lastRejected = 0;
  private stopped = false;

  constructor(
    private readonly sheet: SheetMeta,
    private readonly date1904: boolean,
    private readonly index: HeaderIndex,
  ) {}

  /** Takes the next row; false once no more rows are wanted. */
  push(raw: RawRow): boolean {
    if (this.stopped) return false;
    if (this.head !== null) {
      if (raw.row <= HEADER_SEARCH_ROWS + 2) {
        this.head.push(raw);
        return true;
      }
      this.start();
      if (this.stopped) return false;
    }
    const report = this.report!;
    if (report.rowsAccepted + report.rowsRejected >= MAX_DATA_ROWS) {
      this.errors.push({ ...sheetError('too_many_rows', report.dataset, this.sheet, raw.row, { max: MAX_DATA_ROWS }), rejected: true });
      this.stopped = true;
      return false;
    }
    this.handle(raw);
    return true;
  }

  finish(): SheetIngest {
    if (this.head !== null) this.start();
    const layout = this.layout!;
    const report = this.report!;
    if (layout.kind === 'dataset') {
      for (const field of layout.missingRequired) {
        this.errors.push({
          ...sheetError('required_column_missing', layout.dataset, this.sheet, layout.headerRow, {
            field: field.id,
            rows: report.rowsRejected,
            firstRow: this.firstRejected,
            lastRow: this.lastRejected,
          }),
          column: field.zh,
          level: 'error',
          rejected: report.rowsRejected > 0,
        });
      }
    }
    report.rowsRead = report.rowsAccepted + report.rowsRejected;
    return { report, records: this.records, errors: this.errors };
  }

  /** The header rows are in: decide the layout, then read the rows held back. */
  private start(): void {
    const head = this.head ?? [];
    this.head = null;
    const sheet = this.sheet;
    const layout = detectLayout(head, sheet.merges, this.index);
    this.layout = layout;
    const base = emptySheetReport(sheet.file, sheet.sheet, sheet.hidden);
    if (layout.kind === 'skipped') {
      if (layout.reason === 'tie') {
        this.errors.push(sheetError('ambiguous_sheet', null, sheet, layout.headerRow, { candidates: layout.candidates.join(', ') }));
      }
      this.report = { ...base, dataset: null, skipped: layout.reason, headerRow: layout.reason === 'tie' ? layout.headerRow : null };
      this.stopped = true;
      return;
    }
    const { dataset, columns } = layout;
    this.report = {
      ...base,
      dataset,
      skipped: null,
      headerRow: layout.headerRow,
      columns: columns.map((c) => ({ letter: c.letter, header: c.header, field: c.field.id })),
      ignoredColumns: layout.ignored.map((c) => ({ letter: c.letter, header: c.header })),
    };
    for (const d of layout.duplicates) {
      const first = columns.find((c) => c.field.id === d.duplicateOf);
      this.errors.push({
        ...sheetError('duplicate_column', dataset, sheet, layout.headerRow, {
          field: d.duplicateOf ?? '',
          first: first ? `${first.letter} ${first.header}` : '',
        }),
        column: d.header,
        columnLetter: d.letter,
      });
    }
    const sources: Record<string, CellSource> = {};
    for (const c of columns) sources[c.field.id] = { column: c.letter, header: c.header };
    this.reader = new RowReader(dataset, columns, sources, sheet, this.date1904, this.index, this.errors);
    this.fill = new MergeFill(sheet.merges.filter((m) => m.top >= layout.firstDataRow && m.bottom > m.top));
    for (const raw of head) this.handle(raw);
  }

  private handle(raw: RawRow): void {
    const layout = this.layout as Extract<SheetLayout, { kind: 'dataset' }>;
    const report = this.report!;
    if (raw.row < layout.firstDataRow) return;
    const cells = this.fill!.apply(raw);
    const totals = totalsLabel(cells);
    if (totals !== null) {
      report.totalsRows++;
      this.errors.push({ ...sheetError('totals_row', layout.dataset, this.sheet, raw.row, {}), value: totals });
      return;
    }
    if (layout.columns.every((c) => isEmptyCell(cells[c.index]))) return;
    if (layout.missingRequired.length > 0) {
      report.rowsRejected++;
      this.firstRejected ||= raw.row;
      this.lastRejected = raw.row;
      return;
    }
    const record = this.reader!.read(raw.row, cells);
    if (record) {
      this.records.push(record);
      report.rowsAccepted++;
    } else report.rowsRejected++;
  }
}

/** Turns cells into a record, collecting the row's errors; null when the row is rejected. */
class RowReader {
  private readonly dimensionIds: readonly string[];
  /** Field id → position in `columns` (and in a row's values). */
  private readonly slots: Readonly<Record<string, number>>;
  private readonly vocabulary: Vocabulary;

  constructor(
    private readonly dataset: DatasetId,
    private readonly columns: readonly MappedColumn[],
    private readonly sources: Readonly<Record<string, CellSource>>,
    private readonly sheet: SheetMeta,
    private readonly date1904: boolean,
    index: HeaderIndex,
    private readonly errors: InputError[],
  ) {
    this.dimensionIds = index.fields.surveys.filter((f) => f.dimension).map((f) => f.id);
    this.slots = Object.fromEntries(columns.map((c, i) => [c.field.id, i]));
    this.vocabulary = index.vocabulary;
  }

  read(row: number, cells: readonly RawCell[]): DataRecord | null {
    const values = new RowValues(this.slots, new Array<FieldValue | undefined>(this.columns.length));
    let rowErrors: InputError[] | null = null;
    let rejected = false;
    let scoresUsable = true;
    let anyScoreGiven = false;
    for (let slot = 0; slot < this.columns.length; slot++) {
      const column = this.columns[slot]!;
      const { field } = column;
      const cell = cells[column.index];
      if (isEmptyCell(cell)) {
        if (field.required) {
          rejected = true;
          (rowErrors ??= []).push(this.error('required_missing', row, column, null, {}));
        }
        continue;
      }
      if (field.kind === 'score' && field.id !== 'competitor_score') anyScoreGiven = true;
      const value = readField(field, cell, this.date1904, this.vocabulary);
      if (isFailure(value)) {
        if (field.required) rejected = true;
        if (value.code === 'score_range' && field.id !== 'competitor_score') scoresUsable = false;
        (rowErrors ??= []).push(this.error(value.code, row, column, cellDisplay(cell), value.params ?? {}));
        continue;
      }
      if (value instanceof UnmappedLabel) {
        // Kept and counted (as "other"), with a warning naming the configuration key that maps it.
        (rowErrors ??= []).push({ ...this.error('unknown_category', row, column, value.label, { label: value.label, key: value.key }), level: 'warning' });
        values.values[slot] = value;
        continue;
      }
      if (typeof value === 'string' && value.length > MAX_TEXT_LENGTH) {
        (rowErrors ??= []).push({ ...this.error('text_truncated', row, column, null, { max: MAX_TEXT_LENGTH }), level: 'warning' });
        values.values[slot] = value.slice(0, MAX_TEXT_LENGTH);
        continue;
      }
      if (field.required && value === '') {
        rejected = true;
        (rowErrors ??= []).push(this.error('required_missing', row, column, null, {}));
        continue;
      }
      values.values[slot] = value;
    }
    for (const e of rowErrors ?? []) {
      // "counted as other" would be untrue of a row rejected for another reason.
      if (rejected && e.code === 'unknown_category') continue;
      this.errors.push(rejected && e.level === 'error' ? { ...e, rejected: true } : e);
    }
    if (rejected) return null;
    const provenance: Provenance = { file: this.sheet.file, sheet: this.sheet.sheet, row, columns: this.sources };
    switch (this.dataset) {
      case 'orders':
        return buildOrder(values, provenance);
      case 'complaints':
        return buildComplaint(values, provenance);
      case 'surveys':
        return buildSurveyResponse(values, provenance, this.dimensionIds, scoresUsable, anyScoreGiven);
      case 'actions':
        return buildAction(values, provenance);
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

function sheetError(
  code: InputErrorCode,
  dataset: DatasetId | null,
  sheet: SheetMeta,
  row: number | null,
  params: Readonly<Record<string, string | number>>,
): InputError {
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
 * name merged over its orders, say): the value is copied down the merge's first column. Merges do
 * not overlap, so each column has at most one open merge: the work is one step per merge and one
 * per filled cell, whatever the number of merges (O(cells + merges)).
 */
class MergeFill {
  /** Merges by top row, consumed in order as rows arrive. */
  private readonly queue: MergeRange[];
  /** The open merge of each column, with the value of its top cell. */
  private readonly open = new Map<number, { merge: MergeRange; value: RawCell }>();

  constructor(merges: readonly MergeRange[]) {
    this.queue = [...merges].sort((a, b) => b.top - a.top);
  }

  apply(raw: RawRow): readonly RawCell[] {
    while (this.queue.length > 0 && this.queue[this.queue.length - 1]!.top <= raw.row) {
      const merge = this.queue.pop()!;
      if (merge.top === raw.row) this.open.set(merge.left, { merge, value: raw.cells[merge.left] });
    }
    if (this.open.size === 0) return raw.cells;
    let cells = raw.cells;
    for (const [column, { merge, value }] of this.open) {
      if (merge.bottom < raw.row) {
        this.open.delete(column);
        continue;
      }
      if (raw.row > merge.top && isEmptyCell(cells[merge.left])) {
        if (cells === raw.cells) cells = [...raw.cells];
        (cells as RawCell[])[merge.left] = value;
      }
    }
    return cells;
  }
}
