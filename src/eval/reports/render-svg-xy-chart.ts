import { escapeHtml } from './escape-html.js';
import { niceAxis } from './nice-axis.js';
import { defaultChartLayout, renderChartAxes, type ChartLayout } from './render-chart-axes.js';
import { seriesColor } from './series-color.js';

/** One point of an XY series. */
export interface XyPoint {
  readonly x: number;
  readonly y: number;
  /** Tooltip text; default `label: x, y`. */
  readonly title?: string;
  /** Marker radius in pixels; default the chart's `pointRadius`. */
  readonly radius?: number;
  /** Extra `data-*` attributes (name without `data-`), so pages and tests can read what a point stands for. */
  readonly data?: Readonly<Record<string, string | number>>;
}

/** One curve (a run): points joined in the given order. */
export interface XySeries {
  readonly label: string;
  readonly points: readonly XyPoint[];
}

/** A chart of points over two numeric axes from 0, such as a reliability diagram or a trade-off curve. */
export interface XyChart {
  /** Names the chart in `data-chart`, so pages and tests can find it. */
  readonly id: string;
  readonly title: string;
  readonly series: readonly XySeries[];
  readonly xLabel: string;
  readonly yLabel: string;
  /** Upper bounds of the axes; default 1 (rates). */
  readonly xMax?: number;
  readonly yMax?: number;
  /** When given, draws the line y = x (dashed, `line.diagonal`), labelled with this text below its right end. */
  readonly diagonal?: string;
  /** Formats the ticks of both axes; default `String`. */
  readonly format?: (value: number) => string;
  /** Default marker radius; default 4. */
  readonly pointRadius?: number;
  readonly layout?: ChartLayout;
}

/**
 * Renders an XY line chart as a standalone inline `<svg>`: per series a `polyline.line` through its points (in
 * order) and one `circle.point` per point (with `data-series`, `data-x`, `data-y`, any extra `data-*`, and a
 * `<title>` tooltip); x ticks along the bottom, y grid and ticks from the shared frame, and optionally the y = x
 * reference line. Values beyond an axis maximum are drawn at the edge.
 *
 * @example
 * renderSvgXyChart({ id: 'reliability', title: 'Reliability', xLabel: 'predicted', yLabel: 'observed',
 *   diagonal: 'perfect calibration', series: [{ label: 'run a', points: [{ x: 0.15, y: 0.1 }, { x: 0.85, y: 0.9 }] }] });
 */
export function renderSvgXyChart(chart: XyChart): string {
  const layout = chart.layout ?? defaultChartLayout;
  const format = chart.format ?? String;
  const xAxis = niceAxis(chart.xMax ?? 1);
  const yAxis = niceAxis(chart.yMax ?? 1);
  const plotBottom = layout.height - layout.bottom;
  const plotRight = layout.width - layout.right;
  const x = (value: number): number => layout.left + (Math.min(Math.max(value, 0), xAxis.max) / xAxis.max) * (plotRight - layout.left);
  const y = (value: number): number => plotBottom - (Math.min(Math.max(value, 0), yAxis.max) / yAxis.max) * (plotBottom - layout.top);
  const at = (value: number): string => value.toFixed(1);
  const ticks = xAxis.ticks.map(
    (tick) => `<text class="x-tick" x="${at(x(tick))}" y="${plotBottom + 16}" text-anchor="middle">${escapeHtml(format(tick))}</text>`,
  );
  const reach = Math.min(xAxis.max, yAxis.max);
  const diagonal =
    chart.diagonal === undefined
      ? ''
      : `<line class="diagonal" x1="${at(x(0))}" y1="${at(y(0))}" x2="${at(x(reach))}" y2="${at(y(reach))}" ` +
        `stroke="#8c959f" stroke-width="1.5" stroke-dasharray="5 4"><title>${escapeHtml(chart.diagonal)}</title></line>` +
        // Below the line at the right, the corner curves above the diagonal (the usual case) leave empty.
        `<text class="diagonal-label" x="${at(x(reach) - 6)}" y="${at(y(reach * 0.55))}" text-anchor="end">${escapeHtml(chart.diagonal)}</text>`;
  const curves = chart.series.map((series, seriesIndex) => {
    const color = seriesColor(seriesIndex);
    const path = series.points.map((point) => `${at(x(point.x))},${at(y(point.y))}`).join(' ');
    const marks = series.points.map((point) => {
      const extra = Object.entries(point.data ?? {})
        .map(([name, value]) => ` data-${escapeHtml(name)}="${escapeHtml(String(value))}"`)
        .join('');
      const title = point.title ?? `${series.label}: ${format(point.x)}, ${format(point.y)}`;
      return (
        `<circle class="point" data-series="${seriesIndex}" data-x="${point.x}" data-y="${point.y}"${extra} ` +
        `cx="${at(x(point.x))}" cy="${at(y(point.y))}" r="${point.radius ?? chart.pointRadius ?? 4}" fill="${color}" fill-opacity="0.85">` +
        `<title>${escapeHtml(title)}</title></circle>`
      );
    });
    const line = series.points.length < 2 ? '' : `<polyline class="line" fill="none" stroke="${color}" stroke-width="2" points="${path}"/>`;
    return `<g class="series" data-series="${seriesIndex}">${line}${marks.join('')}</g>`;
  });
  const frame = renderChartAxes({ layout, title: chart.title, seriesLabels: chart.series.map((series) => series.label),
    yAxis, xLabel: chart.xLabel, yLabel: chart.yLabel, format });
  return (
    `<svg class="chart" data-chart="${escapeHtml(chart.id)}" xmlns="http://www.w3.org/2000/svg" role="img" ` +
    `width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">` +
    `<title>${escapeHtml(chart.title)}</title>${frame}${ticks.join('')}${diagonal}${curves.join('')}</svg>`
  );
}
