import { createHash } from 'node:crypto';
import { readFile as readFileFromDisk } from 'node:fs/promises';
import type { Chunk, LoadedDocument } from '../../core/document.js';
import type { DocumentLoader } from '../../core/document-loader.js';
import { isGroundedError } from '../../core/errors.js';
import type { DocumentToStore, SourceRecord, SourceUpsert } from '../../core/store/source-writer.js';
import type { DiscoveredFile } from '../discover/discovered-file.js';
import { findLoader, isGzipPath } from '../loaders/find-loader.js';
import { formatMebibytes } from '../normalize/format-mebibytes.js';
import { gunzipWithin } from '../normalize/gunzip-within.js';
import { sourceId } from './source-id.js';
import type { SyncCounters } from './sync-counters.js';
import type { SyncSourcesOptions } from './sync-sources-options.js';

/** A changed or new file, loaded and chunked under the keys its loader gave, before the keys are claimed. */
export interface PreparedFile {
  readonly file: DiscoveredFile;
  readonly upsert: SourceUpsert;
  readonly isNew: boolean;
}

/**
 * Reads, hashes, loads and chunks one discovered file. Returns undefined for a file that is unchanged (same hash and
 * fingerprint) or skipped; a skip is recorded in `counters` and, for a tracked file, its id added to `unreadable` so
 * it keeps its last good version.
 */
export async function prepareFile(
  file: DiscoveredFile,
  options: SyncSourcesOptions,
  known: ReadonlyMap<string, SourceRecord>,
  counters: SyncCounters,
  unreadable: Set<string>,
): Promise<PreparedFile | undefined> {
  const previous = known.get(sourceId(file.root, file.relativePath));
  const skip = (reason: string): undefined => {
    counters.skipped.push({ path: file.relativePath, reason });
    // A tracked file that is skipped keeps its last good version.
    if (previous !== undefined) unreadable.add(sourceId(file.root, file.relativePath));
    return undefined;
  };
  const loader = findLoader(options.loaders, file.relativePath);
  if (loader === undefined) return skip('unsupported file type');
  const limit = sizeLimit(loader, options);
  if (file.size > limit.bytes) {
    return skip(`file is ${formatMebibytes(file.size)}, over the ${formatMebibytes(limit.bytes)} ${limit.setting} limit; raise it or split the file`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await (options.readFile ?? readFileFromDisk)(file.absolutePath);
  } catch (error) {
    return skip(`unreadable: ${(error as Error).message}`);
  }
  const hash = createHash('sha256').update(bytes).digest('hex');
  if (previous !== undefined && previous.hash === hash && previous.fingerprint === options.fingerprint) {
    counters.unchanged += 1;
    return undefined;
  }
  let documents: DocumentToStore[];
  try {
    // The limit holds for what a loader reads: decompression stops at it, so a small gzip bomb costs nothing.
    const content = isGzipPath(file.relativePath) ? gunzipWithin(bytes, limit.bytes, limit.setting) : bytes;
    const result = await loader.load({ relativePath: file.relativePath, bytes: content });
    for (const problem of result.problems) {
      const where = problem.line === undefined ? file.relativePath : `${file.relativePath}:${problem.line}`;
      counters.skipped.push({ path: where, reason: problem.reason });
    }
    documents = result.documents.map((document) => prepareDocument(storable(document), options));
  } catch (error) {
    // Any failure reading one file (a bad file, or a loader's own bug such as a stack overflow on hostile nesting)
    // skips that file; the rest of the sync goes on.
    return skip(loadFailure(error));
  }
  if (documents.length === 0 && previous === undefined) return skip('no documents found in the file');
  return {
    file,
    isNew: previous === undefined,
    upsert: {
      source: { root: file.root, path: file.relativePath, hash, size: bytes.byteLength, fingerprint: options.fingerprint },
      documents,
    },
  };
}

function prepareDocument(document: LoadedDocument, options: SyncSourcesOptions): DocumentToStore {
  const chunks = options.chunk(document).map((span, ordinal) => {
    const chunk: Chunk = { ...span, id: `${document.key}#${ordinal}`, doc: document.key, title: document.title, ordinal };
    return { chunk, ...options.analyze(chunk) };
  });
  return { document, chunks };
}

/**
 * The document, checked to be writable before it reaches a batch: its metadata must serialize (a loader's metadata
 * nested too deep for `JSON.stringify` would otherwise fail the whole batch, not this one file).
 */
function storable(document: LoadedDocument): LoadedDocument {
  JSON.stringify(document.metadata);
  return document;
}

/** Why one file could not be loaded, for the report. */
function loadFailure(error: unknown): string {
  if (isGroundedError(error)) return error.message;
  // V8's stack overflow has no code: its message is the only sign. The input (nesting thousands deep) is the cause.
  if (error instanceof RangeError && /call stack/i.test(error.message)) return 'nested too deeply to read (the parser ran out of stack)';
  return `could not be loaded (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}); please report it`;
}

/**
 * The size limit of a file (counted after decompression) and the setting that raises it: a JSON Lines file holds many
 * documents (each record is held to maxFileBytes by its loader), any other file one.
 */
function sizeLimit(loader: DocumentLoader, options: SyncSourcesOptions): { bytes: number; setting: string } {
  if (loader.format === 'jsonl') return { bytes: options.maxJsonlFileBytes ?? 256 * 1024 * 1024, setting: 'ingest.maxJsonlFileBytes' };
  return { bytes: options.maxFileBytes ?? 16 * 1024 * 1024, setting: 'ingest.maxFileBytes' };
}
