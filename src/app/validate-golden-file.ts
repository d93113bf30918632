import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { GroundedConfig } from '../config/config-schema.js';
import { readGoldenSet } from '../eval/datasets/read-golden-set.js';
import { validateGoldenSet } from '../eval/datasets/validate-golden-set.js';
import { openKnowledgeBase } from './open-knowledge-base.js';

/** One broken case of a golden set, with the line it is on. */
export interface GoldenFileProblem {
  readonly line: number;
  readonly caseId?: string;
  readonly reason: string;
}

/**
 * Checks a golden set against a knowledge base: malformed lines and duplicate ids (from reading), unknown documents
 * and quotes not found in their document (exact, or only when ignoring white space or case), each with its line.
 *
 * @example
 * const { cases, problems } = await validateGoldenFile({ config, kb: 'docs', golden: 'golden.jsonl' });
 */
export async function validateGoldenFile(options: { config: GroundedConfig; kb: string; golden: string }): Promise<{
  cases: number;
  sources: number;
  problems: GoldenFileProblem[];
}> {
  const { cases, problems: readProblems } = readGoldenSet(options.golden);
  const kb = openKnowledgeBase({ config: options.config, kb: options.kb });
  try {
    await kb.store.generation();
    const texts = await kb.documentTexts([...new Set(cases.flatMap((entry) => entry.sources.map((source) => source.doc)))]);
    const validation = validateGoldenSet(cases, (key) => texts.get(key));
    const lines = caseLines(options.golden);
    const problems: GoldenFileProblem[] = [
      ...readProblems,
      ...validation.problems.map((problem) => ({
        line: lines.get(problem.caseId) ?? 0,
        caseId: problem.caseId,
        reason: `${problem.doc}: ${problem.reason}`,
      })),
    ].sort((a, b) => a.line - b.line);
    return { cases: cases.length, sources: validation.sources, problems };
  } finally {
    await kb.close();
  }
}

/** Case id -> 1-based line of its first occurrence. */
function caseLines(path: string): Map<string, number> {
  const bytes = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  const lines = new Map<string, number>();
  for (const [index, line] of text.split('\n').entries()) {
    const id = /"id"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(line)?.[1];
    if (id !== undefined && !lines.has(id)) lines.set(id, index + 1);
  }
  return lines;
}
