// What the CLI and server need from the evaluation layer, passed through the composition root (they may not import
// eval directly).
export type { CaseRecord, EvalRunReport, FailureKind, MetricGroups, RunFingerprint } from '../eval/eval-run-report.js';
export { failureKinds } from '../eval/eval-run-report.js';
export type { MetricDelta, RunComparison } from '../eval/compare-runs.js';
export { compareRuns, comparableMetrics } from '../eval/compare-runs.js';
export { renderHtmlReport } from '../eval/reports/render-html-report.js';
