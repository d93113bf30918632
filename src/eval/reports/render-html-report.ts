import { GroundedError } from '../../core/errors.js';
import type { EvalRunReport } from '../eval-run-report.js';
import { renderCaseList } from './render-case-list.js';
import { renderFailureTable } from './render-failure-table.js';
import { renderMetricsTable } from './render-metrics-table.js';
import { renderReportCharts } from './render-report-charts.js';
import { renderRunHeader } from './render-run-header.js';
import { renderHtmlHead } from './render-html-head.js';
import { runLabels } from './run-labels.js';

// The policy makes the file's promise checkable: nothing may load from anywhere, only inline style and script run.

const styles = `
:root { color-scheme: light; --ink: #1f2328; --muted: #656d76; --line: #d0d7de; --soft: #f6f8fa; --bad: #cf222e; --good: #1a7f37; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1280px; padding: 24px; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 32px 0 12px; } h3 { font-size: 15px; margin: 6px 0; }
h4 { font-size: 13px; margin: 0 0 6px; } h5 { font-size: 12px; margin: 8px 0 2px; color: var(--muted); text-transform: uppercase; }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.subtitle, .muted { color: var(--muted); }
.run-cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 12px; margin-top: 12px; }
.run-card { border: 1px solid var(--line); border-top: 4px solid; border-radius: 6px; padding: 8px 12px; }
.run-card h2 { margin: 0 0 6px; font-size: 15px; }
.run-card dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
.run-card dt { color: var(--muted); } .run-card dd { margin: 0; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
table { border-collapse: collapse; margin: 8px 0 16px; min-width: 480px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 12px; text-align: left; vertical-align: top; }
thead th { background: var(--soft); } td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.group th { background: var(--soft); text-transform: uppercase; font-size: 12px; color: var(--muted); }
tfoot th, tfoot td { font-weight: 600; }
.share { color: var(--muted); font-size: 12px; margin-left: 4px; }
.change { font-size: 12px; margin-left: 4px; } .change.better { color: var(--good); } .change.worse { color: var(--bad); }
.change.same { color: var(--muted); }
.tables { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 16px; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
svg.chart { display: block; max-width: 100%; height: auto; font-family: system-ui, sans-serif; }
svg .chart-title { font-size: 14px; font-weight: 600; fill: var(--ink); }
svg .legend-item text, svg .y-tick, svg .x-tick { font-size: 11px; fill: var(--muted); }
svg .axis-label { font-size: 12px; fill: var(--ink); } svg .value { font-size: 10px; fill: var(--ink); }
svg .grid { stroke: #eaeef2; } svg .axis { stroke: #8c959f; } svg .diagonal-label { font-size: 11px; fill: var(--muted); }
figcaption { font-size: 12px; margin-top: 4px; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; background: var(--soft); border: 1px solid var(--line); }
.badge.failure { background: #ffebe9; border-color: #ffcecb; color: var(--bad); }
.badge.passed { background: #dafbe1; border-color: #aceebb; color: var(--good); }
.badge.kind { background: #ddf4ff; border-color: #b6e3ff; }
.tag { font-size: 12px; color: var(--muted); margin-left: 6px; } .tag::before { content: "#"; }
.case-filter { position: sticky; top: 0; background: #fff; padding: 8px 0; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; z-index: 1; }
.case-filter button { font: inherit; border: 1px solid var(--line); background: var(--soft); border-radius: 6px; padding: 2px 10px; cursor: pointer; }
.case-filter button[aria-pressed="true"] { background: var(--ink); color: #fff; }
article.case { border: 1px solid var(--line); border-left: 4px solid var(--good); border-radius: 6px; padding: 10px 14px; margin: 10px 0; }
article.case.failed { border-left-color: var(--bad); } article.case[hidden] { display: none; }
.outcomes { display: grid; gap: 12px; margin-top: 8px; }
.outcome { background: var(--soft); border-radius: 6px; padding: 8px 10px; min-width: 0; }
.answer { white-space: pre-wrap; margin: 4px 0; } .answer.abstained { color: var(--muted); }
blockquote { margin: 2px 0 6px; padding-left: 8px; border-left: 3px solid var(--line); color: #424a53; white-space: pre-wrap; }
ol, ul { margin: 2px 0; padding-left: 20px; }
.scores { display: flex; flex-wrap: wrap; gap: 4px 12px; margin: 6px 0; font-size: 12px; }
.scores dt { color: var(--muted); display: inline; } .scores dd { display: inline; margin: 0 0 0 3px; font-variant-numeric: tabular-nums; }
.checks { list-style: none; padding: 0; font-size: 12px; } .checks .fail { color: var(--bad); } .checks .pass { color: var(--good); }
.retrieved { list-style: none; padding-left: 4px; } .retrieved li.relevant { font-weight: 600; } .span, .rank { color: var(--muted); font-size: 12px; }
`;

/**
 * Renders evaluation runs as one self-contained HTML document (inline CSS, inline SVG charts, a few lines of inline
 * JS, nothing loaded from anywhere): a header with each run's golden set, kb, date, case count and fingerprint; the
 * failure attribution table first, then the headline metrics table; charts (recall@k, latency histogram, failure
 * attribution, correctness and recall@5 by kind; with answerability predictions, the reliability diagram and the
 * over-refusal / abstention-recall curve); and the case list, failed cases first, with a filter. Several
 * runs (the same golden set under different presets, say) are shown side by side, labelled by `runLabels`.
 * All text from the runs is escaped.
 *
 * @throws GroundedError `INVALID_ARGUMENT` when `runs` is empty.
 * @example
 * writeFileSync('report.html', renderHtmlReport([report]));
 * writeFileSync('compare.html', renderHtmlReport([lexicalRun, hybridRun]));
 */
export function renderHtmlReport(runs: readonly EvalRunReport[]): string {
  if (runs.length === 0) {
    throw new GroundedError('INVALID_ARGUMENT', 'no evaluation runs to report', {
      hint: 'pass at least one run: `grounded eval run --report FILE` or `grounded eval show RUN_ID --report FILE`',
    });
  }
  const labels = runLabels(runs);
  const title = `grounded eval: ${[...new Set(runs.map((run) => run.golden))].join(', ')}`;
  return [
    renderHtmlHead({ title, styles, inlineScripts: true }),
    renderRunHeader(runs, labels),
    '<main><h2>Summary</h2>',
    `<div class="tables">${renderFailureTable(runs, labels)}${renderMetricsTable(runs, labels)}</div>`,
    '<h2>Charts</h2>',
    renderReportCharts(runs, labels),
    renderCaseList(runs, labels),
    '</main></body></html>',
  ].join('\n');
}
