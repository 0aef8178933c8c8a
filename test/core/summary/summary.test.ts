import { createIncidentSummary, exampleLineOf, groupToIncident } from '../../../core/summary';
import type { TriggerRef } from '../../../core/types';
import { defined, incident, REPLY_102, REPLY_104, REPLY_506, REPLY_999, REPLY_GMAIL } from './make-incident';

const A = '203.0.113.7';
const B = '198.51.100.23';

describe('createIncidentSummary: groups', () => {
  it('groups Orange incidents by sending IP and reason, with first/last seen, count and an example', () => {
    const s = createIncidentSummary();
    s.add(incident({ at: '2026-03-16T08:00:05+01:00', ip: A, reply: REPLY_102(A), line: 10 }));
    s.add(incident({ at: '2026-03-16T08:20:00+01:00', ip: B, reply: REPLY_102(B), line: 11 }));
    s.add(incident({ at: '2026-03-16T09:15:42+01:00', ip: A, reply: REPLY_102(A), line: 40 }));
    s.add(incident({ at: '2026-03-16T09:30:00+01:00', ip: A, reply: REPLY_104, line: 41 }));
    const { groups, totals } = s.result();
    expect(groups.map((g) => [g.ip, g.reason, g.count])).toEqual([
      [A, 102, 2],
      [B, 102, 1],
      [A, 104, 1],
    ]);
    const first = groups[0];
    expect(first?.firstSeen).toBe('2026-03-16T08:00:05+01:00');
    expect(first?.lastSeen).toBe('2026-03-16T09:15:42+01:00');
    expect(first?.example.reply.text).toBe(REPLY_102(A));
    expect(first?.kind).toBe('bounce');
    expect(first?.bounced).toBe(2);
    expect(exampleLineOf(defined(first))?.line).toBe(10);
    expect(exampleLineOf(defined(first))?.text).toContain('status=bounced');
    expect(groups[2]?.kind).toBe('deferral');
    expect(groups[2]?.deferred).toBe(1);
    expect(totals).toMatchObject({ incidents: 4, orange: 4, others: 0, undated: 0, ungrouped: 0 });
  });

  it('starts a new group when the same IP and reason come back more than 6 hours later', () => {
    const s = createIncidentSummary();
    s.add(incident({ at: '2026-03-16T08:00:00Z', ip: A, reply: REPLY_506, line: 1 }));
    s.add(incident({ at: '2026-03-16T13:59:00Z', ip: A, reply: REPLY_506, line: 2 })); // 5h59 later: same
    s.add(incident({ at: '2026-03-16T20:00:00Z', ip: A, reply: REPLY_506, line: 3 })); // 6h01 later: new
    s.add(incident({ at: '2026-03-16T06:30:00Z', ip: A, reply: REPLY_506, line: 4 })); // earlier, in reach
    const { groups } = s.result();
    expect(groups.map((g) => [g.firstSeen, g.lastSeen, g.count])).toEqual([
      ['2026-03-16T06:30:00Z', '2026-03-16T13:59:00Z', 3],
      ['2026-03-16T20:00:00Z', '2026-03-16T20:00:00Z', 1],
    ]);
    expect(new Set(groups.map((g) => g.id)).size).toBe(2);
  });

  it('takes the window as an option', () => {
    const s = createIncidentSummary({ windowMs: 30 * 60 * 1000 });
    s.add(incident({ at: '2026-03-16T08:00:00Z', ip: A, reply: REPLY_506, line: 1 }));
    s.add(incident({ at: '2026-03-16T09:00:00Z', ip: A, reply: REPLY_506, line: 2 }));
    expect(s.result().groups).toHaveLength(2);
  });

  it('keeps undated incidents in the latest group of their IP and reason, off the timeline', () => {
    const s = createIncidentSummary();
    s.add(incident({ at: '2026-03-16T08:00:00Z', ip: A, reply: REPLY_506, line: 1 }));
    s.add(incident({ at: null, ip: A, reply: REPLY_506, line: 2 }));
    const r = s.result();
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]?.count).toBe(2);
    expect(r.totals.undated).toBe(1);
    expect(r.timeline.ips[0]?.total).toBe(1);
  });
});

