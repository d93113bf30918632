import type { Finding } from '../advice-report.js';
import type { RuleInput } from './rule-input.js';

/**
 * A behaviour gap (format, policy, schema) that prompting has not been tried on: instructions, few-shot examples
 * and structured output (a JSON schema the decoder must follow) come first; they are cheap, instant to change and
 * often enough. Fine-tuning is the next step once their shortfall is measured. Tone is left to
 * `tone-is-shown-not-told`. Weight 3.
 *
 * Source: OpenAI fine-tuning guide (recommends first trying to get good results with prompt
 * engineering, prompt chaining and function calling); Anthropic prompt engineering overview (prompting is far
 * faster than fine-tuning to control behaviour).
 */
export function behaviourGapPromptFirst({ profile }: RuleInput): Finding | null {
  if ((profile.gap !== 'behaviour' && profile.gap !== 'both') || profile.promptingTried || profile.behaviourKind === 'tone') return null;
  const structured = profile.task === 'extraction' || profile.behaviourKind === 'format';
  return {
    rule: 'behaviour-gap-prompt-first',
    effect: 'recommend',
    action: 'prompt-and-structured-output',
    weight: 3,
    then: 'fine-tune',
    focus: structured ? ['structured-output'] : ['instructions', 'few-shot-examples'],
    reason: `a ${profile.behaviourKind === 'unknown' ? 'behaviour' : profile.behaviourKind} gap not yet tried with prompting: instructions, few-shot examples${structured ? ' and a JSON schema for structured output' : ''} first, fine-tuning when they measurably fall short`,
    source: 'OpenAI fine-tuning guide (prompt engineering first); Anthropic prompt engineering overview',
    basis: 'profile',
    evidence: { gap: profile.gap, behaviourKind: profile.behaviourKind, promptingTried: false, task: profile.task },
    measureNext: ['behaviour check pass rate (eval run with `checks`) before and after the prompt change'],
  };
}
