import { openKnowledgeBase } from '../app/open-knowledge-base.js';
import { comparableMetrics, compareRuns, type RunComparison } from '../app/evaluation-types.js';
import { loadEvalRun } from '../app/load-eval-run.js';
import { GroundedError } from '../core/errors.js';
import type { CommandContext, Register } from './command-context.js';
import { evalGroup } from './eval-group.js';
import { exitCodes } from './exit-code-for.js';

const defaultGate = ['passRate', 'recallAt5', 'mrrAt10', 'ndcgAt10', 'correct', 'abstentionAccuracy'];

/**
 * `grounded eval diff RUN_A RUN_B [--fail-on METRICS]`: per-metric deltas with paired-bootstrap 95% intervals and
 * the cases that flipped. Exits 1 when a gated metric regressed beyond its interval, so CI can gate on it.
 */
export const evalDiffCommand: Register = (program, run) => {
  evalGroup(program)
    .command('diff')
    .description('compare two runs (B against baseline A); exit 1 when a gated metric regressed beyond noise')
    .argument('<baseline>', 'run id, prefix, latest or previous')
    .argument('<candidate>', 'run id, prefix, latest or previous')
    .option('--fail-on <metrics>', `comma-separated metrics that gate (default ${defaultGate.join(',')}); 'none' never fails`)
    .action(
      run(async (context, baseline: string, candidate: string, options: { failOn?: string }) => {
        const gate = parseGate(options.failOn);
        const kb = openKnowledgeBase({ config: context.config, kb: context.kb });
        try {
          await kb.store.generation();
          const comparison = compareRuns(await loadEvalRun(kb.store, baseline), await loadEvalRun(kb.store, candidate));
          const regressed = comparison.metrics.filter((metric) => metric.regressed && gate.includes(metric.metric));
          if (context.json) context.io.stdout(`${JSON.stringify({ ...comparison, gate, regressed: regressed.map((m) => m.metric) })}\n`);
          else write(context, comparison, gate);
          if (regressed.length > 0) {
            context.io.stderr(
              `regression: ${regressed.map((m) => `${m.metric} ${signed(m.delta)} [${signed(m.low)}, ${signed(m.high)}]`).join('; ')}; ` +
                'fix it or accept it by gating on other metrics (--fail-on)\n',
            );
            return exitCodes.userError;
          }
          return exitCodes.ok;
        } finally {
          await kb.close();
        }
      }),
    );
};

function parseGate(value: string | undefined): string[] {
  if (value === undefined) return defaultGate;
  if (value === 'none') return [];
  const metrics = value.split(',').map((metric) => metric.trim()).filter((metric) => metric !== '');
  const unknown = metrics.filter((metric) => !(metric in comparableMetrics));
  if (unknown.length > 0) {
    throw new GroundedError('INVALID_ARGUMENT', `unknown metric '${unknown[0]}' in --fail-on`, {
      hint: `choose from ${Object.keys(comparableMetrics).join(', ')}`,
    });
  }
  return metrics;
}

const signed = (value: number): string => `${value >= 0 ? '+' : ''}${value.toFixed(3)}`;

function write(context: CommandContext, comparison: RunComparison, gate: readonly string[]): void {
  const { io } = context;
  io.stdout(`baseline ${comparison.before} -> candidate ${comparison.after} on ${comparison.sharedCases} shared cases\n\n`);
  io.stdout(`${'metric'.padEnd(20)}${'before'.padStart(8)}${'after'.padStart(8)}${'delta'.padStart(9)}  95% interval\n`);
  for (const metric of comparison.metrics) {
    const verdict = metric.regressed ? (gate.includes(metric.metric) ? 'REGRESSED (gated)' : 'regressed') : metric.improved ? 'improved' : '';
    io.stdout(
      `${metric.metric.padEnd(20)}${metric.before.toFixed(3).padStart(8)}${metric.after.toFixed(3).padStart(8)}` +
        `${signed(metric.delta).padStart(9)}  [${signed(metric.low)}, ${signed(metric.high)}] ${verdict}\n`,
    );
  }
  if (comparison.flipped.length > 0) {
    io.stdout(`\nflipped cases (${comparison.flipped.length}):\n`);
    for (const flip of comparison.flipped) io.stdout(`  ${flip.id}  ${flip.before} -> ${flip.after}  ${flip.question}\n`);
  }
}
