import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gateScores, type GateOutcome } from './gate-scores.js';

const outcome = (shouldAbstain: boolean, abstainedBy: GateOutcome['abstainedBy'], calledModel: boolean): GateOutcome => ({
  shouldAbstain,
  abstainedBy,
  calledModel,
});

describe('gateScores', () => {
  it('counts each gate and its precision, and who reached the model, on a hand-computed run with a model', () => {
    const scores = gateScores([
      // the gate: 3 abstentions, 2 on unanswerable cases
      outcome(true, 'gate', false), outcome(true, 'gate', false), outcome(false, 'gate', false),
      // the model: 2 abstentions, 1 on an unanswerable case
      outcome(true, 'model', true), outcome(false, 'model', true),
      // answered
      outcome(false, null, true), outcome(false, null, true), outcome(true, null, true),
    ]);
    // answerable: 4, of which 3 reached the model; unanswerable: 4, of which 2 reached it
    assert.deepEqual(scores, {
      gateAbstentions: 3,
      gatePrecision: 2 / 3,
      modelAbstentions: 2,
      modelPrecision: 1 / 2,
      reachedModel: 3 / 4,
      unanswerableReachedModel: 2 / 4,
    });
  });

  it('offline (no model called), a question the gate passed reached the answerer', () => {
    const scores = gateScores([outcome(false, null, false), outcome(false, 'model', false), outcome(false, 'gate', false), outcome(true, 'gate', false)]);
    assert.equal(scores.reachedModel, 2 / 3);
    assert.equal(scores.unanswerableReachedModel, 0);
    assert.equal(scores.modelPrecision, 0);
  });

  it('gives null precision to a gate that never abstained and null reach with no case of the kind', () => {
    assert.deepEqual(gateScores([outcome(false, null, true)]), {
      gateAbstentions: 0,
      gatePrecision: null,
      modelAbstentions: 0,
      modelPrecision: null,
      reachedModel: 1,
      unanswerableReachedModel: null,
    });
  });
});
