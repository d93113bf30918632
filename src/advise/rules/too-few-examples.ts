import type { Finding } from '../advice-report.js';
import type { RuleInput } from './rule-input.js';

/**
 * Good labelled examples needed before fine-tuning is advised: 500. OpenAI accepts 10 and typically sees clear
 * improvements from 50-100, but that is a demo, not a robust behaviour change: 500 leaves room for a held-out test
 * split and covers edge cases (LIMA tuned on 1,000 curated examples). The number is this project's rule.
 */
export const minimumFineTuneExamples = 500;

/**
 * Blocks `fine-tune` and `hybrid` while there are fewer than {@link minimumFineTuneExamples} good examples; the
 * advice falls back to prompting (with examples in the prompt) while more are collected.
 *
 * Source: OpenAI fine-tuning guide (platform.openai.com/docs/guides/fine-tuning: minimum 10, "clear improvements
 * from fine-tuning on 50 to 100 training examples"); Zhou et al. 2023, "LIMA: Less Is More for Alignment" (1,000
 * curated examples); the ~500 threshold of issue 6.
 */
export function tooFewExamples({ profile }: RuleInput): Finding | null {
  if (profile.labeledExamples >= minimumFineTuneExamples) return null;
  const missing = minimumFineTuneExamples - profile.labeledExamples;
  return {
    rule: 'too-few-examples',
    effect: 'block',
    blocks: ['fine-tune', 'hybrid'],
    weight: 0,
    reason: `only ${profile.labeledExamples} labelled examples: fine-tuning needs ~${minimumFineTuneExamples} good ones (${missing} more) to change behaviour robustly and keep a test split`,
    source: 'OpenAI fine-tuning guide (50-100 examples for a first improvement); Zhou et al. 2023, LIMA (1,000 examples); issue 6 (~500)',
    basis: 'profile',
    evidence: { labeledExamples: profile.labeledExamples, minimumExamples: minimumFineTuneExamples },
    measureNext: [`collect ${missing} more input -> ideal output pairs (keep 20% aside as a test set)`],
  };
}
