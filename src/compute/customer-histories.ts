import type { Config } from '../config/config.js';
import { complaintCategories } from '../config/categories.js';
import {
  ATTENTION_REASONS,
  type AttentionReason,
  type CustomerHistory,
  type CustomersSummary,
  type CustomerSurvey,
  type ScoreChange,
} from '../model/customer-histories.js';
import type { ScoredResponse } from '../model/satisfaction.js';
import type { RuleResults } from '../validate/run-rules.js';
import { FALL_THRESHOLD } from './satisfaction-report.js';

/**
 * The attention score's points, one line each in the method note: a QA manager can recompute a
 * customer's score by hand from the figures printed beside it. Complaints weigh by what they
 * still ask of us (open, major, repeated); the survey by what it says (no answer, a falling or
 * unsatisfied item).
 */
export const ATTENTION_WEIGHTS: Readonly<Record<AttentionReason, number>> = {
  complaint: 1,
  open: 2,
  major: 3,
  repeat: 2,
  return: 1,
  reviewGap: 1,
  noAnswer: 3,
  falling: 3,
  unsatisfied: 1,
};

interface Tally {
  orders: number;
  nonStandard: number;
  reviewGaps: number;
  reviewGapsByRule: Record<string, number>;
  complaints: number;
  byCategory: Record<string, number>;
  open: string[];
  major: number;
  repeats: string[];
  returns: number;
  /** period → the customer's response in it (a returned one wins). */
  surveys: Map<string, ScoredResponse>;
  activeInYear: boolean;
}

