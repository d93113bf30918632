import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { expectGroundedError } from '../../testing/expect-grounded-error.js';
import type { TinyBertModel, TinyBertModelOptions } from '../../testing/write-tiny-bert-model.js';
import { writeTinyBertModel } from '../../testing/write-tiny-bert-model.js';
import { createOnnxEmbedder } from './create-onnx-embedder.js';

const folders: string[] = [];
after(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function tinyModel(options: TinyBertModelOptions = {}): Promise<TinyBertModel> {
  const folder = await mkdtemp(join(tmpdir(), 'grounded-onnx-'));
  folders.push(folder);
  return writeTinyBertModel(folder, options);
}

/** The expected vector, from the embedding table: pool the rows of the given tokens, then L2-normalize. */
function byHand(model: TinyBertModel, tokens: readonly string[], pooling: 'mean' | 'cls'): number[] {
  const rows = (pooling === 'cls' ? tokens.slice(0, 1) : tokens).map((token) => model.embeddings[model.vocab[token] ?? -1] ?? []);
  const sum = rows.reduce((total, row) => total.map((value, column) => value + (row[column] ?? 0)));
  const length = Math.hypot(...sum);
  return sum.map((value) => value / length);
}

function assertClose(actual: ArrayLike<number> | undefined, expected: readonly number[], message?: string): void {
  assert.ok(actual !== undefined, message);
  assert.equal(actual.length, expected.length, message);
  for (let index = 0; index < expected.length; index++) {
    assert.ok(Math.abs((actual[index] ?? Number.NaN) - (expected[index] ?? 0)) < 1e-6, `${message ?? ''} [${index}]: ${actual[index]} vs ${expected[index]}`);
  }
}

describe('createOnnxEmbedder', () => {
  it('loads a model folder through transformers.js and mean-pools the unmasked token vectors', async () => {
    const model = await tinyModel();
    const embedder = createOnnxEmbedder({ modelPath: model.folder });
    assert.equal(embedder.dimensions, undefined);
    const [vector] = await embedder.embed(['The cat sat']);
    assertClose(vector, byHand(model, ['[CLS]', 'the', 'cat', 'sat', '[SEP]'], 'mean'));
    assert.ok(vector instanceof Float32Array);
    assert.equal(embedder.dimensions, 4);
    assert.equal(embedder.provider, 'onnx');
    assert.equal(embedder.modelId, model.folder.split(/[\\/]/).pop());
  });

  it('takes the first token with cls pooling, from the onnx/ layout', async () => {
    const model = await tinyModel({ layout: 'onnx' });
    const [vector] = await createOnnxEmbedder({ modelPath: model.folder, pooling: 'cls' }).embed(['dog on mat']);
    assertClose(vector, byHand(model, ['[CLS]'], 'cls'));
  });

  it('gives a text the same vector alone and padded in a batch (the attention mask is respected)', async () => {
    const model = await tinyModel();
    const embedder = createOnnxEmbedder({ modelPath: model.folder });
    const [alone] = await embedder.embed(['cat']);
    const batch = await embedder.embed(['the cat sat on the mat', 'cat']);
    assertClose(batch[1], [...(alone ?? [])]);
    assertClose(batch[1], byHand(model, ['[CLS]', 'cat', '[SEP]'], 'mean'));
    assertClose(batch[0], byHand(model, ['[CLS]', 'the', 'cat', 'sat', 'on', 'the', 'mat', '[SEP]'], 'mean'));
  });

  it('splits inputs over maxBatchSize into batches and returns unit vectors in order', async () => {
    const model = await tinyModel();
    const texts = ['cat', 'dog sat', 'the mat', 'enable gzip', 'rotate the api key'];
    const batched = await createOnnxEmbedder({ modelPath: model.folder, maxBatchSize: 2 }).embed(texts);
    const single = await createOnnxEmbedder({ modelPath: model.folder, maxBatchSize: 64 }).embed(texts);
    assert.equal(batched.length, 5);
    for (const [index, vector] of batched.entries()) {
      assertClose(vector, [...(single[index] ?? [])], `text ${index}`);
      assert.ok(Math.abs(Math.hypot(...vector) - 1) < 1e-6);
    }
    assertClose(batched[4], byHand(model, ['[CLS]', 'rotate', 'the', 'api', 'key', '[SEP]'], 'mean'));
  });

  it('cuts texts to the length limit', async () => {
    const model = await tinyModel();
    const [vector] = await createOnnxEmbedder({ modelPath: model.folder, maxLength: 4 }).embed(['the cat sat on the mat']);
    // transformers.js cuts the encoded sequence at the limit, the closing [SEP] included.
    assertClose(vector, byHand(model, ['[CLS]', 'the', 'cat', 'sat'], 'mean'));
  });

  it('applies the query and document prefixes by kind', async () => {
    const model = await tinyModel();
    const embedder = createOnnxEmbedder({ modelPath: model.folder, queryPrefix: 'dog ', documentPrefix: 'mat ' });
    const [query] = await embedder.embed(['cat'], { kind: 'query' });
    const [document] = await embedder.embed(['cat']);
    assertClose(query, byHand(model, ['[CLS]', 'dog', 'cat', '[SEP]'], 'mean'));
    assertClose(document, byHand(model, ['[CLS]', 'mat', 'cat', '[SEP]'], 'mean'));
  });

  it('works without tokenizer_config.json (pad token and limit from tokenizer.json and config.json)', async () => {
    const model = await tinyModel({ tokenizerConfig: false });
    const vectors = await createOnnxEmbedder({ modelPath: model.folder }).embed(['the cat sat on the mat', 'dog']);
    assertClose(vectors[1], byHand(model, ['[CLS]', 'dog', '[SEP]'], 'mean'));
  });

  it('forms the id from the model files hash, pooling and prefixes', async () => {
    const first = await tinyModel();
    const copy = await tinyModel();
    const changed = await tinyModel({ words: ['other', 'words'] });
    const id = createOnnxEmbedder({ modelPath: first.folder }).id;
    assert.match(id, /^onnx:\{"sha256":"[0-9a-f]{64}","pooling":"mean"/);
    assert.equal(createOnnxEmbedder({ modelPath: copy.folder }).id, id, 'the same files in another folder keep the id');
    const others = [
      createOnnxEmbedder({ modelPath: changed.folder }).id,
      createOnnxEmbedder({ modelPath: first.folder, pooling: 'cls' }).id,
      createOnnxEmbedder({ modelPath: first.folder, queryPrefix: 'query: ' }).id,
      createOnnxEmbedder({ modelPath: first.folder, documentPrefix: 'passage: ' }).id,
    ];
    assert.equal(new Set([id, ...others]).size, 5);
  });

  it('throws MODEL_INVALID with a hint for a missing folder, a missing file, or a model that does not load', async () => {
    const missing = createOnnxEmbedder({ modelPath: join(tmpdir(), 'grounded-no-such-model') });
    const error = await expectGroundedError(missing.embed(['x']), 'MODEL_INVALID');
    assert.match(error.message, /does not exist/);
    assert.ok(error.hint);
    assert.throws(() => missing.id, { code: 'MODEL_INVALID' });

    const noTokenizer = await tinyModel();
    await rm(join(noTokenizer.folder, 'tokenizer.json'));
    assert.match((await expectGroundedError(createOnnxEmbedder({ modelPath: noTokenizer.folder }).embed(['x']), 'MODEL_INVALID')).message, /no tokenizer\.json/);

    const broken = await tinyModel();
    await writeFile(join(broken.folder, 'model.onnx'), 'not a model');
    const embedder = createOnnxEmbedder({ modelPath: broken.folder });
    const loadError = await expectGroundedError(embedder.embed(['x']), 'MODEL_INVALID');
    assert.match(loadError.message, /could not load the model/);
    assert.ok(!loadError.message.includes('\n'));

    // A failed load is not kept: once the folder is fixed, the same embedder loads it.
    await writeTinyBertModel(broken.folder);
    assert.equal((await embedder.embed(['cat'])).length, 1);
  });

  it('shares one load between concurrent first calls and returns no vectors for no texts', async () => {
    const model = await tinyModel();
    const embedder = createOnnxEmbedder({ modelPath: model.folder });
    assert.deepEqual(await embedder.embed([]), []);
    const [a, b] = await Promise.all([embedder.embed(['cat']), embedder.embed(['cat'])]);
    assertClose(a?.[0], [...(b?.[0] ?? [])]);
  });
});
