/** A heading found in a document's normalized text. Offsets are character (UTF-16) offsets. */
export interface Heading {
  /** 1 (top) to 6. */
  readonly level: number;
  /** The heading's text without markup, e.g. `Configuration`. */
  readonly text: string;
  /** Offset of the first character of the heading line. */
  readonly start: number;
  /** Offset just past the heading line (its newline excluded). */
  readonly end: number;
}

/**
 * A document as a loader produced it: normalized text plus what the chunker needs about its structure.
 * `text` is stored as-is; every chunk and citation offset points into it.
 */
export interface LoadedDocument {
  /**
   * Identity of the document inside its knowledge base: the path relative to the ingested root for files,
   * the record id for JSON Lines corpora.
   */
  readonly key: string;
  /** Title (front matter `title`, first heading, HTML `<title>`, JSONL title field) or `''`. */
  readonly title: string;
  /** Normalized text (NFC, `\n` line ends, no BOM, no front matter). */
  readonly text: string;
  /** Headings in order of appearance (Markdown and HTML; empty for plain text). */
  readonly headings: readonly Heading[];
  /** Front matter or record metadata, JSON-serializable. */
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** A span of a document's normalized text chosen by the chunker. */
export interface ChunkSpan {
  /** Offset of the first character in the document's normalized text. */
  readonly start: number;
  /** Offset just past the last character; `text === document.text.slice(start, end)`. */
  readonly end: number;
  readonly text: string;
  /** Titles of the enclosing headings, outermost first (e.g. `['Routing', 'Rules']`). */
  readonly headingPath: readonly string[];
  /** Token count as measured by the chunker's token counter. */
  readonly tokens: number;
}

/** A stored chunk: a span plus the identity of its document. */
export interface Chunk extends ChunkSpan {
  /** Stable for a given document and chunker settings: `${docKey}#${ordinal}`. */
  readonly id: string;
  /** The document key (see {@link LoadedDocument.key}). */
  readonly doc: string;
  /** Document title, kept with the chunk because lexical scoring weighs it. */
  readonly title: string;
  /** Position of the chunk in its document, from 0. */
  readonly ordinal: number;
}

/** A chunk with a retrieval score, best first. */
export interface ScoredChunk {
  readonly chunk: Chunk;
  readonly score: number;
  /** 1-based rank in the result list. */
  readonly rank: number;
}
