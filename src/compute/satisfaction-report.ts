import { BAND_LABELS } from '../text/domain-labels.js';
import { satisfactionCapaRequests } from '../validate/capa-requests.js';
import type { Config } from '../config/config.js';
import type { CustomersSummary } from '../model/customer-histories.js';
import type { Finding } from '../model/finding.js';
import type { Lang } from '../model/lang.js';
import { BANDS, type Band, type PeriodStats, type SatisfactionAnalysis, type ScoredResponse } from '../model/satisfaction.js';
import { bandOf } from './score-satisfaction.js';
import { meanConfidenceInterval, welchTest } from './student-t.js';
import { summaryText } from '../text/summary-text.js';

/** Below this many scored responses the mean is flagged as unreliable. */
export const SMALL_SAMPLE = 30;
/** A customer whose overall or item score fell by more than this many points since their previous answer is listed. */
export const FALL_THRESHOLD = 10;
/** A change with p below this is called more than sampling noise. */
export const SIGNIFICANCE = 0.05;

export interface DimensionRow {
  readonly id: string;
  readonly label: string;
  readonly mean: number | null;
  readonly band: Band | null;
  readonly responses: number;
  /** At or above the unsatisfied threshold (75). */
  readonly satisfied: boolean | null;
  readonly department: string;
}

export interface CustomerRow {
  readonly customer: string;
  readonly overall: number;
  readonly band: Band;
  readonly scores: Readonly<Record<string, number | null>>;
  readonly comments: string | null;
}

/** One score of a customer's answer this round that fell by more than FALL_THRESHOLD since their previous answer. */
export interface ScoreDrop {
  readonly customer: string;
  /** "overall" (综合得分) or a dimension id. */
  readonly item: string;
  /** The overall score's or the item's name in the report's language. */
  readonly label: string;
  /** The round of the customer's previous answer (not always the previous round). */
  readonly previousPeriod: string;
  readonly previous: number;
  readonly current: number;
  /** current − previous (negative). */
  readonly delta: number;
}

export interface TrendRow {
  readonly period: string;
  readonly sent: number;
  readonly returned: number;
  readonly responseRate: number | null;
  readonly mean: number | null;
  readonly dimensions: Readonly<Record<string, number | null>>;
}

/** Everything the satisfaction analysis report shows, computed; templates only format and place it. */
export interface SatisfactionReportModel {
  readonly period: string;
  readonly previousPeriod: string | null;
  readonly asOf: string;
  readonly overview: {
    readonly firstSent: string | null;
    readonly lastSent: string | null;
    readonly lastReturned: string | null;
    readonly sent: number;
    readonly returned: number;
    readonly responseRate: number | null;
    readonly responseRateGoal: number;
    readonly responseRateMet: boolean;
    /** Where the company set the response rate goal (default 公司设定). */
    readonly responseRateSource: string;
    /** Names of the departments the report is distributed to (5.7.2). */
    readonly distribution: readonly string[];
  };
  readonly statistics: {
    readonly n: number;
    readonly mean: number | null;
    readonly median: number | null;
    readonly stdev: number | null;
    readonly min: number | null;
    readonly max: number | null;
    readonly ciLow: number | null;
    readonly ciHigh: number | null;
    readonly band: Band | null;
    readonly meanGoal: number;
    /** Where the company set the satisfaction objective. */
    readonly meanGoalSource: string;
    readonly meanGoalMet: boolean | null;
    /** Fewer than 30 scored responses. */
    readonly smallSample: boolean;
  };
  readonly bands: readonly { readonly band: Band; readonly count: number; readonly share: number | null; readonly from: number; readonly to: number | null }[];
  readonly dimensions: readonly DimensionRow[];
  readonly satisfiedItems: readonly string[];
  readonly unsatisfiedItems: readonly string[];
  /** Returned, scored responses, lowest score first. */
  readonly customers: readonly CustomerRow[];
  readonly trend: {
    readonly periods: readonly TrendRow[];
    /** The change of the mean on the previous period, with Welch's test; null without a previous period. */
    readonly change: { readonly delta: number; readonly p: number | null; readonly significant: boolean | null } | null;
    /** The overall and item scores of this round that fell by more than FALL_THRESHOLD since the customer's previous answer (see scoreDrops). */
    readonly drops: readonly ScoreDrop[];
  };
  readonly competitors: readonly {
    readonly competitor: string;
    readonly responses: number;
    readonly theirs: number;
    readonly ours: number;
    readonly difference: number;
  }[];
  readonly causes: {
    readonly lowest: DimensionRow | null;
    readonly unsatisfied: readonly DimensionRow[];
    /** Customers' comments by the dimension they speak of; "other" for the rest. */
    readonly comments: readonly {
      readonly dimension: string;
      readonly label: string;
      readonly items: readonly { readonly customer: string; readonly text: string }[];
    }[];
  };
  /**
   * Who did not answer the period's survey: the customers it was sent to and who had not returned
   * it by the as-of date (the response rate's population: the survey sheet's rows of the period),
   * and, when the customer histories are given, the customers with orders or complaints in the
   * as-of year who were not sent it at all (the customer list the data holds).
   */
  readonly nonResponse: {
    readonly notReturned: readonly { readonly customer: string; readonly sent: string | null }[];
    /** Null: not compared (no customer histories given, or they are of another period). */
    readonly notSurveyed: readonly string[] | null;
  };
  /** The S-rule findings of the period, each a corrective action to raise. */
  readonly actions: readonly { readonly rule: string; readonly finding: Finding; readonly department: string }[];
}

