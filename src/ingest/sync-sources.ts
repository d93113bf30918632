import { createHash } from 'node:crypto';
import { lstat, readFile as readFileFromDisk, realpath, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Chunk, ChunkSpan, LoadedDocument } from '../core/document.js';
import type { DocumentLoader } from '../core/document-loader.js';
import { isGroundedError } from '../core/errors.js';
import type { FieldTerms } from '../core/lexical-index.js';
import type { DocumentToStore, SourceRecord, SourceUpsert, Store } from '../core/store.js';
import { discoverFiles, type DiscoveredFile, type DiscoveryProblem } from './discover/discover-files.js';
import { findLoader, isGzipPath } from './loaders/find-loader.js';
import { formatMebibytes } from './normalize/format-mebibytes.js';
import { gunzipWithin } from './normalize/gunzip-within.js';

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
  /**
   * Tracked files that could not be read this time (the file, or a folder above it): each keeps its last good
   * version. Listed in `skipped` with the reason.
   */
  readonly kept: number;
  /**
   * Tracked files still on disk that this sync's include/exclude (or .gitignore) rules leave out: kept as they were,
   * unless `prune` is set, which removes them (they are then in `removedPaths`).
   */
  readonly leftOut: number;
  /** Paths (relative to their root) of the files removed: deleted from disk, refused, or pruned. */
  readonly removedPaths: readonly string[];
  /** The first {@link maxListedSkips} files or records skipped; `skippedTotal` counts them all. */
  readonly skipped: readonly SkippedFile[];
  readonly skippedTotal: number;
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
  /**
   * Also remove tracked files that are still on disk but that include/exclude now leave out. Default false: filters
   * choose what to read, and removal is for files gone from disk.
   */
  readonly prune?: boolean;
  /** Follow symlinks that resolve outside the synced paths (default false: they are skipped and reported). */
  readonly followExternalLinks?: boolean;
  /** Largest single-document file (not JSON Lines), counted decompressed for `.gz`; default 16 MiB. */
  readonly maxFileBytes?: number;
  /** Largest JSON Lines file, counted decompressed for `.gz` (decompression stops there); default 256 MiB. */
  readonly maxJsonlFileBytes?: number;
  /** Files per transaction; default 64. */
  readonly batchFiles?: number;
  /** Seam for tests: reads a file's bytes. Default `fs.readFile`. */
  readonly readFile?: (absolutePath: string) => Promise<Uint8Array>;
  /** Called after each committed batch. */
  readonly onProgress?: (progress: { files: number; total: number }) => void;
  /** Clock seam; default `performance.now`. */
  readonly now?: () => number;
}

/** Most skipped files or records listed in a report (a file of a million bad records would otherwise list them all). */
export const maxListedSkips = 1000;

/** The skipped list of a report: the first {@link maxListedSkips} entries, and a count of all. */
class SkipList {
  readonly listed: SkippedFile[] = [];
  total = 0;

  push(...skips: SkippedFile[]): void {
    for (const skip of skips) {
      this.total += 1;
      if (this.listed.length < maxListedSkips) this.listed.push(skip);
    }
  }
}

