import type { ChatModel, ChatRequest, ChatStreamPart } from '../../src/core/chat-model.js';
import type { ErrorCode, GroundedError } from '../../src/core/errors.js';
import type { LoopbackHandler, LoopbackServer } from '../../src/testing/loopback-behaviour.js';
import { startAnthropicServer } from '../../src/testing/start-anthropic-server.js';
import type { AnthropicChatModelOptions } from '../../src/providers/anthropic/create-anthropic-chat-model.js';
import { createAnthropicChatModel } from '../../src/providers/anthropic/create-anthropic-chat-model.js';
import { expectGroundedError } from '../../src/testing/expect-grounded-error.js';

// The harness of the Anthropic chat model tests: a question and schema, a model pointed at a loopback server that
// speaks the Messages protocol (sleeps recorded, jitter fixed), and a stream collector.

export const apiKey = 'sk-ant-api03-HUSH-abcdef0123456789';
export const question: ChatRequest = {
  messages: [
    { role: 'system', content: 'You answer from sources and cite them.' },
    { role: 'system', content: 'Sources: [1] The dashboard listens on port 8080.', cacheBreakpoint: true },
    { role: 'user', content: 'Which port does the dashboard use?' },
  ],
};
export const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] };

export interface Harness {
  readonly server: LoopbackServer;
  readonly model: ChatModel;
  readonly delays: number[];
}

export async function withModel(handler: LoopbackHandler, run: (harness: Harness) => Promise<void>, extra: Partial<AnthropicChatModelOptions> = {}): Promise<void> {
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

export async function stream(parts: AsyncIterable<ChatStreamPart>, code?: ErrorCode): Promise<{ parts: ChatStreamPart[]; error?: GroundedError }> {
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

export const textOf = (parts: readonly ChatStreamPart[]): string => parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join('');

/** Every path in `value` where a `cache_control` key sits. */
export function cacheControlPaths(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => cacheControlPaths(item, `${path}[${index}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => (key === 'cache_control' ? [`${path}.${key}`] : cacheControlPaths(child, `${path}.${key}`)));
}
