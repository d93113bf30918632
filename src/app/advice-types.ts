// What the CLI and server need from the advisor layer, passed through the composition root (they may not import
// advise directly).
export type { AdviceAction, AdviceReport, Crossover, Recommendation, TrafficEvidence } from '../advise/advice-report.js';
export { advisorProfileFields } from '../advise/advisor-profile-fields.js';
export type { AdvisorProfile } from '../advise/advisor-profile-schema.js';
export type { ProfileField } from '../advise/profile-field.js';
export { formatAdviceText } from '../advise/format-advice-text.js';
export { interviewProfile, type InterviewIo } from '../advise/interview-profile.js';
export { renderAdviceReport } from '../advise/render-advice-report.js';
