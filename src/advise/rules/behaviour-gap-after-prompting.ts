import type { Finding } from '../advice-report.js';
import type { RuleInput } from './rule-input.js';

/**
 * A behaviour gap that remains after prompting was tried and measured: this is what fine-tuning is for (reliable
 * format, many edge cases, skills hard to put into words). Weight 3; `too-few-examples` still blocks it.
 *
 * Source: OpenAI fine-tuning guide, "common use cases": "improving reliability at producing a desired output",
 * "handling many edge cases in specific ways", "performing a new skill or task that's hard to articulate in a prompt".
 */
export function behaviourGapAfterPrompting({ profile }: RuleInput): Finding | null {
  if ((profile.gap !== 'behaviour' && profile.gap !== 'both') || !profile.promptingTried) return null;
  return {
    rule: 'behaviour-gap-after-prompting',
    effect: 'recommend',
    action: 'fine-tune',
    weight: 3,
    focus: ['behaviour'],
    reason: `a ${profile.behaviourKind === 'unknown' ? 'behaviour' : profile.behaviourKind} gap remains after prompting was tried: fine-tune the behaviour on ${profile.labeledExamples} examples`,
    source: 'OpenAI fine-tuning guide (use cases: reliable output, edge cases, skills hard to articulate)',
    basis: 'profile',
    evidence: { gap: profile.gap, promptingTried: true, labeledExamples: profile.labeledExamples },
    measureNext: ['behaviour check pass rate of the fine-tuned model on held-out examples vs the prompted one'],
  };
}
