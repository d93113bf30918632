import { niceAxis } from './nice-axis.js';
import type { ChartLayout } from './render-chart-axes.js';
import { renderSvgBarChart } from './render-svg-bar-chart.js';

/** A histogram of raw values (such as per-case latencies), one series per run, binned on shared edges. */
export interface Histogram {
  /** Names the chart in `data-chart`, so pages and tests can find it. */
  readonly id: string;
  readonly title: string;
  readonly series: readonly { readonly label: string; readonly values: readonly number[] }[];
  readonly xLabel: string;
  /** Unit appended to bin edges in category labels, e.g. 'ms'; default none. */
  readonly unit?: string;
  /** Most bins to use; the bin width is a nice number (1, 2 or 5 times a power of ten); default 8. */
  readonly maxBins?: number;
  readonly layout?: ChartLayout;
}

/**
 * Renders a histogram as an inline `<svg>` grouped bar chart: values are counted into equal-width bins from 0 that
 * every series shares (so runs compare bin by bin), each bin a category labelled `low–high unit` holding one
 * `rect.bar` per series. A value equal to a bin's upper edge falls in the next bin; the largest value always
 * falls in the last bin. With no value above 0 (or none at all) there is a single bin, `0–1`.
 *
 * @example
 * renderSvgHistogram({ id: 'latency', title: 'Latency', xLabel: 'total latency', unit: 'ms',
 *   series: [{ label: 'run a', values: [3, 8, 12, 40] }] });
 */
export function renderSvgHistogram(histogram: Histogram): string {
  const all = histogram.series.flatMap((series) => series.values).filter((value) => Number.isFinite(value));
  const largest = Math.max(0, ...all);
  // With nothing above 0 there is nothing to spread out: one bin 0–1 holds every value.
  const axis = largest === 0 ? niceAxis(1, 1) : niceAxis(largest, histogram.maxBins ?? 8);
  const binCount = Math.max(1, axis.ticks.length - 1);
  const unit = histogram.unit === undefined ? '' : ` ${histogram.unit}`;
  const categories = Array.from({ length: binCount }, (_, index) => {
    const low = axis.ticks[index] ?? 0;
    const high = axis.ticks[index + 1] ?? axis.max;
    return `${low}–${high}${unit}`;
  });
  const series = histogram.series.map((entry) => {
    const counts = new Array<number>(binCount).fill(0);
    for (const value of entry.values) {
      if (!Number.isFinite(value)) continue;
      const bin = Math.min(binCount - 1, Math.max(0, Math.floor(value / axis.step)));
      counts[bin] = (counts[bin] ?? 0) + 1;
    }
    return { label: entry.label, values: counts };
  });
  return renderSvgBarChart({
    id: histogram.id,
    title: histogram.title,
    categories,
    series,
    xLabel: histogram.xLabel,
    yLabel: 'cases',
    integer: true,
    labelZeros: false,
    ...(histogram.layout === undefined ? {} : { layout: histogram.layout }),
  });
}
