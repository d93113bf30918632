import { measureAnswerabilityFeatures } from '../../answer/answerability/measure-answerability-features.js';
import { predictAnswerability } from '../../answer/answerability/predict-answerability.js';
import { memoizeAnalyzer } from '../../answer/memoize-analyzer.js';
import type { AnswerOptions, KnowledgeBaseAnswer } from './knowledge-base.js';
import type { KnowledgeBaseParts } from './knowledge-base-parts.js';
import { retrieveForQuery } from './retrieve-for-query.js';

/**
 * Answers a question: retrieves passages (`rag`), predicts answerability from them and the retrievers' raw scores
 * (the knowledge base's tuned model, else the shipped one), and hands both to the answerer, which decides where its
 * gate stands. The answerer is whatever was configured; nothing here asks which one it is.
 *
 * @example
 * const answer = await answerQuestion(parts, 'How do I rotate the signing key?');
 */
export async function answerQuestion(parts: KnowledgeBaseParts, question: string, options: AnswerOptions = {}): Promise<KnowledgeBaseAnswer> {
  const strategy = options.strategy ?? 'rag';
  const { config, store } = parts;
  const started = performance.now();
  const retrieved =
    strategy === 'rag'
      ? await retrieveForQuery(parts, question, {
          k: Math.max(config.answer.passages, config.retrieval.k),
          ...(options.preset === undefined ? {} : { preset: options.preset }),
          ...(options.filter === undefined ? {} : { filter: options.filter }),
          ...(options.signal === undefined ? {} : { signal: options.signal }),
        })
      : undefined;
  const generation = retrieved?.generation ?? (await store.generation());
  const passages = retrieved?.results ?? [];
  const lexical = await parts.lexical(generation);
  const idf = (term: string): number => lexical.idf(term);
  // One request's analysis is shared by the answerability signals and the reader, which read the same passages.
  const analyzer = memoizeAnalyzer(parts.analyzer);
  const model = await parts.answerabilityModel();
  const measured =
    retrieved === undefined
      ? undefined
      : measureAnswerabilityFeatures(question, passages, retrieved.signals, { analyzer, idf, documentFrequency: (term) => lexical.documentFrequency(term) });
  const answerability = measured === undefined ? 1 : predictAnswerability(model, measured.features);
  const afterRetrieval = performance.now();
  const answerer = parts.answerer();
  const generated = await answerer.answer({
    question,
    strategy,
    passages,
    ...(measured === undefined ? {} : { answerability: { value: answerability, model } }),
    ...(strategy === 'long-context' ? { documents: await store.documents.all() } : {}),
    reading: { analyzer, idf },
    ...(options.onDelta === undefined ? {} : { onDelta: options.onDelta }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const finished = performance.now();
  return {
    ...generated,
    modelId: generated.modelId,
    confidence: answerability,
    answerability,
    ...(measured === undefined ? {} : { answerabilityFeatures: measured.features }),
    provider: answerer.provider,
    timings: { retrieveMs: afterRetrieval - started, generateMs: finished - afterRetrieval, totalMs: finished - started },
  };
}
