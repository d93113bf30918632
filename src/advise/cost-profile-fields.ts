import type { ProfileField } from './profile-field.js';

/**
 * The profile fields of the cost model (budget, models, token counts, training and hosting), in interview order: the
 * last part of `advisorProfileFields`.
 */
export const costProfileFields: readonly ProfileField[] = [
  {
    name: 'monthlyBudgetUsd',
    kind: 'optional-number',
    question: 'Monthly budget for model costs in USD (empty for none)?',
    defaultText: 'none',
    explanation: 'Shown against both cost curves; a plan over budget is flagged. Default none.',
  },
  {
    name: 'contextWindowTokens',
    kind: 'integer',
    question: 'Context window of the model, in tokens?',
    explanation: 'Knowledge under half of it can go whole into the prompt. Default 128000.',
  },
  {
    name: 'ragModel',
    kind: 'text',
    question: 'Model that answers over retrieved passages (a price-table id, or auto)?',
    explanation: 'Priced from llm.pricing in the config, then the default price table. auto: the configured model when it has a price, else gpt-4.1-mini (open-weight-8b-self-hosted when in-house-only).',
  },
  {
    name: 'fineTunedModel',
    kind: 'text',
    question: 'Fine-tuned model to compare with (a price-table id, or auto)?',
    explanation: 'auto: the fine-tuned row of the RAG model’s family (gpt-4.1-mini:fine-tuned), or the self-hosted open-weight row when in-house-only.',
  },
  {
    name: 'promptCacheHitRate',
    kind: 'number',
    question: 'Share of prompt tokens served from the provider’s prompt cache (0-1)?',
    explanation: 'Cached input is billed at the cached rate (in the default table from half the input price for gpt-4o-mini to a tenth for Claude). Retrieved passages differ per question, so the default is 0.',
  },
  {
    name: 'contextTokensPerRequest',
    kind: 'optional-number',
    question: 'Input tokens of a RAG request (empty to measure)?',
    defaultText: 'measured from the eval run (model usage, else retrieved passages), else 4000',
    explanation: 'The biggest term of RAG’s per-request cost.',
  },
  {
    name: 'outputTokensPerRequest',
    kind: 'optional-number',
    question: 'Output tokens of an answer (empty to measure)?',
    defaultText: 'measured from the eval run, else 300',
    explanation: 'Both models pay for the answer they write.',
  },
  {
    name: 'fineTunedPromptTokens',
    kind: 'integer',
    question: 'Input tokens of a request to the fine-tuned model?',
    explanation: 'The instructions and examples move into the weights, so only the question and a short system prompt remain. Default 200.',
  },
  {
    name: 'trainingTokensPerExample',
    kind: 'integer',
    question: 'Tokens per training example (input plus output)?',
    explanation: 'Training cost = examples x tokens per example x epochs x training price. Default 500.',
  },
  {
    name: 'trainingEpochs',
    kind: 'integer',
    question: 'Training epochs?',
    explanation: 'OpenAI chooses the number of epochs from the dataset size unless you set it; 3 is this advisor’s assumption. Default 3.',
  },
  {
    name: 'amortizationMonths',
    kind: 'integer',
    question: 'Months to spread a training run over (how long until you retrain)?',
    explanation: 'Training is a fixed cost; retraining when behaviour or base model changes repeats it. Default 6.',
  },
  {
    name: 'fineTuneHostingUsdPerMonth',
    kind: 'optional-number',
    question: 'Monthly hosting cost of the fine-tuned model in USD (empty to take it from the price table)?',
    defaultText: 'from the price table (0 for serverless fine-tunes, a GPU for self-hosted)',
    explanation: 'Serverless fine-tunes bill per token; a dedicated or self-hosted deployment bills per hour whether used or not.',
  },
];
