/** A stored evaluation run: a few summary fields for listing, and the whole report as JSON. */
export interface StoredEvalRun {
  readonly id: string;
  /** ISO time. */
  readonly createdAt: string;
  /** The golden set file the run scored. */
  readonly golden: string;
  /** Headline figures shown by `eval list`. */
  readonly summary: Readonly<Record<string, unknown>>;
  /** The full report, JSON. */
  readonly report: string;
}

/**
 * A knowledge base's evaluation history.
 *
 * @example
 * const latest = (await store.open('docs').runs.list())[0];
 */
export interface RunHistory {
  save(run: StoredEvalRun): Promise<void>;
  /** The history, newest first, without the full reports. */
  list(): Promise<Omit<StoredEvalRun, 'report'>[]>;
  /** One run by id or unique id prefix; undefined when none or several match. */
  get(idOrPrefix: string): Promise<StoredEvalRun | undefined>;
}
