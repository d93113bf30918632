import { getFastTextClass, getFastTextModule, type FastTextModel } from 'fasttext.wasm.js';
import type { CorpusVectors } from './corpus-vectors.js';

/** Settings of {@link trainSkipgramVectors}; defaults are fastText's unless said otherwise. */
export interface SkipgramOptions {
  /** Vector length. Default 100 (fastText); sensible range 50–300. */
  readonly dimensions?: number;
  /** Passes over the corpus. Default 5 (fastText); small corpora gain from 10–20. */
  readonly epochs?: number;
  /** Context window on each side. Default 5 (fastText); range 2–10. */
  readonly window?: number;
  /** Terms seen fewer times are left out. Default 2 (fastText's 5 drops too much of a small corpus); range 1–5. */
  readonly minCount?: number;
  /** Negative samples per positive. Default 5 (fastText); range 5–20. */
  readonly negatives?: number;
  /** Initial learning rate. Default 0.05 (fastText); range 0.01–0.1. */
  readonly learningRate?: number;
  /**
   * Character n-gram lengths `[min, max]`, or 0 to learn whole-term vectors only. Default 0: the terms are already
   * stemmed, and subwords make training ~4× slower (fastText's own default is [3, 6]).
   */
  readonly subwords?: readonly [number, number] | 0;
  /** SIF smoothing `a` of the term weight `a / (a + p(t))` (Arora et al. 2017). Default 1e-3; range 1e-4–1e-2. */
  readonly sifA?: number;
  /** Project out the first principal component of the training texts' vectors (SIF). Default true. */
  readonly removeCommonComponent?: boolean;
  /** fastText's seed; training runs on one thread, so equal seeds give equal vectors. Default 1. */
  readonly seed?: number;
}

/** First right singular vector of the rows (power iteration on the `d × d` Gram matrix). */
function firstComponent(rows: readonly Float64Array[], dimensions: number): Float32Array {
  const gram = new Float64Array(dimensions * dimensions);
  for (const row of rows) {
    for (let left = 0; left < dimensions; left++) {
      const value = row[left] ?? 0;
      if (value === 0) continue;
      for (let right = 0; right < dimensions; right++) gram[left * dimensions + right] = (gram[left * dimensions + right] ?? 0) + value * (row[right] ?? 0);
    }
  }
  let vector = new Float64Array(dimensions).fill(1 / Math.sqrt(dimensions));
  for (let iteration = 0; iteration < 200; iteration++) {
    const next = new Float64Array(dimensions);
    for (let left = 0; left < dimensions; left++) {
      let sum = 0;
      for (let right = 0; right < dimensions; right++) sum += (gram[left * dimensions + right] ?? 0) * (vector[right] ?? 0);
      next[left] = sum;
    }
    const norm = Math.sqrt(next.reduce((sum, value) => sum + value * value, 0));
    if (norm === 0) break;
    for (let index = 0; index < dimensions; index++) next[index] = (next[index] ?? 0) / norm;
    vector = next;
  }
  return Float32Array.from(vector);
}

/**
 * Trains skipgram term vectors (fastText, negative sampling, in WebAssembly on one thread) on analyzed chunks (one
 * line per chunk, terms in order), and weighs terms for SIF sentence vectors (Arora, Liang & Ma 2017): a text's
 * vector is `Σ count · a/(a + p(t)) · v_t` without its projection on the training texts' first principal component
 * (`embedTermCounts`). Needs no downloaded weights. Time: ~10 s per epoch per million terms without subwords.
 *
 * @example
 * const model = await trainSkipgramVectors(chunks.map((chunk) => analyzer.terms(chunk.text)), { epochs: 5 });
 */
export async function trainSkipgramVectors(documents: readonly (readonly string[])[], options: SkipgramOptions = {}): Promise<CorpusVectors> {
  const settings = {
    dimensions: options.dimensions ?? 100,
    epochs: options.epochs ?? 5,
    window: options.window ?? 5,
    minCount: options.minCount ?? 2,
    negatives: options.negatives ?? 5,
    learningRate: options.learningRate ?? 0.05,
    subwords: options.subwords ?? 0,
    sifA: options.sifA ?? 1e-3,
    removeCommonComponent: options.removeCommonComponent ?? true,
    seed: options.seed ?? 1,
  };
  const text = documents.map((terms) => terms.join(' ')).join('\n');
  const FastText = await getFastTextClass({ getFastTextModule });
  const trainer = new FastText();
  const [minn, maxn] = settings.subwords === 0 ? [0, 0] : settings.subwords;
  const model = (await trainer.trainUnsupervised(
    `data:text/plain;base64,${Buffer.from(text, 'utf8').toString('base64')}`,
    'skipgram',
    {
      loss: 'ns',
      dim: settings.dimensions,
      epoch: settings.epochs,
      ws: settings.window,
      minCount: settings.minCount,
      neg: settings.negatives,
      lr: settings.learningRate,
      minn,
      maxn,
      seed: settings.seed,
      verbose: 0,
    },
    // The binding calls this from the training loop and fails without one.
    () => {},
  )) as FastTextModel;
  const [words, frequencies] = model.getWords();
  const dimensions = settings.dimensions;
  const vocabulary: string[] = [];
  const counts: number[] = [];
  for (let index = 0; index < words.size(); index++) {
    const word = words.get(index);
    if (word === '</s>') continue;
    vocabulary.push(word);
    counts.push(frequencies.get(index));
  }
  const totalCount = counts.reduce((sum, count) => sum + count, 0);
  const termVectors = new Float32Array(vocabulary.length * dimensions);
  // One scratch buffer on the wasm heap: the wrapper's getWordVector allocates per call and never frees.
  const scratch = model.core._malloc(dimensions * 4);
  try {
    vocabulary.forEach((word, row) => {
      model.ft.getWordVector({ ptr: scratch, size: dimensions, buffer: model.core.HEAPU8.buffer }, word);
      termVectors.set(new Float32Array(model.core.HEAPU8.buffer, scratch, dimensions), row * dimensions);
    });
  } finally {
    model.core._free(scratch);
  }
  const termWeights = Float32Array.from(counts, (count) => settings.sifA / (settings.sifA + count / Math.max(totalCount, 1)));
  const terms = new Map(vocabulary.map((word, row) => [word, row]));
  const base: CorpusVectors = { kind: 'skipgram', dimensions, terms, termWeights, termVectors, termFrequency: 'raw', settings: JSON.stringify(settings) };
  if (!settings.removeCommonComponent) return base;
  const averages = documents.map((document) => {
    const sum = new Float64Array(dimensions);
    for (const term of document) {
      const row = terms.get(term);
      if (row === undefined) continue;
      const weight = (termWeights[row] ?? 0) / document.length;
      for (let dimension = 0; dimension < dimensions; dimension++) sum[dimension] = (sum[dimension] ?? 0) + weight * (termVectors[row * dimensions + dimension] ?? 0);
    }
    return sum;
  });
  return { ...base, commonComponent: firstComponent(averages, dimensions) };
}
