import { asRecord } from '../http/as-record.js';
import { unexpectedResponse } from '../http/unexpected-response.js';

/**
 * Reads a `/rerank` reply into one score per passage, in input order: the Cohere / Jina / vLLM shape
 * `{ results: [{ index, relevance_score }] }` and the TEI shape `[{ index, score }]` (both usually sorted by score).
 * Throws `PROVIDER_BAD_RESPONSE` when neither shape matches, an index is missing, repeated or out of range, or a
 * score is not a finite number.
 *
 * @example
 * parseRerankScores({ results: [{ index: 1, relevance_score: 0.9 }, { index: 0, relevance_score: 0.1 }] }, 2, 'rerank-api');
 * // [0.1, 0.9]
 */
export function parseRerankScores(json: unknown, expectedCount: number, providerName: string): number[] {
  const results = Array.isArray(json) ? json : asRecord(json)?.['results'];
  if (!Array.isArray(results)) throw unexpectedResponse(providerName, 'the reply is neither { results: [...] } nor an array of scores');
  if (results.length !== expectedCount) {
    throw unexpectedResponse(providerName, `sent ${results.length} scores for ${expectedCount} passages`);
  }
  const scores = new Array<number | undefined>(expectedCount).fill(undefined);
  results.forEach((value: unknown, position) => {
    const item = asRecord(value);
    const index = item?.['index'];
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= expectedCount) {
      throw unexpectedResponse(providerName, `results[${position}].index is not an integer in [0, ${expectedCount})`);
    }
    if (scores[index] !== undefined) throw unexpectedResponse(providerName, `index ${index} appears twice in the results`);
    const score = item?.['relevance_score'] ?? item?.['score'];
    if (typeof score !== 'number' || !Number.isFinite(score)) {
      throw unexpectedResponse(providerName, `results[${position}] has no finite relevance_score or score`);
    }
    scores[index] = score;
  });
  return scores.map((score) => score ?? 0);
}
