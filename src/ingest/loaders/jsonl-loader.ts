import type { LoadedDocument } from '../../core/document.js';
import type { DocumentLoader, LoadProblem, LoaderInput, LoadResult } from '../../core/document-loader.js';
import { GroundedError } from '../../core/errors.js';
import { BINARY_SNIFF_BYTES, decodeText } from '../normalize/decode-text.js';
import { formatMebibytes } from '../normalize/format-mebibytes.js';
import { toJsonSafe } from './to-json-safe.js';
import { normalizeText } from '../normalize/normalize-text.js';

/** Field mapping of {@link createJsonlLoader}. Every field is optional; the defaults fit BEIR `corpus.jsonl`. */
export interface JsonlLoaderOptions {
  /** Field holding the record id. Default: the first present of `_id`, `id`, `doc_id`, `docid`. */
  readonly idField?: string | undefined;
  /** Field holding the title. Default `title`. */
  readonly titleField?: string | undefined;
  /**
   * Fields holding the text; when given, the present ones are joined with a blank line. Default: the first
   * present of `text`, `contents`, `content`, `body`.
   */
  readonly textFields?: readonly string[] | undefined;
  /** Fields copied into `metadata`. Default: every field that is not the id, title or text. */
  readonly metadataFields?: readonly string[] | undefined;
  /**
   * Longest record (one line, in bytes) that is parsed; a longer one is reported and skipped without being read
   * into a string, so one 200 MB record cannot run the heap out. Default 16 MiB (`ingest.maxFileBytes`: a record
   * is one document).
   */
  readonly maxRecordBytes?: number | undefined;
}

const DEFAULT_ID_FIELDS = ['_id', 'id', 'doc_id', 'docid'];
const DEFAULT_TEXT_FIELDS = ['text', 'contents', 'content', 'body'];
const lineDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

interface FieldPlan {
  readonly idFields: readonly string[];
  readonly titleField: string;
  readonly textFields: readonly string[];
  /** Join every present text field (user-chosen fields) or take the first present one (defaults). */
  readonly joinText: boolean;
  readonly metadataFields: readonly string[] | undefined;
  readonly maxRecordBytes: number;
}

type RecordResult = { document: LoadedDocument } | { reason: string };

/**
 * Creates the JSON Lines loader (`.jsonl`, `.ndjson`): one record per line, one document per record.
 *
 * Key: the id field as a string, or `${relativePath}#L${line}` when a record has none. Text: the normalized
 * text field(s). Title: the normalized title field or `''`. Bad lines are reported in `problems` with their
 * 1-based line number and the rest of the file still loads: malformed JSON, a record that is not an object,
 * a missing or empty text field, a duplicate id (the first occurrence wins), a line that is not UTF-8, a record over
 * `maxRecordBytes`, metadata nested deeper than 64 levels. Blank lines are ignored. Lines are cut from the bytes and decoded one by one, so a file's size is
 * bounded by memory only, never by the longest string V8 can hold. A file that is binary (a NUL byte in its first
 * 8,000 bytes) or has no record at all rejects with `GroundedError('INVALID_DATA')`; a UTF-16 file (with its byte order
 * mark) is read as well.
 *
 * @example
 * const loader = createJsonlLoader(); // BEIR: {"_id": "4983", "title": "...", "text": "..."}
 * const faq = createJsonlLoader({ idField: 'qid', textFields: ['question', 'answer'] });
 */
export function createJsonlLoader(options: JsonlLoaderOptions = {}): DocumentLoader {
  const plan: FieldPlan = {
    idFields: options.idField === undefined ? DEFAULT_ID_FIELDS : [options.idField],
    titleField: options.titleField ?? 'title',
    textFields: options.textFields ?? DEFAULT_TEXT_FIELDS,
    joinText: options.textFields !== undefined,
    metadataFields: options.metadataFields,
    maxRecordBytes: options.maxRecordBytes ?? 16 * 1024 * 1024,
  };
  return {
    format: 'jsonl',
    extensions: ['.jsonl', '.ndjson'],
    // async: a file-level failure (binary, empty) rejects the promise like every loader's, never throws synchronously.
    load: async (input) => loadJsonl(input, plan),
  };
}

