/**
 * Bar, stacked-bar and bar-and-line charts for the HTML reports, as inline SVG made by Apache ECharts'
 * server-side renderer: no browser, no script in the page. ECharts is loaded with a dynamic import the first
 * time a chart is drawn, so no other command pays for it.
 *
 * A chart only draws: its numbers are display values (a float is fine for a bar's height), converted from
 * exact amounts by `displayValue`. The exact figures always stand in a table beside it.
 */
import { createRequire } from 'node:module';
import { FONT_STACK, escapeHtml, trusted, type Html } from './page.js';

/** One axis of values: its name (with the unit, e.g. "网上零售额（亿元）") and what a tick label ends with. */
export interface ChartAxis {
  name: string;
  suffix?: string;
}

/** One series: bars or a line, on the first (0) or second (1) value axis; bars with the same `stack` pile up. */
export interface ChartSeries {
  name: string;
  kind: 'bar' | 'line';
  values: readonly (number | null)[];
  stack?: string;
  axis?: 0 | 1;
}

/** A horizontal reference line, e.g. a tier's threshold, labelled at its right end. */
export interface ChartThreshold {
  label: string;
  value: number;
  axis?: 0 | 1;
}

/** What a chart shows. `description` is its text alternative, read by screen readers and shown when printing fails. */
export interface ChartSpec {
  description: string;
  title?: string;
  categories: readonly string[];
  axes: readonly [ChartAxis] | readonly [ChartAxis, ChartAxis];
  series: readonly ChartSeries[];
  thresholds?: readonly ChartThreshold[];
  width?: number;
  height?: number;
}

/** A palette that stays apart in greyscale print. */
const COLOURS = ['#0b5cad', '#e8a33d', '#1a7f37', '#8250df', '#cf222e', '#57606a'];
const THRESHOLD_COLOUR = '#cf222e';
/** ECharts writes the font into a double-quoted style attribute, so the stack's names go in single quotes. */
const CHART_FONT = FONT_STACK.replace(/"/g, "'");

/** An exact amount (fen) as a display number in a unit (fen per unit: 1亿元 = 10_000_000_000n), for bar heights only. */
export function displayValue(fen: bigint, fenPerUnit: bigint): number {
  const whole = fen / fenPerUnit;
  const rest = fen % fenPerUnit;
  return Number(whole) + Number((rest * 10_000n) / fenPerUnit) / 10_000;
}

type ECharts = typeof import('echarts');
let echartsModule: ECharts | null = null;

/**
 * ECharts, loaded the first time a chart is drawn, from its one-file build (dist/echarts.min.js: the same code
 * as the package's modules). The package's own entry is some 700 modules to resolve and compile, about 680 ms
 * here; the one file takes about 140 ms, which is most of what `--report` used to add to a run's fixed cost.
 */
function loadECharts(): ECharts {
  echartsModule ??= createRequire(import.meta.url)('echarts/dist/echarts.min.js') as ECharts;
  return echartsModule;
}

/** The width a chart is drawn at for a phone: a 390 px screen less the page's margins, drawn at its own size. */
export const NARROW_WIDTH = 360;

/**
 * The chart as inline SVG markup, with a `<title>` and an image role. A chart wider than a phone is drawn twice:
 * at its width for a desk and for print, and at NARROW_WIDTH for a phone (the page's style shows one of them),
 * so that its text keeps its size on a phone instead of shrinking with the picture.
 */
export async function chart(spec: ChartSpec): Promise<Html> {
  const width = spec.width ?? 640;
  if (width <= NARROW_WIDTH + 40) return drawn(spec);
  const wide = await drawn(spec);
  const narrow = await drawn({ ...spec, width: NARROW_WIDTH, height: Math.max(spec.height ?? 300, 280) });
  return trusted(`<div class="chart-wide">${wide.html}</div><div class="chart-narrow">${narrow.html}</div>`);
}

async function drawn(spec: ChartSpec): Promise<Html> {
  const echarts = loadECharts();
  const width = spec.width ?? 640;
  const height = spec.height ?? 300;
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption(option(spec));
    const svg = instance.renderToSVGString();
    const label = escapeHtml(spec.description);
    return trusted(
      svg.replace(/^<svg\b/, `<svg role="img" aria-label="${label}" class="chart"`).replace(/^(<svg[^>]*>)/, `$1<title>${label}</title>`),
    );
  } finally {
    instance.dispose();
  }
}

