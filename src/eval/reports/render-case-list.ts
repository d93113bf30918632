import { failureKinds, type CaseRecord, type EvalRunReport } from '../eval-run-report.js';
import { escapeHtml } from './escape-html.js';
import { renderCaseOutcome } from './render-case-outcome.js';

// Shows only the cases the pressed button selects; the page works (everything shown) without it.
const filterScript = `
document.querySelectorAll('.case-filter button').forEach(function (button) {
  button.addEventListener('click', function () {
    var filter = button.getAttribute('data-filter');
    document.querySelectorAll('.case-filter button').forEach(function (other) {
      other.setAttribute('aria-pressed', String(other === button));
    });
    var shown = 0;
    document.querySelectorAll('article.case').forEach(function (item) {
      var failures = (item.getAttribute('data-failures') || '').split(' ');
      var visible = filter === 'all' || (filter === 'failed' ? item.getAttribute('data-failed') === 'true' : failures.indexOf(filter) >= 0);
      item.hidden = !visible;
      if (visible) shown += 1;
    });
    document.getElementById('shown-count').textContent = String(shown);
  });
});`;

/**
 * Renders the case list `<section>`: a filter toolbar (all / failed / one button per failure kind that occurs, with
 * counts, driven by a few lines of inline JS), then one `<article class="case">` per case id across the runs,
 * cases that failed in any run first (otherwise in golden order). Each case shows its question, kind, tags,
 * expected answers and evidence (doc, span, quote), then each run's outcome side by side.
 *
 * @example
 * renderCaseList([before, after], runLabels([before, after]));
 */
export function renderCaseList(runs: readonly EvalRunReport[], labels: readonly string[]): string {
  const byRun = runs.map((run) => new Map(run.perCase.map((record) => [record.id, record])));
  const ids = [...new Set(runs.flatMap((run) => run.perCase.map((record) => record.id)))];
  const records = (id: string): (CaseRecord | undefined)[] => byRun.map((map) => map.get(id));
  const failuresOf = (id: string): string[] => [
    ...new Set(records(id).flatMap((record) => (record === undefined || record.failure === null ? [] : [record.failure]))),
  ];
  // A stable sort keeps golden order within the failed and the passed cases.
  const ordered = [...ids].sort((a, b) => Number(failuresOf(b).length > 0) - Number(failuresOf(a).length > 0));
  const failedCount = ids.filter((id) => failuresOf(id).length > 0).length;
  const filters = [
    { filter: 'all', text: `all (${ids.length})` },
    { filter: 'failed', text: `failed (${failedCount})` },
    ...failureKinds
      .map((kind) => ({ filter: kind, count: ids.filter((id) => failuresOf(id).includes(kind)).length }))
      .filter(({ count }) => count > 0)
      .map(({ filter, count }) => ({ filter, text: `${filter} (${count})` })),
  ];
  const buttons = filters
    .map(
      ({ filter, text }, index) =>
        `<button type="button" data-filter="${escapeHtml(filter)}" aria-pressed="${index === 0}">${escapeHtml(text)}</button>`,
    )
    .join('');
  const articles = ordered.map((id) => renderCase(id, records(id), failuresOf(id), labels));
  return (
    `<section class="case-list"><h2>Cases</h2>` +
    `<div class="case-filter" role="toolbar" aria-label="filter cases">${buttons}` +
    `<span class="muted">showing <span id="shown-count">${ids.length}</span> of ${ids.length}</span></div>` +
    `${articles.join('')}<script>${filterScript}</script></section>`
  );
}

function renderCase(id: string, records: readonly (CaseRecord | undefined)[], failures: readonly string[], labels: readonly string[]): string {
  const first = records.find((record) => record !== undefined);
  if (first === undefined) return '';
  const tags = first.tags.map((tag) => `<span class="tag">${escapeHtml(tag)}</span>`).join('');
  const expected =
    first.expectedAnswers.length === 0
      ? '<span class="muted">none (should abstain)</span>'
      : first.expectedAnswers.map((answer) => `<q>${escapeHtml(answer)}</q>`).join(' · ');
  const evidence =
    first.evidence.length === 0
      ? '<p class="muted">no evidence</p>'
      : `<ul class="evidence">${first.evidence
          .map(
            (item) =>
              `<li><code class="doc">${escapeHtml(item.doc)}</code> <span class="span">${item.start}–${item.end}</span>` +
              `<blockquote>${escapeHtml(item.quote)}</blockquote></li>`,
          )
          .join('')}</ul>`;
  const outcomes = records.map((record, index) => renderCaseOutcome(record, labels[index] ?? String(index), index)).join('');
  return (
    `<article class="case${failures.length > 0 ? ' failed' : ''}" id="case-${escapeHtml(id)}" ` +
    `data-failed="${failures.length > 0}" data-failures="${escapeHtml(failures.join(' '))}">` +
    `<header><code class="case-id">${escapeHtml(id)}</code> <span class="badge kind">${escapeHtml(first.kind)}</span>${tags}</header>` +
    `<h3 class="question">${escapeHtml(first.question)}</h3>` +
    `<p class="expected"><strong>expected:</strong> ${expected}</p>` +
    `<details class="evidence-block" open><summary>evidence (${first.evidence.length})</summary>${evidence}</details>` +
    `<div class="outcomes" style="grid-template-columns:repeat(${records.length},minmax(0,1fr))">${outcomes}</div></article>`
  );
}
