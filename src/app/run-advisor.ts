import type { AdviceReport, TrafficEvidence } from '../advise/advice-report.js';
import { advise } from '../advise/advise.js';
import type { AdvisorProfile } from '../advise/advisor-profile-schema.js';
import { defaultPriceTable } from '../advise/default-price-table.js';
import { extractEvidence } from '../advise/extract-evidence.js';
import type { GroundedConfig } from '../config/config-schema.js';
import { isGroundedError } from '../core/errors.js';
import type { EvalRunReport } from '../eval/eval-run-report.js';
import { createApproximateTokenCounter } from '../ingest/chunk/approximate-token-counter.js';
import { openKnowledgeBase } from './open-knowledge-base.js';

/** Golden sets read at most: the latest run of each of the ten most recently evaluated ones. */
const maxGoldenSets = 10;

/**
 * Runs the advisor on a knowledge base: opens its store, reads the latest eval run of each golden set (up to ten),
 * measures the knowledge (tokens with the chunker's approximate counter, documents, chunks), and advises with the
 * default price table and `llm.pricing` merged over it. A missing knowledge base is not an error: the advice then
 * rests on the profile, and a note says so. Traffic from traces is passed in when the caller has it.
 *
 * @example
 * const report = await runAdvisor({ config, kb: 'docs', profile: loadAdvisorProfile('profile.yaml', cwd) });
 */
export async function runAdvisor(options: {
  readonly config: GroundedConfig;
  readonly kb: string;
  readonly profile: AdvisorProfile;
  readonly traffic?: TrafficEvidence | null;
}): Promise<AdviceReport> {
  const { config } = options;
  const kb = openKnowledgeBase({ config, kb: options.kb });
  const notes: string[] = [];
  let runs: EvalRunReport[] = [];
  let knowledge: { tokens: number; documents: number; chunks: number } | null = null;
  try {
    await kb.store.generation();
    const seen = new Set<string>();
    for (const stored of await kb.store.runs.list()) {
      if (seen.has(stored.golden) || seen.size >= maxGoldenSets) continue;
      seen.add(stored.golden);
      const run = await kb.store.runs.get(stored.id);
      if (run !== undefined) runs.push(JSON.parse(run.report) as EvalRunReport);
    }
    const counts = await kb.store.counts();
    const counter = createApproximateTokenCounter();
    const tokens = (await kb.store.documents.all()).reduce((sum, document) => sum + counter.count(document.text), 0);
    knowledge = { tokens, documents: counts.documents, chunks: counts.chunks };
  } catch (error) {
    if (!isGroundedError(error, 'KB_NOT_FOUND')) throw error;
    runs = [];
    notes.push(`knowledge base '${options.kb}' does not exist: nothing was measured`);
  } finally {
    await kb.close();
  }
  const report = advise({
    kb: options.kb,
    profile: options.profile,
    evidence: extractEvidence({ runs, knowledge, traffic: options.traffic ?? null }),
    prices: { ...defaultPriceTable, ...config.llm.pricing },
    ...(config.llm.provider !== 'extractive' && config.llm.model !== undefined ? { configuredModel: config.llm.model } : {}),
  });
  return { ...report, notes: [...notes, ...report.notes] };
}
