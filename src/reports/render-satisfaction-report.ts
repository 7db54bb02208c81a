import { BAND_LABELS } from '../text/domain-labels.js';
import type { Config } from '../config/config.js';
import { buildSatisfactionReport, type SatisfactionReportModel } from '../compute/satisfaction-report.js';
import { findingFormatter } from '../issues/finding-messages.js';
import type { CustomersSummary } from '../model/customer-histories.js';
import type { Finding } from '../model/finding.js';
import type { Lang } from '../model/lang.js';
import { BANDS, type SatisfactionAnalysis } from '../model/satisfaction.js';
import { WIDE_CHART, type ChartSpec } from '../render/charts/chart-spec.js';
import { renderChart } from '../render/charts/render-chart.js';
import { bandsChart, competitorsChart, dimensionTrendChart, trendChart, type ChartWords } from './satisfaction-charts.js';
import { renderSatisfactionWorkbook } from './satisfaction-workbook.js';
import { registerImage, renderPdf } from '../render/pdf/pdf-engine.js';
import { safeFileName } from '../document/file-names.js';
import { controlledDocument } from '../document/controlled-document.js';
import { loadSatisfactionKeywords, loadSatisfactionTexts, type SatisfactionTexts } from './report-texts.js';
import { layoutSatisfactionReport, type ReportCharts } from './satisfaction-report-layout.js';

export interface SatisfactionReportInput {
  readonly analysis: SatisfactionAnalysis;
  readonly findings: readonly Finding[];
  readonly config: Config;
  readonly lang: Lang;
  readonly asOf: string;
  /** Registered logo image name, or null. */
  readonly logo: string | null;
  /** summary.json's customer histories: the non-surveyed customers in the report, the 客户档案 sheet in the workbook. */
  readonly customers?: CustomersSummary | null;
}

export interface SatisfactionReportFiles {
  readonly period: string;
  readonly pdf: Buffer;
  readonly xlsx: Buffer;
  readonly model: SatisfactionReportModel;
  /** The chart configurations drawn (golden-tested). */
  readonly charts: Readonly<Record<string, ChartSpec>>;
  readonly missingGlyphs: readonly string[];
}

/** File name, without extension, of the report of a survey period. */
export function satisfactionFileBase(period: string): string {
  return `satisfaction-${safeFileName(period)}`;
}

/** The chart words of the report's language, from its texts file. */
export function chartWords(texts: SatisfactionTexts, lang: Lang): ChartWords {
  return {
    bandLabels: BANDS.map((b) => BAND_LABELS[b][lang]),
    responses: texts.words.responses ?? '',
    overallMean: texts.words.overallMean ?? '',
    goal: texts.words.goal ?? '',
    ours: texts.words.ours ?? '',
    unsatisfiedLine: texts.words.unsatisfied ?? '',
    competitor: texts.words.competitor ?? '',
    titles: {
      bands: texts.words.bandsChart ?? '',
      trend: texts.words.trendChart ?? '',
      dimensions: texts.words.dimensionsChart ?? '',
      competitors: texts.words.competitorsChart ?? '',
    },
  };
}

/**
 * The satisfaction analysis report of the current period — PDF with its charts, and the companion
 * workbook; null when there is no survey data.
 */
export async function renderSatisfactionReport(input: SatisfactionReportInput): Promise<SatisfactionReportFiles | null> {
  const { config, lang } = input;
  const texts = loadSatisfactionTexts(lang);
  const keywords = loadSatisfactionKeywords();
  const model = buildSatisfactionReport({ ...input, keywords: keywords.keywords, ruleDepartments: keywords.ruleDepartments });
  if (!model) return null;
  const words = chartWords(texts, lang);
  const specs: Record<string, ChartSpec> = { bands: bandsChart(model, words) };
  if (model.trend.periods.length >= 2) {
    specs.trend = trendChart(model, words);
    specs.dimensions = dimensionTrendChart(model, config.satisfaction.unsatisfiedBelow, words);
  }
  if (model.competitors.length > 0) specs.competitors = competitorsChart(model, words);
  const names: Record<string, string> = {};
  for (const [key, spec] of Object.entries(specs)) {
    names[key] = `satisfaction-${model.period}-${key}.png`;
    registerImage(names[key], renderChart(spec, WIDE_CHART));
  }
  const charts: ReportCharts = {
    bands: names.bands ?? null,
    trend: names.trend ?? null,
    dimensions: names.dimensions ?? null,
    competitors: names.competitors ?? null,
  };
  const format = findingFormatter(config, lang);
  const { definition, missingGlyphs } = layoutSatisfactionReport({
    model,
    texts,
    lang,
    charts,
    controlled: controlledDocument('satisfaction_report', texts.title, { config, lang, logo: input.logo }),
    // A finding about one response names its customer; period-level ones speak for themselves.
    actionMessages: model.actions.map((a) => (a.finding.location ? `${a.finding.record}：${format(a.finding)}` : format(a.finding))),
    unsatisfiedBelow: config.satisfaction.unsatisfiedBelow,
    maxTableRows: config.reports.maxTableRows,
    workbookName: `${satisfactionFileBase(model.period)}.xlsx`,
  });
  const pdf = await renderPdf(definition);
  const xlsx = renderSatisfactionWorkbook(model, input.analysis, config, lang, input.customers ?? null);
  return { period: model.period, pdf, xlsx, model, charts: specs, missingGlyphs };
}
