import type { AnswerabilityModel } from '../../core/answerability-model.js';

/**
 * The shipped answerability model. Written by `npm run fit-answerability` (scripts/fit-answerability.ts), which fits
 * it on labelled sets and reports held-out figures (scripts/fit-answerability.results.json); see docs/abstention.md.
 * Do not edit by hand: re-run the script when the features or the sets change.
 */
export const defaultAnswerabilityModel: AnswerabilityModel = {
  version: 1,
  intercept: -6.4159,
  weights: {
    coverageBest: -0.0355,
    coverageUnion: -0.1636,
    coverageTitle: 0.092,
    coverageSpecific: 0.2952,
    foundInCorpus: 1.301,
    absentName: -1.2758,
    topScoreRatio: 3.5144,
    meanTopRatio: 1.3315,
    scoreGap: -0.5937,
    scoreSpread: -0.0404,
    queryLength: 2.0268,
    typedValueFound: 0.1681
  },
  threshold: 0.41,
  modelThreshold: 0.22,
  source: 'shipped: fitted on squad-v2-dev, clapnq-dev, traefik-docs-golden, nats-docs-golden'
};
