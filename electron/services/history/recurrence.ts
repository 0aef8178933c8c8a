/**
 * Recurrence ("this IP was blocked by Orange 3 times in the last 30 days") and incidents per week per IP
 * or reason, computed from the index's live entries.
 */
import ipaddr from 'ipaddr.js';
import { refusedElsewhere } from '../../../core/orange/other-provider';
import type { Recurrence, RecurrenceMatch, WeeklyStats } from './schema';
import type { IndexEntry } from './search-index';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-05 was a Monday: weeks start on Mondays, UTC (ISO 8601). */
const FIRST_MONDAY_MS = 4 * DAY_MS;

/** One spelling per address (IPv6 compressed, IPv4-mapped IPv6 as IPv4); unparsable text kept as is. */
export function normalizeIp(ip: string): string {
  const trimmed = ip.trim();
  try {
    return ipaddr.process(trimmed).toString();
  } catch {
    return trimmed.toLowerCase();
  }
}

const normalizeDomain = (domain: string) => domain.trim().toLowerCase().replace(/\.$/, '');

export function findRecurrence(
  entries: IndexEntry[],
  query: { ip?: string | null; domain?: string | null; days: number; excludeId?: string },
  now: Date,
): Recurrence {
  const since = now.getTime() - query.days * DAY_MS;
  const recent = entries.filter((e) => e.at >= since && e.record.id !== query.excludeId);
  const match = (value: string, test: (e: IndexEntry) => boolean): RecurrenceMatch => {
    const ids = recent.filter(test).map((e) => e.record.id);
    return { value, count: ids.length, ids };
  };
  const ip = query.ip ? normalizeIp(query.ip) : null;
  const domain = query.domain ? normalizeDomain(query.domain) : null;
  return {
    days: query.days,
    since: new Date(since).toISOString(),
    // The IP's count says "blocked by Orange": another provider's refusal kept in the history (a Gmail
    // refusal of the same IP) is left out, as the advice card tells it apart (core/orange/other-provider.ts).
    ip: ip
      ? match(
          ip,
          (e) =>
            !refusedElsewhere(e.record.incident) &&
            e.record.incident.sendingIps.some((x) => normalizeIp(x) === ip),
        )
      : null,
    domain: domain
      ? match(domain, (e) => {
          const d = e.record.incident.sendingDomain;
          return d !== null && normalizeDomain(d) === domain;
        })
      : null,
  };
}

export const weekStart = (ms: number) =>
  Math.floor((ms - FIRST_MONDAY_MS) / WEEK_MS) * WEEK_MS + FIRST_MONDAY_MS;

/** Incidents per week over the last `weeks` weeks (this one included), the `top` busiest keys apart. */
export function weeklyStats(
  entries: IndexEntry[],
  options: { by: 'ip' | 'reason'; weeks: number; top: number },
  now: Date,
): WeeklyStats {
  const last = weekStart(now.getTime());
  const first = last - (options.weeks - 1) * WEEK_MS;
  const weeks = Array.from({ length: options.weeks }, (_, i) =>
    new Date(first + i * WEEK_MS).toISOString().slice(0, 10),
  );
  const counts = new Map<string, number[]>();
  for (const entry of entries) {
    if (entry.at < first || entry.at >= last + WEEK_MS) continue;
    const week = Math.floor((entry.at - first) / WEEK_MS);
    const keys =
      options.by === 'ip'
        ? [...new Set(entry.record.incident.sendingIps.map(normalizeIp))]
        : [String(entry.record.incident.orange?.reason ?? 'none')];
    for (const key of keys.length ? keys : ['none']) {
      let row = counts.get(key);
      if (!row) {
        row = new Array<number>(options.weeks).fill(0);
        counts.set(key, row);
      }
      row[week] = (row[week] ?? 0) + 1;
    }
  }
  const series = [...counts]
    .map(([key, row]) => ({ key, counts: row, total: row.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : 1));
  const kept = series.slice(0, options.top);
  const rest = series.slice(options.top);
  if (rest.length > 0) {
    const row = new Array<number>(options.weeks).fill(0);
    for (const s of rest) {
      for (let i = 0; i < row.length; i += 1) row[i] = (row[i] ?? 0) + (s.counts[i] ?? 0);
    }
    kept.push({ key: 'other', counts: row, total: row.reduce((a, b) => a + b, 0) });
  }
  return { by: options.by, weeks, series: kept };
}
