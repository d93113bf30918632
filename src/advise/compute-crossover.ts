import type { AdviceEvidence, CostPoint, Crossover } from './advice-report.js';
import type { AdvisorProfile } from './advisor-profile-schema.js';
import type { ResolvedPrices } from './resolve-prices.js';
import { minimumFineTuneExamples } from './rules/too-few-examples.js';

/** Days in a billing month for every monthly figure: 30, so the numbers can be checked by hand. */
export const daysPerMonth = 30;
/** Input tokens of a RAG request when neither the profile nor an eval run gives them. */
const defaultContextTokens = 4000;
/** Output tokens of an answer when neither the profile nor an eval run gives them. */
const defaultOutputTokens = 300;
const curvePoints = 41;

/**
 * The cost and latency crossover between RAG and a fine-tuned model.
 *
 * - RAG per request: `C x (1 - h) x input + C x h x cached + O x output` (per million tokens), C the context tokens
 *   (profile, else measured, else 4000), O the output tokens (profile, else measured, else 300), h the prompt cache
 *   hit rate; plus the RAG model's hosting per month when self-hosted.
 * - Fine-tuned per request: the same with the short prompt P (`fineTunedPromptTokens`) at the fine-tuned rates;
 *   fixed per month: training (`max(labeledExamples, 500) x trainingTokensPerExample x trainingEpochs x training price`)
 *   divided by `amortizationMonths`, plus hosting (profile, else the price table).
 * - Per-request figures at a volume spread the fixed monthly costs over `volume x 30` requests.
 * - Break-even: the volume where the monthly lines cross, `(fixedFT - fixedRAG) / (30 x (marginalRAG - marginalFT))`;
 *   0 when the fine-tuned model is cheaper at every volume, null when it never is.
 * Volume: traced requests per day when traces exist, else the profile's.
 *
 * @example
 * const crossover = computeCrossover(profile, evidence, resolvePrices(profile, table));
 * crossover.breakEvenRequestsPerDay; // e.g. 99.2
 */
