/** What kind of question a golden case is (see docs/golden-set.md). */
export type GoldenKind = 'answerable' | 'synthesis' | 'unanswerable';

/** Supporting evidence: a document and, optionally, a verbatim quote from its normalized text. */
export interface GoldenSource {
  readonly doc: string;
  readonly quote?: string;
}

/** A behaviour check on the answer, whatever its facts. */
export type BehaviourCheck =
  | { readonly type: 'json_schema'; readonly schema: Record<string, unknown> }
  | { readonly type: 'max_words'; readonly value: number }
  | { readonly type: 'must_include'; readonly value: string }
  | { readonly type: 'must_not_include'; readonly value: string }
  | { readonly type: 'regex'; readonly value: string }
  | { readonly type: 'language'; readonly value: string };

/** One evaluation case of a golden set (one line of a golden JSONL file). */
export interface GoldenCase {
  readonly id: string;
  readonly question: string;
  /** Acceptable short answers; for `synthesis` every entry is a required part; empty for `unanswerable`. */
  readonly answers: readonly string[];
  readonly sources: readonly GoldenSource[];
  readonly kind: GoldenKind;
  readonly tags?: readonly string[];
  readonly checks?: readonly BehaviourCheck[];
}

/** A source resolved to a character span of a stored document (the whole document when there is no quote). */
export interface EvidenceSpan {
  readonly doc: string;
  readonly start: number;
  readonly end: number;
}
