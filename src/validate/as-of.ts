import type { DateTime, IsoDate } from '../model/dates.js';

/** An event dated after the as-of date has not happened yet (input contract, "Fixed meanings"). */
export function happened(date: IsoDate | null, asOf: IsoDate): IsoDate | null {
  return date !== null && date <= asOf ? date : null;
}

export function happenedAt(value: DateTime | null, asOf: IsoDate): DateTime | null {
  return value !== null && value.date <= asOf ? value : null;
}
