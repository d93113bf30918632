import { InvalidArgumentError } from 'commander';
import type { RetrievalPreset } from '../app/create-knowledge-base.js';

const presets: readonly RetrievalPreset[] = ['lexical', 'hybrid', 'hybrid-rerank'];

/**
 * Commander parser for `--preset`: one retrieval preset, or a comma-separated list (for `eval run`).
 *
 * @example
 * parsePresets('lexical,hybrid'); // ['lexical', 'hybrid']
 */
export function parsePresets(value: string): RetrievalPreset[] {
  const chosen = value.split(',').map((part) => part.trim());
  for (const preset of chosen) {
    if (!(presets as readonly string[]).includes(preset)) {
      throw new InvalidArgumentError(`expected ${presets.join(', ')} (comma-separated for several)`);
    }
  }
  return [...new Set(chosen)] as RetrievalPreset[];
}
