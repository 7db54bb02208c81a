import type { Config } from '../config/config.js';
import type { Lang } from '../model/lang.js';
import type { Summary } from '../model/summary.js';
import type { ChartSpec } from '../render/charts/chart-spec.js';
import { managementReviewCharts } from '../reports/render-management-review.js';
import { loadReportTexts } from '../reports/report-texts.js';

/**
 * The charts of the 检查 page: the management review's satisfaction trend, complaints by month and
 * review completeness — the very definitions its PDF draws, handed to chart.js in the browser.
 */
export function workbenchCharts(summary: Summary, config: Config, lang: Lang): Record<string, ChartSpec> {
  return managementReviewCharts(summary, config, loadReportTexts('management-review', lang), lang);
}
