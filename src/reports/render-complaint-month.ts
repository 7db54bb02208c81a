import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { punctuation } from '../text/punctuation.js';
import { departmentNames } from './department-names.js';
import type { Config } from '../config/config.js';
import { complaintMonth, type ComplaintMonthModel } from '../compute/complaint-month.js';
import { controlledDocument, type DocumentEnvironment } from '../document/controlled-document.js';
import type { Lang } from '../model/lang.js';
import { WIDE_CHART, type ChartSpec } from '../render/charts/chart-spec.js';
import { monthlyCountChart, paretoChart } from './report-charts.js';
import { renderChart } from '../render/charts/render-chart.js';
import { registerImage, releaseImage, renderPdf } from '../render/pdf/pdf-engine.js';
import type { RuleResults } from '../validate/run-rules.js';
import { layoutComplaintMonth, monthLabel, paretoLabel } from './complaint-month-layout.js';
import { loadReportTexts, type ReportTexts } from './report-texts.js';
import { fillPlaceholders } from '../text/template-engine.js';

/** The chart configurations of one month's pack. */
export function complaintMonthCharts(model: ComplaintMonthModel, texts: ReportTexts, lang: Lang): Record<string, ChartSpec> {
  const w = (key: string) => texts.words[key] ?? key;
  const charts: Record<string, ChartSpec> = {
    history: monthlyCountChart(
      fillPlaceholders(w('monthChart'), { n: model.history.length }),
      w('complaints'),
      model.history.map((h) => ({ label: lang === 'zh' ? `${Number(h.month.slice(5, 7))}月` : h.month, count: h.count })),
      model.history.length - 1,
    ),
  };
  if (model.count > 0) {
    charts.pareto = paretoChart(
      w('paretoChart'),
      { count: w('complaints'), cumulative: w('cumulative'), eighty: w('eighty') },
      model.pareto.map((r) => ({ label: paretoLabel(r, lang, model.categories), count: r.count, cumulative: r.cumulative })),
    );
  }
  return charts;
}

/**
 * One month's pack ready to draw, lay out and render in any thread: the computed model and the
 * chart configurations (plain data, so it crosses to a worker as is; the charts are drawn there,
 * so the packs' charts are drawn in parallel).
 */
export interface ComplaintMonthTask extends DocumentEnvironment {
  readonly model: ComplaintMonthModel;
  /** Chart configurations by key (history, pareto). */
  readonly charts: Readonly<Record<string, ChartSpec>>;
}

export interface ComplaintMonthPdf {
  readonly month: string;
  readonly pdf: Uint8Array;
  readonly missingGlyphs: readonly string[];
}

/** The model and chart configurations of `month`'s pack (the part that needs all the records). */
export function prepareComplaintMonth(input: {
  rules: RuleResults;
  month: string;
  config: Config;
  lang: Lang;
  asOf: string;
  logo: { readonly name: string; readonly bytes: Uint8Array } | null;
  calendar: WorkingCalendar;
  /** The day of the meeting, when the pack is to show the state on that day rather than at the month's end. */
  meetingDate?: string | undefined;
  /** The month's model when the caller has it already (made with the same calendar and meeting date). */
  model?: ComplaintMonthModel;
}): ComplaintMonthTask {
  const { config, lang } = input;
  const model = input.model ?? complaintMonth(input.rules, input.month, config, input.asOf, { calendar: input.calendar, meetingDate: input.meetingDate });
  const charts = complaintMonthCharts(model, loadReportTexts('complaints-month', lang), lang);
  return { model, charts, config, lang, asOf: input.asOf, logo: input.logo };
}

/** Lays out and renders a prepared pack (reports/complaints-YYYY-MM.pdf). */
export async function renderComplaintMonthTask(task: ComplaintMonthTask): Promise<ComplaintMonthPdf> {
  const { model, config, lang } = task;
  const texts = loadReportTexts('complaints-month', lang);
  if (task.logo) registerImage(task.logo.name, Buffer.from(task.logo.bytes));
  const names: Record<string, string> = {};
  for (const [key, spec] of Object.entries(task.charts)) {
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
      controlled: controlledDocument('complaints_month', punctuation(lang).aside(texts.title, monthLabel(model.month, lang)), {
        config,
        lang,
        logo: task.logo?.name ?? null,
      }),
      maxTableRows: config.reports.maxTableRows,
      departmentName: departmentNames(config.departments, lang),
    });
    return { month: model.month, pdf: await renderPdf(definition), missingGlyphs };
  } finally {
    for (const name of Object.values(names)) releaseImage(name);
  }
}
