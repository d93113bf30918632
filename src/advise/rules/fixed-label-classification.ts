import type { Finding } from '../advice-report.js';
import type { RuleInput } from './rule-input.js';

/**
 * Classification into a fixed label set: a small fine-tuned model beat large zero-shot prompted ones across the
 * classification tasks Bucher and Martini tested, and it needs a prompt of a few tokens (cheap, fast) and nothing to
 * retrieve. Weight 2.
 *
 * Source: Bucher and Martini 2024, "Fine-Tuned 'Small' LLMs (Still) Significantly Outperform Zero-Shot Generative AI
 * Models in Text Classification" (arXiv:2406.08660).
 */
export function fixedLabelClassification({ profile }: RuleInput): Finding | null {
  if (profile.task !== 'classification') return null;
  return {
    rule: 'fixed-label-classification',
    effect: 'recommend',
    action: 'fine-tune',
    weight: 2,
    focus: ['small-model'],
    reason: 'classification into fixed labels: small fine-tuned models outperform large zero-shot prompted ones, with a prompt of a few tokens',
    source: 'Bucher and Martini 2024 (arXiv:2406.08660)',
    basis: 'profile',
    evidence: { task: 'classification' },
    measureNext: ['per-label precision and recall on a held-out set, fine-tuned small model vs prompted model'],
  };
}
