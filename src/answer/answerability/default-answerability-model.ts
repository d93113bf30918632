import type { AnswerabilityModel } from '../../core/answerability-model.js';

/**
 * The shipped answerability model. Written by `npm run fit-answerability` (scripts/fit-answerability.ts), which fits
 * it on labelled sets and reports held-out figures (scripts/fit-answerability.results.json); see docs/abstention.md.
 * Do not edit by hand: re-run the script when the features or the sets change.
 */
export const defaultAnswerabilityModel: AnswerabilityModel = {
  version: 1,
  intercept: -1.3847,
  weights: {
    foundInCorpus: 1.6775,
    absentName: -1.142,
    meanTopRatio: 1.5564,
    typedValueFound: 0.207
  },
  threshold: 0.51,
  modelThreshold: 0.3,
  source: 'shipped: fitted on squad-v2-dev, clapnq-dev, traefik-docs-golden, nats-docs-golden'
};
