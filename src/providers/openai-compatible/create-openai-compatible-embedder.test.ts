import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Embedder } from '../../core/embedder.js';
import type { LoopbackHandler, LoopbackServer } from '../../testing/loopback-behaviour.js';
import { expectGroundedError } from '../../testing/expect-grounded-error.js';
import { startEmbeddingsServer } from '../../testing/start-embeddings-server.js';
import type { OpenAICompatibleEmbedderOptions } from './create-openai-compatible-embedder.js';
import { createOpenAICompatibleEmbedder } from './create-openai-compatible-embedder.js';

const apiKey = 'sk-embed-SECRET-0123456789';
const reply: LoopbackHandler = [{ type: 'reply', text: '' }];

interface Harness {
  readonly server: LoopbackServer;
  readonly embedder: Embedder;
  readonly delays: number[];
}

async function withEmbedder(handler: LoopbackHandler, run: (harness: Harness) => Promise<void>, extra: Partial<OpenAICompatibleEmbedderOptions> = {}): Promise<void> {
  const server = await startEmbeddingsServer(handler, { dimensions: 16 });
  const delays: number[] = [];
  const embedder = createOpenAICompatibleEmbedder({
    baseUrl: server.baseUrl,
    model: 'nomic-embed-text',
    sleep: async (ms) => void delays.push(ms),
    random: () => 0.5,
    ...extra,
  });
  try {
    await run({ server, embedder, delays });
  } finally {
    await server.close();
  }
}

const dot = (a: Float32Array, b: Float32Array): number => a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);
const norm = (vector: Float32Array): number => Math.sqrt(dot(vector, vector));
const inputsOf = (server: LoopbackServer): unknown[] => server.requests.map((request) => (request.body as { input: unknown }).input);
const badBody = (data: unknown): LoopbackHandler => [{ type: 'status', status: 200, body: { object: 'list', data } }];

