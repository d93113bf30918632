import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeTinyBertModel } from './write-tiny-bert-model.js';

// Loading through transformers.js and onnxruntime is tested in src/providers/onnx/*.test.ts.
describe('writeTinyBertModel', () => {
  it('writes a model folder of about a kilobyte, with the layout and files asked for', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'grounded-tiny-'));
    try {
      const model = await writeTinyBertModel(folder, { layout: 'onnx', tokenizerConfig: false, words: ['alpha', 'beta'] });
      const size = (await stat(join(folder, 'onnx', 'model.onnx'))).size;
      assert.ok(size > 200 && size < 2048, `model.onnx is ${size} bytes`);
      assert.ok(!existsSync(join(folder, 'model.onnx')));
      assert.ok(!existsSync(join(folder, 'tokenizer_config.json')));
      assert.deepEqual(model.vocab, { '[PAD]': 0, '[UNK]': 1, '[CLS]': 2, '[SEP]': 3, '[MASK]': 4, alpha: 5, beta: 6 });
      assert.equal(model.embeddings.length, 7);
      assert.ok(model.embeddings.every((row) => row.length === 4 && row.every((value) => Math.fround(value) === value)));
      const tokenizer = JSON.parse(await readFile(join(folder, 'tokenizer.json'), 'utf8')) as { model: { type: string; vocab: unknown } };
      assert.equal(tokenizer.model.type, 'WordPiece');
      assert.deepEqual(tokenizer.model.vocab, model.vocab);
      const config = JSON.parse(await readFile(join(folder, 'config.json'), 'utf8')) as { model_type: string; max_position_embeddings: number };
      assert.equal(config.model_type, 'bert');
      assert.equal(config.max_position_embeddings, 16);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
