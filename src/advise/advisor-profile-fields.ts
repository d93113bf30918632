import { costProfileFields } from './cost-profile-fields.js';
import type { ProfileField } from './profile-field.js';
import { useCaseProfileFields } from './use-case-profile-fields.js';

/**
 * Every profile field in interview order, with its question and explanation. docs/advisor.md lists the same; a
 * test holds this list and the schema together.
 */
export const advisorProfileFields: readonly ProfileField[] = [...useCaseProfileFields, ...costProfileFields];
