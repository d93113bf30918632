/** Settings every HTTP chat model adapter takes. */
export interface HttpChatModelOptions {
  /** Model name sent to the provider. */
  readonly model: string;
  /** The provider's API key; sent only in its auth header, never logged or put in errors. */
  readonly apiKey?: string;
  /** Context window in tokens; each adapter documents its default. */
  readonly contextWindow?: number;
  /** Per attempt, including reading the (streamed) reply. Default 60 000 ms. */
  readonly timeoutMs?: number;
  /** Default 2. */
  readonly maxRetries?: number;
  /** Extra headers (e.g. `OpenAI-Organization`, `anthropic-beta`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Seams for tests: see `postJson`. */
  readonly fetch?: typeof globalThis.fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}
