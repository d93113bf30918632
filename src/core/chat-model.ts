/** One message of a chat request. */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
  /**
   * Marks the end of the stable prefix (behaviour and knowledge layers) that providers may cache; adapters map it to
   * their mechanism (Anthropic `cache_control`; OpenAI-compatible servers cache identical prefixes by themselves).
   */
  readonly cacheBreakpoint?: boolean;
}

/** What a caller asks of a chat model. */
export interface ChatRequest {
  readonly messages: readonly ChatMessage[];
  readonly maxOutputTokens?: number;
  /** Default 0: answers from sources should not be creative. */
  readonly temperature?: number;
  /** Structured output: the reply must be JSON matching this JSON schema. */
  readonly responseSchema?: { readonly name: string; readonly schema: Readonly<Record<string, unknown>> };
  /** Cancels the request (and its retries). */
  readonly signal?: AbortSignal;
  /**
   * The knowledge and request layers in structured form, as the messages render them. Remote adapters ignore it;
   * answerers that work on passages rather than prompts (the offline extractive answerer) read it instead of
   * parsing the prompt.
   */
  readonly grounding?: {
    readonly question: string;
    /** Numbered sources, `n` as cited with `[n]`; empty for closed-book. */
    readonly sources: readonly { readonly n: number; readonly text: string; readonly label: string }[];
  };
}

/** Token usage of one request. `cachedInputTokens` are input tokens read from the provider's prompt cache. */
export interface ChatUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cachedInputTokens: number;
  /** Input tokens written to the prompt cache (Anthropic bills these differently). */
  readonly cacheWriteTokens: number;
}

/** Why generation stopped. */
export type FinishReason = 'stop' | 'length' | 'content-filter' | 'other';

/** A complete reply. */
export interface ChatResult {
  readonly text: string;
  readonly usage: ChatUsage;
  readonly finishReason: FinishReason;
  /** The model that answered, as the provider reports it. */
  readonly modelId: string;
}

/** A piece of a streamed reply: text deltas, then exactly one `finish`. */
export type ChatStreamPart =
  | { readonly type: 'text-delta'; readonly text: string }
  | { readonly type: 'finish'; readonly usage: ChatUsage; readonly finishReason: FinishReason; readonly modelId: string };

/**
 * A chat model behind any provider. Failures are `GroundedError`s with `PROVIDER_*` codes and a one-line hint;
 * API keys never appear in messages, details or logs.
 */
export interface ChatModel {
  /** e.g. `openai-compatible`, `anthropic`, `extractive`. */
  readonly provider: string;
  readonly modelId: string;
  readonly capabilities: {
    readonly streaming: boolean;
    readonly structuredOutput: boolean;
    readonly promptCaching: boolean;
    /** Context window in tokens (for packing and the long-context strategy). */
    readonly contextWindow: number;
  };
  doGenerate(request: ChatRequest): Promise<ChatResult>;
  /** Streams the reply; the iterator throws a `GroundedError` if the stream fails or ends early. */
  doStream(request: ChatRequest): AsyncIterable<ChatStreamPart>;
}
