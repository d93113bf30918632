import { createHash } from 'node:crypto';
import { readFile as readFileFromDisk, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Chunk, ChunkSpan, LoadedDocument } from '../core/document.js';
import type { DocumentLoader } from '../core/document-loader.js';
import { GroundedError, isGroundedError } from '../core/errors.js';
import type { FieldTerms } from '../core/lexical-index.js';
import type { DocumentToStore, SourceRecord, SourceUpsert, Store } from '../core/store.js';
import { discoverFiles, type DiscoveredFile } from './discover/discover-files.js';
import { findLoader, isGzipPath } from './loaders/find-loader.js';

/** A file (or part of one) that was not ingested, and why. */
export interface SkippedFile {
  /** Path relative to its root; `path:line` for one bad record of a JSON Lines file. */
  readonly path: string;
  readonly reason: string;
}

/** What one sync did. Counts are of source files; `documents` and `chunks` of what was (re)indexed. */
export interface SyncReport {
  readonly kb: string;
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
  readonly unchanged: number;
  readonly skipped: readonly SkippedFile[];
  /** Documents written by this sync. */
  readonly documents: number;
  /** Chunks written by this sync. */
  readonly chunks: number;
  readonly totalDocuments: number;
  readonly totalChunks: number;
  readonly ms: number;
}

/** Dependencies and settings of {@link syncSources}. */
export interface SyncSourcesOptions {
  readonly store: Store;
  readonly kb: string;
  /** Files or folders to sync. */
  readonly paths: readonly string[];
  readonly loaders: readonly DocumentLoader[];
  /** Splits a document into spans (the configured chunker). */
  readonly chunk: (document: LoadedDocument) => ChunkSpan[];
  /** Analyzes a chunk's fields for the lexical index. */
  readonly analyze: (chunk: Chunk) => { body: FieldTerms; title: FieldTerms };
  /**
   * Fingerprint of everything that shapes stored chunks (chunker and analyzer settings), stored per file. A file
   * indexed with another fingerprint is re-indexed even if unchanged, so changing settings re-chunks exactly once,
   * even across an interrupted sync.
   */
  readonly fingerprint: string;
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  /** Largest single-document file (not JSON Lines) read whole; default 16 MiB. */
  readonly maxFileBytes?: number;
  /** Files per transaction; default 64. */
  readonly batchFiles?: number;
  /** Seam for tests: reads a file's bytes. Default `fs.readFile`. */
  readonly readFile?: (absolutePath: string) => Promise<Uint8Array>;
  /** Called after each committed batch. */
  readonly onProgress?: (progress: { files: number; total: number }) => void;
  /** Clock seam; default `performance.now`. */
  readonly now?: () => number;
}

interface SyncCounters {
  added: number;
  updated: number;
  unchanged: number;
  documents: number;
  chunks: number;
  skipped: SkippedFile[];
}

const sourceId = (root: string, path: string): string => `${root}\u0000${path}`;

/**
 * Syncs files and folders into a knowledge base: new files are added, changed files re-indexed, files deleted
 * under a synced folder removed with all their chunks, unchanged files (same content hash) skipped without
 * re-chunking. Idempotent. Writes go in transactions of `batchFiles` files, so an interrupted sync leaves the
 * previous consistent state for every file and a re-run completes it. Bad files are reported in `skipped` and never
 * half-indexed; a file that turns bad keeps its last good version.
 *
 * @example
 * const report = await syncSources({ store, kb: 'default', paths: ['docs'], loaders, chunk, analyze, fingerprint });
 */
export async function syncSources(options: SyncSourcesOptions): Promise<SyncReport> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const { store, kb } = options;
  // Discovery first: a missing path fails the whole sync before anything, even the knowledge base, is created.
  const discovered = await discoverFiles([...options.paths], {
    include: [...(options.include ?? [])],
    exclude: [...(options.exclude ?? [])],
    supported: (path) => findLoader(options.loaders, path) !== undefined,
  });
  store.ensureKnowledgeBase(kb);
  const counters: SyncCounters = { added: 0, updated: 0, unchanged: 0, documents: 0, chunks: 0, skipped: [] };
  counters.skipped.push(...discovered.problems);

  const known = new Map(store.listSources(kb).map((source) => [sourceId(source.root, source.path), source]));
  const folders = await folderScopes(options.paths);
  const removals = findRemovals(discovered.files, known, folders, counters.skipped);

  const batchFiles = options.batchFiles ?? 64;
  let batch: SourceUpsert[] = [];
  let claimed = new Map<string, string>();
  for (const [index, file] of discovered.files.entries()) {
    const upsert = await prepareFile(file, options, known, claimed, counters);
    if (upsert !== undefined) batch.push(upsert);
    if (batch.length >= batchFiles) {
      store.applyBatch(kb, { upserts: batch, removals: [] });
      batch = [];
      claimed = new Map();
      options.onProgress?.({ files: index + 1, total: discovered.files.length });
    }
  }
  store.applyBatch(kb, { upserts: batch, removals });
  const totals = store.counts(kb);
  return {
    kb,
    added: counters.added,
    updated: counters.updated,
    removed: removals.length,
    unchanged: counters.unchanged,
    skipped: counters.skipped,
    documents: counters.documents,
    chunks: counters.chunks,
    totalDocuments: totals.documents,
    totalChunks: totals.chunks,
    ms: now() - started,
  };
}

