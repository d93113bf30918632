import type { GroundedConfig } from '../config/config-schema.js';
import type { ChatModel } from '../core/chat-model.js';
import { GroundedError } from '../core/errors.js';
import { createChatModel } from './create-chat-model.js';

/**
 * The configured language model as a faithfulness judge for `eval run --judge`; `INVALID_CONFIG` when none is set.
 *
 * @example
 * const judge = { model: configuredJudge(config), repeats: 3 };
 */
export function configuredJudge(config: GroundedConfig): ChatModel {
  const model = createChatModel(config);
  if (model === undefined) {
    throw new GroundedError('INVALID_CONFIG', 'a judged run needs a language model', {
      hint: 'set GROUNDED_LLM_PROVIDER and GROUNDED_LLM_MODEL (and GROUNDED_LLM_BASE_URL / GROUNDED_LLM_API_KEY)',
    });
  }
  return model;
}
