import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatRequest } from '../../core/chat-model.js';
import type { LoopbackHandler } from '../../testing/loopback-behaviour.js';
import { createAnthropicChatModel } from './create-anthropic-chat-model.js';
import { expectGroundedError } from '../../testing/expect-grounded-error.js';
import { apiKey, cacheControlPaths, question, schema, stream, textOf, withModel } from '../../../test/support/anthropic-chat-harness.js';

describe('createAnthropicChatModel', () => {
  it('answers a plain request sent as a Messages body with system blocks and Anthropic headers', async () => {
    await withModel([{ type: 'reply', text: 'Port 8080 [1].' }], async ({ server, model }) => {
      const result = await model.doGenerate(question);
      assert.deepEqual(result, {
        text: 'Port 8080 [1].',
        usage: { inputTokens: 12, outputTokens: 3, cachedInputTokens: 0, cacheWriteTokens: 0 },
        finishReason: 'stop',
        modelId: 'claude-sonnet-4-5-20250929',
      });
      const request = server.requests[0];
      assert.equal(request?.path, '/v1/messages');
      assert.equal(request?.headers['x-api-key'], apiKey);
      assert.equal(request?.headers['anthropic-version'], '2023-06-01');
      assert.equal(request?.headers['authorization'], undefined);
      assert.deepEqual(request?.body, {
        model: 'claude-sonnet-4-5',
        max_tokens: 1024,
        temperature: 0,
        system: [
          { type: 'text', text: 'You answer from sources and cite them.' },
          { type: 'text', text: 'Sources: [1] The dashboard listens on port 8080.', cache_control: { type: 'ephemeral' } },
        ],
        messages: [{ role: 'user', content: 'Which port does the dashboard use?' }],
      });
      assert.equal(model.capabilities.contextWindow, 200_000);
    });
  });

  it('puts cache_control on the marked message only, as a text block array', async () => {
    const request: ChatRequest = {
      messages: [
        { role: 'system', content: 'Rules.' },
        { role: 'user', content: 'Sources: ...long...', cacheBreakpoint: true },
        { role: 'assistant', content: 'Understood.' },
        { role: 'user', content: 'Which port?' },
      ],
    };
    await withModel([{ type: 'reply', text: '8080' }], async ({ server, model }) => {
      await model.doGenerate(request);
      const body = server.requests[0]?.body as Record<string, unknown>;
      assert.deepEqual(cacheControlPaths(body), ['$.messages[0].content[0].cache_control']);
      assert.deepEqual(body['messages'], [
        { role: 'user', content: [{ type: 'text', text: 'Sources: ...long...', cache_control: { type: 'ephemeral' } }] },
        { role: 'assistant', content: 'Understood.' },
        { role: 'user', content: 'Which port?' },
      ]);
      assert.deepEqual(body['system'], [{ type: 'text', text: 'Rules.' }]);
    });
  });

  it('counts cached reads and cache writes into inputTokens and reports them apart', async () => {
    const usage = { input_tokens: 6, cache_read_input_tokens: 2000, cache_creation_input_tokens: 300, output_tokens: 42 };
    await withModel([{ type: 'reply', text: 'x', usage }], async ({ model }) => {
      assert.deepEqual((await model.doGenerate(question)).usage, { inputTokens: 2306, outputTokens: 42, cachedInputTokens: 2000, cacheWriteTokens: 300 });
    });
  });

  it('returns structured output from a forced tool call, plain and streamed', async () => {
    await withModel([{ type: 'reply', text: '{"answer":"8080"}', chunks: ['{"answer"', ':"80', '80"}'] }], async ({ server, model }) => {
      const request = { ...question, responseSchema: { name: 'grounded_answer', schema } };
      const result = await model.doGenerate(request);
      assert.deepEqual(JSON.parse(result.text), { answer: '8080' });
      assert.equal(result.finishReason, 'stop');
      const body = server.requests[0]?.body as Record<string, unknown>;
      assert.deepEqual(body['tools'], [{ name: 'grounded_answer', description: 'Reply with the grounded_answer object.', input_schema: schema }]);
      assert.deepEqual(body['tool_choice'], { type: 'tool', name: 'grounded_answer' });
      const { parts } = await stream(model.doStream(request));
      assert.deepEqual(JSON.parse(textOf(parts)), { answer: '8080' });
      assert.deepEqual(parts.at(-1), { type: 'finish', usage: { inputTokens: 12, outputTokens: 1, cachedInputTokens: 0, cacheWriteTokens: 0 }, finishReason: 'stop', modelId: 'claude-sonnet-4-5-20250929' });
    });
  });

  it('rejects a non-object structured output schema with INVALID_ARGUMENT before any request', async () => {
    await withModel([{ type: 'reply', text: '"x"' }], async ({ server, model }) => {
      await expectGroundedError(model.doGenerate({ ...question, responseSchema: { name: 'label', schema: { type: 'string' } } }), 'INVALID_ARGUMENT');
      assert.equal(server.requests.length, 0);
    });
  });

  it('maps stop reasons and honours maxOutputTokens from options and request', async () => {
    const script: LoopbackHandler = [
      { type: 'reply', text: 'cut', finishReason: 'max_tokens' },
      { type: 'reply', text: 'done', finishReason: 'stop_sequence' },
      { type: 'reply', text: 'no', finishReason: 'refusal' },
    ];
    await withModel(
      script,
      async ({ server, model }) => {
        assert.equal((await model.doGenerate(question)).finishReason, 'length');
        assert.equal((await model.doGenerate({ ...question, maxOutputTokens: 20 })).finishReason, 'stop');
        assert.equal((await model.doGenerate(question)).finishReason, 'content-filter');
        assert.deepEqual(server.requests.map((request) => (request.body as Record<string, unknown>)['max_tokens']), [256, 20, 256]);
      },
      { maxOutputTokens: 256 },
    );
  });

  it('streams text deltas and one finish with usage from message_start and message_delta', async () => {
    const usage = { input_tokens: 10, cache_read_input_tokens: 1500, output_tokens: 5 };
    await withModel([{ type: 'reply', text: 'It uses 8080.', chunks: ['It uses', ' 8080.'], usage }], async ({ server, model }) => {
      const { parts } = await stream(model.doStream(question));
      assert.deepEqual(parts, [
        { type: 'text-delta', text: 'It uses' },
        { type: 'text-delta', text: ' 8080.' },
        { type: 'finish', usage: { inputTokens: 1510, outputTokens: 5, cachedInputTokens: 1500, cacheWriteTokens: 0 }, finishReason: 'stop', modelId: 'claude-sonnet-4-5-20250929' },
      ]);
      assert.equal((server.requests[0]?.body as Record<string, unknown>)['stream'], true);
    });
  });

  it('posts to https://api.anthropic.com/v1/messages by default', async () => {
    const urls: string[] = [];
    const model = createAnthropicChatModel({
      model: 'claude-haiku-4-5',
      fetch: async (url) => {
        urls.push(String(url));
        return Response.json({ type: 'message', model: 'claude-haiku-4-5', content: [{ type: 'text', text: 'hi' }], stop_reason: 'end_turn', usage: {} });
      },
    });
    assert.equal((await model.doGenerate(question)).text, 'hi');
    assert.deepEqual(urls, ['https://api.anthropic.com/v1/messages']);
  });
});