describe('createOpenAICompatibleEmbedder', () => {
  it('posts the embeddings body with the key and returns unit vectors, one per text, in order', async () => {
    await withEmbedder(reply, async ({ server, embedder }) => {
      const vectors = await embedder.embed(['the cat sat on the mat', 'a cat on a mat', 'rotate the api key']);
      assert.equal(vectors.length, 3);
      for (const vector of vectors) {
        assert.ok(vector instanceof Float32Array);
        assert.equal(vector.length, 16);
        assert.ok(Math.abs(norm(vector) - 1) < 1e-6);
      }
      const [cat, similar, other] = vectors as [Float32Array, Float32Array, Float32Array];
      assert.ok(dot(cat, similar) > dot(cat, other), 'texts sharing words are closer');
      const request = server.requests[0];
      assert.equal(request?.path, '/v1/embeddings');
      assert.equal(request?.headers['authorization'], `Bearer ${apiKey}`);
      assert.deepEqual(request?.body, { model: 'nomic-embed-text', input: ['the cat sat on the mat', 'a cat on a mat', 'rotate the api key'], encoding_format: 'float' });
    }, { apiKey });
  });

  it('gives the same vector for a text alone and in a batch', async () => {
    await withEmbedder(reply, async ({ embedder }) => {
      const [alone] = await embedder.embed(['enable gzip compression']);
      const batch = await embedder.embed(['something else', 'enable gzip compression']);
      assert.deepEqual(alone, batch[1]);
    });
  });

  it('returns vectors by index when the server sends them out of order', async () => {
    const data = [
      { object: 'embedding', index: 1, embedding: [0, 2] },
      { object: 'embedding', index: 0, embedding: [3, 4] },
    ];
    await withEmbedder(badBody(data), async ({ embedder }) => {
      const [first, second] = await embedder.embed(['a', 'b']);
      assert.deepEqual([...(first ?? [])], [Math.fround(0.6), Math.fround(0.8)]);
      assert.deepEqual([...(second ?? [])], [0, 1]);
    });
  });

  it('splits inputs over maxBatchSize into several requests and keeps the order', async () => {
    await withEmbedder(reply, async ({ server, embedder }) => {
      const texts = ['one', 'two', 'three', 'four', 'five'];
      const vectors = await embedder.embed(texts);
      assert.deepEqual(inputsOf(server), [['one', 'two'], ['three', 'four'], ['five']]);
      const singles = await Promise.all(texts.map(async (text) => (await embedder.embed([text]))[0]));
      assert.deepEqual(vectors, singles);
      assert.equal(embedder.maxBatchSize, 2);
    }, { maxBatchSize: 2 });
  });

  it('returns an empty list for no texts without a request', async () => {
    await withEmbedder(reply, async ({ server, embedder }) => {
      assert.deepEqual(await embedder.embed([]), []);
      assert.equal(server.requests.length, 0);
    });
  });

  it('applies the query or document prefix by kind, and the prefixes are part of the id', async () => {
    const prefixes = { queryPrefix: 'search_query: ', documentPrefix: 'search_document: ' };
    await withEmbedder(reply, async ({ server, embedder }) => {
      await embedder.embed(['where is the port'], { kind: 'query' });
      await embedder.embed(['the port is 8080']);
      await embedder.embed(['the port is 8080'], { kind: 'document' });
      assert.deepEqual(inputsOf(server), [['search_query: where is the port'], ['search_document: the port is 8080'], ['search_document: the port is 8080']]);
      const plain = createOpenAICompatibleEmbedder({ baseUrl: server.baseUrl, model: 'nomic-embed-text' });
      assert.notEqual(embedder.id, plain.id);
      assert.match(embedder.id, /^openai-compatible:/);
      assert.match(embedder.id, /search_query: /);
    }, prefixes);
  });

  it('forms the id from model, dimensions and prefixes, never from the key or base URL', () => {
    const a = createOpenAICompatibleEmbedder({ baseUrl: 'http://127.0.0.1:1/v1', model: 'm', apiKey });
    const b = createOpenAICompatibleEmbedder({ baseUrl: 'https://api.example.com/v1/', model: 'm' });
    const c = createOpenAICompatibleEmbedder({ baseUrl: 'http://127.0.0.1:1/v1', model: 'm', dimensions: 256 });
    const d = createOpenAICompatibleEmbedder({ baseUrl: 'http://127.0.0.1:1/v1', model: 'other' });
    assert.equal(a.id, b.id);
    assert.equal(new Set([a.id, c.id, d.id]).size, 3);
    assert.ok(!a.id.includes('SECRET'));
    assert.equal(a.provider, 'openai-compatible');
    assert.equal(a.modelId, 'm');
    assert.equal(a.maxBatchSize, 64);
  });

  it('learns dimensions from the first reply, then rejects a reply of another length', async () => {
    const handler: LoopbackHandler = (_request, index) =>
      index === 0 ? { type: 'reply', text: '' } : { type: 'status', status: 200, body: { data: [{ index: 0, embedding: [1, 2, 3] }] } };
    await withEmbedder(handler, async ({ embedder }) => {
      assert.equal(embedder.dimensions, undefined);
      await embedder.embed(['first']);
      assert.equal(embedder.dimensions, 16);
      const error = await expectGroundedError(embedder.embed(['second']), 'PROVIDER_BAD_RESPONSE');
      assert.match(error.message, /length 3, expected 16/);
    });
  });

  it('sends requested dimensions and reports them before any call', async () => {
    await withEmbedder(reply, async ({ server, embedder }) => {
      assert.equal(embedder.dimensions, 8);
      const [vector] = await embedder.embed(['short vectors']);
      assert.equal(vector?.length, 8);
      assert.equal((server.requests[0]?.body as { dimensions?: number }).dimensions, 8);
    }, { dimensions: 8 });
  });

  it('retries a 500 and a 429 with backoff, then succeeds', async () => {
    const script: LoopbackHandler = [{ type: 'status', status: 500 }, { type: 'status', status: 429, headers: { 'retry-after': '1' } }, { type: 'reply', text: '' }];
    await withEmbedder(script, async ({ server, embedder, delays }) => {
      const vectors = await embedder.embed(['retry me']);
      assert.equal(vectors.length, 1);
      assert.equal(server.requests.length, 3);
      assert.deepEqual(delays, [250, 1000]);
    });
  });

  it('fails the whole call when a later batch fails: nothing is returned partially', async () => {
    const handler: LoopbackHandler = (_request, index) => (index >= 1 ? { type: 'status', status: 500 } : { type: 'reply', text: '' });
    await withEmbedder(handler, async ({ server, embedder }) => {
      const error = await expectGroundedError(embedder.embed(['a', 'b', 'c']), 'PROVIDER_UNAVAILABLE');
      assert.equal(error.details['attempts'], 2);
      assert.equal(server.requests.length, 3);
    }, { maxBatchSize: 2, maxRetries: 1 });
  });

  it('throws PROVIDER_AUTH on 401 without retrying or leaking the key', async () => {
    const echo: LoopbackHandler = (request) => ({ type: 'status', status: 401, message: `bad key ${request.headers['authorization'] ?? ''}` });
    await withEmbedder(echo, async ({ server, embedder }) => {
      const error = await expectGroundedError(embedder.embed(['x']), 'PROVIDER_AUTH');
      assert.equal(server.requests.length, 1);
      assert.ok(!`${error.message} ${JSON.stringify(error.details)}`.includes('SECRET'));
    }, { apiKey });
  });

  it('throws PROVIDER_TIMEOUT when the server is too slow', { timeout: 5000 }, async () => {
    await withEmbedder([{ type: 'reply', text: '', delayMs: 5000 }], async ({ embedder }) => {
      await expectGroundedError(embedder.embed(['slow']), 'PROVIDER_TIMEOUT');
    }, { timeoutMs: 50, maxRetries: 0 });
  });

  it('throws ABORTED when the caller cancels', { timeout: 5000 }, async () => {
    await withEmbedder([{ type: 'reply', text: '', delayMs: 5000 }], async ({ embedder }) => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 30);
      await expectGroundedError(embedder.embed(['slow'], { signal: controller.signal }), 'ABORTED');
    });
  });

  const malformed: [string, LoopbackHandler, RegExp][] = [
    ['JSON cut short', [{ type: 'malformed' }], /malformed JSON/],
    ['no data array', [{ type: 'status', status: 200, body: { object: 'list' } }], /no data array/],
    ['too few vectors', badBody([{ index: 0, embedding: [1, 0] }]), /1 embeddings for 2 inputs/],
    ['ragged vectors', badBody([{ index: 0, embedding: [1, 0] }, { index: 1, embedding: [1, 0, 0] }]), /different lengths/],
    ['a non-numeric value', badBody([{ index: 0, embedding: [1, 'x'] }, { index: 1, embedding: [1, 0] }]), /not a finite number/],
    ['a null value', badBody([{ index: 0, embedding: [1, null] }, { index: 1, embedding: [1, 0] }]), /not a finite number/],
    ['base64 strings', badBody([{ index: 0, embedding: 'AACAPw==' }, { index: 1, embedding: 'AACAPw==' }]), /base64/],
    ['a repeated index', badBody([{ index: 0, embedding: [1] }, { index: 0, embedding: [1] }]), /appears twice/],
    ['an index out of range', badBody([{ index: 0, embedding: [1] }, { index: 2, embedding: [1] }]), /index is not an integer/],
    ['an empty vector', badBody([{ index: 0, embedding: [] }, { index: 1, embedding: [] }]), /non-empty array/],
  ];
  for (const [name, handler, message] of malformed) {
    it(`rejects a reply with ${name} as PROVIDER_BAD_RESPONSE`, async () => {
      await withEmbedder(handler, async ({ embedder }) => {
        const error = await expectGroundedError(embedder.embed(['a', 'b']), 'PROVIDER_BAD_RESPONSE');
        assert.match(error.message, message);
      });
    });
  }

  it('rejects a base URL that is not http(s) before any request', () => {
    assert.throws(() => createOpenAICompatibleEmbedder({ baseUrl: 'localhost:11434', model: 'm' }), { code: 'INVALID_CONFIG' });
  });
});
