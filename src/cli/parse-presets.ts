import type { RetrievalPreset } from '../app/open-knowledge-base.js';
import { parseChoiceList } from './parse-choice-list.js';

/**
 * Commander parser for `--preset`: one retrieval preset, or a comma-separated list (for `eval run`).
 *
 * @example
 * parsePresets('lexical,hybrid'); // ['lexical', 'hybrid']
 */
export const parsePresets: (value: string) => RetrievalPreset[] = parseChoiceList<RetrievalPreset>(['lexical', 'hybrid', 'hybrid-rerank']);
