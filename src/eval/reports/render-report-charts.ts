import { failureKinds, type EvalRunReport } from '../eval-run-report.js';
import { formatMetric } from './format-metric.js';
import { renderCalibrationCharts } from './render-calibration-charts.js';
import { renderSvgBarChart } from './render-svg-bar-chart.js';
import { renderSvgHistogram } from './render-svg-histogram.js';
import { renderSvgLineChart } from './render-svg-line-chart.js';

const kindOrder = ['answerable', 'synthesis', 'unanswerable'];
const unanswerableCategory = 'unanswerable (abstained)';
const correctnessCategory = (kind: string): string => (kind === 'unanswerable' ? unanswerableCategory : kind);
const percent = (value: number): string => formatMetric(value, 'rate').replace('.0%', '%');

/**
 * Renders the report's charts, each a `<figure>` holding an inline SVG with `data-chart`: `recall-at-k` (recall at
 * k = 1, 5, 10, one line per run), `latency` (histogram of per-case total latency), `failures` (cases per failure
 * kind), `correct-by-kind` and `recall-by-kind` (answer correctness and recall@5 per golden kind). For
 * unanswerable cases "correct" means abstained (their abstention recall), shown as `unanswerable (abstained)`;
 * recall leaves out kinds with no evidence to retrieve. Runs with an answerability calibration add its reliability
 * diagram and over-refusal / abstention-recall curve (`renderCalibrationCharts`).
 *
 * @example
 * renderReportCharts([before, after], runLabels([before, after]));
 */
export function renderReportCharts(runs: readonly EvalRunReport[], labels: readonly string[]): string {
  const label = (index: number): string => labels[index] ?? runs[index]?.runId ?? String(index);
  const recall = renderSvgLineChart({
    id: 'recall-at-k',
    title: 'Recall@k',
    xValues: [1, 5, 10],
    series: runs.map((run, index) => ({
      label: label(index),
      values: [run.retrieval.recallAt1, run.retrieval.recallAt5, run.retrieval.recallAt10],
    })),
    xLabel: 'k (passages retrieved)',
    yLabel: 'recall of evidence',
    yMax: 1,
    format: percent,
  });
  const latency = renderSvgHistogram({
    id: 'latency',
    title: 'Latency per case',
    series: runs.map((run, index) => ({ label: label(index), values: run.perCase.map((record) => record.latencyMs.total) })),
    xLabel: 'total latency per case',
    unit: 'ms',
  });
  const failures = renderSvgBarChart({
    id: 'failures',
    title: 'Failure attribution',
    categories: failureKinds,
    series: runs.map((run, index) => ({ label: label(index), values: failureKinds.map((kind) => run.failures[kind] ?? 0) })),
    xLabel: 'failure kind',
    yLabel: 'cases',
    integer: true,
  });
  const byKind = (id: string, title: string, shown: readonly string[], pick: (run: EvalRunReport, kind: string) => number) => ({
    id,
    title,
    categories: shown,
    series: runs.map((run, index) => ({ label: label(index), values: shown.map((kind) => pick(run, kind)) })),
    xLabel: 'golden kind',
    yMax: 1,
    format: percent,
  });
  const kinds = orderedKinds(runs);
  const retrievableKinds = kinds.filter((kind) => runs.some((run) => run.perCase.some((record) => record.kind === kind && record.evidence.length > 0)));
  const figures = [
    recall,
    latency,
    failures,
    renderSvgBarChart({
      ...byKind('correct-by-kind', 'Answer correctness by kind', kinds.map(correctnessCategory), correctnessOf),
      yLabel: 'share of cases correct',
    }),
    renderSvgBarChart({
      ...byKind('recall-by-kind', 'Recall@5 by kind', retrievableKinds, (run, kind) => run.byKind[kind]?.retrieval.recallAt5 ?? 0),
      yLabel: 'recall of evidence at 5',
    }),
  ];
  const calibration = renderCalibrationCharts(runs, labels);
  return `<div class="charts">${figures.map((svg) => `<figure>${svg}</figure>`).join('')}${calibration.join('')}</div>`;
}

function orderedKinds(runs: readonly EvalRunReport[]): string[] {
  const present = new Set(runs.flatMap((run) => Object.keys(run.byKind)));
  return [...kindOrder.filter((kind) => present.has(kind)), ...[...present].filter((kind) => !kindOrder.includes(kind)).sort()];
}

function correctnessOf(run: EvalRunReport, category: string): number {
  // Unanswerable cases have no accepted answer: the right behaviour is to abstain.
  if (category === unanswerableCategory) return run.byKind['unanswerable']?.abstention.recall ?? 0;
  return run.byKind[category]?.answer.correct ?? 0;
}
