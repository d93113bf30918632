import type { AbstentionTradeoffPoint } from '../metrics/abstention-tradeoff-curve.js';
import type { EvalRunReport } from '../eval-run-report.js';
import { escapeHtml } from './escape-html.js';
import { formatMetric } from './format-metric.js';
import { renderSvgXyChart, type XyPoint } from './render-svg-xy-chart.js';

const percent = (value: number): string => formatMetric(value, 'rate').replace('.0%', '%');
const decimal = (value: number): string => String(Number(value.toFixed(2)));

/**
 * Renders the answerability calibration figures of the runs that have them, each a `<figure>` with an inline SVG:
 * `answerability-reliability` (a reliability diagram: per non-empty bin, the mean predicted answerability against
 * the observed share of answerable cases, one point per bin sized by its case count, with the diagonal of perfect
 * calibration; the Brier score of each run below it) and `abstention-tradeoff` (over-refusal against abstention
 * recall as the gate threshold sweeps 0..1, with the diagonal of refusing at random; only for runs with both
 * answerable and unanswerable cases). No figure when no run has a calibration.
 *
 * @example
 * renderCalibrationCharts([run], runLabels([run])); // ['<figure>…reliability…</figure>', '<figure>…trade-off…</figure>']
 */
export function renderCalibrationCharts(runs: readonly EvalRunReport[], labels: readonly string[]): string[] {
  const calibrated = runs
    .map((run, index) => ({ label: labels[index] ?? run.runId, calibration: run.answerabilityCalibration }))
    .filter((entry) => entry.calibration !== undefined);
  if (calibrated.length === 0) return [];
  const largestBin = Math.max(1, ...calibrated.flatMap((entry) => entry.calibration?.bins.map((bin) => bin.count) ?? []));
  const reliability = renderSvgXyChart({
    id: 'answerability-reliability',
    title: 'Answerability reliability',
    series: calibrated.map(({ label, calibration }) => ({
      label,
      points: (calibration?.bins ?? []).flatMap((bin): XyPoint[] =>
        bin.count === 0 || bin.meanPredicted === null || bin.observedAnswerable === null
          ? []
          : [{
              x: bin.meanPredicted,
              y: bin.observedAnswerable,
              // Area grows with the cases behind a point, so a bin of two does not look as sure as one of fifty.
              radius: 3 + 5 * Math.sqrt(bin.count / largestBin),
              data: { count: bin.count, lower: bin.lower, upper: bin.upper },
              title: `${label} · predicted ${decimal(bin.lower)}–${decimal(bin.upper)}: ${bin.count} cases, ` +
                `mean predicted ${decimal(bin.meanPredicted)}, ${percent(bin.observedAnswerable)} answerable`,
            }],
      ),
    })),
    xLabel: 'predicted answerability (bin mean)',
    yLabel: 'observed share answerable',
    diagonal: 'perfect calibration',
    format: decimal,
  });
  const brier = calibrated
    .map(({ label, calibration }) => `${escapeHtml(label)} ${calibration?.brier.toFixed(3)} (${calibration?.cases} cases)`)
    .join('; ');
  const figures = [`<figure>${reliability}<figcaption class="muted">Brier score (lower is better): ${brier}</figcaption></figure>`];
  const traded = calibrated.filter(({ calibration }) => (calibration?.answerableCases ?? 0) > 0 && (calibration?.unanswerableCases ?? 0) > 0);
  if (traded.length > 0) {
    const tradeoff = renderSvgXyChart({
      id: 'abstention-tradeoff',
      title: 'Over-refusal vs abstention recall',
      series: traded.map(({ label, calibration }) => ({ label, points: tradeoffPoints(label, calibration?.curve ?? []) })),
      xLabel: 'over-refusal (answerable cases refused)',
      yLabel: 'abstention recall',
      diagonal: 'refusing at random',
      format: percent,
      pointRadius: 3,
    });
    figures.push(
      `<figure>${tradeoff}<figcaption class="muted">Each point: abstain when answerability &lt; t, for t from 0 to 1 ` +
        'in steps of 0.02 (thresholds giving the same rates share a point).</figcaption></figure>',
    );
  }
  return figures;
}

// Consecutive thresholds with the same rates are one point, whose tooltip gives the range of t.
function tradeoffPoints(label: string, curve: readonly AbstentionTradeoffPoint[]): XyPoint[] {
  const groups: { first: number; last: number; x: number; y: number }[] = [];
  for (const point of curve) {
    if (point.overRefusal === null || point.abstentionRecall === null) continue;
    const previous = groups[groups.length - 1];
    if (previous !== undefined && previous.x === point.overRefusal && previous.y === point.abstentionRecall) previous.last = point.threshold;
    else groups.push({ first: point.threshold, last: point.threshold, x: point.overRefusal, y: point.abstentionRecall });
  }
  return groups.map((group) => ({
    x: group.x,
    y: group.y,
    data: { threshold: group.first },
    title: `${label} · t ${group.first === group.last ? decimal(group.first) : `${decimal(group.first)}–${decimal(group.last)}`}: ` +
      `over-refusal ${percent(group.x)}, abstention recall ${percent(group.y)}`,
  }));
}
