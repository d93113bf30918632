import type { ChatModel, ChatRequest, ChatStreamPart } from '../../src/core/chat-model.js';
import type { ErrorCode, GroundedError } from '../../src/core/errors.js';
import type { LoopbackHandler, LoopbackServer } from '../../src/testing/loopback-behaviour.js';
import { startOpenAICompatibleServer } from '../../src/testing/start-openai-compatible-server.js';
import type { OpenAICompatibleChatModelOptions } from '../../src/providers/openai-compatible/create-openai-compatible-chat-model.js';
import { createOpenAICompatibleChatModel } from '../../src/providers/openai-compatible/create-openai-compatible-chat-model.js';
import { expectGroundedError } from '../../src/testing/expect-grounded-error.js';

// The harness of the OpenAI-compatible chat model tests: a question, a model pointed at a loopback server that
// speaks the protocol (sleeps recorded, jitter fixed), and stream collectors.

export const apiKey = 'sk-proj-TOPSECRET-9f8e7d6c5b4a';
export const question: ChatRequest = {
  messages: [
    { role: 'system', content: 'Answer from the sources.', cacheBreakpoint: true },
    { role: 'user', content: 'What port does the dashboard use?' },
  ],
};

export interface Harness {
  readonly server: LoopbackServer;
  readonly model: ChatModel;
  readonly delays: number[];
}

export async function withModel(handler: LoopbackHandler, run: (harness: Harness) => Promise<void>, extra: Partial<OpenAICompatibleChatModelOptions> = {}): Promise<void> {
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

export async function collect(stream: AsyncIterable<ChatStreamPart>): Promise<ChatStreamPart[]> {
  const parts: ChatStreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

/** Collects a stream that must fail: returns the parts that arrived before the error, and the error. */
export async function failedStream(stream: AsyncIterable<ChatStreamPart>, code: ErrorCode): Promise<{ parts: ChatStreamPart[]; error: GroundedError }> {
  const parts: ChatStreamPart[] = [];
  const error = await expectGroundedError(
    (async () => {
      for await (const part of stream) parts.push(part);
    })(),
    code,
  );
  return { parts, error };
}

export const textOf = (parts: readonly ChatStreamPart[]): string => parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join('');
