import type { LoadedDocument } from '../../core/document.js';
import type { DocumentLoader, LoadProblem, LoaderInput, LoadResult } from '../../core/document-loader.js';
import { decodeText } from '../normalize/decode-text.js';
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
}

const DEFAULT_ID_FIELDS = ['_id', 'id', 'doc_id', 'docid'];
const DEFAULT_TEXT_FIELDS = ['text', 'contents', 'content', 'body'];

interface FieldPlan {
  readonly idFields: readonly string[];
  readonly titleField: string;
  readonly textFields: readonly string[];
  /** Join every present text field (user-chosen fields) or take the first present one (defaults). */
  readonly joinText: boolean;
  readonly metadataFields: readonly string[] | undefined;
}

type RecordResult = { document: LoadedDocument } | { reason: string };

/**
 * Creates the JSON Lines loader (`.jsonl`, `.ndjson`): one record per line, one document per record.
 *
 * Key: the id field as a string, or `${relativePath}#L${line}` when a record has none. Text: the normalized
 * text field(s). Title: the normalized title field or `''`. Bad lines are reported in `problems` with their
 * 1-based line number and the rest of the file still loads: malformed JSON, a record that is not an object,
 * a missing or empty text field, a duplicate id (the first occurrence wins). Blank lines are ignored. A file
 * that is binary, not UTF-8 or empty throws `GroundedError('INVALID_INPUT')`.
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
  };
  return {
    format: 'jsonl',
    extensions: ['.jsonl', '.ndjson'],
    load: (input) => loadJsonl(input, plan),
  };
}

function loadJsonl(input: LoaderInput, plan: FieldPlan): LoadResult {
  const source = decodeText(input.bytes, input.relativePath);
  const documents: LoadedDocument[] = [];
  const problems: LoadProblem[] = [];
  const firstLineOfKey = new Map<string, number>();
  let lineStart = 0;
  for (let line = 1; lineStart <= source.length; line++) {
    const newline = source.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? source.length : newline;
    const content = source.slice(lineStart, lineEnd);
    lineStart = lineEnd + 1;
    if (content.trim() === '') continue;
    const result = readRecord(content, line, input.relativePath, plan);
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
  return { documents, problems };
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
  const metadata = Object.fromEntries(
    metadataFields.filter((field) => fields(field) !== undefined).map((field) => [field, fields(field)]),
  );
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
