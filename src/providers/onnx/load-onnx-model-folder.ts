import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GroundedError } from '../../core/errors.js';
import type { OnnxModelLocation } from './locate-onnx-model.js';

/** A tensor as transformers.js returns it: flat `data` and its `dims`. */
export interface OnnxTensor {
  readonly data: ArrayLike<number | bigint>;
  readonly dims: readonly number[];
}

/** One forward pass: the model's named outputs and the attention mask the tokenizer made. */
export interface OnnxForwardResult {
  readonly outputs: Readonly<Record<string, OnnxTensor | undefined>>;
  readonly attentionMask: OnnxTensor;
}

/** A loaded model folder, ready to run. */
export interface LoadedOnnxModel {
  /** Most tokens per text (or per query-passage pair); longer inputs are cut. */
  readonly maxLength: number;
  /** Tokenizes `texts` (paired with `pairs` for a cross-encoder) with padding and truncation, and runs the model. */
  run(texts: readonly string[], pairs?: readonly string[]): Promise<OnnxForwardResult>;
}

type Encoding = Record<string, unknown>;
type Tokenizer = (texts: string[], options: Record<string, unknown>) => Encoding;
type Model = (inputs: Encoding) => Promise<Record<string, OnnxTensor>>;

/**
 * Loads a located model folder with transformers.js, from disk only: the absolute folder path is never read as a Hub
 * model id and `local_files_only` forbids downloads, without touching the library's global `env`. `task` picks the
 * model class: `embeddings` (AutoModel, token vectors) or `classification` (AutoModelForSequenceClassification,
 * logits). The tokenizer comes from `tokenizer.json` plus `tokenizer_config.json` when present (otherwise `[PAD]` and
 * the length limit come from `tokenizer.json` and `config.json`). The length limit is the smallest of `maxLength`,
 * the tokenizer's `model_max_length` and the model's `max_position_embeddings`. Any failure is `MODEL_INVALID`.
 * transformers.js is imported on first use, so code that never loads a local model never loads onnxruntime.
 *
 * @example
 * const model = await loadOnnxModelFolder(locateOnnxModel('models/bge-small-en-v1.5'), 'embeddings');
 * const { outputs, attentionMask } = await model.run(['hello world']);
 */
export async function loadOnnxModelFolder(location: OnnxModelLocation, task: 'embeddings' | 'classification', maxLength?: number): Promise<LoadedOnnxModel> {
  try {
    const transformers = await import('@huggingface/transformers');
    const config = await readJson(join(location.folder, 'config.json'));
    const tokenizerJson = await readJson(join(location.folder, 'tokenizer.json'));
    const tokenizerConfig = location.tokenizerConfigFile === undefined ? undefined : await readJson(location.tokenizerConfigFile);
    const options = { local_files_only: true, subfolder: location.subfolder, dtype: 'fp32', device: 'cpu' } as const;
    const tokenizer = (
      tokenizerConfig === undefined
        ? new transformers.PreTrainedTokenizer(tokenizerJson, { pad_token: padToken(tokenizerJson), model_max_length: config['max_position_embeddings'] })
        : await transformers.AutoTokenizer.from_pretrained(location.folder, { local_files_only: true })
    ) as unknown as Tokenizer;
    const Auto = task === 'embeddings' ? transformers.AutoModel : transformers.AutoModelForSequenceClassification;
    const model = (await Auto.from_pretrained(location.folder, options)) as unknown as Model;
    const limit = Math.min(maxLength ?? Infinity, sane(tokenizerConfig?.['model_max_length']), sane(config['max_position_embeddings']));
    const effectiveLimit = Number.isFinite(limit) ? limit : 512;
    return {
      maxLength: effectiveLimit,
      async run(texts, pairs) {
        const encoding = tokenizer([...texts], {
          ...(pairs === undefined ? {} : { text_pair: [...pairs] }),
          padding: true,
          truncation: true,
          max_length: effectiveLimit,
          return_token_type_ids: true,
        });
        try {
          return { outputs: await model(encoding), attentionMask: encoding['attention_mask'] as OnnxTensor };
        } catch (error) {
          throw new GroundedError('MODEL_INVALID', `the model in '${location.folder}' failed to run: ${oneLine(error)}`, {
            details: { folder: location.folder },
            hint: 'check that model.onnx takes input_ids and attention_mask and matches tokenizer.json',
            cause: error,
          });
        }
      },
    };
  } catch (error) {
    if (error instanceof GroundedError) throw error;
    throw new GroundedError('MODEL_INVALID', `could not load the model in '${location.folder}': ${oneLine(error)}`, {
      details: { folder: location.folder },
      hint: 'use a sentence-transformers or Hugging Face ONNX export (model.onnx, tokenizer.json, config.json with model_type)',
      cause: error,
    });
  }
}

async function readJson(file: string): Promise<Record<string, unknown>> {
  const value = JSON.parse(await readFile(file, 'utf8')) as unknown;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${file} is not a JSON object`);
  return value as Record<string, unknown>;
}

// Without tokenizer_config.json, transformers.js has no pad token; tokenizer.json names it in `padding` or `added_tokens`.
function padToken(tokenizerJson: Record<string, unknown>): string {
  const padding = tokenizerJson['padding'] as { pad_token?: unknown } | null | undefined;
  if (typeof padding?.pad_token === 'string') return padding.pad_token;
  const added = Array.isArray(tokenizerJson['added_tokens']) ? (tokenizerJson['added_tokens'] as { content?: unknown }[]) : [];
  const known = added.map((token) => token.content).find((content) => content === '[PAD]' || content === '<pad>');
  return typeof known === 'string' ? known : '[PAD]';
}

// Tokenizer configs say "no limit" with sentinels like 1e30.
function sane(value: unknown): number {
  return typeof value === 'number' && value > 0 && value < 1_000_000 ? value : Infinity;
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
