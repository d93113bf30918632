import { splitSentences } from '../../core/text/split-sentences.js';

/** One `[n]` or `[n, m]` marker in an answer, with its offsets in the answer text. */
export interface CitationMarker {
  readonly start: number;
  readonly end: number;
  /** The numbers inside the brackets, in order as written. */
  readonly numbers: readonly number[];
}

/** A sentence of an answer and the citation markers that belong to it. */
export interface CitedSentence {
  /** `answer.slice(start, end)`, markers included. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The sentence with its markers removed and spaces tidied: what the sentence claims. */
  readonly claim: string;
  /** Distinct marker numbers, in order of first appearance. */
  readonly markers: readonly number[];
  readonly markerSpans: readonly CitationMarker[];
}

const markerPattern = /\[\s*(\d{1,6}(?:\s*,\s*\d{1,6})*)\s*\]/g;

// `... by default.[1] Enable ...`: ICU does not break after a full stop followed by `[`, so a sentence boundary right
// after markers that follow a terminator is added here when the next word does not start in lower case.
const markersAfterTerminator = /[.!?]["')\]]*(?:\s*\[\s*\d{1,6}(?:\s*,\s*\d{1,6})*\s*\])+(?=\s+[^\p{Ll}\s])/gu;

/** Sentence spans of the answer: `splitSentences`, plus the breaks ICU misses after `.[n]`. */
function sentenceSpans(answer: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const sentence of splitSentences(answer)) {
    let start = sentence.start;
    for (const match of sentence.text.matchAll(markersAfterTerminator)) {
      const end = sentence.start + match.index + match[0].length;
      spans.push({ start, end });
      start = end;
      while (/\s/.test(answer.charAt(start))) start++;
    }
    if (start < sentence.end) spans.push({ start, end: sentence.end });
  }
  return spans;
}

function findMarkers(answer: string): CitationMarker[] {
  return [...answer.matchAll(markerPattern)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    numbers: (match[1] ?? '').split(',').map((number) => Number.parseInt(number.trim(), 10)),
  }));
}

/** End of the markers (and whitespace between them) that open the span at `start`, or `start` when none do. */
function leadingMarkersEnd(answer: string, start: number, end: number, markers: readonly CitationMarker[]): number {
  let position = start;
  let markersEnd = start;
  for (;;) {
    while (position < end && /\s/.test(answer.charAt(position))) position++;
    const marker = markers.find((candidate) => candidate.start === position);
    if (marker === undefined || marker.end > end) return markersEnd;
    position = marker.end;
    markersEnd = marker.end;
  }
}

/**
 * Finds the citation markers of a model's answer sentence by sentence (sentences from `splitSentences`). Accepts
 * `[1]`, `[1, 3]`, `[1,3]` and runs like `[1][3]`. A marker written after the full stop (`... by default. [2] Next
 * sentence`) opens the next span after sentence splitting; it is given back to the sentence before, which it cites.
 *
 * @example
 * extractCitations('Compression is off by default [1]. Enable it per router [1][3].');
 * // [{ text: 'Compression is off by default [1].', claim: 'Compression is off by default.', markers: [1], ... },
 * //  { text: 'Enable it per router [1][3].', claim: 'Enable it per router.', markers: [1, 3], ... }]
 */
export function extractCitations(answer: string): CitedSentence[] {
  const markers = findMarkers(answer);
  const spans: { start: number; end: number }[] = [];
  for (const sentence of sentenceSpans(answer)) {
    let start = sentence.start;
    const previous = spans[spans.length - 1];
    if (previous !== undefined) {
      const markersEnd = leadingMarkersEnd(answer, start, sentence.end, markers);
      if (markersEnd > start) {
        previous.end = markersEnd;
        start = markersEnd;
        while (start < sentence.end && /\s/.test(answer.charAt(start))) start++;
        if (start === sentence.end) continue;
      }
    }
    spans.push({ start, end: sentence.end });
  }
  return spans.map(({ start, end }) => {
    const markerSpans = markers.filter((marker) => marker.start >= start && marker.end <= end);
    const text = answer.slice(start, end);
    return {
      text,
      start,
      end,
      claim: claimOf(text),
      markers: [...new Set(markerSpans.flatMap((marker) => marker.numbers))],
      markerSpans,
    };
  });
}

function claimOf(text: string): string {
  return text
    .replace(markerPattern, ' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
