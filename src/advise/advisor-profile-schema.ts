import { z } from 'zod';

/**
 * The use-case profile of `grounded advise --profile FILE` (YAML or JSON). Every field is optional; the defaults
 * describe a typical internal question-answering assistant, and `advisorProfileFields` explains each one.
 * The first nine fields are the contract of docs/cli.md; the rest are additions.
 */
export const advisorProfileSchema = z
  .object({
    knowledgeChangeFrequency: z.enum(['daily', 'weekly', 'monthly', 'yearly', 'static']).default('monthly'),
    needsCitations: z.boolean().default(true),
    latencyBudgetMs: z.number().positive().default(3000),
    requestsPerDay: z.number().min(0).default(1000),
    gap: z.enum(['facts', 'behaviour', 'both', 'unknown']).default('unknown'),
    labeledExamples: z.number().int().min(0).default(0),
    privacy: z.enum(['cloud-ok', 'in-house-only']).default('cloud-ok'),
    reasoningAcrossCorpus: z.boolean().default(false),
    knowledgeTokens: z.number().int().min(0).optional(),
    requestGrowthPerMonth: z.number().min(-1).max(10).default(0),
    task: z.enum(['question-answering', 'classification', 'extraction', 'generation', 'code']).default('question-answering'),
    behaviourKind: z.enum(['format', 'tone', 'policy', 'unknown']).default('unknown'),
    promptingTried: z.boolean().default(false),
    perTenantSeparation: z.boolean().default(false),
    languages: z.array(z.string().min(2)).min(1).default(['en']),
    monthlyBudgetUsd: z.number().min(0).nullable().default(null),
    contextWindowTokens: z.number().int().positive().default(128_000),
    ragModel: z.string().min(1).default('auto'),
    fineTunedModel: z.string().min(1).default('auto'),
    promptCacheHitRate: z.number().min(0).max(1).default(0),
    contextTokensPerRequest: z.number().int().positive().optional(),
    outputTokensPerRequest: z.number().int().positive().optional(),
    fineTunedPromptTokens: z.number().int().min(0).default(200),
    trainingTokensPerExample: z.number().int().positive().default(500),
    trainingEpochs: z.number().int().positive().default(3),
    amortizationMonths: z.number().int().positive().default(6),
    fineTuneHostingUsdPerMonth: z.number().min(0).nullable().default(null),
  })
  .strict();

/** A resolved profile: every default applied (`knowledgeTokens` and the token overrides stay optional: measured). */
export type AdvisorProfile = z.infer<typeof advisorProfileSchema>;
/** What a profile file may contain: every field optional. */
export type AdvisorProfileInput = z.input<typeof advisorProfileSchema>;

/** How an interview answer is read for a field. */
export type ProfileFieldKind = 'choice' | 'boolean' | 'number' | 'integer' | 'list' | 'text' | 'optional-number';

/** One profile field for people: the question the interview asks, what it changes, and its choices. */
export interface ProfileField {
  readonly name: keyof AdvisorProfile;
  readonly kind: ProfileFieldKind;
  readonly question: string;
  /** What the answer changes, and why the default is what it is. */
  readonly explanation: string;
  readonly choices?: readonly string[];
  /** How the default reads when it is not a plain value. */
  readonly defaultText?: string;
}

/**
 * Every profile field in interview order, with its question and explanation. docs/advisor.md lists the same; a
 * test holds this list and the schema together.
 */
