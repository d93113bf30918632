import type { GoldenKind } from '../core/golden-case.js';
import type { CheckResult, FailureKind } from './eval-run-report.js';

/** What {@link attributeFailure} looks at for one case. */
export interface CaseOutcome {
  readonly kind: GoldenKind;
  readonly abstained: boolean;
  /** Whether the case has accepted answers to score against (imported retrieval-only sets have none). */
  readonly hasAnswers: boolean;
  /** Share of the evidence found in the passages the answerer read (recall at the answerer's depth). */
  readonly evidenceRecall: number;
  /** Answer correctness in [0, 1]; 1 means every required part is present. */
  readonly correct: number;
  /** Share of citations that support the case, or null without citations. */
  readonly citationPrecision: number | null;
  readonly checks: readonly CheckResult[];
}

/**
 * Names the stage that lost a case, or null when it passed. In order:
 * - unanswerable: answered instead of abstaining -> `answered-unanswerable`;
 * - abstained on an answerable case: `false-abstention` when the evidence was retrieved, else `retrieval-miss`;
 * - wrong answer: `retrieval-miss` when no evidence reached the answerer, else `generation-miss`;
 * - right answer whose citations support nothing (or that cites nothing): `citation-miss`;
 * - facts right but a behaviour check failed: `behaviour-miss`.
 *
 * @example
 * attributeFailure({ kind: 'answerable', abstained: false, hasAnswers: true, evidenceRecall: 0, correct: 0,
 *   citationPrecision: null, checks: [] }); // 'retrieval-miss'
 */
export function attributeFailure(outcome: CaseOutcome): FailureKind | null {
  const checksFailed = outcome.checks.some((check) => !check.passed);
  if (outcome.kind === 'unanswerable') {
    if (!outcome.abstained) return 'answered-unanswerable';
    return checksFailed ? 'behaviour-miss' : null;
  }
  if (outcome.abstained) return outcome.evidenceRecall > 0 ? 'false-abstention' : 'retrieval-miss';
  if (outcome.hasAnswers && outcome.correct < 1) return outcome.evidenceRecall > 0 ? 'generation-miss' : 'retrieval-miss';
  if (!outcome.hasAnswers && outcome.evidenceRecall === 0) return 'retrieval-miss';
  if (outcome.citationPrecision === null || outcome.citationPrecision === 0) return 'citation-miss';
  return checksFailed ? 'behaviour-miss' : null;
}