describe('createIncidentSummary: 999 suspensions', () => {
  const trigger = (line: number, reply: string, at: string): TriggerRef => ({
    line,
    text: `${at} mta1 postfix-out/smtp[501]: ... said: ${reply}`,
    occurredAt: at,
    token: /OFR\w+/.exec(reply)?.[0] ?? null,
    reason: Number(/\[(\d{3})\]$/.exec(reply)?.[1]),
  });

  it('gives each 999 group the earlier errors that triggered it, most frequent first', () => {
    const s = createIncidentSummary();
    const t102 = trigger(5, REPLY_102(A), '2026-03-16T07:58:00Z');
    const t104 = trigger(7, REPLY_104, '2026-03-16T08:01:00Z');
    s.add(incident({ at: '2026-03-16T08:00:00Z', ip: A, reply: REPLY_999, line: 6, trigger: t102 }));
    s.add(incident({ at: '2026-03-16T08:02:00Z', ip: A, reply: REPLY_999, line: 8, trigger: t104 }));
    s.add(incident({ at: '2026-03-16T08:03:00Z', ip: A, reply: REPLY_999, line: 9, trigger: t104 }));
    s.add(incident({ at: '2026-03-16T08:04:00Z', ip: A, reply: REPLY_999, line: 10, trigger: null }));
    const [group] = s.result().groups;
    expect(group?.kind).toBe('suspension');
    expect(group?.reason).toBe(999);
    expect(group?.count).toBe(4);
    expect(group?.triggers.map((t) => [t.reason, t.count, t.example.line])).toEqual([
      [104, 2, 7],
      [102, 1, 5],
    ]);
    expect(group?.untriggered).toBe(1);
    expect(groupToIncident(defined(group)).trigger?.line).toBe(5);
  });
});

describe('createIncidentSummary: other providers', () => {
  it('counts the other providers aside, by the registrable domain of the rejecting host', () => {
    const s = createIncidentSummary();
    for (let i = 0; i < 3; i++) {
      s.add(
        incident({
          at: '2026-03-16T08:00:00Z',
          ip: A,
          reply: REPLY_GMAIL,
          line: i + 1,
          orange: false,
          remoteHost: 'gmail-smtp-in.l.google.com',
          recipientDomain: 'gmail.com',
        }),
      );
    }
    s.add(
      incident({
        at: '2026-03-16T08:00:00Z',
        ip: A,
        reply: '421 4.7.0 [TSS04] Messages from 203.0.113.7 temporarily deferred due to unexpected volume',
        line: 9,
        orange: false,
        remoteHost: 'mta7.am0.yahoodns.net',
        recipientDomain: 'yahoo.com',
      }),
    );
    s.add(incident({ at: '2026-03-16T08:00:00Z', ip: A, reply: REPLY_102(A), line: 10 }));
    const r = s.result();
    expect(r.groups).toHaveLength(1);
    expect(r.others.map((p) => [p.provider, p.count, p.deferred, p.bounced])).toEqual([
      ['google.com', 3, 0, 3],
      ['yahoodns.net', 1, 1, 0],
    ]);
    expect(r.others[0]?.exampleReply).toBe(REPLY_GMAIL);
    expect(r.totals).toMatchObject({ incidents: 5, orange: 1, others: 4 });
  });
});

