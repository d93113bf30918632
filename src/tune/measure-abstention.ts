/** One question's gate decision and its label. */
export interface AbstentionDecision {
  readonly abstained: boolean;
  readonly answerable: boolean;
  /** How much it counts; default 1. */
  readonly weight?: number;
}

/** How an abstention gate behaves on labelled questions, as weighted shares in [0, 1]. */
export interface AbstentionFigures {
  /** Share of the answerable questions the gate refuses (lower is better); 0 when there is none. */
  readonly overRefusal: number;
  /** Share of the unanswerable questions the gate refuses (higher is better); 0 when there is none. */
  readonly abstentionRecall: number;
}

/**
 * Over-refusal and abstention recall of a gate's decisions, each question counting its `weight`. Takes decisions
 * rather than probabilities so figures pooled over cross-validation folds, each with its own threshold, add up.
 *
 * @example
 * measureAbstention([{ abstained: true, answerable: false }, { abstained: true, answerable: true }, { abstained: false, answerable: true }]);
 * // { overRefusal: 0.5, abstentionRecall: 1 }
 */
export function measureAbstention(decisions: readonly AbstentionDecision[]): AbstentionFigures {
  let answerable = 0;
  let refused = 0;
  let unanswerable = 0;
  let abstained = 0;
  for (const decision of decisions) {
    const weight = decision.weight ?? 1;
    if (decision.answerable) {
      answerable += weight;
      if (decision.abstained) refused += weight;
    } else {
      unanswerable += weight;
      if (decision.abstained) abstained += weight;
    }
  }
  return { overRefusal: answerable === 0 ? 0 : refused / answerable, abstentionRecall: unanswerable === 0 ? 0 : abstained / unanswerable };
}
