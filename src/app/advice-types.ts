// What the CLI and server need from the advisor layer, passed through the composition root (they may not import
// advise directly).
export type { AdviceAction, AdviceReport, Crossover, Recommendation, TrafficEvidence } from '../advise/advice-report.js';
export type { AdvisorProfile, ProfileField } from '../advise/advisor-profile-schema.js';
export { advisorProfileFields } from '../advise/advisor-profile-schema.js';
export { formatAdviceText } from '../advise/format-advice-text.js';
export { interviewProfile, type InterviewIo } from '../advise/interview-profile.js';
export { renderAdviceReport } from '../advise/render-advice-report.js';
