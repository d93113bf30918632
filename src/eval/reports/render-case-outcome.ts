import type { CaseRecord } from '../eval-run-report.js';
import { escapeHtml } from './escape-html.js';
import { formatMetric } from './format-metric.js';
import { seriesColor } from './series-color.js';

const span = (item: { readonly doc: string; readonly start: number; readonly end: number }): string =>
  `<code class="doc">${escapeHtml(item.doc)}</code> <span class="span">${item.start}–${item.end}</span>`;

/**
 * Renders what one run did on one case, as a `<section class="outcome">`: the failure kind (or "passed"), the
 * answer (flagged when abstained, with the gate that abstained), its citations (doc, span, quote), the scores (and
 * the predicted answerability), the behaviour checks, the latency, and the retrieved chunks (rank, doc, span,
 * relevant ones marked) in a collapsible block. A run that did not have the case says so.
 *
 * @example
 * renderCaseOutcome(report.perCase[0], 'lexical / extractive (a1b2c3)', 0);
 */
export function renderCaseOutcome(record: CaseRecord | undefined, label: string, runIndex: number): string {
  const heading = `<h4><span class="swatch" style="background:${seriesColor(runIndex)}"></span>${escapeHtml(label)}</h4>`;
  if (record === undefined) return `<section class="outcome missing">${heading}<p class="muted">not in this run</p></section>`;
  const verdict =
    record.failure === null
      ? '<span class="badge passed">passed</span>'
      : `<span class="badge failure">${escapeHtml(record.failure)}</span>`;
  const by = record.abstainedBy === 'gate' ? ' by the answerability gate' : record.abstainedBy === 'model' ? ' by the answerer' : '';
  const answer = record.abstained
    ? `<p class="answer abstained"><span class="badge muted-badge">abstained${by}</span> ${escapeHtml(record.answer)}</p>`
    : `<p class="answer">${escapeHtml(record.answer)}</p>`;
  const citations =
    record.citations.length === 0
      ? '<p class="muted">no citations</p>'
      : `<ol class="citations">${record.citations
          .map((citation) => `<li value="${citation.n}">${span(citation)}<blockquote>${escapeHtml(citation.quote)}</blockquote></li>`)
          .join('')}</ol>`;
  const retrieved = record.retrieved
    .map(
      (chunk) =>
        `<li class="${chunk.relevant ? 'relevant' : ''}"><span class="rank">#${chunk.rank}</span> ${span(chunk)}` +
        `${chunk.relevant ? ' <span class="badge passed" title="overlaps the evidence">relevant</span>' : ''}</li>`,
    )
    .join('');
  const checks =
    record.checks.length === 0
      ? ''
      : `<ul class="checks">${record.checks
          .map(
            (check) =>
              `<li class="${check.passed ? 'pass' : 'fail'}">${check.passed ? '✓' : '✗'} <code>${escapeHtml(check.type)}</code> ` +
              `${escapeHtml(check.detail)}</li>`,
          )
          .join('')}</ul>`;
  return (
    `<section class="outcome">${heading}<p>${verdict} <span class="muted">${escapeHtml(formatMetric(record.latencyMs.total, 'ms'))} ` +
    `(retrieve ${escapeHtml(formatMetric(record.latencyMs.retrieve, 'ms'))}, generate ${escapeHtml(formatMetric(record.latencyMs.generate, 'ms'))})</span></p>` +
    `${answer}<h5>citations</h5>${citations}${renderScores(record)}${checks}` +
    // A retrieval miss is explained by what was retrieved instead, so that list starts open.
    `<details${record.failure === 'retrieval-miss' ? ' open' : ''}><summary>retrieved top ${record.retrieved.length}</summary><ul class="retrieved">${retrieved}</ul></details></section>`
  );
}

function renderScores(record: CaseRecord): string {
  const { scores } = record;
  const entries: [string, number | null][] = [
    ['R@1', scores.recallAt1],
    ['R@5', scores.recallAt5],
    ['R@10', scores.recallAt10],
    ['MRR', scores.mrrAt10],
    ['nDCG', scores.ndcgAt10],
    ['correct', scores.correct],
    ['F1', scores.f1],
    ['exact', scores.exact],
    ['cite P', scores.citationPrecision],
    ['cite R', scores.citationRecall],
    ['faithful', scores.faithfulness],
    // `??`: records of runs stored before predictions were recorded have no field.
    ['answerability', record.answerability ?? null],
  ];
  const cells = entries
    .map(([name, value]) => `<div><dt>${name}</dt><dd>${value === null ? '—' : value.toFixed(2)}</dd></div>`)
    .join('');
  return `<dl class="scores">${cells}</dl>`;
}
