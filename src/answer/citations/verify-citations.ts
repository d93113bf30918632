import type { Citation } from '../../core/answer.js';
import type { ScoredChunk } from '../../core/document.js';
import { GroundedError } from '../../core/errors.js';
import { splitSentences } from '../../core/text/split-sentences.js';
import { contentWords } from './content-words.js';
import { extractCitations, type CitedSentence } from './extract-citations.js';

/** A source the answer may cite: its marker number and passage (a `PackedSource` fits). */
export interface CitableSource {
  readonly n: number;
  readonly passage: ScoredChunk;
}

/** Settings of {@link verifyCitations}. */
export interface VerifyCitationsOptions {
  /** Share of a sentence's content words its cited passages must contain, in [0, 1]; default 0.5. */
  readonly minSupport?: number;
  /**
   * Decides support instead of `minSupport` (e.g. an NLI model or an LLM judge), given the sentence's claim and the
   * text of its cited passages. Asked only for sentences with content words and at least one valid marker.
   */
  readonly judge?: (claim: string, evidence: string) => Promise<boolean> | boolean;
}

/** A sentence of the answer with its verdict. */
export interface VerifiedSentence extends CitedSentence {
  readonly supported: boolean;
  /** Share of the claim's content words found in its cited passages, in [0, 1] (1 when it has none). */
  readonly support: number;
  /** Marker numbers of this sentence that match no provided source. */
  readonly dangling: readonly number[];
}

/** What {@link verifyCitations} found. */
export interface CitationVerification {
  readonly sentences: VerifiedSentence[];
  /** One citation per provided source the answer cites, by `n` ascending. */
  readonly citations: Citation[];
  /** Marker numbers that match no provided source, in order of first appearance. */
  readonly dangling: number[];
  /** How many sentences are not supported. */
  readonly unsupported: number;
}

/**
 * Checks a model's cited answer against the sources it was given. Every marker must name a provided source (others are
 * `dangling`). A sentence's support is the share of its content words (see `contentWords`: lower-cased, stop words
 * out, Porter-stemmed) found in the union of its cited passages (heading path and text); it is supported when support
 * >= `minSupport` (default 0.5), or when `judge` says so if one is given. A sentence with content words and no valid
 * marker is unsupported (support 0); one without content words (`Yes [1].`) is supported (support 1). Each cited
 * source yields a `Citation` quoting the sentence of its passage that best matches the supported sentences citing it
 * (all citing sentences when none is supported), with exact document offsets (`chunk.start` + offset in the chunk).
 * Check for an abstention reply first: it has no markers and would count as unsupported.
 *
 * @example
 * const { sentences, citations, dangling, unsupported } = await verifyCitations(reply.text, packed.sources);
 */
export async function verifyCitations(
  answer: string,
  sources: readonly CitableSource[],
  options: VerifyCitationsOptions = {},
): Promise<CitationVerification> {
  const minSupport = options.minSupport ?? 0.5;
  if (!(minSupport >= 0 && minSupport <= 1)) {
    throw new GroundedError('INVALID_ARGUMENT', `minSupport must be between 0 and 1, got ${minSupport}`, {
      details: { minSupport },
      hint: 'pass a share such as 0.5 (half of a sentence\'s content words must appear in its sources)',
    });
  }
  const byNumber = indexSources(sources);
  const evidenceWords = new Map<number, Set<string>>();
  const wordsOf = (n: number, passage: ScoredChunk): Set<string> => {
    let words = evidenceWords.get(n);
    if (words === undefined) {
      words = contentWords(evidenceText(passage));
      evidenceWords.set(n, words);
    }
    return words;
  };
  const sentences: VerifiedSentence[] = [];
  for (const sentence of extractCitations(answer)) {
    const cited = sentence.markers.filter((n) => byNumber.has(n));
    const dangling = sentence.markers.filter((n) => !byNumber.has(n));
    const claimWords = contentWords(sentence.claim);
    if (claimWords.size === 0) {
      sentences.push({ ...sentence, supported: true, support: 1, dangling });
      continue;
    }
    if (cited.length === 0) {
      sentences.push({ ...sentence, supported: false, support: 0, dangling });
      continue;
    }
    const found = new Set<string>();
    for (const n of cited) for (const word of wordsOf(n, byNumber.get(n) as ScoredChunk)) found.add(word);
    let matched = 0;
    for (const word of claimWords) if (found.has(word)) matched++;
    const support = matched / claimWords.size;
    const supported =
      options.judge === undefined
        ? support >= minSupport
        : await options.judge(sentence.claim, cited.map((n) => evidenceText(byNumber.get(n) as ScoredChunk)).join('\n\n'));
    sentences.push({ ...sentence, supported, support, dangling });
  }
  return {
    sentences,
    citations: citeSources(sentences, byNumber),
    dangling: [...new Set(sentences.flatMap((sentence) => sentence.dangling))],
    unsupported: sentences.filter((sentence) => !sentence.supported).length,
  };
}

