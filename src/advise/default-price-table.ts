/**
 * A model's prices for the cost crossover, USD. Per-token prices per million tokens; `trainingPerMTok` for
 * fine-tunable rows (training tokens = examples x tokens per example x epochs); `hostingUsdPerMonth` for rows that
 * bill a deployment whether it is used or not (self-hosted GPUs).
 */
export interface AdvisorModelPrice {
  readonly inputPerMTok: number;
  readonly outputPerMTok: number;
  /** Cached prompt tokens; default the input price. */
  readonly cachedInputPerMTok?: number;
  readonly trainingPerMTok?: number;
  readonly hostingUsdPerMonth?: number;
  /** Where the figures come from and when. */
  readonly source?: string;
}

const openAiPricing = 'openai.com/api/pricing (standard tier, 2025)';
const selfHosted =
  'assumption: one 24 GB GPU (L4/A10G class) rented at about $1/hour = $730/month serving an 8B open-weight model; tokens cost nothing extra until it is saturated; LoRA training at about $0.50 per million training tokens';

/**
 * The default price table of the advisor, overridden and extended by `llm.pricing` in the config (same model ids).
 * Rows ending in `:fine-tuned` are the fine-tuned variant of the row without the suffix: OpenAI bills fine-tuned
 * inference at its own (higher) rates plus training per token; serverless fine-tunes have no hosting fee.
 * Check the vendors' pages before relying on a figure: prices change.
 *
 * @example
 * defaultPriceTable['gpt-4.1-mini']?.inputPerMTok; // 0.4
 */
export const defaultPriceTable: Readonly<Record<string, AdvisorModelPrice>> = {
  'gpt-4.1': { inputPerMTok: 2, cachedInputPerMTok: 0.5, outputPerMTok: 8, source: openAiPricing },
  'gpt-4.1:fine-tuned': { inputPerMTok: 3, cachedInputPerMTok: 0.75, outputPerMTok: 12, trainingPerMTok: 25, hostingUsdPerMonth: 0, source: openAiPricing },
  'gpt-4.1-mini': { inputPerMTok: 0.4, cachedInputPerMTok: 0.1, outputPerMTok: 1.6, source: openAiPricing },
  'gpt-4.1-mini:fine-tuned': { inputPerMTok: 0.8, cachedInputPerMTok: 0.2, outputPerMTok: 3.2, trainingPerMTok: 5, hostingUsdPerMonth: 0, source: openAiPricing },
  'gpt-4.1-nano': { inputPerMTok: 0.1, cachedInputPerMTok: 0.025, outputPerMTok: 0.4, source: openAiPricing },
  'gpt-4.1-nano:fine-tuned': { inputPerMTok: 0.2, cachedInputPerMTok: 0.05, outputPerMTok: 0.8, trainingPerMTok: 1.5, hostingUsdPerMonth: 0, source: openAiPricing },
  'gpt-4o-mini': { inputPerMTok: 0.15, cachedInputPerMTok: 0.075, outputPerMTok: 0.6, source: openAiPricing },
  'gpt-4o-mini:fine-tuned': { inputPerMTok: 0.3, cachedInputPerMTok: 0.15, outputPerMTok: 1.2, trainingPerMTok: 3, hostingUsdPerMonth: 0, source: openAiPricing },
  'claude-sonnet-4': { inputPerMTok: 3, cachedInputPerMTok: 0.3, outputPerMTok: 15, source: 'anthropic.com/pricing (2025)' },
  'claude-3-5-haiku': { inputPerMTok: 0.8, cachedInputPerMTok: 0.08, outputPerMTok: 4, source: 'anthropic.com/pricing (2025)' },
  'open-weight-8b-self-hosted': { inputPerMTok: 0, outputPerMTok: 0, hostingUsdPerMonth: 730, source: selfHosted },
  'open-weight-8b-self-hosted:fine-tuned': { inputPerMTok: 0, outputPerMTok: 0, trainingPerMTok: 0.5, hostingUsdPerMonth: 730, source: selfHosted },
};
