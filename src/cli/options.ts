import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseArgsFailure, UsageError } from './usage-error.js';
import type { Lang } from '../model/lang.js';
import { isValidCivil, isoFromCivil } from '../dates/civil.js';

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's options; an unknown option or a missing value is a CliError naming it. */
export type OptionValue = string | boolean | string[] | boolean[] | undefined;

export function parseOptions(argv: readonly string[], options: OptionSpec): Record<string, OptionValue> {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values as Record<string, OptionValue>;
  } catch (error) {
    throw parseArgsFailure(error, 'qmsdoc --help');
  }
}

/** The years --as-of may name. */
export const AS_OF_FIRST_YEAR = 1900;
export const AS_OF_LAST_YEAR = 2099;

/** --as-of, or today's local date when it is not given (the only place the clock is read). */
export function asOfOption(value: OptionValue, now: () => Date = () => new Date()): string {
  if (value === undefined || typeof value !== 'string') {
    const d = now();
    return isoFromCivil(d.getFullYear(), d.getMonth() + 1, d.getDate());
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match || !isValidCivil(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new UsageError('asOfFormat', { option: '--as-of', value });
  }
  // Documents, working calendars and the zip dates of workbooks are only meaningful in this range.
  if (Number(match[1]) < AS_OF_FIRST_YEAR || Number(match[1]) > AS_OF_LAST_YEAR) {
    throw new UsageError('asOfRange', { option: '--as-of', value, first: AS_OF_FIRST_YEAR, last: AS_OF_LAST_YEAR });
  }
  return value;
}

export function langOption(value: OptionValue): Lang | undefined {
  if (value === undefined || typeof value !== 'string') return undefined;
  if (value === 'zh' || value === 'en') return value;
  throw new UsageError('langValue', { value });
}

export function requireOption(value: OptionValue, name: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError('required', { option: name });
  return value;
}

/** A string option's value; undefined when absent. */
export function stringOption(value: OptionValue): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * --month (repeatable): months YYYY-MM of the complaint meeting packs, or "all" for every month
 * with complaints; undefined when not given (the default months).
 */
export function monthsOption(value: OptionValue): readonly string[] | 'all' | undefined {
  if (value === undefined) return undefined;
  const values = (Array.isArray(value) ? value : [value]).map(String);
  if (values.includes('all')) return 'all';
  for (const v of values) {
    const match = /^(\d{4})-(\d{2})$/.exec(v);
    if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) throw new UsageError('monthFormat', { value: v });
  }
  return [...new Set(values)].sort();
}

/**
 * --meeting-date: the day of the monthly meeting; the latest pack shows the state on that day.
 * A date YYYY-MM-DD, not before the first day of the month after `month` would be odd but is
 * allowed; it must not be before the month itself begins.
 */
export function meetingDateOption(value: OptionValue, latestMonth: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError('asOfFormat', { option: '--meeting-date', value: String(value) });
  const date = asOfOption(value);
  if (latestMonth !== undefined && date < `${latestMonth}-01`) throw new UsageError('meetingDateBefore', { value: date, month: latestMonth });
  return date;
}
