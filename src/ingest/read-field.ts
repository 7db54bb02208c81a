import type { DateTime } from '../model/dates.js';
import type { FieldSpec } from '../model/fields.js';
import { DateCell, ErrorCell, PercentCell, type RawCell } from './raw-sheet.js';
import { fold } from '../text/fold.js';
import { parseDate, parseDateTime } from './values/parse-date.js';
import { parseActionSource } from './values/parse-action-source.js';
import { BUILT_IN_VOCABULARY, parseEnum, type UnmappedLabel, type Vocabulary } from './values/parse-enum.js';
import { parseNumber } from './values/parse-number.js';
import { failure, isFailure, type ParseFailure } from './values/parse-result.js';
import { parseYesNo } from './values/parse-yes-no.js';

/** Excel's own limit on the text of one cell; longer text (possible in a CSV) is cut with a warning. */
export const MAX_TEXT_LENGTH = 32_767;

/** An UnmappedLabel is a complaint category nobody defined: the row is kept (see parseEnum). */
export type FieldValue = string | number | boolean | DateTime | UnmappedLabel;

/** True for a cell with nothing in it (a whitespace-only text counts as empty). */
export function isEmptyCell(cell: RawCell): boolean {
  return cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** Reads one non-empty cell as the field's kind says; enumerations accept the run's vocabulary. */
export function readField(field: FieldSpec, cell: RawCell, date1904: boolean, vocabulary: Vocabulary = BUILT_IN_VOCABULARY): FieldValue | ParseFailure {
  // A formula that failed (#N/A from a VLOOKUP, #REF!) shows no value the user meant.
  if (cell instanceof ErrorCell) return failure('excel_error', { code: cell.text });
  switch (field.kind) {
    case 'text':
      return textOf(cell);
    case 'date':
      return parseDate(cell, date1904);
    case 'datetime':
      return parseDateTime(cell, date1904);
    case 'positive':
    case 'nonNegative': {
      const value = parseNumber(cell, false);
      if (isFailure(value)) return value;
      const ok = field.kind === 'positive' ? value > 0 : value >= 0;
      return ok ? value : failure('number_range', { rule: field.kind });
    }
    case 'score': {
      const value = parseNumber(cell, true);
      if (isFailure(value)) return value;
      return value >= 0 && value <= 100 ? value : failure('score_range');
    }
    case 'yesno':
      return parseYesNo(cell);
    case 'enum': {
      const text = textOf(cell);
      return isFailure(text) || field.enum === undefined ? text : parseEnum(field.enum, text, vocabulary);
    }
    case 'period': {
      const text = textOf(cell);
      return isFailure(text) ? text : fold(text).toUpperCase().replace(/\s+/g, '');
    }
    case 'actionSource': {
      const text = textOf(cell);
      return isFailure(text) ? text : parseActionSource(text);
    }
  }
}

/** A cell's text: trimmed; numbers, dates and booleans as Excel would show them plainly. */
export function textOf(cell: RawCell): string | ParseFailure {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof DateCell) return cell.value.time ? `${cell.value.date} ${cell.value.time}` : cell.value.date;
  if (cell instanceof PercentCell) return `${Math.round(cell.value * 1e7) / 1e5}%`;
  return '';
}
