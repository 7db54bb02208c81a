import type { DateTime, IsoDate } from '../model/dates.js';

/**
 * Calendar arithmetic on plain dates, with no time zone and no Date objects in the hot paths:
 * a date is a count of days since 1970-01-01 (proleptic Gregorian).
 */

/** Days since 1970-01-01 for a valid y-m-d (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [y, m, d] for a day count. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

export function isValidCivil(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isoFromCivil(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function isoFromDays(days: number): IsoDate {
  const [y, m, d] = civilFromDays(days);
  return isoFromCivil(y, m, d);
}

/** Day count of an ISO date "YYYY-MM-DD" (assumed valid). */
export function daysFromIso(date: IsoDate): number {
  // charCodeAt arithmetic: this runs several times per complaint, slicing would allocate.
  const y = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
  const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const d = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  return daysFromCivil(y, m, d);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDays(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

/** Seconds since 1970-01-01T00:00:00 wall-clock; a missing time counts as 00:00:00. */
export function secondsOf(value: DateTime): number {
  const t = value.time;
  const clock = t === null ? 0 : Number(t.slice(0, 2)) * 3600 + Number(t.slice(3, 5)) * 60 + Number(t.slice(6, 8));
  return daysFromIso(value.date) * 86400 + clock;
}

const EXCEL_1900_EPOCH = daysFromCivil(1899, 12, 30);
const EXCEL_1904_EPOCH = daysFromCivil(1904, 1, 1);

/**
 * An Excel serial number as a date and time. In the 1900 system Excel counts the non-existent
 * 1900-02-29 as serial 60, so serials below 61 are one day off from the epoch formula; serial
 * 60 itself is no date and gives null. Times are rounded to the nearest second.
 */
export function dateTimeFromSerial(serial: number, date1904: boolean): DateTime | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2958466) return null;
  let totalSeconds = Math.round(serial * 86400);
  let dayPart = Math.floor(totalSeconds / 86400);
  const secondPart = totalSeconds - dayPart * 86400;
  let epoch: number;
  if (date1904) epoch = EXCEL_1904_EPOCH;
  else {
    if (dayPart === 60) return null;
    epoch = dayPart < 60 ? EXCEL_1900_EPOCH + 1 : EXCEL_1900_EPOCH;
  }
  totalSeconds = secondPart;
  dayPart += epoch;
  const hh = Math.floor(totalSeconds / 3600);
  const mm = Math.floor((totalSeconds % 3600) / 60);
  const ss = totalSeconds % 60;
  return { date: isoFromDays(dayPart), time: totalSeconds === 0 ? null : `${pad2(hh)}:${pad2(mm)}:${pad2(ss)}` };
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
