import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EvalRunReport } from '../eval-run-report.js';
import { runLabels } from './run-labels.js';

const run = (runId: string, retriever: string, answerer: string): EvalRunReport =>
  ({
    runId,
    fingerprint: { corpusHash: 'c', chunker: '{}', retriever, answerer, goldenHash: 'g', codeVersion: 'grounded@0' },
  }) as unknown as EvalRunReport;

describe('runLabels', () => {
  it('names the retriever preset and answerer provider, with the run id suffix', () => {
    const labels = runLabels([run('20250101T120000-a1b2c3', '{"preset":"lexical","k1":0.9}', '{"provider":"extractive"}')]);
    assert.deepEqual(labels, ['lexical / extractive (a1b2c3)']);
  });
  it('adds the settings that differ between runs, and only those', () => {
    const labels = runLabels([
      run('r-1', '{"preset":"lexical","k1":0.9,"b":0.4}', '{"provider":"extractive","minConfidence":0.3}'),
      run('r-2', '{"preset":"lexical","k1":1.2,"b":0.4}', '{"provider":"extractive","minConfidence":0.3}'),
    ]);
    assert.deepEqual(labels, ['lexical k1=0.9 / extractive (1)', 'lexical k1=1.2 / extractive (2)']);
  });
  it('uses a fingerprint that is not a JSON object as written, shortened', () => {
    const labels = runLabels([run('plainid', 'bm25', 'a-very-long-answerer-name-with-many-parts')]);
    assert.deepEqual(labels, ['bm25 / a-very-long-answerer-na… (plainid)']);
  });
});
