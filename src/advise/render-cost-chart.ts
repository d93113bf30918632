import { escapeHtml } from '../eval/reports/escape-html.js';
import { niceAxis } from '../eval/reports/nice-axis.js';
import { defaultChartLayout, renderChartAxes } from '../eval/reports/render-chart-axes.js';
import { seriesColor } from '../eval/reports/series-color.js';
import type { Crossover } from './advice-report.js';
import { daysPerMonth } from './compute-crossover.js';
import { formatUsd } from './format-usd.js';

/**
 * Renders the cost-versus-volume chart as a standalone inline `<svg data-chart="cost-vs-volume">`: monthly cost of
 * RAG and of the fine-tuned model over requests per day (one `polyline` each, `data-series="rag"` and
 * `"fine-tuned"`), the break-even volume as a dashed vertical line (`.break-even`, absent when the curves never
 * cross), and the current volume as a dotted one (`.current-volume`). Shares the axes and legend of the eval report.
 *
 * @example
 * const svg = renderCostChart(report.crossover);
 */
export function renderCostChart(crossover: Crossover): string {
  const layout = { ...defaultChartLayout, width: 640 };
  const points = crossover.curve;
  const maxVolume = points[points.length - 1]?.requestsPerDay ?? 1;
  const xAxis = niceAxis(maxVolume);
  const yAxis = niceAxis(Math.max(...points.flatMap((point) => [point.ragMonthlyUsd, point.fineTunedMonthlyUsd]), crossover.monthlyBudgetUsd ?? 0));
  const plotBottom = layout.height - layout.bottom;
  const plotRight = layout.width - layout.right;
  const x = (volume: number): number => layout.left + (volume / xAxis.max) * (plotRight - layout.left);
  const y = (usd: number): number => plotBottom - (usd / yAxis.max) * (plotBottom - layout.top);
  const line = (series: string, index: number, pick: (point: (typeof points)[number]) => number): string =>
    `<polyline class="line" data-series="${series}" fill="none" stroke="${seriesColor(index)}" stroke-width="2" points="${points
      .map((point) => `${x(point.requestsPerDay).toFixed(1)},${y(pick(point)).toFixed(1)}`)
      .join(' ')}"/>`;
  const marker = (className: string, volume: number, label: string, dash: string, labelY: number): string =>
    volume > xAxis.max
      ? ''
      : `<g class="${className}" data-requests-per-day="${volume}"><line x1="${x(volume).toFixed(1)}" x2="${x(volume).toFixed(1)}" y1="${layout.top}" y2="${plotBottom}" stroke="#57606a" stroke-dasharray="${dash}"/>` +
        `<text class="value" x="${(x(volume) + 4).toFixed(1)}" y="${labelY}">${escapeHtml(label)}</text></g>`;
  const breakEven = crossover.breakEvenRequestsPerDay;
  const budget = crossover.monthlyBudgetUsd;
  const xTicks = xAxis.ticks.map(
    (tick) => `<text class="x-tick" x="${x(tick).toFixed(1)}" y="${plotBottom + 16}" text-anchor="middle">${tick.toLocaleString('en-US')}</text>`,
  );
  const title = 'Monthly cost vs requests per day';
  const frame = renderChartAxes({
    layout,
    title,
    seriesLabels: [`RAG (${crossover.rag.model})`, `fine-tuned (${crossover.fineTuned.model})`],
    yAxis,
    xLabel: 'requests per day',
    yLabel: 'USD per month',
    format: formatUsd,
  });
  return (
    `<svg class="chart" data-chart="cost-vs-volume" xmlns="http://www.w3.org/2000/svg" role="img" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">` +
    `<title>${escapeHtml(title)}</title>${frame}${xTicks.join('')}` +
    (budget === null ? '' : `<line class="budget" x1="${layout.left}" x2="${plotRight}" y1="${y(budget).toFixed(1)}" y2="${y(budget).toFixed(1)}" stroke="#cf222e" stroke-dasharray="2 3"/>`) +
    line('rag', 0, (point) => point.ragMonthlyUsd) +
    line('fine-tuned', 1, (point) => point.fineTunedMonthlyUsd) +
    (breakEven === null || breakEven > xAxis.max
      ? ''
      : marker('break-even', breakEven, `break-even ${Math.round(breakEven).toLocaleString('en-US')}/day`, '6 4', layout.top + 12) +
        `<circle class="break-even-point" cx="${x(breakEven).toFixed(1)}" cy="${y(crossover.rag.fixedMonthlyUsd + breakEven * daysPerMonth * crossover.rag.marginalCostPerRequest).toFixed(1)}" r="4" fill="#1f2328"/>`) +
    marker('current-volume', crossover.requestsPerDay, `now ${Math.round(crossover.requestsPerDay).toLocaleString('en-US')}/day`, '2 3', layout.top + 28) +
    '</svg>'
  );
}
