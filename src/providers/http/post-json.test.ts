import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import type { GroundedError } from '../../core/errors.js';
import type { LoopbackHandler, LoopbackServer } from '../../testing/loopback-behaviour.js';
import { startOpenAICompatibleServer } from '../../testing/start-openai-compatible-server.js';
import { postJson } from './post-json.js';
import type { PostJsonOptions } from './post-json.js';
import { expectGroundedError } from '../../testing/expect-grounded-error.js';

const apiKey = 'sk-test-SECRET-0123456789abcdef';

async function withServer<T>(handler: LoopbackHandler, run: (server: LoopbackServer) => Promise<T>): Promise<T> {
  const server = await startOpenAICompatibleServer(handler);
  try {
    return await run(server);
  } finally {
    await server.close();
  }
}

function options(server: LoopbackServer, delays: number[], extra: Partial<PostJsonOptions> = {}): PostJsonOptions {
  return {
    url: `${server.baseUrl}/chat/completions`,
    headers: { authorization: `Bearer ${apiKey}` },
    body: { model: 'm', messages: [] },
    providerName: 'openai-compatible',
    sleep: async (ms) => {
      delays.push(ms);
    },
    random: () => 0.5,
    ...extra,
  };
}


function assertNoSecret(error: GroundedError): void {
  for (const text of [error.message, error.hint ?? '', JSON.stringify(error.details), error.stack ?? '']) {
    assert.ok(!text.includes(apiKey), `the API key leaked into: ${text}`);
    assert.ok(!text.includes('SECRET'), `part of the API key leaked into: ${text}`);
  }
}

