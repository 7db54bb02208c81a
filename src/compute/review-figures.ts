import type { Config } from '../config/config.js';
import { complaintCategories } from '../config/categories.js';
import type { Lang } from '../model/lang.js';
import { METRIC_KIND, type ObjectiveMetric } from '../model/objectives.js';
import type { ReviewSummary, SatisfactionSummary } from '../model/summary.js';
import { MILESTONES, type Milestone } from '../validate/check-complaints.js';
import { satisfactionCapaRequests } from '../validate/capa-requests.js';
import { reviewIncompleteOrders } from '../validate/review-completeness.js';
import type { RuleResults } from '../validate/run-rules.js';

/** Every month from `from` to `to` (YYYY-MM), both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (let guard = 0; guard < 12 * 300; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > end) break;
    months.push(month);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return months;
}

/**
 * The management review's figures (ISO 9001 9.3.2 inputs this data covers) for the review year:
 * the calendar year of the as-of date, from 1 January to the as-of date. Orders count by order
 * date, complaints by receipt; their state is the state on the as-of date, as everywhere else.
 */
export function reviewFigures(rules: RuleResults, config: Config, asOf: string, satisfaction: SatisfactionSummary, lang: Lang): ReviewSummary {
  const year = asOf.slice(0, 4);
  const from = `${year}-01-01`;
  const inYear = (date: string) => date >= from && date <= asOf;
  const months = monthsBetween(from, asOf);

  const incomplete = reviewIncompleteOrders(rules.findings);
  const ordersByMonth: Record<string, { total: number; reviewComplete: number }> = Object.fromEntries(months.map((m) => [m, { total: 0, reviewComplete: 0 }]));
  let orders = 0;
  let complete = 0;
  for (const o of rules.orders) {
    if (!inYear(o.orderDate)) continue;
    const month = ordersByMonth[o.orderDate.slice(0, 7)]!;
    orders++;
    month.total++;
    if (!incomplete.has(o.orderNo)) {
      complete++;
      month.reviewComplete++;
    }
  }

  const byMonth: Record<string, number> = Object.fromEntries(months.map((m) => [m, 0]));
  const byCategory: Record<string, number> = Object.fromEntries(complaintCategories(config).map((c) => [c.id, 0]));
  const onTime = Object.fromEntries(MILESTONES.map((m) => [m, { onTime: 0, late: 0 }])) as Record<Milestone, { onTime: number; late: number }>;
  const c = { total: 0, open: 0, overdue: 0, major: 0, majorEscalated: 0, returned: 0, returnQuantity: 0, repeats: 0 };
  const capas = new Map<string, boolean>();
  // "Should have a CAPA and has none" is rule C8's finding, counted once here and in the audit report.
  const withoutCapa = new Set(rules.findings.filter((f) => f.rule === 'C8').map((f) => f.record));
  let required = 0;
  let missing = 0;
  for (const s of rules.complaints) {
    const complaint = s.complaint;
    if (!inYear(complaint.receivedAt.date)) continue;
    c.total++;
    byMonth[complaint.receivedAt.date.slice(0, 7)]!++;
    byCategory[complaint.category] = (byCategory[complaint.category] ?? 0) + 1;
    if (s.closedAt === null) c.open++;
    if (s.overdue) c.overdue++;
    if (complaint.severity === 'major') {
      c.major++;
      if (complaint.escalated === true) c.majorEscalated++;
    }
    if (complaint.returned === true) {
      c.returned++;
      c.returnQuantity += complaint.returnQty ?? 0;
    }
    if (rules.repeats.has(complaint.complaintNo)) c.repeats++;
    for (const m of MILESTONES) {
      const outcome = s.milestones[m];
      if (outcome) onTime[m][outcome.onTime ? 'onTime' : 'late']++;
    }
    if (complaint.responsibility === 'ours') required++;
    if (withoutCapa.has(complaint.complaintNo)) missing++;
    if (complaint.capaNo !== null) {
      const done = s.closedAt !== null && complaint.verifiedBy !== null;
      capas.set(complaint.capaNo, (capas.get(complaint.capaNo) ?? true) && done);
    }
  }
  const verified = [...capas.values()].filter(Boolean).length;
  const satisfactionRequests = satisfactionCapaRequests(rules.findings, satisfaction.period).length;
  const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

  const actuals: Record<ObjectiveMetric, number | null> = {
    satisfaction_mean: satisfaction.mean,
    survey_response_rate: satisfaction.responseRate,
    review_completeness: rate(complete, orders),
    complaints_closed_on_time: rate(onTime.close.onTime, onTime.close.onTime + onTime.close.late),
    first_reply_on_time: rate(onTime.firstReply.onTime, onTime.firstReply.onTime + onTime.firstReply.late),
    major_complaints_escalated: rate(c.majorEscalated, c.major),
    capa_verified: rate(verified, capas.size),
    complaints_per_month: rate(c.total, months.length),
  };
  return {
    year,
    from,
    to: asOf,
    orders: { total: orders, reviewComplete: complete, reviewIncomplete: orders - complete, completenessRate: rate(complete, orders), byMonth: ordersByMonth },
    complaints: { ...c, closed: c.total - c.open, byMonth, byCategory, onTime },
    capa: { required, raised: capas.size, verified, open: capas.size - verified, missing, satisfactionRequests },
    objectives: config.objectives.map((o) => {
      const actual = actuals[o.metric];
      const { direction } = METRIC_KIND[o.metric];
      // Judged on the exact figure, as rules S1 and S2 judge the same numbers.
      return {
        metric: o.metric,
        label: o.label[lang],
        target: o.target,
        source: o.source[lang],
        direction,
        actual,
        met: actual === null ? null : direction === 'atLeast' ? actual >= o.target : actual <= o.target,
      };
    }),
  };
}
