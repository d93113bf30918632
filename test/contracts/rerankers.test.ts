import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { createOnnxReranker } from '../../src/providers/onnx/create-onnx-reranker.js';
import { createRerankApiReranker } from '../../src/providers/rerank-api/create-rerank-api-reranker.js';
import { startRerankServer, writeTinyBertModel, type LoopbackServer } from '../../src/testing/index.js';
import { rerankerConformance } from '../support/reranker-conformance.js';

// Every reranker the product ships, through one suite: the /rerank API in both reply shapes (Cohere/Jina and TEI)
// over loopback servers, and local ONNX cross-encoders with one and two output labels.
const folder = mkdtempSync(join(tmpdir(), 'grounded-rerankers-'));
const words = ['restore', 'snapshot', 'backup', 'rotate', 'api', 'token', 'web', 'port', 'steps', 'data'];
let cohere: LoopbackServer;
let tei: LoopbackServer;
before(async () => {
  cohere = await startRerankServer();
  tei = await startRerankServer(undefined, { shape: 'tei' });
  await writeTinyBertModel(join(folder, 'one'), { head: 'classifier', words });
  await writeTinyBertModel(join(folder, 'two'), { head: 'classifier', labels: 2, words });
});
after(async () => {
  await Promise.all([cohere.close(), tei.close()]);
  rmSync(folder, { recursive: true, force: true });
});

rerankerConformance('rerank API, Cohere/Jina shape', () => createRerankApiReranker({ baseUrl: cohere.baseUrl, model: 'rerank-test', maxBatchSize: 2 }));
rerankerConformance('rerank API, TEI shape', () =>
  createRerankApiReranker({ baseUrl: tei.baseUrl, model: 'rerank-test', passagesField: 'texts', maxBatchSize: 3 }),
);
rerankerConformance('onnx cross-encoder, one logit', () => createOnnxReranker({ modelPath: join(folder, 'one'), maxBatchSize: 2 }));
rerankerConformance('onnx cross-encoder, two labels', () => createOnnxReranker({ modelPath: join(folder, 'two') }));
