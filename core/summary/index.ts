export { isSuspension, kindOf } from './classify';
export { exampleLineOf, groupToIncident } from './group-to-incident';
export { DEFAULT_WINDOW_MS } from './limits';
export type { LogSummaryResult, LogSummarySession } from './log-summary';
export { createLogSummary } from './log-summary';
export { providerOf } from './providers';
export type { IncidentSummariser, SummaryOptions } from './summary';
export { createIncidentSummary } from './summary';
export type * from './types';
