import type { ChatUsage } from '../core/chat-model.js';

/** USD per million tokens for one model. Cached input defaults to the input price, cache writes to 1.25x it. */
export interface ModelPricing {
  readonly inputPerMTok: number;
  readonly outputPerMTok: number;
  readonly cachedInputPerMTok?: number;
  readonly cacheWritePerMTok?: number;
}

/**
 * Cost of one request in USD from its usage and the model's prices; `null` when the model has no price (unknown is
 * not free). `inputTokens` includes cached and cache-written tokens, which are billed at their own rates.
 *
 * @example
 * estimateCost({ inputTokens: 1000, outputTokens: 200, cachedInputTokens: 800, cacheWriteTokens: 0 },
 *   { inputPerMTok: 3, outputPerMTok: 15, cachedInputPerMTok: 0.3 }); // 0.00384
 */
export function estimateCost(usage: ChatUsage, pricing: ModelPricing | undefined): number | null {
  if (pricing === undefined) return null;
  const uncached = Math.max(usage.inputTokens - usage.cachedInputTokens - usage.cacheWriteTokens, 0);
  const cachedPrice = pricing.cachedInputPerMTok ?? pricing.inputPerMTok;
  const writePrice = pricing.cacheWritePerMTok ?? pricing.inputPerMTok * 1.25;
  return (
    (uncached * pricing.inputPerMTok +
      usage.cachedInputTokens * cachedPrice +
      usage.cacheWriteTokens * writePrice +
      usage.outputTokens * pricing.outputPerMTok) /
    1_000_000
  );
}