export interface ReportInputs {
  readonly analysis: SatisfactionAnalysis;
  /** All findings of the run; the report takes the satisfaction ones. */
  readonly findings: readonly Finding[];
  readonly config: Config;
  readonly asOf: string;
  readonly lang: Lang;
  /** Comment keywords per dimension id (templates/reports/satisfaction-keywords.json). */
  readonly keywords: Readonly<Record<string, readonly string[]>>;
  /** Responsible department per S rule for the actions table (S3 uses the dimension's). */
  readonly ruleDepartments: Readonly<Record<string, string>>;
  /** summary.json's customer histories: who ordered or complained in the year but was not surveyed. */
  readonly customers?: CustomersSummary | null;
}

/** Builds the report's model for the current period of the analysis; null without survey data. */
export function buildSatisfactionReport(inputs: ReportInputs): SatisfactionReportModel | null {
  const { analysis, config, lang } = inputs;
  const current = analysis.current;
  if (!current) return null;
  const previous = analysis.previous;
  const bandsConfig = config.satisfaction.bands;
  const threshold = config.satisfaction.unsatisfiedBelow;
  const dimensions: DimensionRow[] = config.satisfaction.dimensions.map((d) => {
    const mean = current.dimensions[d.id] ?? null;
    return {
      id: d.id,
      label: d.label[lang],
      mean,
      band: mean === null ? null : bandOf(mean, bandsConfig),
      responses: current.dimensionCounts[d.id] ?? 0,
      satisfied: mean === null ? null : mean >= threshold,
      department: config.departments[d.department]?.[lang] ?? d.department,
    };
  });
  const scored = current.responses.filter((s) => s.returned && s.overall !== null);
  const customers: CustomerRow[] = scored
    .map((s) => ({
      customer: s.response.customer,
      overall: s.overall!,
      band: s.band!,
      scores: Object.fromEntries(config.satisfaction.dimensions.map((d) => [d.id, s.response.scores[d.id] ?? null])),
      comments: s.response.comments,
    }))
    .sort((a, b) => a.overall - b.overall || (a.customer < b.customer ? -1 : 1));
  const ci = meanConfidenceInterval(current.scores);
  const total = scored.length;
  const bandRows = BANDS.map((band) => {
    const bounds = {
      very_satisfied: [bandsConfig.verySatisfied, null],
      satisfied: [bandsConfig.satisfied, bandsConfig.verySatisfied],
      dissatisfied: [bandsConfig.dissatisfied, bandsConfig.satisfied],
      very_dissatisfied: [0, bandsConfig.dissatisfied],
    } as const;
    return { band, count: current.bands[band], share: total > 0 ? current.bands[band] / total : null, from: bounds[band][0], to: bounds[band][1] };
  });
  const test = previous ? welchTest(current.scores, previous.scores) : null;
  const ranked = dimensions.filter((d) => d.mean !== null).sort((a, b) => a.mean! - b.mean!);
  return {
    period: current.period,
    previousPeriod: previous?.period ?? null,
    asOf: inputs.asOf,
    overview: {
      firstSent: current.firstSent,
      lastSent: lastSent(current),
      lastReturned: current.lastReturned,
      sent: current.sent,
      returned: current.returned,
      responseRate: current.responseRate,
      responseRateGoal: config.goals.responseRate,
      responseRateMet: current.responseRate !== null && current.responseRate >= config.goals.responseRate,
      responseRateSource: config.goalSources.responseRate[lang],
      // The distribution list is the company's (config departments.distribution; 业务部 included by default).
      distribution: config.departmentLists.distribution.flatMap((id) => (config.departments[id] ? [config.departments[id][lang]] : [])),
    },
    statistics: {
      n: total,
      mean: current.mean,
      median: current.median,
      stdev: current.stdev,
      min: current.min,
      max: current.max,
      ciLow: ci?.low ?? null,
      ciHigh: ci?.high ?? null,
      band: current.mean === null ? null : bandOf(current.mean, bandsConfig),
      meanGoal: config.goals.surveyMean,
      meanGoalSource: config.goalSources.surveyMean[lang],
      meanGoalMet: current.mean === null ? null : current.mean >= config.goals.surveyMean,
      smallSample: total < SMALL_SAMPLE,
    },
    bands: bandRows,
    dimensions,
    satisfiedItems: dimensions.filter((d) => d.satisfied === true).map((d) => d.label),
    unsatisfiedItems: dimensions.filter((d) => d.satisfied === false).map((d) => d.label),
    customers,
    trend: {
      // Up to the reported period: a report of an earlier half-year reads as it would have then.
      periods: analysis.periods
        .slice(0, analysis.periods.indexOf(current) + 1)
        .map((p) => ({ period: p.period, sent: p.sent, returned: p.returned, responseRate: p.responseRate, mean: p.mean, dimensions: p.dimensions })),
      change:
        previous && current.mean !== null && previous.mean !== null
          ? { delta: current.mean - previous.mean, p: test?.p ?? null, significant: test ? test.p < SIGNIFICANCE : null }
          : null,
      drops: scoreDrops(analysis.periods.slice(0, analysis.periods.indexOf(current) + 1), config, lang),
    },
    competitors: current.competitors.map((c) => ({
      competitor: c.competitor,
      responses: c.responses,
      theirs: c.competitorMean,
      ours: c.ourMean,
      difference: c.ourMean - c.competitorMean,
    })),
    causes: {
      lowest: ranked[0] ?? null,
      unsatisfied: dimensions.filter((d) => d.satisfied === false),
      comments: groupComments(customers, dimensions, inputs.keywords, lang),
    },
    nonResponse: {
      notReturned: notReturned(current),
      notSurveyed:
        inputs.customers && inputs.customers.period === current.period
          ? inputs.customers.list
              .filter((c) => c.currentSurvey === 'not_surveyed')
              .map((c) => c.customer)
              .sort(byName)
          : null,
    },
    // The CAPA requests of this period, as the management review counts them; S4 belongs to every period.
    actions: satisfactionCapaRequests(inputs.findings, current.period).map((finding) => {
      const departmentId = finding.rule === 'S3' ? String(finding.params.department) : (inputs.ruleDepartments[finding.rule] ?? 'qa');
      return { rule: finding.rule, finding, department: config.departments[departmentId]?.[lang] ?? departmentId };
    }),
  };
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The period's customers sent the survey who have not returned it (a customer answering on another row of the period counts as answered). */
function notReturned(period: PeriodStats): { customer: string; sent: string | null }[] {
  const answered = new Set(period.responses.filter((s) => s.returned).map((s) => s.response.customer));
  const missing = new Map<string, string | null>();
  for (const s of period.responses)
    if (!answered.has(s.response.customer) && !missing.has(s.response.customer)) missing.set(s.response.customer, s.response.sentDate);
  return [...missing].map(([customer, sent]) => ({ customer, sent })).sort((a, b) => byName(a.customer, b.customer));
}

function lastSent(period: PeriodStats): string | null {
  const dates = period.responses.flatMap((s) => (s.response.sentDate ? [s.response.sentDate] : [])).sort();
  return dates[dates.length - 1] ?? null;
}

/**
 * Each customer's answer this round against their previous answer — the latest earlier round in
 * which they returned a scored form, whichever round that was — for the overall score (综合得分)
 * and each item: every score that fell by more than FALL_THRESHOLD points, steepest first. In a
 * round a customer's first returned form counts. This is the comparison of the customer histories
 * (customerHistories: `trend` and `falling`), which the management review's "falling scores"
 * opportunity lists: the three documents name the same drops.
 */
function scoreDrops(periods: readonly PeriodStats[], config: Config, lang: Lang): ScoreDrop[] {
  const dims = config.satisfaction.dimensions;
  const answered = (s: ScoredResponse) => s.returned && (s.overall !== null || dims.some((d) => s.response.scores[d.id] !== undefined));
  /** Per round, customer → their first returned, scored form. */
  const rounds = periods.map((p) => {
    const first = new Map<string, ScoredResponse>();
    for (const s of p.responses) if (answered(s) && !first.has(s.response.customer)) first.set(s.response.customer, s);
    return { period: p.period, first };
  });
  const now = rounds[rounds.length - 1];
  if (!now) return [];
  const overallLabel = summaryText(lang)('overallScore');
  const drops: ScoreDrop[] = [];
  for (const [customer, latest] of now.first) {
    const before = rounds
      .slice(0, -1)
      .reverse()
      .find((r) => r.first.has(customer));
    if (!before) continue;
    const earlier = before.first.get(customer)!;
    const pairs: [string, string, number | null, number | null][] = [
      ['overall', overallLabel, earlier.overall, latest.overall],
      ...dims.map((d): [string, string, number | null, number | null] => [
        d.id,
        d.label[lang],
        earlier.response.scores[d.id] ?? null,
        latest.response.scores[d.id] ?? null,
      ]),
    ];
    for (const [item, label, from, to] of pairs)
      if (from !== null && to !== null && to - from < -FALL_THRESHOLD)
        drops.push({ customer, item, label, previousPeriod: before.period, previous: from, current: to, delta: to - from });
  }
  const order = ['overall', ...dims.map((d) => d.id)];
  return drops.sort((a, b) => a.delta - b.delta || byName(a.customer, b.customer) || order.indexOf(a.item) - order.indexOf(b.item));
}

/** Sorts comments under the first dimension whose keywords they contain, else under "other". */
function groupComments(customers: readonly CustomerRow[], dimensions: readonly DimensionRow[], keywords: ReportInputs['keywords'], lang: Lang) {
  const groups = new Map<string, { customer: string; text: string }[]>();
  for (const c of customers) {
    if (!c.comments) continue;
    const dimension = dimensions.find((d) => (keywords[d.id] ?? []).some((k) => c.comments!.includes(k)))?.id ?? 'other';
    groups.set(dimension, [...(groups.get(dimension) ?? []), { customer: c.customer, text: c.comments }]);
  }
  const order = [...dimensions.map((d) => d.id), 'other'];
  return order.flatMap((id) => {
    const items = groups.get(id);
    if (!items) return [];
    const label = dimensions.find((d) => d.id === id)?.label ?? summaryText(lang)('otherDimension');
    return [{ dimension: id, label, items }];
  });
}

/** The band labels in the report's language. */
export function bandLabel(band: Band | null, lang: Lang): string {
  return band === null ? '—' : BAND_LABELS[band][lang];
}
