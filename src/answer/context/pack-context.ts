import type { ScoredChunk } from '../../core/document.js';
import { GroundedError } from '../../core/errors.js';
import type { TokenCounter } from '../../core/token-counter.js';
import { formatSource } from './format-source.js';

/** One passage kept for the prompt, with the number the answer cites it by. */
export interface PackedSource {
  /** Marker number, 1..n in the order kept. */
  readonly n: number;
  readonly passage: ScoredChunk;
  /** The formatted text that goes into the prompt. */
  readonly text: string;
  /** `counter.count(text)`. */
  readonly tokens: number;
}

/** Settings of {@link packContext}. */
export interface PackContextOptions {
  /** Most tokens the formatted sources may take together; a non-negative integer. */
  readonly budgetTokens: number;
  /** Counts with the answering model's tokenizer (see `createTokenCounterForModel`). */
  readonly counter: TokenCounter;
  /** Text of one source given its number; default {@link formatSource} (`[n] doc › headings\ntext`). */
  readonly format?: (passage: ScoredChunk, n: number) => string;
}

/** What {@link packContext} kept. */
export interface PackedContext {
  readonly sources: PackedSource[];
  /** Sum of the kept sources' `tokens`, never above the budget. */
  readonly usedTokens: number;
  /** Passages left out because they did not fit. */
  readonly dropped: number;
}

/**
 * Chooses the passages that go into a prompt under a token budget: in rank order, each passage is formatted with the
 * number it would get and kept when its counted tokens still fit; one that does not fit is skipped, and later (smaller)
 * ones may still fit. Kept sources are numbered 1..n in the order kept. `usedTokens` sums the sources counted one by
 * one; joining them (the prompt puts a blank line between sources) can add about one token per source, so leave that
 * much room when the budget is a hard limit.
 *
 * @example
 * const { sources, usedTokens, dropped } = packContext(hits, {
 *   budgetTokens: 6_000,
 *   counter: createTokenCounterForModel('gpt-4o-mini'),
 * });
 */
export function packContext(passages: readonly ScoredChunk[], options: PackContextOptions): PackedContext {
  const { budgetTokens, counter } = options;
  if (!Number.isInteger(budgetTokens) || budgetTokens < 0) {
    throw new GroundedError('INVALID_ARGUMENT', `context budget must be a non-negative integer, got ${budgetTokens}`, {
      details: { budgetTokens },
      hint: 'pass budgetTokens as a whole number of tokens, e.g. the context window minus the prompt and answer room',
    });
  }
  const format = options.format ?? formatSource;
  const sources: PackedSource[] = [];
  let usedTokens = 0;
  for (const passage of passages) {
    // The number is part of the text, so a passage is measured with the number it would be given.
    const n = sources.length + 1;
    const text = format(passage, n);
    const tokens = counter.count(text);
    if (usedTokens + tokens > budgetTokens) continue;
    sources.push({ n, passage, text, tokens });
    usedTokens += tokens;
  }
  return { sources, usedTokens, dropped: passages.length - sources.length };
}
