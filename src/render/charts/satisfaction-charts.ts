import type { SatisfactionReportModel } from '../../compute/satisfaction-report.js';
import type { ChartSpec } from './chart-spec.js';

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

const FONT = 'NotoSansHans';
/** Series told apart by line dash and marker shape as well as shade, for greyscale printing. */
const SERIES = [
  { color: '#000000', dash: [], point: 'circle' },
  { color: '#444444', dash: [8, 4], point: 'triangle' },
  { color: '#222222', dash: [2, 3], point: 'rect' },
  { color: '#666666', dash: [10, 3, 2, 3], point: 'rectRot' },
  { color: '#888888', dash: [4, 4], point: 'star' },
  { color: '#333333', dash: [1, 2], point: 'crossRot' },
] as const;

function baseOptions(title: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    animation: false,
    responsive: false,
    devicePixelRatio: 2,
    layout: { padding: 8 },
    plugins: {
      title: { display: true, text: title, color: '#000000', font: { family: FONT, size: 15, weight: 'bold' } },
      legend: { labels: { color: '#000000', font: { family: FONT, size: 12 }, usePointStyle: true } },
      ...((extra.plugins as object) ?? {}),
    },
    ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'plugins')),
  };
}

function axis(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ticks: { color: '#000000', font: { family: FONT, size: 12 } }, grid: { color: '#d9d9d9' }, ...extra };
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
      datasets: [
        line(words.overallMean, means, 0),
        reference(`${words.goal} ${goal}`, means.length, goal),
      ],
    },
    options: baseOptions(words.titles.trend, { plugins: { valueLabels: { decimals: 1, datasets: [0] } }, scales: { x: axis({ offset: true }), y: axis(yRange([...means, goal])) } }),
  };
}

/** Each dimension's mean over the periods, with the unsatisfied threshold as a dashed line. */
export function dimensionTrendChart(model: SatisfactionReportModel, threshold: number, words: ChartWords): ChartSpec {
  const series = model.dimensions.map((d, i) => line(d.label, model.trend.periods.map((p) => (p.dimensions[d.id] == null ? null : round1(p.dimensions[d.id]!))), i));
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
        { label: words.competitor, data: model.competitors.map((c) => round1(c.theirs)), backgroundColor: 'pattern:diagonal', borderColor: '#000000', borderWidth: 1.5 },
      ],
    },
    options: baseOptions(words.titles.competitors, {
      plugins: { valueLabels: { decimals: 1 }, legend: { labels: { color: '#000000', font: { family: FONT, size: 12 } } } },
      scales: { x: axis(), y: axis({ min: 0, max: 100, ticks: { color: '#000000', font: { family: FONT, size: 12 } } }) },
    }),
  };
}

function line(label: string, data: readonly (number | null)[], index: number): Record<string, unknown> {
  const s = SERIES[index % SERIES.length]!;
  return { label, data, borderColor: s.color, backgroundColor: s.color, borderDash: s.dash, borderWidth: 2.5, pointStyle: s.point, pointRadius: 5, pointBorderWidth: 1.5, spanGaps: true, fill: false };
}

/** A constant line (objective, threshold): dashed, no markers, a line in the legend. */
function reference(label: string, points: number, value: number): Record<string, unknown> {
  return { label, data: Array.from({ length: points }, () => value), borderColor: '#555555', backgroundColor: '#555555', borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0, pointStyle: 'line', fill: false };
}

/** A y axis that shows the values and the reference line with some room, never above 100. */
function yRange(values: readonly (number | null)[]): Record<string, unknown> {
  const present = values.filter((v): v is number => v !== null);
  const low = present.length > 0 ? Math.min(...present) : 0;
  return { min: Math.max(0, Math.floor((low - 5) / 5) * 5), max: 100 };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
