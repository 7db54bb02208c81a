import type { ChartSpec } from '../render/charts/chart-spec.js';
import { axis, baseOptions, FONT, line, reference, round1, yRange } from '../render/charts/chart-style.js';

/** Counts per month as bars; the month in question (if any) drawn dark, the others hatched. */
export function monthlyCountChart(
  title: string,
  seriesLabel: string,
  months: readonly { label: string; count: number }[],
  highlight: number | null,
): ChartSpec {
  return {
    type: 'bar',
    data: {
      labels: months.map((m) => m.label),
      datasets: [
        {
          label: seriesLabel,
          data: months.map((m) => m.count),
          backgroundColor: months.map((_, i) => (i === highlight ? 'pattern:dark' : 'pattern:diagonal')),
          borderColor: '#000000',
          borderWidth: 1.2,
        },
      ],
    },
    options: baseOptions(title, {
      plugins: { legend: { display: false }, valueLabels: { decimals: 0 } },
      scales: { x: axis(), y: axis({ beginAtZero: true, grace: '12%', ticks: { color: '#000000', precision: 0, font: { family: FONT, size: 12 } } }) },
    }),
  };
}

/**
 * A Pareto chart: categories as bars from the most frequent, and the cumulative share as a line
 * on a 0–100 % axis at the right, with the 80 % line that separates the vital few.
 */
export function paretoChart(
  title: string,
  words: { count: string; cumulative: string; eighty: string },
  rows: readonly { label: string; count: number; cumulative: number }[],
): ChartSpec {
  const cumulative = rows.map((r) => round1(r.cumulative * 100));
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.label),
      datasets: [
        {
          type: 'bar',
          label: words.count,
          data: rows.map((r) => r.count),
          backgroundColor: 'pattern:diagonal',
          borderColor: '#000000',
          borderWidth: 1.2,
          yAxisID: 'y',
          order: 2,
        },
        // Points at 100 % sit on the chart's edge: drawn unclipped.
        { type: 'line', ...line(words.cumulative, cumulative, 0), yAxisID: 'y1', order: 1, clip: false },
        { type: 'line', ...reference(words.eighty, rows.length, 80), yAxisID: 'y1', order: 0 },
      ],
    },
    options: baseOptions(title, {
      // Lines are drawn over the bars (lower order on top); the legend lists them bars first.
      plugins: {
        valueLabels: { decimals: 0, datasets: [0] },
        legend: { reverse: true, labels: { color: '#000000', font: { family: FONT, size: 12 }, usePointStyle: true, boxWidth: 8, boxHeight: 8 } },
      },
      scales: {
        x: axis(),
        y: axis({ beginAtZero: true, grace: '12%', position: 'left', ticks: { color: '#000000', precision: 0, font: { family: FONT, size: 12 } } }),
        y1: axis({
          min: 0,
          max: 100,
          position: 'right',
          grid: { drawOnChartArea: false },
          ticks: { color: '#000000', callback: '%', font: { family: FONT, size: 12 } },
        }),
      },
    }),
  };
}

/** A rate per month in % (e.g. contract-review completeness), with its target as a dashed line. */
export function monthlyRateChart(
  title: string,
  words: { rate: string; target: string },
  months: readonly { label: string; rate: number | null }[],
  target: number,
): ChartSpec {
  const values = months.map((m) => (m.rate === null ? null : round1(m.rate * 100)));
  const present = values.filter((v): v is number => v !== null);
  const low = Math.min(target * 100, ...present);
  return {
    type: 'line',
    data: {
      labels: months.map((m) => m.label),
      datasets: [{ ...line(words.rate, values, 0), clip: false }, reference(`${words.target} ${round1(target * 100)}%`, months.length, round1(target * 100))],
    },
    options: baseOptions(title, {
      // Rates reach 100 %, the top of the axis: the legend goes below and points are drawn unclipped.
      plugins: {
        valueLabels: { decimals: 0, datasets: [0] },
        legend: { position: 'bottom', labels: { color: '#000000', font: { family: FONT, size: 12 }, usePointStyle: true, boxWidth: 8, boxHeight: 8 } },
      },
      scales: {
        x: axis({ offset: true }),
        y: axis({ min: Math.max(0, Math.floor((low - 10) / 10) * 10), max: 100, ticks: { color: '#000000', callback: '%', font: { family: FONT, size: 12 } } }),
      },
    }),
  };
}

/** A score per period (e.g. the satisfaction mean, survey by survey), with the objective as a dashed line. */
export function scoreTrendChart(
  title: string,
  words: { series: string; goal: string },
  points: readonly { label: string; value: number | null }[],
  goal: number,
): ChartSpec {
  const values = points.map((p) => (p.value === null ? null : round1(p.value)));
  return {
    type: 'line',
    data: { labels: points.map((p) => p.label), datasets: [line(words.series, values, 0), reference(`${words.goal} ${goal}`, points.length, goal)] },
    options: baseOptions(title, {
      plugins: { valueLabels: { decimals: 1, datasets: [0] } },
      scales: { x: axis({ offset: true }), y: axis(yRange([...values, goal])) },
    }),
  };
}
