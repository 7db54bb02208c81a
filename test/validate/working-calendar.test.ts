import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/calendar/official-calendar.js';
import { WorkingCalendar } from '../../src/calendar/working-calendar.js';

const calendar = new WorkingCalendar(officialCalendar());

describe("working days on China's official calendar", () => {
  it('skips the Spring Festival 2025 holidays and counts the adjusted working Sunday 26 Jan and Saturday 8 Feb', () => {
    // Jan 26 (Sun, worked) 27 · holiday Jan 28 – Feb 4 · Feb 5 6 7 8 (Sat, worked) · Feb 10
    expect(calendar.workingDaysBetween('2025-01-24', '2025-02-10')).toBe(7);
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-08')).toBe(true);
    expect(calendar.isWorkingDay('2025-01-28')).toBe(false);
    expect(calendar.isWorkingDay('2025-02-04')).toBe(false);
    expect(calendar.isWorkingDay('2025-02-09')).toBe(false);
  });

  it('skips National Day 2025 and counts the adjusted working Sunday 28 Sep and Saturday 11 Oct', () => {
    // Sep 28 (Sun, worked) 29 30 · holiday Oct 1 – 8 · Oct 9 10 11 (Sat, worked) · Oct 13
    expect(calendar.workingDaysBetween('2025-09-26', '2025-10-13')).toBe(7);
    expect(calendar.isWorkingDay('2025-10-08')).toBe(false);
    expect(calendar.isWorkingDay('2025-10-11')).toBe(true);
  });

  it('counts days after the start up to and including the end; the same day is 0', () => {
    expect(calendar.workingDaysBetween('2025-03-03', '2025-03-03')).toBe(0);
    expect(calendar.workingDaysBetween('2025-03-03', '2025-03-04')).toBe(1);
    expect(calendar.workingDaysBetween('2025-03-07', '2025-03-10')).toBe(1);
    expect(calendar.workingDaysBetween('2025-03-10', '2025-03-07')).toBe(-1);
  });

  it('adds company closures and extra working days from the configuration', () => {
    const company = new WorkingCalendar(officialCalendar(), [{ from: '2025-08-04', to: '2025-08-06', name: '检修' }], ['2025-08-09']);
    // Aug 1 (Fri) → Aug 8 (Fri): Aug 4 5 6 closed, 7 8 worked
    expect(company.workingDaysBetween('2025-08-01', '2025-08-08')).toBe(2);
    expect(calendar.workingDaysBetween('2025-08-01', '2025-08-08')).toBe(5);
    expect(company.isWorkingDay('2025-08-09')).toBe(true);
  });

  it('names the years the official data does not cover instead of pretending they are ordinary', () => {
    const fresh = new WorkingCalendar(officialCalendar());
    fresh.workingDaysBetween('2025-12-01', '2025-12-31');
    expect(fresh.uncoveredYears()).toEqual([]);
    // 2030-09-30 is a Monday; weekends are all that is known there.
    expect(fresh.workingDaysBetween('2030-09-27', '2030-10-07')).toBe(6);
    expect(fresh.uncoveredYears()).toEqual([2030]);
  });

  it('agrees with a day-by-day count over a long span', () => {
    let byDay = 0;
    for (let d = new Date(Date.UTC(2015, 0, 2)); d <= new Date(Date.UTC(2025, 0, 1)); d = new Date(d.getTime() + 86400000)) {
      if (calendar.isWorkingDay(d.toISOString().slice(0, 10))) byDay++;
    }
    expect(calendar.workingDaysBetween('2015-01-01', '2025-01-01')).toBe(byDay);
  });
});
