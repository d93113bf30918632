import { createHash } from 'node:crypto';
import type { AnswerabilityModel } from '../../core/answerability-model.js';
import type { AnswerStrategy } from '../../core/answerer.js';
import type { KnowledgeBaseSettings, RetrievalPreset } from './knowledge-base.js';
import type { KnowledgeBaseParts } from './knowledge-base-parts.js';

/**
 * What shapes a knowledge base's results, for the fingerprint of a stored eval run. Built only from hashes, provider
 * ids and named settings, never from a provider's configuration object, so no credential can reach a stored run
 * whatever was called before. The providers a preset uses are built (lazily) to read their ids.
 *
 * @example
 * const fingerprint = await describeSettings(parts, 'rag', 'hybrid');
 */
export async function describeSettings(parts: KnowledgeBaseParts, strategy: AnswerStrategy = 'rag', preset: RetrievalPreset = parts.defaultPreset): Promise<KnowledgeBaseSettings> {
  const { config, store, analyzer, counter } = parts;
  const sources = (await store.sources.list()).map((source) => `${source.path}\u0000${source.hash}`).sort();
  const { lexical, retrieval, chunking, answer } = config;
  const answerer = parts.answerer();
  return {
    corpusHash: createHash('sha256').update(sources.join('\n')).digest('hex').slice(0, 16),
    chunker: JSON.stringify({ ...chunking, counter: counter.id, analyzer: analyzer.id }),
    retriever: JSON.stringify({
      preset,
      ...lexical,
      ...retrieval,
      ...(preset === 'lexical' ? {} : { embedder: parts.embedderIfAny()?.id ?? null }),
      ...(preset === 'hybrid-rerank' ? { reranker: parts.rerankerIfAny()?.id ?? null, rerankDepth: config.reranker.depth } : {}),
    }),
    answerer: JSON.stringify({
      ...answerer.settings,
      strategy,
      ...answer,
      answerability: answerabilityFingerprint(await parts.answerabilityModel()),
    }),
  };
}

/** What identifies an answerability model in a run fingerprint: its source and a hash of its numbers. */
function answerabilityFingerprint(model: AnswerabilityModel): string {
  const numbers = JSON.stringify([model.intercept, model.weights, model.threshold, model.modelThreshold]);
  return `${model.source}:${createHash('sha256').update(numbers).digest('hex').slice(0, 12)}`;
}
