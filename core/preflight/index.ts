/** Pre-flight checks: public surface of core/preflight. */

export { type DkimSelector, findDkimSelectors } from './dkim';
export type { DnsAnswer, DnsFailure, DnsLookup, MxRecord } from './dns';
export { DNSBL_LISTS, type DnsblId, dnsblQueryName } from './dnsbl-lists';
export { preflightFindings } from './findings';
export { planPreflight } from './plan';
export { arpaName, reversedIp } from './reverse-name';
export { checkSubject, couldNotRun, type RunOptions, runPreflightCheck } from './run';
export { evaluateSpf, type SpfOutcome, type SpfResult } from './spf/evaluate';
export { preflightTicketLine } from './ticket-line';
export type {
  PreflightCheck,
  PreflightInput,
  PreflightKind,
  PreflightResult,
  PreflightStatus,
} from './types';
