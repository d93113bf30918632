import { l2Normalize } from '../openai-compatible/l2-normalize.js';

/** Token vectors of a batch as a flat row-major `[batch, sequence, hidden]` array with its attention mask. */
export interface HiddenStates {
  readonly data: ArrayLike<number>;
  /** `[batch, sequence, hidden]`. */
  readonly dims: readonly [number, number, number];
  /** `[batch, sequence]` flat, 1 for a real token, 0 for padding. */
  readonly attentionMask: ArrayLike<number | bigint>;
}

/**
 * Pools each text's token vectors into one L2-normalized vector: `mean` averages the tokens the attention mask keeps
 * (padding never counts; sentence-transformers' default, used by MiniLM, E5, GTE, nomic), `cls` takes the first token
 * (BGE). Sums run in float64.
 *
 * @example
 * poolHiddenStates({ data, dims: [2, 5, 384], attentionMask }, 'mean'); // [Float32Array(384), Float32Array(384)]
 */
export function poolHiddenStates(states: HiddenStates, pooling: 'mean' | 'cls'): Float32Array[] {
  const [batch, sequence, hidden] = states.dims;
  const vectors: Float32Array[] = [];
  for (let row = 0; row < batch; row++) {
    const sum = new Float64Array(hidden);
    let count = 0;
    for (let token = 0; token < (pooling === 'cls' ? 1 : sequence); token++) {
      if (pooling === 'mean' && Number(states.attentionMask[row * sequence + token] ?? 0) === 0) continue;
      const offset = (row * sequence + token) * hidden;
      for (let column = 0; column < hidden; column++) sum[column] = (sum[column] ?? 0) + (states.data[offset + column] ?? 0);
      count++;
    }
    vectors.push(l2Normalize(count === 0 ? sum : sum.map((value) => value / count)));
  }
  return vectors;
}
