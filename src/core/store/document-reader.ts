/** A stored document's text, for citations. */
export interface StoredDocument {
  readonly key: string;
  readonly title: string;
  readonly text: string;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/**
 * Stored documents by key: the normalized text citation offsets point into.
 *
 * @example
 * const [doc] = (await store.open('docs').documents.byKeys(['guide.md'])).values();
 */
export interface DocumentReader {
  /** Documents by key in one read; unknown keys are absent from the map. */
  byKeys(keys: readonly string[]): Promise<Map<string, StoredDocument>>;
  /** Every document's key and text, ordered by key (the long-context strategy puts them all in the prompt). */
  all(): Promise<{ key: string; text: string }[]>;
}
