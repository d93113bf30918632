import type { AdvisorProfile } from './advisor-profile-schema.js';

/** How an interview answer is read for a field. */
export type ProfileFieldKind = 'choice' | 'boolean' | 'number' | 'integer' | 'list' | 'text' | 'optional-number';

/** One profile field for people: the question the interview asks, what it changes, and its choices. */
export interface ProfileField {
  readonly name: keyof AdvisorProfile;
  readonly kind: ProfileFieldKind;
  readonly question: string;
  /** What the answer changes, and why the default is what it is. */
  readonly explanation: string;
  readonly choices?: readonly string[];
  /** How the default reads when it is not a plain value. */
  readonly defaultText?: string;
}
