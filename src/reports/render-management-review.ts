import type { Config } from '../config/config.js';
import { controlledDocument } from '../document/controlled-document.js';
import { fillText } from '../document/fill-text.js';
import type { Lang } from '../model/lang.js';
import type { Summary } from '../model/summary.js';
import { WIDE_CHART, type ChartSpec } from '../render/charts/chart-spec.js';
import { monthlyCountChart, monthlyRateChart, scoreTrendChart } from './report-charts.js';
import { renderChart } from '../render/charts/render-chart.js';
import { registerImage, releaseImage, renderPdf } from '../render/pdf/pdf-engine.js';
import { layoutManagementReview } from './management-review-layout.js';
import { loadReportTexts, type ReportTexts } from './report-texts.js';
import { fillPlaceholders } from '../text/template-engine.js';

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface ManagementReviewFiles {
  readonly year: string;
  readonly pdf: Buffer;
  readonly charts: Readonly<Record<string, ChartSpec>>;
  readonly missingGlyphs: readonly string[];
}

/** The chart configurations of the management review (golden-tested). */
export function managementReviewCharts(summary: Summary, config: Config, texts: ReportTexts, lang: Lang): Record<string, ChartSpec> {
  const w = (key: string) => fillText(texts.words[key] ?? key, lang, { year: summary.review.year });
  const monthName = (month: string) =>
    fillPlaceholders(texts.words.month ?? '{{m}}', { m: lang === 'zh' ? String(Number(month.slice(5, 7))) : SHORT_MONTHS[Number(month.slice(5, 7)) - 1]! });
  const charts: Record<string, ChartSpec> = {};
  const r = summary.review;
  if (summary.satisfaction.periods.length > 0) {
    charts.satisfaction = scoreTrendChart(
      w('satisfactionChart'),
      { series: w('mean'), goal: w('goal') },
      summary.satisfaction.periods.map((p) => ({ label: p.period, value: p.mean })),
      config.goals.surveyMean,
    );
  }
  charts.complaints = monthlyCountChart(
    w('complaintsChart'),
    w('complaints'),
    Object.entries(r.complaints.byMonth).map(([month, count]) => ({ label: monthName(month), count })),
    null,
  );
  if (r.orders.total > 0) {
    charts.review = monthlyRateChart(
      w('reviewChart'),
      { rate: w('rate'), target: w('target') },
      Object.entries(r.orders.byMonth).map(([month, m]) => ({ label: monthName(month), rate: m.total === 0 ? null : m.reviewComplete / m.total })),
      config.objectives.find((o) => o.metric === 'review_completeness')?.target ?? 1,
    );
  }
  return charts;
}

/** The management review input report of the review year (reports/management-review-<year>.pdf). */
export async function renderManagementReview(input: { summary: Summary; config: Config; lang: Lang; logo: string | null }): Promise<ManagementReviewFiles> {
  const { summary, config, lang } = input;
  const texts = loadReportTexts('management-review', lang);
  const specs = managementReviewCharts(summary, config, texts, lang);
  const names: Record<string, string> = {};
  for (const [key, spec] of Object.entries(specs)) {
    names[key] = `management-review-${summary.review.year}-${key}.png`;
    registerImage(names[key], renderChart(spec, WIDE_CHART));
  }
  try {
    const { definition, missingGlyphs } = layoutManagementReview({
      summary,
      config,
      texts,
      lang,
      charts: { satisfaction: names.satisfaction ?? null, complaints: names.complaints ?? null, review: names.review ?? null },
      controlled: controlledDocument('management_review', texts.title, { config, lang, logo: input.logo }),
    });
    return { year: summary.review.year, pdf: await renderPdf(definition), charts: specs, missingGlyphs };
  } finally {
    for (const name of Object.values(names)) releaseImage(name);
  }
}
