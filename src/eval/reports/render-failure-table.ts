import { failureKinds, type EvalRunReport } from '../eval-run-report.js';
import { escapeHtml } from './escape-html.js';
import { formatMetric } from './format-metric.js';

// What each failure kind means, for the row's tooltip and the reader new to the report.
const meanings: Readonly<Record<string, string>> = {
  'retrieval-miss': 'the evidence was not among the passages the answerer read',
  'generation-miss': 'the evidence was retrieved but the answer is wrong',
  'citation-miss': 'the answer is right but its citations do not point at the evidence',
  'behaviour-miss': 'a behaviour check (length, format, wording, language) failed',
  'false-abstention': 'the system abstained on an answerable question',
  'answered-unanswerable': 'the system answered a question the documents cannot answer',
};

/**
 * Renders the failure attribution summary `<table>`: one row per failure kind (in `failureKinds` order) with its
 * count and share of cases per run, then rows for all failed and passed cases. Runs are columns, side by side.
 *
 * @example
 * renderFailureTable([before, after], runLabels([before, after]));
 */
export function renderFailureTable(runs: readonly EvalRunReport[], labels: readonly string[]): string {
  const cell = (count: number, run: EvalRunReport): string =>
    `<td class="num">${count} <span class="share">${formatMetric(run.cases === 0 ? 0 : count / run.cases, 'rate')}</span></td>`;
  const head = runs.map((run, index) => `<th scope="col">${escapeHtml(labels[index] ?? run.runId)}</th>`).join('');
  const kindRows = failureKinds.map((kind) => {
    const cells = runs.map((run) => cell(run.failures[kind] ?? 0, run)).join('');
    return `<tr><th scope="row" title="${escapeHtml(meanings[kind] ?? '')}"><span class="badge failure">${escapeHtml(kind)}</span></th>${cells}</tr>`;
  });
  const failed = (run: EvalRunReport): number => failureKinds.reduce((sum, kind) => sum + (run.failures[kind] ?? 0), 0);
  const totalRows = [
    `<tr class="total"><th scope="row">failed</th>${runs.map((run) => cell(failed(run), run)).join('')}</tr>`,
    `<tr class="total"><th scope="row">passed</th>${runs.map((run) => cell(run.cases - failed(run), run)).join('')}</tr>`,
  ];
  return (
    `<table class="failure-table"><caption>Failure attribution: the stage that lost each failed case</caption>` +
    `<thead><tr><th scope="col">failure kind</th>${head}</tr></thead>` +
    `<tbody>${kindRows.join('')}</tbody><tfoot>${totalRows.join('')}</tfoot></table>`
  );
}
