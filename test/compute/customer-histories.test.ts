import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/calendar/official-calendar.js';
import { WorkingCalendar } from '../../src/calendar/working-calendar.js';
import { customerHistories } from '../../src/compute/customer-histories.js';
import { scoreSatisfaction } from '../../src/compute/score-satisfaction.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { IngestResult } from '../../src/ingest/ingest-result.js';
import { ATTENTION_REASONS } from '../../src/model/customer-histories.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { runCheck } from '../../src/pipeline/check.js';
import { improvementOpportunities } from '../../src/reports/improvement-opportunities.js';
import { runRules } from '../../src/validate/run-rules.js';
import { testConfig } from '../helpers/fixtures.js';
import { makeComplaint, makeOrder, makeSurvey } from '../helpers/records.js';

const AS_OF = '2025-12-31';
const calendar = new WorkingCalendar(officialCalendar());

function historiesOf(records: Partial<Pick<IngestResult, 'orders' | 'complaints' | 'surveys'>>) {
  const config = testConfig();
  const ingest: IngestResult = { orders: [], complaints: [], surveys: [], files: [], sheets: [], errors: [], problems: [], skippedFiles: [], ...records };
  const satisfaction = scoreSatisfaction(ingest.surveys, config, AS_OF);
  return customerHistories(runRules(ingest, satisfaction, { config, asOf: AS_OF, calendar }), config, AS_OF);
}

