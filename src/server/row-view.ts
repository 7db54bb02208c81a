import { readFileSync } from 'node:fs';
import path from 'node:path';
import { streamCsv } from '../ingest/csv/read-csv.js';
import type { IngestResult } from '../ingest/ingest-result.js';
import { kindOfFile } from '../ingest/input-files.js';
import { cellDisplay, type RawCell } from '../ingest/raw-sheet.js';
import { readXlsx } from '../ingest/xlsx/read-xlsx.js';
import type { DataRecord } from '../model/records.js';

/** One cell of a row as the side panel shows it. */
export interface CellView {
  readonly letter: string;
  readonly header: string;
  /** The contract's field id the column was read as. */
  readonly field: string;
  /** The cell as the sheet holds it; null when empty. */
  readonly raw: string | null;
  /** What qmsdoc made of it; null when the record was rejected or the value not read. */
  readonly parsed: string | null;
}

export interface RowView {
  readonly file: string;
  readonly sheet: string | null;
  readonly row: number;
  readonly cells: readonly CellView[];
  /** The file changed or the row is gone since the check. */
  readonly unreadable: boolean;
}

/** Records of a check by "file \0 sheet \0 row". */
export function recordIndex(ingest: IngestResult): Map<string, DataRecord> {
  const index = new Map<string, DataRecord>();
  for (const list of [ingest.orders, ingest.complaints, ingest.surveys] as readonly (readonly DataRecord[])[]) {
    for (const r of list) index.set(rowKey(r.provenance.file, r.provenance.sheet, r.provenance.row), r);
  }
  return index;
}

export function rowKey(file: string, sheet: string | null, row: number): string {
  return `${file}\u0000${sheet ?? ''}\u0000${row}`;
}

/**
 * The row at file/sheet/row as the input folder holds it now: each column read (from the sheet's
 * report) with its raw cell and the record's parsed value.
 */
export function readRowView(input: string, ingest: IngestResult, index: Map<string, DataRecord>, file: string, sheet: string | null, row: number): RowView {
  const report = ingest.sheets.find((s) => s.file === file && s.sheet === sheet);
  const record = index.get(rowKey(file, sheet, row)) ?? null;
  const cells = readRawRow(input, file, sheet, row);
  const columns = report?.columns ?? [];
  return {
    file,
    sheet,
    row,
    unreadable: cells === null,
    cells: columns.map((c) => ({
      letter: c.letter,
      header: c.header,
      field: c.field,
      raw: cells === null ? null : cellDisplay(cells[letterIndex(c.letter)]),
      parsed: record === null ? null : parsedValue(record, c.field),
    })),
  };
}

function letterIndex(letter: string): number {
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The raw cells of one row, or null when the file or row cannot be read any more. */
function readRawRow(input: string, file: string, sheet: string | null, row: number): readonly RawCell[] | null {
  const full = path.resolve(input, file);
  if (!full.startsWith(path.resolve(input) + path.sep)) return null;
  let bytes: Buffer;
  try {
    bytes = readFileSync(full);
  } catch {
    return null;
  }
  try {
    if (kindOfFile(file) === 'csv') {
      let found: readonly RawCell[] | null = null;
      streamCsv(bytes, (r) => {
        if (r.row === row) found = r.cells;
        return r.row < row;
      });
      return found;
    }
    const ref = readXlsx(bytes, file).find((s) => s.name === sheet && s.isWorksheet);
    if (!ref) return null;
    for (const r of ref.open().rows) {
      if (r.row === row) return r.cells;
      if (r.row > row) break;
    }
    return null;
  } catch {
    return null;
  }
}

/** A record's value of a contract field, as text: dates as written, yes/no as true/false, enums by id. */
function parsedValue(record: DataRecord, field: string): string | null {
  const key = field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const bag = record as unknown as Record<string, unknown>;
  let value: unknown = bag[key];
  if (value === undefined && record.kind === 'survey') value = record.scores[field];
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && value !== null && 'date' in value) {
    const dt = value as { date: string; time: string | null };
    return dt.time ? `${dt.date} ${dt.time}` : dt.date;
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

/** The month (YYYY-MM) a record belongs to: order received, complaint received, survey sent or returned. */
export function recordMonth(record: DataRecord | undefined): string | null {
  if (!record) return null;
  if (record.kind === 'order') return record.orderDate.slice(0, 7);
  if (record.kind === 'complaint') return record.receivedAt.date.slice(0, 7);
  if (record.kind === 'action') return (record.decidedOn ?? record.due)?.slice(0, 7) ?? null;
  return (record.sentDate ?? record.returnedDate)?.slice(0, 7) ?? null;
}
