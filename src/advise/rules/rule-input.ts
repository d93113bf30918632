import type { AdviceEvidence, Finding, SliceEvidence } from '../advice-report.js';
import type { AdvisorProfile } from '../advisor-profile-schema.js';

/** What every rule reads: the use-case profile, the measured evidence, and the slice being advised. */
export interface RuleInput {
  readonly profile: AdvisorProfile;
  readonly evidence: AdviceEvidence;
  /** The slice's measured failure mix; null when no eval run exists (the advice rests on the profile). */
  readonly slice: SliceEvidence | null;
}

/** A rule: a small pure function that returns its finding, or null when it does not apply. */
export type AdviceRule = (input: RuleInput) => Finding | null;
