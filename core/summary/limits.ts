/**
 * Bounds that keep a summary's memory independent of the log's size: it holds groups, per-hour counts
 * and a few examples, never the list of incidents.
 */

/**
 * Incidents of the same IP and reason more than 6 hours apart start a new group. Orange suspends an IP
 * for about 2 hours after a 999 (the founding document) and deferrals are retried for hours: 6 hours
 * keeps one episode (block, retries, suspension) together and separates the next day's.
 */
export const DEFAULT_WINDOW_MS = 6 * 60 * 60 * 1000;

/** Beyond this many groups, further new groups are only counted (`totals.ungrouped`). */
export const MAX_GROUPS = 5000;

/** Beyond this many providers, the others' rejections are counted under one `(other)` line. */
export const MAX_PROVIDERS = 500;

/** Longest text kept for an example (an Orange reply is about 250 characters; lines may be 1 MB). */
export const MAX_TEXT = 4096;

/** Distinct hosts / domains kept per group. */
export const MAX_DISTINCT = 8;

/** Distinct triggers kept per suspension group. */
export const MAX_TRIGGERS = 8;

/** Timeline: at most this many buckets, and this many IPs (those with the most incidents). */
export const MAX_BUCKETS = 48;
export const MAX_TIMELINE_IPS = 100;

/** Bucket widths tried in order, in hours. */
export const BUCKET_HOURS: readonly number[] = [1, 2, 3, 6, 12, 24, 48, 168, 720];

export function cutText(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

/** Adds `value` to a small list of distinct values, keeping at most `max`. */
export function addDistinct(list: string[], value: string | null | undefined, max = MAX_DISTINCT): void {
  if (value && list.length < max && !list.includes(value)) list.push(value);
}
