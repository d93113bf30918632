import { escapeHtml } from './escape-html.js';
import { niceAxis } from './nice-axis.js';
import { defaultChartLayout, renderChartAxes, type ChartLayout } from './render-chart-axes.js';
import { seriesColor } from './series-color.js';

/** One series of a grouped bar chart (a run): one value per category. */
export interface BarSeries {
  readonly label: string;
  readonly values: readonly number[];
}

/** A grouped bar chart: for each category, one bar per series, side by side. */
export interface BarChart {
  /** Names the chart in `data-chart`, so pages and tests can find it. */
  readonly id: string;
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
  readonly xLabel: string;
  readonly yLabel: string;
  /** Upper bound of the value axis; default: a nice number at or above the largest value. */
  readonly yMax?: number;
  /** Integer ticks (for counts); default false. */
  readonly integer?: boolean;
  /** Formats tick and bar values; default `String`. */
  readonly format?: (value: number) => string;
  /** Print "0" above empty bars; default true (a histogram turns it off to keep empty bins quiet). */
  readonly labelZeros?: boolean;
  readonly layout?: ChartLayout;
}

/**
 * Renders a grouped bar chart as a standalone inline `<svg>`: every category gets one `rect.bar` per series (also
 * when the value is 0, at zero height), each labelled with its value above it and carrying `data-value`; category
 * names sit under the groups, split over two lines at a hyphen or space when long.
 *
 * @example
 * renderSvgBarChart({ id: 'failures', title: 'Failures', categories: ['retrieval-miss'],
 *   series: [{ label: 'run a', values: [3] }], xLabel: 'failure kind', yLabel: 'cases', integer: true });
 */
export function renderSvgBarChart(chart: BarChart): string {
  const layout = chart.layout ?? defaultChartLayout;
  const format = chart.format ?? String;
  const largest = Math.max(0, ...chart.series.flatMap((series) => series.values));
  const yAxis = niceAxis(chart.yMax ?? largest, 5, chart.integer ?? false);
  const plotBottom = layout.height - layout.bottom;
  const plotHeight = plotBottom - layout.top;
  const groupWidth = (layout.width - layout.left - layout.right) / Math.max(1, chart.categories.length);
  const barWidth = (groupWidth * 0.8) / Math.max(1, chart.series.length);
  const bars: string[] = [];
  const labels: string[] = [];
  chart.categories.forEach((category, categoryIndex) => {
    const groupLeft = layout.left + categoryIndex * groupWidth + groupWidth * 0.1;
    chart.series.forEach((series, seriesIndex) => {
      const value = series.values[categoryIndex] ?? 0;
      const height = (Math.min(value, yAxis.max) / yAxis.max) * plotHeight;
      const x = groupLeft + seriesIndex * barWidth;
      const text = `${series.label} · ${category}: ${format(value)}`;
      const label =
        value === 0 && chart.labelZeros === false
          ? ''
          : `<text class="value" x="${(x + barWidth / 2 - 1).toFixed(1)}" y="${(plotBottom - height - 4).toFixed(1)}" ` +
            `text-anchor="middle">${escapeHtml(format(value))}</text>`;
      bars.push(
        `<rect class="bar" data-series="${seriesIndex}" data-category="${escapeHtml(category)}" data-value="${value}" ` +
          `x="${x.toFixed(1)}" y="${(plotBottom - height).toFixed(1)}" width="${Math.max(1, barWidth - 2).toFixed(1)}" ` +
          `height="${height.toFixed(1)}" fill="${seriesColor(seriesIndex)}"><title>${escapeHtml(text)}</title></rect>`,
        label,
      );
    });
    labels.push(renderCategoryLabel(category, groupLeft + groupWidth * 0.4, plotBottom + 16));
  });
  const frame = renderChartAxes({ layout, title: chart.title, seriesLabels: chart.series.map((series) => series.label),
    yAxis, xLabel: chart.xLabel, yLabel: chart.yLabel, format });
  return (
    `<svg class="chart" data-chart="${escapeHtml(chart.id)}" xmlns="http://www.w3.org/2000/svg" role="img" ` +
    `width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">` +
    `<title>${escapeHtml(chart.title)}</title>${frame}${bars.join('')}${labels.join('')}</svg>`
  );
}

// Long names such as 'answered-unanswerable' would run into their neighbours on one line.
function renderCategoryLabel(category: string, x: number, y: number): string {
  const lines = splitLabel(category);
  const spans = lines
    .map((line, index) => `<tspan x="${x.toFixed(1)}" dy="${index === 0 ? 0 : 13}">${escapeHtml(line)}</tspan>`)
    .join('');
  return `<text class="x-tick" x="${x.toFixed(1)}" y="${y}" text-anchor="middle">${spans}</text>`;
}

function splitLabel(label: string): string[] {
  if (label.length <= 12) return [label];
  const breaks = [...label.matchAll(/[-\s]/g)].map((match) => match.index);
  if (breaks.length === 0) return [label];
  const middle = label.length / 2;
  const at = breaks.reduce((best, index) => (Math.abs(index - middle) < Math.abs(best - middle) ? index : best));
  const keepsHyphen = label[at] === '-';
  return [label.slice(0, keepsHyphen ? at + 1 : at), label.slice(at + 1)];
}
