import { DATASETS, type DatasetId, type FieldSpec } from '../model/fields.js';
import { cellDisplay, columnLetter, type MergeRange, type RawRow } from './raw-sheet.js';
import { isRowNumberHeader, type HeaderIndex } from './header-index.js';
import { normaliseHeader } from '../text/fold.js';

/** The header row is looked for in the first rows of a sheet (title rows are common above it). */
export const HEADER_SEARCH_ROWS = 10;
/** Recognised headers of one dataset needed to call a row the header row. */
const MIN_RECOGNISED = 3;
/** A header cell merged downwards makes a two-level header of at most this many extra rows. */
const MAX_HEADER_DEPTH = 2;

/** A column of the sheet read as a field. */
export interface MappedColumn {
  /** 0-based. */
  readonly index: number;
  readonly letter: string;
  readonly header: string;
  readonly field: FieldSpec;
}

/** A column that names no field (or names one already taken). */
export interface UnmappedColumn {
  readonly index: number;
  readonly letter: string;
  readonly header: string;
  /** The field it would have been, when an earlier column already took it. */
  readonly duplicateOf?: string;
}

export type SheetLayout =
  | {
      readonly kind: 'dataset';
      readonly dataset: DatasetId;
      /** 1-based row of the header (the top row of a two-level header). */
      readonly headerRow: number;
      /** First row after the header block. */
      readonly firstDataRow: number;
      readonly columns: readonly MappedColumn[];
      readonly ignored: readonly UnmappedColumn[];
      readonly duplicates: readonly UnmappedColumn[];
      readonly missingRequired: readonly FieldSpec[];
    }
  | { readonly kind: 'skipped'; readonly reason: 'no_header' }
  | { readonly kind: 'skipped'; readonly reason: 'tie'; readonly headerRow: number; readonly candidates: readonly DatasetId[] };

/**
 * Finds the header row among the first rows of a sheet and says which dataset the sheet holds:
 * the first row with at least 3 recognised headers of one dataset; the dataset with the most
 * recognised headers wins; a tie is no decision.
 */
export function detectLayout(rows: readonly RawRow[], allMerges: readonly MergeRange[], index: HeaderIndex): SheetLayout {
  const byNumber = new Map(rows.map((r) => [r.row, r]));
  // Only merges reaching into the rows searched matter; one pass picks them out, so a sheet with
  // tens of thousands of merges in its data costs no more here than one with none.
  const lastRow = HEADER_SEARCH_ROWS + MAX_HEADER_DEPTH;
  const merges = allMerges.filter((m) => m.top <= lastRow);
  const mergeAt = new Map<number, MergeRange>();
  // Overlapping merges are invalid; a hostile file repeating one wide merge is stopped by the budget.
  let budget = 4 * 16_384 * (lastRow + 1);
  for (const m of merges) {
    if (mergeAt.has(m.top * 16_384 + m.left)) continue;
    for (let r = m.top; r <= Math.min(m.bottom, lastRow) && budget > 0; r++) {
      for (let c = m.left; c <= Math.min(m.right, 16_383) && budget-- > 0; c++) mergeAt.set(r * 16_384 + c, m);
    }
  }
  const textAt = (row: number, column: number): string => {
    const merge = mergeAt.get(row * 16_384 + column);
    const source = merge ? byNumber.get(merge.top)?.cells[merge.left] : byNumber.get(row)?.cells[column];
    return cellDisplay(source)?.trim() ?? '';
  };
  const depthAt = new Map<number, number>();
  for (const m of merges) depthAt.set(m.top, Math.max(depthAt.get(m.top) ?? 0, m.bottom - m.top));
  for (let row = 1; row <= HEADER_SEARCH_ROWS; row++) {
    if (!byNumber.has(row)) continue;
    const depth = Math.min(MAX_HEADER_DEPTH, depthAt.get(row) ?? 0);
    const width = Math.max(0, ...[...Array(depth + 1).keys()].map((k) => byNumber.get(row + k)?.cells.length ?? 0));
    const headers: string[] = [];
    for (let column = 0; column < width; column++) {
      let text = '';
      for (let k = 0; k <= depth; k++) text = textAt(row + k, column) || text;
      headers.push(text);
    }
    const counts = countRecognised(headers, index);
    const best = Math.max(...counts.values());
    if (best < MIN_RECOGNISED) continue;
    const leaders = [...counts.entries()].filter(([, n]) => n === best).map(([d]) => d);
    if (leaders.length > 1) return { kind: 'skipped', reason: 'tie', headerRow: row, candidates: leaders };
    return mapColumns(leaders[0]!, headers, row, row + depth + 1, index);
  }
  return { kind: 'skipped', reason: 'no_header' };
}

function countRecognised(headers: readonly string[], index: HeaderIndex): Map<DatasetId, number> {
  const seen = new Map<DatasetId, Set<string>>(DATASETS.map((d) => [d, new Set<string>()]));
  for (const header of headers) {
    for (const { dataset, field } of index.lookup.get(normaliseHeader(header)) ?? []) seen.get(dataset)!.add(field.id);
  }
  return new Map([...seen].map(([d, s]) => [d, s.size]));
}

function mapColumns(dataset: DatasetId, headers: readonly string[], headerRow: number, firstDataRow: number, index: HeaderIndex): SheetLayout {
  const columns: MappedColumn[] = [];
  const ignored: UnmappedColumn[] = [];
  const duplicates: UnmappedColumn[] = [];
  headers.forEach((header, i) => {
    if (header === '') return;
    const key = normaliseHeader(header);
    if (isRowNumberHeader(key)) return;
    const field = index.lookup.get(key)?.find((e) => e.dataset === dataset)?.field;
    const letter = columnLetter(i);
    if (!field) ignored.push({ index: i, letter, header });
    else if (columns.some((c) => c.field.id === field.id)) duplicates.push({ index: i, letter, header, duplicateOf: field.id });
    else columns.push({ index: i, letter, header, field });
  });
  const missingRequired = index.fields[dataset].filter((f) => f.required && !columns.some((c) => c.field.id === f.id));
  return { kind: 'dataset', dataset, headerRow, firstDataRow, columns, ignored, duplicates, missingRequired };
}
