import type { Config } from '../config/config.js';
import type { IngestResult } from '../ingest/ingest-result.js';
import { findingFormatter } from '../issues/finding-messages.js';
import { complaintCategories } from '../config/categories.js';
import type { Finding, FindingLimit } from '../model/finding.js';
import type { Lang } from '../model/lang.js';
import { BANDS } from '../model/satisfaction.js';
import type { ComplaintsSummary, OrdersSummary, SatisfactionSummary, Summary, SummaryCheck, SummaryFinding, SummaryLimit } from '../model/summary.js';
import { reviewIncompleteOrders } from '../validate/review-completeness.js';
import type { RuleResults } from '../validate/run-rules.js';
import { RULES } from '../validate/rule-table.js';
import { customerHistories } from './customer-histories.js';
import { reviewFigures } from './review-figures.js';
import { summariseActions } from './summarise-actions.js';
import { summariseInputErrors, summariseInputs, summariseSkipped } from './summarise-inputs.js';
import { summaryText } from '../text/summary-text.js';

/** A run-level notice, such as calendar years the official data does not cover. */
export interface RunWarning {
  readonly code: 'calendar_not_covered';
  readonly years: readonly number[];
}

/** summary.json for a run (schemaVersion 2). Every count is recomputable from the spec's definitions. */
export function buildSummary(
  ingest: IngestResult,
  rules: RuleResults,
  config: Config,
  asOf: string,
  lang: Lang,
  warnings: readonly RunWarning[] = [],
): Summary {
  const format = findingFormatter(config, lang);
  const satisfaction = summariseSatisfaction(rules, config);
  return {
    schemaVersion: 2,
    asOf,
    lang,
    inputs: summariseInputs(ingest),
    inputErrors: summariseInputErrors(ingest, lang),
    orders: summariseOrders(rules),
    complaints: summariseComplaints(rules, config),
    satisfaction,
    actions: summariseActions(rules.actions, asOf),
    findings: summariseFindings(rules.findings, format, lang),
    skipped: summariseSkipped(ingest),
    review: reviewFigures(rules, config, asOf, satisfaction, lang),
    checks: summariseChecks(rules, config, lang),
    warnings: warnings.map((w) => ({ ...w, message: warningMessage(w, lang) })),
    customers: customerHistories(rules, config, asOf),
  };
}

function countRecords(findings: readonly Finding[], rule: string): number {
  const records = new Set<string>();
  for (const f of findings) if (f.rule === rule) records.add(f.record);
  return records.size;
}

export function summariseOrders(rules: RuleResults): OrdersSummary {
  const withFinding = reviewIncompleteOrders(rules.findings);
  let nonStandard = 0;
  let incomplete = 0;
  for (const o of rules.orders) {
    if (o.productType === 'non_standard') nonStandard++;
    if (withFinding.has(o.orderNo)) incomplete++;
  }
  const total = rules.orders.length;
  return {
    total,
    standard: total - nonStandard,
    nonStandard,
    reviewComplete: total - incomplete,
    reviewIncomplete: incomplete,
    signedBeforeReview: countRecords(rules.findings, 'O3'),
    changedNotReReviewed: countRecords(rules.findings, 'O8'),
    notLogged: countRecords(rules.findings, 'O9'),
  };
}

export function summariseComplaints(rules: RuleResults, config: Config): ComplaintsSummary {
  // The nine and the company's own categories, zeros included.
  const byCategory: Record<string, number> = Object.fromEntries(complaintCategories(config).map((c) => [c.id, 0]));
  let open = 0;
  let major = 0;
  let overdue = 0;
  const reply = { within: 0, late: 0, missing: 0 };
  for (const s of rules.complaints) {
    byCategory[s.complaint.category] = (byCategory[s.complaint.category] ?? 0) + 1;
    if (s.closedAt === null) open++;
    if (s.complaint.severity === 'major') major++;
    if (s.overdue) overdue++;
    reply[s.firstReply]++;
  }
  const total = rules.complaints.length;
  return {
    total,
    open,
    closed: total - open,
    major,
    byMonth: countByMonth(rules.complaints.map((s) => s.complaint.receivedAt.date)),
    byCategory,
    overdue,
    firstReplyWithin72h: reply.within,
    firstReplyLate: reply.late,
    firstReplyMissing: reply.missing,
    majorNotEscalated: countRecords(rules.findings, 'C3'),
  };
}

