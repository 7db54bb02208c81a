import type { Config } from '../config/config.js';
import { DATASETS, type DatasetId } from '../model/fields.js';
import type { FindingSeverity } from '../model/finding.js';
import type { Band } from '../model/satisfaction.js';
import type { Summary } from '../model/summary.js';
import { bandOf } from './score-satisfaction.js';

/** The figures QA looks at first, all derived from summary.json so they can be traced. */
export interface Headline {
  readonly orders: {
    readonly total: number;
    readonly reviewComplete: number;
    /** reviewComplete / total; null without orders. */
    readonly completenessRate: number | null;
    readonly signedBeforeReview: number;
    readonly changedNotReReviewed: number;
  };
  readonly complaints: {
    readonly total: number;
    readonly open: number;
    readonly overdue: number;
    readonly major: number;
    readonly majorNotEscalated: number;
    /** Within the company limit complaints.limits.firstReplyHours (72 by default; summary.json's field keeps its name). */
    readonly firstReplyWithin72h: number;
    /** That limit, as configured: the label says the hours the count used. */
    readonly firstReplyHours: number;
  };
  readonly satisfaction: {
    readonly period: string | null;
    readonly previousPeriod: string | null;
    readonly sent: number;
    readonly returned: number;
    readonly responseRate: number | null;
    readonly responseRateGoal: number;
    readonly mean: number | null;
    readonly band: Band | null;
    readonly meanGoal: number;
    readonly deltaMean: number | null;
  };
  readonly findings: {
    readonly total: number;
    readonly bySeverity: Readonly<Record<FindingSeverity, number>>;
    readonly byDataset: Readonly<Record<DatasetId, Readonly<Record<FindingSeverity, number>>>>;
  };
  readonly inputErrors: { readonly errors: number; readonly warnings: number; readonly rowsRejected: number };
}

export function headlineOf(summary: Summary, config: Config): Headline {
  const { orders, complaints, satisfaction } = summary;
  const zero = (): Record<FindingSeverity, number> => ({ major: 0, minor: 0, observation: 0, target: 0 });
  const bySeverity = zero();
  const byDataset = Object.fromEntries(DATASETS.map((d) => [d, zero()])) as Record<DatasetId, Record<FindingSeverity, number>>;
  for (const f of summary.findings) {
    bySeverity[f.severity]++;
    byDataset[f.dataset][f.severity]++;
  }
  return {
    orders: {
      total: orders.total,
      reviewComplete: orders.reviewComplete,
      completenessRate: orders.total > 0 ? orders.reviewComplete / orders.total : null,
      signedBeforeReview: orders.signedBeforeReview,
      changedNotReReviewed: orders.changedNotReReviewed,
    },
    complaints: {
      total: complaints.total,
      open: complaints.open,
      overdue: complaints.overdue,
      major: complaints.major,
      majorNotEscalated: complaints.majorNotEscalated,
      firstReplyWithin72h: complaints.firstReplyWithin72h,
      firstReplyHours: config.complaints.limits.firstReplyHours,
    },
    satisfaction: {
      period: satisfaction.period,
      previousPeriod: satisfaction.previousPeriod,
      sent: satisfaction.sent,
      returned: satisfaction.returned,
      responseRate: satisfaction.responseRate,
      responseRateGoal: config.goals.responseRate,
      mean: satisfaction.mean,
      band: satisfaction.mean === null ? null : bandOf(satisfaction.mean, config.satisfaction.bands),
      meanGoal: config.goals.surveyMean,
      deltaMean: satisfaction.deltaMean,
    },
    findings: { total: summary.findings.length, bySeverity, byDataset },
    inputErrors: {
      errors: summary.inputErrors.filter((e) => e.level === 'error').length,
      warnings: summary.inputErrors.filter((e) => e.level === 'warning').length,
      rowsRejected: summary.inputs.reduce((n, i) => n + i.rowsRejected, 0),
    },
  };
}
