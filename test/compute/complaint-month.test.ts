import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/calendar/official-calendar.js';
import { WorkingCalendar } from '../../src/calendar/working-calendar.js';
import { complaintMonth, packMonths } from '../../src/compute/complaint-month.js';
import { scoreSatisfaction } from '../../src/compute/score-satisfaction.js';
import type { IngestResult } from '../../src/ingest/ingest-result.js';
import type { Complaint } from '../../src/model/records.js';
import { runRules } from '../../src/validate/run-rules.js';
import { testConfig } from '../helpers/fixtures.js';
import { makeComplaint } from '../helpers/records.js';

const calendar = new WorkingCalendar(officialCalendar());
const config = testConfig();

function rulesOf(complaints: Complaint[], asOf: string) {
  const ingest: IngestResult = { orders: [], complaints, surveys: [], actions: [], files: [], sheets: [], errors: [], problems: [], skippedFiles: [] };
  return runRules(ingest, scoreSatisfaction([], config, asOf), { config, asOf, calendar });
}

let serial = 0;
const complaint = (date: string, overrides: Partial<Complaint> = {}) =>
  makeComplaint({
    complaintNo: `KS-${String(++serial).padStart(3, '0')}`,
    customer: `客户${serial}`,
    product: `产品${serial}`,
    receivedAt: { date, time: '09:00:00' },
    ...overrides,
  });

describe('the monthly complaint pack figures', () => {
  it('sorts the Pareto by count, ties in the category list order, with the cumulative share and the vital few up to 80 %', () => {
    const march = [
      ...Array.from({ length: 4 }, () => complaint('2025-03-03', { category: 'delivery' })),
      ...Array.from({ length: 3 }, () => complaint('2025-03-04', { category: 'quality' })),
      complaint('2025-03-05', { category: 'service' }),
      complaint('2025-03-05', { category: 'packaging' }),
      complaint('2025-03-06', { category: 'quantity' }),
    ];
    const m = complaintMonth(rulesOf([...march, complaint('2025-02-10')], '2025-03-31'), '2025-03', config, '2025-03-31', { calendar });
    expect(m.count).toBe(10);
    expect(m.pareto.map((r) => [r.category, r.count, r.cumulative])).toEqual([
      ['delivery', 4, 0.4],
      ['quality', 3, 0.7],
      // One each: in the order of the category list (quality, delivery, service, quantity, …, packaging).
      ...(['service', 'quantity', 'packaging'] as const).map((c, i) => [c, 1, (8 + i) / 10]),
    ]);
    // 10 complaints are fewer than reports.paretoMinCount (20): no vital few is named; the ties are said.
    expect(m.vitalFew).toEqual([]);
    expect(m.tied).toBe(true);
    const small = testConfig({ reports: { paretoMinCount: 10 } });
    expect(complaintMonth(rulesOf([...march], '2025-03-31'), '2025-03', small, '2025-03-31', { calendar }).vitalFew).toEqual([
      'delivery',
      'quality',
      'service',
    ]);
    expect(m.pareto.at(-1)!.cumulative).toBe(1);
  });

  it('compares the month with the months before it, from the first month of the data', () => {
    const rules = rulesOf(
      [complaint('2025-01-10'), complaint('2025-01-20'), complaint('2025-03-02'), complaint('2025-03-03'), complaint('2025-03-04')],
      '2025-03-31',
    );
    const m = complaintMonth(rules, '2025-03', config, '2025-03-31', { calendar });
    expect(m.history).toEqual([
      { month: '2025-01', count: 2 },
      { month: '2025-02', count: 0 },
      { month: '2025-03', count: 3 },
    ]);
    expect(m.previousCount).toBe(0);
    expect(m.previousAverage).toBe(1);
  });

  it('keeps at most the 12 months before the month in the history', () => {
    const rules = rulesOf([complaint('2023-06-01'), complaint('2025-03-02')], '2025-03-31');
    const m = complaintMonth(rules, '2025-03', config, '2025-03-31', { calendar });
    expect(m.history).toHaveLength(13);
    expect(m.history[0]!.month).toBe('2024-03');
  });

  it('lists complaints of the month and earlier still open at the as-of date, and the month’s major ones', () => {
    const old = complaint('2025-01-06', { closedAt: null });
    const closed = complaint('2025-03-03');
    const major = complaint('2025-03-04', { severity: 'major', escalated: false });
    const later = complaint('2025-04-01', { closedAt: null });
    const m = complaintMonth(rulesOf([old, closed, major, later], '2025-04-30'), '2025-03', config, '2025-04-30', { calendar });
    expect(m.openRows.rows.map((r) => r.complaintNo)).toEqual([old.complaintNo]);
    expect(m.major.rows.map((r) => r.complaintNo)).toEqual([major.complaintNo]);
    expect(m.major.notEscalated).toBe(1);
  });

  it('holds the rows its tables print, at most reports.maxTableRows, with how many there are', () => {
    const march = Array.from({ length: 12 }, (_, i) => complaint(`2025-03-${String(3 + i).padStart(2, '0')}`, { severity: 'major', escalated: i < 5 }));
    const m = complaintMonth(rulesOf(march, '2025-03-31'), '2025-03', testConfig({ reports: { maxTableRows: 10 } }), '2025-03-31', { calendar });
    expect(m.complaints.total).toBe(12);
    expect(m.complaints.rows.map((r) => r.complaintNo)).toEqual(march.slice(0, 10).map((c) => c.complaintNo));
    // The counts are of every complaint, not of the rows kept.
    expect([m.major.total, m.major.rows.length, m.major.notEscalated]).toEqual([12, 10, 7]);
  });

  it('keeps nothing of an earlier complaint that it does not print, so an edit of that complaint leaves the pack as it was', () => {
    const january = complaint('2025-01-06', { closedAt: null, customer: '苏州华东', category: 'quality', description: '一月的描述' });
    const march = complaint('2025-03-03', { customer: '苏州华东', category: 'quality' });
    const pack = (description: string) =>
      complaintMonth(rulesOf([{ ...january, description }, march], '2025-03-31'), '2025-03', config, '2025-03-31', { calendar });
    const m = pack('一月的描述');
    // January's complaint is still open in March and March's repeats it: the pack lists its number, not its description.
    expect(m.openRows.rows.map((r) => r.complaintNo)).toContain(january.complaintNo);
    expect(m.repeats.rows.map((r) => [r.complaintNo, r.earlierNo])).toEqual([[march.complaintNo, january.complaintNo]]);
    expect(JSON.stringify(m)).not.toContain('一月的描述');
    expect(pack('改过的描述')).toEqual(m);
  });

  it('writes packs for every month from the first complaint to the last up to the as-of date, or the latest N', () => {
    const rules = rulesOf([complaint('2024-11-05'), complaint('2025-02-03'), complaint('2025-05-02')], '2025-03-31');
    expect(packMonths(rules, 0, '2025-03-31')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(packMonths(rules, 2, '2025-03-31')).toEqual(['2025-01', '2025-02']);
    expect(packMonths(rulesOf([], '2025-03-31'), 12, '2025-03-31')).toEqual([]);
  });
});
