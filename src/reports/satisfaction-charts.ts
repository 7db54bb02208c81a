import type { SatisfactionReportModel } from '../compute/satisfaction-report.js';
import type { ChartSpec } from '../render/charts/chart-spec.js';
import { axis, baseOptions, FONT, line, reference, round1, yRange } from '../render/charts/chart-style.js';

/** Words the charts print, in the report's language. */
export interface ChartWords {
  readonly bandLabels: readonly string[];
  readonly responses: string;
  readonly overallMean: string;
  readonly goal: string;
  readonly ours: string;
  readonly unsatisfiedLine: string;
  readonly competitor: string;
  readonly titles: { readonly bands: string; readonly trend: string; readonly dimensions: string; readonly competitors: string };
}

/** Customers per band: four bars with four fills, counts written on them. */
export function bandsChart(model: SatisfactionReportModel, words: ChartWords): ChartSpec {
  return {
    type: 'bar',
    data: {
      labels: [...words.bandLabels],
      datasets: [
        {
          label: words.responses,
          data: model.bands.map((b) => b.count),
          backgroundColor: ['pattern:dark', 'pattern:diagonal', 'pattern:dots', 'pattern:cross'],
          borderColor: '#000000',
          borderWidth: 1.5,
        },
      ],
    },
    options: baseOptions(words.titles.bands, {
      plugins: { legend: { display: false }, valueLabels: { decimals: 0 } },
      scales: { x: axis(), y: axis({ beginAtZero: true, ticks: { color: '#000000', precision: 0, font: { family: FONT, size: 12 } } }) },
    }),
  };
}

/** The overall mean of every period, with the objective as a dashed line. */
export function trendChart(model: SatisfactionReportModel, words: ChartWords): ChartSpec {
  const means = model.trend.periods.map((p) => (p.mean === null ? null : round1(p.mean)));
  const goal = model.statistics.meanGoal;
  return {
    type: 'line',
    data: {
      labels: model.trend.periods.map((p) => p.period),
      datasets: [line(words.overallMean, means, 0), reference(`${words.goal} ${goal}`, means.length, goal)],
    },
    options: baseOptions(words.titles.trend, {
      plugins: { valueLabels: { decimals: 1, datasets: [0] } },
      scales: { x: axis({ offset: true }), y: axis(yRange([...means, goal])) },
    }),
  };
}

/** Each dimension's mean over the periods, with the unsatisfied threshold as a dashed line. */
export function dimensionTrendChart(model: SatisfactionReportModel, threshold: number, words: ChartWords): ChartSpec {
  const series = model.dimensions.map((d, i) =>
    line(
      d.label,
      model.trend.periods.map((p) => (p.dimensions[d.id] == null ? null : round1(p.dimensions[d.id]!))),
      i,
    ),
  );
  const values = series.flatMap((s) => s.data as (number | null)[]);
  return {
    type: 'line',
    data: {
      labels: model.trend.periods.map((p) => p.period),
      datasets: [...series, reference(`${words.unsatisfiedLine} ${threshold}`, model.trend.periods.length, threshold)],
    },
    options: baseOptions(words.titles.dimensions, { scales: { x: axis({ offset: true }), y: axis(yRange([...values, threshold])) } }),
  };
}

/** Our mean against each competitor's over the same forms. */
export function competitorsChart(model: SatisfactionReportModel, words: ChartWords): ChartSpec {
  return {
    type: 'bar',
    data: {
      labels: model.competitors.map((c) => c.competitor),
      datasets: [
        { label: words.ours, data: model.competitors.map((c) => round1(c.ours)), backgroundColor: 'pattern:dark', borderColor: '#000000', borderWidth: 1.5 },
        {
          label: words.competitor,
          data: model.competitors.map((c) => round1(c.theirs)),
          backgroundColor: 'pattern:diagonal',
          borderColor: '#000000',
          borderWidth: 1.5,
        },
      ],
    },
    options: baseOptions(words.titles.competitors, {
      plugins: { valueLabels: { decimals: 1 }, legend: { labels: { color: '#000000', font: { family: FONT, size: 12 } } } },
      scales: { x: axis(), y: axis({ min: 0, max: 100, ticks: { color: '#000000', font: { family: FONT, size: 12 } } }) },
    }),
  };
}
