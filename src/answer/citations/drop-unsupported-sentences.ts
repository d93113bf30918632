import type { Citation } from '../../core/answer.js';
import type { CitationVerification, VerifiedSentence } from './verify-citations.js';

/** What {@link dropUnsupportedSentences} leaves. */
export interface GroundedText {
  /** The answer without unsupported sentences and dangling markers, markers renumbered 1..k. */
  readonly text: string;
  /** The citations still referenced, renumbered to match `text`, by `n` ascending. */
  readonly citations: Citation[];
  /** How many sentences were removed. */
  readonly dropped: number;
}

const horizontalSpace = /[ \t]/;

/** Marks a removed sentence, with the whitespace on one side of it so that no double gap or merged paragraph stays. */
function removeSentence(answer: string, sentence: VerifiedSentence, removed: Uint8Array): void {
  let before = sentence.start;
  while (before > 0 && /\s/.test(answer.charAt(before - 1))) before--;
  let after = sentence.end;
  while (after < answer.length && /\s/.test(answer.charAt(after))) after++;
  const gapAfter = answer.slice(sentence.end, after);
  let from = sentence.start;
  let to = sentence.end;
  // The first sentence takes the gap after it; a sentence that ends a line or the text takes the gap before it (so
  // the paragraph break after it survives); any other takes the spaces after it.
  if (before === 0) to = after;
  else if (after === answer.length || gapAfter.includes('\n')) from = before;
  else to = after;
  removed.fill(1, from, to);
}

/**
 * Removes the unsupported sentences of a verified answer and its dangling markers, then renumbers the remaining
 * markers 1..k in order of first appearance (`[2, 7]` with 7 dangling becomes `[1]`) and the citations with them.
 * Line and paragraph breaks between kept sentences are preserved; the result is trimmed.
 *
 * @example
 * const verification = await verifyCitations(reply, sources);
 * const { text, citations } = dropUnsupportedSentences(reply, verification);
 */
export function dropUnsupportedSentences(answer: string, verification: CitationVerification): GroundedText {
  const removed = new Uint8Array(answer.length);
  const replacements = new Map<number, { end: number; text: string }>();
  const renumbered = new Map<number, number>();
  let dropped = 0;
  for (const sentence of verification.sentences) {
    if (!sentence.supported) {
      removeSentence(answer, sentence, removed);
      dropped++;
      continue;
    }
    for (const marker of sentence.markerSpans) {
      const kept = [...new Set(marker.numbers.filter((n) => !sentence.dangling.includes(n)))];
      if (kept.length > 0) {
        for (const n of kept) if (!renumbered.has(n)) renumbered.set(n, renumbered.size + 1);
        replacements.set(marker.start, { end: marker.end, text: `[${kept.map((n) => renumbered.get(n)).join(', ')}]` });
        continue;
      }
      let from = marker.start;
      while (from > sentence.start && horizontalSpace.test(answer.charAt(from - 1))) from--;
      removed.fill(1, from, marker.end);
    }
  }
  let text = '';
  for (let index = 0; index < answer.length; index++) {
    const replacement = replacements.get(index);
    if (replacement !== undefined) {
      text += replacement.text;
      index = replacement.end - 1;
    } else if (removed[index] === 0) {
      text += answer.charAt(index);
    }
  }
  const citations = verification.citations
    .filter((citation) => renumbered.has(citation.n))
    .map((citation) => ({ ...citation, n: renumbered.get(citation.n) as number }))
    .sort((a, b) => a.n - b.n);
  return { text: text.trim(), citations, dropped };
}
