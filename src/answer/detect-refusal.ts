import { abstentionSentence, closedBookAbstentionSentence } from './prompts/default-behaviour.js';

// Ways models say the sources do not answer, beyond the exact sentence they were asked for. Matched only on replies
// that cite nothing: an answer with citations that mentions a missing detail is still an answer.
const refusalPatterns: readonly RegExp[] = [
  /\b(sources?|documents?|context|passages?|knowledge base|documentation|provided (text|information))\b[^.]{0,60}\b(do|does|did)\s*(not|n't)\s+(contain|mention|include|say|state|provide|specify|cover|describe|answer|address|have)\b/,
  /\b(i|we)\s+(cannot|can't|can ?not|could not|couldn't|am unable to|was unable to|'m unable to|do not|don't)\s+(answer|find|determine|tell|see|locate|provide)\b/,
  /\bnot\s+(mentioned|found|covered|specified|stated|described|provided|available|included)\s+(in|by)\s+(the\s+)?(provided\s+|given\s+)?(sources?|documents?|context|passages?|knowledge base|documentation)\b/,
  /\b(there is|there's)\s+no\s+(information|mention|details?)\b/,
  /\bno\s+(information|mention|details?)\s+(about|on|of|regarding)\b/,
];

/**
 * True when a model's reply says it cannot answer from its sources: the exact abstention sentence the prompt asks for
 * (however punctuated or wrapped), or a paraphrase of it ("The provided sources do not mention ...", "I could not find
 * ...") in a reply that cites no source.
 *
 * @example
 * detectRefusal('The sources do not say how much it costs.'); // true
 * detectRefusal('It listens on port 8080 [1].');             // false
 */
export function detectRefusal(text: string): boolean {
  const normalized = text.trim().toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
  if (normalized === '') return true;
  const exact = [abstentionSentence, closedBookAbstentionSentence].some((sentence) => {
    const target = sentence.toLowerCase().replace(/[.]$/, '');
    return normalized.startsWith(target) || (normalized.length < target.length * 2 && normalized.includes(target));
  });
  if (exact) return true;
  if (/\[\d+\]/.test(normalized)) return false;
  return refusalPatterns.some((pattern) => pattern.test(normalized));
}
