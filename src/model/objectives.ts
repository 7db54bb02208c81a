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

export const METRIC_LABELS: Readonly<Record<ObjectiveMetric, Localized>> = {
  satisfaction_mean: { zh: '客户满意度均分', en: 'Customer satisfaction mean' },
  survey_response_rate: { zh: '满意度调查回收率', en: 'Survey response rate' },
  review_completeness: { zh: '合同/订单评审完整率', en: 'Contract review completeness' },
  complaints_closed_on_time: { zh: '客户投诉按时结案率（≤ 18 个工作日）', en: 'Complaints closed on time (≤ 18 working days)' },
  first_reply_on_time: { zh: '72 小时内首次答复率', en: 'First reply within 72 hours' },
  major_complaints_escalated: { zh: '重大投诉上报率', en: 'Major complaints escalated' },
  capa_verified: { zh: '纠正预防措施验证关闭率', en: 'Corrective actions verified and closed' },
  complaints_per_month: { zh: '月均客户投诉件数', en: 'Complaints per month' },
};

/** One configured objective, complete. */
export interface Objective {
  readonly metric: ObjectiveMetric;
  readonly target: number;
  readonly label: Localized;
  /** Where the objective is set (default 公司设定). */
  readonly source: Localized;
}
