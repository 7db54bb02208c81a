import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas';
import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { drawChart } from '../library-patches.js';
import { FontSet } from '../pdf/font-set.js';
import { PRINT_SCALE, type ChartSize, type ChartSpec } from './chart-spec.js';
import { opaquePng } from './opaque-png.js';

const renderers = new Map<string, ChartJSNodeCanvas>();
let fontsRegistered = false;

/**
 * Registers the full Noto Sans Hans with the canvas and has it parsed, once per process (the font
 * has every CJK glyph, so no chart label can fall back to boxes). chartRenderer calls it.
 */
export function prepareChartFonts(): void {
  if (fontsRegistered) return;
  GlobalFonts.registerFromPath(FontSet.fallbackFontFile(false), 'NotoSansHans');
  GlobalFonts.registerFromPath(FontSet.fallbackFontFile(true), 'NotoSansHans');
  // The canvas parses a registered font at its first use; do it here, not inside the first chart.
  const ctx = createCanvas(8, 8).getContext('2d');
  for (const weight of ['normal', 'bold']) {
    ctx.font = `${weight} 12px NotoSansHans`;
    ctx.fillText('满意度', 0, 8);
  }
  fontsRegistered = true;
}

/**
 * Draws a chart to PNG bytes: one renderer per chart size, reused (a new one per chart doubles
 * the time), fonts registered once, an opaque RGB PNG (see opaquePng). Output is PRINT_SCALE
 * times the logical size, sharp on paper.
 */
export function renderChart(spec: ChartSpec, size: ChartSize): Buffer {
  const renderer = chartRenderer(size);
  // chart.js writes into the configuration it is given; the spec stays as it was (it is golden-tested).
  const config = structuredClone(spec) as unknown as ChartConfiguration;
  config.options = { ...config.options, devicePixelRatio: PRINT_SCALE };
  percentTicks(config.options as { scales?: Record<string, { ticks?: { callback?: unknown } }> });
  // renderToBufferSync would encode an RGBA PNG; the pixels are taken from the chart's canvas
  // instead and encoded without alpha.
  const chart = drawChart<ChartConfiguration, Chart>(renderer, config);
  try {
    const canvas = chart.canvas as unknown as Canvas;
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    return opaquePng(pixels, canvas.width, canvas.height);
  } finally {
    chart.destroy();
  }
}

/**
 * The renderer of one chart size, made once: chartjs-node-canvas loads its own copy of chart.js
 * per renderer, a one-off cost of some 60 ms.
 */
export function chartRenderer(size: ChartSize): ChartJSNodeCanvas {
  prepareChartFonts();
  const key = `${size.width}x${size.height}`;
  let renderer = renderers.get(key);
  if (!renderer) {
    // The canvas takes the logical size; chart.js multiplies it by devicePixelRatio.
    renderer = new ChartJSNodeCanvas({
      width: size.width,
      height: size.height,
      backgroundColour: 'white',
      plugins: { modern: [patternFills, valueLabels] },
    });
    renderers.set(key, renderer);
  }
  return renderer;
}

/** Tick labels named "%" in a spec (which is plain data) are written with a per cent sign. */
function percentTicks(options: { scales?: Record<string, { ticks?: { callback?: unknown } }> }): void {
  for (const scale of Object.values(options.scales ?? {})) {
    if (scale.ticks?.callback === '%') scale.ticks.callback = (value: unknown) => `${String(value)}%`;
  }
}

/** Pattern tiles for fills named "pattern:<name>", drawn once. */
const tiles = new Map<string, Canvas>();

function tile(name: string): Canvas {
  const cached = tiles.get(name);
  if (cached) return cached;
  const size = 12;
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = name === 'dark' ? '#3a3a3a' : '#ffffff';
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = '#000000';
  ctx.fillStyle = '#000000';
  ctx.lineWidth = 2;
  if (name === 'diagonal' || name === 'cross') {
    ctx.beginPath();
    ctx.moveTo(0, size);
    ctx.lineTo(size, 0);
    ctx.moveTo(-size / 2, size / 2);
    ctx.lineTo(size / 2, -size / 2);
    ctx.moveTo(size / 2, size * 1.5);
    ctx.lineTo(size * 1.5, size / 2);
    if (name === 'cross') {
      ctx.moveTo(0, 0);
      ctx.lineTo(size, size);
    }
    ctx.stroke();
  } else if (name === 'dots') {
    ctx.beginPath();
    ctx.arc(size / 2, size / 2, 2.2, 0, Math.PI * 2);
    ctx.fill();
  }
  tiles.set(name, canvas);
  return canvas;
}

const patternFills: Plugin = {
  id: 'patternFills',
  beforeUpdate(chart: Chart) {
    const ctx = chart.ctx as unknown as CanvasRenderingContext2D;
    const resolve = (fill: unknown): unknown =>
      typeof fill === 'string' && fill.startsWith('pattern:') ? ctx.createPattern(tile(fill.slice(8)) as unknown as CanvasImageSource, 'repeat') : fill;
    for (const dataset of chart.data.datasets) {
      const fill = (dataset as { backgroundColor?: unknown }).backgroundColor;
      (dataset as { backgroundColor?: unknown }).backgroundColor = Array.isArray(fill) ? fill.map(resolve) : resolve(fill);
    }
  },
};

/** Writes each bar's (or point's) value above it, so the figures read without the axis. */
const valueLabels: Plugin = {
  id: 'valueLabels',
  afterDatasetsDraw(chart: Chart, _args: unknown, options: { decimals?: number; datasets?: number[] } | undefined) {
    if (!options || options.decimals === undefined) return;
    const ctx = chart.ctx;
    ctx.save();
    ctx.fillStyle = '#000000';
    ctx.font = 'bold 12px NotoSansHans';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 3;
    ctx.lineJoin = 'round';
    chart.data.datasets.forEach((dataset, i) => {
      if (options.datasets && !options.datasets.includes(i)) return;
      chart.getDatasetMeta(i).data.forEach((element, j) => {
        const value = dataset.data[j];
        if (typeof value !== 'number') return;
        // A white edge keeps a figure legible where a line (the 80 % line, a cumulative line) crosses it.
        ctx.strokeText(value.toFixed(options.decimals), element.x, element.y - 7);
        ctx.fillText(value.toFixed(options.decimals), element.x, element.y - 7);
      });
    });
    ctx.restore();
  },
};
