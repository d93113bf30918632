import type { z } from 'zod';
import { GroundedError } from '../../core/errors.js';
import type { GoldenCase } from '../../core/golden-case.js';
import { goldenCaseSchema } from './golden-case-schema.js';
import { readTextFile } from './read-text-file.js';

/** A golden-set line that was dropped, or kept with a warning; `line` is 1-based. */
export interface GoldenSetProblem {
  readonly line: number;
  readonly reason: string;
}

/**
 * Reads a golden set (JSON Lines, see docs/golden-set.md; gzip is fine) and keeps the valid cases in file
 * order. Every bad line is reported with its 1-based number and the rest still loads: malformed JSON, a missing or
 * mistyped field, an unknown `kind` or check type, a duplicate `id` (the first wins), an `unanswerable` case with
 * answers or sources, an `answerable` case with neither. A `synthesis` case with fewer than two sources is kept and
 * reported as a warning (reason ending in "(kept)"). Blank lines are ignored.
 *
 * Throws `PATH_NOT_FOUND` when the file is missing and `INVALID_DATA` when no line is a valid case.
 *
 * @example
 * const { cases, problems } = readGoldenSet('eval/golden.jsonl');
 * for (const { line, reason } of problems) console.warn(`golden.jsonl:${line}: ${reason}`);
 */
export function readGoldenSet(path: string): { cases: GoldenCase[]; problems: GoldenSetProblem[] } {
  const cases: GoldenCase[] = [];
  const problems: GoldenSetProblem[] = [];
  const firstLineOfId = new Map<string, number>();
  for (const [index, content] of readTextFile(path).split('\n').entries()) {
    const line = index + 1;
    if (content.trim() === '') continue;
    const result = readCase(content);
    if ('reason' in result) {
      problems.push({ line, reason: result.reason });
      continue;
    }
    const golden = result.golden;
    const firstLine = firstLineOfId.get(golden.id);
    if (firstLine !== undefined) {
      problems.push({ line, reason: `duplicate id '${golden.id}' (first at line ${firstLine})` });
      continue;
    }
    firstLineOfId.set(golden.id, line);
    if (result.warning !== undefined) problems.push({ line, reason: result.warning });
    cases.push(golden);
  }
  if (cases.length === 0) {
    const first = problems[0];
    throw new GroundedError('INVALID_DATA', `${path} holds no valid golden case${first ? ` (line ${first.line}: ${first.reason})` : ''}`, {
      details: { path, problems: problems.slice(0, 20) },
      hint: 'write one {"id","question","answers","sources","kind"} object per line (see docs on the golden-set format)',
    });
  }
  return { cases, problems };
}

type CaseResult = { golden: GoldenCase; warning?: string } | { reason: string };

function readCase(content: string): CaseResult {
  let record: unknown;
  try {
    record = JSON.parse(content);
  } catch (error) {
    return { reason: `malformed JSON: ${(error as Error).message}` };
  }
  const parsed = goldenCaseSchema.safeParse(record);
  if (!parsed.success) return { reason: describeIssues(parsed.error.issues) };
  const golden: GoldenCase = parsed.data;
  const id = `case '${golden.id}'`;
  const { answers, sources } = golden;
  switch (golden.kind) {
    case 'unanswerable':
      if (answers.length > 0 || sources.length > 0) {
        return { reason: `${id} is unanswerable but has ${answers.length} answer(s) and ${sources.length} source(s); both must be empty` };
      }
      return { golden };
    case 'answerable':
      if (answers.length === 0 && sources.length === 0) return { reason: `${id} is answerable but has no answers and no sources` };
      return { golden };
    case 'synthesis':
      if (answers.length === 0 && sources.length === 0) return { reason: `${id} is synthesis but has no answers and no sources` };
      if (sources.length < 2) return { golden, warning: `${id} is synthesis but has ${sources.length} source(s); expected at least two (kept)` };
      return { golden };
  }
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path.map((key, at) => (typeof key === 'number' ? `[${key}]` : `${at > 0 ? '.' : ''}${String(key)}`)).join('');
      const message = /received undefined$/.test(issue.message) ? 'required field is missing' : issue.message;
      return path === '' ? message : `field '${path}': ${message}`;
    })
    .join('; ');
}