interface SyncCounters {
  added: number;
  updated: number;
  unchanged: number;
  documents: number;
  chunks: number;
  skipped: SkipList;
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
    followExternalLinks: options.followExternalLinks,
  });
  store.ensureKnowledgeBase(kb);
  const counters: SyncCounters = { added: 0, updated: 0, unchanged: 0, documents: 0, chunks: 0, skipped: new SkipList() };
  counters.skipped.push(...discovered.problems.map(({ path, reason }) => ({ path, reason })));

  const known = new Map(store.listSources(kb).map((source) => [sourceId(source.root, source.path), source]));
  const folders = await folderScopes(options.paths);
  const missing = await findRemovals(discovered.files, known, folders, discovered.problems, options.prune === true);

  const unreadable = new Set<string>();
  const batchFiles = options.batchFiles ?? 64;
  let batch: PreparedFile[] = [];
  for (const [index, file] of discovered.files.entries()) {
    const prepared = await prepareFile(file, options, known, counters, unreadable);
    if (prepared !== undefined) batch.push(prepared);
    if (batch.length >= batchFiles) {
      applyClaimed(batch, [], options, counters);
      batch = [];
      options.onProgress?.({ files: index + 1, total: discovered.files.length });
    }
  }
  const { removals } = missing;
  applyClaimed(batch, removals, options, counters);
  const totals = store.counts(kb);
  return {
    kb,
    added: counters.added,
    updated: counters.updated,
    removed: removals.length,
    unchanged: counters.unchanged,
    kept: missing.kept + unreadable.size,
    leftOut: missing.leftOut,
    removedPaths: removals.map((removal) => removal.path),
    skipped: counters.skipped.listed,
    skippedTotal: counters.skipped.total,
    documents: counters.documents,
    chunks: counters.chunks,
    totalDocuments: totals.documents,
    totalChunks: totals.chunks,
    ms: now() - started,
  };
}

/**
 * Real paths of the synced folders, as discovery names its roots (a file named explicitly is its own scope and
 * removes nothing else).
 */
async function folderScopes(paths: readonly string[]): Promise<Set<string>> {
  const folders = new Set<string>();
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory() === true) folders.add(await realpath(resolve(path)).catch(() => resolve(path)));
  }
  return folders;
}

interface MissingSources {
  /** Sources to delete: gone from disk, refused by discovery, or (with prune) left out by the filters. */
  readonly removals: { root: string; path: string }[];
  /** Sources under something unreadable, kept as they were. */
  readonly kept: number;
  /** Sources still on disk that the filters leave out, kept because prune is off. */
  readonly leftOut: number;
}

/**
 * Decides what happens to each tracked source under a synced folder that discovery did not return. A source is
 * removed only when it is proven gone (its path no longer exists), when discovery refused it, or with `prune` when
 * it is still there but left out by the filters. Anything unreadable (the file, any folder above it, or its very
 * existence) keeps its last good version: a read failure is never taken for a deletion.
 */
async function findRemovals(
  files: readonly DiscoveredFile[],
  known: ReadonlyMap<string, SourceRecord>,
  folders: ReadonlySet<string>,
  problems: readonly DiscoveryProblem[],
  prune: boolean,
): Promise<MissingSources> {
  const found = new Set(files.map((file) => sourceId(file.root, file.relativePath)));
  const removals: { root: string; path: string }[] = [];
  let kept = 0;
  let leftOut = 0;
  for (const source of known.values()) {
    if (!folders.has(source.root) || found.has(sourceId(source.root, source.path))) continue;
    const problem = problemCovering(problems, source);
    if (problem?.kind === 'unreadable') {
      kept += 1;
      continue;
    }
    const presence = problem?.kind === 'refused' ? 'refused' : await presenceOf(join(source.root, source.path));
    if (presence === 'unknown') kept += 1;
    else if (presence === 'present' && !prune) leftOut += 1;
    else removals.push({ root: source.root, path: source.path });
  }
  return { removals, kept, leftOut };
}

/** The discovery problem about a source: one naming its path, or an unreadable folder above it. */
function problemCovering(problems: readonly DiscoveryProblem[], source: SourceRecord): DiscoveryProblem | undefined {
  return problems.find((problem) => {
    if (problem.root !== undefined && problem.root !== source.root) return false;
    if (problem.path === source.path) return true;
    return problem.folder === true && (problem.path === '.' || source.path.startsWith(`${problem.path}/`));
  });
}

/** Whether a path is still a file on disk: `gone` only when the file system says so (no such file, or a folder now). */
async function presenceOf(path: string): Promise<'present' | 'gone' | 'unknown'> {
  try {
    const info = await lstat(path);
    return info.isFile() || info.isSymbolicLink() ? 'present' : 'gone';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'gone' : 'unknown';
  }
}

