/**
 * What Orange's reason numbers mean: the project's reviewed knowledge base, one entry per reason (or
 * per range Orange groups: 20X, 39X, 99X). Written from the facts in the shared notes on Orange, each
 * entry saying how sure the source is (entry.ts). `verified: false` marks a reason known only from one
 * low-quality source. The entries are kept by the hundred of their number, in increasing order; the
 * lookups (by number, by id, by a reply's wording) are in ../reason-lookup.ts.
 */
import { CONNECTION_REASONS } from './connection';
import type { ReasonEntry } from './entry';
import { ENVELOPE_REASONS } from './envelope';
import { MESSAGE_REASONS } from './message';
import { RATE_LIMIT_REASONS } from './rate-limit';
import { SENDER_IDENTITY_REASONS } from './sender-identity';

export type { Persistence, Platform, ReasonEntry, Sureness } from './entry';

export const REASONS: readonly ReasonEntry[] = [
  ...CONNECTION_REASONS,
  ...SENDER_IDENTITY_REASONS,
  ...ENVELOPE_REASONS,
  ...MESSAGE_REASONS,
  ...RATE_LIMIT_REASONS,
];
