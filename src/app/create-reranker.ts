import type { GroundedConfig } from '../config/config-schema.js';
import { GroundedError } from '../core/errors.js';
import type { Reranker } from '../core/reranker.js';
import { createOnnxReranker } from '../providers/onnx/create-onnx-reranker.js';
import { createRerankApiReranker } from '../providers/rerank-api/create-rerank-api-reranker.js';

/**
 * The configured cross-encoder, or undefined (`reranker.provider: none`, the default). The only place that names
 * concrete reranking providers.
 *
 * @example
 * const reranker = createReranker(loadConfig()); // GROUNDED_RERANKER_PROVIDER=api, ...
 */
export function createReranker(config: GroundedConfig): Reranker | undefined {
  const settings = config.reranker;
  switch (settings.provider) {
    case 'none':
      return undefined;
    case 'api':
      if (settings.baseUrl === undefined || settings.model === undefined) {
        throw new GroundedError('INVALID_CONFIG', 'the rerank API needs a base URL and a model name', {
          hint: 'set GROUNDED_RERANKER_BASE_URL and GROUNDED_RERANKER_MODEL',
        });
      }
      return createRerankApiReranker({
        baseUrl: settings.baseUrl,
        model: settings.model,
        timeoutMs: settings.timeoutMs,
        maxRetries: settings.maxRetries,
        passagesField: settings.passagesField,
        ...(settings.apiKey === undefined ? {} : { apiKey: settings.apiKey }),
      });
    case 'onnx':
      if (settings.path === undefined) {
        throw new GroundedError('INVALID_CONFIG', 'the onnx reranker needs the folder of a local cross-encoder', {
          hint: 'set GROUNDED_RERANKER_PATH to a folder with model.onnx and tokenizer.json',
        });
      }
      return createOnnxReranker({ modelPath: settings.path, ...(settings.model === undefined ? {} : { modelId: settings.model }) });
  }
}
