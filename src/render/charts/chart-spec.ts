/**
 * Chart configurations as plain data (chart.js options, JSON-serialisable, golden-tested).
 * Fills named "pattern:<name>" become canvas patterns when drawn, so bars stay apart in greyscale.
 */
export type ChartSpec = {
  readonly type: 'bar' | 'line';
  readonly data: {
    readonly labels: readonly string[];
    readonly datasets: readonly Record<string, unknown>[];
  };
  readonly options: Record<string, unknown>;
};

/** Logical size in CSS pixels; drawn at twice that (devicePixelRatio 2) for print. */
export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

export const WIDE_CHART: ChartSize = { width: 760, height: 330 };
export const PRINT_SCALE = 2;
