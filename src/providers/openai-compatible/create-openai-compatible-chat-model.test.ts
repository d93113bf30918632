import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatModel, ChatRequest, ChatStreamPart } from '../../core/chat-model.js';
import type { ErrorCode, GroundedError } from '../../core/errors.js';
import { isGroundedError } from '../../core/errors.js';
import type { LoopbackHandler, LoopbackServer } from '../../testing/loopback-behaviour.js';
import { startOpenAICompatibleServer } from '../../testing/start-openai-compatible-server.js';
import type { OpenAICompatibleChatModelOptions } from './create-openai-compatible-chat-model.js';
import { createOpenAICompatibleChatModel } from './create-openai-compatible-chat-model.js';
import { expectGroundedError } from '../../testing/expect-grounded-error.js';

const apiKey = 'sk-proj-TOPSECRET-9f8e7d6c5b4a';
const question: ChatRequest = {
  messages: [
    { role: 'system', content: 'Answer from the sources.', cacheBreakpoint: true },
    { role: 'user', content: 'What port does the dashboard use?' },
  ],
};

interface Harness {
  readonly server: LoopbackServer;
  readonly model: ChatModel;
  readonly delays: number[];
}

async function withModel(handler: LoopbackHandler, run: (harness: Harness) => Promise<void>, extra: Partial<OpenAICompatibleChatModelOptions> = {}): Promise<void> {
  const server = await startOpenAICompatibleServer(handler);
  const delays: number[] = [];
  const model = createOpenAICompatibleChatModel({
    baseUrl: server.baseUrl,
    model: 'llama3.2',
    sleep: async (ms) => void delays.push(ms),
    random: () => 0.5,
    ...extra,
  });
  try {
    await run({ server, model, delays });
  } finally {
    await server.close();
  }
}

async function collect(stream: AsyncIterable<ChatStreamPart>): Promise<ChatStreamPart[]> {
  const parts: ChatStreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}


/** Collects a stream that must fail: returns the parts that arrived before the error, and the error. */
async function failedStream(stream: AsyncIterable<ChatStreamPart>, code: ErrorCode): Promise<{ parts: ChatStreamPart[]; error: GroundedError }> {
  const parts: ChatStreamPart[] = [];
  const error = await expectGroundedError(
    (async () => {
      for await (const part of stream) parts.push(part);
    })(),
    code,
  );
  return { parts, error };
}

const textOf = (parts: readonly ChatStreamPart[]): string => parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join('');

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