describe('postJson', () => {
  it('returns the unread 2xx response and sends the JSON body with the given headers', async () => {
    await withServer([{ type: 'reply', text: 'ok' }], async (server) => {
      const delays: number[] = [];
      const response = await postJson(options(server, delays));
      assert.equal(response.status, 200);
      assert.equal(((await response.json()) as { object: string }).object, 'chat.completion');
      assert.deepEqual(server.requests[0]?.body, { model: 'm', messages: [] });
      assert.equal(server.requests[0]?.headers['content-type'], 'application/json');
      assert.equal(server.requests[0]?.headers['authorization'], `Bearer ${apiKey}`);
      assert.deepEqual(delays, []);
    });
  });

  it('waits the Retry-After seconds after a 429, then succeeds', async () => {
    const script: LoopbackHandler = [{ type: 'status', status: 429, headers: { 'retry-after': '2' } }, { type: 'reply', text: 'ok' }];
    await withServer(script, async (server) => {
      const delays: number[] = [];
      const response = await postJson(options(server, delays));
      assert.equal(response.status, 200);
      assert.deepEqual(delays, [2000]);
      assert.equal(server.requests.length, 2);
    });
  });

  it('honours retry-after-ms and caps a huge Retry-After at 60 s', async () => {
    const script: LoopbackHandler = [
      { type: 'status', status: 429, headers: { 'retry-after-ms': '120' } },
      { type: 'status', status: 503, headers: { 'retry-after': '86400' } },
      { type: 'reply', text: 'ok' },
    ];
    await withServer(script, async (server) => {
      const delays: number[] = [];
      await postJson(options(server, delays));
      assert.deepEqual(delays, [120, 60_000]);
    });
  });

  it('backs off exponentially with jitter after 500 and 529, then succeeds', async () => {
    const script: LoopbackHandler = [{ type: 'status', status: 500 }, { type: 'status', status: 529 }, { type: 'reply', text: 'ok' }];
    await withServer(script, async (server) => {
      const delays: number[] = [];
      const response = await postJson(options(server, delays));
      assert.equal(response.status, 200);
      assert.deepEqual(delays, [250, 500]);
    });
  });

  it('throws PROVIDER_UNAVAILABLE with status and attempts once the retries run out', async () => {
    await withServer([{ type: 'status', status: 503, message: 'upstream overloaded' }], async (server) => {
      const delays: number[] = [];
      const error = await expectGroundedError(postJson(options(server, delays, { maxRetries: 3 })), 'PROVIDER_UNAVAILABLE');
      assert.equal(server.requests.length, 4);
      assert.deepEqual(delays, [250, 500, 1000]);
      assert.equal(error.details['status'], 503);
      assert.equal(error.details['attempts'], 4);
      assert.match(error.message, /HTTP 503.*upstream overloaded/);
      assert.ok(error.hint);
    });
  });

  it('throws PROVIDER_RATE_LIMITED when every attempt is rate limited', async () => {
    await withServer([{ type: 'status', status: 429, headers: { 'retry-after': '1' } }], async (server) => {
      const error = await expectGroundedError(postJson(options(server, [], { maxRetries: 1 })), 'PROVIDER_RATE_LIMITED');
      assert.equal(server.requests.length, 2);
      assert.equal(error.details['retryAfterMs'], 1000);
    });
  });

  it('throws PROVIDER_AUTH on 401 without retrying, and never shows the key even when the server echoes it', async () => {
    const echo: LoopbackHandler = (request) => ({
      type: 'status',
      status: 401,
      message: `Incorrect API key provided: ${request.headers['authorization']?.replace('Bearer ', '')}`,
    });
    await withServer(echo, async (server) => {
      const delays: number[] = [];
      const error = await expectGroundedError(postJson(options(server, delays)), 'PROVIDER_AUTH');
      assert.equal(server.requests.length, 1);
      assert.deepEqual(delays, []);
      assert.match(error.hint ?? '', /GROUNDED_LLM_API_KEY/);
      assert.match(error.message, /\[redacted\]/);
      assertNoSecret(error);
    });
  });

  it('redacts an echoed key before shortening a long message, so no start of the key survives the cut', async () => {
    const echo: LoopbackHandler = (request) => ({
      type: 'status',
      status: 401,
      message: `${'x'.repeat(280)} ${request.headers['authorization']?.replace('Bearer ', '')}`,
    });
    await withServer(echo, async (server) => {
      const error = await expectGroundedError(postJson(options(server, [])), 'PROVIDER_AUTH');
      assert.match(error.message, /x \[redacted\]$/);
      assert.ok(!error.message.includes(apiKey.slice(0, 8)));
    });
  });

  it('throws PROVIDER_BAD_REQUEST on 400 and 404 at once, with the provider message truncated to one line', async () => {
    const long = `model 'nope' does not exist\n${'x'.repeat(1000)}`;
    await withServer([{ type: 'status', status: 400, message: long }, { type: 'status', status: 404, body: 'Not Found' }], async (server) => {
      const error = await expectGroundedError(postJson(options(server, [])), 'PROVIDER_BAD_REQUEST');
      assert.match(error.message, /HTTP 400\): model 'nope' does not exist x+…$/);
      assert.ok(error.message.length < 400);
      assert.ok(!error.message.includes('\n'));
      const notFound = await expectGroundedError(postJson(options(server, [])), 'PROVIDER_BAD_REQUEST');
      assert.match(notFound.message, /HTTP 404\): Not Found/);
      assert.equal(server.requests.length, 2);
    });
  });

  it('throws PROVIDER_TIMEOUT when the server is slower than timeoutMs on every attempt', { timeout: 5000 }, async () => {
    await withServer([{ type: 'reply', text: 'late', delayMs: 10_000 }], async (server) => {
      const delays: number[] = [];
      const started = Date.now();
      const error = await expectGroundedError(postJson(options(server, delays, { timeoutMs: 100, maxRetries: 1 })), 'PROVIDER_TIMEOUT');
      assert.ok(Date.now() - started < 2000);
      assert.equal(server.requests.length, 2);
      assert.equal(error.details['attempts'], 2);
      assert.deepEqual(delays, [250]);
    });
  });

  it('retries a refused connection and then throws PROVIDER_UNAVAILABLE', { timeout: 5000 }, async () => {
    const port = await freePort();
    const delays: number[] = [];
    const error = await expectGroundedError(
      postJson({ url: `http://127.0.0.1:${port}/v1/chat/completions`, headers: {}, body: {}, providerName: 'openai-compatible', sleep: async (ms) => void delays.push(ms), random: () => 0 }),
      'PROVIDER_UNAVAILABLE',
    );
    assert.equal(error.details['networkCode'], 'ECONNREFUSED');
    assert.equal(error.details['attempts'], 3);
    assert.deepEqual(delays, [0, 0]);
  });

  it('throws ABORTED at once when the caller aborts a request in flight', { timeout: 5000 }, async () => {
    await withServer([{ type: 'reply', text: 'late', delayMs: 10_000 }], async (server) => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const error = await expectGroundedError(postJson(options(server, [], { signal: controller.signal })), 'ABORTED');
      assert.equal(server.requests.length, 1);
      assert.equal(error.details['attempts'], 1);
    });
  });

  it('throws ABORTED when the caller aborts during the wait before a retry', { timeout: 5000 }, async () => {
    await withServer([{ type: 'status', status: 429, headers: { 'retry-after': '30' } }], async (server) => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const started = Date.now();
      await expectGroundedError(postJson(options(server, [], { signal: controller.signal, sleep: undefined })), 'ABORTED');
      assert.ok(Date.now() - started < 2000);
      assert.equal(server.requests.length, 1);
    });
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
