import { basename } from 'node:path';
import type { EmbedOptions, Embedder } from '../../core/embedder.js';
import { GroundedError } from '../../core/errors.js';
import { hashModelFolder } from './hash-model-folder.js';
import type { LoadedOnnxModel, OnnxTensor } from './load-onnx-model-folder.js';
import { loadOnnxModelFolder } from './load-onnx-model-folder.js';
import { loadOnce } from './load-once.js';
import { locateOnnxModel } from './locate-onnx-model.js';
import { poolHiddenStates } from './pool-hidden-states.js';

/** Options of {@link createOnnxEmbedder}. */
export interface OnnxEmbedderOptions {
  /** A sentence-transformers / Hugging Face ONNX export folder: `model.onnx` (or `onnx/model.onnx`), `tokenizer.json`, `config.json`. */
  readonly modelPath: string;
  /** `mean` (default: MiniLM, E5, GTE, nomic) over the unmasked tokens, or `cls` (BGE): see the model card. */
  readonly pooling?: 'mean' | 'cls';
  /** Texts per forward pass. Default 32. */
  readonly maxBatchSize?: number;
  /** Cut texts to at most this many tokens; never above the model's own limit. */
  readonly maxLength?: number;
  /** Prepended to query texts (`query: ` for E5, BGE's instruction). Part of `id`. */
  readonly queryPrefix?: string;
  /** Prepended to document texts (`passage: ` for E5). Part of `id`. */
  readonly documentPrefix?: string;
  /** Reported as `modelId`. Default the folder name. */
  readonly modelId?: string;
}

/**
 * An {@link Embedder} running a local ONNX model folder through transformers.js and onnxruntime, with no network: the
 * model loads on the first `embed` (once; concurrent first calls share the load), texts run in padded batches of
 * `maxBatchSize`, cut to the model's length limit, pooled (`mean` respects the attention mask, so padding never
 * changes a vector) and L2-normalized. `id` is `onnx:` followed by JSON of the SHA-256 of the model files (so a changed
 * model re-embeds), pooling, length limit and prefixes; reading it hashes the files once and throws `MODEL_INVALID`
 * for a missing folder or file, as `embed` does for a model that does not load.
 *
 * @example
 * const embedder = createOnnxEmbedder({ modelPath: 'models/bge-small-en-v1.5', pooling: 'cls',
 *   queryPrefix: 'Represent this sentence for searching relevant passages: ' });
 * const [vector] = await embedder.embed(['how do I rotate the API key?'], { kind: 'query' });
 */
export function createOnnxEmbedder(options: OnnxEmbedderOptions): Embedder {
  const pooling = options.pooling ?? 'mean';
  const maxBatchSize = options.maxBatchSize ?? 32;
  let id: string | undefined;
  let dimensions: number | undefined;
  const load = loadOnce((): Promise<LoadedOnnxModel> => loadOnnxModelFolder(locateOnnxModel(options.modelPath), 'embeddings', options.maxLength));

  const embedBatch = async (model: LoadedOnnxModel, texts: readonly string[]): Promise<Float32Array[]> => {
    const { outputs, attentionMask } = await model.run(texts);
    const states = outputs['last_hidden_state'] ?? outputs['token_embeddings'] ?? Object.values(outputs).find((tensor) => tensor?.dims.length === 3);
    if (states === undefined || states.dims.length !== 3) throw noTokenVectors(options.modelPath, Object.keys(outputs));
    const [batch = 0, sequence = 0, hidden = 0] = states.dims;
    dimensions = hidden;
    return poolHiddenStates({ data: states.data as ArrayLike<number>, dims: [batch, sequence, hidden], attentionMask: (attentionMask as OnnxTensor).data }, pooling);
  };

  return {
    provider: 'onnx',
    modelId: options.modelId ?? basename(options.modelPath.replace(/[\\/]+$/, '')),
    get id() {
      id ??= `onnx:${JSON.stringify({
        sha256: hashModelFolder(locateOnnxModel(options.modelPath)),
        pooling,
        normalize: 'l2',
        maxLength: options.maxLength ?? null,
        queryPrefix: options.queryPrefix ?? '',
        documentPrefix: options.documentPrefix ?? '',
      })}`;
      return id;
    },
    get dimensions() {
      return dimensions;
    },
    maxBatchSize,
    async embed(texts: readonly string[], embedOptions: EmbedOptions = {}): Promise<Float32Array[]> {
      if (texts.length === 0) return [];
      const model = await load();
      const prefix = (embedOptions.kind === 'query' ? options.queryPrefix : options.documentPrefix) ?? '';
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += maxBatchSize) {
        throwIfAborted(embedOptions.signal);
        vectors.push(...(await embedBatch(model, texts.slice(start, start + maxBatchSize).map((text) => prefix + text))));
      }
      return vectors;
    },
  };
}

function noTokenVectors(modelPath: string, outputs: readonly string[]): GroundedError {
  return new GroundedError('MODEL_INVALID', `the model in '${modelPath}' outputs no token vectors (outputs: ${outputs.join(', ')})`, {
    details: { folder: modelPath, outputs },
    hint: 'use a feature-extraction export whose output is last_hidden_state [batch, sequence, hidden]',
  });
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) {
    throw new GroundedError('ABORTED', 'embedding was cancelled', { hint: 'nothing to do if you cancelled it; otherwise check what aborted the signal' });
  }
}
