import { createRequire } from 'node:module';

/** China's official calendar as published by the State Council, from the chinese-days package. */
export interface OfficialCalendar {
  /** Public holidays (including the weekdays given off), "YYYY-MM-DD". */
  readonly holidays: ReadonlySet<string>;
  /** Adjusted working weekends (调休上班), "YYYY-MM-DD". */
  readonly workdays: ReadonlySet<string>;
  /** First and last year the data covers; outside them only weekends are known. */
  readonly firstYear: number;
  readonly lastYear: number;
}

let cached: OfficialCalendar | null = null;

/** Loads the data once per process. */
export function officialCalendar(): OfficialCalendar {
  if (cached) return cached;
  const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as unknown;
  const table = data as { holidays?: Record<string, unknown>; workdays?: Record<string, unknown> };
  const holidays = new Set(Object.keys(table.holidays ?? {}));
  const workdays = new Set(Object.keys(table.workdays ?? {}));
  const years = [...holidays, ...workdays].map((d) => Number(d.slice(0, 4)));
  cached = { holidays, workdays, firstYear: Math.min(...years), lastYear: Math.max(...years) };
  return cached;
}
