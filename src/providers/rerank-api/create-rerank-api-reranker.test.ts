import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Reranker } from '../../core/reranker.js';
import type { LoopbackHandler, LoopbackServer } from '../../testing/loopback-behaviour.js';
import { expectGroundedError } from '../../testing/expect-grounded-error.js';
import { startRerankServer } from '../../testing/start-rerank-server.js';
import type { RerankApiRerankerOptions } from './create-rerank-api-reranker.js';
import { createRerankApiReranker } from './create-rerank-api-reranker.js';

const apiKey = 'jina_SECRET_0123456789';
const reply: LoopbackHandler = [{ type: 'reply', text: '' }];
const passages = ['ports and firewalls', 'enable gzip compression in the proxy', 'gzip is a file format'];

interface Harness {
  readonly server: LoopbackServer;
  readonly reranker: Reranker;
  readonly delays: number[];
}

async function withReranker(
  handler: LoopbackHandler,
  run: (harness: Harness) => Promise<void>,
  extra: Partial<RerankApiRerankerOptions> = {},
  shape: 'cohere' | 'tei' = 'cohere',
): Promise<void> {
  const server = await startRerankServer(handler, { shape });
  const delays: number[] = [];
  const reranker = createRerankApiReranker({
    baseUrl: server.baseUrl,
    model: 'jina-reranker-v2-base-multilingual',
    sleep: async (ms) => void delays.push(ms),
    random: () => 0.5,
    ...(shape === 'tei' ? { passagesField: 'texts' as const } : {}),
    ...extra,
  });
  try {
    await run({ server, reranker, delays });
  } finally {
    await server.close();
  }
}

describe('createRerankApiReranker', () => {
  it('posts the Cohere/Jina body and returns the scores in input order, though the server sorts them', async () => {
    await withReranker(reply, async ({ server, reranker }) => {
      const scores = await reranker.rerank('how to enable gzip', passages);
      assert.deepEqual(scores, [0, 0.5, 0.25]);
      const request = server.requests[0];
      assert.equal(request?.path, '/v1/rerank');
      assert.equal(request?.headers['authorization'], `Bearer ${apiKey}`);
      assert.deepEqual(request?.body, { model: 'jina-reranker-v2-base-multilingual', query: 'how to enable gzip', documents: passages, top_n: 3, return_documents: false });
    }, { apiKey });
  });

  it('speaks the TEI shape: texts in, [{ index, score }] out', async () => {
    await withReranker(reply, async ({ server, reranker }) => {
      const scores = await reranker.rerank('how to enable gzip', passages);
      assert.deepEqual(scores, [0, 0.5, 0.25]);
      assert.equal(server.requests[0]?.path, '/rerank');
      assert.deepEqual(server.requests[0]?.body, { model: 'jina-reranker-v2-base-multilingual', query: 'how to enable gzip', texts: passages, return_text: false });
    }, {}, 'tei');
  });

  it('splits passages over maxBatchSize into several requests, keeping input order', async () => {
    await withReranker(reply, async ({ server, reranker }) => {
      const scores = await reranker.rerank('gzip proxy', ['gzip', 'nothing', 'proxy gzip', 'proxy', 'none']);
      assert.deepEqual(scores, [0.5, 0, 1, 0.5, 0]);
      assert.deepEqual(server.requests.map((request) => (request.body as { documents: string[] }).documents.length), [2, 2, 1]);
    }, { maxBatchSize: 2 });
  });

  it('returns no scores for no passages without a request', async () => {
    await withReranker(reply, async ({ server, reranker }) => {
      assert.deepEqual(await reranker.rerank('q', []), []);
      assert.equal(server.requests.length, 0);
    });
  });

  it('names the model in id, provider and modelId, never the key', () => {
    const reranker = createRerankApiReranker({ baseUrl: 'http://127.0.0.1:1', model: 'bge-reranker-base', apiKey });
    assert.equal(reranker.provider, 'rerank-api');
    assert.equal(reranker.modelId, 'bge-reranker-base');
    assert.equal(reranker.id, 'rerank-api:{"model":"bge-reranker-base"}');
    assert.equal(reranker.maxBatchSize, 32);
  });

  it('retries a 503 and then succeeds', async () => {
    await withReranker([{ type: 'status', status: 503 }, { type: 'reply', text: '' }], async ({ server, reranker, delays }) => {
      assert.deepEqual(await reranker.rerank('gzip', ['gzip']), [1]);
      assert.equal(server.requests.length, 2);
      assert.deepEqual(delays, [250]);
    });
  });

  it('throws PROVIDER_AUTH on 401 without leaking the key', async () => {
    const echo: LoopbackHandler = (request) => ({ type: 'status', status: 401, message: `invalid token ${request.headers['authorization'] ?? ''}` });
    await withReranker(echo, async ({ reranker }) => {
      const error = await expectGroundedError(reranker.rerank('q', ['p']), 'PROVIDER_AUTH');
      assert.ok(!error.message.includes('SECRET'));
    }, { apiKey });
  });

  it('throws ABORTED when the caller cancels', { timeout: 5000 }, async () => {
    await withReranker([{ type: 'reply', text: '', delayMs: 5000 }], async ({ reranker }) => {
      await expectGroundedError(reranker.rerank('q', ['p'], { signal: AbortSignal.timeout(30) }), 'ABORTED');
    });
  });

  const bad = (body: unknown): LoopbackHandler => [{ type: 'status', status: 200, body }];
  const malformed: [string, LoopbackHandler, RegExp][] = [
    ['JSON cut short', [{ type: 'malformed' }], /malformed JSON/],
    ['neither shape', bad({ data: [] }), /neither/],
    ['too few results (top_n ignored)', bad({ results: [{ index: 0, relevance_score: 1 }] }), /1 scores for 2 passages/],
    ['a repeated index', bad([{ index: 0, score: 1 }, { index: 0, score: 2 }]), /appears twice/],
    ['an index out of range', bad([{ index: 0, score: 1 }, { index: 5, score: 2 }]), /index is not an integer/],
    ['a score that is not a number', bad({ results: [{ index: 0, relevance_score: '0.9' }, { index: 1, relevance_score: 0.1 }] }), /no finite/],
  ];
  for (const [name, handler, message] of malformed) {
    it(`rejects a reply with ${name} as PROVIDER_BAD_RESPONSE`, async () => {
      await withReranker(handler, async ({ reranker }) => {
        const error = await expectGroundedError(reranker.rerank('q', ['a', 'b']), 'PROVIDER_BAD_RESPONSE');
        assert.match(error.message, message);
      });
    });
  }
});
