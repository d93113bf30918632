import {
  adviceActions,
  type AdviceAction,
  type AdviceEvidence,
  type Confidence,
  type EvidenceValue,
  type Finding,
  type Recommendation,
  type SliceEvidence,
} from './advice-report.js';
import { describeExpectedEffect } from './describe-expected-effect.js';

/** What {@link combineFindings} weighs for one slice. */
export interface CombineInput {
  readonly slice: string;
  readonly findings: readonly Finding[];
  readonly evidence: AdviceEvidence;
  /** The slice's measured evidence; null when no eval run exists. */
  readonly sliceEvidence: SliceEvidence | null;
}

/** Measured cases behind a `high` confidence; `medium` needs {@link mediumCases}. */
const highCases = 50;
const mediumCases = 20;

interface Vote {
  readonly finding: Finding;
  readonly action: AdviceAction;
  /** Set when a block moved the vote (fine-tune -> prompting while examples are collected; hybrid -> rag). */
  readonly deferredFrom?: AdviceAction;
}

/**
 * Weighs the findings of one slice into one recommendation:
 * 1. blocked votes move to the fallback: `fine-tune` to `prompt-and-structured-output` (then fine-tune), `hybrid`
 *    to `rag`;
 * 2. when the measured system already is RAG, `rag` votes are reasons to keep retrieval, not a change;
 * 3. `fine-tune` and `rag` both with weight >= 2 merge into `hybrid` (unless the fine-tune vote drops retrieval
 *    for latency, which is then a warning);
 * 4. the action with the most weight wins; ties go to the cheaper, more reversible action (`adviceActions` order);
 *    no vote at all means `none`.
 * Confidence: measured winners are `high` from 50 cases, `medium` from 20, else `low`; profile-only winners are
 * `medium` when two or more rules agree with a margin of at least 2, else `low`.
 *
 * @example
 * const recommendation = combineFindings({ slice: 'all', findings, evidence, sliceEvidence: evidence.slices[0] ?? null });
 */
export function combineFindings(input: CombineInput): Recommendation {
  const blocked = new Set(input.findings.flatMap((finding) => (finding.effect === 'block' ? (finding.blocks ?? []) : [])));
  const votes = input.findings.flatMap((finding): Vote[] => {
    if (finding.effect !== 'recommend' || finding.action === undefined) return [];
    if (!blocked.has(finding.action)) return [{ finding, action: finding.action }];
    const fallback: AdviceAction = finding.action === 'hybrid' ? 'rag' : 'prompt-and-structured-output';
    return [{ finding, action: fallback, deferredFrom: finding.action }];
  });
  const ragIsStatusQuo = input.sliceEvidence !== null && input.evidence.strategy === 'rag';
  const kept = ragIsStatusQuo ? votes.filter((vote) => vote.action === 'rag') : [];
  const warnings: string[] = [];
  const active = mergeIntoHybrid(ragIsStatusQuo ? votes.filter((vote) => vote.action !== 'rag') : votes, kept, blocked, warnings);
  const weightOf = (action: AdviceAction): number =>
    active.filter((vote) => vote.action === action).reduce((sum, vote) => sum + vote.finding.weight, 0);
  const ranked = adviceActions
    .map((action) => ({ action, weight: weightOf(action) }))
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || adviceActions.indexOf(a.action) - adviceActions.indexOf(b.action));
  const action = ranked[0]?.action ?? 'none';
  const winning = active.filter((vote) => vote.action === action).sort((a, b) => b.finding.weight - a.finding.weight);
  const notes = input.findings.filter((finding) => finding.effect === 'note');
  const { reasons, then, focus, measureNext } = explainWinner(action, winning, kept, ranked, input.findings);
  return {
    slice: input.slice,
    action,
    then,
    focus,
    reasons,
    evidence: { ...sliceNumbers(input), ...Object.assign({}, ...winning.map((vote) => vote.finding.evidence)) },
    expectedEffect: describeExpectedEffect(action, winning.map((vote) => vote.finding), input.sliceEvidence),
    measureNext,
    confidence: confidenceOf(winning, ranked, input.sliceEvidence),
    warnings: [...warnings, ...notes.map((finding) => finding.reason)],
    findings: input.findings,
  };
}

