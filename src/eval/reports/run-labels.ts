import type { EvalRunReport } from '../eval-run-report.js';

// Keys that name a component inside a fingerprint's JSON settings, in the order they are tried.
const nameKeys = ['preset', 'provider', 'name', 'model', 'modelId'];
const maxDifferences = 3;

/**
 * Short labels telling runs apart in legends and table headers: `retriever / answerer (id)`. Each component is
 * the name in its fingerprint settings (`preset`, else `provider`, `name`, `model`), followed by up to three
 * settings whose values differ between the runs (`lexical k1=1.2`); a fingerprint that is not a JSON object is
 * used as it is, cut to 24 characters. `id` is the part of `runId` after its last `-` (the random suffix of
 * `20250101T120000-a1b2c3`), or the whole runId when it has none.
 *
 * @example
 * runLabels([report]); // ['lexical / extractive (a1b2c3)']
 */
export function runLabels(runs: readonly EvalRunReport[]): string[] {
  const retrievers = runs.map((run) => parseSettings(run.fingerprint.retriever));
  const answerers = runs.map((run) => parseSettings(run.fingerprint.answerer));
  return runs.map((run, index) => {
    const retriever = componentLabel(retrievers, index);
    const answerer = componentLabel(answerers, index);
    const suffix = run.runId.includes('-') ? run.runId.slice(run.runId.lastIndexOf('-') + 1) : run.runId;
    return `${retriever} / ${answerer} (${suffix})`;
  });
}

function parseSettings(fingerprint: string): Record<string, unknown> | string {
  try {
    const parsed: unknown = JSON.parse(fingerprint);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // Not JSON: shown as written.
  }
  return fingerprint.length > 24 ? `${fingerprint.slice(0, 23)}…` : fingerprint;
}

function componentLabel(all: readonly (Record<string, unknown> | string)[], index: number): string {
  const own = all[index];
  if (own === undefined) return '?';
  if (typeof own === 'string') return own;
  const nameKey = nameKeys.find((key) => typeof own[key] === 'string');
  const name = nameKey === undefined ? 'custom' : String(own[nameKey]);
  const objects = all.filter((settings): settings is Record<string, unknown> => typeof settings === 'object');
  const differing = [...new Set(objects.flatMap((settings) => Object.keys(settings)))]
    .filter((key) => key !== nameKey && key in own)
    .filter((key) => new Set(objects.map((settings) => JSON.stringify(settings[key]))).size > 1)
    .slice(0, maxDifferences)
    .map((key) => `${key}=${typeof own[key] === 'string' ? String(own[key]) : JSON.stringify(own[key])}`);
  return [name, ...differing].join(' ');
}
