import type { Finding } from '../advice-report.js';
import type { RuleInput } from './rule-input.js';

/**
 * A tone or style gap (brand voice, house style): style is easier shown than told, and a few hundred examples in the
 * weights carry it more consistently than any description in a prompt. Weight 3.
 *
 * Source: OpenAI fine-tuning guide, first common use case "setting the style, tone, format, or other qualitative
 * aspects", and its advice that fine-tuning suits cases "easier to show, not tell".
 */
export function toneIsShownNotTold({ profile }: RuleInput): Finding | null {
  if (profile.behaviourKind !== 'tone' || (profile.gap !== 'behaviour' && profile.gap !== 'both')) return null;
  return {
    rule: 'tone-is-shown-not-told',
    effect: 'recommend',
    action: 'fine-tune',
    weight: 3,
    focus: ['tone'],
    reason: 'the gap is tone or style: easier shown than told, which is what fine-tuning on examples does',
    source: 'OpenAI fine-tuning guide ("setting the style, tone, format"; "easier to show, not tell")',
    basis: 'profile',
    evidence: { behaviourKind: 'tone', labeledExamples: profile.labeledExamples },
    measureNext: ['blind preference test: fine-tuned vs prompted answers rated against the style guide'],
  };
}
