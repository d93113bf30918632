import type { AdviceReport, Recommendation } from './advice-report.js';
import { formatUsd } from './format-usd.js';

/**
 * The readable form of `grounded advise`: the overall recommendation in full (action, then, focus, reasons,
 * expected effect, what to measure next, confidence, warnings), one line per other slice, the cost crossover (the
 * volume in twelve months only when the profile expects growth) and latency against the budget, and notes about
 * missing inputs.
 *
 * @example
 * process.stdout.write(formatAdviceText(report));
 */
export function formatAdviceText(report: AdviceReport): string {
  const { evidence, crossover } = report;
  const cases = evidence.slices[0]?.cases ?? 0;
  const measured = evidence.runs.length === 0 ? 'no eval run' : `${evidence.runs.length} eval run${evidence.runs.length === 1 ? '' : 's'}, ${cases} cases`;
  const knowledge = evidence.knowledge === null ? '' : `; knowledge ${evidence.knowledge.tokens.toLocaleString('en-US')} tokens in ${evidence.knowledge.documents} documents`;
  const lines = [`advice${report.kb === null ? '' : ` for knowledge base '${report.kb}'`} (${measured}${knowledge})`, ''];
  const [overall, ...slices] = report.recommendations;
  if (overall !== undefined) lines.push(...detail(overall));
  if (slices.length > 0) {
    lines.push('', 'by slice:');
    const width = Math.max(...slices.map((slice) => slice.slice.length));
    const actions = slices.map((slice) => `${slice.action}${slice.then === null ? '' : ` -> ${slice.then}`}${slice.focus.length === 0 ? '' : ` (${slice.focus.join(', ')})`}`);
    const actionWidth = Math.max(...actions.map((action) => action.length));
    slices.forEach((slice, index) => {
      const cases = String(slice.evidence['cases'] ?? 0).padStart(4);
      lines.push(`  ${slice.slice.padEnd(width)}  ${(actions[index] ?? '').padEnd(actionWidth)}  ${cases} cases  confidence ${slice.confidence}`);
    });
  }
  const breakEven = crossover.breakEvenRequestsPerDay;
  const latency = crossover.latency;
  const grown = crossover.inTwelveMonths;
  lines.push(
    '',
    `cost (${crossover.rag.model} vs ${crossover.fineTuned.model}, ${Math.round(crossover.requestsPerDay).toLocaleString('en-US')} requests/day):`,
    `  RAG          ${formatUsd(crossover.ragCostPerRequest)}/request  ${formatUsd(crossover.ragMonthlyUsd)}/month  (${crossover.rag.inputTokens} in + ${crossover.rag.outputTokens} out tokens, cache hit ${(crossover.cacheHitRate * 100).toFixed(0)}%)`,
    `  fine-tuned   ${formatUsd(crossover.fineTunedCostPerRequest)}/request  ${formatUsd(crossover.fineTunedMonthlyUsd)}/month  (${crossover.fineTuned.inputTokens} in tokens; training ${formatUsd(crossover.fineTuned.trainingUsd)} over ${crossover.fineTuned.amortizationMonths} months, hosting ${formatUsd(crossover.fineTuned.hostingMonthlyUsd)}/month)`,
    `  break-even   ${breakEven === null ? 'none: the fine-tuned model is never cheaper' : breakEven === 0 ? 'the fine-tuned model is cheaper at any volume' : `${Math.round(breakEven).toLocaleString('en-US')} requests/day`}`,
    // Without growth the volume in a year is today's: the line would repeat the two above.
    ...(grown.requestsPerDay === crossover.requestsPerDay
      ? []
      : [`  in 12 months ${Math.round(grown.requestsPerDay).toLocaleString('en-US')} requests/day: RAG ${formatUsd(grown.ragMonthlyUsd)}/month, fine-tuned ${formatUsd(grown.fineTunedMonthlyUsd)}/month`]),
    `  latency      ${latency.totalP95Ms === null ? 'not measured' : `p95 ${ms(latency.totalP95Ms)} (retrieval ${ms(latency.retrieveP95Ms)}, generation ${ms(latency.generateP95Ms)})`} vs budget ${latency.budgetMs} ms${latency.withinBudget === null ? '' : latency.withinBudget ? ': within' : ': OVER'}`,
  );
  if (report.notes.length > 0) lines.push('', ...report.notes.map((note) => `note: ${note}`));
  return `${lines.join('\n')}\n`;
}

function detail(recommendation: Recommendation): string[] {
  const lines = [
    `${recommendation.slice}: ${recommendation.action.toUpperCase()}${recommendation.then === null ? '' : `, then ${recommendation.then}`}  (confidence ${recommendation.confidence})`,
  ];
  if (recommendation.focus.length > 0) lines.push(`  focus: ${recommendation.focus.join(', ')}`);
  lines.push('  why:', ...recommendation.reasons.map((reason) => `    - ${reason}`));
  lines.push(`  expected: ${recommendation.expectedEffect}`);
  if (recommendation.measureNext.length > 0) lines.push('  measure next:', ...recommendation.measureNext.map((item) => `    - ${item}`));
  if (recommendation.warnings.length > 0) lines.push('  warnings:', ...recommendation.warnings.map((warning) => `    - ${warning}`));
  return lines;
}

function ms(value: number | null): string {
  return value === null ? 'not measured' : `${Number(value.toFixed(1))} ms`;
}
