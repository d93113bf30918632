import type { Store } from '../core/store.js';
import { GroundedError } from '../core/errors.js';
import type { EvalRunReport } from '../eval/eval-run-report.js';

/**
 * A stored run's report by id, unique id prefix, `latest` or `previous` (the one before the latest).
 * Throws `RUN_NOT_FOUND` with the ids to choose from.
 *
 * @example
 * const baseline = loadEvalRun(store, 'docs', 'previous');
 */
export function loadEvalRun(store: Store, kb: string, reference: string): EvalRunReport {
  const history = store.listEvalRuns(kb);
  const position = reference === 'latest' ? 0 : reference === 'previous' ? 1 : undefined;
  const id = position === undefined ? reference : history[position]?.id;
  const stored = id === undefined ? undefined : store.getEvalRun(kb, id);
  if (stored === undefined) {
    throw new GroundedError('RUN_NOT_FOUND', `no evaluation run '${reference}' in knowledge base '${kb}'`, {
      details: { available: history.slice(0, 10).map((run) => run.id) },
      hint: history.length === 0 ? `run one first: grounded eval run --kb ${kb} --golden FILE` : 'see grounded eval list for run ids',
    });
  }
  return JSON.parse(stored.report) as EvalRunReport;
}