/** The reasons, next step, focus and follow-up measurements of the winning action, strongest first. */
function explainWinner(
  action: AdviceAction,
  winning: readonly Vote[],
  kept: readonly Vote[],
  ranked: readonly { action: AdviceAction; weight: number }[],
  findings: readonly Finding[],
): { reasons: string[]; then: AdviceAction | null; focus: string[]; measureNext: string[] } {
  const notes = findings.filter((finding) => finding.effect === 'note');
  const blocks = findings.filter((finding) => finding.effect === 'block');
  const deferred = winning.some((vote) => vote.deferredFrom !== undefined);
  const retrievalAction = action === 'rag' || action === 'improve-retrieval' || action === 'hybrid';
  const reasons = [
    ...winning.map((vote) => (vote.deferredFrom === undefined ? vote.finding.reason : `${vote.finding.reason} (${vote.deferredFrom} deferred)`)),
    ...(action === 'hybrid' ? [] : kept.map((vote) => `keep retrieval: ${vote.finding.reason}`)),
    ...(deferred ? blocks.map((finding) => `not ${finding.blocks?.join(' or ')} yet: ${finding.reason}`) : []),
    ...ranked.slice(1).map((entry) => `outweighed: ${entry.action} (weight ${entry.weight} vs ${ranked[0]?.weight ?? 0})`),
  ];
  const then = winning.find((vote) => vote.deferredFrom !== undefined)?.deferredFrom ?? winning.map((vote) => vote.finding.then).find((next) => next !== undefined) ?? null;
  return {
    reasons: reasons.length === 0 ? ['no rule calls for a change'] : reasons,
    then: then === action ? null : then,
    focus: unique([
      ...winning.flatMap((vote) => vote.finding.focus ?? []),
      ...(retrievalAction ? kept.flatMap((vote) => vote.finding.focus ?? []) : []),
      ...notes.flatMap((finding) => finding.focus ?? []),
    ]),
    measureNext: unique([
      ...winning.flatMap((vote) => vote.finding.measureNext ?? []),
      ...(deferred ? blocks.flatMap((finding) => finding.measureNext ?? []) : []),
      ...notes.flatMap((finding) => finding.measureNext ?? []),
    ]),
  };
}

/**
 * Step 3: `fine-tune` and retrieval (`rag`, counting kept votes) both with weight >= 2 become `hybrid`; when the
 * fine-tune vote drops retrieval for latency it stays, and a warning says why retrieval cannot simply go.
 */
function mergeIntoHybrid(active: readonly Vote[], kept: readonly Vote[], blocked: ReadonlySet<AdviceAction>, warnings: string[]): readonly Vote[] {
  const weightOf = (action: AdviceAction, among: readonly Vote[]): number =>
    among.filter((vote) => vote.action === action).reduce((sum, vote) => sum + vote.finding.weight, 0);
  if (weightOf('fine-tune', active) < 2 || weightOf('rag', active) + weightOf('rag', kept) < 2 || blocked.has('hybrid')) return active;
  if (active.some((vote) => vote.action === 'fine-tune' && vote.finding.focus?.includes('no-retrieval'))) {
    warnings.push('the latency fix drops retrieval, but the profile needs retrieval (citations or changing facts): measure a faster retriever first');
    return active;
  }
  return [
    ...active.map((vote) => (vote.action === 'fine-tune' || vote.action === 'rag' ? { ...vote, action: 'hybrid' as const } : vote)),
    ...kept.map((vote) => ({ ...vote, action: 'hybrid' as const })),
  ];
}

function confidenceOf(winning: readonly Vote[], ranked: readonly { weight: number }[], slice: SliceEvidence | null): Confidence {
  if (slice !== null && (winning.length === 0 || winning.some((vote) => vote.finding.basis === 'measured'))) {
    return slice.cases >= highCases ? 'high' : slice.cases >= mediumCases ? 'medium' : 'low';
  }
  const margin = (ranked[0]?.weight ?? 0) - (ranked[1]?.weight ?? 0);
  return winning.length >= 2 && margin >= 2 ? 'medium' : 'low';
}

function sliceNumbers(input: CombineInput): Record<string, EvidenceValue> {
  const slice = input.sliceEvidence;
  if (slice === null) return { measuredCases: 0 };
  const numbers: Record<string, EvidenceValue> = {
    cases: slice.cases,
    failed: slice.failed,
    passRate: slice.cases === 0 ? 0 : (slice.cases - slice.failed) / slice.cases,
    ...Object.fromEntries(Object.entries(slice.failures).map(([kind, count]) => [`failures.${kind}`, count])),
    recallAt5: slice.recallAt5,
    recallAt10: slice.recallAt10,
  };
  if (slice.behaviourCases > 0) numbers['behaviourPassRate'] = slice.behaviourPassRate;
  if (input.slice === 'all' && input.evidence.latency !== null) {
    numbers['retrieveP95Ms'] = input.evidence.latency.retrieveP95Ms;
    numbers['generateP95Ms'] = input.evidence.latency.generateP95Ms;
    numbers['totalP95Ms'] = input.evidence.latency.totalP95Ms;
  }
  if (input.slice === 'all' && input.evidence.contextTokensPerRequest !== null) numbers['contextTokensPerRequest'] = input.evidence.contextTokensPerRequest;
  return numbers;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
