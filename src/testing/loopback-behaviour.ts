/**
 * What a loopback protocol server does with one request. Every behaviour may wait `delayMs` before answering
 * (to trigger client timeouts; the wait ends early if the client disconnects or the server closes).
 *
 * - `reply`: answer with `text`. A streaming request (`stream: true`) gets it as server-sent events, one per entry of
 *   `chunks` (default: word by word), optionally `eventDelayMs` apart, and `cutAfterEvents` destroys the socket after
 *   that many events (a stream cut mid-way). `usage` fields are merged over the default wire usage object, in the
 *   provider's own names (`prompt_tokens`, `cache_read_input_tokens`, ...). `finishReason` is the wire value
 *   (`stop`, `length`; `end_turn`, `max_tokens`). For an Anthropic request that forces a tool (structured output),
 *   `text` must be JSON and is sent as the tool input.
 * - `status`: an error reply with this HTTP status, extra `headers` (e.g. `retry-after`), and a provider-shaped error
 *   body carrying `message` — or `body` verbatim (a string is sent as is, anything else as JSON).
 * - `malformed`: HTTP 200 with JSON cut short (for a streaming request: one good event, then a broken one).
 * - `stream-error`: streams `afterEvents` events of the reply, then the provider's in-stream error (`errorType`, `message`).
 */
export type LoopbackBehaviour = { readonly delayMs?: number } & (
  | {
      readonly type: 'reply';
      readonly text: string;
      readonly chunks?: readonly string[];
      readonly finishReason?: string;
      readonly model?: string;
      readonly usage?: Readonly<Record<string, unknown>>;
      readonly eventDelayMs?: number;
      readonly cutAfterEvents?: number;
    }
  | {
      readonly type: 'status';
      readonly status: number;
      readonly headers?: Readonly<Record<string, string>>;
      readonly message?: string;
      readonly body?: unknown;
    }
  | { readonly type: 'malformed' }
  | { readonly type: 'stream-error'; readonly errorType: string; readonly message: string; readonly afterEvents?: number }
);

/** One request a loopback server received. `body` is the parsed JSON (or the raw text when it is not JSON). */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  /** Lower-case header names, as Node reports them. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/**
 * Decides the behaviour for the `index`-th request (0-based). An array scripts the requests in order; its last entry
 * answers every request after it.
 */
export type LoopbackHandler =
  | ((request: RecordedRequest, index: number) => LoopbackBehaviour | Promise<LoopbackBehaviour>)
  | readonly LoopbackBehaviour[];

/** A running loopback server. */
export interface LoopbackServer {
  /** What to pass as the adapter's `baseUrl`. */
  readonly baseUrl: string;
  /** Every request so far, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** Stops the server, dropping open connections and pending delays. */
  close(): Promise<void>;
}
