/**
 * MTA log shapes found in public posts and documentation, round 39
 * (test/fixtures/extract/hunt39logs/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/hunt39logs/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-06T12:00:00Z') };

describe('Postfix through socklog and svlogd -tt (Void Linux)', () => {
  it('reads the Postfix line behind the priority, dated by svlogd’s UTC stamp', async () => {
    const { incidents } = await extract(fixture('socklog-svlogd-utc-orange.log'), options);
    expect(
      incidents.map((i) => [
        i.format,
        i.occurredAt,
        i.sendingIps,
        i.sendingHosts,
        i.sendingDomain,
        i.remoteHost,
        i.remoteIp,
        i.recipientDomain,
        i.orange?.reason,
        i.sources.reply?.line,
      ]),
    ).toEqual([
      [
        'postfix',
        '2025-11-03T08:14:03+00:00',
        [],
        [],
        'boutique.example.com',
        'smtp-in.orange.fr',
        '80.12.242.10',
        'orange.fr',
        104,
        5,
      ],
      [
        'postfix',
        '2025-11-03T08:41:21+00:00',
        ['203.0.113.87'],
        [],
        'boutique.example.com',
        'smtp-in.orange.fr',
        '193.252.22.84',
        'wanadoo.fr',
        102,
        9,
      ],
    ]);
    // svlogd's stamp has the year and is UTC: nothing was assumed.
    expect(incidents.flatMap((i) => i.assumptions.map((a) => a.code))).not.toContain('assumed-year-and-zone');
  });
});

describe('Postfix in an s6-overlay container, s6-socklog without stamps, CRLF', () => {
  it('reads each refusal with its sender, dated by the Message-ID Postfix made', async () => {
    const { incidents } = await extract(fixture('s6-socklog-container-crlf.log'), options);
    expect(
      incidents.map((i) => [
        i.format,
        i.occurredAt,
        i.sendingIps,
        i.sendingDomain,
        i.remoteIp,
        i.orange?.token,
        i.sources.reply?.line,
      ]),
    ).toEqual([
      ['postfix', '2025-01-07T14:35:10+00:00', [], 'example.org', '80.12.24.81', 'OFR004_999', 4],
      [
        'postfix',
        '2025-02-14T08:02:42+00:00',
        ['192.0.2.140'],
        'example.org',
        '193.252.22.65',
        'OFR006_100',
        7,
      ],
    ]);
    expect(incidents[0]?.reply.text.endsWith('OFR004_999 [999]')).toBe(true);
  });

  it('says the year and zone are assumed when no line shows them', async () => {
    const text = fixture('s6-socklog-container-crlf.log').replace(/^.*message-id=.*\r\n/m, '');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.occurredAt)).toEqual([
      '2026-01-07T14:35:10+00:00',
      '2026-02-14T08:02:42+00:00',
    ]);
    expect(incidents.every((i) => i.assumptions.some((a) => a.code === 'assumed-year-and-zone'))).toBe(true);
  });

  it('reads the stamps s6-log and svlogd put before the priority', async () => {
    const line =
      'mail.info: Mar  4 09:12:02 postfix/smtp[88]: 5B1C2D3E4F: to=<jean@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=1, delays=0/0/1/0, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 421 mwinf5c18 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_999 [999])';
    const stamped: [string, string][] = [
      // s6-log's `t` and svlogd's `-t`: TAI64N (2^62 + 10 + the Unix seconds 1741079522).
      [`@4000000067c6c3ec0b1e3a40 ${line}`, '2025-03-04T09:12:02+00:00'],
      // svlogd's `-ttt`: UTC.
      [`2025-03-04T08:12:02.53112 ${line}`, '2025-03-04T08:12:02+00:00'],
      // s6-log's `T`: the local time, two spaces after it (the zone is assumed, UTC here).
      [`2025-03-04 09:12:02.531120483  ${line}`, '2025-03-04T09:12:02+00:00'],
      // The same before a classic line the MTA wrote to its own output (s6-overlay's catch-all logger).
      [
        `2025-03-04 09:12:02.531120483  ${line.replace('mail.info: Mar  4 09:12:02 ', 'Mar  4 09:12:02 mail ')}`,
        '2025-03-04T09:12:02+00:00',
      ],
    ];
    for (const [text, date] of stamped) {
      const { incidents } = await extract(text, options);
      expect([incidents[0]?.format, incidents[0]?.occurredAt, incidents[0]?.remoteIp]).toEqual([
        'postfix',
        date,
        '193.252.22.65',
      ]);
    }
  });
});

describe('Postfix’s SMTP client conversation with a debug peer', () => {
  it('takes the address Orange’s EHLO answer names for that process’s refusal, never Orange’s', async () => {
    const { incidents } = await extract(fixture('postfix-debug-peer-orange-ehlo.log'), options);
    expect(
      incidents.map((i) => [
        i.sources.reply?.line,
        i.sendingIps,
        i.sources.sendingIps?.line,
        i.remoteIp,
        i.sendingDomain,
        i.orange?.reason,
      ]),
    ).toEqual([
      [16, [], undefined, '80.12.242.10', 'shop.example.com', 104],
      [21, ['203.0.113.7'], 7, '193.252.22.84', 'shop.example.com', 506],
    ]);
    // The conversation's own lines are no incidents: the status lines are.
    expect(incidents).toHaveLength(2);
  });
});

describe('FreeBSD’s syslogd with -v or -vv, the facility and level before the host', () => {
  it('reads Sendmail’s lines behind them: date, sender, sending IP, never Orange’s inbound server', async () => {
    const { incidents, warnings } = await extract(fixture('freebsd-syslogd-vv-sendmail.log'), options);
    expect(
      incidents.map((i) => [
        i.format,
        i.occurredAt,
        i.sendingIps,
        i.sendingHosts,
        i.sendingDomain,
        i.remoteHost,
        i.remoteIp,
        i.orange?.token,
        i.sources.reply?.line,
      ]),
    ).toEqual([
      [
        'sendmail',
        '2026-03-09T06:01:14+01:00',
        ['198.51.100.44'],
        // The syslog host `fbsd` by the full name in the msgid its Sendmail made (made-id-host.ts).
        ['fbsd.asso.example.org'],
        'asso.example.org',
        'smtp-in.orange.fr',
        '193.252.22.84',
        'OFR004_104',
        3,
      ],
    ]);
    // The final refusal Sendmail logged without Orange's words: said, not made an incident.
    expect(warnings.some((w) => w.text.en.includes('dsn=5.0.0'))).toBe(true);
  });

  it('reads the numeric form too, the year and zone then assumed and said', async () => {
    const text = fixture('freebsd-syslogd-vv-sendmail.log')
      .replace(/<mail\.info>/g, '<2.6>')
      .replace(/, msgid=<[^>]*>/, '');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.format, i.occurredAt, i.sendingIps, i.sendingDomain])).toEqual([
      ['sendmail', '2026-03-09T06:01:14+00:00', ['198.51.100.44'], 'asso.example.org'],
    ]);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('assumed-year-and-zone');
  });
});

describe('journalctl -o short-delta', () => {
  it('reads the line behind the seconds since boot and since the previous line, leaving the date empty', async () => {
    const text = [
      '[ 8123.456789 <    0.000123>] mx1 postfix/qmgr[1201]: 4VVx3k1Zq2z9sBd: from=<news@shop.example.com>, size=18230, nrcpt=1 (queue active)',
      '[ 8124.901234 <    1.444445>] mx1 postfix/smtp[1302]: 4VVx3k1Zq2z9sBd: to=<claire.petit@orange.fr>, relay=smtp-in.orange.fr[193.252.22.84]:25, delay=1.8, delays=0.02/0.01/1.2/0.5, dsn=5.0.0, status=bounced (host smtp-in.orange.fr[193.252.22.84] said: 550 mwinf5c21 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=198.51.100.23 [102] (in reply to MAIL FROM command))',
    ].join('\n');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => [i.format, i.occurredAt, i.sendingIps, i.sendingDomain, i.remoteIp])).toEqual(
      [['postfix', null, ['198.51.100.23'], 'shop.example.com', '193.252.22.84']],
    );
  });
});

describe('qmail-send logged by s6-log with its T stamp (local time, two spaces after it)', () => {
  it('reads each refusal with its sender, recipient and Orange’s address, the zone assumed', async () => {
    const { incidents } = await extract(fixture('qmail-s6-log-iso-local.log'), options);
    expect(
      incidents.map((i) => [
        i.format,
        i.occurredAt,
        i.sendingIps,
        i.sendingDomain,
        i.recipientDomain,
        i.remoteIp,
        i.reply.code,
        i.orange?.reason,
        i.sources.reply?.line,
      ]),
    ).toEqual([
      [
        'qmail',
        '2025-03-04T09:12:02+00:00',
        [],
        'asso.example.org',
        'orange.fr',
        '193.252.22.84',
        421,
        104,
        5,
      ],
      [
        'qmail',
        '2025-03-04T09:40:18+00:00',
        [],
        'asso.example.org',
        'wanadoo.fr',
        '80.12.242.10',
        550,
        416,
        10,
      ],
    ]);
    expect(incidents.every((i) => i.assumptions.some((a) => a.code === 'assumed-zone'))).toBe(true);
  });
});
