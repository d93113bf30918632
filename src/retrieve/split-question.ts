/** Most parts one question yields (one extra lexical search each). */
const maxParts = 4;

const interrogative = String.raw`(?:what|which|who|whom|whose|when|where|why|how)`;
const auxiliary = String.raw`(?:is|are|was|were|do|does|did|can|could|should|would|will|shall|may|might|must|has|have|had)`;

// Sentence ends and semicolons, but not the full stop of "i.e.", "e.g." or "etc.".
const sentenceBreak = /(?<=[?!;]|(?<!\b(?:i\.e|e\.g|etc|vs))\.)\s+(?=\S)/i;
// Where one question sentence holds two questions: a connective before an interrogative word (up to two words may come
// between: "and by default how long", "and in which release") or right before an auxiliary ("and does it ..."), or a
// bare comma before an interrogative word ("Which option ..., what is its default?").
const clauseBreak = new RegExp(
  String.raw`,?\s+(?:and|or|but|plus)\s+(?=(?:[\p{L}\p{N}'-]+\s+){0,2}?${interrogative}\b|(?:also\s+)?${auxiliary}\b)|,\s+(?=${interrogative}\b)`,
  'iu',
);
const asksSomething = new RegExp(String.raw`\b${interrogative}\b|^(?:also\s+)?${auxiliary}\b`, 'i');
// A clause that opens with a subordinating word ("When Traefik is stopped", "If I cap ...") qualifies the next one.
const subordinate = new RegExp(String.raw`^(?:if|when|whenever|where|once|while|after|before|since|unless|because|although|as)\s+(?!${interrogative}\b|${auxiliary}\b)`, 'i');

const word = String.raw`[\p{L}\p{N}._/\x60-]+`;
// A name rather than a plain word: code-like (inner capital, digit, dot, underscore, slash, backticks) or capitalized.
const name = String.raw`(?:\x60[^\x60]+\x60|[\p{L}\p{N}]*(?:\p{Ll}\p{Lu}|[\p{N}._/])[\p{L}\p{N}._/-]*|\p{Lu}[\p{L}\p{N}-]+)`;
/** Patterns of one question about two things; `left` and `right` are the things, the question is the rest. */
const twoThings: readonly RegExp[] = [
  // "X vs Y", "X versus Y", "X compared to Y" (each side up to three words)
  new RegExp(String.raw`^(?<before>.*?)\b(?<left>${word}(?:\s+${word}){0,2})\s+(?:vs\.?|versus|compared (?:to|with))\s+(?<right>${word}(?:\s+${word}){0,2})(?<after>.*)$`, 'iu'),
  // "the difference between X and Y"
  /^(?<before>.*?\bbetween)\s+(?<left>.+?)\s+and\s+(?<right>[^,?.;:]+?)(?<after>\s*(?:[,?.;:].*)?)$/iu,
  // the same preposition twice: "for the route traffic and for the leaf nodes"
  /^(?<before>.*?)\b(?<preposition>for|on|in|to|from|with|of|by)\s+(?<left>[^,?.;:]+?),?\s+and\s+\k<preposition>\s+(?<right>[^,?.;:]+?)(?<after>\s*(?:[,?.;:].*)?)$/iu,
  // a list after a colon: "the default timeouts on each side: client connections, and connections to backends?"
  /^(?<before>[^:]+:)\s*(?<left>[^,?;]+?),?\s+and\s+(?<right>[^,?;]+?)(?<after>\s*[?.]?)$/iu,
  // two names: "inFlightReq and rateLimit", "JetStream or Core NATS"
  new RegExp(String.raw`^(?<before>.*?)(?<left>${name}(?:\s+${name})?)\s+(?:and|or|&)\s+(?<right>${name}(?:\s+${name})?)(?<after>(?:[\s,?.;:].*)?)$`, 'u'),
];

/**
 * The parts of a question that asks several things, each to be searched on its own (with the rest of the question
 * behind it, see `focusQuery`) and fused: two questions in one ("Which port must it reach, and which option redirects
 * the traffic?"), one question per sentence, or one question about two named things ("X vs Y", "the difference between
 * X and Y", "for X and for Y", "inFlightReq and rateLimit"). Only sentences that ask (ending in "?") are split;
 * statements ("I'm running the Docker image.") are context, not parts. Returns [] for a question that asks one
 * thing, so such a question costs this scan and nothing more.
 *
 * @example
 * splitQuestion('What status does inFlightReq return, and what period does rateLimit use by default?');
 * // ['What status does inFlightReq return', 'what period does rateLimit use by default?']
 */
export function splitQuestion(question: string): string[] {
  const asks = question
    .split(sentenceBreak)
    .filter((sentence) => /\?\s*$/.test(sentence))
    .flatMap((sentence) => mergeQualifiers(sentence.split(clauseBreak).map((clause) => clause.trim())))
    .filter((clause) => asksSomething.test(clause));
  const parts = asks.length > 1 ? asks : asks.length === 1 ? aboutTwoThings(asks[0] ?? '') : [];
  return parts.length > 1 ? parts.slice(0, maxParts) : [];
}

/** The clause once per thing it names, when it names two (see {@link twoThings}); else []. */
function aboutTwoThings(clause: string): string[] {
  for (const pattern of twoThings) {
    const groups = pattern.exec(clause)?.groups;
    if (groups === undefined) continue;
    const { before = '', left = '', right = '', after = '' } = groups;
    const preposition = groups.preposition === undefined ? '' : `${groups.preposition} `;
    return [left, right].map((thing) => `${before.trimEnd()} ${preposition}${thing}${after}`.trim());
  }
  return [];
}

/**
 * A clause of one or two words ("By default") or a subordinate clause ("When Traefik is stopped") joins the next
 * one: it qualifies that question, it is not one.
 */
function mergeQualifiers(clauses: readonly string[]): string[] {
  const merged: string[] = [];
  let pending = '';
  clauses.forEach((clause, index) => {
    const joined = pending === '' ? clause : `${pending}, ${clause}`;
    const qualifies = wordCount(clause) < 3 || subordinate.test(clause);
    if (qualifies && index < clauses.length - 1) pending = joined;
    else {
      merged.push(joined);
      pending = '';
    }
  });
  return merged;
}

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}._-]*/gu) ?? []).length;
}
