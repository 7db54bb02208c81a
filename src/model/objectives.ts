import type { Localized } from './lang.js';

/** What a quality objective (质量目标) can measure, from the data qmsdoc reads. */
export const OBJECTIVE_METRICS = [
  'satisfaction_mean',
  'survey_response_rate',
  'review_completeness',
  'complaints_closed_on_time',
  'first_reply_on_time',
  'major_complaints_escalated',
  'capa_verified',
  'complaints_per_month',
] as const;
export type ObjectiveMetric = (typeof OBJECTIVE_METRICS)[number];

/** How a metric is shown and judged: rates as %, scores and counts as numbers; most must reach the target, counts stay under it. */
export const METRIC_KIND: Readonly<Record<ObjectiveMetric, { readonly unit: 'rate' | 'score' | 'count'; readonly direction: 'atLeast' | 'atMost' }>> = {
  satisfaction_mean: { unit: 'score', direction: 'atLeast' },
  survey_response_rate: { unit: 'rate', direction: 'atLeast' },
  review_completeness: { unit: 'rate', direction: 'atLeast' },
  complaints_closed_on_time: { unit: 'rate', direction: 'atLeast' },
  first_reply_on_time: { unit: 'rate', direction: 'atLeast' },
  major_complaints_escalated: { unit: 'rate', direction: 'atLeast' },
  capa_verified: { unit: 'rate', direction: 'atLeast' },
  complaints_per_month: { unit: 'count', direction: 'atMost' },
};

/** One configured objective, complete. */
export interface Objective {
  readonly metric: ObjectiveMetric;
  readonly target: number;
  readonly label: Localized;
  /** Where the objective is set (default 公司设定). */
  readonly source: Localized;
}
