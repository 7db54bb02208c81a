/** The look shared by every chart: black text in the embedded font, grey grid, greyscale-safe series. */

export const FONT = 'NotoSansHans';

/** Series told apart by line dash and marker shape as well as shade, for greyscale printing. */
export const SERIES = [
  { color: '#000000', dash: [], point: 'circle' },
  { color: '#444444', dash: [8, 4], point: 'triangle' },
  { color: '#222222', dash: [2, 3], point: 'rect' },
  { color: '#666666', dash: [10, 3, 2, 3], point: 'rectRot' },
  { color: '#888888', dash: [4, 4], point: 'star' },
  { color: '#333333', dash: [1, 2], point: 'crossRot' },
] as const;

export function baseOptions(title: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    animation: false,
    responsive: false,
    devicePixelRatio: 2,
    layout: { padding: 8 },
    plugins: {
      // Room under the title for the value labels of points at the top of the axis.
      title: { display: true, text: title, color: '#000000', font: { family: FONT, size: 15, weight: 'bold' }, padding: { top: 4, bottom: 26 } },
      legend: { labels: { color: '#000000', font: { family: FONT, size: 12 }, usePointStyle: true, boxWidth: 8, boxHeight: 8 } },
      ...((extra.plugins as object) ?? {}),
    },
    ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'plugins')),
  };
}

export function axis(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ticks: { color: '#000000', font: { family: FONT, size: 12 } }, grid: { color: '#d9d9d9' }, ...extra };
}

export function line(label: string, data: readonly (number | null)[], index: number): Record<string, unknown> {
  const s = SERIES[index % SERIES.length]!;
  return {
    label,
    data,
    borderColor: s.color,
    backgroundColor: s.color,
    borderDash: s.dash,
    borderWidth: 2.5,
    pointStyle: s.point,
    pointRadius: 5,
    pointBorderWidth: 1.5,
    spanGaps: true,
    fill: false,
  };
}

/** A constant line (objective, threshold): dashed, no markers, a line in the legend. */
export function reference(label: string, points: number, value: number): Record<string, unknown> {
  return {
    label,
    data: Array.from({ length: points }, () => value),
    borderColor: '#555555',
    backgroundColor: '#555555',
    borderDash: [6, 4],
    borderWidth: 1.5,
    pointRadius: 0,
    pointStyle: 'line',
    fill: false,
  };
}

/** A y axis that shows the values and the reference line with some room, never above 100. */
export function yRange(values: readonly (number | null)[]): Record<string, unknown> {
  const present = values.filter((v): v is number => v !== null);
  const low = present.length > 0 ? Math.min(...present) : 0;
  return { min: Math.max(0, Math.floor((low - 5) / 5) * 5), max: 100 };
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
