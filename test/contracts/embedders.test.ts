import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { createOnnxEmbedder } from '../../src/providers/onnx/create-onnx-embedder.js';
import { createOpenAICompatibleEmbedder } from '../../src/providers/openai-compatible/create-openai-compatible-embedder.js';
import { startEmbeddingsServer, writeTinyBertModel, type LoopbackServer } from '../../src/testing/index.js';
import { embedderConformance } from '../support/embedder-conformance.js';

// Every embedder the product ships, through one suite: over the wire (a loopback OpenAI embeddings server) and a
// local ONNX model folder the test writes (mean and CLS pooling).
const folder = mkdtempSync(join(tmpdir(), 'grounded-embedders-'));
let server: LoopbackServer;
before(async () => {
  server = await startEmbeddingsServer();
  await writeTinyBertModel(join(folder, 'tiny'), { words: ['restore', 'snapshot', 'rotate', 'api', 'token', 'port', 'web', 'backup', 'data'] });
});
after(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

embedderConformance('openai-compatible over loopback', () =>
  createOpenAICompatibleEmbedder({ baseUrl: server.baseUrl, model: 'text-embedding-3-small', maxBatchSize: 2 }),
);
embedderConformance('onnx, mean pooling', () => createOnnxEmbedder({ modelPath: join(folder, 'tiny'), maxBatchSize: 2 }));
// The tiny model has no attention layers, so its [CLS] vector is the same for every text.
embedderConformance('onnx, cls pooling', () => createOnnxEmbedder({ modelPath: join(folder, 'tiny'), pooling: 'cls', maxBatchSize: 3 }), {
  contextual: false,
});
