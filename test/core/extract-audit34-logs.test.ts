/**
 * MTA log excerpts as people paste them, round 34 (test/fixtures/extract/audit34logs/SOURCES.md):
 * maddy's journal (each record a line of text then a JSON object, the records of one message tied by
 * their `msg_id`), Haraka behind docker compose, Exchange's and Exchange Online's tracking output.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit34logs/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('maddy’s journal with its debug lines', () => {
  it('reads each failure as an incident, dated by its line, with the address maddy sent from', async () => {
    const { incidents, warnings } = await extract(fixture('maddy-journal-506-then-102.log'), options);
    expect(
      incidents.map((i) => [i.orange?.reason, i.reply.code, i.recipientDomain, i.sendingDomain, i.remoteIp]),
    ).toEqual([
      [506, 550, 'orange.fr', 'example.com', '193.252.22.65'],
      [102, 550, 'wanadoo.fr', 'example.org', '80.12.242.15'],
    ]);
    // `local_addr` of the connection to the server that refused; never the client's `src_ip`.
    expect(incidents.map((i) => i.sendingIps)).toEqual([['192.0.2.25'], ['192.0.2.26']]);
    expect(incidents[0]?.sources.sendingIps?.line).toBe(7);
    expect(incidents[0]?.sources.sendingDomain?.line).toBe(1);
    // The syslog stamp gives neither year nor zone: both are assumed, and said.
    expect(incidents.map((i) => i.occurredAt)).toEqual([
      '2026-05-18T05:04:03+00:00',
      '2026-05-18T05:11:41+00:00',
    ]);
    expect(incidents[0]?.sources.occurredAt?.line).toBe(8);
    expect(incidents[0]?.assumptions.map((a) => a.text.en).join(' ')).toContain(
      'neither the year nor the time zone',
    );
    expect(warnings.some((w) => w.code === 'missing.occurredAt' || w.code === 'missing.sendingDomain')).toBe(
      false,
    );
  });
});

describe('maddy’s journal without debug lines (journalctl -o short-iso)', () => {
  it('takes the date and zone of the line and the sender of the message, and no sending address', async () => {
    const { incidents } = await extract(fixture('maddy-short-iso-506.log'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2025-03-12T10:14:03+01:00');
    expect(incidents[0]?.sendingDomain).toBe('example.com');
    expect(incidents[0]?.sendingIps).toEqual([]);
  });
});

describe('Haraka’s log behind `docker compose logs`’ service name', () => {
  it('dates each rejection by the stamp after the service name', async () => {
    const { incidents } = await extract(fixture('haraka-compose-506-then-102.log'), options);
    expect(incidents.map((i) => [i.orange?.reason, i.occurredAt, i.sendingDomain, i.remoteIp])).toEqual([
      [506, '2025-07-11T23:24:18+00:00', 'example.com', '193.252.22.65'],
      [102, '2025-07-11T23:31:02+00:00', 'example.org', '80.12.242.15'],
    ]);
    expect(incidents[0]?.sources.occurredAt?.line).toBe(5);
  });
});

describe('Exchange Online’s Get-MessageTraceDetail as Format-List prints it', () => {
  it('dates the refusal by the Fail event’s `Date`, in UTC as the cmdlet gives it', async () => {
    const { incidents } = await extract(fixture('exo-messagetracedetail-fl-506.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2024-03-12T09:14:03+00:00');
    expect(incidents[0]?.sources.occurredAt?.line).toBe(15);
    expect(incidents[0]?.assumptions.map((a) => a.code)).not.toContain('assumed-zone');
    expect([incidents[0]?.orange?.reason, incidents[0]?.sendingDomain, incidents[0]?.remoteIp]).toEqual([
      506,
      'example.com',
      '193.252.22.65',
    ]);
  });
});

describe('maddy’s log on its standard error (Docker)', () => {
  it('reads its records without a stamp, each failure its own incident with its own recipient', async () => {
    const { incidents } = await extract(fixture('maddy-stderr-debug-no-stamp.log'), options);
    expect(incidents.map((i) => [i.reply.code, i.recipientDomain, i.sendingDomain, i.sendingIps])).toEqual([
      [550, 'orange.fr', 'example.com', ['192.0.2.25']],
      [550, 'wanadoo.fr', 'example.org', ['192.0.2.26']],
    ]);
    expect(incidents.map((i) => i.occurredAt)).toEqual([null, null]);
  });

  it('behind `docker compose logs -t`, dates each failure by the stamp after the service name', async () => {
    const { incidents } = await extract(fixture('maddy-compose-t-506-then-102.log'), options);
    expect(incidents.map((i) => [i.occurredAt, i.recipientDomain, i.remoteIp])).toEqual([
      ['2026-05-18T05:04:03+00:00', 'orange.fr', '193.252.22.65'],
      ['2026-05-18T05:11:41+00:00', 'wanadoo.fr', '80.12.242.15'],
    ]);
    expect(incidents[0]?.assumptions.map((a) => a.code)).not.toContain('assumed-zone');
  });
});

describe('Get-MessageTrackingLog | fl, two FAIL events, {IP=} the last tag', () => {
  it('takes each event’s remote address from its own IP tag', async () => {
    const { incidents } = await extract(fixture('exchange-tracking-fl-two-events-ip-last.txt'), options);
    expect(incidents).toHaveLength(2);
    const [first, second] = incidents;
    expect(first?.remoteHost).toBe('smtp-in.orange.fr');
    expect(first?.remoteIp).toBe('193.252.22.84');
    expect(first?.sendingDomain).toBe('example.com');
    expect(first?.orange?.reason).toBe(506);
    expect(second?.remoteIp).toBe('80.12.242.15');
    expect(second?.sendingIps).toEqual(['198.51.100.33']);
    expect(second?.sendingDomain).toBe('example.org');
    expect(second?.recipientDomain).toBe('wanadoo.fr');
  });
});

describe('Get-MessageTraceDetail | fl: Receive, then Fail with {LRT=} empty', () => {
  it('dates the refusal by the Fail event’s own `Date :`, not the Receive’s', async () => {
    const { incidents } = await extract(fixture('m365-trace-detail-fl-receive-then-fail.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.occurredAt).toBe('2024-03-04T09:12:02+00:00');
    expect(incident?.remoteIp).toBe('193.252.22.84');
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.orange?.reason).toBe(506);
  });
});

describe('Exchange Online’s extended message trace report (CSV)', () => {
  it('reads the FAIL row as a tracking log’s: its UTC date, sender, recipient and remote', async () => {
    const { incidents } = await extract(fixture('m365-extended-trace-report-receive-fail.csv'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('exchange');
    expect(incident?.occurredAt).toBe('2024-03-04T09:12:02+00:00');
    expect(incident?.sendingDomain).toBe('example.com');
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('193.252.22.84');
    expect(incident?.orange?.reason).toBe(506);
  });
});

describe('Get-MessageTraceDetail’s table under the command that asked for it', () => {
  it('takes the recipient from -RecipientAddress, not the -SenderAddress before it', async () => {
    const { incidents } = await extract(fixture('m365-trace-detail-table-with-command.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.sources.recipientDomain?.line).toBe(1);
    expect(incident?.occurredAt).toBe('2024-03-04T09:12:02+00:00');
    expect(incident?.remoteIp).toBe('193.252.22.84');
  });
});
