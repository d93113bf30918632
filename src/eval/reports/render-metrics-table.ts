import type { EvalRunReport, MetricGroups } from '../eval-run-report.js';
import { escapeHtml } from './escape-html.js';
import { formatMetric, type MetricUnit } from './format-metric.js';

interface MetricRow {
  readonly name: string;
  readonly pick: (metrics: MetricGroups) => number | undefined;
  readonly unit: MetricUnit;
  /** Whether a larger value is an improvement; colours the change against the first run. */
  readonly higherIsBetter: boolean;
}

const row = (name: string, pick: MetricRow['pick'], unit: MetricUnit = 'rate', higherIsBetter = true): MetricRow => ({
  name,
  pick,
  unit,
  higherIsBetter,
});

const groups: readonly { readonly group: string; readonly rows: readonly MetricRow[] }[] = [
  { group: 'retrieval', rows: [
    row('recall@1', (m) => m.retrieval.recallAt1),
    row('recall@5', (m) => m.retrieval.recallAt5),
    row('recall@10', (m) => m.retrieval.recallAt10),
    row('MRR@10', (m) => m.retrieval.mrrAt10),
    row('nDCG@10', (m) => m.retrieval.ndcgAt10),
  ] },
  { group: 'answer', rows: [
    row('correct', (m) => m.answer.correct),
    row('token F1', (m) => m.answer.f1),
    row('exact match', (m) => m.answer.exact),
  ] },
  { group: 'abstention', rows: [
    row('precision', (m) => m.abstention.precision),
    row('recall', (m) => m.abstention.recall),
    row('F1', (m) => m.abstention.f1),
    row('over-refusal', (m) => m.abstention.overRefusal, 'rate', false),
  ] },
  { group: 'citations', rows: [
    row('precision', (m) => m.citations.precision),
    row('recall', (m) => m.citations.recall),
  ] },
  { group: 'faithfulness', rows: [
    row('supported sentences', (m) => m.faithfulness.supported),
    row('judged claims supported', (m) => m.faithfulness.judged),
    row('judged spread (std)', (m) => m.faithfulness.judgedSpread?.std, 'rate', false),
  ] },
  { group: 'model usage', rows: [
    row('model calls', (m) => m.cost.modelCalls, 'count', false),
    row('input tokens', (m) => m.cost.inputTokens, 'count', false),
    row('cached input tokens', (m) => m.cost.cachedInputTokens, 'count'),
    row('output tokens', (m) => m.cost.outputTokens, 'count', false),
  ] },
  { group: 'latency', rows: [
    row('total p50', (m) => m.latency.p50Ms, 'ms', false),
    row('total p95', (m) => m.latency.p95Ms, 'ms', false),
    row('retrieve p50', (m) => m.latency.retrieveP50Ms, 'ms', false),
    row('retrieve p95', (m) => m.latency.retrieveP95Ms, 'ms', false),
    row('generate p50', (m) => m.latency.generateP50Ms, 'ms', false),
    row('generate p95', (m) => m.latency.generateP95Ms, 'ms', false),
  ] },
];

/**
 * Renders the headline metrics `<table>`: retrieval, answer, abstention, citations, faithfulness, behaviour (cases
 * with checks, their pass rate, and the pass rate per check type) and latency, one column per run. From the second
 * run on, each value also shows its change against the first run, marked better or worse.
 *
 * @example
 * renderMetricsTable([before, after], runLabels([before, after]));
 */
export function renderMetricsTable(runs: readonly EvalRunReport[], labels: readonly string[]): string {
  const checkTypes = [...new Set(runs.flatMap((run) => Object.keys(run.behaviour.byType)))].sort();
  const behaviour = {
    group: 'behaviour',
    rows: [
      row('cases with checks', (m) => m.behaviour.cases, 'count'),
      row('cases passing all checks', (m) => m.behaviour.passRate),
      ...checkTypes.map((type) => row(`check ${type}`, (m) => m.behaviour.byType[type]?.passRate)),
    ],
  };
  const ordered = [...groups.slice(0, 5), behaviour, ...groups.slice(5)];
  const head = runs.map((run, index) => `<th scope="col">${escapeHtml(labels[index] ?? run.runId)}</th>`).join('');
  const bodies = ordered.map(({ group, rows }) => {
    const lines = rows.map((metric) => {
      const baseline = runs[0] === undefined ? undefined : metric.pick(runs[0]);
      const cells = runs.map((run, index) => {
        const value = metric.pick(run);
        if (value === undefined) return '<td class="num">—</td>';
        const change = index === 0 || baseline === undefined ? '' : renderChange(value - baseline, metric);
        return `<td class="num">${escapeHtml(formatMetric(value, metric.unit))}${change}</td>`;
      });
      return `<tr><th scope="row">${escapeHtml(metric.name)}</th>${cells.join('')}</tr>`;
    });
    return `<tbody><tr class="group"><th colspan="${runs.length + 1}">${escapeHtml(group)}</th></tr>${lines.join('')}</tbody>`;
  });
  return (
    `<table class="metrics-table"><caption>Headline metrics</caption>` +
    `<thead><tr><th scope="col">metric</th>${head}</tr></thead>${bodies.join('')}</table>`
  );
}

function renderChange(delta: number, metric: MetricRow): string {
  // Below display precision a change is noise: a rate to 0.1 percentage point, a time to 0.1 ms.
  const threshold = metric.unit === 'rate' ? 0.0005 : 0.05;
  if (Math.abs(delta) < threshold) return ' <span class="change same">±0</span>';
  const better = delta > 0 === metric.higherIsBetter;
  const shown = metric.unit === 'rate' ? `${(delta * 100).toFixed(1)} pt` : formatMetric(delta, metric.unit);
  const sign = delta > 0 ? '+' : '';
  return ` <span class="change ${better ? 'better' : 'worse'}">${sign}${escapeHtml(shown)}</span>`;
}
