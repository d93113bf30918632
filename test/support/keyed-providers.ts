import {
  startAnthropicServer,
  startEmbeddingsServer,
  startOpenAICompatibleServer,
  startRerankServer,
  type LoopbackBehaviour,
  type LoopbackServer,
  type RecordedRequest,
} from '../../src/testing/index.js';

/**
 * Words that make a loopback provider fail when a request carries them: a 401 whose message echoes the key (as some
 * real servers do), or, for the chat model, an error event inside the stream that echoes it. The key comes late in a
 * long message, where a message shortened before it is redacted would keep part of it.
 */
export const failOn = { embedder: 'embedfail', reranker: 'rerankfail', llm: 'llmfail', llmStream: 'streamfail' } as const;

/** Loopback chat, embeddings and /rerank servers that expect `secret` as their API key. */
export interface KeyedProviders {
  readonly llm: 'openai-compatible' | 'anthropic';
  readonly chat: LoopbackServer;
  readonly embeddings: LoopbackServer;
  readonly rerank: LoopbackServer;
  /** Per server, the credentials of its requests that did not carry `secret` (empty: every request did). */
  wrongCredentials(): Record<string, string[]>;
  close(): Promise<void>;
}

/**
 * Starts the three servers. The chat server answers like a model that reads its prompt: it cites the first numbered
 * source, splits an answer into one claim per sentence and supports the first claim when asked as a judge.
 */
export async function startKeyedProviders(secret: string, llm: KeyedProviders['llm']): Promise<KeyedProviders> {
  // The key starts 256 characters in, so a message cut at 300 characters before redaction would keep most of it.
  const echoed = (message: string): string => `${`${message}: `.padEnd(256, '.')}${secret}`;
  const rejected = (message: string): LoopbackBehaviour => ({ type: 'status', status: 401, message: echoed(message) });
  const chatHandler = (request: RecordedRequest): LoopbackBehaviour => {
    const texts = messageTexts(request.body);
    const prompt = texts.join('\n');
    const last = texts.at(-1) ?? '';
    if (prompt.includes(failOn.llm)) return rejected('Incorrect API key provided');
    if (prompt.includes(failOn.llmStream)) {
      return { type: 'stream-error', errorType: 'authentication_error', message: echoed('invalid x-api-key') };
    }
    if (last.startsWith('ANSWER:')) return { type: 'reply', text: last.slice(8).split(/(?<=\.)\s+/).join('\n') };
    if (last.startsWith('CONTEXT:')) return { type: 'reply', text: '1: yes' };
    const n = /\[(\d+)\] \S+\.(?:md|html|txt)/.exec(prompt)?.[1];
    return { type: 'reply', text: n === undefined ? 'I cannot answer this from the provided sources.' : `Harbor listens on port 8420 [${n}].` };
  };
  const failing = (word: string) => (request: RecordedRequest): LoopbackBehaviour =>
    JSON.stringify(request.body).includes(word) ? rejected('invalid api key') : { type: 'reply', text: '' };
  const chat = llm === 'anthropic' ? await startAnthropicServer(chatHandler) : await startOpenAICompatibleServer(chatHandler);
  const embeddings = await startEmbeddingsServer(failing(failOn.embedder));
  const rerank = await startRerankServer(failing(failOn.reranker));
  const credential = (request: RecordedRequest): string =>
    (llm === 'anthropic' && request.path === '/v1/messages' ? request.headers['x-api-key'] : request.headers.authorization) ?? '(none)';
  const expected = (server: LoopbackServer): string => (server === chat && llm === 'anthropic' ? secret : `Bearer ${secret}`);
  return {
    llm,
    chat,
    embeddings,
    rerank,
    wrongCredentials: () =>
      Object.fromEntries(
        Object.entries({ chat, embeddings, rerank }).map(([name, server]) => [
          name,
          server.requests.map(credential).filter((value) => value !== expected(server)),
        ]),
      ),
    close: async () => {
      await Promise.all([chat.close(), embeddings.close(), rerank.close()]);
    },
  };
}

/** The text of every message of an OpenAI or Anthropic chat request, in order. */
function messageTexts(body: unknown): string[] {
  const messages = (body as { messages?: { content: string | { text?: string }[] }[] }).messages ?? [];
  return messages.map((message) => (typeof message.content === 'string' ? message.content : message.content.map((block) => block.text ?? '').join('')));
}
