import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultAnswerabilityModel } from '../answer/answerability/default-answerability-model.js';
import { isGroundedError } from '../core/errors.js';
import { parseAnswerabilityModel } from './parse-answerability-model.js';

test('reads back a stored model, leaving unknown fields behind', () => {
  const stored = JSON.stringify({ ...defaultAnswerabilityModel, note: 'extra' });
  assert.deepEqual(parseAnswerabilityModel(stored), { ...defaultAnswerabilityModel, weights: { ...defaultAnswerabilityModel.weights } });
});

test('refuses anything else with STORE_CORRUPT', () => {
  const model = defaultAnswerabilityModel as unknown as Record<string, unknown>;
  const damaged = [
    'not json',
    '[]',
    JSON.stringify({ ...model, version: 2 }),
    JSON.stringify({ ...model, intercept: 'x' }),
    JSON.stringify({ ...model, weights: { noSuchFeature: 1 } }),
    JSON.stringify({ ...model, threshold: 1.5 }),
    JSON.stringify({ ...model, modelThreshold: -0.1 }),
    JSON.stringify({ ...model, source: 3 }),
  ];
  for (const payload of damaged) {
    assert.throws(() => parseAnswerabilityModel(payload), (error) => isGroundedError(error, 'STORE_CORRUPT'), payload);
  }
});
