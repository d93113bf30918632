import { GroundedError } from '../../core/errors.js';
import { percentile } from './percentile.js';

/** Options of {@link pairedBootstrap}. */
export interface PairedBootstrapOptions {
  /** Resamples to draw; default 2000 (enough for a stable 95% percentile interval). */
  readonly iterations?: number;
  /** Seed of the PRNG; default 1, so equal inputs always give equal intervals. */
  readonly seed?: number;
  /** Coverage of the interval, in (0, 1); default 0.95. */
  readonly confidence?: number;
}

/** The observed difference of means and its bootstrap confidence interval. */
export interface PairedBootstrapResult {
  /** mean(b) - mean(a) on the original cases. */
  readonly delta: number;
  readonly low: number;
  readonly high: number;
}

// mulberry32 (Tommy Ettinger, public domain): a 32-bit PRNG, tiny and good enough for resampling indices.
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function invalid(message: string, hint: string, details: Record<string, unknown>): GroundedError {
  return new GroundedError('INVALID_ARGUMENT', message, { hint, details });
}

/**
 * Paired bootstrap of the difference of two systems' per-case scores on the same cases (`a[i]` and `b[i]` score
 * case i). Each of `iterations` resamples draws case indices with replacement (the same indices for both systems,
 * which is what makes it paired) and records mean(b) - mean(a) over them; the interval is the percentile interval
 * of those differences ((1 - confidence) / 2 and (1 + confidence) / 2 percentiles, linear interpolation).
 * Deterministic: the indices come from a seeded mulberry32 PRNG. An interval that excludes 0 means the difference
 * is unlikely to be resampling noise. No cases gives `{ delta: 0, low: 0, high: 0 }`.
 *
 * @throws GroundedError `INVALID_ARGUMENT` when the lengths differ, `iterations` is not a positive integer or
 *   `confidence` is outside (0, 1).
 * @example
 * pairedBootstrap([0, 1, 1, 0], [1, 1, 1, 0]); // { delta: 0.25, low: 0, high: 0.75 } (about)
 */
export function pairedBootstrap(a: readonly number[], b: readonly number[], options: PairedBootstrapOptions = {}): PairedBootstrapResult {
  const { iterations = 2000, seed = 1, confidence = 0.95 } = options;
  if (a.length !== b.length) {
    throw invalid(`paired bootstrap needs equal-length score lists, got ${a.length} and ${b.length}`, 'score both runs on the same cases, in the same order', { a: a.length, b: b.length });
  }
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw invalid(`bootstrap iterations must be a positive integer, got ${iterations}`, 'pass iterations >= 1 (default 2000)', { iterations });
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw invalid(`bootstrap confidence must lie in (0, 1), got ${confidence}`, 'pass e.g. 0.95', { confidence });
  }
  const count = a.length;
  if (count === 0) return { delta: 0, low: 0, high: 0 };
  const differences = a.map((value, index) => (b[index] ?? 0) - value);
  const random = mulberry32(seed);
  const means: number[] = [];
  for (let iteration = 0; iteration < iterations; iteration++) {
    let sum = 0;
    for (let draw = 0; draw < count; draw++) sum += differences[Math.floor(random() * count)] ?? 0;
    means.push(sum / count);
  }
  const tail = ((1 - confidence) / 2) * 100;
  return {
    delta: differences.reduce((sum, value) => sum + value, 0) / count,
    low: percentile(means, tail),
    high: percentile(means, 100 - tail),
  };
}
