import { GroundedError } from '../core/errors.js';
import type { KnowledgeBaseStore } from '../core/store/store.js';
import type { EvalRunReport } from '../eval/eval-run-report.js';

/**
 * A stored run's report by id, unique id prefix, `latest` or `previous` (the one before the latest).
 * Throws `RUN_NOT_FOUND` with the ids to choose from.
 *
 * @example
 * const baseline = await loadEvalRun(store.open('docs'), 'previous');
 */
export async function loadEvalRun(store: KnowledgeBaseStore, reference: string): Promise<EvalRunReport> {
  const history = await store.runs.list();
  const position = reference === 'latest' ? 0 : reference === 'previous' ? 1 : undefined;
  const id = position === undefined ? reference : history[position]?.id;
  const stored = id === undefined ? undefined : await store.runs.get(id);
  if (stored === undefined) {
    throw new GroundedError('RUN_NOT_FOUND', `no evaluation run '${reference}' in knowledge base '${store.name}'`, {
      details: { available: history.slice(0, 10).map((run) => run.id) },
      hint: history.length === 0 ? `run one first: grounded eval run --kb ${store.name} --golden FILE` : 'see grounded eval list for run ids',
    });
  }
  return JSON.parse(stored.report) as EvalRunReport;
}
