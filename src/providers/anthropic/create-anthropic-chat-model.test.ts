import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatModel, ChatRequest, ChatStreamPart } from '../../core/chat-model.js';
import type { ErrorCode, GroundedError } from '../../core/errors.js';
import type { LoopbackHandler, LoopbackServer } from '../../testing/loopback-behaviour.js';
import { startAnthropicServer } from '../../testing/start-anthropic-server.js';
import type { AnthropicChatModelOptions } from './create-anthropic-chat-model.js';
import { createAnthropicChatModel } from './create-anthropic-chat-model.js';
import { expectGroundedError } from '../../testing/expect-grounded-error.js';

const apiKey = 'sk-ant-api03-HUSH-abcdef0123456789';
const question: ChatRequest = {
  messages: [
    { role: 'system', content: 'You answer from sources and cite them.' },
    { role: 'system', content: 'Sources: [1] The dashboard listens on port 8080.', cacheBreakpoint: true },
    { role: 'user', content: 'Which port does the dashboard use?' },
  ],
};
const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] };

interface Harness {
  readonly server: LoopbackServer;
  readonly model: ChatModel;
  readonly delays: number[];
}

async function withModel(handler: LoopbackHandler, run: (harness: Harness) => Promise<void>, extra: Partial<AnthropicChatModelOptions> = {}): Promise<void> {
  const server = await startAnthropicServer(handler);
  const delays: number[] = [];
  const model = createAnthropicChatModel({
    baseUrl: server.baseUrl,
    model: 'claude-sonnet-4-5',
    apiKey,
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

async function stream(parts: AsyncIterable<ChatStreamPart>, code?: ErrorCode): Promise<{ parts: ChatStreamPart[]; error?: GroundedError }> {
  const collected: ChatStreamPart[] = [];
  const consume = (async () => {
    for await (const part of parts) collected.push(part);
  })();
  if (code === undefined) {
    await consume;
    return { parts: collected };
  }
  return { parts: collected, error: await expectGroundedError(consume, code) };
}

const textOf = (parts: readonly ChatStreamPart[]): string => parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join('');

/** Every path in `value` where a `cache_control` key sits. */
function cacheControlPaths(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => cacheControlPaths(item, `${path}[${index}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => (key === 'cache_control' ? [`${path}.${key}`] : cacheControlPaths(child, `${path}.${key}`)));
}

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
