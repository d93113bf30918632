import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LoopbackHandler } from '../../testing/loopback-behaviour.js';
import { startOpenAICompatibleServer } from '../../testing/start-openai-compatible-server.js';
import { createOpenAICompatibleChatModel } from './create-openai-compatible-chat-model.js';
import { apiKey, collect, question, withModel } from '../../../test/support/openai-compatible-chat-harness.js';

describe('createOpenAICompatibleChatModel', () => {
  it('answers a plain request and sends a Chat Completions body without key or cache markers', async () => {
    await withModel([{ type: 'reply', text: 'Port 8080 [1].', model: 'llama3.2:latest' }], async ({ server, model }) => {
      const result = await model.doGenerate(question);
      assert.deepEqual(result, {
        text: 'Port 8080 [1].',
        usage: { inputTokens: 12, outputTokens: 3, cachedInputTokens: 0, cacheWriteTokens: 0 },
        finishReason: 'stop',
        modelId: 'llama3.2:latest',
      });
      const request = server.requests[0];
      assert.equal(request?.path, '/v1/chat/completions');
      assert.equal(request?.headers['authorization'], undefined);
      assert.deepEqual(request?.body, {
        model: 'llama3.2',
        messages: [
          { role: 'system', content: 'Answer from the sources.' },
          { role: 'user', content: 'What port does the dashboard use?' },
        ],
        temperature: 0,
      });
      assert.equal(model.provider, 'openai-compatible');
      assert.equal(model.capabilities.contextWindow, 128_000);
    });
  });

  it('sends the bearer key, max_tokens and temperature when given, to a base URL with a trailing slash', async () => {
    const server = await startOpenAICompatibleServer([{ type: 'reply', text: 'ok' }]);
    try {
      const model = createOpenAICompatibleChatModel({ baseUrl: `${server.baseUrl}/`, model: 'gpt-4o-mini', apiKey, contextWindow: 32_000 });
      await model.doGenerate({ ...question, maxOutputTokens: 50, temperature: 0.3 });
      const body = server.requests[0]?.body as Record<string, unknown>;
      assert.equal(server.requests[0]?.headers['authorization'], `Bearer ${apiKey}`);
      assert.equal(body['max_tokens'], 50);
      assert.equal(body['temperature'], 0.3);
      assert.equal(model.capabilities.contextWindow, 32_000);
    } finally {
      await server.close();
    }
  });

  it('asks for structured output with a strict json_schema and returns the JSON text', async () => {
    const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false };
    await withModel([{ type: 'reply', text: '{"answer":"8080"}' }], async ({ server, model }) => {
      const result = await model.doGenerate({ ...question, responseSchema: { name: 'answer', schema } });
      assert.deepEqual(JSON.parse(result.text), { answer: '8080' });
      assert.deepEqual((server.requests[0]?.body as Record<string, unknown>)['response_format'], {
        type: 'json_schema',
        json_schema: { name: 'answer', schema, strict: true },
      });
    });
  });

  it('reports usage including cached prompt tokens', async () => {
    const usage = { prompt_tokens: 2006, completion_tokens: 300, total_tokens: 2306, prompt_tokens_details: { cached_tokens: 1920 } };
    await withModel([{ type: 'reply', text: 'cached', usage }], async ({ model }) => {
      const result = await model.doGenerate(question);
      assert.deepEqual(result.usage, { inputTokens: 2006, outputTokens: 300, cachedInputTokens: 1920, cacheWriteTokens: 0 });
    });
  });

  it('maps finish reasons length, content_filter and unknown ones', async () => {
    const script: LoopbackHandler = [
      { type: 'reply', text: 'cut', finishReason: 'length' },
      { type: 'reply', text: '', finishReason: 'content_filter' },
      { type: 'reply', text: 'x', finishReason: 'tool_calls' },
    ];
    await withModel(script, async ({ model }) => {
      assert.equal((await model.doGenerate(question)).finishReason, 'length');
      assert.equal((await model.doGenerate(question)).finishReason, 'content-filter');
      assert.equal((await model.doGenerate(question)).finishReason, 'other');
    });
  });

  it('streams text deltas and ends with one finish part carrying the final usage', async () => {
    const usage = { prompt_tokens: 40, completion_tokens: 4, prompt_tokens_details: { cached_tokens: 32 } };
    await withModel([{ type: 'reply', text: 'The dashboard uses 8080.', chunks: ['The dash', 'board uses ', '8080.'], usage }], async ({ server, model }) => {
      const parts = await collect(model.doStream(question));
      assert.deepEqual(parts, [
        { type: 'text-delta', text: 'The dash' },
        { type: 'text-delta', text: 'board uses ' },
        { type: 'text-delta', text: '8080.' },
        { type: 'finish', usage: { inputTokens: 40, outputTokens: 4, cachedInputTokens: 32, cacheWriteTokens: 0 }, finishReason: 'stop', modelId: 'gpt-4o-mini-2024-07-18' },
      ]);
      const body = server.requests[0]?.body as Record<string, unknown>;
      assert.equal(body['stream'], true);
      assert.deepEqual(body['stream_options'], { include_usage: true });
    });
  });

});
