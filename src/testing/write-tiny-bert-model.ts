import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Options of {@link writeTinyBertModel}. */
export interface TinyBertModelOptions {
  /**
   * `embeddings` (default): a feature-extraction model whose `last_hidden_state` row for a token is that token's row
   * of `embeddings`. `classifier`: a cross-encoder whose `logits` are the sum of `tokenScores` over the unmasked tokens.
   */
  readonly head?: 'embeddings' | 'classifier';
  /** Words of the WordPiece vocabulary after the special tokens. Default a dozen lower-case words. */
  readonly words?: readonly string[];
  /** Width of the embedding table. Default 4. */
  readonly hidden?: number;
  /** For the `classifier` head: 1 (default, one relevance logit) or 2 (`[not relevant, relevant]`, the second is the sum). */
  readonly labels?: 1 | 2;
  /** Where `model.onnx` goes: the folder root (default) or `onnx/` (the Hugging Face export layout). */
  readonly layout?: 'root' | 'onnx';
  /** Write `tokenizer_config.json` (default true); without it, loaders must fall back to `config.json`. */
  readonly tokenizerConfig?: boolean;
  /** `model_max_length` / `max_position_embeddings`. Default 16. */
  readonly maxLength?: number;
}

/** What {@link writeTinyBertModel} wrote, so a test can compute the expected outputs by hand. */
export interface TinyBertModel {
  readonly folder: string;
  /** Token to id; ids 0-4 are `[PAD]`, `[UNK]`, `[CLS]`, `[SEP]`, `[MASK]`. */
  readonly vocab: Readonly<Record<string, number>>;
  /** One row of `hidden` floats per token id (exactly representable in float32). */
  readonly embeddings: readonly (readonly number[])[];
  /** One float per token id: the classifier's per-token contribution to the logit. */
  readonly tokenScores: readonly number[];
  readonly maxLength: number;
}

const specialTokens = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;
const defaultWords = ['the', 'cat', 'dog', 'sat', 'on', 'mat', 'gzip', 'enable', 'key', 'rotate', 'api', 'port'];

/**
 * Writes a tiny BERT-shaped model folder (a few hundred bytes of ONNX, a WordPiece `tokenizer.json`, `config.json`,
 * `tokenizer_config.json`) that transformers.js and onnxruntime load like a real sentence-transformers export. The
 * ONNX graph takes `input_ids`, `attention_mask`, `token_type_ids` (int64 `[batch, sequence]`). The `embeddings` head
 * outputs `last_hidden_state` = `Gather(embeddings, input_ids)` `[batch, sequence, hidden]`, so pooled vectors can be
 * computed by hand from the returned table; the `classifier` head outputs `logits` `[batch, labels]` =
 * `ReduceSum(Gather(tokenScores, input_ids) * attention_mask)`. Tables are small integers and halves, so float32
 * arithmetic is exact. Written in JS (the ONNX protobuf is encoded by hand), no Python or download.
 *
 * @example
 * const model = await writeTinyBertModel(await mkdtemp(join(tmpdir(), 'tiny-')));
 * const embedder = createOnnxEmbedder({ modelPath: model.folder });
 */
export async function writeTinyBertModel(folder: string, options: TinyBertModelOptions = {}): Promise<TinyBertModel> {
  const head = options.head ?? 'embeddings';
  const hidden = options.hidden ?? 4;
  const maxLength = options.maxLength ?? 16;
  const tokens = [...specialTokens, ...(options.words ?? defaultWords)];
  const vocab = Object.fromEntries(tokens.map((token, id) => [token, id]));
  // [PAD] gets a large row and score, so a loader that ignores the attention mask is caught at once.
  const embeddings = tokens.map((_, id) => Array.from({ length: hidden }, (_unused, column) => (id === 0 ? 100 : ((id * 7 + column * 3) % 11) - 5 + (column % 2) / 2)));
  const tokenScores = tokens.map((_, id) => (id === 0 ? 1000 : id < specialTokens.length ? 0 : ((id * 5) % 9) - 4 + 0.5));
  const graph = head === 'embeddings' ? embeddingsGraph(embeddings, hidden) : classifierGraph(tokenScores, options.labels ?? 1);
  const modelFolder = options.layout === 'onnx' ? join(folder, 'onnx') : folder;
  await mkdir(modelFolder, { recursive: true });
  await writeFile(join(modelFolder, 'model.onnx'), encodeModel(graph));
  await writeFile(join(folder, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocab)));
  await writeFile(join(folder, 'config.json'), JSON.stringify(configJson(head, hidden, tokens.length, maxLength, options.labels ?? 1)));
  if (options.tokenizerConfig !== false) {
    const config = { tokenizer_class: 'BertTokenizer', model_max_length: maxLength, do_lower_case: true, pad_token: '[PAD]', unk_token: '[UNK]', cls_token: '[CLS]', sep_token: '[SEP]', mask_token: '[MASK]' };
    await writeFile(join(folder, 'tokenizer_config.json'), JSON.stringify(config));
  }
  return { folder, vocab, embeddings, tokenScores, maxLength };
}

function configJson(head: 'embeddings' | 'classifier', hidden: number, vocabSize: number, maxLength: number, labels: number): Record<string, unknown> {
  const base = { model_type: 'bert', hidden_size: hidden, vocab_size: vocabSize, max_position_embeddings: maxLength, num_hidden_layers: 0, type_vocab_size: 2 };
  if (head === 'embeddings') return { ...base, architectures: ['BertModel'] };
  const names = labels === 1 ? ['LABEL_0'] : ['not_relevant', 'relevant'];
  return { ...base, architectures: ['BertForSequenceClassification'], id2label: Object.fromEntries(names.map((name, index) => [String(index), name])), label2id: Object.fromEntries(names.map((name, index) => [name, index])) };
}

