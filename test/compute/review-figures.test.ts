import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/calendar/official-calendar.js';
import { WorkingCalendar } from '../../src/calendar/working-calendar.js';
import { reviewFigures, monthsBetween } from '../../src/compute/review-figures.js';
import { buildSummary } from '../../src/compute/build-summary.js';
import { scoreSatisfaction } from '../../src/compute/score-satisfaction.js';
import type { IngestResult } from '../../src/ingest/ingest-result.js';
import { complaintStatus } from '../../src/validate/check-complaints.js';
import { runRules } from '../../src/validate/run-rules.js';
import { testConfig } from '../helpers/fixtures.js';
import { makeComplaint, makeOrder } from '../helpers/records.js';

const calendar = new WorkingCalendar(officialCalendar());
const AS_OF = '2025-12-31';

function summaryOf(records: Partial<Pick<IngestResult, 'orders' | 'complaints'>>, spec?: unknown) {
  const config = testConfig(spec);
  const ingest: IngestResult = { orders: [], complaints: [], surveys: [], files: [], sheets: [], errors: [], problems: [], skippedFiles: [], ...records };
  const satisfaction = scoreSatisfaction([], config, AS_OF);
  const rules = runRules(ingest, satisfaction, { config, asOf: AS_OF, calendar });
  return buildSummary(ingest, rules, config, AS_OF, 'zh');
}

describe('handling stages against their limits', () => {
  const config = testConfig();
  it('measures each stage in working days, the first reply in hours', () => {
    const s = complaintStatus(
      makeComplaint({ assignedAt: '2025-03-05', causeFoundAt: '2025-03-06', firstReplyAt: { date: '2025-03-07', time: '10:00:00' } }),
      config,
      calendar,
      AS_OF,
    );
    expect(s.milestones).toEqual({
      assign: { onTime: false, days: 2 },
      cause: { onTime: true, days: 3 },
      notify: { onTime: true, days: 1 },
      close: { onTime: true, days: 7 },
      firstReply: { onTime: false, days: null },
    });
  });

  it('leaves unrecorded stages and open complaints inside their limit unmeasured; an open one past it is late', () => {
    const open = makeComplaint({ assignedAt: null, closedAt: null, firstReplyAt: null, receivedAt: { date: '2025-12-30', time: '09:00:00' } });
    expect(complaintStatus(open, config, calendar, AS_OF).milestones).toMatchObject({ assign: null, close: null, firstReply: null });
    const old = makeComplaint({ closedAt: null, receivedAt: { date: '2025-11-03', time: '09:00:00' } });
    expect(complaintStatus(old, config, calendar, AS_OF).milestones.close).toEqual({ onTime: false, days: 42 });
  });
});

describe('the management review figures', () => {
  it('count the review year only, month by month, and judge each objective', () => {
    const summary = summaryOf({
      orders: [
        makeOrder({ orderNo: 'A', orderDate: '2024-12-30' }),
        makeOrder({ orderNo: 'B', orderDate: '2025-01-05' }),
        makeOrder({ orderNo: 'C', orderDate: '2025-03-05', productType: 'non_standard', reviewDate: null }),
      ],
      complaints: [
        makeComplaint({ complaintNo: 'K1' }),
        makeComplaint({
          complaintNo: 'K2',
          receivedAt: { date: '2025-03-20', time: '09:00:00' },
          severity: 'major',
          escalated: false,
          capaNo: 'CAPA-1',
          verifiedBy: null,
        }),
        makeComplaint({ complaintNo: 'K3', receivedAt: { date: '2024-12-01', time: '09:00:00' } }),
        makeComplaint({
          complaintNo: 'K4',
          receivedAt: { date: '2025-07-01', time: '09:00:00' },
          responsibility: 'ours',
          capaNo: null,
          correctiveAction: null,
          returned: true,
          returnQty: 40,
        }),
      ],
    });
    const r = summary.review;
    expect([r.year, r.from, r.to]).toEqual(['2025', '2025-01-01', '2025-12-31']);
    expect(r.orders).toMatchObject({ total: 2, reviewComplete: 1, completenessRate: 0.5 });
    expect(r.orders.byMonth['2025-01']).toEqual({ total: 1, reviewComplete: 1 });
    expect(r.orders.byMonth['2025-03']).toEqual({ total: 1, reviewComplete: 0 });
    expect(Object.keys(r.orders.byMonth)).toHaveLength(12);
    expect(r.complaints).toMatchObject({ total: 3, major: 1, majorEscalated: 0, returned: 1, returnQuantity: 40, repeats: 1 });
    // K2 repeats K1 (17 days); K1 comes 92 days after K3 and K4 103 days after K2: no repeats.
    expect(r.complaints.byMonth).toMatchObject({ '2025-03': 2, '2025-07': 1, '2025-01': 0 });
    // CAPA-1 is shared by K1 and K2; K2 is not verified, so CAPA-1 is still open. K4 is ours without one.
    expect(r.capa).toMatchObject({ required: 3, raised: 1, verified: 0, open: 1, missing: 1 });
    const judged = Object.fromEntries(r.objectives.map((o) => [o.metric, [o.actual, o.met]]));
    expect(judged).toMatchObject({
      review_completeness: [0.5, false],
      major_complaints_escalated: [0, false],
      capa_verified: [0, false],
      satisfaction_mean: [null, null],
      complaints_closed_on_time: [1, true],
    });
  });

  it('takes configured objectives and targets, counts as at most', () => {
    const summary = summaryOf(
      { complaints: [makeComplaint()] },
      {
        objectives: [
          { metric: 'complaints_per_month', target: 1, label: '月均投诉', source: '质量目标一览表' },
          { metric: 'first_reply_on_time', target: 0.5 },
        ],
      },
    );
    expect(summary.review.objectives).toEqual([
      { metric: 'complaints_per_month', label: '月均投诉', target: 1, source: '质量目标一览表', direction: 'atMost', actual: 1 / 12, met: true },
      { metric: 'first_reply_on_time', label: '72 小时内首次答复率', target: 0.5, source: '公司设定', direction: 'atLeast', actual: 1, met: true },
    ]);
  });

  it('lists the months of a span', () => {
    expect(monthsBetween('2024-11-15', '2025-02-01')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(reviewFigures).toBeTypeOf('function');
  });
});
