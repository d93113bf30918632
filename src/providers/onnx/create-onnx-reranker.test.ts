import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { expectGroundedError } from '../../testing/expect-grounded-error.js';
import type { TinyBertModel, TinyBertModelOptions } from '../../testing/write-tiny-bert-model.js';
import { writeTinyBertModel } from '../../testing/write-tiny-bert-model.js';
import { createOnnxReranker } from './create-onnx-reranker.js';

const folders: string[] = [];
after(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function crossEncoder(options: TinyBertModelOptions = {}): Promise<TinyBertModel> {
  const folder = await mkdtemp(join(tmpdir(), 'grounded-onnx-reranker-'));
  folders.push(folder);
  return writeTinyBertModel(folder, { head: 'classifier', ...options });
}

/** The tiny cross-encoder's logit for a pair, by hand: the sum of its tokens' scores ([CLS] and [SEP] score 0). */
const byHand = (model: TinyBertModel, words: readonly string[]): number => words.reduce((sum, word) => sum + (model.tokenScores[model.vocab[word] ?? -1] ?? Number.NaN), 0);

const query = 'enable gzip';
const passages = ['the cat sat on the mat', 'dog', 'rotate the key', 'gzip on port'];

describe('createOnnxReranker', () => {
  it('scores each query-passage pair with the model and returns the scores in input order', async () => {
    const model = await crossEncoder();
    const reranker = createOnnxReranker({ modelPath: model.folder });
    const scores = await reranker.rerank(query, passages);
    const expected = passages.map((passage) => byHand(model, [...query.split(' '), ...passage.split(' ')]));
    assert.deepEqual(scores, expected);
    const order = (values: readonly number[]) => values.map((_, index) => index).sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0));
    assert.deepEqual(order(scores), order(expected));
    assert.equal(new Set(scores).size, passages.length, 'the fixture separates every passage');
    assert.equal(reranker.provider, 'onnx');
  });

  it('uses the positive-class logit of a two-class model, from the onnx/ layout', async () => {
    const model = await crossEncoder({ labels: 2, layout: 'onnx' });
    const scores = await createOnnxReranker({ modelPath: model.folder }).rerank(query, passages);
    assert.deepEqual(scores, passages.map((passage) => byHand(model, [...query.split(' '), ...passage.split(' ')])));
  });

  it('gives the same scores in small batches as in one padded batch', async () => {
    const model = await crossEncoder();
    const one = await createOnnxReranker({ modelPath: model.folder, maxBatchSize: 1 }).rerank(query, passages);
    const all = await createOnnxReranker({ modelPath: model.folder }).rerank(query, passages);
    assert.deepEqual(one, all);
  });

  it('forms the id from the model files hash', async () => {
    const model = await crossEncoder();
    const other = await crossEncoder({ labels: 2 });
    const id = createOnnxReranker({ modelPath: model.folder }).id;
    assert.match(id, /^onnx-reranker:\{"sha256":"[0-9a-f]{64}"/);
    assert.notEqual(createOnnxReranker({ modelPath: other.folder }).id, id);
  });

  it('throws MODEL_INVALID for a missing folder and for a model without logits', async () => {
    await expectGroundedError(createOnnxReranker({ modelPath: join(tmpdir(), 'grounded-no-such-reranker') }).rerank('q', ['p']), 'MODEL_INVALID');
    const folder = await mkdtemp(join(tmpdir(), 'grounded-onnx-reranker-'));
    folders.push(folder);
    const embeddingModel = await writeTinyBertModel(folder);
    const error = await expectGroundedError(createOnnxReranker({ modelPath: embeddingModel.folder }).rerank('cat', ['dog']), 'MODEL_INVALID');
    assert.ok(error.hint);
  });

  it('returns no scores for no passages', async () => {
    const model = await crossEncoder();
    assert.deepEqual(await createOnnxReranker({ modelPath: model.folder }).rerank('q', []), []);
  });
});
