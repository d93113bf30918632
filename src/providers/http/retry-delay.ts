/**
 * Backoff timing of provider retries. `baseMs` doubles per attempt up to `capMs` (the OpenAI and Anthropic SDKs use
 * similar figures); a server's `Retry-After` is honoured up to `retryAfterCapMs` so a bad header cannot stall a run.
 */
export const retryTiming = { baseMs: 500, capMs: 8_000, retryAfterCapMs: 60_000 } as const;

/**
 * How long to wait before retry number `retry` (1 for the first retry): the server's `retryAfterMs` when given
 * (capped at 60 s), otherwise exponential backoff with full jitter, `random() * min(8 s, 500 ms * 2^(retry - 1))`.
 * Full jitter spreads out clients that failed together (see "Exponential Backoff And Jitter", AWS architecture blog).
 *
 * @example
 * retryDelay({ retry: 3, random: () => 0.5 }); // 1000
 * retryDelay({ retry: 1, retryAfterMs: 2000, random: Math.random }); // 2000
 */
export function retryDelay(options: { retry: number; retryAfterMs?: number; random: () => number }): number {
  if (options.retryAfterMs !== undefined) return Math.min(options.retryAfterMs, retryTiming.retryAfterCapMs);
  const ceiling = Math.min(retryTiming.capMs, retryTiming.baseMs * 2 ** Math.max(0, options.retry - 1));
  return Math.floor(options.random() * ceiling);
}
