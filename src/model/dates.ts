/** A calendar date "YYYY-MM-DD", no time zone: dates in the users' sheets are local wall-clock dates. */
export type IsoDate = string;

/** A date with an optional time of day; time is "HH:mm:ss" or null when the cell had no time (or exactly 00:00:00). */
export interface DateTime {
  readonly date: IsoDate;
  readonly time: string | null;
}
