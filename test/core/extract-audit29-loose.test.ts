/**
 * Loose ends of the extraction engine's audits (test/fixtures/extract/audit29loose/SOURCES.md): Stalwart's
 * webhook events, journald's monotonic stamps, a yearless log under a dated reply, Brevo's dates.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit29loose/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('Stalwart’s webhook batch (`{"events": [...]}`, delivery events)', () => {
  it('reads the reply in each failure event’s data, once for a refusal and the DSN repeating it', async () => {
    const { incidents, warnings } = await extract(fixture('stalwart-webhook-batch.json'), options);
    expect(warnings.map((w) => w.code)).not.toContain('input.esp-no-reply');
    expect(
      incidents.map((i) => [
        i.occurredAt,
        i.reply.code,
        i.reply.enhanced,
        i.orange?.token,
        i.recipientDomain,
      ]),
    ).toEqual([
      ['2025-03-14T08:02:11+00:00', 550, null, 'OFR006_102', 'orange.fr'],
      ['2025-03-14T08:29:05+00:00', 550, '5.2.0', 'OFR_506', 'wanadoo.fr'],
      ['2025-03-14T08:40:03+00:00', 421, null, 'OFR_999', 'wanadoo.fr'],
    ]);
    for (const incident of incidents) {
      expect(incident.sendingDomain).toBe('lettres-exemple.fr');
      expect(incident.remoteHost).toBe('smtp-in.orange.fr');
    }
    // Only `delivery.connect` names the MX address: the refusal of its queue id takes it, as the text log
    // reader does; the other refusals have no connection event in the batch.
    expect(incidents.map((i) => i.remoteIp)).toEqual(['193.252.22.65', null, null]);
    expect(incidents[0]?.sources.remoteIp?.line).toBe(17);
    // Each value cited from its own event, though the batch repeats them (the connection's come first).
    expect(incidents.map((i) => [i.sources.occurredAt?.line, i.sources.remoteHost?.line])).toEqual([
      [24, 34],
      [55, 64],
      [72, 80],
    ]);
    // The address in Cloudmark's link; `localIp = 0.0.0.0` of the connection is none.
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.25']);
    expect(incidents[1]?.sendingIps).toEqual([]);
  });

  it('reads the events alike as a bare list or one per line, the DSN still once', async () => {
    const { events } = JSON.parse(fixture('stalwart-webhook-batch.json')) as { events: unknown[] };
    for (const text of [JSON.stringify(events, null, 2), events.map((e) => JSON.stringify(e)).join('\n')]) {
      const { incidents } = await extract(text, options);
      expect(incidents.map((i) => i.orange?.token)).toEqual(['OFR006_102', 'OFR_506', 'OFR_999']);
    }
  });

  it('takes the enhanced code of the DSN for the refusal it repeats, and a bound local address', async () => {
    const batch = JSON.parse(fixture('stalwart-webhook-batch.json')) as {
      events: { type: string; data: Record<string, unknown> }[];
    };
    const [, , dsn] = batch.events;
    const refusal = batch.events[3];
    if (!dsn || !refusal) throw new Error('fixture');
    refusal.data.details = 'mwinf5c22 ME Mail rejete. Mail rejected. OFR_506 [506]';
    refusal.data.localIp = '203.0.113.40';
    dsn.data = {
      ...refusal.data,
      to: 'paul.girard@wanadoo.fr',
      details:
        "Unexpected response from 'smtp-in.orange.fr': Code: 550, Enhanced code: 5.2.0, Message: mwinf5c22 ME Mail rejete. Mail rejected. OFR_506 [506]",
    };
    const { incidents } = await extract(JSON.stringify({ events: [dsn, refusal] }), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.enhanced).toBe('5.2.0');
    expect(incidents[0]?.occurredAt).toBe('2025-03-14T08:29:05+00:00');
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.40']);
  });
});

describe('`journalctl -o short-monotonic` (seconds since boot) before Postfix’s lines', () => {
  it('reads the lines as a classic syslog line’s, and leaves the date empty saying why', async () => {
    const { incidents } = await extract(fixture('journalctl-short-monotonic-postfix.log'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('postfix');
    expect(incident?.occurredAt).toBeNull();
    expect(incident?.sources.reply?.line).toBe(6);
    expect(incident?.assumptions.map((a) => a.code)).toContain('log-monotonic-time');
    expect(incident?.sendingDomain).toBe('lettres-exemple.fr');
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('193.252.22.65');
    expect(incident?.sendingIps).toEqual(['198.51.100.25']);
    expect(incident?.orange?.token).toBe('OFR006_102');
  });
});

describe('a yearless log line quoted under a dated reply or post takes its year from that date', () => {
  const codes = (i: { assumptions: { code: string }[] } | undefined) => i?.assumptions.map((a) => a.code);

  it('under Thunderbird’s `Le 03/12/2025 à 15:10, X a écrit :`, a year before the paste is read', async () => {
    const { incidents } = await extract(fixture('thunderbird-reply-quoting-yearless-postfix.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2025-12-03T14:02:11+00:00');
    expect(codes(incidents[0])).toContain('assumed-year-from-message');
    expect(codes(incidents[0])).not.toContain('assumed-year-and-zone');
    const note = incidents[0]?.assumptions.find((a) => a.code === 'assumed-year-from-message');
    expect(note?.text.fr).toContain('daté du 2025-12-03 15:10 (ligne 8)');
  });

  it('under Gmail’s `On Wed, Dec 3, 2025 at 3:10 PM X wrote:`', async () => {
    const gmail = fixture('thunderbird-reply-quoting-yearless-postfix.txt').replace(
      'Le 03/12/2025 à 15:10, Sophie Lambert a écrit :',
      'On Wed, Dec 3, 2025 at 3:10\u202fPM Sophie Lambert <sophie.lambert@atelier-exemple.fr> wrote:',
    );
    const { incidents } = await extract(gmail, options);
    expect(incidents[0]?.occurredAt).toBe('2025-12-03T14:02:11+00:00');
  });

  it('not for the replier’s own lines under a marked quote: those were written later', async () => {
    const own = fixture('thunderbird-reply-quoting-yearless-postfix.txt').replace(/^> (Dec {2}3 )/gm, '$1');
    const { incidents } = await extract(own, options);
    expect(incidents[0]?.occurredAt).toBe('2026-12-03T14:02:11+00:00');
    expect(codes(incidents[0])).toContain('assumed-year-and-zone');
  });

  it('under a FluxBB post’s `#1 Le 02/01/2026, à 09:14`: a line of 31 December is the year before', async () => {
    const later = { now: new Date('2027-03-01T12:00:00Z') };
    const { incidents } = await extract(fixture('fluxbb-post-yearless-postfix.txt'), later);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2025-12-31T23:58:02+00:00');
    expect(codes(incidents[0])).toContain('assumed-year-from-message');
    // Without the post's header, the year is chosen against "now", as before.
    const bare = fixture('fluxbb-post-yearless-postfix.txt').replace(/^#1 Le .*$/m, '');
    expect((await extract(bare, later)).incidents[0]?.occurredAt).toBe('2026-12-31T23:58:02+00:00');
  });
});

describe('Brevo’s webhook times (its page: `ts_epoch` and `ts_event` UTC, `date` without a zone)', () => {
  const brevo = () => fixture('brevo-soft-bounce-without-ts-epoch.json');

  it('without `ts_epoch`, reads `ts_event` and says it is the less sure of the two', async () => {
    const { incidents } = await extract(brevo(), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2025-11-20T09:12:44+00:00');
    expect(incidents[0]?.sources.occurredAt?.text).toContain('ts_event');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.brevo-ts-event');
  });

  it('reads `ts_epoch` first, without a note, in milliseconds or in seconds (Brevo’s own sample)', async () => {
    for (const epoch of ['1763629964223', '1763629964']) {
      const text = brevo().replace('"ts_event"', `"ts_epoch": ${epoch},\n  "ts_event"`);
      const { incidents } = await extract(text, options);
      expect(incidents[0]?.occurredAt).toBe('2025-11-20T09:12:44+00:00');
      expect(incidents[0]?.sources.occurredAt?.text).toContain('ts_epoch');
      expect(incidents[0]?.assumptions.map((a) => a.code)).not.toContain('date.brevo-ts-event');
    }
  });

  it('never reads `ts` nor the zone-less `date` as UTC: no date, and a note saying why', async () => {
    const text = brevo().replace(/^ {2}"ts_event": \d+,\n/m, '');
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.occurredAt).toBeNull();
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.brevo-zoneless-date');
  });
});