/** Absolute paths of the synced folders (a file named explicitly is its own scope and removes nothing else). */
async function folderScopes(paths: readonly string[]): Promise<Set<string>> {
  const folders = new Set<string>();
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory() === true) folders.add(resolve(path));
  }
  return folders;
}

/**
 * Known sources under a synced folder that were not found this time. Files reported as unreadable keep their last
 * good version.
 */
function findRemovals(
  files: readonly DiscoveredFile[],
  known: ReadonlyMap<string, SourceRecord>,
  folders: ReadonlySet<string>,
  skipped: readonly SkippedFile[],
): { root: string; path: string }[] {
  const found = new Set(files.map((file) => sourceId(file.root, file.relativePath)));
  const problemPaths = new Set(skipped.map((problem) => problem.path.replace(/:\d+$/, '')));
  const removals: { root: string; path: string }[] = [];
  for (const source of known.values()) {
    if (found.has(sourceId(source.root, source.path)) || problemPaths.has(source.path)) continue;
    if (folders.has(source.root)) removals.push({ root: source.root, path: source.path });
  }
  return removals;
}

async function prepareFile(
  file: DiscoveredFile,
  options: SyncSourcesOptions,
  known: ReadonlyMap<string, SourceRecord>,
  claimed: Map<string, string>,
  counters: SyncCounters,
): Promise<SourceUpsert | undefined> {
  const skip = (reason: string): undefined => {
    counters.skipped.push({ path: file.relativePath, reason });
    return undefined;
  };
  const loader = findLoader(options.loaders, file.relativePath);
  if (loader === undefined) return skip('unsupported file type');
  const limit = options.maxFileBytes ?? 16 * 1024 * 1024;
  if (loader.format !== 'jsonl' && file.size > limit) {
    return skip(
      `file is ${formatMiB(file.size)}, over the ${formatMiB(limit)} limit for one document; ` +
        'raise ingest.maxFileBytes in grounded.config.json or split the file',
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await (options.readFile ?? readFileFromDisk)(file.absolutePath);
  } catch (error) {
    return skip(`unreadable: ${(error as Error).message}`);
  }
  const hash = createHash('sha256').update(bytes).digest('hex');
  const previous = known.get(sourceId(file.root, file.relativePath));
  if (previous !== undefined && previous.hash === hash && previous.fingerprint === options.fingerprint) {
    counters.unchanged += 1;
    return undefined;
  }
  let documents: DocumentToStore[];
  try {
    const content = isGzipPath(file.relativePath) ? gunzip(bytes) : bytes;
    const result = loader.load({ relativePath: file.relativePath, bytes: content });
    for (const problem of result.problems) {
      const where = problem.line === undefined ? file.relativePath : `${file.relativePath}:${problem.line}`;
      counters.skipped.push({ path: where, reason: problem.reason });
    }
    documents = claimDocuments(result.documents, file, options, claimed, counters.skipped).map((document) =>
      prepareDocument(document, options),
    );
  } catch (error) {
    if (isGroundedError(error)) return skip(error.message);
    throw error;
  }
  if (documents.length === 0 && previous === undefined) return skip('no documents found in the file');
  if (previous === undefined) counters.added += 1;
  else counters.updated += 1;
  counters.documents += documents.length;
  counters.chunks += documents.reduce((sum, document) => sum + document.chunks.length, 0);
  return {
    source: { root: file.root, path: file.relativePath, hash, size: bytes.byteLength, fingerprint: options.fingerprint },
    documents,
  };
}

/**
 * One key always means one document. A file whose relative path is already taken by a file under another root
 * is keyed `<root folder name>/<path>` instead; a record id another source owns is reported and dropped.
 */
function claimDocuments(
  documents: readonly LoadedDocument[],
  file: DiscoveredFile,
  options: SyncSourcesOptions,
  claimed: Map<string, string>,
  skipped: SkippedFile[],
): LoadedDocument[] {
  const ownerOf = (key: string): string | undefined => {
    const owner = options.store.findDocumentOwner(options.kb, key);
    const stored = owner !== undefined && !(owner.root === file.root && owner.path === file.relativePath);
    const taken = stored ? sourceId(owner.root, owner.path) : claimed.get(key);
    return taken === sourceId(file.root, file.relativePath) ? undefined : taken;
  };
  const kept: LoadedDocument[] = [];
  for (const document of documents) {
    let key = document.key;
    if (ownerOf(key) !== undefined && key === file.relativePath) key = `${basename(file.root)}/${file.relativePath}`;
    const owner = ownerOf(key);
    if (owner !== undefined) {
      const ownerPath = owner.split('\u0000')[1] ?? owner;
      skipped.push({ path: file.relativePath, reason: `duplicate document id '${key}' (already from ${ownerPath})` });
      continue;
    }
    claimed.set(key, sourceId(file.root, file.relativePath));
    kept.push(key === document.key ? document : { ...document, key });
  }
  return kept;
}

function prepareDocument(document: LoadedDocument, options: SyncSourcesOptions): DocumentToStore {
  const chunks = options.chunk(document).map((span, ordinal) => {
    const chunk: Chunk = { ...span, id: `${document.key}#${ordinal}`, doc: document.key, title: document.title, ordinal };
    return { chunk, ...options.analyze(chunk) };
  });
  return { document, chunks };
}

function gunzip(bytes: Uint8Array): Uint8Array {
  try {
    return gunzipSync(bytes);
  } catch (error) {
    throw new GroundedError('INVALID_INPUT', `not a valid gzip file: ${(error as Error).message}`, { cause: error });
  }
}

function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
