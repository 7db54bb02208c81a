import type { Config } from '../config/config.js';
import { complaintMonth, type ComplaintMonthModel } from '../compute/complaint-month.js';
import { controlledDocument } from '../forms/render-form.js';
import type { Lang } from '../model/lang.js';
import { WIDE_CHART, type ChartSpec } from '../render/charts/chart-spec.js';
import { monthlyCountChart, paretoChart } from '../render/charts/report-charts.js';
import { renderChart } from '../render/charts/render-chart.js';
import { registerImage, releaseImage, renderPdf } from '../render/pdf/pdf-engine.js';
import type { RuleResults } from '../validate/run-rules.js';
import { categoryLabel, layoutComplaintMonth, monthLabel } from './complaint-month-layout.js';
import { loadReportTexts, type ReportTexts } from './report-texts.js';

export interface ComplaintMonthFiles {
  readonly month: string;
  readonly pdf: Buffer;
  readonly model: ComplaintMonthModel;
  readonly charts: Readonly<Record<string, ChartSpec>>;
  readonly missingGlyphs: readonly string[];
}

/** The chart configurations of one month's pack (golden-tested). */
export function complaintMonthCharts(model: ComplaintMonthModel, texts: ReportTexts, lang: Lang): Record<string, ChartSpec> {
  const w = (key: string) => texts.words[key] ?? key;
  const charts: Record<string, ChartSpec> = {
    history: monthlyCountChart(
      w('monthChart').replace('{n}', String(model.history.length)),
      w('complaints'),
      model.history.map((h) => ({ label: lang === 'zh' ? `${Number(h.month.slice(5, 7))}月` : h.month, count: h.count })),
      model.history.length - 1,
    ),
  };
  if (model.count > 0) {
    charts.pareto = paretoChart(
      w('paretoChart'),
      { count: w('complaints'), cumulative: w('cumulative'), eighty: w('eighty') },
      model.pareto.map((r) => ({ label: categoryLabel(r.category, lang), count: r.count, cumulative: r.cumulative })),
    );
  }
  return charts;
}

/** The monthly complaint meeting pack of `month` (reports/complaints-YYYY-MM.pdf). */
export async function renderComplaintMonth(input: { rules: RuleResults; month: string; config: Config; lang: Lang; asOf: string; logo: string | null }): Promise<ComplaintMonthFiles> {
  const { config, lang } = input;
  const texts = loadReportTexts('complaints-month', lang);
  const model = complaintMonth(input.rules, input.month, config, input.asOf);
  const specs = complaintMonthCharts(model, texts, lang);
  const names: Record<string, string> = {};
  for (const [key, spec] of Object.entries(specs)) {
    names[key] = `complaints-${model.month}-${key}.png`;
    registerImage(names[key], renderChart(spec, WIDE_CHART));
  }
  try {
    const { definition, missingGlyphs } = layoutComplaintMonth({
      model,
      texts,
      lang,
      charts: { history: names.history ?? null, pareto: names.pareto ?? null },
      // The month in the title, so every page of a stack of packs says which month it is.
      controlled: controlledDocument('complaints_month', lang === 'zh' ? `${texts.title}（${monthLabel(model.month, lang)}）` : `${texts.title} (${monthLabel(model.month, lang)})`, { config, lang, asOf: input.asOf, logo: input.logo }),
      maxTableRows: config.reports.maxTableRows,
    });
    return { month: model.month, pdf: await renderPdf(definition), model, charts: specs, missingGlyphs };
  } finally {
    for (const name of Object.values(names)) releaseImage(name);
  }
}
