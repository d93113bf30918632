import type { Finding } from '../advice-report.js';
import { minimumFineTuneExamples } from './too-few-examples.js';
import { failureWeight } from './failure-weight.js';
import type { RuleInput } from './rule-input.js';

/**
 * Measured behaviour misses (facts right, a format, length or policy check failed): the behaviour gap, not the
 * knowledge gap. Prompting and structured output first, fine-tuning next; straight to fine-tuning when the profile
 * says prompting was tried and there are enough examples. Weight from the share of failures.
 *
 * Source: OpenAI fine-tuning guide (prompt engineering first; fine-tune for reliable format); docs/evaluation.md
 * (behaviour checks measure the behaviour gap).
 */
export function behaviourMissesNeedPromptingFirst({ profile, slice }: RuleInput): Finding | null {
  if (slice === null) return null;
  const count = slice.failures['behaviour-miss'];
  const weight = failureWeight(count, slice);
  if (weight === 0) return null;
  const ready = profile.promptingTried && profile.labeledExamples >= minimumFineTuneExamples;
  const checks = Object.keys(slice.failingChecks).sort();
  const evidence = {
    behaviourMisses: count,
    failed: slice.failed,
    cases: slice.cases,
    recallAt5: slice.recallAt5,
    behaviourPassRate: slice.behaviourPassRate,
    ...Object.fromEntries(checks.map((type) => [`passRate.${type}`, slice.failingChecks[type] ?? 0])),
  };
  const base = {
    rule: 'behaviour-misses-need-prompting-first',
    effect: 'recommend' as const,
    weight,
    focus: checks.length === 0 ? ['behaviour'] : checks,
    source: 'OpenAI fine-tuning guide (prompting first, fine-tuning for reliable format); docs/evaluation.md',
    basis: 'measured' as const,
    evidence,
    measureNext: [`behaviour pass rate${checks.length === 0 ? '' : ` (${checks.join(', ')})`} after the change`],
  };
  const failing = `${count} of ${slice.failed} failures are behaviour misses (facts right, ${checks.length === 0 ? 'a check' : checks.join(', ')} failing; recall@5 ${(slice.recallAt5 * 100).toFixed(0)}%)`;
  if (ready) {
    return { ...base, action: 'fine-tune', reason: `${failing}; prompting was tried and ${profile.labeledExamples} examples exist: fine-tune the behaviour` };
  }
  return {
    ...base,
    action: 'prompt-and-structured-output',
    then: 'fine-tune',
    reason: `${failing}: instructions and structured output first, then fine-tuning if they fall short`,
  };
}
