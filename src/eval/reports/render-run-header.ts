import type { EvalRunReport } from '../eval-run-report.js';
import { escapeHtml } from './escape-html.js';
import { seriesColor } from './series-color.js';

/**
 * Renders the report's `<header>`: a title naming the golden set(s) and knowledge base(s), then one card per run
 * with its label, run id, golden set, kb, date, case count and every fingerprint field. Uses description lists,
 * not tables, so the failure attribution table stays the document's first table.
 *
 * @example
 * renderRunHeader([report], runLabels([report]));
 */
export function renderRunHeader(runs: readonly EvalRunReport[], labels: readonly string[]): string {
  const goldens = [...new Set(runs.map((run) => run.golden))].join(', ');
  const kbs = [...new Set(runs.map((run) => run.kb))].join(', ');
  const cards = runs.map((run, index) => {
    const fields: [string, string][] = [
      ['run', run.runId],
      ['golden set', run.golden],
      ['knowledge base', run.kb],
      ['date', run.createdAt],
      ['cases', String(run.cases)],
      ['corpus hash', run.fingerprint.corpusHash],
      ['golden hash', run.fingerprint.goldenHash],
      ['code version', run.fingerprint.codeVersion],
      ['chunker', run.fingerprint.chunker],
      ['retriever', run.fingerprint.retriever],
      ['answerer', run.fingerprint.answerer],
    ];
    const rows = fields
      .map(([name, value]) => {
        const shown = name === 'date' ? `<time datetime="${escapeHtml(value)}">${escapeHtml(value)}</time>` : escapeHtml(value);
        return `<dt>${escapeHtml(name)}</dt><dd><code>${shown}</code></dd>`;
      })
      .join('');
    return (
      `<section class="run-card" style="border-top-color:${seriesColor(index)}">` +
      `<h2><span class="swatch" style="background:${seriesColor(index)}"></span>${escapeHtml(labels[index] ?? run.runId)}</h2>` +
      `<dl>${rows}</dl></section>`
    );
  });
  const caseCounts = [...new Set(runs.map((run) => run.cases))].join(' / ');
  return (
    `<header><h1>Evaluation report: ${escapeHtml(goldens)}</h1>` +
    `<p class="subtitle">knowledge base <strong>${escapeHtml(kbs)}</strong> · ${escapeHtml(caseCounts)} cases · ` +
    `${runs.length} run${runs.length === 1 ? '' : 's'}</p>` +
    `<div class="run-cards">${cards.join('')}</div></header>`
  );
}
