import { GroundedError } from '../core/errors.js';
import type { AdvisorProfile } from './advisor-profile-schema.js';
import type { AdvisorModelPrice } from './default-price-table.js';

/** The two priced models the crossover compares. */
export interface ResolvedPrices {
  readonly rag: { readonly model: string; readonly price: AdvisorModelPrice };
  readonly fineTuned: { readonly model: string; readonly price: AdvisorModelPrice };
}

const fallbackModel = 'gpt-4.1-mini';
const selfHostedModel = 'open-weight-8b-self-hosted';
const fineTunedSuffix = ':fine-tuned';

/**
 * Picks the RAG and fine-tuned models and their prices. `auto` RAG model: the configured model when the table prices
 * it, else gpt-4.1-mini (open-weight-8b-self-hosted when the profile is in-house-only). `auto` fine-tuned model: the
 * RAG model's `:fine-tuned` row, else gpt-4.1-mini:fine-tuned (the self-hosted row when in-house-only).
 *
 * @param table The default table with `llm.pricing` merged over it.
 * @param configuredModel `llm.model` of the config, when a model is configured.
 * @throws GroundedError `INVALID_DATA` naming a model the table does not price and how to price it.
 * @example
 * resolvePrices(profile, { ...defaultPriceTable, ...config.llm.pricing }, config.llm.model).rag.model;
 */
export function resolvePrices(profile: AdvisorProfile, table: Readonly<Record<string, AdvisorModelPrice>>, configuredModel?: string): ResolvedPrices {
  const inHouse = profile.privacy === 'in-house-only';
  const ragModel =
    profile.ragModel !== 'auto'
      ? profile.ragModel
      : inHouse
        ? selfHostedModel
        : configuredModel !== undefined && table[configuredModel] !== undefined
          ? configuredModel
          : fallbackModel;
  const fineTunedModel =
    profile.fineTunedModel !== 'auto'
      ? profile.fineTunedModel
      : table[`${ragModel}${fineTunedSuffix}`] !== undefined
        ? `${ragModel}${fineTunedSuffix}`
        : `${inHouse ? selfHostedModel : fallbackModel}${fineTunedSuffix}`;
  return { rag: { model: ragModel, price: priceOf(ragModel, table, 'ragModel') }, fineTuned: { model: fineTunedModel, price: priceOf(fineTunedModel, table, 'fineTunedModel') } };
}

function priceOf(model: string, table: Readonly<Record<string, AdvisorModelPrice>>, field: string): AdvisorModelPrice {
  const price = table[model];
  if (price === undefined) {
    throw new GroundedError('INVALID_DATA', `profile ${field} '${model}' has no price`, {
      details: { known: Object.keys(table) },
      hint: `add it to llm.pricing in the config, or use one of: ${Object.keys(table).join(', ')}`,
    });
  }
  return price;
}
