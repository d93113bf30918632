/**
 * One case's answerability prediction against its golden kind: `predicted` is the probability, in [0, 1], that the
 * knowledge base answers the question; `answerable` is true for `answerable` and `synthesis` cases (kind !==
 * `unanswerable`).
 */
export interface AnswerabilityOutcome {
  readonly predicted: number;
  readonly answerable: boolean;
}
