import { createRequire } from 'node:module';
import type { TokenCounter } from '../../core/token-counter.js';

type Encoding = 'o200k_base' | 'cl100k_base';
type CountTokens = (text: string, options: { disallowedSpecial: Set<string> }) => number;

// Loaded on first use, synchronously: an encoding's rank table costs ~0.2-0.4 s and tens of MB to load, which
// offline (extractive) runs never need. `count` is synchronous by contract, so a dynamic `import()` cannot do it.
const require = createRequire(import.meta.url);
const loaded = new Map<Encoding, CountTokens>();

function countTokensFor(encoding: Encoding): CountTokens {
  let count = loaded.get(encoding);
  if (count === undefined) {
    const module = require(`gpt-tokenizer/encoding/${encoding}`) as { countTokens: CountTokens };
    count = module.countTokens;
    loaded.set(encoding, count);
  }
  return count;
}

/** The OpenAI encoding of a model id, or undefined when the family is not known to use one. */
function encodingOf(modelId: string): Encoding | undefined {
  // Routers and gateways prefix the vendor (`openai/gpt-4o`, `azure/gpt-4.1`); the family is in the last part.
  const name = (modelId.toLowerCase().split('/').pop() ?? '').trim();
  if (/^(?:chatgpt-4o|gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-oss|o\d+(?:$|-))/.test(name)) return 'o200k_base';
  if (/^(?:gpt-4|gpt-3\.5|gpt-35|text-embedding-3|text-embedding-ada-002)/.test(name)) return 'cl100k_base';
  return undefined;
}

/**
 * Characters per token assumed by the estimate for ASCII text. GPT encodings average ~4.2 (English prose) and ~3.3
 * (Markdown with code); Claude's and Llama 2's tokenizers split finer than o200k, and neither ships a public offline
 * tokenizer here, so 3.2 leaves room for them: over-counting only packs a passage less, under-counting overflows a
 * context window.
 */
const asciiCharactersPerToken = 3.2;

// Every non-ASCII code unit counts one token: SentencePiece and byte-level BPE vocabularies spend 1-3 tokens on a CJK
// character or an emoji half, and accented Latin letters are rare enough in Latin-script text to cost little here.
function estimateTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) < 128) ascii++;
    else other++;
  }
  return Math.ceil(ascii / asciiCharactersPerToken) + other;
}

/**
 * A token counter for a chat model: exact counts with gpt-tokenizer for OpenAI families (`gpt-4o`, `gpt-4.1`,
 * `gpt-4.5`, `gpt-5`, `gpt-oss`, `o1`/`o3`/`o4` use o200k_base; `gpt-4`, `gpt-4-turbo`, `gpt-3.5` use cl100k_base),
 * a vendor prefix such as `openai/` ignored; for any other model (Claude, Llama, Mistral, ...) a conservative
 * estimate that errs high: ceil(ASCII characters / 3.2) plus one token per non-ASCII UTF-16 code unit.
 * Special-token strings such as `<|endoftext|>` in the text are counted as plain text (documents may contain them).
 * The encoding's tables load on the first `count`, not at import.
 *
 * @example
 * createTokenCounterForModel('gpt-4o-mini').count('Hello world'); // 2 (id 'gpt-tokenizer:o200k_base')
 * createTokenCounterForModel('claude-sonnet-4').count('Hello world'); // 4 (id 'estimate:ascii/3.2+non-ascii')
 */
export function createTokenCounterForModel(modelId: string): TokenCounter {
  const encoding = encodingOf(modelId);
  if (encoding === undefined) return { id: 'estimate:ascii/3.2+non-ascii', count: estimateTokens };
  const options = { disallowedSpecial: new Set<string>() };
  return {
    id: `gpt-tokenizer:${encoding}`,
    count: (text) => (text.length === 0 ? 0 : countTokensFor(encoding)(text, options)),
  };
}
