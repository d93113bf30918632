import type { LoadedDocument } from './document.js';

/** What a loader receives: one file's bytes and where it came from. */
export interface LoaderInput {
  /** Path relative to the ingested root, `/`-separated; default document key. */
  readonly relativePath: string;
  /** Raw bytes (already gunzipped when the file ended in `.gz`). */
  readonly bytes: Uint8Array;
}

/** A problem with part of a file (one JSONL line, one record) that did not stop the rest. */
export interface LoadProblem {
  readonly reason: string;
  /** 1-based line number, when the format has lines. */
  readonly line?: number;
}

/** What a loader returns for one file. A file-level failure is thrown as a `GroundedError` instead. */
export interface LoadResult {
  readonly documents: readonly LoadedDocument[];
  readonly problems: readonly LoadProblem[];
}

/**
 * Turns one file into normalized documents. One loader per format.
 *
 * `load` is async so a loader can import its parser on first use (a process that never sees an HTML file never
 * pays for an HTML parser) and so formats whose libraries are async (PDF) can be loaders. A loader rejects with
 * `GroundedError('INVALID_DATA', ...)` when the whole file is unusable (binary, invalid UTF-8, empty); it reports
 * per-record problems in {@link LoadResult.problems} and loads the rest.
 *
 * @example
 * const { documents, problems } = await loader.load({ relativePath: 'guide.md', bytes });
 */
export interface DocumentLoader {
  /** Format name, e.g. `markdown`. */
  readonly format: string;
  /** Lower-case file name endings this loader takes, without `.gz`, e.g. `['.md', '.markdown']`. */
  readonly extensions: readonly string[];
  load(input: LoaderInput): Promise<LoadResult>;
}
