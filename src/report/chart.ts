/**
 * Bar, stacked-bar and bar-and-line charts for the HTML reports, as inline SVG made by Apache ECharts'
 * server-side renderer: no browser, no script in the page. ECharts is loaded with a dynamic import the first
 * time a chart is drawn, so no other command pays for it.
 *
 * A chart only draws: its numbers are display values (a float is fine for a bar's height), converted from
 * exact amounts by `displayValue`. The exact figures always stand in a table beside it.
 */
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

/** The chart as inline SVG markup, with a `<title>` and an image role. */
export async function chart(spec: ChartSpec): Promise<Html> {
  const echarts = await import('echarts');
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
  const tick = (suffix = '') => (v: number) => `${Number.isInteger(v) ? v : Number(v.toFixed(2))}${suffix}`;
  const marks = (axis: 0 | 1) =>
    (spec.thresholds ?? [])
      .filter((t) => (t.axis ?? 0) === axis)
      .map((t) => ({ name: t.label, yAxis: t.value, label: { formatter: t.label, position: 'insideEndTop' } }));
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
    title: spec.title ? { text: spec.title, left: 'center', textStyle: { fontSize: 14 } } : undefined,
    legend: { bottom: 0, data: spec.series.map((s) => s.name) },
    grid: { left: 16, right: 16, top: spec.title ? 56 : 36, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: [...spec.categories] },
    yAxis: spec.axes.map((a, i) => ({
      type: 'value',
      name: a.name,
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

/** Bars, one series per measure or year, side by side. */
export function barChart(spec: Omit<ChartSpec, 'series'> & { series: readonly Omit<ChartSeries, 'kind'>[] }): Promise<Html> {
  return chart({ ...spec, series: spec.series.map((s) => ({ ...s, kind: 'bar' })) });
}

/** Bars piled on one another (e.g. each district's total made of its measures). */
export function stackedBarChart(spec: Omit<ChartSpec, 'series'> & { series: readonly Omit<ChartSeries, 'kind' | 'stack'>[] }): Promise<Html> {
  return chart({ ...spec, series: spec.series.map((s) => ({ ...s, kind: 'bar', stack: 'total' })) });
}
