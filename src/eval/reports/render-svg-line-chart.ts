import { escapeHtml } from './escape-html.js';
import { niceAxis } from './nice-axis.js';
import { defaultChartLayout, renderChartAxes, type ChartLayout } from './render-chart-axes.js';
import { seriesColor } from './series-color.js';

/** One line (a run): one y value per x value of the chart. */
export interface LineSeries {
  readonly label: string;
  readonly values: readonly number[];
}

/** A line chart over numeric x values (such as k = 1, 5, 10), one line per series. */
export interface LineChart {
  /** Names the chart in `data-chart`, so pages and tests can find it. */
  readonly id: string;
  readonly title: string;
  /** Distinct x values in increasing order; points sit at their proportional position. */
  readonly xValues: readonly number[];
  readonly series: readonly LineSeries[];
  readonly xLabel: string;
  readonly yLabel: string;
  /** Upper bound of the value axis; default: a nice number at or above the largest value. */
  readonly yMax?: number;
  /** Formats tick and point values; default `String`. */
  readonly format?: (value: number) => string;
  readonly layout?: ChartLayout;
}

/**
 * Renders a line chart as a standalone inline `<svg>`: per series a `polyline.line` and one `circle.point` per x
 * value (with `data-value` and its value printed beside it: above the highest point at that x, below the lowest,
 * to the right of those between, so runs with close values stay readable), x ticks at each x value.
 *
 * @example
 * renderSvgLineChart({ id: 'recall', title: 'Recall@k', xValues: [1, 5, 10],
 *   series: [{ label: 'run a', values: [0.4, 0.7, 0.8] }], xLabel: 'k', yLabel: 'recall', yMax: 1 });
 */
export function renderSvgLineChart(chart: LineChart): string {
  const layout = chart.layout ?? defaultChartLayout;
  const format = chart.format ?? String;
  const largest = Math.max(0, ...chart.series.flatMap((series) => series.values));
  const yAxis = niceAxis(chart.yMax ?? largest);
  const plotBottom = layout.height - layout.bottom;
  const plotHeight = plotBottom - layout.top;
  // Inset the first and last x value so their points and labels do not sit on the axes.
  const inset = 24;
  const plotLeft = layout.left + inset;
  const plotWidth = layout.width - layout.right - inset - plotLeft;
  const first = chart.xValues[0] ?? 0;
  const span = (chart.xValues[chart.xValues.length - 1] ?? first) - first;
  const x = (value: number): number => (span === 0 ? plotLeft + plotWidth / 2 : plotLeft + ((value - first) / span) * plotWidth);
  const y = (value: number): number => plotBottom - (Math.min(value, yAxis.max) / yAxis.max) * plotHeight;
  const placements = chart.xValues.map((_, xIndex) => labelPlacements(chart.series.map((series) => series.values[xIndex] ?? 0)));
  const lines = chart.series.map((series, seriesIndex) => {
    const color = seriesColor(seriesIndex);
    const points = chart.xValues.map((xValue, index) => ({ xValue, value: series.values[index] ?? 0 }));
    const path = points.map((point) => `${x(point.xValue).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ');
    const marks = points.map((point, xIndex) => {
      const cx = x(point.xValue);
      const cy = y(point.value);
      const placement = placements[xIndex]?.[seriesIndex] ?? 'above';
      const label = placement === 'right' ? { dx: 8, dy: 4, anchor: 'start' } : { dx: 0, dy: placement === 'above' ? -9 : 17, anchor: 'middle' };
      const text = `${series.label} · ${chart.xLabel} ${point.xValue}: ${format(point.value)}`;
      return (
        `<circle class="point" data-series="${seriesIndex}" data-x="${point.xValue}" data-value="${point.value}" ` +
        `cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="4" fill="${color}"><title>${escapeHtml(text)}</title></circle>` +
        `<text class="value" x="${(cx + label.dx).toFixed(1)}" y="${(cy + label.dy).toFixed(1)}" text-anchor="${label.anchor}" fill="${color}">` +
        `${escapeHtml(format(point.value))}</text>`
      );
    });
    return `<polyline class="line" fill="none" stroke="${color}" stroke-width="2" points="${path}"/>${marks.join('')}`;
  });
  const ticks = chart.xValues.map(
    (xValue) =>
      `<text class="x-tick" x="${x(xValue).toFixed(1)}" y="${plotBottom + 16}" text-anchor="middle">${xValue}</text>`,
  );
  const frame = renderChartAxes({ layout, title: chart.title, seriesLabels: chart.series.map((series) => series.label),
    yAxis, xLabel: chart.xLabel, yLabel: chart.yLabel, format });
  return (
    `<svg class="chart" data-chart="${escapeHtml(chart.id)}" xmlns="http://www.w3.org/2000/svg" role="img" ` +
    `width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">` +
    `<title>${escapeHtml(chart.title)}</title>${frame}${ticks.join('')}${lines.join('')}</svg>`
  );
}

// Where each series' value label goes at one x: the highest point's above, the lowest's below, the rest beside.
function labelPlacements(values: readonly number[]): ('above' | 'below' | 'right')[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => b.value - a.value || a.index - b.index);
  const placements = new Array<'above' | 'below' | 'right'>(values.length).fill('right');
  const highest = order[0];
  const lowest = order[order.length - 1];
  if (highest !== undefined) placements[highest.index] = 'above';
  if (lowest !== undefined && lowest !== highest) placements[lowest.index] = 'below';
  return placements;
}
