import type { GroundedConfig } from '../config/config-schema.js';
import type { Embedder } from '../core/embedder.js';
import { GroundedError } from '../core/errors.js';
import { createOnnxEmbedder } from '../providers/onnx/create-onnx-embedder.js';
import { createOpenAICompatibleEmbedder } from '../providers/openai-compatible/create-openai-compatible-embedder.js';

/**
 * The configured embedder, or undefined when dense retrieval is off (`embedder.provider: none`, the default).
 * The only place that names concrete embedding providers.
 *
 * @example
 * const embedder = createEmbedder(loadConfig()); // GROUNDED_EMBEDDER_PROVIDER=openai-compatible, ...
 */
export function createEmbedder(config: GroundedConfig): Embedder | undefined {
  const settings = config.embedder;
  const prefixes = {
    ...(settings.queryPrefix === undefined ? {} : { queryPrefix: settings.queryPrefix }),
    ...(settings.documentPrefix === undefined ? {} : { documentPrefix: settings.documentPrefix }),
  };
  switch (settings.provider) {
    case 'none':
      return undefined;
    case 'openai-compatible': {
      if (settings.baseUrl === undefined || settings.model === undefined) {
        throw new GroundedError('INVALID_CONFIG', 'the openai-compatible embedder needs a base URL and a model name', {
          hint: 'set GROUNDED_EMBEDDER_BASE_URL (e.g. http://127.0.0.1:11434/v1) and GROUNDED_EMBEDDER_MODEL',
        });
      }
      return createOpenAICompatibleEmbedder({
        baseUrl: settings.baseUrl,
        model: settings.model,
        maxBatchSize: settings.batchSize,
        timeoutMs: settings.timeoutMs,
        maxRetries: settings.maxRetries,
        ...prefixes,
        ...(settings.apiKey === undefined ? {} : { apiKey: settings.apiKey }),
        ...(settings.dimensions === undefined ? {} : { dimensions: settings.dimensions }),
      });
    }
    case 'onnx':
      if (settings.path === undefined) {
        throw new GroundedError('INVALID_CONFIG', 'the onnx embedder needs the folder of a local model', {
          hint: 'set GROUNDED_EMBEDDER_PATH to a folder with model.onnx and tokenizer.json',
        });
      }
      return createOnnxEmbedder({
        modelPath: settings.path,
        pooling: settings.pooling,
        maxBatchSize: settings.batchSize,
        ...prefixes,
        ...(settings.model === undefined ? {} : { modelId: settings.model }),
      });
  }
}
