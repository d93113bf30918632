/** Most sub-queries one question yields. */
const maxParts = 4;
/** A part needs this many words to be searched on its own. */
const minWords = 3;

// Where a question that names several things divides: sentence ends, semicolons, and connectives between two
// clauses or two named things ("X and Y", "X vs Y", "X as well as Y", "both X and Y").
const sentenceBreak = /(?<=[?.!;])\s+(?=\S)/;
const connective = /\s+(?:and also|as well as|versus|vs\.?|compared (?:to|with)|and|or)\s+/i;

/**
 * The parts of a question that asks about several things, each to be searched on its own and fused with the whole
 * question: a question of several sentences splits into its sentences, and a sentence that joins two things with
 * "and", "or", "vs" or "as well as" into the two sides, when each side is long enough to search on its own (three
 * words or more, so "black and white" stays whole). Returns [] for a question that is one thing.
 *
 * @example
 * splitQuestion('What status does inFlightReq return, and what period does rateLimit use by default?');
 * // ['What status does inFlightReq return,', 'what period does rateLimit use by default?']
 */
export function splitQuestion(question: string): string[] {
  const sentences = question.split(sentenceBreak).map((part) => part.trim()).filter((part) => wordCount(part) >= minWords);
  const parts: string[] = [];
  for (const sentence of sentences) {
    const sides = sentence.split(connective).map((side) => side.trim());
    if (sides.length > 1 && sides.every((side) => wordCount(side) >= minWords)) parts.push(...sides);
    else parts.push(sentence);
  }
  return parts.length > 1 ? parts.slice(0, maxParts) : [];
}

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}._-]*/gu) ?? []).length;
}
