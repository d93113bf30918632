import { escapeHtml } from '../eval/reports/escape-html.js';
import { renderHtmlHead } from '../eval/reports/render-html-head.js';
import type { AdviceReport, Crossover, Recommendation } from './advice-report.js';
import { advisorProfileFields } from './advisor-profile-fields.js';
import { formatUsd } from './format-usd.js';
import { renderCostChart } from './render-cost-chart.js';

// Nothing may load from anywhere: the same promise as the eval report.

const styles = `
:root { color-scheme: light; --ink: #1f2328; --muted: #656d76; --line: #d0d7de; --soft: #f6f8fa; --bad: #cf222e; --good: #1a7f37; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1180px; padding: 24px; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 32px 0 12px; } h3 { font-size: 15px; margin: 0 0 6px; }
.subtitle, .muted { color: var(--muted); }
.verdict { border: 1px solid var(--line); border-left: 6px solid #4e79a7; border-radius: 6px; padding: 12px 16px; }
.verdict .action { font-size: 20px; font-weight: 600; } .badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; background: var(--soft); border: 1px solid var(--line); margin-left: 6px; }
table { border-collapse: collapse; margin: 8px 0 16px; min-width: 480px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 12px; text-align: left; vertical-align: top; }
thead th { background: var(--soft); } td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px; display: inline-block; }
svg.chart { display: block; max-width: 100%; height: auto; font-family: system-ui, sans-serif; }
svg .chart-title { font-size: 14px; font-weight: 600; fill: var(--ink); }
svg .legend-item text, svg .y-tick, svg .x-tick { font-size: 11px; fill: var(--muted); }
svg .axis-label { font-size: 12px; fill: var(--ink); } svg .value { font-size: 10px; fill: var(--ink); }
svg .grid { stroke: #eaeef2; } svg .axis { stroke: #8c959f; }
ul { margin: 2px 0; padding-left: 20px; } .warning { color: var(--bad); }
`;

/**
 * Renders the advice as one self-contained HTML document (inline CSS and SVG, no script, nothing loaded): the
 * overall recommendation with its reasons, expected effect, what to measure next and confidence; a table of the
 * per-slice recommendations; the cost crossover as numbers and as the cost-versus-volume chart (both curves, the
 * break-even marked); every rule that fired with its source; and the profile used. All text is escaped.
 *
 * @example
 * writeFileSync('advice.html', renderAdviceReport(report));
 */
export function renderAdviceReport(report: AdviceReport): string {
  const [overall, ...slices] = report.recommendations;
  const title = `grounded advise${report.kb === null ? '' : `: ${report.kb}`}`;
  return [
    renderHtmlHead({ title, styles }),
    `<header><h1>${escapeHtml(title)}</h1><p class="subtitle">${escapeHtml(subtitle(report))}</p></header><main>`,
    overall === undefined ? '' : renderVerdict(overall),
    slices.length === 0 ? '' : renderSlices(slices),
    renderCrossover(report.crossover),
    report.notes.length === 0 ? '' : `<h2>Notes</h2><ul>${report.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>`,
    overall === undefined ? '' : renderFindings(overall),
    renderProfile(report),
    '</main></body></html>',
  ].join('\n');
}

function subtitle(report: AdviceReport): string {
  const runs = report.evidence.runs;
  const measured = runs.length === 0 ? 'no eval run' : `${runs.length} eval run(s): ${runs.map((run) => run.runId).join(', ')}`;
  const knowledge = report.evidence.knowledge === null ? '' : `; knowledge ${report.evidence.knowledge.tokens} tokens in ${report.evidence.knowledge.documents} documents`;
  return `${measured}${knowledge}`;
}

function renderVerdict(recommendation: Recommendation): string {
  const list = (items: readonly string[], className = ''): string => `<ul>${items.map((item) => `<li class="${className}">${escapeHtml(item)}</li>`).join('')}</ul>`;
  return [
    '<h2>Recommendation</h2><section class="verdict" data-slice="all">',
    `<div class="action" data-action="${escapeHtml(recommendation.action)}">${escapeHtml(recommendation.action)}${recommendation.then === null ? '' : ` <span class="muted">then ${escapeHtml(recommendation.then)}</span>`}`,
    `<span class="badge">confidence ${escapeHtml(recommendation.confidence)}</span></div>`,
    recommendation.focus.length === 0 ? '' : `<p><strong>Focus:</strong> ${escapeHtml(recommendation.focus.join(', '))}</p>`,
    `<h3>Why</h3>${list(recommendation.reasons)}`,
    `<p><strong>Expected effect:</strong> ${escapeHtml(recommendation.expectedEffect)}</p>`,
    recommendation.measureNext.length === 0 ? '' : `<h3>Measure next</h3>${list(recommendation.measureNext)}`,
    recommendation.warnings.length === 0 ? '' : `<h3>Warnings</h3>${list(recommendation.warnings, 'warning')}`,
    '</section>',
  ].join('');
}

