/**
 * Per-IP timeline: counts per hour while scanning (one small map per IP), turned at the end into buckets
 * of an adaptive width so that the whole span fits in at most MAX_BUCKETS.
 */
import { BUCKET_HOURS, MAX_BUCKETS, MAX_TIMELINE_IPS } from './limits';
import type { GroupKind, IpTimeline, Timeline, TimelineBucket } from './types';

const HOUR = 60 * 60 * 1000;

/** deferred, bounced, suspended */
type Counts = [number, number, number];

export interface TimelineBuilder {
  add(ip: string, ms: number, kind: GroupKind, isDeferral: boolean): void;
  result(): Timeline;
}

export function createTimelineBuilder(): TimelineBuilder {
  const perIp = new Map<string, { total: number; hours: Map<number, Counts> }>();
  let minHour = Number.POSITIVE_INFINITY;
  let maxHour = Number.NEGATIVE_INFINITY;

  return {
    add(ip, ms, kind, isDeferral) {
      const hour = Math.floor(ms / HOUR);
      if (hour < minHour) minHour = hour;
      if (hour > maxHour) maxHour = hour;
      let entry = perIp.get(ip);
      if (!entry) {
        entry = { total: 0, hours: new Map() };
        perIp.set(ip, entry);
      }
      entry.total += 1;
      let counts = entry.hours.get(hour);
      if (!counts) {
        counts = [0, 0, 0];
        entry.hours.set(hour, counts);
      }
      if (kind === 'suspension') counts[2] += 1;
      else if (isDeferral) counts[0] += 1;
      else counts[1] += 1;
    },
    result() {
      if (perIp.size === 0) return { bucketMs: HOUR, start: null, end: null, ips: [] };
      const spanHours = maxHour - minHour + 1;
      const width =
        BUCKET_HOURS.find((h) => Math.ceil(spanHours / h) <= MAX_BUCKETS) ??
        Math.ceil(spanHours / MAX_BUCKETS);
      const first = Math.floor(minHour / width) * width;
      const count = Math.floor(maxHour / width) - first / width + 1;
      const ips: IpTimeline[] = [...perIp.entries()]
        .sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]))
        .slice(0, MAX_TIMELINE_IPS)
        .map(([ip, entry]) => {
          const buckets: TimelineBucket[] = Array.from({ length: count }, (_, i) => ({
            start: (first + i * width) * HOUR,
            deferred: 0,
            bounced: 0,
            suspended: 0,
          }));
          for (const [hour, [deferred, bounced, suspended]] of entry.hours) {
            const bucket = buckets[Math.floor(hour / width) - first / width];
            if (!bucket) continue;
            bucket.deferred += deferred;
            bucket.bounced += bounced;
            bucket.suspended += suspended;
          }
          return { ip, total: entry.total, buckets };
        });
      return { bucketMs: width * HOUR, start: first * HOUR, end: (first + count * width) * HOUR, ips };
    },
  };
}
