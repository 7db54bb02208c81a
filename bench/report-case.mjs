// The report benchmark's measurement, on the compiled library (dist/):
//   node bench/report-case.mjs <folder>
// Ingest + rules, then each chart alone (first draw and steady state), then the whole report
// (model, charts, PDF, workbook); prints one JSON line.
import { performance } from 'node:perf_hooks';
import { resolveConfig } from '../dist/config/resolve-config.js';
import { runCheck } from '../dist/pipeline/check.js';
import { buildSatisfactionReport } from '../dist/compute/satisfaction-report.js';
import { WIDE_CHART } from '../dist/render/charts/chart-spec.js';
import { chartRenderer, renderChart } from '../dist/render/charts/render-chart.js';
import { bandsChart, competitorsChart, dimensionTrendChart, trendChart } from '../dist/reports/satisfaction-charts.js';
import { chartWords, renderSatisfactionReport } from '../dist/reports/render-satisfaction-report.js';
import { loadSatisfactionKeywords, loadSatisfactionTexts } from '../dist/reports/report-texts.js';

const folder = process.argv[2];
const config = resolveConfig(undefined, '.').config;
const asOf = '2025-12-31';
let t = performance.now();
const { rules } = runCheck({ input: folder, config, asOf, lang: 'zh' });
const checkMs = performance.now() - t;

const keywords = loadSatisfactionKeywords();
const model = buildSatisfactionReport({
  analysis: rules.satisfaction,
  findings: rules.findings,
  config,
  lang: 'zh',
  asOf,
  keywords: keywords.keywords,
  ruleDepartments: keywords.ruleDepartments,
});
const words = chartWords(loadSatisfactionTexts('zh'), 'zh');
const specs = {
  bands: bandsChart(model, words),
  trend: trendChart(model, words),
  dimensions: dimensionTrendChart(model, config.satisfaction.unsatisfiedBelow, words),
  competitors: competitorsChart(model, words),
};
let s = performance.now();
chartRenderer(WIDE_CHART);
const fontsMs = performance.now() - s;
const charts = {};
for (const [name, spec] of Object.entries(specs)) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    s = performance.now();
    renderChart(spec, WIDE_CHART);
    times.push(performance.now() - s);
  }
  charts[name] = { firstMs: Math.round(times[0]), steadyMs: Math.round(times.slice(1).sort((a, b) => a - b)[2]) };
}

t = performance.now();
const files = await renderSatisfactionReport({ analysis: rules.satisfaction, findings: rules.findings, config, lang: 'zh', asOf, logo: null });
const reportMs = performance.now() - t;
process.stdout.write(
  `${JSON.stringify({
    responses: rules.satisfaction.periods.reduce((n, p) => n + p.sent, 0),
    periods: rules.satisfaction.periods.length,
    checkMs: Math.round(checkMs),
    reportMs: Math.round(reportMs),
    fontsMs: Math.round(fontsMs),
    charts,
    pdfKB: Math.round(files.pdf.length / 1024),
    xlsxKB: Math.round(files.xlsx.length / 1024),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
