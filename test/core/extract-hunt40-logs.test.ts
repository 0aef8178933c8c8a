/**
 * MTA log shapes found in public sources, round 40 (test/fixtures/extract/hunt40logs/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { scanLogText } from '../../core/extract/logs/index';
import type { Incident } from '../../core/types';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/hunt40logs/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-06T12:00:00Z') };

const fields = (i: Incident) => [
  i.format,
  i.occurredAt,
  i.sendingIps,
  i.sendingHosts,
  i.sendingDomain,
  i.recipientDomain,
  i.remoteHost,
  i.remoteIp,
  i.reply.code,
  i.reply.enhanced,
  i.orange?.reason,
  i.sources.reply?.line,
];

describe('chasquid’s mail log', () => {
  it('reads its syslog lines: the reply inside chasquid’s words, the 999 linked to the 506 before it', async () => {
    const { incidents } = await extract(fixture('chasquid-syslog-506-then-999.log'), options);
    expect(incidents.map(fields)).toEqual([
      [
        'chasquid',
        '2026-03-01T10:15:02+00:00',
        [],
        ['mx1'],
        'shop.example.com',
        'orange.fr',
        null,
        null,
        550,
        '5.2.0',
        506,
        4,
      ],
      [
        'chasquid',
        '2026-03-01T10:41:19+00:00',
        [],
        ['mx1'],
        'shop.example.com',
        'wanadoo.fr',
        null,
        null,
        421,
        null,
        999,
        8,
      ],
    ]);
    // The reply stops before the `)` of chasquid's `(last: ...)`.
    expect(incidents[1]?.reply.text.endsWith('OFR004_999 [999]')).toBe(true);
    expect(incidents[1]?.trigger?.line).toBe(4);
    // The submitting client (`queued ip=192.0.2.33`) and the inbound refusal's client are no sending IP.
    expect(JSON.stringify(incidents)).not.toContain('192.0.2.33');
    expect(JSON.stringify(incidents)).not.toContain('198.51.100.200');
  });

  it('reads its file lines (Go’s local stamp, CRLF) in the assumed zone', async () => {
    const { incidents } = await extract(fixture('chasquid-file-crlf-104-416.log'), {
      ...options,
      assumeZone: 'Europe/Paris',
    });
    expect(incidents.map(fields)).toEqual([
      ['chasquid', '2024-03-01T10:15:06+01:00', [], [], null, 'orange.fr', null, null, 421, null, 104, 3],
      [
        'chasquid',
        '2024-03-01T10:21:09+01:00',
        [],
        [],
        'example.org',
        'wanadoo.fr',
        null,
        null,
        550,
        '5.1.1',
        416,
        4,
      ],
    ]);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('assumed-zone');
  });

  it('is read by the large-log scan too, its own refusals and failures without reply counted apart', () => {
    const result = scanLogText(fixture('chasquid-syslog-506-then-999.log'), { now: options.now });
    expect(result.formats).toEqual(['chasquid']);
    expect(result.incidents.map((i) => i.orange?.reason)).toEqual([506, 999]);
    expect(result.counts).toMatchObject({ delivered: 1, inboundRejections: 1, failuresWithoutReply: 1 });
  });
});

describe('Courier’s reply lines', () => {
  it('joins the lines of one reply and says where Courier cut a line at 128 characters', async () => {
    const { incidents } = await extract(fixture('courier-128-cut-and-multiline.log'), options);
    expect(incidents.map(fields)).toEqual([
      [
        'courier',
        '2026-03-04T09:12:40+00:00',
        [],
        ['relay'],
        'boutique.example.com',
        'orange.fr',
        null,
        null,
        550,
        '5.2.0',
        null,
        1,
      ],
      [
        'courier',
        '2026-03-04T09:13:02+00:00',
        ['203.0.113.41'],
        ['relay'],
        'boutique.example.com',
        'gmail.com',
        null,
        null,
        421,
        '4.7.28',
        undefined,
        6,
      ],
      [
        'courier',
        '2026-03-04T09:27:15+00:00',
        [],
        ['relay'],
        'boutique.example.com',
        'wanadoo.fr',
        null,
        null,
        550,
        null,
        102,
        11,
      ],
      [
        'courier',
        '2026-03-04T09:51:09+00:00',
        [],
        ['relay'],
        'boutique.example.com',
        'orange.fr',
        null,
        null,
        421,
        null,
        999,
        13,
      ],
    ]);
    // Gmail's four lines are one reply, read whole.
    expect(incidents[1]?.reply.text).toMatch(/^421 4\.7\.28 \[203\.0\.113\.41 15\] Our system .* - gsmtp$/);
    // The lines Courier cut say so, in its own words (not a paste's).
    const cut = (i: Incident | undefined) => i?.assumptions.filter((a) => a.code === 'log-reply-cut') ?? [];
    expect(cut(incidents[0]).map((a) => a.text.en)).toEqual([
      expect.stringContaining('first 128 characters'),
    ]);
    expect(cut(incidents[2])).toHaveLength(1);
    expect(cut(incidents[1])).toEqual([]);
    expect(cut(incidents[3])).toEqual([]);
    expect(incidents[3]?.trigger?.line).toBe(11);
  });
});

describe('A sending IP cut by an ellipsis', () => {
  const status = (tail: string) =>
    `Mar 16 02:27:30 mta1 postfix/smtp[5058]: 4PcV4K5FPLz3tBr: to=<a@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=1, delays=0/0/1/0, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=${tail}`;

  it('is no sending IP (it may have lost its last digits), in a link or after the token', async () => {
    for (const line of [
      status('198.51.100.20...'),
      status('198.51.100.20…'),
      'Mar 16 02:27:30 mta1 postfix/smtp[5058]: 4PcV4K5FPLz3tBr: to=<a@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=1, delays=0/0/1/0, dsn=5.0.0, status=bounced (host smtp-in.orange.fr[193.252.22.65] said: 550 5.7.1 Service refuse. OFR006_103 203.0.113.2... (in reply to RCPT TO command))',
    ]) {
      const { incidents } = await extract(line, options);
      expect(incidents).toHaveLength(1);
      expect(incidents[0]?.sendingIps).toEqual([]);
      expect(incidents[0]?.remoteIp).toBe('193.252.22.65');
    }
  });

  it('is still read whole before the link’s end or the reason', async () => {
    const { incidents } = await extract(`${status('198.51.100.201 [102])')}`, options);
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.201']);
  });
});

describe('journalctl -o json-pretty', () => {
  it('is read by the large-log scan as the lines its objects wrap, the 999 linked to the 102', () => {
    const result = scanLogText(fixture('journalctl-json-pretty-102-then-999.json'), { now: options.now });
    expect(result.formats).toEqual(['postfix']);
    expect(
      result.incidents.map((i) => [
        i.occurredAt,
        i.sendingIps,
        i.sendingHosts,
        i.sendingDomain,
        i.orange?.reason,
      ]),
    ).toEqual([
      ['2024-03-01T09:15:05+00:00', ['203.0.113.7'], ['mta1'], 'shop.example.com', 102],
      ['2024-03-01T09:45:12+00:00', ['203.0.113.7'], ['mta1'], 'shop.example.com', 999],
    ]);
    expect(result.incidents[1]?.trigger?.reason).toBe(102);
    // The sources are the objects' first lines.
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([21, 61]);
  });
});

describe('mox’s logfmt records', () => {
  it('reads its queue’s failure records behind journald’s prefix, the MX from the delivery’s cid', async () => {
    const { incidents } = await extract(fixture('mox-journal-506-then-999.log'), options);
    expect(incidents.map(fields)).toEqual([
      [
        'mox',
        '2026-03-01T10:15:04+00:00',
        [],
        ['mail'],
        'shop.example.com',
        'orange.fr',
        'smtp-in.orange.fr',
        '193.252.22.65',
        550,
        '5.2.0',
        506,
        3,
      ],
      [
        'mox',
        '2026-03-01T10:41:27+00:00',
        [],
        ['mail'],
        'shop.example.com',
        'wanadoo.fr',
        'smtp-in.orange.fr',
        null,
        421,
        null,
        999,
        5,
      ],
    ]);
    // The reply is what smtpclient wrote after `permanent: `/`transient: `, not mox's own words.
    expect(incidents[1]?.reply.text).toBe(
      '421 mwinf5c18 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_999 [999]',
    );
    expect(incidents[1]?.trigger?.line).toBe(3);
  });

  it('is read by the large-log scan, the debug record’s copy of the error left out', () => {
    const result = scanLogText(fixture('mox-journal-506-then-999.log'), { now: options.now });
    expect(result.formats).toEqual(['mox']);
    expect(result.incidents.map((i) => i.orange?.reason)).toEqual([506, 999]);
    expect(result.counts.delivered).toBe(1);
  });
  it('reads them behind `docker compose logs -t` (mox’s docker-compose.yml), dated by the container’s stamp', async () => {
    const { incidents } = await extract(fixture('mox-compose-t-102-crlf.log'), options);
    expect(incidents.map(fields)).toEqual([
      [
        'mox',
        '2024-03-04T08:02:12+00:00',
        ['198.51.100.77'],
        [],
        'asso.example.org',
        'orange.fr',
        'smtp-in.orange.fr',
        null,
        550,
        null,
        102,
        2,
      ],
    ]);
    const scan = scanLogText(fixture('mox-compose-t-102-crlf.log'), { now: options.now });
    expect(scan.incidents.map((i) => [i.occurredAt, i.orange?.reason])).toEqual([
      ['2024-03-04T08:02:12Z', 102],
    ]);
    expect(scan.counts.delivered).toBe(1);
  });
});
