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