function option(spec: ChartSpec): Record<string, unknown> {
  // axis ticks of display numbers, grouped by thousands ("1,200,000")
  const tick = (suffix = '') => (v: number) => `${(Number.isInteger(v) ? v : Number(v.toFixed(2))).toLocaleString('en')}${suffix}`;
  // A label sits inside the plot at the right end of its line: above the line for the highest, below it for the
  // one under (and so on, alternating), so that two close lines never print their labels on each other.
  const marks = (axis: 0 | 1) =>
    (spec.thresholds ?? [])
      .filter((t) => (t.axis ?? 0) === axis)
      .sort((x, y) => y.value - x.value)
      .map((t, i) => ({ name: t.label, yAxis: t.value, label: { formatter: t.label, position: i % 2 === 0 ? 'insideEndTop' : 'insideEndBottom', backgroundColor: 'rgba(255,255,255,0.85)', padding: [1, 3] } }));
  const markLine = (axis: 0 | 1) => {
    const data = marks(axis);
    return data.length
      ? { silent: true, symbol: 'none', lineStyle: { color: THRESHOLD_COLOUR, type: 'dashed', width: 1 }, label: { color: THRESHOLD_COLOUR, fontSize: 11 }, data }
      : undefined;
  };
  // Threshold lines ride on an empty series per axis, so they stay when a data series is hidden or absent.
  const carriers = spec.axes.map((_, axis) => ({
    name: `__thresholds${axis}`,
    type: 'line',
    yAxisIndex: axis,
    data: [],
    markLine: markLine(axis as 0 | 1),
  }));
  return {
    animation: false,
    color: COLOURS,
    textStyle: { fontFamily: CHART_FONT },
    title: spec.title ? { text: spec.title, left: 'center', textStyle: { fontSize: 13 } } : undefined,
    legend: { bottom: 0, data: spec.series.map((s) => s.name) },
    // the legend may wrap
    grid: { left: 16, right: 16, top: spec.title ? 56 : 36, bottom: 36 + 22 * (legendRows(spec) - 1), containLabel: true },
    // every category is labelled (ECharts would skip some when they crowd); long ones are turned to fit
    xAxis: { type: 'category', data: [...spec.categories], axisLabel: { interval: 0, rotate: textWidth(spec.categories.join('')) + 12 * spec.categories.length > (spec.width ?? 640) * 0.55 ? 30 : 0 } },
    yAxis: spec.axes.map((a, i) => ({
      type: 'value',
      // a threshold above every bar still shows: the axis reaches it
      max: (extent: { max: number }) => {
        const top = Math.max(extent.max, ...(spec.thresholds ?? []).filter((t) => (t.axis ?? 0) === i).map((t) => t.value));
        return top > extent.max ? niceCeil(top * 1.05) : undefined;
      },
      name: a.name,
      nameTextStyle: { align: i === 0 ? 'left' : 'right' },
      position: i === 0 ? 'left' : 'right',
      splitLine: { show: i === 0 },
      axisLabel: { formatter: tick(a.suffix) },
    })),
    series: [
      ...spec.series.map((s) => ({
        name: s.name,
        type: s.kind,
        yAxisIndex: s.axis ?? 0,
        stack: s.stack,
        data: [...s.values],
        barMaxWidth: 48,
        label: s.kind === 'line' ? { show: true, formatter: (p: { value: number }) => tick(spec.axes[s.axis ?? 0]?.suffix)(p.value) } : undefined,
        connectNulls: false,
      })),
      ...carriers,
    ],
  };
}

/** A round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at or above v: an axis end that reads well. */
function niceCeil(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * p >= v) ?? 10) * p;
}

/** The width of a label in pixels, estimated: CJK characters about 12, others about 7. */
function textWidth(text: string): number {
  return [...text].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 12 : 7), 0);
}

/** Rows the legend wraps into. */
function legendRows(spec: ChartSpec): number {
  const width = (spec.width ?? 640) - 32;
  let rows = 1;
  let used = 0;
  for (const s of spec.series) {
    const w = 35 + textWidth(s.name);
    if (used > 0 && used + w > width) {
      rows++;
      used = 0;
    }
    used += w;
  }
  return rows;
}

/** Bars, one series per measure or year, side by side. */
export function barChart(spec: Omit<ChartSpec, 'series'> & { series: readonly Omit<ChartSeries, 'kind'>[] }): Promise<Html> {
  return chart({ ...spec, series: spec.series.map((s) => ({ ...s, kind: 'bar' })) });
}

/** Bars piled on one another (e.g. each district's total made of its measures). */
export function stackedBarChart(spec: Omit<ChartSpec, 'series'> & { series: readonly Omit<ChartSeries, 'kind' | 'stack'>[] }): Promise<Html> {
  return chart({ ...spec, series: spec.series.map((s) => ({ ...s, kind: 'bar', stack: 'total' })) });
}
