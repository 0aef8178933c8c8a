/**
 * The incremental summariser of a large log: `add` every incident the scanner finds, `result` at any
 * time. Orange incidents are grouped by sending IP, reason and time window (DEFAULT_WINDOW_MS: an
 * incident more than the window away from every group of its IP and reason starts a new one); the
 * others are counted by provider. Memory grows with the number of groups, IPs and hours, never with
 * the number of incidents (see limits.ts).
 */
import type { Incident } from '../types';
import { isBounceCode, isDeferralCode, kindOf, reasonKeyOf, timeOf } from './classify';
import { addDistinct, DEFAULT_WINDOW_MS, MAX_GROUPS, MAX_TRIGGERS } from './limits';
import { createProviderCounter } from './providers';
import { createTimelineBuilder } from './timeline';
import { trimIncident } from './trim';
import type { IncidentGroup, IncidentSummary, SummaryTotals, TriggerSummary } from './types';

export interface SummaryOptions {
  /** Gap that separates two groups of the same IP and reason; default 6 hours. */
  windowMs?: number;
  /** Most groups kept; default MAX_GROUPS. */
  maxGroups?: number;
}

export interface IncidentSummariser {
  add(incident: Incident): void;
  result(): IncidentSummary;
}

interface OpenGroup {
  group: IncidentGroup;
  firstMs: number | null;
  lastMs: number | null;
  triggers: Map<string, TriggerSummary>;
}

export function createIncidentSummary(options: SummaryOptions = {}): IncidentSummariser {
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
  const maxGroups = options.maxGroups ?? MAX_GROUPS;
  const byKey = new Map<string, OpenGroup[]>();
  const all: OpenGroup[] = [];
  const timeline = createTimelineBuilder();
  const providers = createProviderCounter();
  const totals: SummaryTotals = { incidents: 0, orange: 0, others: 0, undated: 0, ungrouped: 0 };

  function findGroup(candidates: OpenGroup[], ms: number | null): OpenGroup | undefined {
    if (ms === null) return candidates[candidates.length - 1];
    return candidates.find(
      (g) =>
        g.firstMs === null || g.lastMs === null || (ms >= g.firstMs - windowMs && ms <= g.lastMs + windowMs),
    );
  }

  function openGroup(
    key: string,
    incident: Incident,
    ip: string | null,
    host: string | null,
  ): OpenGroup | undefined {
    if (all.length >= maxGroups) return undefined;
    const candidates = byKey.get(key) ?? [];
    const example = trimIncident(incident);
    const open: OpenGroup = {
      group: {
        id: `${key}|${candidates.length}`,
        ip,
        host: ip ? null : host,
        reason: incident.orange?.reason ?? null,
        token: incident.orange?.token ?? null,
        code: incident.reply.code,
        kind: kindOf(incident),
        firstSeen: null,
        lastSeen: null,
        count: 0,
        deferred: 0,
        bounced: 0,
        example,
        hosts: [],
        domains: [],
        triggers: [],
        untriggered: 0,
      },
      firstMs: null,
      lastMs: null,
      triggers: new Map(),
    };
    candidates.push(open);
    byKey.set(key, candidates);
    all.push(open);
    return open;
  }

  function addToGroup(open: OpenGroup, incident: Incident, ms: number | null): void {
    const g = open.group;
    g.count += 1;
    if (isDeferralCode(incident.reply.code)) g.deferred += 1;
    else if (isBounceCode(incident.reply.code)) g.bounced += 1;
    if (ms !== null) {
      if (open.firstMs === null || ms < open.firstMs) {
        open.firstMs = ms;
        g.firstSeen = incident.occurredAt;
      }
      if (open.lastMs === null || ms > open.lastMs) {
        open.lastMs = ms;
        g.lastSeen = incident.occurredAt;
      }
    }
    for (const host of incident.sendingHosts) addDistinct(g.hosts, host);
    addDistinct(g.domains, incident.sendingDomain);
    if (g.kind !== 'suspension') return;
    const trigger = incident.trigger;
    if (!trigger) {
      g.untriggered += 1;
      return;
    }
    const key = `${trigger.reason ?? ''}|${trigger.token ?? ''}`;
    const known = open.triggers.get(key);
    if (known) known.count += 1;
    else if (open.triggers.size < MAX_TRIGGERS) {
      open.triggers.set(key, {
        reason: trigger.reason,
        token: trigger.token,
        count: 1,
        example: { ...trigger },
      });
    }
  }

  return {
    add(incident) {
      totals.incidents += 1;
      if (!incident.isOrange) {
        totals.others += 1;
        providers.add(incident);
        return;
      }
      totals.orange += 1;
      // Without a sending IP (Postfix logs none), the sending host stands in for it.
      const ip = incident.sendingIps[0] ?? null;
      const host = ip ? null : (incident.sendingHosts[0] ?? null);
      const sender = ip ?? host;
      const ms = timeOf(incident);
      const key = `${sender ?? ''}|${reasonKeyOf(incident)}`;
      if (ms === null) totals.undated += 1;
      else if (sender) timeline.add(sender, ms, kindOf(incident), isDeferralCode(incident.reply.code));
      const open = findGroup(byKey.get(key) ?? [], ms) ?? openGroup(key, incident, ip, host);
      if (!open) {
        totals.ungrouped += 1;
        return;
      }
      addToGroup(open, incident, ms);
    },
    result() {
      const groups = [...all]
        .sort(
          (a, b) =>
            (a.firstMs ?? Number.POSITIVE_INFINITY) - (b.firstMs ?? Number.POSITIVE_INFINITY) ||
            a.group.id.localeCompare(b.group.id),
        )
        .map((open) => ({
          ...open.group,
          hosts: [...open.group.hosts],
          domains: [...open.group.domains],
          triggers: [...open.triggers.values()]
            .map((t) => ({ ...t, example: { ...t.example } }))
            .sort((a, b) => b.count - a.count),
        }));
      return {
        groups,
        timeline: timeline.result(),
        others: providers.result(),
        totals: { ...totals },
        windowMs,
      };
    },
  };
}
