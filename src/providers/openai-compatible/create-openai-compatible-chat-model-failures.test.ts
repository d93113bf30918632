import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatStreamPart } from '../../core/chat-model.js';
import { isGroundedError } from '../../core/errors.js';
import type { LoopbackHandler } from '../../testing/loopback-behaviour.js';
import { createOpenAICompatibleChatModel } from './create-openai-compatible-chat-model.js';
import { expectGroundedError } from '../../testing/expect-grounded-error.js';
import { apiKey, failedStream, question, textOf, withModel } from '../../../test/support/openai-compatible-chat-harness.js';

describe('createOpenAICompatibleChatModel', () => {
  it('yields what arrived, then throws PROVIDER_BAD_RESPONSE when the stream is cut mid-way', { timeout: 5000 }, async () => {
    // Events: role chunk, 'one ', 'two ', then the cut before 'three'.
    await withModel([{ type: 'reply', text: 'one two three', cutAfterEvents: 3 }], async ({ model }) => {
      const { parts, error } = await failedStream(model.doStream(question), 'PROVIDER_BAD_RESPONSE');
      assert.equal(textOf(parts), 'one two ');
      assert.ok(parts.every((part) => part.type === 'text-delta'));
      assert.match(error.message, /stream ended early/);
    });
  });

  it('throws PROVIDER_BAD_RESPONSE when the stream ends cleanly without [DONE]', async () => {
    const body = 'data: {"choices":[{"index":0,"delta":{"content":"half"},"finish_reason":null}]}\n\n';
    await withModel([{ type: 'status', status: 200, body }], async ({ model }) => {
      const { parts, error } = await failedStream(model.doStream(question), 'PROVIDER_BAD_RESPONSE');
      assert.equal(textOf(parts), 'half');
      assert.match(error.message, /stream ended early \(no \[DONE\]/);
    });
  });

  it('throws PROVIDER_BAD_RESPONSE on malformed JSON, in a reply and in a stream event', async () => {
    await withModel([{ type: 'malformed' }], async ({ model }) => {
      const error = await expectGroundedError(model.doGenerate(question), 'PROVIDER_BAD_RESPONSE');
      assert.match(error.message, /malformed JSON in the response body/);
      const streamed = await failedStream(model.doStream(question), 'PROVIDER_BAD_RESPONSE');
      assert.equal(textOf(streamed.parts), 'Hel');
      assert.match(streamed.error.message, /malformed JSON in a stream event/);
    });
  });

  it('throws PROVIDER_BAD_RESPONSE for JSON without choices', async () => {
    await withModel([{ type: 'status', status: 200, body: { object: 'list', data: [] } }], async ({ model }) => {
      const error = await expectGroundedError(model.doGenerate(question), 'PROVIDER_BAD_RESPONSE');
      assert.match(error.message, /no choices\[0\]\.message/);
    });
  });

  it('maps an error chunk inside the stream to a typed error', async () => {
    await withModel([{ type: 'stream-error', errorType: 'rate_limit_exceeded', message: 'Too many tokens' }], async ({ model }) => {
      const { error } = await failedStream(model.doStream(question), 'PROVIDER_RATE_LIMITED');
      assert.match(error.message, /Too many tokens/);
    });
  });

  it('retries a 429 after the Retry-After delay, and a 500, then answers', async () => {
    const script: LoopbackHandler = [
      { type: 'status', status: 429, headers: { 'retry-after': '3' } },
      { type: 'status', status: 500 },
      { type: 'reply', text: 'finally' },
    ];
    await withModel(script, async ({ server, model, delays }) => {
      assert.equal((await model.doGenerate(question)).text, 'finally');
      assert.deepEqual(delays, [3000, 500]);
      assert.equal(server.requests.length, 3);
    });
  });

  it('throws PROVIDER_UNAVAILABLE when 500s outlast the retries, for streams too', async () => {
    await withModel([{ type: 'status', status: 500 }], async ({ server, model, delays }) => {
      const error = await expectGroundedError(model.doGenerate(question), 'PROVIDER_UNAVAILABLE');
      assert.equal(error.details['attempts'], 3);
      await failedStream(model.doStream(question), 'PROVIDER_UNAVAILABLE');
      assert.equal(server.requests.length, 6);
      assert.deepEqual(delays, [250, 500, 250, 500]);
    });
  });

  it('throws PROVIDER_TIMEOUT when the server is too slow, before the reply and mid-stream', { timeout: 5000 }, async () => {
    const script: LoopbackHandler = [
      { type: 'reply', text: 'late', delayMs: 10_000 },
      { type: 'reply', text: 'slow stream', eventDelayMs: 10_000 },
    ];
    await withModel(
      script,
      async ({ server, model }) => {
        await expectGroundedError(model.doGenerate(question), 'PROVIDER_TIMEOUT');
        const { parts } = await failedStream(model.doStream(question), 'PROVIDER_TIMEOUT');
        assert.deepEqual(parts, []);
        assert.equal(server.requests.length, 2);
      },
      { timeoutMs: 150, maxRetries: 0 },
    );
  });

  it('throws PROVIDER_AUTH on 401 and keeps the key out of the error', async () => {
    await withModel(
      [{ type: 'status', status: 401, message: `Incorrect API key provided: ${apiKey}.` }],
      async ({ server, model }) => {
        const error = await expectGroundedError(model.doGenerate(question), 'PROVIDER_AUTH');
        assert.equal(server.requests.length, 1);
        for (const text of [error.message, error.hint ?? '', JSON.stringify(error.details), error.stack ?? '']) {
          assert.ok(!text.includes(apiKey) && !text.includes('TOPSECRET'), `key leaked: ${text}`);
        }
      },
      { apiKey },
    );
  });

  it('throws ABORTED when the caller aborts, before the reply and mid-stream', { timeout: 5000 }, async () => {
    const script: LoopbackHandler = [
      { type: 'reply', text: 'late', delayMs: 10_000 },
      { type: 'reply', text: 'a b c d', eventDelayMs: 300 },
    ];
    await withModel(script, async ({ model }) => {
      const before = new AbortController();
      setTimeout(() => before.abort(), 50);
      await expectGroundedError(model.doGenerate({ ...question, signal: before.signal }), 'ABORTED');
      const during = new AbortController();
      const parts: ChatStreamPart[] = [];
      await expectGroundedError(
        (async () => {
          for await (const part of model.doStream({ ...question, signal: during.signal })) {
            parts.push(part);
            during.abort();
          }
        })(),
        'ABORTED',
      );
      assert.equal(parts.length, 1);
    });
  });

  it('rejects a base URL that is not a URL with INVALID_CONFIG', () => {
    assert.throws(() => createOpenAICompatibleChatModel({ baseUrl: 'localhost:11434', model: 'm' }), (error) => isGroundedError(error, 'INVALID_CONFIG'));
  });
});