/** A changed or new file, loaded and chunked under the keys its loader gave, before the keys are claimed. */
interface PreparedFile {
  readonly file: DiscoveredFile;
  readonly upsert: SourceUpsert;
  readonly isNew: boolean;
}

async function prepareFile(
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
    const result = loader.load({ relativePath: file.relativePath, bytes: content });
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

/** How often a batch claims its keys again after a concurrent sync took one of them first. */
const maxClaimAttempts = 5;

/**
 * Claims the batch's document keys and applies it with the removals in one transaction. Keys are claimed against the
 * store as it is now, but another process syncing into the same knowledge base may commit one of them before this
 * batch takes the write lock: the store then refuses the batch (`KEY_TAKEN`) and it is claimed again, seeing the
 * other process's documents this time. Counts and skips are recorded only for the batch that was written.
 */
function applyClaimed(
  batch: readonly PreparedFile[],
  removals: readonly { root: string; path: string }[],
  options: SyncSourcesOptions,
  counters: SyncCounters,
): void {
  for (let attempt = 1; ; attempt++) {
    const skipped: SkippedFile[] = [];
    const claimed = new Map<string, string>();
    const written: PreparedFile[] = [];
    for (const prepared of batch) {
      const documents = claimDocuments(prepared.upsert.documents, prepared.file, options, claimed, skipped);
      // A new file whose every document belongs to another source is not tracked: the skips say why.
      if (documents.length === 0 && prepared.isNew) continue;
      written.push({ ...prepared, upsert: { ...prepared.upsert, documents } });
    }
    try {
      options.store.applyBatch(options.kb, { upserts: written.map((prepared) => prepared.upsert), removals });
    } catch (error) {
      if (isGroundedError(error, 'KEY_TAKEN') && attempt < maxClaimAttempts) continue;
      throw error;
    }
    counters.skipped.push(...skipped);
    for (const { isNew, upsert } of written) {
      if (isNew) counters.added += 1;
      else counters.updated += 1;
      counters.documents += upsert.documents.length;
      counters.chunks += upsert.documents.reduce((sum, document) => sum + document.chunks.length, 0);
    }
    return;
  }
}

/**
 * One key always means one document. A file whose relative path is already taken by a file under another root
 * is keyed `<root folder name>/<path>` instead; a record id another source owns is reported and dropped.
 */
function claimDocuments(
  documents: readonly DocumentToStore[],
  file: DiscoveredFile,
  options: SyncSourcesOptions,
  claimed: Map<string, string>,
  skipped: SkippedFile[],
): DocumentToStore[] {
  const ownerOf = (key: string): string | undefined => {
    const owner = options.store.findDocumentOwner(options.kb, key);
    const stored = owner !== undefined && !(owner.root === file.root && owner.path === file.relativePath);
    const taken = stored ? sourceId(owner.root, owner.path) : claimed.get(key);
    return taken === sourceId(file.root, file.relativePath) ? undefined : taken;
  };
  const kept: DocumentToStore[] = [];
  for (const prepared of documents) {
    let key = prepared.document.key;
    // One store read per key: the second only when the key moves under its root folder's name.
    let owner = ownerOf(key);
    if (owner !== undefined && key === file.relativePath) {
      key = `${basename(file.root)}/${file.relativePath}`;
      owner = ownerOf(key);
    }
    if (owner !== undefined) {
      const ownerPath = owner.split('\u0000')[1] ?? owner;
      skipped.push({ path: file.relativePath, reason: `duplicate document id '${key}' (already from ${ownerPath})` });
      continue;
    }
    claimed.set(key, sourceId(file.root, file.relativePath));
    kept.push(key === prepared.document.key ? prepared : rekeyDocument(prepared, key));
  }
  return kept;
}

/** The same document and chunks under another key (chunk ids are `<key>#<ordinal>`). */
function rekeyDocument({ document, chunks }: DocumentToStore, key: string): DocumentToStore {
  return {
    document: { ...document, key },
    chunks: chunks.map((stored) => ({ ...stored, chunk: { ...stored.chunk, id: `${key}#${stored.chunk.ordinal}`, doc: key } })),
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