describe('createIncidentSummary: timeline', () => {
  it('counts each IP per hour over a day, deferrals, bounces and suspensions apart', () => {
    const s = createIncidentSummary();
    s.add(incident({ at: '2026-03-16T00:10:00Z', ip: A, reply: REPLY_104, line: 1 }));
    s.add(incident({ at: '2026-03-16T00:50:00Z', ip: A, reply: REPLY_102(A), line: 2 }));
    s.add(incident({ at: '2026-03-16T05:00:00Z', ip: A, reply: REPLY_999, line: 3 }));
    s.add(incident({ at: '2026-03-16T23:59:00Z', ip: B, reply: REPLY_102(B), line: 4 }));
    const { timeline } = s.result();
    expect(timeline.bucketMs).toBe(3_600_000);
    expect(timeline.start).toBe(Date.parse('2026-03-16T00:00:00Z'));
    expect(timeline.ips.map((t) => [t.ip, t.total, t.buckets.length])).toEqual([
      [A, 3, 24],
      [B, 1, 24],
    ]);
    const a = defined(timeline.ips[0]).buckets;
    expect(a[0]).toMatchObject({ deferred: 1, bounced: 1, suspended: 0 });
    expect(a[5]).toMatchObject({ deferred: 0, bounced: 0, suspended: 1 });
    expect(defined(timeline.ips[1]).buckets[23]).toMatchObject({ bounced: 1 });
  });

  it('widens the buckets when the log spans more than two days', () => {
    const s = createIncidentSummary();
    s.add(incident({ at: '2026-03-01T00:00:00Z', ip: A, reply: REPLY_506, line: 1 }));
    s.add(incident({ at: '2026-03-10T12:00:00Z', ip: A, reply: REPLY_506, line: 2 }));
    const { timeline } = s.result();
    expect(timeline.bucketMs).toBe(6 * 3_600_000);
    expect(defined(timeline.ips[0]).buckets.length).toBeLessThanOrEqual(48);
    expect(defined(timeline.ips[0]).buckets.reduce((n, b) => n + b.bounced, 0)).toBe(2);
  });
});

describe('createIncidentSummary: bounded memory', () => {
  it('stops opening groups past maxGroups and counts the rest', () => {
    const s = createIncidentSummary({ maxGroups: 2 });
    for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4']) {
      s.add(incident({ at: '2026-03-16T08:00:00Z', ip, reply: REPLY_102(ip), line: 1 }));
    }
    const r = s.result();
    expect(r.groups).toHaveLength(2);
    expect(r.totals.ungrouped).toBe(2);
    expect(r.timeline.ips).toHaveLength(4);
  });

  it('cuts a 1 MB reply in the kept example', () => {
    const s = createIncidentSummary();
    const long = `${REPLY_102(A)} ${'x'.repeat(1_000_000)}`;
    s.add(incident({ at: '2026-03-16T08:00:00Z', ip: A, reply: long, line: 1 }));
    const [group] = s.result().groups;
    expect(defined(group).example.reply.text.length).toBeLessThan(5000);
    expect(defined(exampleLineOf(defined(group))).text.length).toBeLessThan(5000);
  });
});

describe('groupToIncident', () => {
  it('fills the incident from the group: first occurrence, IP, hosts, domain, verbatim reply', () => {
    const s = createIncidentSummary();
    s.add(
      incident({
        at: '2026-03-16T09:00:00+01:00',
        ip: A,
        reply: REPLY_102(A),
        line: 20,
        host: 'mta2.example.com',
      }),
    );
    s.add(
      incident({
        at: '2026-03-16T08:00:00+01:00',
        ip: A,
        reply: REPLY_102(A),
        line: 30,
        host: 'mta1.example.com',
      }),
    );
    const [group] = s.result().groups;
    const current = groupToIncident(defined(group));
    expect(current.occurredAt).toBe('2026-03-16T08:00:00+01:00');
    expect(current.sendingIps).toEqual([A]);
    expect(current.sendingHosts).toEqual(['mta2.example.com', 'mta1.example.com']);
    expect(current.sendingDomain).toBe('example.com');
    expect(current.reply.text).toBe(REPLY_102(A));
    expect(current.orange).toEqual({ token: 'OFR006_102', reason: 102, server: 'mwinf5c04' });
    expect(current.isOrange).toBe(true);
  });
});
