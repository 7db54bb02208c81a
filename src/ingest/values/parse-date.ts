import { dateTimeFromSerial, isoFromCivil, isValidCivil, pad2 } from '../../dates/civil.js';
import type { DateTime, IsoDate } from '../../model/dates.js';
import { DateCell, type RawCell } from '../raw-sheet.js';
import { fold } from '../../text/fold.js';
import { failure, isFailure, type ParseFailure } from './parse-result.js';

/** Dates outside these years are typing mistakes, not records of this century's business. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

const TIME = String.raw`(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?`;
const SEPARATED = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const CHINESE = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?${TIME.replace('[ T]+', '[ T]*')}$`);
const COMPACT = new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})${TIME}$`);
const NUMERIC = /^\d+(?:\.\d+)?$/;

/**
 * Reads a date (with an optional time of day) in every form the input contract accepts:
 * Excel date cells, serial numbers in the workbook's date system, 8-digit yyyymmdd numbers,
 * "2025-03-05", "2025/3/5", "2025.3.5", "2025年3月5日", "20250305", each optionally followed by
 * "HH:mm" or "HH:mm:ss". A time of exactly 00:00:00 counts as no time.
 */
export function parseDateTime(cell: RawCell, date1904: boolean): DateTime | ParseFailure {
  if (cell instanceof DateCell) return checkYear(cell.value);
  if (typeof cell === 'number') return fromNumber(cell, date1904);
  if (typeof cell !== 'string') return failure('bad_date');
  const fast = canonicalDate(cell);
  if (fast !== null) return isFailure(fast) ? fast : { date: fast, time: null };
  const text = fold(cell);
  const match = SEPARATED.exec(text);
  if (match) return fromParts(match[1], match[3], match[4], match[5], match[6], match[7]);
  const chinese = CHINESE.exec(text);
  if (chinese) return fromParts(chinese[1], chinese[2], chinese[3], chinese[4], chinese[5], chinese[6]);
  const compact = COMPACT.exec(text);
  if (compact) return fromParts(compact[1], compact[2], compact[3], compact[4], compact[5], compact[6]);
  if (NUMERIC.test(text)) return fromNumber(Number(text), date1904);
  return failure('bad_date');
}

/** A number in a date column: an 8-digit valid yyyymmdd, else an Excel serial. */
function fromNumber(value: number, date1904: boolean): DateTime | ParseFailure {
  if (Number.isInteger(value) && value >= 10_000_000 && value <= 99_999_999) {
    const y = Math.floor(value / 10000);
    const m = Math.floor(value / 100) % 100;
    const d = value % 100;
    if (isValidCivil(y, m, d)) return checkYear({ date: isoFromCivil(y, m, d), time: null });
  }
  const dateTime = dateTimeFromSerial(value, date1904);
  return dateTime ? checkYear(dateTime) : failure('impossible_date');
}

function fromParts(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
): DateTime | ParseFailure {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (!isValidCivil(y, m, d)) return failure('impossible_date');
  let time: string | null = null;
  if (hour !== undefined) {
    const hh = Number(hour);
    const mm = Number(minute);
    const ss = second === undefined ? 0 : Number(second);
    if (hh > 23 || mm > 59 || ss > 59) return failure('impossible_date');
    time = hh === 0 && mm === 0 && ss === 0 ? null : `${pad2(hh)}:${pad2(mm)}:${pad2(ss)}`;
  }
  return checkYear({ date: isoFromCivil(y, m, d), time });
}

function checkYear(value: DateTime): DateTime | ParseFailure {
  const year = Number(value.date.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR ? value : failure('impossible_date');
}

/**
 * "2025-03-05" exactly, the form most exports use, read without regular expressions; null for
 * anything else (the general path then decides).
 */
function canonicalDate(text: string): IsoDate | ParseFailure | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return null;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return null;
    if (i < 4) y = y * 10 + digit;
    else if (i < 7) m = m * 10 + digit;
    else d = d * 10 + digit;
  }
  if (!isValidCivil(y, m, d)) return failure('impossible_date');
  return y >= MIN_YEAR && y <= MAX_YEAR ? text : failure('impossible_date');
}

/** A date without its time of day; the common "2025-03-05" text is read without allocating. */
export function parseDate(cell: RawCell, date1904: boolean): IsoDate | ParseFailure {
  if (typeof cell === 'string') {
    const fast = canonicalDate(cell);
    if (fast !== null) return fast;
  }
  const value = parseDateTime(cell, date1904);
  return isFailure(value) ? value : value.date;
}