export const advisorProfileFields: readonly ProfileField[] = [
  {
    name: 'gap',
    kind: 'choice',
    choices: ['facts', 'behaviour', 'both', 'unknown'],
    question: 'Is the gap about facts the model does not know, or behaviour (format, tone, policy, schema)?',
    explanation: 'Facts call for retrieval, behaviour for prompting and then fine-tuning. `unknown` lets the eval run decide: behaviour checks measure the behaviour gap, answer correctness the knowledge gap.',
  },
  {
    name: 'knowledgeChangeFrequency',
    kind: 'choice',
    choices: ['daily', 'weekly', 'monthly', 'yearly', 'static'],
    question: 'How often does the knowledge change?',
    explanation: 'Daily or weekly changes rule out baking facts into weights: a re-index takes seconds, a re-train days. Default monthly.',
  },
  {
    name: 'needsCitations',
    kind: 'boolean',
    question: 'Must answers cite their sources (provenance)?',
    explanation: 'Only retrieval can point at the passage an answer came from; a fine-tuned model cannot say where a fact came from. Default yes (grounded answers cite).',
  },
  {
    name: 'latencyBudgetMs',
    kind: 'number',
    question: 'Latency budget, p95 in milliseconds?',
    explanation: 'Compared with the measured retrieval and generation p95 of the latest eval run; only a measured breach votes for a smaller fine-tuned model. Default 3000 ms.',
  },
  {
    name: 'requestsPerDay',
    kind: 'number',
    question: 'Requests per day?',
    explanation: 'Volume decides the cost crossover: fine-tuning has fixed costs (training, hosting) and saves per-request prompt tokens. Traced volume replaces it when traces exist. Default 1000.',
  },
  {
    name: 'requestGrowthPerMonth',
    kind: 'number',
    question: 'Monthly growth of requests, as a fraction (0.1 = +10% a month)?',
    explanation: 'Shows the cost in twelve months next to today’s. Default 0.',
  },
  {
    name: 'labeledExamples',
    kind: 'integer',
    question: 'How many good labelled examples (input -> ideal output) do you have?',
    explanation: 'Under 500 good examples fine-tuning is blocked: OpenAI reports clear improvements from 50-100, but this advisor asks for ~500 (issue 6) to cover edge cases and keep a held-out test split. Default 0.',
  },
  {
    name: 'task',
    kind: 'choice',
    choices: ['question-answering', 'classification', 'extraction', 'generation', 'code'],
    question: 'What is the task?',
    explanation: 'Classification over a fixed label set is a classic fine-tuning task (small model, short prompt, low latency). Default question-answering.',
  },
  {
    name: 'behaviourKind',
    kind: 'choice',
    choices: ['format', 'tone', 'policy', 'unknown'],
    question: 'If behaviour is missing: is it format (schema, length), tone (brand voice, style) or policy (what to refuse)?',
    explanation: 'Format is mostly fixed by structured output and instructions; tone is easier shown than told, which is what fine-tuning does. Default unknown.',
  },
  {
    name: 'promptingTried',
    kind: 'boolean',
    question: 'Have you tried prompt engineering, few-shot examples and structured output, and measured that they fall short?',
    explanation: 'Every fine-tuning guide says to exhaust prompting first; only then does a behaviour gap vote for fine-tuning. Default no.',
  },
  {
    name: 'privacy',
    kind: 'choice',
    choices: ['cloud-ok', 'in-house-only'],
    question: 'May data leave your infrastructure (cloud-ok), or must models run in-house (in-house-only)?',
    explanation: 'In-house-only means an open-weight model on your own hardware, for retrieval and fine-tuning alike; prices switch to the self-hosted rows. Default cloud-ok.',
  },
  {
    name: 'perTenantSeparation',
    kind: 'boolean',
    question: 'Must the data of different customers (tenants) stay separated?',
    explanation: 'Shared weights trained on several tenants can leak one tenant’s data to another; per-tenant indexes keep them apart. Default no.',
  },
  {
    name: 'reasoningAcrossCorpus',
    kind: 'boolean',
    question: 'Do questions need reasoning across the whole corpus (not a few passages)?',
    explanation: 'Retrieving a few passages cannot cover corpus-wide questions; a model fine-tuned on the domain can, with retrieval kept for provenance (hybrid). Default no.',
  },
  {
    name: 'knowledgeTokens',
    kind: 'optional-number',
    question: 'Size of the knowledge in tokens?',
    defaultText: 'measured from the knowledge base',
    explanation: 'Knowledge well inside the context window makes long-context prompting a fine prototype. Measured from the knowledge base when there is one.',
  },
  {
    name: 'languages',
    kind: 'list',
    question: 'Languages of questions and documents (comma-separated codes)?',
    explanation: 'More than one language (or not English) needs multilingual embeddings: the lexical analyzer stems English only. Default en.',
  },
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