function renderSlices(slices: readonly Recommendation[]): string {
  const rows = slices.map(
    (slice) =>
      `<tr data-slice="${escapeHtml(slice.slice)}"><td>${escapeHtml(slice.slice)}</td><td>${escapeHtml(slice.action)}${slice.then === null ? '' : ` → ${escapeHtml(slice.then)}`}</td>` +
      `<td>${escapeHtml(slice.focus.join(', '))}</td><td class="num">${escapeHtml(String(slice.evidence['cases'] ?? 0))}</td><td>${escapeHtml(slice.confidence)}</td>` +
      `<td>${escapeHtml(slice.reasons[0] ?? '')}</td></tr>`,
  );
  return `<h2>By slice</h2><table><thead><tr><th>slice</th><th>action</th><th>focus</th><th>cases</th><th>confidence</th><th>main reason</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function renderCrossover(crossover: Crossover): string {
  const breakEven = crossover.breakEvenRequestsPerDay;
  const row = (label: string, value: string): string => `<tr><th>${escapeHtml(label)}</th><td class="num">${escapeHtml(value)}</td></tr>`;
  const latency = crossover.latency;
  const table = [
    row('requests per day', Math.round(crossover.requestsPerDay).toLocaleString('en-US')),
    row(`RAG per request (${crossover.rag.model})`, formatUsd(crossover.ragCostPerRequest)),
    row('fine-tuned per request', formatUsd(crossover.fineTunedCostPerRequest)),
    row('RAG per month', formatUsd(crossover.ragMonthlyUsd)),
    row(`fine-tuned per month (${crossover.fineTuned.model})`, formatUsd(crossover.fineTunedMonthlyUsd)),
    row('training (one-off)', formatUsd(crossover.fineTuned.trainingUsd)),
    row('break-even requests per day', breakEven === null ? 'never' : breakEven === 0 ? 'any volume' : Math.round(breakEven).toLocaleString('en-US')),
    row('retrieval p95 / latency budget', latency.retrieveP95Ms === null ? 'not measured' : `${latency.retrieveP95Ms.toFixed(1)} ms / ${latency.budgetMs} ms`),
    row('total p95', latency.totalP95Ms === null ? 'not measured' : `${latency.totalP95Ms.toFixed(1)} ms${latency.withinBudget === false ? ' (over budget)' : ''}`),
  ];
  return [
    '<h2>Cost and latency crossover</h2>',
    `<table data-table="crossover"><tbody>${table.join('')}</tbody></table>`,
    `<figure>${renderCostChart(crossover)}</figure>`,
    `<h3>Assumptions</h3><ul>${crossover.assumptions.map((assumption) => `<li>${escapeHtml(assumption)}</li>`).join('')}</ul>`,
  ].join('');
}

function renderFindings(overall: Recommendation): string {
  const rows = overall.findings.map(
    (finding) =>
      `<tr><td>${escapeHtml(finding.rule)}</td><td>${escapeHtml(finding.effect)}${finding.action === undefined ? '' : ` ${escapeHtml(finding.action)}`}${finding.blocks === undefined ? '' : ` ${escapeHtml(finding.blocks.join(', '))}`}</td>` +
      `<td class="num">${finding.weight}</td><td>${escapeHtml(finding.basis)}</td><td>${escapeHtml(finding.reason)}</td><td>${escapeHtml(finding.source)}</td></tr>`,
  );
  return `<h2>Rules that fired (overall)</h2><table><thead><tr><th>rule</th><th>effect</th><th>weight</th><th>basis</th><th>reason</th><th>source</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function renderProfile(report: AdviceReport): string {
  const rows = advisorProfileFields.map((field) => {
    const value = report.profile[field.name];
    return `<tr><td><code>${escapeHtml(field.name)}</code></td><td>${escapeHtml(value === undefined ? `(${field.defaultText ?? 'default'})` : JSON.stringify(value))}</td><td class="muted">${escapeHtml(field.explanation)}</td></tr>`;
  });
  return `<h2>Profile</h2><table><thead><tr><th>field</th><th>value</th><th>meaning</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
