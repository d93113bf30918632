import { escapeHtml } from './escape-html.js';
import type { NiceAxis } from './nice-axis.js';
import { seriesColor } from './series-color.js';

/** The drawing area of a chart: the whole SVG size and the plot's margins inside it, in pixels. */
export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** Default layout of report charts: room for a title and legend above and two-line category labels below. */
export const defaultChartLayout: ChartLayout = { width: 560, height: 320, left: 64, right: 16, top: 72, bottom: 68 };

/** What the shared chart frame draws: title, legend, value axis with grid lines, and both axis labels. */
export interface ChartFrame {
  readonly layout: ChartLayout;
  readonly title: string;
  readonly seriesLabels: readonly string[];
  readonly yAxis: NiceAxis;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly format: (value: number) => string;
}

const legendCharacterWidth = 6.5;
const legendMaxCharacters = 48;

/**
 * Renders the SVG elements every report chart shares (no `<svg>` wrapper): the title, a legend with one coloured
 * square per series, horizontal grid lines with value ticks, the axis lines, and the x and y axis labels.
 *
 * @example
 * const frame = renderChartAxes({ layout: defaultChartLayout, title: 'Recall@k', seriesLabels: ['run a'],
 *   yAxis: niceAxis(1), xLabel: 'k', yLabel: 'recall', format: String });
 */
export function renderChartAxes(frame: ChartFrame): string {
  const { layout, yAxis } = frame;
  const plotBottom = layout.height - layout.bottom;
  const plotRight = layout.width - layout.right;
  const y = (value: number): number => plotBottom - (value / yAxis.max) * (plotBottom - layout.top);
  const grid = yAxis.ticks.map((tick) => {
    const at = y(tick).toFixed(1);
    return (
      `<line class="grid" x1="${layout.left}" x2="${plotRight}" y1="${at}" y2="${at}"/>` +
      `<text class="y-tick" x="${layout.left - 6}" y="${at}" text-anchor="end" dominant-baseline="middle">` +
      `${escapeHtml(frame.format(tick))}</text>`
    );
  });
  const middleY = (layout.top + plotBottom) / 2;
  return [
    `<text class="chart-title" x="${layout.left}" y="20">${escapeHtml(frame.title)}</text>`,
    renderLegend(frame.seriesLabels, layout),
    ...grid,
    `<line class="axis" x1="${layout.left}" x2="${layout.left}" y1="${layout.top}" y2="${plotBottom}"/>`,
    `<line class="axis" x1="${layout.left}" x2="${plotRight}" y1="${plotBottom}" y2="${plotBottom}"/>`,
    `<text class="axis-label x-label" x="${(layout.left + plotRight) / 2}" y="${layout.height - 8}" text-anchor="middle">` +
      `${escapeHtml(frame.xLabel)}</text>`,
    `<text class="axis-label y-label" x="14" y="${middleY}" text-anchor="middle" ` +
      `transform="rotate(-90 14 ${middleY})">${escapeHtml(frame.yLabel)}</text>`,
  ].join('');
}

// Items flow left to right and wrap to a second row when a label would cross the right edge.
function renderLegend(labels: readonly string[], layout: ChartLayout): string {
  let x = layout.left;
  let y = 38;
  return labels
    .map((label, index) => {
      const shown = label.length > legendMaxCharacters ? `${label.slice(0, legendMaxCharacters - 1)}…` : label;
      const width = 14 + shown.length * legendCharacterWidth;
      if (x > layout.left && x + width > layout.width - layout.right) {
        x = layout.left;
        y += 16;
      }
      const item =
        `<g class="legend-item"><rect x="${x}" y="${y - 9}" width="10" height="10" fill="${seriesColor(index)}"/>` +
        `<text x="${x + 14}" y="${y}">${escapeHtml(shown)}</text></g>`;
      x += width + 16;
      return item;
    })
    .join('');
}