function tokenizerJson(vocab: Readonly<Record<string, number>>): Record<string, unknown> {
  const special = (token: string, typeId: number) => ({ SpecialToken: { id: token, type_id: typeId } });
  const sequence = (id: 'A' | 'B', typeId: number) => ({ Sequence: { id, type_id: typeId } });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: specialTokens.map((content) => ({ id: vocab[content], content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special('[CLS]', 0), sequence('A', 0), special('[SEP]', 0)],
      pair: [special('[CLS]', 0), sequence('A', 0), special('[SEP]', 0), sequence('B', 1), special('[SEP]', 1)],
      special_tokens: Object.fromEntries(['[CLS]', '[SEP]'].map((token) => [token, { id: token, ids: [vocab[token]], tokens: [token] }])),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
  };
}

// ---- The graphs (opset 13) ----

interface Graph {
  readonly nodes: readonly Uint8Array[];
  readonly initializers: readonly Uint8Array[];
  readonly outputs: readonly Uint8Array[];
}

const float = 1;
const int64 = 7;

function embeddingsGraph(table: readonly (readonly number[])[], hidden: number): Graph {
  return {
    nodes: [node('Gather', ['word_embeddings', 'input_ids'], ['last_hidden_state'])],
    initializers: [floatTensor('word_embeddings', [table.length, hidden], table.flat())],
    outputs: [valueInfo('last_hidden_state', float, ['batch', 'sequence', hidden])],
  };
}

function classifierGraph(scores: readonly number[], labels: 1 | 2): Graph {
  const sum = labels === 1 ? 'logits' : 'relevant';
  const nodes = [
    node('Gather', ['token_scores', 'input_ids'], ['scores']),
    node('Cast', ['attention_mask'], ['mask'], [intAttribute('to', float)]),
    node('Mul', ['scores', 'mask'], ['masked']),
    node('ReduceSum', ['masked', 'sum_axes'], [sum], [intAttribute('keepdims', 1)]),
  ];
  if (labels === 2) nodes.push(node('Neg', ['relevant'], ['not_relevant']), node('Concat', ['not_relevant', 'relevant'], ['logits'], [intAttribute('axis', 1)]));
  return {
    nodes,
    initializers: [floatTensor('token_scores', [scores.length], scores), int64Tensor('sum_axes', [1], [1])],
    outputs: [valueInfo('logits', float, ['batch', labels])],
  };
}

// ---- ONNX protobuf encoding (onnx.proto3 field numbers) ----

function encodeModel(graph: Graph): Uint8Array {
  const inputs = ['input_ids', 'attention_mask', 'token_type_ids'].map((name) => valueInfo(name, int64, ['batch', 'sequence']));
  const graphProto = concat([
    ...graph.nodes.map((part) => bytesField(1, part)),
    stringField(2, 'tiny_bert'),
    ...graph.initializers.map((part) => bytesField(5, part)),
    ...inputs.map((part) => bytesField(11, part)),
    ...graph.outputs.map((part) => bytesField(12, part)),
  ]);
  const opset = concat([stringField(1, ''), varintField(2, 13)]);
  return concat([varintField(1, 8), stringField(2, 'grounded'), bytesField(7, graphProto), bytesField(8, opset)]);
}

function node(opType: string, inputs: readonly string[], outputs: readonly string[], attributes: readonly Uint8Array[] = []): Uint8Array {
  return concat([
    ...inputs.map((name) => stringField(1, name)),
    ...outputs.map((name) => stringField(2, name)),
    stringField(3, `${opType}_${outputs[0] ?? ''}`),
    stringField(4, opType),
    ...attributes.map((attribute) => bytesField(5, attribute)),
  ]);
}

function intAttribute(name: string, value: number): Uint8Array {
  const attributeTypeInt = 2;
  return concat([stringField(1, name), varintField(3, value), varintField(20, attributeTypeInt)]);
}

function floatTensor(name: string, dims: readonly number[], values: readonly number[]): Uint8Array {
  const raw = new Uint8Array(new Float32Array(values).buffer);
  return concat([...dims.map((dim) => varintField(1, dim)), varintField(2, float), stringField(8, name), bytesField(9, raw)]);
}

function int64Tensor(name: string, dims: readonly number[], values: readonly number[]): Uint8Array {
  const raw = new Uint8Array(new BigInt64Array(values.map(BigInt)).buffer);
  return concat([...dims.map((dim) => varintField(1, dim)), varintField(2, int64), stringField(8, name), bytesField(9, raw)]);
}

function valueInfo(name: string, elementType: number, dims: readonly (string | number)[]): Uint8Array {
  const shape = concat(dims.map((dim) => bytesField(1, typeof dim === 'number' ? varintField(1, dim) : stringField(2, dim))));
  const tensorType = concat([varintField(1, elementType), bytesField(2, shape)]);
  return concat([stringField(1, name), bytesField(2, bytesField(1, tensorType))]);
}

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return bytes;
}

function varintField(field: number, value: number): Uint8Array {
  return Uint8Array.from([...varint(field * 8), ...varint(value)]);
}

function bytesField(field: number, bytes: Uint8Array): Uint8Array {
  return concat([Uint8Array.from([...varint(field * 8 + 2), ...varint(bytes.length)]), bytes]);
}

function stringField(field: number, text: string): Uint8Array {
  return bytesField(field, new TextEncoder().encode(text));
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const result = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}