function indexSources(sources: readonly CitableSource[]): Map<number, ScoredChunk> {
  const byNumber = new Map<number, ScoredChunk>();
  for (const source of sources) {
    if (byNumber.has(source.n)) {
      throw new GroundedError('INTERNAL', `two sources share the marker number ${source.n}`, {
        details: { n: source.n },
        hint: 'pass the sources exactly as packContext numbered them',
      });
    }
    byNumber.set(source.n, source.passage);
  }
  return byNumber;
}

// The model saw the heading path with each source (`[n] doc › headings`), so words from it count as evidence.
function evidenceText(passage: ScoredChunk): string {
  return `${passage.chunk.headingPath.join('\n')}\n${passage.chunk.text}`;
}

/**
 * One citation per cited sentence and source: the passage sentence that best matches that claim, so two claims
 * citing the same source get their own spans (deduplicated). A source cited by supported and unsupported sentences
 * is quoted for the supported ones only; a source no supported sentence cites is quoted once, for all its claims.
 * Ordered by marker number, then position.
 */
function citeSources(sentences: readonly VerifiedSentence[], byNumber: ReadonlyMap<number, ScoredChunk>): Citation[] {
  const citations: Citation[] = [];
  const seen = new Set<string>();
  const add = (n: number, passage: ScoredChunk, claims: string): void => {
    const quote = bestSentence(passage, contentWords(claims));
    const key = `${n}:${quote.start}:${quote.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    citations.push({ n, doc: passage.chunk.doc, start: quote.start, end: quote.end, quote: quote.text, chunkId: passage.chunk.id });
  };
  for (const [n, passage] of byNumber) {
    const citing = sentences.filter((sentence) => sentence.markers.includes(n));
    const supporting = citing.filter((sentence) => sentence.supported);
    if (supporting.length > 0) for (const sentence of supporting) add(n, passage, sentence.claim);
    else if (citing.length > 0) add(n, passage, citing.map((sentence) => sentence.claim).join(' '));
  }
  return citations.sort((a, b) => a.n - b.n || a.start - b.start);
}

/**
 * The passage sentence sharing the most content words with the claims (ties: the larger share of its own words, then
 * the earlier). Headings and markup-only lines are not quotable; a passage with no quotable sentence is quoted whole.
 */
function bestSentence(passage: ScoredChunk, claimWords: ReadonlySet<string>): { start: number; end: number; text: string } {
  const { chunk } = passage;
  let best = { start: chunk.start, end: chunk.end, text: chunk.text };
  let bestShared = -1;
  let bestShare = -1;
  for (const sentence of splitSentences(chunk.text, chunk.start)) {
    if (!/[\p{L}\p{N}]/u.test(sentence.text) || /^#{1,6}\s/.test(sentence.text)) continue;
    const words = contentWords(sentence.text);
    let shared = 0;
    for (const word of words) if (claimWords.has(word)) shared++;
    const share = words.size === 0 ? 0 : shared / words.size;
    if (shared > bestShared || (shared === bestShared && share > bestShare)) {
      best = sentence;
      bestShared = shared;
      bestShare = share;
    }
  }
  return best;
}
