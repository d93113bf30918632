import type { EvalRunReport, MetricGroups } from '../eval-run-report.js';
import { escapeHtml } from './escape-html.js';
import { formatMetric, type MetricUnit } from './format-metric.js';

interface MetricRow {
  readonly name: string;
  /** The value; undefined or null (not applicable, or absent in an older run) shows as a dash. */
  readonly pick: (metrics: MetricGroups) => number | null | undefined;
  readonly unit: MetricUnit;
  /** Whether a larger value is an improvement; colours the change against the first run. Null: neither. */
  readonly higherIsBetter: boolean | null;
}

const row = (name: string, pick: MetricRow['pick'], unit: MetricUnit = 'rate', higherIsBetter: boolean | null = true): MetricRow => ({
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
    row('synthesis recall@5', (m) => m.retrieval.synthesisRecallAt5),
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
  { group: 'gates', rows: [
    // More abstentions is neither better nor worse by itself: their precision says which.
    row('answerability gate abstentions', (m) => m.gates?.gateAbstentions, 'count', null),
    row('answerability gate precision', (m) => m.gates?.gatePrecision),
    row('answerer abstentions', (m) => m.gates?.modelAbstentions, 'count', null),
    row('answerer precision', (m) => m.gates?.modelPrecision),
    row('answerable reaching the answerer', (m) => m.gates?.reachedModel),
    row('unanswerable reaching the answerer', (m) => m.gates?.unanswerableReachedModel, 'rate', false),
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
 * Renders the headline metrics `<table>`: retrieval (with synthesis recall@5), answer, abstention, the two abstention
 * gates (when a run has them), citations, faithfulness, behaviour (cases with checks, their pass rate, and the pass
 * rate per check type), model usage and latency, one column per run. From the second
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
  // A group no run has (gates of runs without an answerability gate) is left out rather than shown as dashes.
  const present = groups.filter(({ rows }) => rows.some((metric) => runs.some((run) => (metric.pick(run) ?? undefined) !== undefined)));
  const split = present.findIndex(({ group }) => group === 'faithfulness') + 1;
  const ordered = [...present.slice(0, split), behaviour, ...present.slice(split)];
  const head = runs.map((run, index) => `<th scope="col">${escapeHtml(labels[index] ?? run.runId)}</th>`).join('');
  const bodies = ordered.map(({ group, rows }) => {
    const lines = rows.map((metric) => {
      const baseline = runs[0] === undefined ? undefined : (metric.pick(runs[0]) ?? undefined);
      const cells = runs.map((run, index) => {
        const value = metric.pick(run) ?? undefined;
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
  const better = metric.higherIsBetter === null ? undefined : delta > 0 === metric.higherIsBetter;
  const shown = metric.unit === 'rate' ? `${(delta * 100).toFixed(1)} pt` : formatMetric(delta, metric.unit);
  const sign = delta > 0 ? '+' : '';
  const verdict = better === undefined ? '' : better ? ' better' : ' worse';
  return ` <span class="change${verdict}">${sign}${escapeHtml(shown)}</span>`;
}
