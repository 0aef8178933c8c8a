/**
 * Sending-side log and export formats checked against their published shapes, round 36
 * (test/fixtures/extract/audit36formats/SOURCES.md): Exchange Online's message trace saved as CSV,
 * Elastic/Logstash events of Postfix lines, Postal, GreenArrow and Zimbra's zmmsgtrace.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit36formats/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('Get-MessageTraceDetail saved with Export-Csv', () => {
  it('reads the Fail row as a tracking log’s: its UTC date, recipient, sender and the remote', async () => {
    const { incidents } = await extract(fixture('m365-trace-detail-export-csv.csv'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('exchange');
    expect(incident?.occurredAt).toBe('2024-03-04T09:12:02+00:00');
    expect(incident?.sources.occurredAt?.line).toBe(3);
    // Not the Outlook host of the MessageId column.
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.sendingDomain).toBe('example.com');
    expect([incident?.remoteHost, incident?.remoteIp]).toEqual(['smtp-in.orange.fr', '193.252.22.84']);
    expect(incident?.orange?.reason).toBe(506);
    // The Receive event's ClientIP is the submitting client's; Orange's address is never the sender's.
    expect(incident?.sendingIps).toEqual([]);
  });

  it('leaves a day-first culture’s date out, and says why', async () => {
    const { incidents } = await extract(fixture('m365-trace-detail-select-day-first.csv'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.occurredAt).toBeNull();
    expect(incident?.assumptions.map((a) => a.code)).toContain('date.ambiguous');
    expect([incident?.recipientDomain, incident?.sendingDomain, incident?.remoteIp]).toEqual([
      'orange.fr',
      'example.com',
      '193.252.22.84',
    ]);
  });
});

describe('Filebeat’s ECS events of Postfix’s log file', () => {
  it('names the sending host as the shipper does (its FQDN), with the date, sender and remote', async () => {
    const { incidents } = await extract(fixture('ecs-filebeat-postfix.ndjson'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.sendingHosts).toEqual(['mail.example.com']);
    expect(incident?.occurredAt).toBe('2024-03-04T10:12:03+01:00');
    expect(incident?.sources.occurredAt?.line).toBe(2);
    expect([incident?.sendingDomain, incident?.recipientDomain]).toEqual(['example.com', 'orange.fr']);
    expect([incident?.remoteHost, incident?.remoteIp]).toEqual(['smtp-in.orange.fr', '193.252.22.84']);
    // host.ip lists the shipper's interfaces, not the address the mail left from.
    expect(incident?.sendingIps).toEqual([]);
  });
});

describe('Logstash’s events after postfix-grok-patterns', () => {
  it('reads Kibana’s document of the smtp event (message after its prefix, program apart)', async () => {
    const { incidents } = await extract(fixture('logstash-postfix-grok-kibana-doc.json'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('postfix');
    expect(incident?.occurredAt).toBe('2024-03-04T09:12:03+00:00');
    expect(incident?.sendingHosts).toEqual(['mail.example.com']);
    expect([incident?.recipientDomain, incident?.remoteHost, incident?.remoteIp]).toEqual([
      'orange.fr',
      'smtp-in.orange.fr',
      '193.252.22.84',
    ]);
    expect(incident?.orange?.reason).toBe(506);
  });

  it('writes back the Postfix lines of events whose message was removed', async () => {
    const { incidents } = await extract(fixture('logstash-postfix-grok-fields-no-message.ndjson'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('postfix');
    expect([incident?.recipientDomain, incident?.sendingDomain]).toEqual(['orange.fr', 'example.com']);
    expect(incident?.sendingHosts).toEqual(['mail.example.com']);
    expect(incident?.occurredAt).toBe('2024-03-04T09:12:03+00:00');
    expect(incident?.sources.occurredAt?.line).toBe(2);
    expect(incident?.remoteIp).toBe('193.252.22.84');
  });
});

describe('Postal’s sender log (smtp_sender.log, Ruby Logger lines)', () => {
  it('reads each refusal with its session’s remote, recipient and the UTC the header names', async () => {
    const { incidents } = await extract(fixture('postal-smtp-sender.log'), options);
    expect(incidents.map((i) => [i.orange?.reason, i.occurredAt, i.remoteHost, i.remoteIp])).toEqual([
      [102, '2024-03-04T09:12:02+00:00', 'smtp-in.orange.fr', '80.12.242.15'],
      [506, '2024-03-04T09:12:03+00:00', 'smtp-in.orange.fr', '193.252.22.84'],
    ]);
    expect(incidents.map((i) => i.format)).toEqual(['postal', 'postal']);
    // The greeting's refusal names no recipient yet; the 506 one is the `Sending message` line's.
    expect(incidents.map((i) => i.recipientDomain)).toEqual([null, 'orange.fr']);
    // The Cloudmark link's address is the sender's; Orange's MX address never is.
    expect(incidents.map((i) => i.sendingIps)).toEqual([['198.51.100.23'], []]);
    expect(incidents[0]?.reply.text.endsWith('[102]')).toBe(true);
    expect(incidents.flatMap((i) => i.assumptions)).toEqual([]);
  });
});

describe('GreenArrow’s delivery attempt events', () => {
  it('takes the outbound MTA as the sending side and mx_hostname, mx_ip as the remote', async () => {
    const { incidents } = await extract(fixture('greenarrow-delivery-attempts.ndjson'), options);
    expect(
      incidents.map((i) => [i.orange?.reason, i.occurredAt, i.remoteHost, i.remoteIp, i.recipientDomain]),
    ).toEqual([
      [104, '2024-03-04T09:12:03+00:00', 'smtp-in.orange.fr', '80.12.242.15', 'orange.fr'],
      [102, '2024-03-04T09:27:05+00:00', 'smtp-in.orange.fr', '193.252.22.84', 'orange.fr'],
    ]);
    expect(incidents.map((i) => i.sendingIps)).toEqual([['198.51.100.23'], ['198.51.100.23']]);
    expect(incidents.map((i) => i.sendingHosts)).toEqual([
      ['mta23.mail.example.com'],
      ['mta23.mail.example.com'],
    ]);
  });
});

describe('zmmsgtrace with the amavis hop between the two passes through Zimbra’s MTA', () => {
  it('reads the deeper-indented leaving hop: its MTA, the sender above, never the webmail client', async () => {
    const { incidents } = await extract(fixture('zimbra-zmmsgtrace-amavis-hop.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.orange?.reason).toBe(506);
    expect(incident?.occurredAt).toBe('2024-03-04T10:12:03+00:00');
    expect(incident?.sendingHosts).toEqual(['mail.example.com']);
    expect(incident?.sources.sendingHosts?.line).toBe(12);
    expect([incident?.sendingDomain, incident?.recipientDomain]).toEqual(['example.com', 'orange.fr']);
    expect([incident?.remoteHost, incident?.remoteIp]).toEqual(['smtp-in.orange.fr', '193.252.22.84']);
    // 192.0.2.10 is the client that handed the message to Zimbra; 127.0.0.1 the content filter's hop.
    expect(incident?.sendingIps).toEqual([]);
  });
});

describe('Get-MessageTrace’s summary saved with Export-Csv', () => {
  it('gives no incident, and says the reply is in the message’s detail', async () => {
    const { incidents, warnings } = await extract(fixture('m365-trace-summary-export-csv.csv'), options);
    expect(incidents).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['input.message-trace-summary']);
    expect(warnings[0]?.text.en).toContain('jean.dupont@orange.fr');
    expect(warnings[0]?.text.en).toContain('Get-MessageTraceDetail');
  });
});