function emptyTally(): Tally {
  return {
    orders: 0,
    nonStandard: 0,
    reviewGaps: 0,
    reviewGapsByRule: {},
    complaints: 0,
    byCategory: {},
    open: [],
    major: 0,
    repeats: [],
    returns: 0,
    surveys: new Map(),
    activeInYear: false,
  };
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Per customer with orders or complaints received in the as-of year, or sent the reported survey
 * round or the one before it: the year's orders with their review gaps, the
 * year's complaints by category with the open, major, repeated and returned ones, the survey
 * answers by period with the change between the two latest returned ones, and the attention
 * score — the sum of ATTENTION_WEIGHTS over what the customer's records show. Pure.
 */
export function customerHistories(rules: RuleResults, config: Config, asOf: string): CustomersSummary {
  const year = asOf.slice(0, 4);
  const from = `${year}-01-01`;
  const inYear = (date: string) => date >= from && date <= asOf;
  const tallies = new Map<string, Tally>();
  const tally = (customer: string): Tally => {
    const known = tallies.get(customer);
    if (known) return known;
    const t = emptyTally();
    tallies.set(customer, t);
    return t;
  };

  const orderCustomer = new Map<string, Tally>();
  for (const o of rules.orders) {
    if (!inYear(o.orderDate)) continue;
    const t = tally(o.customer);
    t.activeInYear = true;
    t.orders++;
    if (o.productType === 'non_standard') t.nonStandard++;
    orderCustomer.set(o.orderNo, t);
  }
  // A review gap is what the audit report lists against the order: its major and minor findings (observations are notes).
  for (const f of rules.findings) {
    if (f.dataset !== 'orders' || (f.severity !== 'major' && f.severity !== 'minor')) continue;
    const t = orderCustomer.get(f.record);
    if (!t) continue;
    t.reviewGaps++;
    t.reviewGapsByRule[f.rule] = (t.reviewGapsByRule[f.rule] ?? 0) + 1;
  }

  for (const s of rules.complaints) {
    const c = s.complaint;
    if (!inYear(c.receivedAt.date)) continue;
    const t = tally(c.customer);
    t.activeInYear = true;
    t.complaints++;
    t.byCategory[c.category] = (t.byCategory[c.category] ?? 0) + 1;
    if (s.closedAt === null) t.open.push(c.complaintNo);
    if (c.severity === 'major') t.major++;
    if (rules.repeats.has(c.complaintNo)) t.repeats.push(c.complaintNo);
    if (c.returned === true) t.returns++;
  }

  // The periods up to the reported one, as the satisfaction report's trend shows them. A customer
  // without orders or complaints this year is listed when sent the reported round or the one
  // before it: a ledger of years would otherwise list every customer ever surveyed.
  const { periods, current } = rules.satisfaction;
  const shown = current === null ? periods : periods.slice(0, periods.indexOf(current) + 1);
  const recent = new Set(shown.slice(-2).map((p) => p.period));
  const periodIndex = new Map(shown.map((p, i) => [p.period, i]));
  for (const p of shown) {
    for (const r of p.responses) {
      const t = recent.has(p.period) ? tally(r.response.customer) : tallies.get(r.response.customer);
      if (!t) continue;
      const kept = t.surveys.get(p.period);
      if (!kept || (!kept.returned && r.returned)) t.surveys.set(p.period, r);
    }
  }

  const dims = config.satisfaction.dimensions.map((d) => d.id);
  const categoryOrder = complaintCategories(config).map((c) => c.id);
  const below = config.satisfaction.unsatisfiedBelow;
  const list: CustomerHistory[] = [];
  for (const [customer, t] of tallies) {
    // Oldest first; only the periods the customer was sent (a long ledger has many).
    const surveys: CustomerSurvey[] = [...t.surveys]
      .sort((a, b) => periodIndex.get(a[0])! - periodIndex.get(b[0])!)
      .map(([period, r]) => ({
        period,
        returned: r.returned,
        overall: r.returned ? r.overall : null,
        scores: Object.fromEntries(dims.map((d) => [d, r.returned ? (r.response.scores[d] ?? null) : null])),
      }));
    const answered = surveys.filter((s) => s.returned && (s.overall !== null || dims.some((d) => s.scores[d] !== null)));
    const latest = answered[answered.length - 1];
    const before = answered[answered.length - 2];
    const trend = latest && before ? { from: before.period, to: latest.period, changes: changesBetween(before, latest, dims) } : null;
    const falling = (trend?.changes ?? []).filter((c) => c.item !== 'overall' && c.delta < -FALL_THRESHOLD).map((c) => c.item);
    const unsatisfied = latest ? dims.filter((d) => latest.scores[d] !== null && latest.scores[d]! < below) : [];
    const inCurrent = current === null ? undefined : t.surveys.get(current.period);
    const currentSurvey = current === null ? null : inCurrent ? (inCurrent.returned ? 'returned' : 'not_returned') : t.activeInYear ? 'not_surveyed' : null;
    const counts: Record<AttentionReason, number> = {
      complaint: t.complaints,
      open: t.open.length,
      major: t.major,
      repeat: t.repeats.length,
      return: t.returns,
      reviewGap: t.reviewGaps,
      noAnswer: currentSurvey === 'not_returned' || currentSurvey === 'not_surveyed' ? 1 : 0,
      falling: falling.length,
      unsatisfied: unsatisfied.length,
    };
    const points = Object.fromEntries(ATTENTION_REASONS.map((r) => [r, counts[r] * ATTENTION_WEIGHTS[r]])) as Record<AttentionReason, number>;
    list.push({
      customer,
      attention: ATTENTION_REASONS.reduce((n, r) => n + points[r], 0),
      points,
      orders: { total: t.orders, nonStandard: t.nonStandard, reviewGaps: t.reviewGaps, reviewGapsByRule: sortedKeys(t.reviewGapsByRule) },
      complaints: {
        total: t.complaints,
        byCategory: Object.fromEntries(categoryOrder.flatMap((id) => (t.byCategory[id] ? [[id, t.byCategory[id]]] : []))),
        open: t.open.length,
        major: t.major,
        repeats: t.repeats.length,
        returns: t.returns,
        openNos: t.open,
        repeatNos: t.repeats,
      },
      surveys,
      trend,
      falling,
      unsatisfied,
      currentSurvey,
    });
  }
  list.sort((a, b) => b.attention - a.attention || b.complaints.total - a.complaints.total || byName(a.customer, b.customer));
  return {
    year,
    from,
    to: asOf,
    period: current?.period ?? null,
    periods: shown.map((p) => p.period),
    weights: ATTENTION_WEIGHTS,
    fallThreshold: FALL_THRESHOLD,
    unsatisfiedBelow: below,
    list,
  };
}

/** The overall score's change and each dimension's, where both surveys give it. */
function changesBetween(before: CustomerSurvey, latest: CustomerSurvey, dims: readonly string[]): ScoreChange[] {
  const pairs: [string, number | null, number | null][] = [
    ['overall', before.overall, latest.overall],
    ...dims.map((d): [string, number | null, number | null] => [d, before.scores[d] ?? null, latest.scores[d] ?? null]),
  ];
  return pairs.flatMap(([item, a, b]) => (a === null || b === null ? [] : [{ item, from: a, to: b, delta: b - a }]));
}

function sortedKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort((a, b) => a[0].localeCompare(b[0], 'en', { numeric: true })));
}
