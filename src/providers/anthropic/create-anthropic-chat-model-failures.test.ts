import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LoopbackHandler } from '../../testing/loopback-behaviour.js';
import { expectGroundedError } from '../../testing/expect-grounded-error.js';
import { apiKey, question, stream, textOf, withModel } from '../../../test/support/anthropic-chat-harness.js';

describe('createAnthropicChatModel', () => {
  it('yields what arrived, then throws PROVIDER_BAD_RESPONSE when the stream is cut before message_stop', { timeout: 5000 }, async () => {
    // Events: message_start, content_block_start, ping, 'one ', 'two ', then the cut.
    await withModel([{ type: 'reply', text: 'one two three', cutAfterEvents: 5 }], async ({ model }) => {
      const { parts, error } = await stream(model.doStream(question), 'PROVIDER_BAD_RESPONSE');
      assert.equal(textOf(parts), 'one two ');
      assert.ok(parts.every((part) => part.type === 'text-delta'));
      assert.match(error?.message ?? '', /stream ended early/);
    });
  });

  it('throws PROVIDER_BAD_RESPONSE when the stream ends cleanly without message_stop', async () => {
    const body = 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"half"}}\n\n';
    await withModel([{ type: 'status', status: 200, body }], async ({ model }) => {
      const { parts, error } = await stream(model.doStream(question), 'PROVIDER_BAD_RESPONSE');
      assert.equal(textOf(parts), 'half');
      assert.match(error?.message ?? '', /stream ended early \(no message_stop/);
    });
  });

  it('turns an error event into a typed error', async () => {
    await withModel([{ type: 'stream-error', errorType: 'overloaded_error', message: 'Overloaded' }], async ({ model }) => {
      const { error } = await stream(model.doStream(question), 'PROVIDER_UNAVAILABLE');
      assert.match(error?.message ?? '', /overloaded_error.*Overloaded/);
    });
  });

  it('throws PROVIDER_BAD_RESPONSE on malformed JSON, in a reply and in a stream event', async () => {
    await withModel([{ type: 'malformed' }], async ({ model }) => {
      await expectGroundedError(model.doGenerate(question), 'PROVIDER_BAD_RESPONSE');
      const { error } = await stream(model.doStream(question), 'PROVIDER_BAD_RESPONSE');
      assert.match(error?.message ?? '', /malformed JSON in a stream event/);
    });
  });

  it('retries 429 after its Retry-After and 529 with backoff, then answers', async () => {
    const script: LoopbackHandler = [
      { type: 'status', status: 429, headers: { 'retry-after': '4' } },
      { type: 'status', status: 529 },
      { type: 'reply', text: 'ok' },
    ];
    await withModel(script, async ({ server, model, delays }) => {
      assert.equal((await model.doGenerate(question)).text, 'ok');
      assert.deepEqual(delays, [4000, 500]);
      assert.equal(server.requests.length, 3);
    });
  });

  it('throws PROVIDER_UNAVAILABLE when 500s outlast the retries', async () => {
    await withModel([{ type: 'status', status: 500, message: 'Internal server error' }], async ({ server, model }) => {
      const error = await expectGroundedError(model.doGenerate(question), 'PROVIDER_UNAVAILABLE');
      assert.equal(server.requests.length, 3);
      assert.deepEqual([error.details['status'], error.details['attempts']], [500, 3]);
    });
  });

  it('throws PROVIDER_TIMEOUT when the server answers too late', { timeout: 5000 }, async () => {
    await withModel([{ type: 'reply', text: 'late', delayMs: 10_000 }], async ({ server, model }) => {
      await expectGroundedError(model.doGenerate(question), 'PROVIDER_TIMEOUT');
      assert.equal(server.requests.length, 2);
    }, { timeoutMs: 100, maxRetries: 1 });
  });

  it('throws PROVIDER_AUTH on 401 and keeps the key out of the error', async () => {
    const echo: LoopbackHandler = (request) => ({ type: 'status', status: 401, message: `invalid x-api-key ${request.headers['x-api-key']}` });
    await withModel(echo, async ({ server, model }) => {
      const error = await expectGroundedError(model.doGenerate(question), 'PROVIDER_AUTH');
      assert.equal(server.requests.length, 1);
      for (const text of [error.message, error.hint ?? '', JSON.stringify(error.details), error.stack ?? '']) {
        assert.ok(!text.includes(apiKey) && !text.includes('HUSH'), `key leaked: ${text}`);
      }
    });
  });

  it('throws ABORTED when the caller aborts the signal', { timeout: 5000 }, async () => {
    await withModel([{ type: 'reply', text: 'late', delayMs: 10_000 }], async ({ server, model }) => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      await expectGroundedError(model.doGenerate({ ...question, signal: controller.signal }), 'ABORTED');
      const { error } = await stream(model.doStream({ ...question, signal: AbortSignal.abort() }), 'ABORTED');
      assert.ok(error);
      assert.equal(server.requests.length, 1);
    });
  });

});