export function computeCrossover(profile: AdvisorProfile, evidence: AdviceEvidence, prices: ResolvedPrices): Crossover {
  const assumptions: string[] = [];
  const contextTokens = pick(profile.contextTokensPerRequest, evidence.contextTokensPerRequest, defaultContextTokens, 'RAG input tokens', evidence.contextTokensSource ?? 'eval run', assumptions);
  const outputTokens = pick(profile.outputTokensPerRequest, evidence.outputTokensPerRequest, defaultOutputTokens, 'output tokens', 'eval run', assumptions);
  const requestsPerDay = evidence.traffic?.requestsPerDay ?? profile.requestsPerDay;
  assumptions.push(evidence.traffic === null ? `requests per day ${requestsPerDay}: profile` : `requests per day ${requestsPerDay}: traces over ${evidence.traffic.days} days`);
  const cacheHitRate = profile.promptCacheHitRate;
  const rag = prices.rag.price;
  const fineTuned = prices.fineTuned.price;
  const perRequest = (tokens: number, price: typeof rag): number =>
    (tokens * (1 - cacheHitRate) * price.inputPerMTok + tokens * cacheHitRate * (price.cachedInputPerMTok ?? price.inputPerMTok) + outputTokens * price.outputPerMTok) / 1_000_000;
  const ragMarginal = perRequest(contextTokens, rag);
  const ftMarginal = perRequest(profile.fineTunedPromptTokens, fineTuned);
  const ragFixed = rag.hostingUsdPerMonth ?? 0;
  // Nobody fine-tunes on fewer examples than the advisor requires: price at least that many.
  const trainingExamples = Math.max(profile.labeledExamples, minimumFineTuneExamples);
  const trainingTokens = trainingExamples * profile.trainingTokensPerExample * profile.trainingEpochs;
  const trainingUsd = (trainingTokens * (fineTuned.trainingPerMTok ?? 0)) / 1_000_000;
  const hosting = profile.fineTuneHostingUsdPerMonth ?? fineTuned.hostingUsdPerMonth ?? 0;
  const ftFixed = trainingUsd / profile.amortizationMonths + hosting;
  assumptions.push(
    `training: ${trainingExamples} examples${trainingExamples > profile.labeledExamples ? ` (the minimum for fine-tuning; ${profile.labeledExamples} on hand)` : ''} x ${profile.trainingTokensPerExample} tokens x ${profile.trainingEpochs} epochs at $${fineTuned.trainingPerMTok ?? 0}/M, spread over ${profile.amortizationMonths} months`,
    `prices: ${prices.rag.model} and ${prices.fineTuned.model}${rag.source === undefined ? '' : ` (${rag.source})`}`,
  );
  const monthly = (volume: number, fixed: number, marginal: number): number => fixed + volume * daysPerMonth * marginal;
  const perRequestAt = (volume: number, fixed: number, marginal: number): number => (volume > 0 ? marginal + fixed / (volume * daysPerMonth) : marginal);
  const breakEven = breakEvenOf(ragFixed, ragMarginal, ftFixed, ftMarginal);
  const grown = requestsPerDay * (1 + profile.requestGrowthPerMonth) ** 12;
  const top = Math.max(requestsPerDay, breakEven ?? 0, 1) * 2;
  const curve: CostPoint[] = Array.from({ length: curvePoints }, (_, index) => {
    const volume = (top * index) / (curvePoints - 1);
    return { requestsPerDay: volume, ragMonthlyUsd: monthly(volume, ragFixed, ragMarginal), fineTunedMonthlyUsd: monthly(volume, ftFixed, ftMarginal) };
  });
  return {
    ragCostPerRequest: perRequestAt(requestsPerDay, ragFixed, ragMarginal),
    fineTunedCostPerRequest: perRequestAt(requestsPerDay, ftFixed, ftMarginal),
    breakEvenRequestsPerDay: breakEven,
    requestsPerDay,
    ragMonthlyUsd: monthly(requestsPerDay, ragFixed, ragMarginal),
    fineTunedMonthlyUsd: monthly(requestsPerDay, ftFixed, ftMarginal),
    inTwelveMonths: { requestsPerDay: grown, ragMonthlyUsd: monthly(grown, ragFixed, ragMarginal), fineTunedMonthlyUsd: monthly(grown, ftFixed, ftMarginal) },
    rag: { model: prices.rag.model, inputTokens: contextTokens, outputTokens, marginalCostPerRequest: ragMarginal, fixedMonthlyUsd: ragFixed },
    fineTuned: {
      model: prices.fineTuned.model,
      inputTokens: profile.fineTunedPromptTokens,
      outputTokens,
      marginalCostPerRequest: ftMarginal,
      trainingUsd,
      amortizationMonths: profile.amortizationMonths,
      hostingMonthlyUsd: hosting,
      fixedMonthlyUsd: ftFixed,
    },
    cacheHitRate,
    latency: latencyAgainstBudget(profile.latencyBudgetMs, evidence),
    monthlyBudgetUsd: profile.monthlyBudgetUsd,
    curve,
    assumptions,
  };
}

/** Where the measured p95 latency (traced, else the eval run's) sits against the budget; null where not measured. */
function latencyAgainstBudget(budgetMs: number, evidence: AdviceEvidence): Crossover['latency'] {
  const retrieveP95Ms = evidence.traffic?.retrieveP95Ms ?? evidence.latency?.retrieveP95Ms ?? null;
  const totalP95Ms = evidence.traffic?.p95Ms ?? evidence.latency?.totalP95Ms ?? null;
  return {
    budgetMs,
    retrieveP95Ms,
    generateP95Ms: evidence.latency?.generateP95Ms ?? null,
    totalP95Ms,
    retrievalShareOfBudget: retrieveP95Ms === null ? null : retrieveP95Ms / budgetMs,
    withinBudget: totalP95Ms === null ? null : totalP95Ms <= budgetMs,
  };
}

function breakEvenOf(ragFixed: number, ragMarginal: number, ftFixed: number, ftMarginal: number): number | null {
  const savedPerRequest = ragMarginal - ftMarginal;
  const extraFixed = ftFixed - ragFixed;
  if (savedPerRequest > 0) return extraFixed <= 0 ? 0 : extraFixed / (daysPerMonth * savedPerRequest);
  // Not cheaper per request: the fine-tuned model wins only if its fixed costs are lower too, at every volume.
  return extraFixed < 0 ? 0 : null;
}

function pick(stated: number | undefined, measured: number | null, fallback: number, what: string, measuredBy: string, assumptions: string[]): number {
  if (stated !== undefined) {
    assumptions.push(`${what} ${stated}: profile`);
    return stated;
  }
  if (measured !== null) {
    assumptions.push(`${what} ${measured}: measured (${measuredBy})`);
    return measured;
  }
  assumptions.push(`${what} ${fallback}: default, not measured`);
  return fallback;
}
