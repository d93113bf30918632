import { stemmer } from 'stemmer';
import type { Citation } from '../../core/answer.js';
import { splitSentences } from '../../core/text/split-sentences.js';

/**
 * Share of a sentence's content tokens that must occur in its cited quotes for it to count as supported. 0.6 is a
 * judgement, not a published constant: it lets a sentence add connecting words of its own ("so", "which means") and
 * rephrase a little, while most of what it claims must come from the cited text. An extractive answer scores 1; a
 * sentence that cites an unrelated passage scores near 0.
 */
export const faithfulnessThreshold = 0.6;

// Function words that carry no claim; a short list on purpose (the measure is a lexical proxy, not NLI).
const stopWords = new Set(
  ('a an the and or but if then else of to in on at by for with from into onto as is are was were be been being am ' +
    'it its this that these those there here which who whom whose what when where why how not no yes so than too ' +
    'very can could will would shall should may might must do does did has have had i you he she we they them their ' +
    'our your my me us his her also just only such each any all some about over under up down out more most other').split(' '),
);

// `[1]`, `[1][2]` and `[1, 2]`; the answerer writes `[n]` after each claim.
const markerPattern = /\[(\d+(?:\s*,\s*\d+)*)\]/g;
const leadingMarkers = /^(?:\s*\[\d+(?:\s*,\s*\d+)*\])+/;
const wordPattern = /[\p{L}\p{N}]+/gu;

function contentTokens(text: string): Set<string> {
  const tokens = new Set<string>();
  for (const [word] of text.toLowerCase().matchAll(wordPattern)) if (!stopWords.has(word)) tokens.add(stemmer(word));
  return tokens;
}

function markerNumbers(text: string): number[] {
  return [...text.matchAll(markerPattern)].flatMap((match) => (match[1] ?? '').split(',').map((part) => Number(part.trim())));
}

/** Sentences of the answer with the markers they cite; markers that open a sentence belong to the one before. */
function citedSentences(answer: string): { text: string; markers: number[] }[] {
  const sentences: { text: string; markers: number[] }[] = [];
  for (const { text } of splitSentences(answer)) {
    // "Claim one. [1] Claim two. [2]" splits after the period, so `[1]` opens the next sentence.
    const leading = leadingMarkers.exec(text)?.[0] ?? '';
    const previous = sentences[sentences.length - 1];
    const rest = previous === undefined ? text : text.slice(leading.length);
    if (previous !== undefined) previous.markers.push(...markerNumbers(leading));
    const plain = rest.replace(markerPattern, ' ').trim();
    if (plain.length > 0) sentences.push({ text: plain, markers: markerNumbers(rest) });
    else if (previous !== undefined) previous.markers.push(...markerNumbers(rest));
  }
  return sentences;
}

/**
 * Offline faithfulness proxy: the share of answer sentences lexically supported by the passages they cite.
 *
 * The answer is split with `splitSentences`; `[n]` markers are stripped from the text and attributed to their
 * sentence (a marker right after a sentence's period counts for that sentence). A sentence is supported when it
 * cites at least one marker that maps to a provided citation (`citation.n`) and at least
 * {@link faithfulnessThreshold} (60%) of its distinct content tokens occur in the quotes of the citations it cites.
 * Content tokens are lower-cased runs of letters and digits, minus a short English stop list, Porter-stemmed on both
 * sides so "requests are buffered" matches "a request is buffered". A sentence with no content token is supported
 * when it cites a provided citation. Returns null for an empty answer (the caller passes abstentions as '') or one
 * with no text besides markers.
 *
 * @example
 * lexicalFaithfulness('Bodies over 1 MB are buffered on disk. [1] It is fast.', [
 *   { n: 1, doc: 'a.md', start: 0, end: 60, quote: 'Bodies larger than 1 MB are buffered on disk.', chunkId: 'c1' },
 * ]); // 0.5: the first sentence is supported, the second cites nothing
 */
export function lexicalFaithfulness(answer: string, citations: readonly Citation[]): number | null {
  const sentences = citedSentences(answer);
  if (sentences.length === 0) return null;
  let supported = 0;
  for (const sentence of sentences) {
    const cited = citations.filter((citation) => sentence.markers.includes(citation.n));
    if (cited.length === 0) continue;
    const quoted = contentTokens(cited.map((citation) => citation.quote).join(' '));
    const claimed = [...contentTokens(sentence.text)];
    const found = claimed.filter((token) => quoted.has(token)).length;
    if (claimed.length === 0 || found / claimed.length >= faithfulnessThreshold) supported += 1;
  }
  return supported / sentences.length;
}