describe('customer histories on the bundled sample', () => {
  const input = path.join(PACKAGE_ROOT, 'input');
  const result = runCheck({ input, config: loadConfig(path.join(input, 'qmsdoc.config.json')).config, asOf: AS_OF, lang: 'zh' });
  const h = result.summary.customers;
  const of = (name: string) => h.list.find((c) => c.customer === name)!;
  // Counted here from the records themselves, not from the histories.
  const complaintsOf = (name: string) => result.rules.complaints.filter((s) => s.complaint.customer === name && s.complaint.receivedAt.date.startsWith('2025'));
  const responseOf = (name: string, period: string) =>
    result.rules.satisfaction.periods.find((p) => p.period === period)!.responses.find((r) => r.response.customer === name)!;

  it('joins 杭州启明液压件有限公司: its 10 complaints of 2025 and the 2025H2 survey sent but not returned', () => {
    const c = of('杭州启明液压件有限公司');
    expect(complaintsOf(c.customer)).toHaveLength(10);
    expect(c.complaints.total).toBe(10);
    expect(c.complaints.major).toBe(complaintsOf(c.customer).filter((s) => s.complaint.severity === 'major').length);
    expect(c.complaints.repeatNos).toEqual(
      complaintsOf(c.customer)
        .filter((s) => result.rules.repeats.has(s.complaint.complaintNo))
        .map((s) => s.complaint.complaintNo),
    );
    const sent = responseOf(c.customer, '2025H2');
    expect([sent.returned, sent.response.sentDate]).toEqual([false, '2025-12-09']);
    expect(c.currentSurvey).toBe('not_returned');
    expect(c.points.noAnswer).toBe(h.weights.noAnswer);
    expect(c.surveys.map((s) => [s.period, s.returned])).toEqual([
      ['2024H2', true],
      ['2025H1', true],
      ['2025H2', false],
    ]);
  });

  it('joins 常州新宇自动化科技有限公司: 10 complaints and delivery down from 79 to 65, a fall past the threshold', () => {
    const c = of('常州新宇自动化科技有限公司');
    expect(complaintsOf(c.customer)).toHaveLength(10);
    expect(c.complaints.total).toBe(10);
    expect([responseOf(c.customer, '2025H1').response.scores.delivery, responseOf(c.customer, '2025H2').response.scores.delivery]).toEqual([79, 65]);
    expect(c.trend).toMatchObject({ from: '2025H1', to: '2025H2' });
    expect(c.trend!.changes.find((x) => x.item === 'delivery')).toEqual({ item: 'delivery', from: 79, to: 65, delta: -14 });
    expect(c.falling).toEqual(['delivery']);
    expect(c.unsatisfied).toEqual(['price', 'delivery']);
    expect(c.complaints.open).toBe(complaintsOf(c.customer).filter((s) => s.closedAt === null).length);
  });

  it('counts review gaps as the major and minor findings of the order rules on the customer’s orders', () => {
    for (const c of h.list) {
      const orders = new Set(result.rules.orders.filter((o) => o.customer === c.customer && o.orderDate.startsWith('2025')).map((o) => o.orderNo));
      const gaps = result.rules.findings.filter((f) => f.dataset === 'orders' && orders.has(f.record) && (f.severity === 'major' || f.severity === 'minor'));
      expect([c.customer, c.orders.total, c.orders.reviewGaps]).toEqual([c.customer, orders.size, gaps.length]);
    }
  });

  it('scores each customer by the stated weights and sorts by the score, then complaints, then name', () => {
    for (const c of h.list) {
      const counts = {
        complaint: c.complaints.total,
        open: c.complaints.open,
        major: c.complaints.major,
        repeat: c.complaints.repeats,
        return: c.complaints.returns,
        reviewGap: c.orders.reviewGaps,
        noAnswer: c.currentSurvey === 'not_returned' || c.currentSurvey === 'not_surveyed' ? 1 : 0,
        falling: c.falling.length,
        unsatisfied: c.unsatisfied.length,
      };
      expect(c.attention, c.customer).toBe(ATTENTION_REASONS.reduce((n, r) => n + counts[r] * h.weights[r], 0));
    }
    const keys = h.list.map((c) => [-c.attention, -c.complaints.total, c.customer] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
    expect(keys).toEqual(sorted);
    expect(h.list.map((c) => c.customer).slice(0, 2)).toEqual(['杭州启明液压件有限公司', '常州新宇自动化科技有限公司']);
  });

  it('ranks the management review’s improvement opportunities by the records they concern, naming the customers with falling scores', () => {
    const ranked = improvementOpportunities(result.summary);
    expect(ranked.map((o) => o.affected)).toEqual([...ranked.map((o) => o.affected)].sort((a, b) => b - a));
    const falling = ranked.find((o) => o.kind === 'falling');
    expect(falling?.kind === 'falling' && falling.customers.find((x) => x.customer === '常州新宇自动化科技有限公司')).toEqual({
      customer: '常州新宇自动化科技有限公司',
      item: 'delivery',
      from: 79,
      to: 65,
      period: '2025H1 → 2025H2',
    });
    expect(falling!.affected).toBe(h.list.filter((c) => c.falling.length > 0).length);
    const repeats = ranked.find((o) => o.kind === 'repeats');
    expect(repeats?.affected).toBe(result.summary.review.complaints.repeats);
  });
});

describe('customer histories from hand-made records', () => {
  it('marks a customer with orders but no survey this round as not surveyed, and one without orders or complaints as neither', () => {
    const h = historiesOf({
      orders: [makeOrder({ orderNo: 'SO-1', customer: '甲公司', orderDate: '2025-05-06' })],
      surveys: [
        makeSurvey({ customer: '乙公司', period: '2025H2' }),
        makeSurvey({ customer: '丙公司', period: '2025H1', sentDate: '2025-06-01', returnedDate: '2025-06-09' }),
      ],
    });
    const state = Object.fromEntries(h.list.map((c) => [c.customer, c.currentSurvey]));
    expect(state).toEqual({ 甲公司: 'not_surveyed', 乙公司: 'returned', 丙公司: null });
    expect(h.list.find((c) => c.customer === '甲公司')!.points.noAnswer).toBe(h.weights.noAnswer);
  });

  it('counts only the year’s orders and complaints, and a fall of exactly the threshold is not a fall', () => {
    const h = historiesOf({
      complaints: [
        makeComplaint({ complaintNo: 'KS-1', customer: '甲公司', receivedAt: { date: '2024-12-20', time: null } }),
        makeComplaint({ complaintNo: 'KS-2', customer: '甲公司', receivedAt: { date: '2025-02-03', time: null } }),
      ],
      surveys: [
        makeSurvey({
          customer: '甲公司',
          period: '2025H1',
          sentDate: '2025-06-01',
          returnedDate: '2025-06-05',
          scores: { quality: 90, service: 90, price: 90, delivery: 80 },
        }),
        makeSurvey({ customer: '甲公司', period: '2025H2', scores: { quality: 79, service: 90, price: 90, delivery: 70 } }),
      ],
    });
    const c = h.list[0]!;
    expect(c.complaints.total).toBe(1);
    expect(c.trend!.changes.map((x) => [x.item, x.delta])).toEqual([
      ['overall', -5.25],
      ['quality', -11],
      ['service', 0],
      ['price', 0],
      ['delivery', -10],
    ]);
    expect(c.falling).toEqual(['quality']);
    expect(c.unsatisfied).toEqual(['delivery']);
  });
});