function loadJsonl(input: LoaderInput, plan: FieldPlan): LoadResult {
  const bytes = utf8Bytes(input);
  const documents: LoadedDocument[] = [];
  const problems: LoadProblem[] = [];
  const firstLineOfKey = new Map<string, number>();
  let lineStart = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let blank = true;
  for (let line = 1; lineStart <= bytes.length; line++) {
    const newline = bytes.indexOf(0x0a, lineStart);
    const lineEnd = newline === -1 ? bytes.length : newline;
    const lineBytes = bytes.subarray(lineStart, lineEnd);
    lineStart = lineEnd + 1;
    const result = readLine(lineBytes, line, input.relativePath, plan);
    if (result === undefined) continue;
    blank = false;
    if ('reason' in result) {
      problems.push({ reason: result.reason, line });
      continue;
    }
    const key = result.document.key;
    const firstLine = firstLineOfKey.get(key);
    if (firstLine !== undefined) {
      problems.push({ reason: `duplicate id '${key}' (first at line ${firstLine})`, line });
      continue;
    }
    firstLineOfKey.set(key, line);
    documents.push(result.document);
  }
  if (blank) {
    throw new GroundedError('INVALID_DATA', 'empty file, no records', {
      details: { path: input.relativePath },
      hint: 'add records to the file or leave it out with --exclude',
    });
  }
  return { documents, problems };
}

/**
 * The file's bytes as UTF-8, checked for binary content: UTF-16 (by its byte order mark) is decoded and re-encoded,
 * anything else is returned as is and decoded line by line.
 */
function utf8Bytes(input: LoaderInput): Buffer {
  const { bytes } = input;
  const isUtf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (isUtf16) return Buffer.from(decodeText(bytes, input.relativePath), 'utf8');
  // decodeText of the first bytes only: it refuses a binary file the way every loader does (the sniff reads 8,000).
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) decodeText(bytes.subarray(0, BINARY_SNIFF_BYTES), input.relativePath);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** One line's record, why it cannot be one, or undefined for a blank line. */
function readLine(lineBytes: Uint8Array, line: number, relativePath: string, plan: FieldPlan): RecordResult | undefined {
  if (lineBytes.byteLength > plan.maxRecordBytes) {
    return {
      reason:
        `record is ${formatMebibytes(lineBytes.byteLength)}, over the ${formatMebibytes(plan.maxRecordBytes)} limit for one document; ` +
        'raise ingest.maxFileBytes or split the record',
    };
  }
  let content: string;
  try {
    content = lineDecoder.decode(lineBytes);
  } catch {
    return { reason: 'invalid UTF-8 on this line; save the file as UTF-8' };
  }
  if (content.trim() === '') return undefined;
  return readRecord(content, line, relativePath, plan);
}

function readRecord(content: string, line: number, relativePath: string, plan: FieldPlan): RecordResult {
  let record: unknown;
  try {
    record = JSON.parse(content);
  } catch (error) {
    return { reason: `malformed JSON: ${(error as Error).message}` };
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return { reason: `record is ${describeType(record)}, not an object` };
  }
  // Own properties only: a field named like an Object.prototype member must not read the prototype.
  const own = record as Record<string, unknown>;
  const fields = (name: string): unknown => (Object.hasOwn(own, name) ? own[name] : undefined);
  const idField = plan.idFields.find((field) => fields(field) !== undefined && fields(field) !== null);
  const id = idField === undefined ? undefined : fields(idField);
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') {
    return { reason: `id field '${idField}' is ${describeType(id)}, not a string or number` };
  }
  const text = readText(fields, plan);
  if ('reason' in text) return text;
  const key = id === undefined || String(id) === '' ? `${relativePath}#L${line}` : String(id);
  const rawTitle = fields(plan.titleField);
  const title = typeof rawTitle === 'string' ? normalizeText(rawTitle).trim() : '';
  const used = new Set([idField, plan.titleField, ...text.fields]);
  const metadataFields = plan.metadataFields ?? Object.keys(own).filter((field) => !used.has(field));
  // fromEntries, not assignment: a `__proto__` field must stay a plain key.
  const raw = Object.fromEntries(metadataFields.filter((field) => fields(field) !== undefined).map((field) => [field, fields(field)]));
  let metadata: Record<string, unknown>;
  try {
    // Bounded: a record's metadata nested thousands deep would overflow the stack when it is stored.
    metadata = toJsonSafe(raw) as Record<string, unknown>;
  } catch (error) {
    return { reason: (error as Error).message };
  }
  return { document: { key, title, text: text.text, headings: [], metadata } };
}

/** The record's text and the fields it came from, or why it has none. */
function readText(
  fields: (name: string) => unknown,
  plan: FieldPlan,
): { text: string; fields: string[] } | { reason: string } {
  const present = plan.textFields.filter((field) => fields(field) !== undefined && fields(field) !== null);
  const chosen = plan.joinText ? present : present.slice(0, 1);
  if (chosen.length === 0) return { reason: `no text field (looked for ${plan.textFields.join(', ')})` };
  const parts: string[] = [];
  for (const field of chosen) {
    const value = fields(field);
    if (typeof value !== 'string') return { reason: `text field '${field}' is ${describeType(value)}, not a string` };
    if (value.trim() !== '') parts.push(value);
  }
  const text = normalizeText(parts.join('\n\n'));
  if (text.trim() === '') return { reason: `empty text field '${chosen.join("', '")}'` };
  return { text, fields: chosen };
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
