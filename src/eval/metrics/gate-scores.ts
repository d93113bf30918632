/** One case as the two abstention gates saw it. */
export interface GateOutcome {
  /** The case is `unanswerable`: abstaining is right. */
  readonly shouldAbstain: boolean;
  /** Which gate abstained: the answerability gate before any model call, or the answerer (its reply refused). */
  readonly abstainedBy: 'gate' | 'model' | null;
  /** A language model was called for the case (false offline). */
  readonly calledModel: boolean;
}

/** What each abstention gate did over a set of cases. Rates in [0, 1]; null where no case fits the denominator. */
export interface GateScores {
  /** Cases the answerability gate refused before any model call. */
  readonly gateAbstentions: number;
  /** Share of the gate's abstentions that were on unanswerable cases; null when it never abstained. */
  readonly gatePrecision: number | null;
  /** Cases the answerer (the model, or offline the extractive reader) refused. */
  readonly modelAbstentions: number;
  /** Share of the answerer's abstentions that were on unanswerable cases; null when it never abstained. */
  readonly modelPrecision: number | null;
  /** Share of answerable and synthesis cases whose question reached the answerer; null when there are none. */
  readonly reachedModel: number | null;
  /** Share of unanswerable cases the gate let through to the answerer; null when there are none. */
  readonly unanswerableReachedModel: number | null;
}

/**
 * Scores the two gates an answer passes: the answerability gate (abstains before the model is called) and the
 * answerer itself (its reply refuses). A question reached the answerer when a model was called for it or, offline,
 * when the gate did not refuse it. Abstentions a system did not attribute to a gate count in neither.
 *
 * @example
 * gateScores([
 *   { shouldAbstain: true, abstainedBy: 'gate', calledModel: false },
 *   { shouldAbstain: false, abstainedBy: 'gate', calledModel: false },
 *   { shouldAbstain: true, abstainedBy: 'model', calledModel: true },
 *   { shouldAbstain: false, abstainedBy: null, calledModel: true },
 * ]);
 * // { gateAbstentions: 2, gatePrecision: 0.5, modelAbstentions: 1, modelPrecision: 1,
 * //   reachedModel: 0.5, unanswerableReachedModel: 0.5 }
 */
export function gateScores(outcomes: readonly GateOutcome[]): GateScores {
  const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
  const byGate = (gate: 'gate' | 'model') => {
    const abstentions = outcomes.filter((outcome) => outcome.abstainedBy === gate);
    return { count: abstentions.length, precision: share(abstentions.filter((outcome) => outcome.shouldAbstain).length, abstentions.length) };
  };
  const reached = (outcome: GateOutcome): boolean => outcome.calledModel || outcome.abstainedBy !== 'gate';
  const answerable = outcomes.filter((outcome) => !outcome.shouldAbstain);
  const unanswerable = outcomes.filter((outcome) => outcome.shouldAbstain);
  const gate = byGate('gate');
  const model = byGate('model');
  return {
    gateAbstentions: gate.count,
    gatePrecision: gate.precision,
    modelAbstentions: model.count,
    modelPrecision: model.precision,
    reachedModel: share(answerable.filter(reached).length, answerable.length),
    unanswerableReachedModel: share(unanswerable.filter(reached).length, unanswerable.length),
  };
}
