import { asRecord } from '../http/as-record.js';
import { unexpectedResponse } from '../http/unexpected-response.js';

/**
 * Reads an OpenAI-style embeddings reply (`{ data: [{ index, embedding: number[] }] }`, as sent by OpenAI, Ollama,
 * vLLM, TEI, LM Studio and llama.cpp) into one vector per input, ordered by `index` (position when every item lacks
 * it). Throws `PROVIDER_BAD_RESPONSE` when the count differs from `expectedCount`, an index is missing, repeated or
 * out of range, a vector is empty, ragged or holds a non-finite or non-number value, or arrives base64-encoded (the
 * server ignored `encoding_format: "float"`). Vectors are returned as sent, not normalized.
 *
 * @example
 * parseEmbeddings({ data: [{ index: 1, embedding: [0, 1] }, { index: 0, embedding: [1, 0] }] }, 2, 'openai-compatible');
 * // [[1, 0], [0, 1]]
 */
export function parseEmbeddings(json: unknown, expectedCount: number, providerName: string): number[][] {
  const data = asRecord(json)?.['data'];
  if (!Array.isArray(data)) throw unexpectedResponse(providerName, 'the reply has no data array of embeddings');
  if (data.length !== expectedCount) {
    throw unexpectedResponse(providerName, `sent ${data.length} embeddings for ${expectedCount} inputs`);
  }
  const items = data.map((item: unknown) => asRecord(item));
  const indexed = items.some((item) => item?.['index'] !== undefined);
  const vectors: (number[] | undefined)[] = new Array<number[] | undefined>(expectedCount).fill(undefined);
  items.forEach((item, position) => {
    const index = indexed ? item?.['index'] : position;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= expectedCount) {
      throw unexpectedResponse(providerName, `data[${position}].index is not an integer in [0, ${expectedCount})`);
    }
    if (vectors[index] !== undefined) throw unexpectedResponse(providerName, `index ${index} appears twice in data`);
    vectors[index] = readVector(item?.['embedding'], position, providerName);
  });
  const result = vectors.filter((vector): vector is number[] => vector !== undefined);
  const length = result[0]?.length ?? 0;
  if (result.some((vector) => vector.length !== length)) {
    throw unexpectedResponse(providerName, 'the embeddings have different lengths');
  }
  return result;
}

function readVector(embedding: unknown, position: number, providerName: string): number[] {
  if (typeof embedding === 'string') {
    throw unexpectedResponse(providerName, `data[${position}].embedding is a base64 string; the server ignored encoding_format "float"`);
  }
  if (!Array.isArray(embedding) || embedding.length === 0) {
    throw unexpectedResponse(providerName, `data[${position}].embedding is not a non-empty array of numbers`);
  }
  if (!embedding.every((value: unknown) => typeof value === 'number' && Number.isFinite(value))) {
    throw unexpectedResponse(providerName, `data[${position}].embedding holds a value that is not a finite number`);
  }
  return embedding as number[];
}
