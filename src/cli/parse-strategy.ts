import type { AnswerStrategy } from '../app/open-knowledge-base.js';
import { parseChoiceList } from './parse-choice-list.js';

/**
 * Commander parser for `--strategy`: one strategy, or a comma-separated list (for `eval run`).
 *
 * @example
 * parseStrategies('rag,closed-book'); // ['rag', 'closed-book']
 */
export const parseStrategies: (value: string) => AnswerStrategy[] = parseChoiceList<AnswerStrategy>(['rag', 'long-context', 'closed-book']);
