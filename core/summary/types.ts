/**
 * Shapes of a large-log summary: Orange incidents grouped by sending IP, reason and time window, a
 * timeline per IP, the triggers of 999 suspensions, and the other providers' rejections counted aside.
 * Plain data only (it crosses the worker boundary with structuredClone and is printed as JSON).
 */
import type { Incident, TriggerRef } from '../types';

/** How a group's replies are classed: 4xx deferral, 5xx bounce, Orange's 99X suspension. */
export type GroupKind = 'deferral' | 'bounce' | 'suspension' | 'other';

/** One earlier error that triggered the 999s of a group, with how many of them it explains. */
export interface TriggerSummary {
  reason: number | null;
  token: string | null;
  count: number;
  /** The first such trigger seen (line, verbatim text, date). */
  example: TriggerRef;
}

export interface IncidentGroup {
  /** Stable id within one summary, e.g. `203.0.113.7|102|0`. */
  id: string;
  /** Sending IP, or null when the log line did not give one. */
  ip: string | null;
  /** When there is no IP: the sending host the group is keyed by (e.g. the syslog host of Postfix). */
  host: string | null;
  /** Orange's reason number (the `[NNN]`), or null (e.g. the SPF reply without a token). */
  reason: number | null;
  token: string | null;
  /** Basic SMTP code of the example reply. */
  code: number | null;
  kind: GroupKind;
  /** ISO 8601 dates of the earliest and latest incident, as the log wrote them (with offset). */
  firstSeen: string | null;
  lastSeen: string | null;
  count: number;
  /** Replies with a 4xx / 5xx basic code among `count`. */
  deferred: number;
  bounced: number;
  /** The first incident of the group, long texts cut (see MAX_TEXT); the ticket starts from it. */
  example: Incident;
  /** Distinct sending hosts and domains seen in the group (at most MAX_DISTINCT each). */
  hosts: string[];
  domains: string[];
  /** For suspensions: the earlier errors that triggered them, most frequent first. */
  triggers: TriggerSummary[];
  /** For suspensions: how many had no earlier error in the log. */
  untriggered: number;
}

export interface TimelineBucket {
  /** Start of the bucket, milliseconds since the epoch (UTC). */
  start: number;
  deferred: number;
  bounced: number;
  suspended: number;
}

export interface IpTimeline {
  /** The sending IP, or for incidents without one, the sending host name. */
  ip: string;
  total: number;
  /** Dense list of buckets, all IPs sharing `Timeline.start` and `Timeline.bucketMs`. */
  buckets: TimelineBucket[];
}

export interface Timeline {
  /** Bucket width: 1 h for a day of logs, wider for longer spans (at most MAX_BUCKETS buckets). */
  bucketMs: number;
  start: number | null;
  end: number | null;
  /** The IPs with the most Orange incidents first (at most MAX_TIMELINE_IPS). */
  ips: IpTimeline[];
}

/** Another provider's rejections, counted aside. */
export interface ProviderCount {
  /** Registrable domain of the rejecting host (google.com), else recipient domain, else IP. */
  provider: string;
  count: number;
  /**
   * Replies with a 4xx / 5xx basic code among `count`: the remote's verdict, whatever the MTA did next
   * (Postfix logs `status=deferred` for a 550 greeting and tries the next MX).
   */
  deferred: number;
  bounced: number;
  /** One verbatim reply (cut to MAX_TEXT). */
  exampleReply: string;
}

export interface SummaryTotals {
  /** Every incident given to `add`. */
  incidents: number;
  orange: number;
  others: number;
  /** Orange incidents without a date (in a group, not on the timeline). */
  undated: number;
  /** Orange incidents counted in the totals but in no group because MAX_GROUPS was reached. */
  ungrouped: number;
}

export interface IncidentSummary {
  /** Groups in chronological order of first occurrence. */
  groups: IncidentGroup[];
  timeline: Timeline;
  others: ProviderCount[];
  totals: SummaryTotals;
  /** The window that separates groups of the same IP and reason, in milliseconds. */
  windowMs: number;
}