/** Counts by "YYYY-MM", every month from the first to the last present, zeros included. */
export function countByMonth(dates: readonly string[]): Record<string, number> {
  const tally = new Map<string, number>();
  for (const d of dates) {
    const month = d.slice(0, 7);
    tally.set(month, (tally.get(month) ?? 0) + 1);
  }
  if (tally.size === 0) return {};
  const months = [...tally.keys()].sort();
  const counts: Record<string, number> = {};
  let [y, m] = months[0]!.split('-').map(Number) as [number, number];
  const last = months[months.length - 1]!;
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    counts[key] = tally.get(key) ?? 0;
    if (key >= last) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return counts;
}

export function summariseSatisfaction(rules: RuleResults, config: Config): SatisfactionSummary {
  const { current, previous, periods } = rules.satisfaction;
  const bands = Object.fromEntries(BANDS.map((b) => [b, current?.bands[b] ?? 0]));
  const mean = current?.mean ?? null;
  const previousMean = previous?.mean ?? null;
  return {
    period: current?.period ?? null,
    previousPeriod: previous?.period ?? null,
    sent: current?.sent ?? 0,
    returned: current?.returned ?? 0,
    responseRate: current?.responseRate ?? null,
    mean,
    median: current?.median ?? null,
    stdev: current?.stdev ?? null,
    bands,
    dimensions: current ? { ...current.dimensions } : Object.fromEntries(config.satisfaction.dimensions.map((d) => [d.id, null])),
    previousMean,
    deltaMean: mean !== null && previousMean !== null ? mean - previousMean : null,
    periods: periods.map((p) => ({ period: p.period, sent: p.sent, returned: p.returned, mean: p.mean })),
  };
}

function summariseLimit(limit: FindingLimit | null, lang: Lang): SummaryLimit | null {
  if (limit === null) return null;
  const source = limit.source[lang];
  return limit.unit === 'date'
    ? { key: limit.key, value: limit.value, unit: 'date', source }
    : { key: limit.key, value: limit.value, unit: limit.unit, source };
}

/** Each rule's definition with what it applied to in this run, in rule order. */
function summariseChecks(rules: RuleResults, config: Config, lang: Lang): SummaryCheck[] {
  return rules.coverage.map((c) => {
    const rule = RULES[c.rule];
    return {
      rule: c.rule,
      clause: rule.clause,
      basis: rule.basis,
      severity: rule.severity,
      dataset: rule.dataset,
      limit: summariseLimit(rule.limit ? rule.limit(config) : null, lang),
      notChecked: c.notChecked,
      checked: c.checked,
      gaps: c.gaps,
    };
  });
}

/**
 * The findings as summary.json lists them. A rule's findings share one limit object, and equal
 * messages one string: a million findings otherwise hold a million copies of each.
 */
function summariseFindings(findings: readonly Finding[], format: (f: Finding) => string, lang: Lang): SummaryFinding[] {
  const limits = new Map<FindingLimit, SummaryLimit | null>();
  const messages = new Map<string, string>();
  const out: SummaryFinding[] = new Array(findings.length);
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    let limit = f.limit === null ? null : limits.get(f.limit);
    if (limit === undefined) {
      limit = summariseLimit(f.limit, lang);
      limits.set(f.limit!, limit);
    }
    const text = format(f);
    let message = messages.get(text);
    if (message === undefined) {
      message = text;
      messages.set(text, text);
    }
    out[i] = summariseFinding(f, message, limit);
  }
  return out;
}

function summariseFinding(f: Finding, message: string, limit: SummaryLimit | null): SummaryFinding {
  return {
    rule: f.rule,
    clause: f.clause,
    basis: f.basis,
    severity: f.severity,
    limit,
    dataset: f.dataset,
    record: f.record,
    file: f.location?.file ?? null,
    row: f.location?.row ?? null,
    message,
    sheet: f.location?.sheet ?? null,
  };
}

function warningMessage(w: RunWarning, lang: Lang): string {
  return summaryText(lang)('holidayDataMissing', { years: w.years.join(', ') });
}
