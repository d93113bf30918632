import { basename } from 'node:path';
import { GroundedError } from '../../core/errors.js';
import type { RerankOptions, Reranker } from '../../core/reranker.js';
import { hashModelFolder } from './hash-model-folder.js';
import type { LoadedOnnxModel } from './load-onnx-model-folder.js';
import { loadOnnxModelFolder } from './load-onnx-model-folder.js';
import { loadOnce } from './load-once.js';
import { locateOnnxModel } from './locate-onnx-model.js';

/** Options of {@link createOnnxReranker}. */
export interface OnnxRerankerOptions {
  /** A cross-encoder export folder (sequence classification): `model.onnx` (or `onnx/model.onnx`), `tokenizer.json`, `config.json`. */
  readonly modelPath: string;
  /** Query-passage pairs per forward pass. Default 16. */
  readonly maxBatchSize?: number;
  /** Cut each pair to at most this many tokens; never above the model's own limit. */
  readonly maxLength?: number;
  /** Reported as `modelId`. Default the folder name. */
  readonly modelId?: string;
}

/**
 * A {@link Reranker} running a local ONNX cross-encoder (e.g. `cross-encoder/ms-marco-MiniLM-L-6-v2`,
 * `BAAI/bge-reranker-base`) through transformers.js and onnxruntime: each passage is read together with the query as
 * one pair, in padded batches; the score is the raw logit of a one-output model, or the second ("relevant") logit of
 * a two-class model. Loads lazily and once, like {@link createOnnxEmbedder}; failures are `MODEL_INVALID`. `id` is
 * `onnx-reranker:` followed by JSON of the SHA-256 of the model files and the length limit.
 *
 * @example
 * const reranker = createOnnxReranker({ modelPath: 'models/ms-marco-MiniLM-L-6-v2' });
 * const scores = await reranker.rerank('how do I enable gzip?', passages);
 */
export function createOnnxReranker(options: OnnxRerankerOptions): Reranker {
  const maxBatchSize = options.maxBatchSize ?? 16;
  let id: string | undefined;
  const load = loadOnce((): Promise<LoadedOnnxModel> => loadOnnxModelFolder(locateOnnxModel(options.modelPath), 'classification', options.maxLength));

  const scoreBatch = async (model: LoadedOnnxModel, query: string, passages: readonly string[]): Promise<number[]> => {
    const { outputs } = await model.run(passages.map(() => query), passages);
    const logits = outputs['logits'];
    const labels = logits?.dims[1];
    if (logits === undefined || logits.dims.length !== 2 || (labels !== 1 && labels !== 2)) {
      throw new GroundedError('MODEL_INVALID', `the model in '${options.modelPath}' does not output logits [batch, 1 or 2]`, {
        details: { folder: options.modelPath, outputs: Object.keys(outputs), dims: logits?.dims },
        hint: 'use a cross-encoder exported for sequence classification with one relevance output (or two classes)',
      });
    }
    return passages.map((_, row) => Number(logits.data[row * labels + labels - 1]));
  };

  return {
    provider: 'onnx',
    modelId: options.modelId ?? basename(options.modelPath.replace(/[\\/]+$/, '')),
    get id() {
      id ??= `onnx-reranker:${JSON.stringify({ sha256: hashModelFolder(locateOnnxModel(options.modelPath)), maxLength: options.maxLength ?? null })}`;
      return id;
    },
    maxBatchSize,
    async rerank(query: string, passages: readonly string[], rerankOptions: RerankOptions = {}): Promise<number[]> {
      if (passages.length === 0) return [];
      const model = await load();
      const scores: number[] = [];
      for (let start = 0; start < passages.length; start += maxBatchSize) {
        if (rerankOptions.signal?.aborted === true) {
          throw new GroundedError('ABORTED', 'reranking was cancelled', { hint: 'nothing to do if you cancelled it; otherwise check what aborted the signal' });
        }
        scores.push(...(await scoreBatch(model, query, passages.slice(start, start + maxBatchSize))));
      }
      return scores;
    },
  };
}
