import type { FailureKind } from '../eval/eval-run-report.js';
import type { AdviceAction, Finding, SliceEvidence } from './advice-report.js';

/** The failure kind each measured rule answers, so its effect can be bounded by the cases it could recover. */
const failureOfRule: Readonly<Record<string, FailureKind>> = {
  'retrieval-misses-need-retrieval-work': 'retrieval-miss',
  'generation-misses-need-a-better-reader': 'generation-miss',
  'behaviour-misses-need-prompting-first': 'behaviour-miss',
  'citation-misses-need-citation-prompting': 'citation-miss',
  'false-abstentions-need-threshold-work': 'false-abstention',
  'answered-unanswerable-needs-abstention-prompting': 'answered-unanswerable',
};

const generic: Readonly<Record<AdviceAction, string>> = {
  rag: 'answers come from the current documents with citations; a document change is live after re-ingesting, with no training',
  'improve-retrieval': 'more questions get their evidence into the answerer; answer quality follows recall',
  'prompt-and-structured-output': 'the gap closes without training, or the attempt shows how far prompting gets; the examples collected meanwhile become the fine-tuning set',
  'fine-tune': 'the behaviour is learned from examples instead of described in every prompt: more consistent output and a shorter prompt (see the crossover)',
  hybrid: 'behaviour from fine-tuning plus facts and citations from retrieval; the gains add up (Balaguer et al. 2024: +6 points from fine-tuning, +5 more from RAG)',
  'long-context': 'a working prototype without an index, at the cost of the whole knowledge in every prompt',
  none: 'no change expected: keep measuring as the golden set grows',
};

/**
 * What acting on `action` should do, bounded by the measured failures it addresses: "up to N of the M failing
 * cases could pass (pass rate X% -> at most Y%)". A fine-tune for a broken latency budget names the p95 and the
 * budget. Without measured failures, the general effect of the action.
 *
 * @example
 * describeExpectedEffect('improve-retrieval', winningFindings, slice);
 * // 'up to 8 of 10 failing cases (retrieval-miss) could pass: pass rate 0% -> at most 80%; ...'
 */
export function describeExpectedEffect(action: AdviceAction, findings: readonly Finding[], slice: SliceEvidence | null): string {
  const latency = findings.find((finding) => finding.rule === 'latency-budget-broken-by-retrieval' && finding.effect === 'recommend');
  if (action === 'fine-tune' && latency !== undefined) {
    const withoutRetrieval = latency.focus?.includes('no-retrieval') === true ? ' answering without retrieval' : '';
    return `aims to bring p95 ${String(latency.evidence['totalP95Ms'])} ms under the ${String(latency.evidence['latencyBudgetMs'])} ms budget with a smaller fine-tuned model${withoutRetrieval}; measure it before switching`;
  }
  const kinds = [...new Set(findings.map((finding) => failureOfRule[finding.rule]).filter((kind): kind is FailureKind => kind !== undefined))];
  if (slice === null || slice.cases === 0) return generic[action];
  const passRate = (slice.cases - slice.failed) / slice.cases;
  if (action === 'none' || kinds.length === 0) {
    return action === 'none' ? `no change expected: ${percent(passRate)} of ${slice.cases} cases pass` : generic[action];
  }
  const recoverable = kinds.reduce((sum, kind) => sum + slice.failures[kind], 0);
  const ceiling = (slice.cases - slice.failed + recoverable) / slice.cases;
  return `up to ${recoverable} of ${slice.failed} failing cases (${kinds.join(', ')}) could pass: pass rate ${percent(passRate)} -> at most ${percent(ceiling)}; ${generic[action]}`;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(0)}%`;
}
